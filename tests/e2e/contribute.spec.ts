import { expectAccessible } from './axe';
import { selectWithMouse } from './helpers';
import { expect, test, type Page } from '@playwright/test';

// A source and a map of our own, added in beforeAll, so that proposals never
// change the maps and passages other tests count.
const RUN = Date.now().toString(36);
const MAP = `contrib-e2e-${RUN}`;
const SOURCE = `contrib-e2e-${RUN}`;
const SOURCE_TITLE = `A reform debate (${RUN})`;
const SOURCE_TEXT = [
	'Ministers say the reform will pay for itself.',
	'Economists reply that the reform will pay for itself only if growth returns.',
	'A reader notes that nobody has costed it.',
	''
].join('\n');
const ROOT = 'thesis';
const SECRET = 'e2e-editor-secret';
/** What use:enhance sends: the action answers with JSON instead of a page. */
const actionHeaders = { accept: 'application/json', 'x-sveltekit-action': 'true' };

/** Open the proposal form and wait until it is hydrated, so typing is not reset. */
async function openForm(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('form[data-hydrated="true"]')).toHaveCount(1);
}

/** The tag on proposed nodes in the drawn tree. */
const proposedTag = (page: Page) => page.locator('svg').getByText(/PROPOSED/);

/** How many slides the map's presentation has: go to the end (the overview), back one, and read "n / n". */
async function slideCount(page: Page): Promise<number> {
	await page.goto(`/present/${MAP}?step=1`);
	await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
	await page.keyboard.press('End');
	const count = page.getByTestId('step-count');
	await expect(count).toHaveText('Overview');
	await page.keyboard.press('ArrowLeft');
	await expect(count).toHaveText(/^(\d+) \/ \1$/);
	return Number((await count.textContent())!.split('/')[1]);
}

async function signIn(page: Page) {
	await page.goto('/review');
	await page.getByLabel('Editor secret').fill(SECRET);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText('Signed in as an editor.').first()).toBeVisible();
}

test.beforeAll(async ({ request, baseURL }) => {
	const headers = { ...actionHeaders, origin: new URL(baseURL!).origin };
	const signin = await request.post('/review?/signin', { form: { secret: SECRET }, headers });
	expect(await signin.text()).toMatch(/Signed in/);
	const source = await request.post('/new?/source', {
		headers,
		form: {
			id: SOURCE,
			title: SOURCE_TITLE,
			kind: 'invented dialogue',
			date: '2026',
			language: 'en',
			description: 'A text the contribution tests cite.',
			text: SOURCE_TEXT
		}
	});
	expect(await source.text()).toMatch(/Added the source/);
	const created = await request.post('/new?/map', {
		headers,
		form: {
			id: MAP,
			title: 'Contributions under test',
			question: 'Is the result great?',
			summary: 'A map the contribution tests write to.',
			source: SOURCE,
			claim: 'Ministers say the reform will pay for itself.',
			quote: 'Ministers say the reform will pay for itself.'
		}
	});
	expect(await created.text()).toMatch(/redirect/);
});

