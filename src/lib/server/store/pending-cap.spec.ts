import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentPaths, loadContentFromDisk, type ContentPaths } from '../content-files';
import { createStore, StoreError } from '../store.server';

const MAP = 'e2e-school-day';
const fixtures = 'tests/fixtures/e2e';

/** A content root holding one fixture map and its source. */
function scratch(): ContentPaths {
	const root = mkdtempSync(join(tmpdir(), 'atlas-cap-'));
	mkdirSync(join(root, 'content', 'arguments'), { recursive: true });
	mkdirSync(join(root, 'seeds'));
	cpSync(
		join(fixtures, 'arguments', `${MAP}.yaml`),
		join(root, 'content', 'arguments', `${MAP}.yaml`)
	);
	cpSync(join(fixtures, 'seeds', `${MAP}.txt`), join(root, 'seeds', `${MAP}.txt`));
	const entries = readFileSync(join(fixtures, 'seeds', 'sources.yaml'), 'utf8');
	writeFileSync(
		join(root, 'seeds', 'sources.yaml'),
		entries.slice(
			entries.indexOf(`- id: ${MAP}`),
			entries.indexOf('- id:', entries.indexOf(`- id: ${MAP}`) + 1)
		)
	);
	return contentPaths(root);
}

let paths: ContentPaths;
const mapFile = () => join(paths.mapsDir, `${MAP}.yaml`);
const pending = () => readFileSync(mapFile(), 'utf8').split('status: proposed').length - 1;
const proposal = (i: number) => ({ relation: 'rebuts' as const, claim: `Objection number ${i}` });

function storeWithCap(cap: number) {
	const { content, problems } = loadContentFromDisk(paths);
	expect(problems).toEqual([]);
	return createStore({ paths, sources: () => content.sources, pendingCap: cap });
}

beforeEach(() => {
	paths = scratch();
});

describe('a cap on pending proposals per map', () => {
	it('lands proposals up to the cap and refuses the rest with 429 and plain words, writing none of them', async () => {
		const store = storeWithCap(3);
		const outcomes = await Promise.allSettled(
			Array.from({ length: 5 }, (_, i) => store.propose(MAP, 'later-start', proposal(i)))
		);
		const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
		expect(refused).toHaveLength(2);
		for (const e of refused) {
			expect(e).toBeInstanceOf(StoreError);
			expect((e as StoreError).status).toBe(429);
			expect((e as StoreError).message).toMatch(
				/^this map has 3 proposals waiting for review, as many as it takes: try again once an editor has reviewed some$/
			);
		}
		expect(pending()).toBe(3);
		expect(loadContentFromDisk(paths).problems).toEqual([]);
	});

	it('leaves the file untouched when a full map refuses a proposal, and takes one again after a review', async () => {
		const store = storeWithCap(1);
		const { id } = await store.propose(MAP, 'later-start', proposal(1));
		const before = readFileSync(mapFile());
		await expect(store.propose(MAP, 'later-start', proposal(2))).rejects.toThrow(
			/waiting for review/
		);
		expect(readFileSync(mapFile()).equals(before)).toBe(true);
		// An editor's review of a full map goes through, and makes room.
		await store.accept(MAP, id);
		await expect(store.propose(MAP, 'later-start', proposal(3))).resolves.toHaveProperty('id');
		expect(pending()).toBe(1);
	});
});
