import { expect as baseExpect, test, devices } from '@playwright/test';
import { SCHOOL_HOST } from '../../playwright.config';
import { decodeQr } from './helpers';

// The people the app is for, each walking end to end against the server as the
// README starts it, reached by the class wifi's host name (atlas.school.test →
// 127.0.0.2). The contributor (type, cite, submit, see the confirmation) and
// the editor (sign in, accept, reject) walk in contribute.spec.ts.
const LESSON = 'e2e-lesson';
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

test.describe('a teacher presents and a student follows on a phone', () => {
	test('presenter window, projector, QR code; the phone reads the claim, its passage, and back', async ({
		page,
		browser,
		baseURL
	}) => {
		const site = `http://${SCHOOL_HOST}:${new URL(baseURL!).port}`;

		// The teacher projects the lesson and opens the presenter window (P).
		await page.goto(`${site}/present/${LESSON}?step=1`);
		await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		const [presenter] = await Promise.all([
			page.context().waitForEvent('page'),
			page.keyboard.press('p')
		]);
		await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-ready', 'true');
		await expect(presenter.getByTestId('presenter-next')).toContainText(
			'the task is to replace the constitution'
		);
		// The clicker, on the presenter window, moves the projector on to the rebuttal.
		await presenter.keyboard.press('ArrowRight');
		await presenter.keyboard.press('ArrowRight');
		await expect(page.getByTestId('claim')).toHaveText(
			'Another commenter says the process no longer depends on Boric.'
		);

		// Q: the code for the back row, for this address.
		await presenter.keyboard.press('q');
		const code = page.getByTestId('qr-overlay').locator('img');
		await expect(code).toBeVisible();
		const target = await decodeQr(page, code);
		expect(target).toBe(`${site}/maps/${LESSON}/hands-off`);

		// A student's phone opens it: the claim on screen comes first, as a card.
		const phone = await browser.newContext({ ...devices['Pixel 7'] });
		const student = await phone.newPage();
		await student.goto(target!);
		const detail = student.getByTestId('node-detail');
		const heading = detail.getByRole('heading', { level: 2 });
		await expect(heading).toHaveText(
			'Another commenter says the process no longer depends on Boric.'
		);
		await expect(heading).toBeInViewport();
		await expect(detail.getByTestId('quote').locator('mark')).toHaveText(
			'the Chilean constutional process will now be very hands off for Boric'
		);
		const detailTop = (await detail.boundingBox())!.y;
		const treeTop = (await student.locator('section.tree').boundingBox())!.y;
		expect(detailTop).toBeLessThan(treeTop);
		// It says which claim it answers, one tap up the tree.
		await expect(detail.getByTestId('parent-link')).toContainText(
			'A commenter says Boric has a huge mandate.'
		);

		// The passage, in its source, then back to the claim.
		await detail.getByRole('link', { name: 'Reader comments under test' }).tap();
		await expect(student).toHaveURL(/\/sources\/e2e-thread-text\?at=\d+-\d+#passage$/);
		await expect(student.locator('mark.current').first()).toBeInViewport();
		await student.goBack();
		await expect(heading).toHaveText(
			'Another commenter says the process no longer depends on Boric.'
		);

		// Down the tree to the rebuttal of this claim, and up again.
		await detail.locator('.children').getByRole('link').first().tap();
		await expect(heading).toHaveText('A president can still shape a process he does not control.');
		await expect(student).toHaveURL(`${site}/maps/${LESSON}/counterpoint`);
		await detail.getByTestId('parent-link').tap();
		await expect(heading).toHaveText(
			'Another commenter says the process no longer depends on Boric.'
		);
		await phone.close();
	});
});
