import { describe, expect, it } from 'vitest';
import { scratchRoot } from '../../../tests/fixtures/content-helpers';

const { root } = scratchRoot('atlas-contribute');
process.env.ATLAS_ROOT = root;
process.env.ATLAS_GIT = 'off';
const { getContent } = await import('./content.server');
const { getStore } = await import('./contribute.server');

describe("the app's store", () => {
	it('a proposal reloads only its own map: readers of the others keep what was loaded', async () => {
		const before = getContent();
		const other = before.maps.get('kast-election-report');
		expect(other).toBeDefined();
		const { id } = await getStore().propose('boric-election-thread', 'great-result', {
			relation: 'rebuts',
			claim: 'A proposal that reloads one map'
		});
		const after = getContent();
		// The written map is read again at once (the reader who proposed sees it) ...
		expect(after.maps.get('boric-election-thread')?.nodeById.get(id)?.status).toBe('proposed');
		// ... and the others are the very objects loaded before: nothing was parsed again.
		expect(after.maps.get('kast-election-report')).toBe(other);
	});
});
