import { seriousViolations } from './axe';
import { decodeQr } from './helpers';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

// content/arguments/boric-election-thread.yaml reveals great-result, allende-tradition,
// constitution-task, hands-off, massive-task first, then the rest depth-first.
const MAP = 'boric-election-thread';

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
		await expect(outline.locator('li li li[aria-current="step"]')).toContainText(
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

	test('N shows the teacher notes: summary and discussion questions', async ({ page }) => {
		await present(page, '?step=2');
		await expect(page.getByTestId('notes')).toHaveCount(0);
		await page.keyboard.press('n');
		const notes = page.getByTestId('notes');
		await expect(notes).toContainText('Three anonymous reader comments react');
		await expect(notes.locator('ol > li')).toHaveCount(3);
		// A clicker's Space after a mouse click on a button advances; it does not press the button again.
		await page.getByRole('button', { name: /Notes/ }).click();
		await expect(notes).toHaveCount(0);
		await page.keyboard.press('Space');
		await expect(page.getByTestId('step-count')).toHaveText(/3 \/ 24/);
		await expect(notes).toHaveCount(0);
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
		await page.keyboard.press('n');
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
			'/print/no-such-map',
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
		expect(await decodeQr(page, qr)).toBe(`${baseURL}/maps/${MAP}/hands-off`);
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
			"Readers on Boric's election"
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
		await expect(handout.locator('.sources')).toContainText(
			"Reader comments on Gabriel Boric's election"
		);
		await expect(handout).toContainText('How do the commenters use the history of Allende');
		expect(await seriousViolations(page)).toEqual([]);
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
				expect.arrayContaining(["Readers on Boric's election", 'The argument', 'Sources'])
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
		await expect(page.locator('svg.argument-tree')).toBeVisible();

		const svg = await download(page, 'Download SVG');
		expect(svg.name).toBe(`${MAP}.svg`);
		const text = svg.body.toString('utf8');
		expect(text).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(text).toContain("Readers on Boric's election");
		// Every node, however deep: 24 tags.
		expect(text.match(/◆ THESIS|✓ SUPPORTS|✗ REBUTS/g)).toHaveLength(24);
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
		await expect(tree).toBeVisible();
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
