import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { contentRoot } from './helpers';

test.describe('Export from the map page', () => {
	test('each download link gives the map in its format', async ({ page }) => {
		await page.goto('/maps/e2e-thread');
		const exports = page.getByTestId('map-exports');
		await exports.getByText('Download this map').click();
		const expectations: [string, RegExp][] = [
			['AIF JSON', /"type": "RA"/],
			['Argdown', /^===\ntitle: /],
			['Kialo outline', /^Discussion Title: .*\n\n1\. Thesis: /],
			['Web Annotations', /"TextPositionSelector"/]
		];
		for (const [label, body] of expectations) {
			const link = exports.getByRole('link', { name: label });
			const response = await page.request.get((await link.getAttribute('href'))!);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-disposition']).toContain(
				`filename="${await link.getAttribute('download')}"`
			);
			expect(await response.text()).toMatch(body);
		}
	});
});

const SECRET = process.env.ATLAS_EDITOR_SECRET ?? 'e2e-editor-secret';

test.describe('A new text from an HTML page', () => {
	test('an editor uploads an .html file at /new; its text, as a reader sees it, is the source', async ({
		page
	}) => {
		const id = `html-page-${Date.now().toString(36)}`;
		await page.goto('/review');
		await page.getByLabel('Editor secret').fill(SECRET);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByText('Signed in as an editor.').first()).toBeVisible();

		await page.goto('/new');
		await page.locator('#source-id').fill(id);
		await page.locator('#source-title').fill('A council page (test text)');
		await page.locator('#source-kind').fill('web page');
		await page.locator('#source-date').fill('2026-12');
		await page.locator('#source-language').fill('en');
		await page.locator('#source-description').fill('An invented council page, for the test.');
		await page.locator('#source-upload').setInputFiles({
			name: 'council.html',
			mimeType: 'text/html',
			buffer: Buffer.from(
				`<!doctype html><html><head><title>Council</title><script>alert(1)</script></head><body>
<nav><a href="/">Home</a></nav><h1>The council decides</h1>
<p>The bell   rings at <a href="/nine">nine</a> from May.<br>José agreed 😀.</p>
<table><tr><th>Vote</th><th>Count</th></tr><tr><td>For</td><td>7</td></tr></table>
</body></html>`
			)
		});
		await page.getByRole('button', { name: 'Add the source' }).click();
		await expect(page.getByText('Added the source "A council page (test text)".')).toBeVisible();

		const seeds = join(contentRoot(), 'seeds');
		const stored = readdirSync(seeds).find((name) => name.endsWith(`_${id}.txt`));
		expect(readFileSync(join(seeds, stored!), 'utf8')).toBe(
			'The council decides\n\nThe bell rings at nine from May.\nJosé agreed 😀.\n\nVote   Count\nFor    7\n'
		);
		await page.getByRole('link', { name: 'Read it in the source reader' }).click();
		await expect(page.getByText('The bell rings at nine from May.')).toBeVisible();
		await expect(page.getByText('alert(1)')).toHaveCount(0);
	});
});

test.describe('Signed out, /new writes nothing', () => {
	test('an import or a source posted without the editor cookie is refused with 403', async ({
		page
	}) => {
		const id = `refused-${Date.now().toString(36)}`;
		await page.goto('/new');
		const origin = new URL(page.url()).origin;
		const forms = {
			import: {
				format: 'kialo',
				id,
				upload: {
					name: 'debate.txt',
					mimeType: 'text/plain',
					buffer: Buffer.from('1. A\n1.1. Pro: B\n')
				}
			},
			source: {
				id,
				title: 'Refused',
				kind: 'note',
				date: '2026',
				language: 'en',
				description: 'Refused.',
				text: 'Refused.\n'
			}
		};
		for (const [action, multipart] of Object.entries(forms)) {
			// As a page without JavaScript posts the form: the page again, with status 403.
			const plain = await page.request.post(`/new?/${action}`, {
				headers: { origin, accept: 'text/html' },
				multipart
			});
			expect(plain.status()).toBe(403);
			expect(await plain.text()).toContain('Sign in as an editor first.');
			// As the enhanced form posts it: SvelteKit's JSON answer carries the 403.
			const enhanced = await page.request.post(`/new?/${action}`, {
				headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
				multipart
			});
			expect(await enhanced.json()).toMatchObject({ type: 'failure', status: 403 });
		}
		const root = contentRoot();
		expect(existsSync(join(root, 'content', 'arguments', `${id}.yaml`))).toBe(false);
		expect(readdirSync(join(root, 'seeds')).some((name) => name.includes(id))).toBe(false);
		expect(readFileSync(join(root, 'seeds', 'sources.yaml'), 'utf8')).not.toContain(id);
	});
});