test.describe('contributing an argument', () => {
	test('propose a rebuttal citing a selected passage, see it proposed, accept it', async ({
		page
	}) => {
		await page.goto(`/maps/${MAP}/${ROOT}`);
		await page.getByRole('link', { name: 'Add a rebuttal' }).click();
		await expect(page).toHaveURL(new RegExp(`/contribute/${MAP}/${ROOT}\\?relation=rebuts`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Propose a rebuttal');
		await expect(page.locator('form[data-hydrated="true"]')).toHaveCount(1);

		// What is typed first survives the trip to the source reader.
		const claim = `Economists make the reform's payoff depend on growth (${Date.now()})`;
		await page.getByLabel(/^Claim/).fill(claim);
		await page.getByLabel(/^Note/).fill('Growth is *not* assured.');

		// Cite by selecting the passage in the source reader.
		await page.getByRole('link', { name: SOURCE_TITLE }).click();
		await expect(page).toHaveURL(new RegExp(`/sources/${SOURCE}\\?cite=`));
		// The passage occurs twice: take the second, which needs context to pin down.
		await selectWithMouse(page, 'the reform will pay for itself', 1);
		await expect(
			page.getByText(/Selected: “the reform will pay for itself”.*occurs more than once/)
		).toBeVisible();
		await page.getByTestId('cite').click();

		await expect(page).toHaveURL(new RegExp(`/contribute/${MAP}/${ROOT}\\?`));
		await expect(page.getByLabel('Quote')).toHaveValue('the reform will pay for itself');
		await expect(page.getByLabel('Source', { exact: true })).toHaveValue(SOURCE);
		await expect(page.getByTestId('context')).toContainText('after “');
		await expect(page.getByLabel('rebuts the claim')).toBeChecked();
		await expect(page.getByLabel(/^Claim/)).toHaveValue(claim);
		await expect(page.getByLabel(/^Note/)).toHaveValue('Growth is *not* assured.');

		await page.getByLabel(/^Your name/).fill('Test Reader');
		await page.getByRole('button', { name: 'Propose' }).click();

		await expect(page).toHaveURL(new RegExp(`/maps/${MAP}/economists-make-the-reform-s-payoff`));
		const detail = page.getByTestId('node-detail');
		// The reader is told it awaits review, and under which claim it shows.
		const notice = detail.getByTestId('proposed-notice');
		await expect(notice).toContainText('your proposal awaits review');
		await expect(notice.getByRole('link')).toHaveText(
			'Ministers say the reform will pay for itself.'
		);
		await expect(detail.getByRole('heading', { level: 2 })).toHaveText(claim);
		await expect(detail.locator('.badge').getByText('Proposed', { exact: true })).toBeVisible();
		await expect(detail.getByText(/Proposed by Test Reader/)).toBeVisible();
		await expect(detail.getByTestId('quote').locator('mark')).toHaveText(
			'the reform will pay for itself'
		);
		await expect(detail.getByTestId('quote')).toContainText('Economists reply that');
		await expect(detail.locator('.note em')).toHaveText('not');
		await expect(proposedTag(page).first()).toBeVisible();
		const nodeUrl = page.url();

		// Readers can hide proposals.
		await page.goto(`/maps/${MAP}/${ROOT}`);
		await expect(proposedTag(page).first()).toBeVisible();
		await page.getByLabel('Hide proposed').check();
		await expect(proposedTag(page)).toHaveCount(0);
		await page.getByLabel('Hide proposed').uncheck();
		await expect(proposedTag(page).first()).toBeVisible();

		// Until it is reviewed, it stays off the projector and the handout.
		const slidesBefore = await slideCount(page);
		await page.goto(`/print/${MAP}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByText(claim)).toHaveCount(0);

		// An editor accepts it.
		await signIn(page);
		const proposal = page.getByTestId('proposal').filter({ hasText: claim });
		await expect(proposal).toBeVisible();
		await proposal.getByRole('button', { name: 'Accept' }).click();
		await expect(page.getByTestId('review-message')).toContainText('Accepted');
		await expect(page.getByTestId('proposal').filter({ hasText: claim })).toHaveCount(0);

		// Now an ordinary node.
		await page.goto(nodeUrl);
		await expect(detail.getByRole('heading', { level: 2 })).toHaveText(claim);
		await expect(detail.getByText('Proposed', { exact: true })).toHaveCount(0);
		await expect(detail.getByText(/Proposed by Test Reader/)).toBeVisible();

		// Its history, from the commits the app made (git follows the write, so look again until it shows).
		const history = detail.getByTestId('node-history');
		await expect(async () => {
			await page.reload();
			await history.locator('summary').click();
			await expect(history).toContainText('proposed by Test Reader', { timeout: 1000 });
			await expect(history).toContainText('accepted by Editor', { timeout: 1000 });
		}).toPass();
		await history.getByRole('link', { name: 'Everything that changed in this map' }).click();
		await expect(page.getByTestId('changes')).toContainText(`Added “${claim}” as a rebuttal`);

		// Reviewed, it is presented and printed like any node.
		expect(await slideCount(page)).toBe(slidesBefore + 1);
		await page.goto(`/print/${MAP}`);
		await expect(page.getByText(claim)).toBeVisible();
	});

	test('errors show beside their field, and nothing is written', async ({ page }) => {
		await openForm(page, `/contribute/${MAP}/${ROOT}?relation=supports`);
		await page.getByRole('button', { name: 'Propose' }).click();
		await expect(page.locator('#claim-error')).toContainText('Claim is empty.');
		await expect(page.getByLabel(/^Claim/)).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel(/^Claim/)).toHaveAttribute('aria-describedby', /claim-error/);

		// A typed quote is checked against the source, on the server.
		await page.getByLabel(/^Claim/).fill('A claim with a misquote');
		await page.getByLabel('Source', { exact: true }).selectOption(SOURCE);
		await page.getByLabel('Quote').fill('the reform will pay for nothing');
		await page.getByRole('button', { name: 'Propose' }).click();
		await expect(page.locator('#quote-error')).toContainText('Quote not found in source');
		await expect(page).toHaveURL(/\/contribute\//);
		await expect(page.getByLabel(/^Claim/)).toHaveValue('A claim with a misquote');

		await page.goto(`/review`);
		await expect(page.getByText('A claim with a misquote')).toHaveCount(0);
	});

	test('what is typed survives a reload, and a sent proposal leaves no draft behind', async ({
		page
	}) => {
		const path = `/contribute/${MAP}/${ROOT}?relation=supports`;
		await openForm(page, path);
		const claim = `Kept across a reload ${Date.now()}`;
		await page.getByLabel(/^Claim/).fill(claim);
		await page.getByLabel(/^Your name/).fill('A careful student');
		await page.getByLabel('Quote').fill('nobody has costed it');
		await page.getByLabel('Source', { exact: true }).selectOption(SOURCE);
		await page.reload();
		await expect(page.locator('form[data-hydrated="true"]')).toHaveCount(1);
		await expect(page.getByLabel(/^Claim/)).toHaveValue(claim);
		await expect(page.getByLabel(/^Your name/)).toHaveValue('A careful student');
		await expect(page.getByLabel('Quote')).toHaveValue('nobody has costed it');
		await expect(page.getByLabel('Source', { exact: true })).toHaveValue(SOURCE);

		await page.getByRole('button', { name: 'Propose' }).click();
		await expect(page).toHaveURL(/\/maps\/.*kept-across-a-reload.*\?proposed=1$/);
		await openForm(page, path);
		await expect(page.getByLabel(/^Claim/)).toHaveValue('');
	});

	test('without JavaScript a failed proposal comes back with its words and a plain message', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`/contribute/${MAP}/${ROOT}?relation=rebuts`);
		await page.getByLabel(/^Note/).fill('A note without its claim');
		await page.getByRole('button', { name: 'Propose' }).click();
		await expect(page.locator('#claim-error')).toContainText('Claim is empty.');
		await expect(page.getByTestId('error-summary')).toBeVisible();
		await expect(page.getByLabel(/^Note/)).toHaveValue('A note without its claim');
		await context.close();
	});

	test('HTML in a claim is stored as written and shown as text', async ({ page }) => {
		const claim = `<img src=x onerror="window.pwned=1"><script>window.pwned=1</script> ${Date.now()}`;
		await openForm(page, `/contribute/${MAP}/${ROOT}?relation=supports`);
		await page.getByLabel(/^Claim/).fill(claim);
		await page.getByLabel(/^Note/).fill('**bold** <script>window.pwned=1</script>');
		await page.getByRole('button', { name: 'Propose' }).click();
		await expect(page).toHaveURL(new RegExp(`/maps/${MAP}/img-src-x`));
		const detail = page.getByTestId('node-detail');
		await expect(detail.getByRole('heading', { level: 2 })).toHaveText(claim);
		await expect(detail.locator('.note strong')).toHaveText('bold');
		await expect(detail.locator('.note script')).toHaveCount(0);
		expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
	});

	test('bad requests get a clear 4xx and write nothing', async ({ request, baseURL }) => {
		const cases: [string, Record<string, string>, number, RegExp][] = [
			[`/contribute/${MAP}/${ROOT}`, { relation: 'supports', claim: '' }, 400, /claim is empty/i],
			[
				`/contribute/${MAP}/${ROOT}`,
				{ relation: 'supports', claim: 'x'.repeat(301) },
				400,
				/longer than 300/
			],
			[`/contribute/${MAP}/${ROOT}`, { relation: 'up', claim: 'x' }, 400, /supports.*rebuts/],
			[
				`/contribute/${MAP}/${ROOT}`,
				{ relation: 'supports', claim: 'x', source: '../../etc', quote: 'x' },
				400,
				/id/
			],
			[`/contribute/${MAP}/no-such-node`, { relation: 'supports', claim: 'x' }, 404, /no node/i],
			[`/contribute/no-such-map/${ROOT}`, { relation: 'supports', claim: 'x' }, 404, /no map/i],
			[`/contribute/..%2F..%2Fetc/${ROOT}`, { relation: 'supports', claim: 'x' }, 404, /no map/i]
		];
		for (const [path, form, status, message] of cases) {
			const res = await request.post(path, {
				form,
				headers: { ...actionHeaders, origin: new URL(baseURL!).origin }
			});
			const body = await res.text();
			expect.soft(body, `${path} ${JSON.stringify(form)}`).toMatch(message);
			const parsed = JSON.parse(body) as { status?: number; type?: string };
			expect.soft(parsed.status ?? res.status(), path).toBe(status);
		}
		// Malformed: not a form at all.
		const res = await request.post(`/contribute/${MAP}/${ROOT}`, {
			data: '{"claim": "json"}',
			headers: {
				...actionHeaders,
				'content-type': 'application/json',
				origin: new URL(baseURL!).origin
			}
		});
		expect(res.status()).toBeGreaterThanOrEqual(400);
		expect(res.status()).toBeLessThan(500);
	});
});

test.describe('reviewing', () => {
	test('without signing in nothing can be changed', async ({ page, request, baseURL }) => {
		await page.goto('/review');
		await expect(page.getByLabel('Editor secret')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Accept' })).toHaveCount(0);
		const res = await request.post('/review?/accept', {
			form: { map: MAP, node: ROOT },
			headers: { ...actionHeaders, origin: new URL(baseURL!).origin }
		});
		expect(await res.text()).toMatch(/Sign in as an editor first/);
		await page.getByLabel('Editor secret').fill('wrong');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByTestId('review-message')).toHaveText('That is not the editor secret.');
	});

	test('an editor rejects a proposal and finds it in the archive', async ({ page }) => {
		const claim = `Off-topic proposal ${Date.now()}`;
		await openForm(page, `/contribute/${MAP}/${ROOT}?relation=supports`);
		await page.getByLabel(/^Claim/).fill(claim);
		await page.getByRole('button', { name: 'Propose' }).click();
		await expect(page).toHaveURL(/off-topic-proposal/);

		await signIn(page);
		const proposal = page.getByTestId('proposal').filter({ hasText: claim });
		// A reject without a reason is a slip: it asks for one and keeps the proposal.
		await proposal.getByRole('button', { name: 'Reject' }).click();
		await expect(proposal.getByText('Give a reason for rejecting it')).toBeVisible();
		await expect(page.getByTestId('archive')).not.toContainText(claim);
		await proposal.getByLabel(/Reason/).fill('off topic');
		await proposal.getByRole('button', { name: 'Reject' }).click();
		await expect(page.getByTestId('review-message')).toContainText('Rejected');
		await expect(page.getByTestId('archive')).toContainText(claim);
		await expect(page.getByTestId('archive')).toContainText('off topic');
		const res = await page.goto(
			page.url().replace(/\/review.*/, `/maps/${MAP}/off-topic-proposal`)
		);
		expect(res?.status()).toBe(404);
	});
});

test.describe('new material', () => {
	test('an editor adds a source text, and a map is started from it', async ({ page }) => {
		const id = `e2e-source-${Date.now().toString(36)}`;
		await page.goto('/new');
		await expect(page.getByTestId('editors-only')).toBeVisible();
		await signIn(page);
		await page.getByRole('link', { name: 'Add a source or map' }).click();
		await page.locator('#source-id').fill('../../etc/passwd');
		await page.getByRole('button', { name: 'Add the source' }).click();
		await expect(page.getByText(/an id is lowercase letters/i)).toBeVisible();
		// A required field left empty is named in plain words, never in the schema's.
		await expect(page.getByTestId('source-language-error')).toHaveText(/Language is required\./);
		await expect(page.locator('main')).not.toContainText(/Invalid input|received undefined/);
		await expect(page.locator('#source-id')).toHaveValue('../../etc/passwd');

		await page.locator('#source-id').fill(id);
		await page.locator('#source-title').fill('A letter to the editor');
		await page.locator('#source-kind').fill('letter');
		await page.locator('#source-date').fill('2026-11');
		await page.locator('#source-language').fill('en');
		await page.locator('#source-description').fill('A short letter, for the test.');
		await page.locator('#source-text').fill('Dear editor,\nThe map is <b>wrong</b>.\n');
		await page.getByRole('button', { name: 'Add the source' }).click();
		await expect(page.getByText('Added the source "A letter to the editor".')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Read it in the source reader' })).toHaveAttribute(
			'href',
			new RegExp(`/sources/${id}$`)
		);

		await page.locator('#map-id').fill(`${id}-map`);
		await page.locator('#map-title').fill('The letter');
		await page.locator('#map-question').fill('Is the map wrong?');
		await page.locator('#map-summary').fill('One letter.');
		await page.locator('#map-source').selectOption(id);
		await page.locator('#map-claim').fill('The writer says the map is wrong.');
		await page.locator('#map-quote').fill('The map is <b>wrong</b>.');
		await page.getByRole('button', { name: 'Start the map' }).click();
		// Mapping goes on in the studio, with the new text beside the map.
		await expect(page).toHaveURL(new RegExp(`/studio/${id}-map\\?source=${id}$`));
		await expect(page.getByTestId('passage')).toContainText('The map is <b>wrong</b>.');
		await expect(page.getByTestId('source-text')).toHaveText(
			'Dear editor,\nThe map is <b>wrong</b>.\n'
		);
		await page.goto(`/maps/${id}-map`);
		await expect(page.getByTestId('node-detail').getByTestId('quote')).toContainText(
			'The map is <b>wrong</b>.'
		);
	});
});

test.describe('accessibility of the contribution pages', () => {
	test('the proposal form, with its errors showing, has no serious axe violations', async ({
		page
	}) => {
		await openForm(page, '/contribute/e2e-thread/great-result?relation=rebuts');
		await page.getByRole('button', { name: 'Propose' }).click();
		await expect(page.getByText(/claim is empty/i).first()).toBeVisible();
		await expectAccessible(page);
		await page.setViewportSize({ width: 375, height: 812 });
		await expectAccessible(page);
	});

	test('review and new material, signed out and in, have no serious axe violations', async ({
		page
	}) => {
		await page.goto('/review');
		await expectAccessible(page);
		await signIn(page);
		await expectAccessible(page);
		await page.goto('/new');
		await expectAccessible(page);
	});
});

test.describe('a slow phone', () => {
	test('keeps what was typed into the form before its script arrived', async ({ page }) => {
		// Hold back the app's JavaScript until the reader has typed.
		let release!: () => void;
		const scriptsMayLoad = new Promise<void>((r) => (release = r));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await scriptsMayLoad;
			await route.continue();
		});
		await page.goto('/contribute/e2e-thread/great-result?relation=rebuts', {
			waitUntil: 'domcontentloaded'
		});
		await expect(page.locator('form[data-hydrated="true"]')).toHaveCount(0);
		await page.locator('#claim').fill('Typed before the page woke up');
		await page.locator('#note').fill('A note, typed early too');
		await page.locator('#contributor').fill('An early student');
		release();
		await expect(page.locator('form[data-hydrated="true"]')).toHaveCount(1);
		await expect(page.locator('#claim')).toHaveValue('Typed before the page woke up');
		await expect(page.locator('#note')).toHaveValue('A note, typed early too');
		await expect(page.locator('#contributor')).toHaveValue('An early student');
	});
});
