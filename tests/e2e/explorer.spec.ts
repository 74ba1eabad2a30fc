import { expectAccessible } from './axe';
import { expect, test, type Locator, type Page } from '@playwright/test';

// A frozen copy of the Boric thread map (tests/fixtures/e2e/arguments/e2e-thread.yaml,
// added to the scratch content by serve.js): 24 claims, root `great-result`.
const MAP = '/maps/e2e-thread';
const NODES = 24;

const tree = (page: Page) => page.getByRole('tree');
const item = (page: Page, id: string) => page.locator(`[role="treeitem"][data-node-id="${id}"]`);
const detailHeading = (page: Page) =>
	page.getByTestId('node-detail').getByRole('heading', { level: 2 });

/** Open a page of the map and wait until the tree answers to the mouse and keys. */
async function openMap(page: Page, path = MAP) {
	await page.goto(path);
	await expect(tree(page)).toHaveAttribute('data-ready', '');
}

async function box(locator: Locator) {
	const b = await locator.boundingBox();
	if (!b) throw new Error('not rendered');
	return b;
}

/** The centre of a node's box relative to the centre of the tree's viewport. */
async function offsetFromCentre(page: Page, id: string) {
	const t = await box(tree(page));
	const n = await box(item(page, id).locator('.box'));
	return {
		dx: Math.abs(n.x + n.width / 2 - (t.x + t.width / 2)),
		dy: Math.abs(n.y + n.height / 2 - (t.y + t.height / 2))
	};
}

test.describe('the tree', () => {
	test('supports and rebuttals differ by label, icon and shape, not colour alone', async ({
		page
	}) => {
		await openMap(page);
		await expect(item(page, 'great-result')).toHaveAttribute('aria-selected', 'true');
		const support = item(page, 'allende-tradition');
		const rebuttal = item(page, 'massive-task');
		await expect(support).toHaveAttribute('aria-label', /^Supports: /);
		await expect(rebuttal).toHaveAttribute('aria-label', /^Rebuts: /);
		await expect(support.locator('.tag')).toHaveText('✓ SUPPORTS');
		await expect(rebuttal.locator('.tag')).toHaveText('✗ REBUTS');
		// Rounded corners (arcs) for supports, cut corners for rebuttals.
		expect(await support.locator('.box').getAttribute('d')).toContain('A');
		expect(await rebuttal.locator('.box').getAttribute('d')).not.toContain('A');
	});

	test('a subtree collapses and expands, and a collapsed node says what it hides', async ({
		page
	}) => {
		await openMap(page, `${MAP}/massive-task`);
		const node = item(page, 'massive-task');
		await expect(node).toHaveAttribute('aria-expanded', 'true');
		await expect(item(page, 'peso-sank')).toHaveCount(1);
		await node.locator('[data-toggle]').click();
		await expect(node).toHaveAttribute('aria-expanded', 'false');
		await expect(item(page, 'peso-sank')).toHaveCount(0);
		await expect(node.locator('.hidden-count')).toHaveText('hides 7✓ 1✗');
		await expect(node).toHaveAttribute('aria-label', /Hides 7 supports and 1 rebuttal$/);
		// Toggling is not selecting.
		await expect(page).toHaveURL(`${MAP}/massive-task`);
		await expect(item(page, 'massive-task')).toHaveAttribute('aria-selected', 'true');
		await node.locator('[data-toggle]').click();
		await expect(node).toHaveAttribute('aria-expanded', 'true');
		await expect(item(page, 'peso-sank')).toHaveCount(1);
	});

	test('collapse to a level, expand all and fit to screen', async ({ page }) => {
		await openMap(page);
		await page.getByLabel('Levels shown').selectOption('1');
		await page.getByRole('button', { name: 'Fold the rest' }).click();
		await page.getByRole('button', { name: 'Fit to screen' }).click();
		// The thesis and its four direct supports and rebuttals.
		await expect(page.getByRole('treeitem')).toHaveCount(5);
		await expect(item(page, 'allende-tradition')).toHaveAttribute('aria-expanded', 'false');

		await page.getByRole('button', { name: 'Expand all' }).click();
		await page.getByRole('button', { name: 'Fit to screen' }).click();
		await expect(page.getByRole('treeitem')).toHaveCount(NODES);
		const frame = await box(tree(page));
		await expect
			.poll(async () => {
				const boxes = await page
					.locator('[role="treeitem"] .box')
					.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
				return boxes.every(
					(b) =>
						b.left >= frame.x - 1 &&
						b.right <= frame.x + frame.width + 1 &&
						b.top >= frame.y - 1 &&
						b.bottom <= frame.y + frame.height + 1
				);
			})
			.toBe(true);
	});

	test('selecting a node centres it, marks its path to the root and shows a breadcrumb', async ({
		page
	}) => {
		await openMap(page);
		await page.getByRole('button', { name: 'Fit to screen' }).click();
		await item(page, 'opus-dei').click();
		await expect(page).toHaveURL(`${MAP}/opus-dei`);
		await expect(detailHeading(page)).toContainText('Opus Dei');
		await expect(item(page, 'opus-dei')).toHaveAttribute('aria-selected', 'true');
		await expect.poll(async () => (await offsetFromCentre(page, 'opus-dei')).dx).toBeLessThan(30);
		await expect.poll(async () => (await offsetFromCentre(page, 'opus-dei')).dy).toBeLessThan(30);
		for (const id of ['massive-task', 'entrenched-ruling-class', 'opus-dei'])
			await expect(item(page, id)).toHaveClass(/on-path/);
		await expect(item(page, 'pinochet-necessary-evil')).not.toHaveClass(/on-path/);
		const crumbs = page.getByRole('navigation', { name: 'Path to the selected claim' });
		await expect(crumbs.getByRole('listitem')).toHaveCount(4);
		await expect(crumbs.locator('[aria-current="location"]')).toContainText('Opus Dei');
		await crumbs.getByRole('link', { name: /massive task/ }).click();
		await expect(page).toHaveURL(`${MAP}/massive-task`);
		await expect(item(page, 'massive-task')).toHaveAttribute('aria-selected', 'true');
	});

	test('long claims wrap inside their boxes', async ({ page }) => {
		await openMap(page, `${MAP}/expats-threaten-to-leave`);
		const lines = page.locator('[role="treeitem"] .claim tspan');
		expect(await lines.count()).toBeGreaterThan(10);
		const widths = await lines.evaluateAll((els) =>
			els.map((el) => (el as SVGTextContentElement).getComputedTextLength())
		);
		// Box 240 wide with 10 of padding each side, at scale 1.
		expect(Math.max(...widths)).toBeLessThanOrEqual(220);
		const longest = await item(page, 'expats-threaten-to-leave').locator('tspan').count();
		expect(longest).toBeGreaterThanOrEqual(4);
		// Whole claims, not cut off.
		const words = await item(page, 'expats-threaten-to-leave').locator('tspan').allTextContents();
		expect(words.join(' ')).toBe(
			'The third commenter says the ruling class includes wealthy foreign "ex-pats", who are already threatening to leave the country.'
		);
	});
});

