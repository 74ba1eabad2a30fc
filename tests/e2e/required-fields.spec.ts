import { expect, test, type Locator } from '@playwright/test';
import { signIn } from './pages';

// A field that must be filled says so: its label (or its group's legend) shows
// the word "required", which a screen reader hears too, and the control carries
// `required` (or aria-required). A field without the word is not required, and
// an empty submission complains only about fields that carry it.
const SECRET = 'e2e-editor-secret';

interface Control {
	name: string;
	/** The visible words of its label, or of its group's legend. */
	label: string;
	/** The label shows a visible "required" marker. */
	marked: boolean;
	/** `required` or aria-required="true" on the control. */
	required: boolean;
	invalid: boolean;
}

/** The fields of a form, each with its label and whether it is marked and required. */
function controls(form: Locator): Promise<Control[]> {
	return form.evaluate((el) => {
		const shown = (e: Element) => {
			const r = e.getBoundingClientRect();
			const s = getComputedStyle(e);
			return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0';
		};
		// The element that names a control: its label, or the legend of its radio group.
		const namer = (c: HTMLElement) =>
			c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox')
				? (c.closest('fieldset')?.querySelector('legend') ?? c.closest('label'))
				: (c.ownerDocument.querySelector(`label[for="${c.id}"]`) ?? c.closest('label'));
		const fields = [...el.querySelectorAll<HTMLElement>('input, select, textarea')].filter(
			(c) =>
				!['hidden', 'submit', 'button'].includes((c as HTMLInputElement).type) &&
				(shown(c) || shown(c.closest('label') ?? c))
		);
		return fields.map((c) => {
			const label = namer(c);
			// The marker: a visible element of the label whose own words are "required".
			const marker = label
				? [label, ...label.querySelectorAll('*')].find(
						(m) => /^\(?required\)?$/i.test((m.textContent ?? '').trim()) && shown(m)
					)
				: undefined;
			return {
				name: (c as HTMLInputElement).name,
				label: (label?.textContent ?? '').replace(/\s+/g, ' ').trim(),
				marked: !!marker,
				required: (c as HTMLInputElement).required || c.getAttribute('aria-required') === 'true',
				invalid: c.getAttribute('aria-invalid') === 'true'
			};
		});
	});
}

/** Marked fields are required and required fields are marked; the names of the required ones. */
async function expectMarkedAsRequired(form: Locator): Promise<string[]> {
	const found = await controls(form);
	expect(found.length).toBeGreaterThan(0);
	for (const c of found) expect(c.marked, `"${c.label}" (${c.name})`).toBe(c.required);
	return [...new Set(found.filter((c) => c.required).map((c) => c.name))];
}

test.describe('required fields are marked in words', () => {
	test('on the contribute form', async ({ page }) => {
		await page.goto('/contribute/e2e-school-day/sleep?relation=rebuts');
		const form = page.locator('form[data-hydrated="true"]');
		await expect(form).toHaveCount(1);
		expect(await expectMarkedAsRequired(form)).toEqual(['relation', 'claim']);
		// Sent empty, only the required claim is complained about.
		await page.getByRole('button', { name: 'Propose' }).click();
		await expect(page.getByTestId('error-summary')).toBeVisible();
		const invalid = (await controls(form)).filter((c) => c.invalid);
		expect(invalid.map((c) => c.name)).toEqual(['claim']);
	});

	test('on the sign-in form', async ({ page }) => {
		await page.goto('/review');
		const form = page.locator('form', { has: page.getByLabel(/^Editor secret/) });
		expect(await expectMarkedAsRequired(form)).toEqual(['secret']);
	});

	test('on the forms of /new, and an empty one complains about required fields only', async ({
		page,
		baseURL
	}) => {
		await signIn(page.request, baseURL!, SECRET);
		await page.goto('/new');
		const source = page.locator('form[action="?/source"]');
		const map = page.locator('form[action="?/map"]');
		const imports = page.getByTestId('import-form');
		expect(await expectMarkedAsRequired(source)).toEqual([
			'id',
			'title',
			'kind',
			'date',
			'language',
			'description',
			'text'
		]);
		expect(await expectMarkedAsRequired(map)).toEqual([
			'id',
			'title',
			'question',
			'summary',
			'source',
			'claim'
		]);
		expect(await expectMarkedAsRequired(imports)).toEqual(['upload', 'format', 'id']);

		await source.getByRole('button', { name: 'Add the source' }).click();
		await expect(source.locator('[aria-invalid="true"]').first()).toBeVisible();
		for (const c of (await controls(source)).filter((c) => c.invalid))
			expect(c.required, `"${c.label}" is complained about when empty`).toBe(true);
	});
});
