import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MapEdit } from '../arguments/edit';
import type { MapInput } from '../arguments/schema';
import { editBasis } from '../arguments/studio/ops';
import { parseStudioRequest } from '../arguments/studio/request';
import { stepOf } from '../arguments/studio/steps';
import { studioScratch as scratch, STUDIO_MAP } from '../../../tests/fixtures/studio-content';
import { loadContentFromDisk, type ContentPaths } from './content-files';
import { createStore, type Store } from './store.server';
import {
	readStudioMap,
	restorable,
	studioStep,
	versionOf,
	type StudioAnswer
} from './studio.server';

const MAP = STUDIO_MAP;

let paths: ContentPaths;
let store: Store;
const file = () => join(paths.mapsDir, `${MAP}.yaml`);
const text = () => readFileSync(file(), 'utf8');
const data = () => parse(text()) as MapInput;

beforeEach(() => {
	paths = scratch();
	const { content, problems } = loadContentFromDisk(paths);
	expect(problems).toEqual([]);
	store = createStore({ paths, sources: () => content.sources });
});

/** A step as the page sends it: each edit with its basis in the map the editor saw. */
function step(seen: MapInput, version: string, ...edits: MapEdit[]) {
	const parsed = parseStudioRequest({
		version,
		edits: edits.map((edit) => ({ edit, basis: editBasis(seen, edit) }))
	});
	if (!parsed.ok) throw new Error(parsed.message);
	return studioStep(store, paths, MAP, parsed.request, { editor: 'Editor' });
}

const ok = (answer: StudioAnswer) => {
	if (!answer.ok) throw new Error(answer.message);
	return answer;
};

describe('studioStep', () => {
	it('writes an edit and answers with the new version and data', async () => {
		const seen = await readStudioMap(paths, MAP);
		const answer = ok(
			await step(seen.map, seen.version, {
				kind: 'insert',
				parent: 'sleep',
				relation: 'supports',
				node: { claim: 'A later start fits the body clock.', editorial: 'Needs a passage.' }
			})
		);
		expect(answer.results).toEqual([{ kind: 'insert', id: 'a-later-start-fits-the-body-clock' }]);
		expect(answer.version).toBe(versionOf(text()));
		expect(answer.merged).toBe(false);
		expect(answer.map).toEqual(data());
	});

	it('merges an edit made against an older version when its node did not change', async () => {
		const seen = await readStudioMap(paths, MAP);
		ok(await step(seen.map, seen.version, { kind: 'edit', id: 'buses', set: { claim: 'Buses.' } }));
		const answer = ok(
			await step(seen.map, seen.version, { kind: 'edit', id: 'cost', set: { claim: 'Cost.' } })
		);
		expect(answer.merged).toBe(true);
		const nodes = JSON.stringify(data());
		expect(nodes).toContain('"claim":"Buses."');
		expect(nodes).toContain('"claim":"Cost."');
	});

	it('refuses an edit of a node another editor changed since, naming it, and writes nothing', async () => {
		const seen = await readStudioMap(paths, MAP);
		ok(await step(seen.map, seen.version, { kind: 'edit', id: 'buses', set: { claim: 'Mine.' } }));
		const after = text();
		const answer = await step(seen.map, seen.version, {
			kind: 'edit',
			id: 'buses',
			set: { claim: 'Theirs.' }
		});
		expect(answer).toMatchObject({ ok: false, status: 409, done: 0 });
		expect(!answer.ok && answer.message).toMatch(/another editor changed the node "buses"/);
		expect(text()).toBe(after);
	});

	it('refuses a change that would break the map with the check:content message, and writes nothing', async () => {
		const before = text();
		const seen = await readStudioMap(paths, MAP);
		const answer = await step(seen.map, seen.version, {
			kind: 'edit',
			id: 'sleep',
			set: { cites: [{ source: MAP, quote: 'words nobody wrote' }] }
		});
		expect(answer).toMatchObject({ ok: false, status: 400 });
		expect(!answer.ok && answer.message).toMatch(
			/^the change would break the map: content\/arguments\/e2e-school-day\.yaml:\d+:\d+: .*quote not found/
		);
		expect(text()).toBe(before);
	});

	it('a delete goes to the archive, and its undo puts the node and its reveal_order place back', async () => {
		const before = text();
		const seen = await readStudioMap(paths, MAP);
		const remove: MapEdit = { kind: 'remove', id: 'sleep' };
		const answer = ok(await step(seen.map, seen.version, remove));
		const archive = await store.archive(MAP);
		expect(archive).toHaveLength(1);
		expect(archive[0]).toMatchObject({
			parent: 'later-start',
			relation: 'supports',
			index: 0,
			editor: 'Editor',
			node: { id: 'sleep', rebuts: [{ id: 'evidence' }] }
		});
		expect(archive[0]!.deleted).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(restorable(archive, answer.map).map((e) => e.node.id)).toEqual(['sleep']);
		expect(answer.map.reveal_order).not.toContain('sleep');
		const undo = stepOf('delete', seen.map, answer.map, remove, answer.results[0]!).undo;
		ok(await step(answer.map, answer.version, ...undo));
		expect(data()).toEqual(parse(before));
		expect(restorable(await store.archive(MAP), data())).toEqual([]);
	});
});

describe('parseStudioRequest', () => {
	it.each([
		[{ version: 'v', edits: [] }, /^no edit given$/],
		[
			{ version: 'v', edits: [{ edit: { kind: 'remove', id: '../x' }, basis: {} }] },
			/^edit\.id: an id is lowercase/
		],
		[
			{ version: 'v', edits: [{ edit: { kind: 'write-file', path: '/etc' }, basis: {} }] },
			/^edit\.kind: /
		],
		[
			{
				version: 'v',
				edits: [{ edit: { kind: 'edit', id: 'a', set: { claim: ' ' } }, basis: {} }]
			},
			/^edit\.set\.claim: claim is empty$/
		],
		[
			{
				version: 'v',
				edits: [
					{
						edit: { kind: 'insert', parent: 'a', relation: 'supports', node: { claim: 'x' } },
						basis: {}
					}
				]
			},
			/node cites no source/
		]
	])('refuses %j with a message naming the field', (input, message) => {
		const parsed = parseStudioRequest(input);
		expect(parsed.ok).toBe(false);
		expect(!parsed.ok && parsed.message).toMatch(message);
	});
});