test.describe('deep links', () => {
	test("a node's URL selects it and reveals it in view", async ({ page }) => {
		await openMap(page, `${MAP}/cold-war-over`);
		const node = item(page, 'cold-war-over');
		await expect(node).toHaveAttribute('aria-selected', 'true');
		await expect(detailHeading(page)).toContainText('Cold War');
		await expect
			.poll(async () => (await offsetFromCentre(page, 'cold-war-over')).dy)
			.toBeLessThan(30);
		await expect(node).toBeInViewport();
		await page.getByRole('button', { name: 'Fit to screen' }).click();
		for (const id of ['great-result', 'massive-task', 'entrenched-ruling-class'])
			await expect(item(page, id)).toHaveAttribute('aria-expanded', 'true');
	});

	test('a deep link into a collapsed branch expands its ancestors', async ({ page }) => {
		await openMap(page);
		await page.getByLabel('Levels shown').selectOption('1');
		await page.getByRole('button', { name: 'Fold the rest' }).click();
		await expect(item(page, 'pinochet-necessary-evil')).toHaveCount(0);
		// A link into the hidden branch, followed inside the app.
		await page.evaluate(() => {
			const a = document.createElement('a');
			a.href = '/maps/e2e-thread/pinochet-necessary-evil';
			a.textContent = 'deep';
			a.id = 'deep-link';
			document.body.append(a);
		});
		await page.locator('#deep-link').click();
		await expect(item(page, 'pinochet-necessary-evil')).toHaveAttribute('aria-selected', 'true');
		await expect(item(page, 'entrenched-ruling-class')).toHaveAttribute('aria-expanded', 'true');
		await expect(item(page, 'allende-tradition')).toHaveAttribute('aria-expanded', 'false');
	});

	test('back and forward move between selections without reloading the page', async ({ page }) => {
		await openMap(page);
		await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
		await page.getByRole('button', { name: 'Fit to screen' }).click();
		await item(page, 'allende-tradition').click();
		await expect(page).toHaveURL(`${MAP}/allende-tradition`);
		await expect(detailHeading(page)).toContainText('democratic socialist tradition');
		await page.getByRole('button', { name: 'Fit to screen' }).click();
		await item(page, 'massive-task').click();
		await expect(page).toHaveURL(`${MAP}/massive-task`);
		await expect(detailHeading(page)).toContainText('massive task');

		await page.goBack();
		await expect(page).toHaveURL(`${MAP}/allende-tradition`);
		await expect(item(page, 'allende-tradition')).toHaveAttribute('aria-selected', 'true');
		await expect(page.locator('[role="treeitem"][aria-selected="true"]')).toHaveAttribute(
			'data-node-id',
			'allende-tradition'
		);
		await expect(detailHeading(page)).toContainText('democratic socialist tradition');
		await page.goForward();
		await expect(page).toHaveURL(`${MAP}/massive-task`);
		await expect(item(page, 'massive-task')).toHaveAttribute('aria-selected', 'true');
		await page.goBack();
		await page.goBack();
		await expect(item(page, 'great-result')).toHaveAttribute('aria-selected', 'true');
		expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
	});
});

