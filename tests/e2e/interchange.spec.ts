import { expect, test } from '@playwright/test';

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
