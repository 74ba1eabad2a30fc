import { seriousViolations } from './axe';
import { decodeQr } from './helpers';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

// tests/fixtures/e2e/arguments/e2e-thread.yaml (a frozen copy of the Boric thread map) reveals great-result, allende-tradition,
// constitution-task, hands-off, massive-task first, then the rest depth-first.
const MAP = 'e2e-thread';

// The machines that run this suite are shared and often busy: a client-side navigation can
// take several seconds there. Wait longer than the defaults rather than fail on load.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 90_000 });
const PRESENT = `/present/${MAP}`;

const claim = (page: Page) => page.getByTestId('claim');
const slide = (page: Page) => page.getByTestId('slide');
const relation = (page: Page) => page.getByTestId('relation');

/** Open presentation mode and wait until it answers keys. */
async function present(page: Page, search = '') {
	await page.goto(`${PRESENT}${search}`);
	await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
}

test.describe('Presentation mode', () => {
	test('keys advance and go back, and a reload resumes', async ({ page }) => {
		await present(page);
		await expect(claim(page)).toHaveText(
			"Is Boric's election good news for Chile, and how much can he change?"
		);
		await page.keyboard.press('ArrowRight');
		await expect(claim(page)).toHaveText(/first commenter calls Boric's election a great result/);
		await page.keyboard.press('Space');
		await expect(claim(page)).toHaveText(/Salvador Allende's democratic socialist tradition/);
		await page.keyboard.press('PageDown');
		await expect(claim(page)).toHaveText(/great task is to replace Chile's\s+constitution/);
		await page.keyboard.press('ArrowLeft');
		await expect(claim(page)).toHaveText(/Salvador Allende's/);
		await page.keyboard.press('PageUp');
		await expect(claim(page)).toHaveText(/great result/);
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		await expect(claim(page)).toHaveText(/process will now\s+be largely out of Boric's hands/);
		await expect(page.getByTestId('step-count')).toHaveText(/4 \/ 24/);
		await expect(page).toHaveURL(/\?step=4$/);

		await page.reload();
		await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		await expect(claim(page)).toHaveText(/largely out of Boric's hands/);
		// The tree so far: the four revealed nodes, nested under the thesis.
		const outline = page.getByTestId('outline');
		await expect(outline.locator('li')).toHaveCount(4);
		await expect(outline.locator('li li li[aria-current="true"]')).toContainText(
			/out of Boric's hands/
		);
	});

	test('the revealed node shows its claim with its source quote beneath', async ({ page }) => {
		await present(page, '?step=4');
		await expect(relation(page)).toHaveText(/^\W*Rebuts\s*$/);
		await expect(page.getByTestId('slide-quote')).toHaveText(
			'However the Chilean constutional process will now be very hands off for Boric.'
		);
		await expect(slide(page)).toContainText('Against:');
	});

	test('Esc leaves for the map at the node on screen', async ({ page }) => {
		await present(page, '?step=4');
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(new RegExp(`/maps/${MAP}/hands-off$`));
	});

	test('a clicker Space after a mouse click on a button advances, not presses it again', async ({
		page
	}) => {
		await present(page, '?step=2');
		await page.getByRole('button', { name: /Quiz/ }).click();
		await page.getByRole('button', { name: /Quiz/ }).click();
		await page.keyboard.press('Space');
		await expect(page.getByTestId('step-count')).toHaveText(/3 \/ 24/);
		await expect(page.getByRole('button', { name: /Quiz/ })).toHaveAttribute(
			'aria-pressed',
			'false'
		);
	});

	test('the Full screen button puts the presentation in full screen', async ({ page }) => {
		await present(page);
		await page.getByRole('button', { name: /Full screen/ }).click();
		await expect
			.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid')))
			.toBe('presentation');
	});

	for (const [width, height] of [
		[1280, 720],
		[1920, 1080]
	] as const) {
		test(`fits a ${width}×${height} projector with large type`, async ({ page }) => {
			await page.setViewportSize({ width, height });
			// Step 13 is process-in-motion, the longest quote in the map.
			for (const step of [0, 1, 4, 13]) {
				await present(page, `?step=${step}`);
				const fit = await slide(page).evaluate((el) => ({
					overflow: el.scrollHeight - el.clientHeight,
					claimPx: parseFloat(getComputedStyle(el.querySelector('h1')!).fontSize)
				}));
				expect(fit.overflow, `step ${step} overflows by ${fit.overflow}px`).toBeLessThanOrEqual(0);
				expect(fit.claimPx).toBeGreaterThanOrEqual(height >= 1080 ? 44 : 30);
			}
		});
	}

	test('has no serious accessibility violations', async ({ page }) => {
		await present(page, '?step=4');
		expect(await seriousViolations(page)).toEqual([]);
		await page.keyboard.press('q');
		await expect(page.getByTestId('qr-overlay')).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
	});
});

// tests/fixtures/e2e/arguments/e2e-lesson.yaml: 5 nodes revealed in the order
// mandate, task (the one with a note), hands-off, counterpoint (editorial), great-result.
const LESSON = 'e2e-lesson';
const NOTE = 'Lesson note for the e2e task';
const SUMMARY = 'Teacher summary for the e2e lesson';

/** Open the lesson's projected screen at `search`, ready for keys. */
async function presentLesson(page: Page, search = '') {
	await page.goto(`/present/${LESSON}${search}`);
	await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
}

test.describe('Teacher: presenter view, projected screen and QR code', () => {
	test('the presenter window leads and follows the projected screen, which never shows notes', async ({
		page
	}) => {
		await presentLesson(page, '?step=1');
		const [presenter] = await Promise.all([
			page.context().waitForEvent('page'),
			page.keyboard.press('p')
		]);
		await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-ready', 'true');
		await expect(presenter).toHaveURL(new RegExp(`/present/${LESSON}/presenter\\?step=1$`));
		await expect(presenter.getByTestId('presenter-count')).toHaveText('1 / 5');
		await expect(presenter.getByTestId('presenter-current')).toContainText('huge mandate');
		await expect(presenter.getByTestId('presenter-next')).toContainText(
			'the task is to replace the constitution'
		);
		await expect(presenter.getByTestId('presenter-discussion').locator('li')).toHaveCount(2);
		await expect(presenter.getByTestId('presenter-summary')).toContainText(SUMMARY);
		await expect(presenter.getByTestId('clock')).toHaveText(/\d{1,2}:\d{2}/);
		await expect(presenter.getByTestId('timer')).toContainText('00:00');

		// The teacher's clicker talks to the presenter window: the projector follows.
		await presenter.keyboard.press('ArrowRight');
		await expect(presenter.getByTestId('node-note')).toContainText(NOTE);
		await expect(claim(page)).toHaveText(
			'The commenter says the task is to replace the constitution.'
		);
		await expect(page).toHaveURL(/\?step=2$/);
		// The note is on the teacher's screen only: not shown, not even in the page's data.
		await expect(page.getByText(NOTE)).toHaveCount(0);
		await expect(page.getByText(SUMMARY)).toHaveCount(0);
		expect(await page.content()).not.toContain(NOTE);

		// A key on the projected screen moves the presenter too.
		await page.keyboard.press('ArrowRight');
		await expect(presenter.getByTestId('presenter-count')).toHaveText('3 / 5');
		await expect(presenter.getByTestId('node-note')).toHaveCount(0);

		// Quiz mode and the big QR code, switched from the presenter, show on the projector.
		await presenter.getByRole('button', { name: 'Quiz' }).click();
		await expect(relation(page)).toHaveText(/Supports or rebuts\?/);
		await expect(presenter.getByTestId('presenter-current')).toContainText(/Rebuts/);
		await presenter.keyboard.press('r');
		await expect(relation(page)).toHaveText(/^\W*Rebuts\s*$/);
		await presenter.keyboard.press('q');
		await expect(page.getByTestId('qr-overlay')).toBeVisible();
		await presenter.keyboard.press('q');
		await expect(page.getByTestId('qr-overlay')).toHaveCount(0);
		expect(await seriousViolations(presenter)).toEqual([]);
	});

	test("the editors' context of an editorial node shows apart from the quotes", async ({
		page
	}) => {
		await presentLesson(page, '?step=4');
		const context = page.getByTestId('slide-context');
		await expect(context).toContainText("Editors' context · not from the sources");
		await expect(context).toContainText("Editors' counterpoint for the e2e lesson");
		await expect(page.getByTestId('slide-quote')).toHaveCount(0);
	});

	test('Q shows a QR code a back row can scan, for the address the page was reached on', async ({
		page,
		baseURL
	}) => {
		await page.setViewportSize({ width: 1280, height: 720 });
		await presentLesson(page, '?step=3');
		await page.keyboard.press('q');
		const code = page.getByTestId('qr-overlay').locator('img');
		await expect(code).toBeVisible();
		// At least two thirds of the screen's height: about 5 m of scanning range on a projector.
		expect((await code.boundingBox())!.height).toBeGreaterThanOrEqual(720 * 0.66);
		expect(await decodeQr(page, code)).toBe(`${baseURL}/maps/${LESSON}/hands-off`);
		await expect(page.getByTestId('qr-overlay').getByTestId('short-link')).toHaveText(
			`${new URL(baseURL!).host}/maps/${LESSON}/hands-off`
		);
		// Esc closes the code before it would leave the presentation.
		await page.keyboard.press('Escape');
		await expect(page.getByTestId('qr-overlay')).toHaveCount(0);
		await expect(page).toHaveURL(new RegExp(`/present/${LESSON}\\?step=3$`));
	});

	test('after the last node, an overview slide shows the whole map', async ({ page }) => {
		await presentLesson(page, '?step=2');
		await page.keyboard.press('End');
		await expect(page.getByTestId('step-count')).toHaveText('Overview');
		await expect(page).toHaveURL(/\?step=6$/);
		const overview = page.getByTestId('overview-outline');
		await expect(overview.locator('li')).toHaveCount(5);
		// In the map's order: hands-off sits under the thesis, the counterpoint under it.
		await expect(
			overview.locator(
				'[data-node-id="mandate"] [data-node-id="hands-off"] [data-node-id="counterpoint"]'
			)
		).toContainText('A president can still shape');
		await page.keyboard.press('ArrowLeft');
		await expect(page.getByTestId('step-count')).toHaveText('5 / 5');
	});

	test('on a phone-sized screen the slide reads as a page, nothing sideways', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 812 });
		await presentLesson(page, '?step=2');
		const sizes = await page.evaluate(() => {
			const px = (sel: string) =>
				parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize);
			const stage = document.querySelector('[data-testid="presentation"]')!;
			return {
				overflow: Math.max(stage.scrollWidth, document.documentElement.scrollWidth) - 375,
				claim: px('[data-testid="claim"]'),
				quote: px('[data-testid="slide-quote"]'),
				parent: px('.parent')
			};
		});
		expect(sizes.overflow).toBeLessThanOrEqual(0);
		expect(sizes.quote).toBeGreaterThanOrEqual(16);
		expect(sizes.claim).toBeGreaterThan(sizes.parent);
		await expect(page.getByRole('button', { name: /Next/ })).toBeInViewport();
		expect(await seriousViolations(page)).toEqual([]);
	});
});

test.describe('Quiz mode', () => {
	test('hides supports/rebuts until the teacher reveals it', async ({ page }) => {
		await present(page, '?quiz=1&step=1');
		await expect(relation(page)).toHaveText(/^\W*Thesis\s*$/);
		await page.keyboard.press('ArrowRight');
		await expect(claim(page)).toHaveText(/Salvador Allende's/);
		await expect(relation(page)).toHaveText(/Supports or rebuts\?/);
		await expect(relation(page)).not.toHaveText(/^\W*Supports\s*$/);
		// No QR code while the answer is hidden: the map page would give it away.
		await expect(page.getByTestId('qr-hidden')).toBeVisible();

		await page.keyboard.press('r');
		await expect(relation(page)).toHaveText(/^\W*Supports\s*$/);
		await expect(page).toHaveURL(/quiz=1&step=2&answered=1$/);

		// A clicker has only "next": on each node it reveals first, then moves on.
		await page.keyboard.press('ArrowRight');
		await expect(claim(page)).toHaveText(/great task is to replace/);
		await expect(relation(page)).toHaveText(/Supports or rebuts\?/);
		await page.keyboard.press('ArrowRight');
		await expect(relation(page)).toHaveText(/^\W*Supports\s*$/);
		await page.keyboard.press('ArrowRight');
		await expect(claim(page)).toHaveText(/out of Boric's hands/);

		await page.getByTestId('reveal').click();
		await expect(relation(page)).toHaveText(/^\W*Rebuts\s*$/);
		await page.reload();
		await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		await expect(relation(page)).toHaveText(/^\W*Rebuts\s*$/);
		expect(await seriousViolations(page)).toEqual([]);
	});
});

test.describe('Unknown maps and nodes', () => {
	test('are 404s in presentation mode, the handout and the QR code', async ({ request }) => {
		for (const path of [
			'/present/no-such-map',
			'/present/no-such-map/presenter',
			'/print/no-such-map',
			'/print/no-such-map/teacher',
			'/present/no-such-map/qr',
			`/present/${MAP}/qr/no-such-node`
		]) {
			expect((await request.get(path)).status(), path).toBe(404);
		}
		const qr = await request.get(`/present/${MAP}/qr/hands-off`);
		expect(qr.headers()['content-type']).toMatch(/^image\/svg\+xml/);
	});
});

test.describe('Follow along', () => {
	test('the QR code decodes to the map, then to the node on screen', async ({ page, baseURL }) => {
		await present(page);
		const qr = page.getByTestId('qr').locator('img');
		await expect(qr).toBeVisible();
		expect(await decodeQr(page, qr)).toBe(`${baseURL}/maps/${MAP}`);
		await expect(page.getByTestId('short-link')).toHaveText(
			`${new URL(baseURL!).host}/maps/${MAP}`
		);

		for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('short-link')).toHaveText(/\/hands-off$/);
		// The new code is an image the browser loads after the link text changes.
		await expect.poll(() => decodeQr(page, qr)).toBe(`${baseURL}/maps/${MAP}/hands-off`);
	});
});

/** Every page of a PDF, counted by its page objects. */
function pdfPageCount(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** The bookmark titles of a PDF made with `outline: true` (headings), as text. */
function pdfOutlineTitles(pdf: Buffer): string[] {
	const raw = pdf.toString('latin1');
	return [...raw.matchAll(/\/Title\s*(?:<([0-9A-Fa-f]+)>|\(((?:\\.|[^\\)])*)\))/g)].map(
		([, hex, literal]) => {
			if (literal !== undefined) return literal.replace(/\\(.)/g, '$1');
			const bytes = Buffer.from(hex!, 'hex');
			return bytes[0] === 0xfe && bytes[1] === 0xff
				? bytes.subarray(2).swap16().toString('utf16le')
				: bytes.toString('latin1');
		}
	);
}

test.describe('Handouts and images', () => {
	test('the print view is the map as an outline with quotes and sources', async ({ page }) => {
		await page.goto(`/print/${MAP}`);
		const handout = page.getByTestId('handout');
		await expect(handout.getByRole('heading', { level: 1 })).toHaveText(
			'A reader thread under test'
		);
		await expect(handout.locator('li[data-node-id]')).toHaveCount(24);
		await expect(handout.locator('li[data-node-id="great-result"] blockquote').first()).toHaveText(
			'“A great result in Chile.”'
		);
		// Nested: hands-off rebuts constitution-task, which supports the thesis.
		await expect(
			handout.locator(
				'[data-node-id="great-result"] [data-node-id="constitution-task"] [data-node-id="hands-off"]'
			)
		).toContainText('Rebuts');
		await expect(handout.locator('.sources')).toContainText('Reader comments under test');
		await expect(handout).toContainText('How do the commenters use the history of Allende');
		expect(await seriousViolations(page)).toEqual([]);
	});

	test('the student handout leaves room to answer; the teacher handout adds the summary', async ({
		page
	}) => {
		await page.goto(`/print/${LESSON}`);
		const handout = page.getByTestId('handout');
		await expect(handout).toHaveAttribute('data-audience', 'student');
		await expect(handout.getByTestId('discussion').locator('li')).toHaveCount(2);
		await expect(handout.getByTestId('answer-space')).toHaveCount(2);
		await expect(handout.getByText(SUMMARY)).toHaveCount(0);
		// What a reader needs to read a node fairly reaches the students too.
		await expect(handout.locator('[data-node-id="task"]')).toContainText(NOTE);
		await expect(handout.locator('[data-node-id="counterpoint"]')).toContainText(
			"Editors' context: Editors' counterpoint"
		);
		expect(await seriousViolations(page)).toEqual([]);

		await page.getByRole('link', { name: 'Teacher handout' }).click();
		await expect(page).toHaveURL(new RegExp(`/print/${LESSON}/teacher$`));
		await expect(handout).toHaveAttribute('data-audience', 'teacher');
		await expect(handout.getByTestId('summary')).toContainText(SUMMARY);
		await expect(handout.getByTestId('answer-space')).toHaveCount(0);
		await expect(handout.getByTestId('discussion').locator('li')).toHaveCount(2);
		await expect(handout.locator('[data-node-id="task"]')).toContainText(NOTE);
		expect(await seriousViolations(page)).toEqual([]);
	});

	test('the QR caption of a printed handout reads on one line', async ({ page }) => {
		await page.setViewportSize({ width: Math.floor(((210 - 28) / 25.4) * 96), height: 900 });
		for (const path of [`/print/${LESSON}`, `/print/${LESSON}/teacher`]) {
			await page.goto(path);
			await page.emulateMedia({ media: 'print' });
			const lines = await page.getByTestId('short-link').evaluate((link) => {
				const range = document.createRange();
				range.selectNodeContents(link);
				return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
			});
			expect(lines, path).toBe(1);
		}
	});

	for (const [format, contentWidth] of [
		// The paper width less the 14 mm margins, in CSS pixels (96 per inch).
		['A4', Math.floor(((210 - 28) / 25.4) * 96)],
		['Letter', Math.floor((8.5 - 28 / 25.4) * 96)]
	] as const) {
		test(`the handout prints on ${format} without cutting anything off`, async ({ page }) => {
			await page.setViewportSize({ width: contentWidth, height: 900 });
			await page.goto(`/print/${MAP}`);
			await page.emulateMedia({ media: 'print' });
			const overflow = await page.evaluate(() => {
				const limit = document.documentElement.clientWidth;
				return [...document.querySelectorAll('.handout *')]
					.filter((el) => el.getBoundingClientRect().right > limit + 0.5)
					.map((el) => el.outerHTML.slice(0, 80));
			});
			expect(overflow).toEqual([]);
			await expect(page.locator('header.site')).toBeHidden();

			const pdf = await page.pdf({ format, outline: true, tagged: true });
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
			const pages = pdfPageCount(pdf);
			expect(pages).toBeGreaterThanOrEqual(2);
			expect(pages).toBeLessThanOrEqual(12);
			expect(pdfOutlineTitles(pdf)).toEqual(
				expect.arrayContaining(['A reader thread under test', 'The argument', 'Sources'])
			);
		});
	}

	/** Click a download button and read the file it gives. */
	async function download(page: Page, button: string) {
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('teaching-tools').getByRole('button', { name: button }).click()
		]);
		return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
	}

	/** A PNG's signature and its width and height (from the IHDR chunk that follows it). */
	function pngHeader(png: Buffer) {
		return {
			signature: [...png.subarray(0, 8)],
			width: png.readUInt32BE(16),
			height: png.readUInt32BE(20)
		};
	}
	const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

	test('the whole map downloads as SVG and PNG', async ({ page }) => {
		await page.goto(`/maps/${MAP}`);
		// Hydrated: a click before that is lost.
		await expect(page.locator('svg.argument-tree[data-ready]')).toBeVisible();

		const svg = await download(page, 'Download SVG');
		expect(svg.name).toBe(`${MAP}.svg`);
		const text = svg.body.toString('utf8');
		expect(text).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(text).toContain('A reader thread under test');
		// Every node, however deep, one tag each: as many as the tree has claims (24, and any
		// proposal an earlier test left in this map).
		const label = await page.getByRole('tree').getAttribute('aria-label');
		const claims = Number(/(\d+) claims/.exec(label ?? '')?.[1]);
		expect(claims).toBeGreaterThanOrEqual(24);
		expect(text.match(/◆ THESIS|✓ SUPPORTS|✗ REBUTS/g)).toHaveLength(claims);
		expect(text).toContain('The first commenter calls');
		const [, width, height] = text.match(/<svg[^>]* width="(\d+)" height="(\d+)"/)!.map(Number);

		const png = await download(page, 'Download PNG');
		expect(png.name).toBe(`${MAP}.png`);
		const header = pngHeader(png.body);
		expect(header.signature).toEqual(PNG_SIGNATURE);
		// Twice the SVG's size, for sharp text.
		expect(header.width).toBe(width! * 2);
		expect(header.height).toBe(height! * 2);
		expect(png.body.length).toBeGreaterThan(50_000);
	});

	test('the current view downloads as SVG and PNG, as drawn', async ({ page }) => {
		await page.goto(`/maps/${MAP}`);
		const tree = page.locator('svg.argument-tree');
		// Hydrated: a choice made before that is reset, a click lost.
		await expect(page.locator('svg.argument-tree[data-ready]')).toBeVisible();
		const size = await tree.evaluate((el) => ({
			width: Number(el.getAttribute('width')),
			height: Number(el.getAttribute('height'))
		}));
		await page.getByRole('combobox', { name: 'Image of' }).selectOption('view');

		const svg = await download(page, 'Download SVG');
		expect(svg.name).toBe(`${MAP}-view.svg`);
		const text = svg.body.toString('utf8');
		expect(text).toMatch(/^<\?xml[^>]*>\s*<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(text).toContain('The first commenter calls');
		// Styles travel with the file: the dashed outline of rebuttals, inline.
		expect(text).toMatch(/style="[^"]*stroke-dasharray:\s*6(px)?,? 3/);

		const png = await download(page, 'Download PNG');
		expect(png.name).toBe(`${MAP}-view.png`);
		const header = pngHeader(png.body);
		expect(header.signature).toEqual(PNG_SIGNATURE);
		expect(Math.abs(header.width - size.width * 2)).toBeLessThanOrEqual(2);
		expect(Math.abs(header.height - size.height * 2)).toBeLessThanOrEqual(2);
	});
});
