/**
 * Two app processes sharing one PostgreSQL (DATABASE_URL), as behind a load
 * balancer: a vote cast through one process shows on a projector connected to
 * the other, and the teacher's moves through one reach phones on the other.
 * The test starts its own throwaway cluster and both processes; CI installs
 * PostgreSQL (.ci/run).
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { scratchRoot } from '../fixtures/content-helpers';
import { postgresBin, startPostgres, type TempPostgres } from '../postgres';

const expect = baseExpect.configure({ timeout: 20_000 });
// A frozen map of the fixture content root (tests/fixtures/root/), not the curated one.
const MAP = 'boric-election-thread';
// Two ports of this run's own range (E2E_PORT + 6 and + 7).
const base = Number(process.env.E2E_PORT ?? 4173);
const PORTS = [base + 6, base + 7];

test.describe('Live session on two processes sharing PostgreSQL', () => {
	test.skip(
		!postgresBin() && process.env.CI !== 'true',
		'PostgreSQL is not installed (CI installs it)'
	);
	test.describe.configure({ timeout: 180_000 });

	let pg: TempPostgres | undefined;
	let root: string | undefined;
	const apps: ChildProcess[] = [];

	test.beforeAll(async () => {
		test.setTimeout(180_000);
		pg = await startPostgres();
		root = scratchRoot('atlas-e2e-pg').root;
		for (const port of PORTS) {
			// Started as the README says (`npm start`), plus DATABASE_URL.
			const child = spawn(process.execPath, ['scripts/server.js'], {
				env: {
					...process.env,
					ATLAS_ROOT: root,
					DATABASE_URL: pg.url,
					PORT: String(port),
					HOST: '127.0.0.1'
				},
				stdio: ['ignore', 'ignore', 'inherit']
			});
			apps.push(child);
		}
		for (const port of PORTS)
			await expect
				.poll(
					() =>
						fetch(`http://127.0.0.1:${port}/live`).then(
							(r) => r.status,
							() => 0
						),
					{
						timeout: 60_000
					}
				)
				.toBe(200);
	});

	test.afterAll(async () => {
		// The apps first, so they do not report the database going away.
		await Promise.all(
			apps.map(
				(child) =>
					new Promise((resolve) => {
						if (child.exitCode !== null) return resolve(null);
						child.once('exit', resolve);
						child.kill();
					})
			)
		);
		pg?.stop();
		if (root) rmSync(root, { recursive: true, force: true });
	});

	test('a vote through one process shows on a projector connected to the other', async ({
		browser
	}) => {
		const [a, b] = PORTS.map((p) => `http://127.0.0.1:${p}`) as [string, string];
		// The teacher starts on process A…
		const teacherContext = await browser.newContext();
		const teacher = await teacherContext.newPage();
		await teacher.goto(`${a}/present/${MAP}`);
		await expect(teacher.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		await teacher.getByTestId('start-live').click();
		await expect(teacher).toHaveURL(/\/live\/session\/[a-f0-9]{20}$/);
		const id = teacher.url().split('/').pop()!;
		const code = (await teacher.getByTestId('join-code').textContent())!.trim();
		// …and the projector shows the session through process B (cookies are per host, not port).
		const projector = await teacherContext.newPage();
		await projector.goto(`${b}/live/session/${id}`);
		await expect(projector.getByTestId('teacher')).toHaveAttribute('data-connected', 'true');

		// One phone on each process.
		const phones: Page[] = [];
		for (const origin of [a, b]) {
			const page = await (await browser.newContext()).newPage();
			await page.goto(`${origin}/live/${code}`);
			await expect(page.getByTestId('student')).toHaveAttribute('data-joined', 'true');
			phones.push(page);
		}
		await expect(projector.getByTestId('joined')).toHaveText('2 joined');

		// The teacher moves through A: the phone on B follows.
		await teacher.keyboard.press('ArrowRight');
		await expect(phones[1]!.getByTestId('student')).toHaveAttribute('data-step', '1');
		await expect(projector.getByTestId('teacher')).toHaveAttribute('data-step', '1');

		// A vote through A shows on the projector on B.
		await teacher.getByRole('button', { name: 'How strong? (1–5)' }).click();
		await expect(phones[0]!.getByTestId('prompt')).toBeVisible();
		await phones[0]!.locator('button.option[data-value="4"]').click();
		await expect(projector.getByTestId('total')).toHaveText('1 answer of 2');
		await expect(
			projector.getByTestId('results').locator('[data-testid="bar"][data-value="4"]')
		).toHaveAttribute('data-count', '1');
		// And one through B shows on the teacher's screen on A.
		await phones[1]!.locator('button.option[data-value="2"]').click();
		await expect(teacher.getByTestId('total')).toHaveText('2 answers of 2');
	});
});