test.describe('node detail', () => {
	test('claim, note, quote in context, source and the supports and rebuttals', async ({ page }) => {
		await openMap(page, `${MAP}/allende-tradition`);
		const detail = page.getByTestId('node-detail');
		await expect(detailHeading(page)).toContainText("Salvador Allende's democratic socialist");
		await expect(detail.locator('.note p')).toContainText(
			"Salvador Allende was Chile's elected socialist president from 1970"
		);
		const quote = detail.getByTestId('quote');
		await expect(quote.locator('mark')).toHaveText(
			"It will be interesting to watch Chile's new government. Boric belongs to the Salvador Allende tradition rather than the Castro tradition."
		);
		await expect(quote.locator('.context').last()).toContainText('Indeed he has been');
		await expect(detail.locator('figcaption')).toContainText('reader comments, 2021-12');
		const children = detail.locator('.children li');
		await expect(children).toHaveCount(2);
		await expect(children.nth(0)).toContainText('Supports');
		await expect(children.nth(1)).toContainText('Rebuts');

		await children.nth(1).getByRole('link').click();
		await expect(page).toHaveURL(`${MAP}/communist-smear`);
		await expect(detailHeading(page)).toContainText('Communist in disguise');
		await expect(item(page, 'communist-smear')).toHaveAttribute('aria-selected', 'true');

		await detail.getByRole('link', { name: 'Reader comments under test' }).click();
		await expect(page).toHaveURL(/\/sources\/e2e-thread-text\?at=\d+-\d+#passage$/);
		await expect(page.locator('mark.current').first()).toContainText(
			'fear-mongering that Boric is a Communist-in-disguise'
		);
	});

	test('markdown is rendered on the server: the map page ships no markdown library', async ({
		page
	}) => {
		const scripts: string[] = [];
		page.on('response', async (response) => {
			if (response.request().resourceType() === 'script') scripts.push(await response.text());
		});
		await openMap(page, `${MAP}/cold-war-over`);
		await expect(page.getByTestId('node-detail').locator('.note p')).toContainText(
			'Allende died in the presidential palace'
		);
		expect(scripts.length).toBeGreaterThan(0);
		for (const source of scripts) {
			expect(source).not.toContain('DOMPurify');
			expect(source).not.toContain('github.com/markedjs/marked');
		}
	});
});

test.describe('source reader', () => {
	test('arriving from a node scrolls to its passage and marks it', async ({ page }) => {
		await openMap(page, `${MAP}/opus-dei`);
		await page
			.getByTestId('node-detail')
			.getByRole('link', { name: /Reader comments/ })
			.click();
		const current = page.locator('mark.current');
		await expect(current.first()).toBeInViewport();
		await expect(current.first()).toContainText('Opus Dei branch of Catholicism');
		await expect(page.locator('[data-testid="passage"].current')).toContainText(
			'The third commenter says many of them belong to the very conservative Opus Dei'
		);
	});

	test('clicking a highlight shows the claims citing that passage', async ({ page }) => {
		await page.goto('/sources/e2e-thread-text');
		await page.locator('mark', { hasText: 'Many of whom still see Pinochet' }).click();
		const passage = page.locator('[data-testid="passage"]:focus');
		await expect(passage).toHaveClass(/active/);
		await expect(passage).toBeInViewport();
		await passage.getByRole('link', { name: /necessary evil/ }).click();
		await expect(page).toHaveURL(`${MAP}/pinochet-necessary-evil`);
	});

	test('overlapping passages are each marked and each list their claims, across maps', async ({
		page
	}) => {
		await page.goto('/sources/e2e-thread-text');
		const overlap = page.locator('mark.overlap', {
			hasText: 'has helped create one of the most unequal countries on earth.'
		});
		await expect(overlap).toHaveCount(1);
		const ids = (await overlap.getAttribute('data-passages'))!.split(' ');
		expect(ids).toHaveLength(2);
		await overlap.click();
		for (const id of ids) await expect(page.locator(`#p-${id}`)).toHaveClass(/active/);
		const lists = page.locator(`#p-${ids[0]}, #p-${ids[1]}`);
		await expect(lists).toContainText([
			'A reader thread under test',
			'Inequality and the constitution under test'
		]);
		await expect(lists.getByRole('link', { name: /unequal countries/ })).toHaveCount(2);
	});
});

test.describe('search', () => {
	test('in a map: "/" focuses search, matches are highlighted, Enter jumps', async ({ page }) => {
		await openMap(page);
		await page.keyboard.press('/');
		const input = page.getByRole('searchbox', { name: 'Search this map' });
		await expect(input).toBeFocused();
		await input.fill('opus dei');
		const results = page.getByTestId('search-results').getByRole('listitem');
		await expect(results).toHaveCount(1);
		await expect(results.locator('mark')).toHaveText(['Opus', 'Dei']);
		await page.getByRole('button', { name: 'Fit to screen' }).click();
		await expect(item(page, 'opus-dei')).toHaveClass(/match/);
		await input.focus();
		await expect(item(page, 'peso-sank')).not.toHaveClass(/match/);
		await input.press('Enter');
		await expect(page).toHaveURL(`${MAP}/opus-dei`);
		await expect(item(page, 'opus-dei')).toHaveAttribute('aria-selected', 'true');
	});

	test('in a map: finds words that only a quote or a note has, and reveals the match', async ({
		page
	}) => {
		await openMap(page);
		await page.getByLabel('Levels shown').selectOption('1');
		await page.getByRole('button', { name: 'Fold the rest' }).click();
		const input = page.getByRole('searchbox', { name: 'Search this map' });
		// "paralell" is the source's spelling, only in the quote.
		await input.fill('PARALELL');
		const results = page.getByTestId('search-results').getByRole('listitem');
		await expect(results).toHaveCount(1);
		await expect(results).toContainText('in quote:');
		await results.getByRole('link').click();
		await expect(page).toHaveURL(`${MAP}/entrenched-ruling-class`);
		await expect(item(page, 'entrenched-ruling-class')).toHaveAttribute('aria-selected', 'true');

		await input.fill('metro fare');
		await expect(results).toHaveCount(1);
		await expect(results).toContainText('in note:');
		await page.getByRole('button', { name: /Show all 1 in the tree/ }).click();
		await expect(item(page, 'pandemic-and-unrest')).toHaveClass(/match/);
	});

	test('across maps, without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/search');
		await page.getByLabel('Words to find').fill('unequal countries');
		await page.getByLabel('Words to find').press('Enter');
		await expect(page).toHaveURL(/\/search\?q=unequal\+countries/);
		const groups = page.getByTestId('search-group');
		expect(await groups.count()).toBeGreaterThanOrEqual(2);
		await expect(groups.first().locator('mark').first()).toHaveText(/unequal/i);
		await groups
			.filter({ hasText: 'A reader thread under test' })
			.getByRole('link', { name: /unequal countries/ })
			.click();
		await expect(page).toHaveURL(`${MAP}/constitution-inequality`);

		// The map's own search box falls back to this page, limited to the map.
		await page.getByRole('searchbox', { name: 'Search this map' }).fill('jose');
		await page.getByRole('button', { name: 'Go' }).click();
		await expect(page).toHaveURL(/map=e2e-thread/);
		await expect(page.getByTestId('search-summary')).toHaveText('No claims match.');
		await page.getByLabel('Words to find').fill('jose');
		await page.getByLabel('In which map').selectOption('');
		await page.getByRole('button', { name: 'Search' }).click();
		// Accents do not matter: "jose" finds José in the fixture map e2e-school-day.
		await expect(
			groups.filter({ hasText: 'A later school day' }).locator('mark', { hasText: 'José' })
		).toBeVisible();
		await context.close();
	});
});

