/**
 * A live classroom session, end to end: a teacher's browser and six phones
 * (separate browser contexts, so six devices) through a whole lesson.
 */
import { devices, expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectAccessible } from './axe';
import { decodeQr } from './helpers';

const MAP = 'e2e-thread';
const PHONES = 6;
const expect = baseExpect.configure({ timeout: 20_000 });
// Seven browsers on a shared 2-core machine: slow, not broken.
test.describe.configure({ timeout: 600_000 });

const student = (p: Page) => p.getByTestId('student');
const total = (teacher: Page) => teacher.getByTestId('total');
const bar = (teacher: Page, value: string) =>
	teacher.getByTestId('results').locator(`[data-testid="bar"][data-value="${value}"]`);

async function startSession(browser: Browser) {
	const context = await browser.newContext();
	const teacher = await context.newPage();
	await teacher.goto(`/present/${MAP}`);
	await expect(teacher.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
	await teacher.getByTestId('start-live').click();
	await expect(teacher).toHaveURL(/\/live\/session\/[a-f0-9]{20}$/);
	await expect(teacher.getByTestId('teacher')).toHaveAttribute('data-connected', 'true');
	return { context, teacher, id: teacher.url().split('/').pop()! };
}

async function joinPhone(browser: Browser, url: string) {
	const context = await browser.newContext({ ...devices['Pixel 7'] });
	const page = await context.newPage();
	await page.goto(url);
	await expect(student(page)).toHaveAttribute('data-joined', 'true');
	await expect(page.getByTestId('connection')).toHaveText('Live');
	return { context, page };
}

/** Every phone shows the claim the teacher's screen shows. */
async function allFollow(teacher: Page, phones: Page[]) {
	const claim = (await teacher.getByTestId('claim').textContent())!.trim();
	for (const p of phones) await expect(p.getByTestId('claim')).toHaveText(claim);
}

async function answerAll(phones: Page[], kind: string, value: (i: number) => string) {
	for (const [i, p] of phones.entries()) {
		await expect(p.getByTestId('prompt')).toHaveAttribute('data-kind', kind);
		await p.locator(`button.option[data-value="${value(i)}"]`).click();
		await expect(p.locator(`button.option[data-value="${value(i)}"]`)).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	}
}

test.describe('Live session', () => {
	test('a teacher and six phones: join by QR, follow, answer, reconnect, reveal, end, report, CSV', async ({
		browser
	}) => {
		const { teacher, id } = await startSession(browser);
		const code = (await teacher.getByTestId('join-code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z2-9]{6}$/);

		// Join by the QR code on the projector.
		const url = await decodeQr(teacher, teacher.getByTestId('join-qr'));
		expect(url).toMatch(new RegExp(`^http://[^/]+/live/${code}$`));
		const phones: Page[] = [];
		for (let i = 0; i < PHONES; i++) phones.push((await joinPhone(browser, url!)).page);
		await expect(teacher.getByTestId('joined')).toHaveText(`${PHONES} joined`);

		// Q puts the code and QR code over the whole screen for the back row; Esc goes back.
		await teacher.keyboard.press('q');
		const overlay = teacher.getByTestId('join-overlay');
		await expect(overlay).toContainText(code);
		const side = await overlay.getByTestId('join-overlay-qr').boundingBox();
		expect(side!.height).toBeGreaterThan(teacher.viewportSize()!.height * 0.65);
		expect(await decodeQr(teacher, overlay.getByTestId('join-overlay-qr'))).toBe(url);
		await teacher.keyboard.press('Escape');
		await expect(overlay).toBeHidden();

		// A nickname is for the teacher only.
		await phones[0]!.getByText('Nickname (optional)').click();
		await phones[0]!.getByLabel(/Shown only to your teacher/).fill('Ana');
		await phones[0]!.getByRole('button', { name: 'Save' }).click();
		await expect(phones[0]!.getByTestId('me')).toHaveText('Ana');

		// Stance before, on the title slide.
		await teacher.getByRole('button', { name: 'Stance: before' }).click();
		await answerAll(phones, 'stance', (i) => String((i % 3) + 1));
		await expect(total(teacher)).toHaveText(`${PHONES} answers of ${PHONES}`);
		await expect(bar(teacher, '1')).toHaveAttribute('data-count', '2');
		await expectAccessible(teacher);
		await expectAccessible(phones[1]!);
		// The same answer again changes nothing.
		await phones[0]!.locator('button.option[data-value="1"]').click();
		await expect(phones[0]!.getByTestId('message')).toHaveText('Already counted.');
		await expect(total(teacher)).toHaveText(`${PHONES} answers of ${PHONES}`);

		// Follow: the teacher moves, every phone follows.
		await teacher.keyboard.press('ArrowRight');
		await expect(teacher.getByTestId('teacher')).toHaveAttribute('data-step', '1');
		await allFollow(teacher, phones);

		// The relation quiz: a session starts in quiz mode, so the next relation stays
		// hidden; the class answers; reveal.
		await expect(teacher.getByRole('button', { name: 'Quiz' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await teacher.getByRole('button', { name: /^Next/ }).click();
		await expect(teacher.getByTestId('teacher')).toHaveAttribute('data-step', '2');
		await allFollow(teacher, phones);
		for (const p of phones)
			await expect(p.getByTestId('relation')).toHaveText(/Supports or rebuts\?/);
		await teacher.getByRole('button', { name: 'Supports or rebuts?' }).click();
		await answerAll(phones, 'relation', (i) => (i < 4 ? 'supports' : 'rebuts'));
		await expect(total(teacher)).toHaveText(`${PHONES} answers of ${PHONES}`);
		// The projector shows counts, never the answer, until the reveal.
		await expect(teacher.getByTestId('results')).not.toContainText('correct');
		await teacher.keyboard.press('r');
		const correct = await teacher
			.getByTestId('relation')
			.textContent()
			.then((t) => (/Rebuts/.test(t!) ? 'rebuts' : 'supports'));
		await expect(bar(teacher, correct)).toContainText('✓ correct');
		for (const [i, p] of phones.entries()) {
			await expect(p.getByTestId('revealed')).toContainText(
				`Answer: ${correct === 'supports' ? 'Supports' : 'Rebuts'}`
			);
			const mine = i < 4 ? 'supports' : 'rebuts';
			await expect(p.getByTestId('revealed')).toContainText(
				mine === correct ? '✓ right' : '✗ not this time'
			);
		}
		// A closed question takes no answers: the phone's buttons are off, the server refuses.
		const refused = await phones[5]!.evaluate(async (sessionId) => {
			const r = await fetch(`/live/session/${sessionId}/answer`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					device: localStorage.getItem('atlas-live-device'),
					prompt: 2,
					value: 'supports'
				})
			});
			return { status: r.status, body: await r.json() };
		}, id);
		expect(refused).toEqual({ status: 409, body: { error: 'this question is closed' } });
		await expect(bar(teacher, 'supports')).toHaveAttribute('data-count', '4');

		// How strong? A changed answer replaces the first.
		await teacher.getByRole('button', { name: 'How strong? (1–5)' }).click();
		await answerAll(phones, 'strength', (i) => String(i < 3 ? 4 : 2));
		await phones[1]!.locator('button.option[data-value="5"]').click();
		await expect(phones[1]!.getByTestId('message')).toHaveText(
			'Changed: your new answer replaces the old one.'
		);
		await expect(bar(teacher, '5')).toHaveAttribute('data-count', '1');
		await expect(bar(teacher, '4')).toHaveAttribute('data-count', '2');
		await expect(total(teacher)).toHaveText(`${PHONES} answers of ${PHONES}`);

		// A phone drops off; the class moves on; back online it lands on the new slide, no reload.
		const dropped = phones[2]!;
		await dropped.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
		await dropped.context().setOffline(true);
		await expect(dropped.getByTestId('connection')).toHaveText('Reconnecting…');
		await teacher.getByRole('button', { name: 'Quiz' }).click();
		await teacher.keyboard.press('ArrowRight');
		await expect(teacher.getByTestId('teacher')).toHaveAttribute('data-step', '3');
		await allFollow(teacher, [phones[0]!]);
		await dropped.context().setOffline(false);
		await allFollow(teacher, [dropped]);
		await expect(dropped.getByTestId('connection')).toHaveText('Live');
		expect(await dropped.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
			true
		);

		// Explore freely, then everyone is called back.
		await teacher.getByTestId('free').click();
		await expect(phones[3]!.getByTestId('explore')).toBeVisible();
		await phones[3]!.getByRole('button', { name: '← Previous' }).click();
		await phones[3]!.getByRole('button', { name: '← Previous' }).click();
		await expect(phones[3]!.getByTestId('claim')).not.toHaveText(
			(await teacher.getByTestId('claim').textContent())!.trim()
		);
		await teacher.getByRole('button', { name: 'Call everyone back' }).click();
		await expect(phones[3]!.getByTestId('explore')).toBeHidden();
		await allFollow(teacher, phones);

		// Propose a rebuttal, citing a passage picked from the source.
		await teacher.getByRole('button', { name: 'Propose a rebuttal' }).click();
		const proposer = phones[4]!;
		await expect(proposer.getByTestId('propose-form')).toBeVisible();
		await expectAccessible(proposer);
		await proposer
			.getByLabel('Your rebuttal, in a sentence')
			.fill('A live-session rebuttal: one election result does not settle the question.');
		await proposer.getByTestId('passages').locator('label.passage').first().click();
		await proposer.getByRole('button', { name: 'Send to the editors' }).click();
		await expect(proposer.getByTestId('proposed')).toBeVisible();
		await expect(total(teacher)).toHaveText(`1 proposal of ${PHONES}`);

		// Stance after: the projector shows how the class moved.
		await teacher.getByRole('button', { name: 'Stance: after' }).click();
		await answerAll(phones, 'stance', (i) => String((i % 3) + 2));
		await expect(total(teacher)).toHaveText(`${PHONES} answers of ${PHONES}`);
		await expect(teacher.getByTestId('shift')).toContainText(
			`Moved towards yes: ${PHONES} · towards no: 0 · unchanged: 0`
		);

		// Only the teacher runs the session.
		const forbidden = await phones[0]!.evaluate(async (sessionId) => {
			const r = await fetch(`/live/session/${sessionId}/control`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ action: 'go', step: 0 })
			});
			return r.status;
		}, id);
		expect(forbidden).toBe(403);
		// The projector never shows a nickname.
		await expect(teacher.locator('body')).not.toContainText('Ana');

		// End: every phone says so.
		teacher.once('dialog', (d) => d.accept());
		await teacher.getByRole('button', { name: 'End session' }).click();
		for (const p of phones) await expect(p.getByTestId('ended')).toBeVisible();
		// The ended code now gets a clear page, as does a wrong one.
		await phones[0]!.goto(`/live/${code}`);
		await expect(phones[0]!.getByTestId('live-error-title')).toHaveText('This session has ended');
		await phones[0]!.goto('/live/ZZZZZZ');
		await expect(phones[0]!.getByTestId('live-error')).toHaveText(
			'No live session has the code ZZZZZZ. Check the code on the projector and try again.'
		);

		// The proposal waits in the editors' queue, tagged with the session.
		await phones[0]!.goto('/review');
		await expect(phones[0]!.getByTestId('proposal-session').first()).toContainText(id);

		// After class: the report and the CSV.
		await teacher.goto(`/live/session/${id}/report`);
		await expect(teacher.getByTestId('participants').locator('tbody tr')).toHaveCount(PHONES);
		await expectAccessible(teacher);
		await expect(teacher.getByTestId('participants')).toContainText('Ana (#1)');
		await expect(teacher.getByTestId('participants')).toContainText('Student 2');
		await expect(teacher.getByTestId('report-question')).toHaveCount(5);
		await expect(teacher.getByTestId('report-shift')).toContainText(`${PHONES} moved towards yes`);
		await expect(teacher.getByTestId('report-question').nth(1)).toContainText(
			`${correct === 'supports' ? 4 : 2} right`
		);
		const [download] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByTestId('csv').click()
		]);
		const csv = await readFile((await download.path())!, 'utf8');
		const rows = csv.trim().split('\r\n');
		expect(rows[0]).toBe('student,nickname,question,kind,claim,answer,answer_label,answered_at');
		// 6 stance before + 6 relation + 6 strength + 1 proposal + 6 stance after.
		expect(rows).toHaveLength(1 + 4 * PHONES + 1);
		expect(rows.filter((r) => r.startsWith('1,Ana,'))).toHaveLength(4);

		// Delete: the session and its answers are gone.
		await teacher.getByLabel(/Delete this session/).check();
		await teacher.getByRole('button', { name: 'Delete the session' }).click();
		await expect(teacher).toHaveURL(/\/live\?deleted=1$/);
		const gone = await teacher.request.get(`/live/session/${id}/report`);
		expect(gone.status()).toBe(404);
	});

	test('bad requests are refused with a reason and change nothing', async ({ browser }) => {
		const { teacher, id } = await startSession(browser);
		const code = (await teacher.getByTestId('join-code').textContent())!.trim();
		const { page } = await joinPhone(browser, `/live/${code}`);
		await teacher.getByRole('button', { name: 'Stance: before' }).click();
		await expect(page.getByTestId('prompt')).toBeVisible();
		const post = (path: string, body: string, type = 'application/json') =>
			page.evaluate(
				async ([url, body, type]) => {
					const r = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
					return { status: r.status, error: (await r.json()).error as string };
				},
				[`/live/session/${id}/${path}`, body, type] as const
			);
		const device = await page.evaluate(() => localStorage.getItem('atlas-live-device'));
		expect(await post('answer', '{"device":')).toEqual({
			status: 400,
			error: 'the request is not valid JSON'
		});
		expect(await post('answer', 'x'.repeat(5000))).toMatchObject({ status: 413 });
		expect(await post('answer', '{}', 'text/plain')).toMatchObject({ status: 415 });
		expect(
			await post('answer', JSON.stringify({ device, prompt: 1, value: '3', extra: 1 }))
		).toEqual({ status: 400, error: 'unknown field extra' });
		expect(await post('answer', JSON.stringify({ device, prompt: 1, value: '7' }))).toMatchObject({
			status: 409,
			error: expect.stringMatching(/does not answer this question/)
		});
		expect(
			await post('answer', JSON.stringify({ device: 'f'.repeat(32), prompt: 1, value: '3' }))
		).toEqual({ status: 403, error: 'join the session first' });
		// One device cannot flood the session.
		const statuses = await page.evaluate(
			async ([url, device]) =>
				Promise.all(
					Array.from({ length: 100 }, (_, i) =>
						fetch(url, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify({ device, prompt: 1, value: String((i % 5) + 1) })
						}).then((r) => r.status)
					)
				),
			[`/live/session/${id}/answer`, device] as const
		);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
		await expect(total(teacher)).toHaveText('1 answer of 1');
	});
});
