import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { prepareVisits, signIn, visits, type Subjects, type Visit } from './pages';

// Every page on a 1440×900 laptop or projector, the desktop twin of
// phone.spec, with the fixture map e2e-school-day: nothing scrolls sideways and
// axe finds nothing serious or critical. Review is seen with a proposal
// waiting, the proposed node's page with its thanks, and the live pages with a
// session running.
const SECRET = 'e2e-editor-secret';
const subjects: Subjects = {
	map: 'e2e-school-day',
	node: 'sleep',
	source: 'e2e-school-day',
	at: '0-20',
	word: 'buses'
};

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeAll(async ({ browser, baseURL }) => {
	await prepareVisits(browser, baseURL!, subjects, {
		secret: SECRET,
		under: 'buses',
		claim: `A proposal for the desktop check ${Date.now()}`
	});
});

/** How far the page reaches past the window's right edge, and the widest culprits. */
async function sidewaysScroll(page: Page) {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const problems: string[] = [];
		if (document.documentElement.scrollWidth <= width) return problems;
		problems.push(`page is ${document.documentElement.scrollWidth} px wide`);
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.right > width + 1 && r.width > 0 && !el.closest('svg'))
				problems.push(`<${el.tagName.toLowerCase()}.${el.classList[0] ?? ''}> reaches ${r.right}`);
			if (problems.length > 6) break;
		}
		return problems;
	});
}

const check = (visit: Visit) =>
	test(`${visit.name} (${visit.path}) at 1440×900`, async ({ page, baseURL }) => {
		if (visit.editor) await signIn(page.request, baseURL!, SECRET);
		const v = visits(subjects).find((x) => x.name === visit.name)!;
		const response = await page.goto(v.path);
		expect(response?.status(), v.path).toBeLessThan(400);
		await expect(page.locator('main, [data-testid=presentation]').first()).toBeVisible();
		if (v.shows) await expect(page.getByTestId(v.shows)).toBeVisible();
		await page.waitForFunction(() => document.readyState === 'complete');
		expect(await sidewaysScroll(page)).toEqual([]);
		expect(await seriousViolations(page)).toEqual([]);
	});

// The subjects' proposal and live session exist only once beforeAll has run:
// list the visits with placeholders (phone.spec checks the list is complete).
for (const visit of visits({ ...subjects, live: { id: 'x', code: 'x' } })) check(visit);

// The check above has to be able to fail: on a real page, broken on purpose
// with a button that has no name and text too faint to read, the shared axe
// helper reports both (and names the broken elements).
test('the axe check reports a serious violation put into a real page', async ({ page }) => {
	await page.goto(`/maps/${subjects.map}/${subjects.node}`);
	await expect(page.locator('svg.argument-tree[data-ready]')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await page.evaluate(() => {
		const main = document.querySelector('main')!;
		const button = document.createElement('button');
		button.id = 'axe-probe-button';
		button.type = 'button';
		const faint = document.createElement('p');
		faint.id = 'axe-probe-text';
		faint.textContent = 'Text a reader cannot make out against the page';
		faint.style.color = '#d0d0d0';
		faint.style.background = '#ffffff';
		main.prepend(button, faint);
	});
	const found = await seriousViolations(page);
	expect(found).toEqual(
		expect.arrayContaining([
			expect.stringMatching(/^button-name: .*#axe-probe-button/),
			expect.stringMatching(/^color-contrast: .*#axe-probe-text/)
		])
	);
});
