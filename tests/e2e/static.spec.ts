/**
 * The static build: build-static/ (`BASE_PATH=/atlas npm run build:static`,
 * run by `npm test`) served as plain files under /atlas/ by
 * scripts/serve-static.js, which answers anything but GET with 405, like a
 * static host. Paths below are relative to that base URL.
 */
import { expectAccessible } from './axe';
import { decodeQr, selectWithMouse } from './helpers';
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { insertNode } from '../../src/lib/arguments/edit';
import { slides } from '../../src/lib/arguments/classroom';
import { withoutProposed } from '../../src/lib/arguments/view';
import { contentPaths, loadContentFromDisk } from '../../src/lib/server/content-files';

// The static copy is built from the curated content, which editors improve freely: the spec
// takes its map, nodes, passage and search words from that content instead of naming them.
const { content } = loadContentFromDisk(contentPaths());
const curated = [...content.maps.values()];
const chosen = curated.find(
	(m) => withoutProposed(m.nodes).filter((n) => n.cites.length).length > 2
);
if (!chosen) throw new Error('the static spec needs a map with three cited nodes');
const MAP = chosen.id;
const MAP_FILE = `content/arguments/${MAP}.yaml`;
const cited = withoutProposed(chosen.nodes).filter((n) => n.parentId && n.cites.length);
/** A cited node below the thesis, and another for a shared link. */
const NODE = cited[0]!;
const SHARED = cited.at(-1)!;
const SOURCE = content.sources.get(NODE.cites[0]!.source)!;
const SOURCE_TITLE = SOURCE.title;
/** A passage of that source to cite in a proposal: the node's own quote. */
const PASSAGE = NODE.cites[0]!.quote;
const { slides: SLIDES } = slides(content, chosen);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const claimText = (claim: string) => new RegExp(escape(claim));
const words = (text: string): string[] => text.toLowerCase().match(/\b[a-z]{7,}\b/g) ?? [];
/** A word in the claims of two maps, and one in a claim of this map below its thesis. */
const SHARED_WORD = [
	...new Set(curated.flatMap((m) => m.nodes.flatMap((n) => words(n.claim))))
].find((w) => curated.filter((m) => m.nodes.some((n) => words(n.claim).includes(w))).length > 1);
const MAP_WORD = words(NODE.claim)[0]!;

/**
 * What a node's page needs besides the node: its line to the thesis, its
 * children, and the nodes the map's lesson names (in the map's context).
 * Every other node of the map comes from the map's one tree file.
 */
function farFrom(node: typeof NODE) {
	const lesson = chosen!.lesson;
	const near = new Set([
		node.id,
		...node.childIds,
		...(lesson?.path ?? []),
		...(lesson?.skip.map((s) => s.node) ?? [])
	]);
	for (let p = node.parentId; p !== null; p = chosen!.nodeById.get(p)!.parentId) near.add(p);
	return chosen!.nodes.filter((n) => !near.has(n.id));
}

/** Every string in a JSON value (SvelteKit's __data.json keeps each one once). */
const stringsOf = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: value && typeof value === 'object'
			? Object.values(value).flatMap(stringsOf)
			: [];

const tree = (page: Page) => page.getByRole('tree');
const item = (page: Page, id: string) => page.locator(`[role="treeitem"][data-node-id="${id}"]`);
const detailHeading = (page: Page) =>
	page.getByTestId('node-detail').getByRole('heading', { level: 2 });

/**
 * Whatever a static copy must never see: a response that is an error (a
 * broken link, a missing data file) or a request that writes.
 */
function watchForFailures(page: Page): string[] {
	const failures: string[] = [];
	page.on('response', (r) => {
		if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
	});
	page.on('request', (r) => {
		if (!['GET', 'HEAD'].includes(r.method())) failures.push(`${r.method()} ${r.url()}`);
	});
	return failures;
}

