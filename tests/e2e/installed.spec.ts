import { expect, test } from '@playwright/test';
import { SCHOOL_HOST as HOST } from '../../playwright.config';
import { decodeQr } from './helpers';

// The server runs as the README starts it (`npm start`, no ORIGIN, plain http),
// and a phone on the class wifi reaches the teacher's laptop by another name
// than localhost: atlas.school.test, which the browser resolves to 127.0.0.2
// (playwright.config.ts).
const MAP = 'e2e-school-day';
const SECRET = 'e2e-editor-secret';
/** What use:enhance sends: the action answers with JSON instead of a page. */
const action = { accept: 'application/json', 'x-sveltekit-action': 'true' };

test.describe('reached as a phone on the class wifi reaches it', () => {
	test('sign in, propose, and a QR code that carries this address', async ({
		page,
		browser,
		baseURL
	}) => {
		test.slow(); // four pages and a second browser: a long walk on a busy machine
		const port = new URL(baseURL!).port;
		const site = `http://${HOST}:${port}`;

		// An editor signs in over plain http, on this address.
		await page.goto(`${site}/review`);
		await page.getByLabel('Editor secret').fill(SECRET);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByText('Signed in as an editor.').first()).toBeVisible();

		// A student proposes a support.
		await page.goto(`${site}/contribute/${MAP}/buses?relation=rebuts`);
		await expect(page.locator('form[data-hydrated="true"]')).toHaveCount(1);
		const claim = `Bus timetables could change with the term (${Date.now()})`;
		await page.getByLabel(/^Claim/).fill(claim);
		await page.getByRole('button', { name: 'Propose' }).click();
		const detail = page.getByTestId('node-detail');
		await expect(detail.getByRole('heading', { level: 2 })).toHaveText(claim);
		expect(new URL(page.url()).host).toBe(`${HOST}:${port}`);

		// The projector's QR code sends phones to the address the page was reached on.
		await page.goto(`${site}/present/${MAP}?step=1`);
		const qr = page.getByTestId('qr').locator('img');
		await expect(qr).toBeVisible();
		const target = await decodeQr(page, qr);
		expect(target).toBe(`${site}/maps/${MAP}/later-start`);

		// A phone (another browser) opens it and reads the claim on screen.
		const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
		const phonePage = await phone.newPage();
		await phonePage.goto(target!);
		await expect(
			phonePage.getByTestId('node-detail').getByRole('heading', { level: 2 })
		).toHaveText('The school day should start an hour later.');
		await phone.close();
	});
});

test('a form posted from another site is refused', async ({ request, baseURL }) => {
	const refused = await request.post('/review?/signin', {
		form: { secret: SECRET },
		headers: { origin: 'http://evil.example', ...action }
	});
	expect(refused.status()).toBe(403);
	// The same post from the site itself is let through (and signs in).
	const allowed = await request.post('/review?/signin', {
		form: { secret: SECRET },
		headers: { origin: new URL(baseURL!).origin, ...action }
	});
	expect(allowed.status()).toBe(200);
	expect(await allowed.text()).toMatch(/Signed in/);
});

test('a client cannot claim https for itself: the sign-in cookie is not Secure', async ({
	request,
	baseURL
}) => {
	const response = await request.post('/review?/signin', {
		form: { secret: SECRET },
		headers: {
			origin: new URL(baseURL!).origin,
			...action,
			'x-atlas-protocol': 'https',
			'x-forwarded-proto': 'https'
		}
	});
	const cookie = response.headers()['set-cookie'] ?? '';
	expect(cookie).toMatch(/atlas_editor=/);
	expect(cookie).not.toMatch(/Secure/i);
});
