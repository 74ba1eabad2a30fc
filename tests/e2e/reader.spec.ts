/**
 * The source reader as a student and a contributor meet it: the passage one
 * came for strong and centred, the others quiet, a margin of citation density,
 * no gaps for blank lines, and, while choosing a passage to cite, a banner and
 * a button that stay in reach. Against the fixture map e2e-lesson
 * (tests/fixtures/e2e/arguments), which cites the e2e-thread-text source.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { selectWithMouse } from './helpers';

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 90_000 });

const SOURCE = 'e2e-thread-text';
// e2e-lesson's hands-off node cites this, far down the text.
const HANDS_OFF = 'the Chilean constutional process will now be very hands off for Boric';

/** The source's offsets of a passage, from its page. */
async function rangeOf(page: Page, quote: string) {
	const text = await page.getByTestId('source-text').evaluate((el) => el.textContent ?? '');
	const start = text.indexOf(quote);
	expect(start).toBeGreaterThan(0);
	return { start, end: start + quote.length };
}

test.describe('Source reader', () => {
	for (const [width, height] of [
		[1440, 900],
		[375, 812]
	] as const) {
		test(`at ${width}×${height} the passage one came for is strong and centred`, async ({
			page
		}) => {
			await page.setViewportSize({ width, height });
			await page.goto(`/sources/${SOURCE}`);
			const { start, end } = await rangeOf(page, HANDS_OFF);
			await page.goto(`/sources/${SOURCE}?at=${start}-${end}#passage`);
			const passage = page.locator('#passage');
			await expect(passage).toHaveText(HANDS_OFF);
			// Centred: its middle within the middle third of the screen, never clipped at the top.
			await expect
				.poll(async () => {
					const box = (await passage.boundingBox())!;
					return Math.abs(box.y + box.height / 2 - height / 2);
				})
				.toBeLessThan(height / 6);
			// Strong against the others: a different, darker background and an outline.
			const look = await page.evaluate(() => {
				const style = (el: Element) => getComputedStyle(el);
				const current = document.querySelector('mark.current')!;
				const other = document.querySelector('mark:not(.current):not(.active)')!;
				const lum = (c: string) => {
					const [r, g, b] = c.match(/\d+/g)!.map(Number);
					return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
				};
				return {
					current: lum(style(current).backgroundColor),
					other: lum(style(other).backgroundColor),
					outline: style(current).outlineStyle
				};
			});
			expect(look.current).toBeLessThan(look.other - 20);
			expect(look.outline).toBe('solid');
			expect(await seriousViolations(page)).toEqual([]);
		});
	}

	test('a margin shows how densely each paragraph is cited; blank lines leave no gaps', async ({
		page
	}) => {
		// The school-day text: its map cites some paragraphs often and others not at all.
		await page.goto('/sources/e2e-school-day');
		const paras = page.getByTestId('source-text').locator('p.para');
		const densities = await paras.evaluateAll((ps) =>
			ps.map((p) => p.getAttribute('data-density'))
		);
		expect(densities).toContain('dense');
		expect(new Set(densities).size).toBeGreaterThan(1);
		// The bar is drawn, wider where denser.
		const bar = await paras.evaluateAll((ps) =>
			ps.map((p) => ({
				density: p.getAttribute('data-density'),
				width: parseFloat(getComputedStyle(p, '::before').width)
			}))
		);
		const widthOf = (d: string) => bar.find((b) => b.density === d)?.width ?? 0;
		expect(widthOf('dense')).toBeGreaterThan(widthOf('light') || 0);
		// No gap between paragraphs taller than one line of text.
		const gaps = await paras.evaluateAll((ps) => {
			const line = parseFloat(getComputedStyle(ps[0]!).lineHeight);
			return ps.slice(1).map((p, i) => {
				const above = ps[i]!.getBoundingClientRect();
				return (p.getBoundingClientRect().top - above.bottom) / line;
			});
		});
		expect(Math.max(...gaps)).toBeLessThan(1);
		// The page's text is still the source's, character for character (line breaks included).
		const text = await page.getByTestId('source-text').evaluate((el) => el.textContent ?? '');
		expect(text).toContain('\n');
	});

	test('choosing a passage to cite: a banner says for what, the button stays on screen', async ({
		page
	}) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`/sources/${SOURCE}?cite=e2e-lesson/hands-off&relation=rebuts`);
		const banner = page.getByTestId('cite-banner');
		await expect(banner).toContainText('rebuttal');
		await expect(banner).toContainText(
			'“Another commenter says the process no longer depends on Boric.”'
		);
		await expect(banner).toBeInViewport();
		// The last sentence of the text: far below the first screen.
		await selectWithMouse(page, 'And what a bloody relief that Kast did not win.', 0);
		const cite = page.getByTestId('cite');
		await expect(cite).toBeInViewport();
		// The banner stays in view as the reader scrolls down to the passage.
		await expect(banner).toBeInViewport();
		expect(await seriousViolations(page)).toEqual([]);
	});
});
