import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { scratchRoot } from '../../../../tests/fixtures/content-helpers';
import { loadContentFromDisk } from '../content-files';
import { createStore } from '../store.server';
import { commitStoreChanges, writtenChange } from './store-commits.server';

vi.setConfig({ testTimeout: 60_000 });

const MAP = 'boric-election-thread';
const git = (cwd: string, ...args: string[]) =>
	execFileSync('git', args, { cwd, encoding: 'utf8' });

/** A clone-like content root: the fixture content, committed. */
function repo() {
	return scratchRoot('atlas-store-git', { git: true });
}

/** Wait for git to have `n` commits: the store does not wait for them. */
const commits = (root: string) => Number(git(root, 'rev-list', '--count', 'HEAD').trim());

describe('commitStoreChanges(store, root)', () => {
	it('commits a proposal as its contributor, then its acceptance as the editor, and a rejection with its archive', async () => {
		const paths = repo();
		const { content } = loadContentFromDisk(paths);
		const store = createStore({ paths, sources: () => content.sources });
		const contributors = new Map<string, string>();
		commitStoreChanges(store, paths.root, (_map, id) => contributors.get(id));
		const thesis = content.maps.get(MAP)!.rootId;

		const { id } = await store.propose(MAP, thesis, {
			relation: 'rebuts',
			claim: 'A proposed objection.',
			contributor: 'Ana (student)'
		});
		await expect.poll(() => commits(paths.root), { timeout: 20_000 }).toBe(2);
		contributors.set(id, 'Ana (student)');
		await store.accept(MAP, id);
		await expect.poll(() => commits(paths.root), { timeout: 20_000 }).toBe(3);
		const { id: second } = await store.propose(MAP, thesis, {
			relation: 'supports',
			claim: 'Another one.',
			contributor: 'Ben'
		});
		await expect.poll(() => commits(paths.root), { timeout: 20_000 }).toBe(4);
		contributors.set(second, 'Ben');
		await store.reject(MAP, second, 'off topic');
		await expect.poll(() => commits(paths.root), { timeout: 20_000 }).toBe(5);

		expect(git(paths.root, 'log', '--format=%an|%cn|%s', '-4').trim().split('\n')).toEqual([
			`Ben|Editor|${MAP}: reject ${second} (proposed by Ben)`,
			`Ben|Argument Atlas|${MAP}: propose ${second} (proposed by Ben)`,
			`Ana (student)|Editor|${MAP}: accept ${id} (proposed by Ana (student))`,
			`Ana (student)|Argument Atlas|${MAP}: propose ${id} (proposed by Ana (student))`
		]);
		expect(
			git(paths.root, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()
		).toEqual([`content/archive/${MAP}.yaml`, `content/arguments/${MAP}.yaml`]);
		expect(git(paths.root, 'status', '--porcelain')).toBe('');
	});
});

describe('writtenChange(event)', () => {
	const event = {
		file: '/nowhere/m.yaml',
		map: 'm',
		nodeIds: ['n'],
		message: 'm: move n under t (rebuts)'
	};

	it('tells a proposal from an editor’s insert, and keeps the store’s words for studio edits', () => {
		expect(writtenChange({ ...event, kind: 'insert', author: 'Ana' })).toMatchObject({
			kind: 'propose',
			author: 'Ana',
			editor: undefined
		});
		expect(writtenChange({ ...event, kind: 'insert' })).toMatchObject({
			kind: 'edit',
			editor: 'Editor'
		});
		expect(writtenChange({ ...event, kind: 'move' })).toMatchObject({
			kind: 'edit',
			summary: 'move n under t (rebuts)'
		});
	});

	it('names the contributor of an accepted node as its author, and only files that exist', () => {
		const change = writtenChange(
			{ ...event, kind: 'accept', files: ['/nowhere/a.yaml', 'package.json'] },
			() => 'Ana'
		);
		expect(change).toMatchObject({
			kind: 'accept',
			author: 'Ana',
			editor: 'Editor',
			files: ['package.json']
		});
	});
});
