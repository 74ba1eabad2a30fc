import { expect, test, type Page } from '@playwright/test';

// A generated map of 160 editorial nodes, four children each
// (tests/fixtures/e2e/arguments/e2e-big.yaml): more than opens fully, so its
// page carries the claims of levels 0–2 (what the tree opens) and of the
// selected node's neighbourhood; the rest (big-21 on) come from
// /maps/e2e-big/tree.json.
const MAP = '/maps/e2e-big';
const DEEP = 'big-150';
const claim = (i: number) => `Big-map claim ${i} of the e2e fixture.`;

const tree = (page: Page) => page.getByRole('tree');
const item = (page: Page, id: string) => page.locator(`[role="treeitem"][data-node-id="${id}"]`);

async function openMap(page: Page, path = MAP) {
	await page.goto(path);
	await expect(tree(page)).toHaveAttribute('data-ready', '');
}

test.describe('a big map', () => {
	test('its page carries the claims of a first view, not those of the deepest level', async ({
		request
	}) => {
		const html = await (await request.get(MAP)).text();
		expect(html).toContain(claim(20));
		expect(html).not.toContain(claim(21));
		expect(html).not.toContain(claim(150));
		// …but a deep node's page carries its own line and what is beside it.
		const deep = await (await request.get(`${MAP}/${DEEP}`)).text();
		expect(deep).toContain(claim(150));
		expect(deep).not.toContain(claim(100));
	});

	test('Expand all shows every claim, fetched when asked for', async ({ page }) => {
		await openMap(page);
		const fetched = page.waitForResponse((r) => r.url().endsWith(`${MAP}/tree.json`));
		await page.getByRole('button', { name: 'Expand all' }).click();
		expect((await fetched).ok()).toBe(true);
		await expect(page.getByRole('button', { name: 'Expand all' })).not.toHaveAttribute(
			'aria-busy',
			'true'
		);
		// The deepest nodes are drawn with their claims.
		await page.getByRole('button', { name: 'Fit to screen' }).click();
		await expect(item(page, 'big-159')).toHaveAttribute('aria-label', new RegExp(claim(159)));
	});

	test('in-map search finds a claim the page did not carry', async ({ page }) => {
		await openMap(page);
		const input = page.getByRole('searchbox', { name: 'Search this map' });
		await input.fill('claim 150');
		const results = page.getByTestId('search-results').getByRole('listitem');
		await expect(results).toHaveCount(1);
		await results.getByRole('link').click();
		await expect(page).toHaveURL(`${MAP}/${DEEP}`);
		await expect(item(page, DEEP)).toHaveAttribute('aria-selected', 'true');
		await expect(item(page, DEEP)).toHaveAttribute('aria-label', new RegExp(claim(150)));
	});

	test('a deep link shows its node with its claim before anything is fetched', async ({ page }) => {
		let fetchedTree = false;
		page.on('request', (r) => {
			if (r.url().endsWith('/tree.json')) fetchedTree = true;
		});
		await openMap(page, `${MAP}/${DEEP}`);
		await expect(item(page, DEEP)).toHaveAttribute('aria-selected', 'true');
		await expect(item(page, DEEP)).toHaveAttribute('aria-label', new RegExp(claim(150)));
		await expect(page.getByTestId('node-detail')).toContainText(claim(150));
		expect(fetchedTree).toBe(false);
	});

	test('the map page loads no validation or YAML library', async ({ page }) => {
		const scripts: Promise<string>[] = [];
		page.on('response', (r) => {
			if (r.request().resourceType() === 'script') scripts.push(r.text());
		});
		await openMap(page);
		const sources = await Promise.all(scripts);
		expect(sources.length).toBeGreaterThan(0);
		for (const source of sources) {
			expect(source).not.toContain('$ZodType'); // zod: 24 kB gzip
			expect(source).not.toContain('YAMLParseError'); // yaml
		}
	});
});
