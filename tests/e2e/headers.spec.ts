/**
 * Security headers and the Content-Security-Policy, on the server and on the
 * static build, and the app working under its CSP: hydration, the QR code, a
 * live session's event stream and the PNG export, with no violation reported.
 */
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const MAP = 'e2e-thread';
// The static build holds the content it was built from, not the e2e fixtures.
const STATIC_MAP = readdirSync('content/arguments')
	.find((n) => n.endsWith('.yaml'))!
	.replace(/\.yaml$/, '');
const staticOrigin = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}`;

const expectSecurityHeaders = (headers: Record<string, string>) => {
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
};

/** Every CSP violation the page reports, as Chromium logs it. */
function violations(page: Page): string[] {
	const seen: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
	});
	return seen;
}

test.describe('Security headers on the server', () => {
	test('a page has a CSP with hashes of its scripts, no framing, nosniff and a referrer policy', async ({
		request
	}) => {
		const res = await request.get(`/maps/${MAP}`);
		const headers = res.headers();
		expectSecurityHeaders(headers);
		const csp = headers['content-security-policy']!;
		// Hashes, not a nonce: a page the cache serves to many readers stays valid.
		expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
		expect(csp).not.toContain('nonce-');
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("form-action 'self'");
		// The built scripts carry nosniff as well.
		const script = /[^"'\s]*_app\/immutable\/[^"'\s]+\.js/.exec(await res.text());
		const asset = await request.get(new URL(script![0], res.url()).href);
		expect(asset.ok()).toBe(true);
		expectSecurityHeaders(asset.headers());
	});

	test('the QR image is cached per Host, since it encodes the host', async ({ request }) => {
		const res = await request.get(`/present/${MAP}/qr`);
		expect(res.headers()['content-type']).toMatch(/^image\/svg\+xml/);
		expect(res.headers()['vary']).toMatch(/\bHost\b/i);
		expect(res.headers()['cache-control']).toContain('public');
	});

	test('the app works under its CSP: hydration, QR code, PNG export and a live session', async ({
		page
	}) => {
		const seen = violations(page);
		await page.goto(`/maps/${MAP}`);
		// Hydrated (the tree answers to gestures once its script runs): the
		// teaching tools' download runs in the browser.
		await expect(page.locator('svg.argument-tree[data-ready]')).toBeVisible();
		const [png] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('teaching-tools').getByRole('button', { name: 'Download PNG' }).click()
		]);
		expect(png.suggestedFilename()).toBe(`${MAP}.png`);
		await page.goto(`/present/${MAP}`);
		await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		await page.keyboard.press('q');
		await expect(page.getByTestId('qr-overlay').locator('img, svg').first()).toBeVisible();
		await page.keyboard.press('q');
		await page.getByTestId('start-live').click();
		await expect(page).toHaveURL(/\/live\/session\/[a-f0-9]{20}$/);
		// Connected over the event stream (connect-src 'self').
		await expect(page.getByTestId('teacher')).toHaveAttribute('data-connected', 'true');
		expect(seen).toEqual([]);
	});
});

test.describe('Security headers on the static build', () => {
	test('served with the headers of static/_headers, each page with a CSP meta of hashes', async ({
		page,
		request
	}) => {
		const res = await request.get(`${staticOrigin}/atlas/maps/${STATIC_MAP}`);
		expect(res.ok()).toBe(true);
		expectSecurityHeaders(res.headers());
		const html = await res.text();
		expect(html).toMatch(
			/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self' 'sha256-[^"]+"/
		);
		const seen = violations(page);
		await page.goto(`${staticOrigin}/atlas/maps/${STATIC_MAP}`);
		await expect(page.locator('svg.argument-tree')).toBeVisible();
		await page.goto(`${staticOrigin}/atlas/present/${STATIC_MAP}`);
		await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		await page.keyboard.press('q');
		await expect(page.getByTestId('qr-overlay').locator('img, svg').first()).toBeVisible();
		expect(seen).toEqual([]);
	});
});
