import { expectAccessible } from './axe';
import { expect, test } from '@playwright/test';

test.describe('reading a map back to its source', () => {
	test('the index lists the maps and opens one at its thesis', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Argument maps' })).toBeVisible();
		const card = page.getByRole('listitem').filter({ hasText: 'A reader thread under test' });
		await expect(card.getByText(/\d+ nodes/)).toBeVisible();
		await expect(card.getByRole('link', { name: 'Reader comments under test' })).toBeVisible();
		await expectAccessible(page);

		await card.getByRole('link', { name: 'A reader thread under test' }).click();
		await expect(page).toHaveURL(/\/maps\/e2e-thread$/);
		await expect(
			page.getByRole('heading', { level: 1, name: 'A reader thread under test' })
		).toBeVisible();
		const detail = page.getByTestId('node-detail');
		await expect(detail.getByRole('heading', { level: 2 })).toHaveText(
			"The first commenter calls Boric's election a great result for Chile."
		);
		await expectAccessible(page);
	});

	test('a node shows its quote and links to the source at that passage', async ({ page }) => {
		const detail = page.getByTestId('node-detail');
		await page.goto('/maps/e2e-thread/constitution-task');
		await expect(detail.getByRole('heading', { level: 2 })).toContainText(
			"Boric's great task is to replace Chile's constitution"
		);
		const quote = detail.getByTestId('quote').first();
		await expect(quote.locator('mark')).toHaveText(
			'He has an all-mighty task to replace the Chilean constitution which treats private enterprise as a sacred principle'
		);

		await detail.getByRole('link', { name: 'Reader comments under test' }).click();
		await expect(page).toHaveURL(/\/sources\/e2e-thread-text\?at=\d+-\d+#passage$/);
		const current = page.getByTestId('source-text').locator('mark.current');
		await expect(current.first()).toBeInViewport();
		await expect(current.first()).toContainText(
			'He has an all-mighty task to replace the Chilean constitution'
		);
		await expectAccessible(page);
	});

	test('a source page links every cited passage back to the nodes citing it', async ({ page }) => {
		await page.goto('/sources/e2e-thread-text');
		const passage = page.getByTestId('passage').filter({ hasText: 'But he has a huge mandate.' });
		await passage
			.getByRole('listitem')
			.filter({ hasText: 'A reader thread under test' })
			.getByRole('link')
			.click();
		await expect(page).toHaveURL(/\/maps\/e2e-thread\/[a-z0-9-]+$/);
		await expect(
			page.getByTestId('node-detail').getByTestId('quote').locator('mark').first()
		).toContainText('But he has a huge mandate.');
	});

	test('an unknown map or node is a 404 page, not a crash', async ({ page }) => {
		const map = await page.goto('/maps/no-such-map');
		expect(map?.status()).toBe(404);
		const node = await page.goto('/maps/e2e-thread/no-such-node');
		expect(node?.status()).toBe(404);
		await expect(page.getByText(/No node "no-such-node"/)).toBeVisible();
	});
});