test.describe('keyboard and assistive technology', () => {
	test('arrow keys move between parent, children and siblings; Enter, Space and Home', async ({
		page
	}) => {
		await openMap(page);
		await expect(page.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
		await item(page, 'great-result').focus();
		const focused = page.locator('[role="treeitem"]:focus');
		await page.keyboard.press('ArrowRight');
		await expect(focused).toHaveAttribute('data-node-id', 'allende-tradition');
		await expect(page).toHaveURL(`${MAP}/allende-tradition`);
		await page.keyboard.press('ArrowDown');
		await expect(focused).toHaveAttribute('data-node-id', 'constitution-task');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect(focused).toHaveAttribute('data-node-id', 'massive-task');
		await page.keyboard.press('ArrowUp');
		await expect(focused).toHaveAttribute('data-node-id', 'relief-kast-lost');
		await page.keyboard.press('ArrowLeft');
		await expect(focused).toHaveAttribute('data-node-id', 'great-result');
		await expect(item(page, 'great-result')).toHaveAttribute('aria-selected', 'true');

		await page.keyboard.press('Enter');
		await expect(item(page, 'great-result')).toHaveAttribute('aria-expanded', 'false');
		await expect(page.getByRole('treeitem')).toHaveCount(1);
		await page.keyboard.press(' ');
		await expect(item(page, 'great-result')).toHaveAttribute('aria-expanded', 'true');
		// Right on a collapsed node expands it first.
		await page.keyboard.press('End'); // not a tree key: nothing happens
		await expect(focused).toHaveAttribute('data-node-id', 'great-result');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(focused).toHaveAttribute('data-node-id', 'critical-of-cuba');
		await expect(page.locator('[role="treeitem"][tabindex="0"]')).toHaveAttribute(
			'data-node-id',
			'critical-of-cuba'
		);
		await page.keyboard.press('Home');
		await expect(focused).toHaveAttribute('data-node-id', 'great-result');
		await page.keyboard.press('/');
		await expect(page.getByRole('searchbox', { name: 'Search this map' })).toBeFocused();
	});

	test('the tree exposes ARIA tree semantics', async ({ page }) => {
		await openMap(page, `${MAP}/pinochet-necessary-evil`);
		await expect(tree(page)).toHaveAttribute('aria-label', /24 claims/);
		const node = item(page, 'pinochet-necessary-evil');
		await expect(node).toHaveAttribute('aria-level', '4');
		await expect(node).toHaveAttribute('aria-posinset', '1');
		await expect(node).toHaveAttribute('aria-setsize', '4');
		await expect(node).not.toHaveAttribute('aria-expanded');
		await expect(item(page, 'entrenched-ruling-class')).toHaveAttribute('aria-expanded', 'true');
		await expect(page.getByRole('treeitem', { name: /necessary evil/ })).toHaveAttribute(
			'aria-selected',
			'true'
		);
	});

	test('the outline works without JavaScript and nests claims under what they answer', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(MAP);
		await page.getByRole('link', { name: 'Read this map as an outline' }).click();
		await expect(page).toHaveURL('/outline/e2e-thread');
		const outline = page.getByTestId('outline');
		await expect(outline.getByRole('listitem')).toHaveCount(NODES);
		const ruling = outline
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name: /entrenched ruling class/ }) })
			.last();
		await expect(ruling.getByRole('listitem')).toHaveCount(4);
		await expect(ruling.getByRole('listitem').first()).toContainText('Supports');
		await expect(ruling.getByRole('listitem').last()).toContainText('Rebuts');
		await expect(ruling.locator('blockquote').first()).toContainText('paralell reality');
		await ruling
			.getByRole('link', { name: /entrenched ruling class/ })
			.first()
			.click();
		await expect(page).toHaveURL(`${MAP}/entrenched-ruling-class`);
		await expect(detailHeading(page)).toContainText('entrenched ruling class');
		await context.close();
	});

	for (const path of [
		MAP,
		`${MAP}/cold-war-over`,
		'/sources/e2e-thread-text?at=0-24#passage',
		'/search?q=constitution',
		'/outline/e2e-thread'
	])
		test(`axe finds no serious or critical problems on ${path}`, async ({ page }) => {
			await page.goto(path);
			await expectAccessible(page);
		});

	test('axe finds no serious or critical problems in a collapsed tree with search results', async ({
		page
	}) => {
		await openMap(page);
		await page.getByRole('searchbox', { name: 'Search this map' }).fill('constitution');
		await page.getByLabel('Levels shown').selectOption('1');
		await page.getByRole('button', { name: 'Fold the rest' }).click();
		await expect(page.getByRole('treeitem')).not.toHaveCount(NODES);
		await expectAccessible(page);
	});
});

