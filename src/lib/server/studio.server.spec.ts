import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MapEdit } from '../arguments/edit';
import type { MapInput } from '../arguments/schema';
import { editBasis, restoreEdits } from '../arguments/studio/ops';
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
		expect(answer).toMatchObject({ ok: false, status: 409 });
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

describe('studioStep with a step of several edits: all or nothing, one write', () => {
	let writes: number;
	beforeEach(() => {
		writes = 0;
		store.onChange(() => void writes++);
	});

	it('writes both edits of a step at once: one write, one change for the history', async () => {
		const seen = await readStudioMap(paths, MAP);
		ok(
			await step(
				seen.map,
				seen.version,
				{ kind: 'edit', id: 'buses', set: { claim: 'Buses are shared.' } },
				{ kind: 'meta', set: { title: 'A later start' } }
			)
		);
		expect(writes).toBe(1);
		expect(data()).toMatchObject({ title: 'A later start' });
		expect(JSON.stringify(data())).toContain('"claim":"Buses are shared."');
	});

	it('refuses the whole step when its second edit would break the map, and writes nothing', async () => {
		const before = text();
		const seen = await readStudioMap(paths, MAP);
		const answer = await step(
			seen.map,
			seen.version,
			{ kind: 'edit', id: 'buses', set: { claim: 'Buses are shared.' } },
			{ kind: 'edit', id: 'sleep', set: { cites: [{ source: MAP, quote: 'words nobody wrote' }] } }
		);
		expect(answer).toMatchObject({ ok: false, status: 400 });
		expect(!answer.ok && answer.message).toMatch(
			/^the change would break the map: content\/arguments\/e2e-school-day\.yaml:\d+:\d+: .*quote not found/
		);
		expect(text()).toBe(before);
		expect(writes).toBe(0);
	});

	it('refuses the whole step when its second edit names a node that is not there', async () => {
		const before = text();
		const seen = await readStudioMap(paths, MAP);
		const answer = await step(
			seen.map,
			seen.version,
			{ kind: 'edit', id: 'buses', set: { claim: 'Buses are shared.' } },
			{ kind: 'edit', id: 'no-such-node', set: { claim: 'Nothing.' } }
		);
		expect(answer).toMatchObject({ ok: false, status: 404 });
		expect(!answer.ok && answer.message).toMatch(/no-such-node/);
		expect(text()).toBe(before);
	});

	it('checks every edit against the map the editor saw, so a move and the reorder after it go together', async () => {
		const seen = await readStudioMap(paths, MAP);
		const answer = ok(
			await step(
				seen.map,
				seen.version,
				{ kind: 'move', id: 'cost', parent: 'sleep', relation: 'rebuts' },
				{ kind: 'reorder', parent: 'sleep', relation: 'rebuts', order: ['cost', 'evidence'] }
			)
		);
		expect(answer.merged).toBe(false);
		expect(writes).toBe(1);
		const sleep = data().thesis.supports!.find((n) => n.id === 'sleep')!;
		expect(sleep.rebuts!.map((n) => n.id)).toEqual(['cost', 'evidence']);
	});

	it('an undo of a delete whose presentation order another editor changed since puts back nothing', async () => {
		const seen = await readStudioMap(paths, MAP);
		const remove: MapEdit = { kind: 'remove', id: 'sleep' };
		const deleted = ok(await step(seen.map, seen.version, remove));
		const undo = stepOf('delete', seen.map, deleted.map, remove, deleted.results[0]!).undo;
		expect(undo.map((e) => e.kind)).toEqual(['insert', 'meta']);
		// Another editor reorders the presentation meanwhile.
		const order = [...deleted.map.reveal_order!.filter((id) => id !== 'buses'), 'buses'];
		ok(await step(deleted.map, deleted.version, { kind: 'meta', set: { reveal_order: order } }));
		const before = text();
		const answer = await step(deleted.map, deleted.version, ...undo);
		expect(answer).toMatchObject({ ok: false, status: 409 });
		expect(!answer.ok && answer.message).toMatch(/another editor changed the map's reveal order/);
		// Not the node without its place in the order: nothing.
		expect(text()).toBe(before);
		expect(JSON.stringify(data())).not.toContain('"id":"sleep"');
	});

	it('an undo of a delete and its redo are one write each, and give the file back byte for byte', async () => {
		const before = text();
		const seen = await readStudioMap(paths, MAP);
		const remove: MapEdit = { kind: 'remove', id: 'sleep' };
		const deleted = ok(await step(seen.map, seen.version, remove));
		const without = text();
		const made = stepOf('delete', seen.map, deleted.map, remove, deleted.results[0]!);
		const undone = ok(await step(deleted.map, deleted.version, ...made.undo));
		expect(text()).toBe(before);
		ok(await step(undone.map, undone.version, ...made.redo));
		expect(text()).toBe(without);
		expect(writes).toBe(3);
	});
});

describe('studioStep restoring a node from the archive', () => {
	it('puts the node back with its places in the presentation order, in one write: the file byte for byte', async () => {
		const before = text();
		const seen = await readStudioMap(paths, MAP);
		const deleted = ok(await step(seen.map, seen.version, { kind: 'remove', id: 'sleep' }));
		const [entry] = restorable(await store.archive(MAP), deleted.map);
		expect(entry).toMatchObject({ reveal_order: seen.map.reveal_order });
		let writes = 0;
		store.onChange(() => void writes++);
		const edits = restoreEdits(deleted.map, entry!);
		expect(edits.map((e) => e.kind)).toEqual(['insert', 'meta']);
		ok(await step(deleted.map, deleted.version, ...edits));
		expect(text()).toBe(before);
		expect(writes).toBe(1);
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
