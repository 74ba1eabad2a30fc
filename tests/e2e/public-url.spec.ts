import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { freePort } from '../free-port';
import { decodeQr } from './helpers';
import { scratchContent } from './scratch-content.js';

// Behind a TLS proxy (the README's PUBLIC_URL): the built app started as the
// README says, `node scripts/server.js`, with PUBLIC_URL and nothing else that
// the tests' own server gets. The proxy is not here: traffic goes to the
// loopback port, as the proxy's would, and the requests carry the public
// address where a browser behind the proxy would put it (the Origin header).
const PUBLIC = 'https://atlas.example.org';
const MAP = 'e2e-school-day';
const SECRET = 'e2e-public-url-secret';
/** What use:enhance sends: the action answers with JSON instead of a page. */
const action = { accept: 'application/json', 'x-sveltekit-action': 'true' };

let server: ChildProcess;
let root: string;
let local: string;
let api: APIRequestContext;
/** What the server printed. */
let said = '';

test.beforeAll(async () => {
	root = scratchContent();
	const port = await freePort();
	local = `http://127.0.0.1:${port}`;
	server = spawn(process.execPath, ['scripts/server.js'], {
		env: {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			PORT: String(port),
			HOST: '127.0.0.1',
			PUBLIC_URL: PUBLIC,
			ATLAS_ROOT: root,
			ATLAS_EDITOR_SECRET: SECRET
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Started once it says where it is; its words if it stops first.
	await new Promise<void>((resolve, reject) => {
		const listen = (chunk: Buffer) => {
			said += chunk;
			if (said.includes('Argument Atlas at')) resolve();
		};
		server.stdout!.on('data', listen);
		server.stderr!.on('data', listen);
		server.on('exit', (code) => reject(new Error(`server stopped (${code}):\n${said}`)));
	});
	api = await request.newContext({ baseURL: local });
});

test.afterAll(async () => {
	await api?.dispose();
	server?.kill('SIGTERM');
	if (root) rmSync(root, { recursive: true, force: true });
});

/**
 * The browser opens the public address, as behind the proxy; each request is
 * answered by the server on the loopback port, as the proxy would answer it.
 */
async function throughProxy(page: Page) {
	await page.route(`${PUBLIC}/**`, async (route) => {
		const url = new URL(route.request().url());
		const response = await route.fetch({ url: `${local}${url.pathname}${url.search}` });
		await route.fulfill({ response });
	});
}

test.describe('behind a TLS proxy, PUBLIC_URL', () => {
	test('the start-up line names the public address', () => {
		expect(said).toContain(`Argument Atlas at ${PUBLIC} (PUBLIC_URL)`);
	});

	test('the projector QR code and its printed link carry the public address', async ({ page }) => {
		await throughProxy(page);
		await page.goto(`${PUBLIC}/present/${MAP}?step=1`);
		await expect(page.locator('[data-testid=presentation]')).toBeVisible();
		const qr = page.getByTestId('qr');
		await expect(qr.locator('img')).toBeVisible();
		expect(await decodeQr(page, qr.locator('img'))).toBe(`${PUBLIC}/maps/${MAP}/later-start`);
		await expect(qr.locator('img')).toHaveAttribute(
			'data-url',
			`${PUBLIC}/maps/${MAP}/later-start`
		);
		await expect(qr.getByTestId('short-link')).toHaveText(
			`atlas.example.org/maps/${MAP}/later-start`
		);
	});

	test("the handout's printed link and QR code carry the public address", async ({ page }) => {
		await throughProxy(page);
		await page.goto(`${PUBLIC}/print/${MAP}`);
		const qr = page.getByTestId('qr');
		await expect(qr.getByTestId('short-link')).toHaveText(`atlas.example.org/maps/${MAP}`);
		await expect(qr.locator('img')).toBeVisible();
		expect(await decodeQr(page, qr.locator('img'))).toBe(`${PUBLIC}/maps/${MAP}`);
	});

	test('signing in through the public origin works, and its cookie is Secure', async () => {
		const response = await api.post('/review?/signin', {
			form: { secret: SECRET },
			headers: { origin: PUBLIC, ...action }
		});
		expect(response.status()).toBe(200);
		expect(await response.text()).toMatch(/Signed in/);
		const cookie = response.headers()['set-cookie'] ?? '';
		expect(cookie).toMatch(/atlas_editor=/);
		expect(cookie).toMatch(/;\s*Secure/i);
	});

	test('an editor signs in through the public address, and the browser keeps a Secure cookie', async ({
		page
	}) => {
		await throughProxy(page);
		await page.goto(`${PUBLIC}/review`);
		await page.getByLabel(/^Editor secret/).fill(SECRET);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByText('Signed in as an editor.').first()).toBeVisible();
		const cookie = (await page.context().cookies(PUBLIC)).find((c) => c.name === 'atlas_editor');
		expect(cookie?.secure).toBe(true);
	});

	test('a form posted from another site is refused, the loopback address included', async () => {
		for (const origin of ['https://evil.example', local, 'http://atlas.example.org']) {
			const refused = await api.post('/review?/signin', {
				form: { secret: SECRET },
				headers: { origin, ...action }
			});
			expect(refused.status(), origin).toBe(403);
			expect(refused.headers()['set-cookie'], origin).toBeUndefined();
		}
	});
});
