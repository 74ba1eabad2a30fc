/** What more than one end-to-end spec does: select text with the mouse, read a QR code. */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';

/**
 * Select `occurrence` (0-based) of `passage` in the source text with the mouse:
 * press just left of its first character and release just right of its last.
 */
export async function selectWithMouse(page: Page, passage: string, occurrence: number) {
	const box = await page.getByTestId('source-text').evaluate(
		(section, [passage, occurrence]) => {
			const text = section.textContent ?? '';
			let start = -1;
			for (let i = 0; i <= Number(occurrence); i++)
				start = text.indexOf(String(passage), start + 1);
			const end = start + String(passage).length;
			// The text node and offset holding a character position.
			const at = (pos: number) => {
				const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
				let seen = 0;
				for (let n = walker.nextNode(); n; n = walker.nextNode()) {
					const len = n.textContent!.length;
					if (pos < seen + len) return { node: n, offset: pos - seen };
					seen += len;
				}
				throw new Error('position outside the text');
			};
			const rectOf = (pos: number) => {
				const { node, offset } = at(pos);
				const r = document.createRange();
				r.setStart(node, offset);
				r.setEnd(node, offset + 1);
				r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
				return r.getBoundingClientRect();
			};
			rectOf(start);
			const first = rectOf(start);
			const last = rectOf(end - 1);
			return {
				x1: first.left + 1,
				y1: first.top + first.height / 2,
				x2: last.right - 1,
				y2: last.top + last.height / 2
			};
		},
		[passage, occurrence] as const
	);
	await page.mouse.move(box.x1, box.y1);
	await page.mouse.down();
	await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
	await page.mouse.move(box.x2, box.y2, { steps: 4 });
	await page.mouse.up();
}

/** Decode the QR code on screen: screenshot it, read the pixels in the page, decode with jsQR. */
export async function decodeQr(page: Page, qr: Locator): Promise<string | undefined> {
	const png = await qr.screenshot();
	const image = await page.evaluate(async (base64) => {
		// Not fetch(data:…): the app's CSP lets pages connect to their own origin only.
		const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
		const blob = new Blob([bytes], { type: 'image/png' });
		const bitmap = await createImageBitmap(blob);
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d')!;
		context.drawImage(bitmap, 0, 0);
		const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
		return { data: Array.from(data), width, height };
	}, png.toString('base64'));
	return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data;
}

/** The scratch content root the server under test writes to (tests/e2e/serve.js). */
export function contentRoot(): string {
	return readFileSync(join(tmpdir(), `atlas-e2e-root-${process.env.E2E_PORT ?? 4173}`), 'utf8');
}
