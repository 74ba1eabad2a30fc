/**
 * The editors' context reaches a class: beside the map (timeline with the
 * sources on it, what happened next, source questions, lesson path, terms),
 * in the claims (glossary links), on the slides (the map's reading, after the
 * reveal in quiz mode), in the presenter view and in both handouts. Against
 * the fixture map e2e-context, its timeline e2e-town and its glossary term
 * (tests/fixtures/e2e/).
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

const MAP = 'e2e-context';
const NEXT = 'Fixture next: the library closed on Sundays in January 2023.';
const READING = 'Fixture reading: the map places the cost objection against the vote.';

const context = (page: Page) => page.getByTestId('map-context');

test.describe('Editors’ context', () => {
	test('beside the map: the timeline places the source by its date, apart from the sources', async ({
		page
	}) => {
		await page.goto(`/maps/${MAP}`);
		const box = context(page);
		await expect(box.getByRole('heading', { level: 2 })).toHaveText(
			"Editors' context · not from the sources"
		);
		// Events and the map's one source, in date order: the minutes of March 2022
		// after the 2021 budget cut and before the 2023 closure. The timeline opens on request.
		await box.getByTestId('timeline-details').locator('summary').click();
		const entries = box.getByTestId('timeline').locator(':scope > li');
		await expect(entries).toHaveText([
			/2019\s*Library opens/,
			/2 May 2021\s*Budget cut/,
			/Mar 2022\s*Source in this map\s*A council meeting on the library/,
			/15 Jan 2023\s*Next\s*Sundays closed/
		]);
		await expect(box.getByTestId('what-next')).toContainText(NEXT);
		await expect(box.getByTestId('source-questions')).toContainText(
			'Who wrote these minutes, and for whom?'
		);
		const lesson = box.getByTestId('lesson-path');
		await expect(lesson.locator('ol > li')).toHaveText([
			'The council voted to keep the library open on Sundays.',
			'The librarian says Sunday is the only day many families can come.',
			'A councillor says the ward council cannot pay for Sunday hours.'
		]);
		await expect(lesson).toContainText('the reading room');
		await expectAccessible(page);
	});

	test('a claim links the glossary term it uses, and a node shows the map’s reading and its references', async ({
		page
	}) => {
		await page.goto(`/maps/${MAP}/cost`);
		const detail = page.getByTestId('node-detail');
		await expect(page.getByTestId('map-reading')).toHaveText(`The map's reading: ${READING}`);
		await detail
			.getByRole('heading', { level: 2 })
			.getByRole('link', { name: 'ward council' })
			.click();
		await expect(page).toHaveURL(/\/glossary#e2e-ward-council$/);
		const entry = page.locator('#e2e-ward-council');
		await expect(entry).toBeInViewport();
		await expect(entry).toContainText("The town's elected body for one district");
		await expect(entry.getByRole('link', { name: 'The library on Sundays' })).toBeVisible();
		await expectAccessible(page);

		await page.goto(`/maps/${MAP}/cut-context`);
		await expect(page.getByTestId('node-context')).toContainText(
			'Budget minutes (test fixture), The town'
		);
	});

	test('on the slides the reading shows, after the reveal in quiz mode; the presenter has the context', async ({
		page
	}) => {
		// Step 3 is the cost objection, which carries a reading.
		await page.goto(`/present/${MAP}?step=3`);
		await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		await expect(page.getByTestId('slide-reading')).toContainText(READING);

		await page.goto(`/present/${MAP}?step=3&quiz=1`);
		await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		await expect(page.getByTestId('slide-reading')).toHaveCount(0);
		await page.keyboard.press('r');
		await expect(page.getByTestId('slide-reading')).toContainText(READING);

		// The title slide offers the timeline.
		await page.goto(`/present/${MAP}`);
		await page.getByText('Where these sources sit in time').click();
		await expect(page.getByTestId('timeline-source')).toContainText(
			'A council meeting on the library'
		);

		await page.goto(`/present/${MAP}/presenter?step=3`);
		await expect(page.getByTestId('presenter')).toHaveAttribute('data-ready', 'true');
		await expect(page.getByTestId('presenter-current')).toContainText(READING);
		await expect(context(page).getByTestId('what-next')).toContainText(NEXT);
		await expect(context(page).getByTestId('lesson-path')).toBeVisible();
	});

	test('the handouts carry the timeline and what happened next; only the teacher’s the lesson path', async ({
		page
	}) => {
		await page.goto(`/print/${MAP}`);
		await expect(context(page).getByTestId('timeline-source')).toHaveCount(1);
		await expect(context(page).getByTestId('what-next')).toContainText(NEXT);
		await expect(context(page).getByTestId('lesson-path')).toHaveCount(0);
		await expect(page.getByTestId('handout')).toContainText(READING);
		await expectAccessible(page);

		await page.goto(`/print/${MAP}/teacher`);
		await expect(context(page).getByTestId('lesson-path')).toContainText('the reading room');
	});
});
