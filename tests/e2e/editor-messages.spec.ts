import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { contentRoot } from './helpers';
import { signIn } from './pages';

// A map file edited by hand while the server runs, as an editor does: when it
// breaks, the map's page tells a signed-in editor what is wrong (file:line:col)
// and a reader that the map is being fixed, never a bare 404 or a stack trace.
const SECRET = 'e2e-editor-secret';
const RUN = Date.now().toString(36);

const mapYaml = (id: string, claim: string) =>
	[
		`id: ${id}`,
		'title: A map edited by hand',
		'question: Does the commenter welcome the result?',
		'summary: A map an editor edits by hand while the server runs, for the editor-messages test.',
		'thesis:',
		'  id: welcome',
		`  claim: ${claim}`,
		'  cites:',
		'    - source: e2e-thread-text',
		'      quote: A great result in Chile.',
		''
	].join('\n');

test.describe('a map file broken while the server runs', () => {
	test('a new map that never loaded: the reader is told it is being fixed, the editor where', async ({
		page,
		browser,
		baseURL
	}) => {
		const id = `hand-broken-${RUN}`;
		const file = join(contentRoot(), 'content', 'arguments', `${id}.yaml`);
		// A tab for indentation on line 8 (`cites:`), which YAML refuses.
		writeFileSync(file, mapYaml(id, 'The commenter welcomes it.').replace('  cites:', '\tcites:'));
		try {
			const reader = await browser.newContext();
			const readerPage = await reader.newPage();
			await expect(async () => {
				const res = await readerPage.goto(`/maps/${id}`);
				expect(res?.status()).toBe(503);
			}).toPass();
			await expect(readerPage.getByTestId('map-error-title')).toHaveText('This map is being fixed');
			await expect(readerPage.getByTestId('map-problems')).toHaveCount(0);
			await expect(readerPage.locator('main')).not.toContainText(/\.yaml:\d+/);
			await expectAccessible(readerPage);
			await reader.close();

			await signIn(page.request, baseURL!, SECRET);
			const res = await page.goto(`/maps/${id}`);
			expect(res?.status()).toBe(503);
			const problems = page.getByTestId('map-problems');
			await expect(problems).toContainText(
				new RegExp(`content/arguments/${id}\\.yaml:8:1: .*[Tt]ab`)
			);
			await expectAccessible(page);

			// Fixed, it is served at once.
			writeFileSync(file, mapYaml(id, 'The commenter welcomes it.'));
			await expect(async () => {
				const fixed = await page.goto(`/maps/${id}`);
				expect(fixed?.status()).toBe(200);
			}).toPass();
			await expect(page.getByTestId('node-detail').getByRole('heading', { level: 2 })).toHaveText(
				'The commenter welcomes it.'
			);
		} finally {
			rmSync(file, { force: true });
		}
	});

	test('a map that breaks after loading keeps its last good version, and editors see why', async ({
		page,
		browser,
		baseURL
	}) => {
		const id = `hand-edited-${RUN}`;
		const file = join(contentRoot(), 'content', 'arguments', `${id}.yaml`);
		writeFileSync(file, mapYaml(id, 'The commenter welcomes the result.'));
		try {
			await signIn(page.request, baseURL!, SECRET);
			await expect(async () => {
				const res = await page.goto(`/maps/${id}`);
				expect(res?.status()).toBe(200);
			}).toPass();
			await expect(page.getByTestId('map-problems')).toHaveCount(0);

			// The editor misquotes the source.
			writeFileSync(
				file,
				mapYaml(id, 'The commenter welcomes the result.').replace(
					'A great result in Chile.',
					'A grate result in Chile.'
				)
			);
			const problems = page.getByTestId('map-problems');
			await expect(async () => {
				await page.reload();
				await expect(problems).toBeVisible({ timeout: 1000 });
			}).toPass();
			await expect(problems).toContainText(
				new RegExp(`content/arguments/${id}\\.yaml:10:\\d+: quote not found`)
			);
			await expect(page.getByTestId('node-detail').getByRole('heading', { level: 2 })).toHaveText(
				'The commenter welcomes the result.'
			);

			// A reader sees the last good version, and nothing of the editor's message.
			const reader = await browser.newContext();
			const readerPage = await reader.newPage();
			await readerPage.goto(`/maps/${id}`);
			await expect(
				readerPage.getByTestId('node-detail').getByRole('heading', { level: 2 })
			).toHaveText('The commenter welcomes the result.');
			await expect(readerPage.getByTestId('map-problems')).toHaveCount(0);
			await reader.close();
		} finally {
			rmSync(file, { force: true });
		}
	});
});