/** Whether box `b` lies inside `frame`, to the pixel. */
const within = (b: { x: number; y: number; width: number; height: number }, frame: typeof b) =>
	b.x >= frame.x - 1 &&
	b.y >= frame.y - 1 &&
	b.x + b.width <= frame.x + frame.width + 1 &&
	b.y + b.height <= frame.y + frame.height + 1;

/** The tree's scale: a box is 240 wide in the layout. */
const scaleOf = async (page: Page, id: string) =>
	(await box(item(page, id).locator('.box'))).width / 240;

test.describe('projector', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('the first view shows the thesis whole and readable, not the map shrunk to fit', async ({
		page
	}) => {
		await openMap(page);
		const frame = await box(tree(page));
		expect(within(await box(item(page, 'great-result').locator('.box')), frame)).toBe(true);
		// 13 px claims drawn at 10 px or more.
		expect(await scaleOf(page, 'great-result')).toBeGreaterThanOrEqual(0.74);
		const drawn = await page
			.locator('[role="treeitem"] .box')
			.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
		expect(drawn.filter((b) => within(b, frame)).length).toBeGreaterThanOrEqual(5);
	});

	test('P fills the window with the selected branch at a readable size; Esc leaves', async ({
		page
	}) => {
		await openMap(page, `${MAP}/massive-task`);
		const normal = await box(tree(page));
		await page.keyboard.press('p');
		const button = page.getByRole('button', { name: 'Projector mode' });
		await expect(button).toHaveAttribute('aria-pressed', 'true');
		await expect.poll(async () => (await box(tree(page))).height).toBeGreaterThan(normal.height);
		const frame = await box(tree(page));
		expect(frame.width).toBeGreaterThan(1300);
		// The branch: massive-task and the claims under it, each whole on screen and readable.
		const branch = [
			'massive-task',
			'peso-sank',
			'failing-public-services',
			'pandemic-and-unrest',
			'entrenched-ruling-class',
			'opus-dei'
		];
		await expect
			.poll(async () => {
				const boxes = await Promise.all(branch.map((id) => box(item(page, id).locator('.box'))));
				return boxes.every((b) => within(b, frame));
			})
			.toBe(true);
		expect(await scaleOf(page, 'massive-task')).toBeGreaterThanOrEqual(0.74);
		// The thesis is not what is framed.
		expect(within(await box(item(page, 'great-result').locator('.box')), frame)).toBe(false);

		// Selecting another claim frames its branch in turn.
		await item(page, 'entrenched-ruling-class').click();
		await expect(page).toHaveURL(`${MAP}/entrenched-ruling-class`);
		await expect
			.poll(async () => within(await box(item(page, 'opus-dei').locator('.box')), frame))
			.toBe(true);

		await page.keyboard.press('Escape');
		await expect(button).toHaveAttribute('aria-pressed', 'false');
		await expect.poll(async () => (await box(tree(page))).height).toBeLessThan(frame.height);
		await button.click();
		await expect(button).toHaveAttribute('aria-pressed', 'true');
	});
});

