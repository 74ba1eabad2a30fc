import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { everyRoute, prepareVisits, signIn, visits, type Subjects, type Visit } from './pages';

// Every page on a 375×812 touch phone, with the fixture map e2e-school-day:
// nothing scrolls sideways, controls are at least 44 px tall, text at least
// 16 px, and axe finds nothing serious. Review is seen with a proposal waiting,
// the proposed node's page with its thanks, and the live pages with a session
// running.
const MAP = 'e2e-school-day';
const SECRET = 'e2e-editor-secret';
const subjects: Subjects = {
	map: MAP,
	node: 'sleep',
	source: 'e2e-school-day',
	at: '0-20',
	word: 'buses'
};

test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

test.beforeAll(async ({ browser, baseURL }) => {
	await prepareVisits(browser, baseURL!, subjects, {
		secret: SECRET,
		under: 'buses',
		claim: `A proposal for the phone check ${Date.now()}`
	});
});

/** What on the page is wider than the screen, small to tap, or small to read. */
async function phoneProblems(page: Page) {
	return page.evaluate(() => {
		const problems: string[] = [];
		const name = (el: Element) =>
			`<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${
				el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''
			}> "${(el.textContent ?? '').trim().slice(0, 30)}"`;
		const width = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth > width) {
			problems.push(`page is ${document.documentElement.scrollWidth} px wide`);
			// Name the widest culprits, so the message says where to look.
			for (const el of document.querySelectorAll('body *')) {
				const r = el.getBoundingClientRect();
				if (r.right > width + 1 && r.width > 0 && !el.closest('svg'))
					problems.push(`${name(el)} reaches ${Math.round(r.right)} px`);
				if (problems.length > 6) break;
			}
		}
		const visible = (el: Element) => {
			const r = el.getBoundingClientRect();
			const s = getComputedStyle(el);
			return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('svg');
		};
		for (const el of document.querySelectorAll(
			'button, select, input:not([type=hidden]), textarea, [role=button], a.button, summary'
		)) {
			if (!visible(el)) continue;
			const target = el.closest('label') ?? el;
			const r = target.getBoundingClientRect();
			if (r.height < 44) problems.push(`${name(el)} is ${Math.round(r.height)} px tall`);
		}
		for (const el of document.querySelectorAll(
			'main p, main li, main label, main blockquote, main dd, main input, main textarea, main select, main button'
		)) {
			if (!visible(el) || !(el.textContent ?? '').trim()) continue;
			const size = parseFloat(getComputedStyle(el).fontSize);
			if (size < 16) problems.push(`${name(el)} text is ${size} px`);
		}
		return problems;
	});
}

test('the list below visits every page the app has', () => {
	const listed = new Set(visits({ ...subjects, live: { id: 'x', code: 'x' } }).map((v) => v.route));
	expect(everyRoute().filter((route) => !listed.has(route))).toEqual([]);
});

const check = (visit: Visit) =>
	test(`${visit.name} (${visit.path}) fits a phone`, async ({ page, baseURL }) => {
		if (visit.editor) await signIn(page.request, baseURL!, SECRET);
		const v = visits(subjects).find((x) => x.name === visit.name)!;
		const response = await page.goto(v.path);
		expect(response?.status(), v.path).toBeLessThan(400);
		await expect(page.locator('main, [data-testid=presentation]').first()).toBeVisible();
		if (v.shows) await expect(page.getByTestId(v.shows)).toBeVisible();
		await page.waitForFunction(() => document.readyState === 'complete');
		expect(await phoneProblems(page)).toEqual([]);
		expect(await seriousViolations(page)).toEqual([]);
	});

// The subjects' live session exists only once beforeAll has run: list the visits with a placeholder.
for (const visit of visits({ ...subjects, live: { id: 'x', code: 'x' } })) check(visit);

// The site header is the first thing on every page: on a phone it takes at
// most two lines of links, every link whole on screen, so the page starts
// near the top.
test('the site header takes at most two lines', async ({ page }) => {
	await page.goto('/');
	const header = page.locator('header.site');
	const links = header.getByRole('link');
	await expect(links).toHaveCount(6);
	const boxes = await links.evaluateAll((all) =>
		all.map((a) => {
			const r = a.getBoundingClientRect();
			return { top: Math.round(r.top), left: r.left, right: r.right, height: r.height };
		})
	);
	// Links whose tops are within half a tap target of each other share a line.
	const tops = boxes.map((b) => b.top).sort((a, b) => a - b);
	const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 22).length;
	expect(lines, `link tops ${tops.join(', ')}`).toBeLessThanOrEqual(2);
	for (const b of boxes) {
		expect(b.left).toBeGreaterThanOrEqual(0);
		expect(b.right).toBeLessThanOrEqual(375);
		expect(b.height).toBeGreaterThanOrEqual(44);
	}
	const height = (await header.boundingBox())!.height;
	// Two rows of 44 px tap targets, and a border.
	expect(height).toBeLessThanOrEqual(2 * 44 + 8);
});
