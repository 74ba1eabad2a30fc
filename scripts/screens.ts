/**
 * `npm run screens`: screenshots of every page (tests/e2e/pages.ts) at
 * 1440×900 and 375×812 into docs/screens/, so a reader of the repository can
 * see what the app looks like. It starts the built app as the end-to-end tests
 * do (tests/e2e/serve.js: `npm start` on a scratch copy of the content), signs
 * in, proposes one support and starts a live session there, so review and the
 * live pages have something to show. Build first (`npm run build`).
 *   SCREENS_PORT=4510 npm run screens
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { parse } from 'yaml';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';
import { propose, signIn, startLive, visits, type Subjects } from '../tests/e2e/pages';

const port = Number(process.env.SCREENS_PORT ?? 4510);
const base = `http://127.0.0.1:${port}`;
const out = 'docs/screens';
const SECRET = 'e2e-editor-secret';
const SIZES = [
	{ name: 'desktop', width: 1440, height: 900 },
	{ name: 'phone', width: 375, height: 812 }
] as const;
// A curated map, so the pictures show the content a class reads.
const subjects: Subjects = {
	map: 'boric-election-thread',
	node: 'huge-mandate',
	source: 'boric-thread',
	at: '',
	word: 'constitution'
};

// The passage of the node's quote, for the source reader's `?at=`.
const sources = parse(readFileSync('seeds/sources.yaml', 'utf8')) as { id: string; file: string }[];
const sourceText = readFileSync(
	join('seeds', sources.find((s) => s.id === subjects.source)!.file),
	'utf8'
);
const QUOTE = 'But he has a huge mandate.';
const start = sourceText.indexOf(QUOTE);
subjects.at = `${start}-${start + QUOTE.length}`;

const server = spawn(process.execPath, ['tests/e2e/serve.js'], {
	env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ATLAS_EDITOR_SECRET: SECRET },
	stdio: ['ignore', 'pipe', 'inherit']
});
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

async function up() {
	for (let i = 0; i < 120; i++) {
		try {
			if ((await fetch(base)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`the app did not answer on ${base}: is it built (npm run build)?`);
}

try {
	await up();
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const setup = await browser.newContext({ baseURL: base });
	await signIn(setup.request, base, SECRET);
	subjects.proposed = await propose(
		setup.request,
		base,
		subjects.map,
		subjects.node,
		'A second vote could confirm or undo the mandate'
	);
	subjects.live = await startLive(setup, base, subjects.map);
	const editorState = await setup.storageState();
	await setup.close();

	for (const size of SIZES) {
		const phone = size.name === 'phone';
		const options = {
			baseURL: base,
			viewport: { width: size.width, height: size.height },
			deviceScaleFactor: 1,
			hasTouch: phone,
			isMobile: phone
		};
		const reader = await browser.newContext(options);
		const editor = await browser.newContext({ ...options, storageState: editorState });
		for (const visit of visits(subjects)) {
			const page = await (visit.editor ? editor : reader).newPage();
			await page.goto(visit.path);
			await page.waitForFunction(() => document.readyState === 'complete');
			// The tree and QR codes draw after hydration: wait until the page has settled.
			await page.waitForTimeout(600);
			await page.screenshot({ path: join(out, `${visit.name}-${size.name}.png`) });
			await page.close();
		}
		await reader.close();
		await editor.close();
	}
	await browser.close();
	const files = readdirSync(out);
	const bytes = files.reduce((n, f) => n + statSync(join(out, f)).size, 0);
	console.log(`${files.length} screenshots in ${out}/ (${Math.round(bytes / 1024)} kB)`);
} finally {
	stop();
}