test.describe('phones and print', () => {
	test('on a phone one finger scrolls the page over the tree, two fingers pan it', async ({
		browser
	}) => {
		const context = await browser.newContext({
			viewport: { width: 375, height: 812 },
			hasTouch: true,
			isMobile: true
		});
		const page = await context.newPage();
		await openMap(page);
		// The first view reads: the thesis at full size, its button a 44 px target.
		expect(await scaleOf(page, 'great-result')).toBeGreaterThanOrEqual(0.99);
		const toggle = await box(item(page, 'great-result').locator('[data-toggle] .target'));
		expect(Math.min(toggle.width, toggle.height)).toBeGreaterThanOrEqual(44);
		await item(page, 'great-result').locator('[data-toggle]').tap();
		await expect(item(page, 'great-result')).toHaveAttribute('aria-expanded', 'false');
		await item(page, 'great-result').locator('[data-toggle]').tap();
		await expect(item(page, 'great-result')).toHaveAttribute('aria-expanded', 'true');

		const drawing = page.locator('svg.argument-tree > g');
		const t = await box(tree(page));
		await page.evaluate(
			(top) => scrollTo(0, top - 100),
			t.y + (await page.evaluate(() => scrollY))
		);
		const at = await box(tree(page));
		const x = at.x + at.width / 2;
		// On the screen, whatever the tree's height.
		const y = at.y + Math.min(at.height / 2, 250);
		const before = await drawing.getAttribute('transform');
		const scrolled = await page.evaluate(() => scrollY);
		const cdp = await context.newCDPSession(page);
		// One finger drawn up the screen over the tree, as a reader scrolls on
		// (touch events through the browser's input pipeline, which scrolls).
		await cdp.send('Input.dispatchTouchEvent', {
			type: 'touchStart',
			touchPoints: [{ x, y, id: 1 }]
		});
		for (let dy = 10; dy <= 200; dy += 10)
			await cdp.send('Input.dispatchTouchEvent', {
				type: 'touchMove',
				touchPoints: [{ x, y: y - dy, id: 1 }]
			});
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrolled + 100);
		expect(await drawing.getAttribute('transform')).toBe(before);

		// Two fingers move the tree, and the page stays where it is.
		// Once the swipe's fling has come to rest: ten frames without a move.
		const still = await page.evaluate(
			() =>
				new Promise<number>((done) => {
					let last = scrollY;
					let same = 0;
					const tick = () => {
						if (scrollY !== last) [last, same] = [scrollY, 0];
						else if (++same >= 10) return done(scrollY);
						requestAnimationFrame(tick);
					};
					requestAnimationFrame(tick);
				})
		);
		const fingers = (dx: number) => [
			{ x: x - 40 + dx, y, id: 1 },
			{ x: x + 40 + dx, y, id: 2 }
		];
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(0) });
		for (let dx = 10; dx <= 80; dx += 10)
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(dx) });
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		await expect.poll(() => drawing.getAttribute('transform')).not.toBe(before);
		const moved = /translate\(([-\d.]+)/.exec((await drawing.getAttribute('transform'))!)![1];
		expect(Number(moved) - Number(/translate\(([-\d.]+)/.exec(before!)![1])).toBeCloseTo(80, -1);
		expect(await page.evaluate(() => scrollY)).toBe(still);
		await context.close();
	});

	test('a 375-pixel-wide phone can read and move around a map', async ({ browser }) => {
		const context = await browser.newContext({
			viewport: { width: 375, height: 740 },
			hasTouch: true,
			isMobile: true
		});
		const page = await context.newPage();
		await openMap(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			375
		);
		await expect(tree(page)).toBeVisible();
		const t = await box(tree(page));
		expect(t.width).toBeGreaterThan(300);
		await page.getByRole('button', { name: 'Fit to screen' }).tap();
		await item(page, 'allende-tradition').tap();
		await expect(page).toHaveURL(`${MAP}/allende-tradition`);
		await expect
			.poll(async () => (await offsetFromCentre(page, 'allende-tradition')).dx)
			.toBeLessThan(30);
		await expect(detailHeading(page)).toContainText('democratic socialist tradition');
		await page.getByRole('button', { name: 'Expand all' }).tap();
		await page.goto('/sources/e2e-thread-text');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			375
		);
		await context.close();
	});

	test('printing a map prints it as an outline', async ({ page }) => {
		await openMap(page);
		await expect(page.getByTestId('outline')).toHaveCount(0);
		await page.emulateMedia({ media: 'print' });
		const outline = page.getByTestId('outline');
		await expect(outline).toBeVisible();
		await expect(outline.getByRole('listitem')).toHaveCount(NODES);
		await expect(tree(page)).toBeHidden();
		await page.emulateMedia({ media: 'screen' });
		await expect(tree(page)).toBeVisible();
	});
});
