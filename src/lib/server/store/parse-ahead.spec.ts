// The store parses the map it wrote once nothing waits for it, so the next
// burst's first write starts from that tree; seen through parseAhead's results.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scratchRoot } from '../../../../tests/fixtures/content-helpers';
import * as edit from '../../arguments/edit';
import { loadContentFromDisk, type ContentPaths } from '../content-files';
import { createStore, faults, type Store } from '../store.server';

const parsed: edit.ParsedAhead[] = [];
vi.mock('../../arguments/edit', async (original) => {
	const actual = await original<typeof edit>();
	return {
		...actual,
		parseAhead: (text: string) => {
			const ahead = actual.parseAhead(text);
			parsed.push(ahead);
			return ahead;
		}
	};
});

const MAP = 'boric-election-thread';
let paths: ContentPaths;
let store: Store;
const mapFile = () => join(paths.mapsDir, `${MAP}.yaml`);
const propose = (claim: string) =>
	store.propose(MAP, 'great-result', { relation: 'supports', claim });
// The parse runs once the event loop turns after the replies.
const idle = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(() => {
	paths = scratchRoot('atlas-parse-ahead');
	const { content } = loadContentFromDisk(paths);
	store = createStore({ paths, sources: () => content.sources });
	parsed.length = 0;
});
afterEach(async () => {
	faults.beforeRename = undefined;
	// A parse the test's last write scheduled, before the next test counts.
	await idle();
});

describe('parsing ahead the map a write left', () => {
	it('parses the text written once nothing waits, and the next write edits that tree', async () => {
		await propose('First.');
		expect(parsed).toEqual([]);
		await idle();
		expect(parsed).toHaveLength(1);
		expect(parsed[0]!.text).toBe(readFileSync(mapFile(), 'utf8'));
		expect(parsed[0]!.tree).toBeDefined();
		const { id } = await propose('Second.');
		// Taken by the second write, which changed it.
		expect(parsed[0]!.tree).toBeUndefined();
		expect(readFileSync(mapFile(), 'utf8')).toContain(`id: ${id}`);
	});

	it('does not parse while another change of the map waits: that write reads the file anew', async () => {
		let second: ReturnType<typeof propose> | undefined;
		faults.beforeRename = () => {
			faults.beforeRename = undefined;
			second = propose('Arrived during the first write.');
		};
		await propose('First.');
		await second;
		await idle();
		// Once, after the second write: not the text of the first.
		expect(parsed.map((p) => p.text)).toEqual([readFileSync(mapFile(), 'utf8')]);
	});

	it('a hand save after the parse is kept: the next write edits the saved file', async () => {
		await propose('Before the save.');
		await idle();
		appendFileSync(mapFile(), '# saved by hand\n');
		const { id } = await propose('After the save.');
		const text = readFileSync(mapFile(), 'utf8');
		expect(text).toContain('# saved by hand');
		expect(text).toContain(`id: ${id}`);
		// The tree of the text before the save was not used.
		expect(parsed[0]!.tree).toBeDefined();
	});
});