/** The first of `nodes` whose box in the drawn tree is not covered by anything else. */
async function clickableNode(page: Page, nodes: typeof cited) {
	for (const node of nodes) {
		const box = item(page, node.id).locator('.box');
		if (!(await box.count())) continue;
		await box.scrollIntoViewIfNeeded();
		const onTop = await box.evaluate((el) => {
			const r = el.getBoundingClientRect();
			const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
			return hit !== null && el.closest('[role="treeitem"]')!.contains(hit);
		});
		if (onTop) return node;
	}
	throw new Error(`no cited node of ${MAP} can be clicked in the tree`);
}

async function openForm(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('form[data-hydrated="true"]')).toHaveCount(1);
}

test.describe('The static copy', () => {
	test('a reader goes from the maps to a claim, its passage, and back', async ({
		page,
		baseURL
	}) => {
		const failures = watchForFailures(page);
		await page.goto('');
		await page.getByRole('link', { name: chosen.title, exact: true }).click();
		await expect(page).toHaveURL(`${baseURL}maps/${MAP}`);
		await expect(tree(page)).toHaveAttribute('data-ready', '');
		await expectAccessible(page);

		// Choosing a node loads its detail from the prerendered data files: a cited
		// node the reader can see and click, as a person would pick one.
		const node = await clickableNode(page, cited);
		await item(page, node.id).locator('.box').click();
		await expect(page).toHaveURL(`${baseURL}maps/${MAP}/${node.id}`);
		await expect(detailHeading(page)).toHaveText(claimText(node.claim));

		// The claim's passage, marked in the source and scrolled to.
		const source = content.sources.get(node.cites[0]!.source)!;
		await page.getByTestId('node-detail').getByRole('link', { name: source.title }).click();
		await expect(page).toHaveURL(new RegExp(`sources/${source.id}\\?at=\\d+-\\d+#passage$`));
		const marked = page.locator('mark.current').first();
		await expect(marked).toBeVisible();
		await expect(marked).toBeInViewport();
		const passage = page.locator('[data-testid="passage"].current');
		await expect(passage).toHaveCount(1);

		// And from the passage, back to the claims that cite it.
		await passage.getByRole('link', { name: claimText(node.claim) }).click();
		await expect(page).toHaveURL(`${baseURL}maps/${MAP}/${node.id}`);

		// A link someone shared opens on its own, straight from the file.
		await page.goto(`maps/${MAP}/${SHARED.id}`);
		await expect(detailHeading(page)).toHaveText(claimText(SHARED.claim));
		await expect(item(page, SHARED.id)).toHaveAttribute('aria-selected', 'true');
		expect(failures).toEqual([]);
	});

	test('a proposal becomes YAML to copy or download, and that YAML is a valid node', async ({
		page,
		context
	}) => {
		const failures = watchForFailures(page);
		await page.goto(`maps/${MAP}/${NODE.id}`);
		await page.getByRole('link', { name: 'Add a rebuttal' }).click();
		await expect(page.locator('form[data-hydrated="true"]')).toHaveCount(1);
		await expect(page.getByLabel('rebuts the claim')).toBeChecked();

		// Cite by selecting the passage in the source reader.
		await page.getByRole('link', { name: SOURCE_TITLE }).click();
		await expect(page).toHaveURL(new RegExp(`sources/${SOURCE.id}\\?cite=`));
		await selectWithMouse(page, PASSAGE, 0);
		await page.getByTestId('cite').click();
		await expect(page).toHaveURL(new RegExp(`contribute/${MAP}/${NODE.id}\\?`));
		await expect(page.getByLabel('Quote')).toHaveValue(PASSAGE);
		await expect(page.getByLabel('Source', { exact: true })).toHaveValue(SOURCE.id);
		await expect(page.getByLabel('rebuts the claim')).toBeChecked();

		const claim = 'The commenter holds that the decisive constitutional fight was already won';
		await page.getByLabel(/^Claim/).fill(claim);
		await page.getByLabel(/^Your name/).fill('Static Reader');
		await page.getByRole('button', { name: 'Prepare the YAML' }).click();

		const snippet = page.getByTestId('snippet');
		await expect(
			snippet.getByRole('heading', { name: 'Your proposal, ready to commit' })
		).toBeFocused();
		await expect(snippet).toContainText(MAP_FILE);
		const text = await page.getByLabel(/^YAML for the node/).inputValue();
		expect(text).toContain(`# under the node "${NODE.id}", in its \`rebuts:\` list`);
		await expectAccessible(page);

		// Download: the same text, in a file named after the new node.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('download').click()
		]);
		expect(download.suggestedFilename()).toMatch(
			/^the-commenter-holds-that-the-decisive\S*\.yaml$/
		);
		expect(readFileSync((await download.path())!, 'utf8')).toBe(text);

		// Copy: the same text on the clipboard.
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.getByRole('button', { name: 'Copy' }).click();
		await expect(snippet.getByRole('status')).toHaveText('Copied.');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

		// What an editor commits: the node, under NODE, validates with the rest.
		const [node] = parse(text) as Record<string, unknown>[];
		const { id, ...fields } = node!;
		const mapText = readFileSync(MAP_FILE, 'utf8');
		expect(mapText).not.toContain(`id: ${id}\n`);
		expect(fields).toMatchObject({
			claim,
			status: 'proposed',
			contributor: 'Static Reader',
			cites: [{ source: SOURCE.id, quote: PASSAGE }]
		});
		const root = mkdtempSync(join(tmpdir(), 'atlas-static-'));
		cpSync('content', join(root, 'content'), { recursive: true });
		cpSync('seeds', join(root, 'seeds'), { recursive: true });
		const added = insertNode(mapText, NODE.id, 'rebuts', fields as never);
		writeFileSync(join(root, MAP_FILE), added.text);
		const { content, problems } = loadContentFromDisk(contentPaths(root));
		expect(problems).toEqual([]);
		expect(content.maps.get(MAP)!.nodeById.get(added.id)).toMatchObject({
			claim,
			status: 'proposed',
			relation: 'rebuts',
			parentId: NODE.id
		});
		expect(failures).toEqual([]);
	});

	test('a typed quote that is not in the source is refused beside its field', async ({ page }) => {
		const failures = watchForFailures(page);
		await openForm(page, `contribute/${MAP}/${NODE.id}?relation=supports`);
		await page.getByLabel(/^Claim/).fill('A claim with a quote that no source has');
		await page.getByLabel('Source', { exact: true }).selectOption(SOURCE.id);
		await page.getByLabel('Quote').fill('Boric promised to abolish the constitution by Friday');
		await page.getByRole('button', { name: 'Prepare the YAML' }).click();
		await expect(page.locator('#quote-error')).toHaveText(/quote not found in source/);
		await expect(page.getByLabel('Quote')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByTestId('snippet')).toHaveCount(0);
		expect(failures).toEqual([]);
	});

	test('presentation resumes from its URL, and its QR code points at this host', async ({
		page,
		baseURL
	}) => {
		const failures = watchForFailures(page);
		await page.goto(`present/${MAP}?step=4`);
		await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		await expect(page.getByTestId('claim')).toHaveText(claimText(SLIDES[3]!.claim));
		await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`4 / ${SLIDES.length}`));
		const qr = page.getByTestId('qr').locator('img');
		await expect(qr).toBeVisible();
		expect(await decodeQr(page, qr)).toBe(`${baseURL}maps/${MAP}/${SLIDES[3]!.id}`);

		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`5 / ${SLIDES.length}`));
		await expect(page).toHaveURL(/\?step=5$/);
		await page.reload();
		await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`5 / ${SLIDES.length}`));

		// The handout's code too.
		await page.goto(`print/${MAP}`);
		const handoutQr = page.getByTestId('qr').locator('img');
		await expect(handoutQr).toBeVisible();
		expect(await decodeQr(page, handoutQr)).toBe(`${baseURL}maps/${MAP}`);
		expect(failures).toEqual([]);
	});

	test('search runs in the browser, across maps and in one', async ({ page, baseURL }) => {
		const failures = watchForFailures(page);
		expect(SHARED_WORD).toBeDefined();
		await page.goto(`search?q=${SHARED_WORD}`);
		await expect(page.getByTestId('search-summary')).toHaveText(/^\d+ matching claims?\.$/);
		await expect(page.getByLabel('Words to find in claims, notes and quotes')).toHaveValue(
			SHARED_WORD!
		);
		const groups = page.getByTestId('search-group');
		expect(await groups.count()).toBeGreaterThan(1);

		await page.getByLabel('Words to find in claims, notes and quotes').fill(MAP_WORD);
		await page.getByLabel('In which map').selectOption(MAP);
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page).toHaveURL(new RegExp(`search\\?q=${MAP_WORD}&map=${MAP}$`));
		await expect(groups).toHaveCount(1);
		await expect(page.getByTestId('search-summary')).toHaveText(/^\d+ matching claims?\.$/);
		await groups.getByRole('link').nth(1).click();
		await expect(page).toHaveURL(new RegExp(`^${baseURL}maps/${MAP}/[a-z0-9-]+$`));
		await expect(detailHeading(page)).toBeVisible();
		expect(failures).toEqual([]);
	});

	test('a node page carries its node and neighbours, and the map comes in one shared file', async ({
		request
	}) => {
		const far = farFrom(NODE);
		expect(far.length).toBeGreaterThan(0);
		const html = await (await request.get(`maps/${MAP}/${NODE.id}`)).text();
		const data = stringsOf(await (await request.get(`maps/${MAP}/${NODE.id}/__data.json`)).json());
		// The node itself, and its passage, are in both.
		expect(html).toContain(`"${NODE.id}"`);
		expect(data).toContain(NODE.claim);
		expect(data).toContain(PASSAGE);
		for (const n of far) {
			expect(html, `the page of ${NODE.id} names the far node ${n.id}`).not.toContain(`"${n.id}"`);
			expect(data, `the data of ${NODE.id} carries the far node ${n.id}`).not.toContain(n.id);
			expect(data, `the data of ${NODE.id} carries the claim of ${n.id}`).not.toContain(n.claim);
		}
		// The map's tree file, which every node page of the map shares, has every node.
		const whole = await (await request.get(`maps/${MAP}/tree.json`)).json();
		expect(whole.ids).toEqual(chosen.nodes.map((n) => n.id));
		expect(whole.claims).toEqual(chosen.nodes.map((n) => n.claim));
	});

	test('the editing pages say how editors work with a static copy', async ({ page }) => {
		for (const path of ['review', 'new']) {
			await page.goto(path);
			await expect(page.getByTestId('static-editing')).toContainText('npm run check:content');
			await expect(page.locator('form')).toHaveCount(0);
			await expectAccessible(page);
		}
	});
});

test.describe('The static copy without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a node page shows its claim, its passage and the way to the thesis', async ({ page }) => {
		await page.goto(`maps/${MAP}/${NODE.id}`);
		await expect(detailHeading(page)).toHaveText(claimText(NODE.claim));
		await expect(page.getByTestId('quote').first()).toContainText(PASSAGE);
		await expect(page.getByTestId('path').getByRole('link').first()).toHaveText(
			claimText(chosen.nodeById.get(chosen.rootId)!.claim)
		);
	});

	test('the outline reads, and the proposal form says it needs JavaScript', async ({ page }) => {
		await page.goto(`outline/${MAP}`);
		await expect(page.getByText(claimText(NODE.claim)).first()).toBeVisible();
		await page.goto(`contribute/${MAP}/${NODE.id}`);
		// (Chromium's emulated no-script mode parses <noscript> as if scripts ran: read its text.)
		expect(await page.locator('noscript').textContent()).toContain(
			'Preparing a proposal on this copy needs JavaScript.'
		);
		// Nothing to post to: the button cannot send the form to a host that would refuse it.
		await expect(page.getByRole('button', { name: 'Prepare the YAML' })).toBeDisabled();
	});
});
