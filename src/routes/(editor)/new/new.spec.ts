import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Cookies } from '@sveltejs/kit';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cookieJar } from '../../../../tests/fixtures/sign-in';
import { studioScratch } from '../../../../tests/fixtures/studio-content';

const paths = studioScratch();
process.env.ATLAS_ROOT = paths.root;
process.env.ATLAS_EDITOR_SECRET = 'correct horse battery staple';

const { actions } = await import('./+page.server');
const { EDITOR_COOKIE, sessionToken, signIn, signOut } = await import('$lib/server/auth.server');

type Action = 'source' | 'map' | 'import';
interface Answer {
	status?: number;
	location?: string;
	data?: { errors?: Record<string, string>; message?: string };
	message?: string;
}

const browser = cookieJar;

async function editor(): Promise<Cookies> {
	const cookies = browser();
	expect(await signIn(cookies, 'correct horse battery staple', false)).toBe(true);
	return cookies;
}

/** POST /new?/<action> with a multipart form, as the page's forms send it; a redirect is the answer too. */
async function post(action: Action, fields: Record<string, string | File>, cookies = browser()) {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.set(key, value);
	const request = new Request(`http://localhost/new?/${action}`, { method: 'POST', body });
	try {
		return (await actions[action]({
			request,
			cookies,
			url: new URL(request.url),
			params: {},
			getClientAddress: () => '192.0.2.1',
			setHeaders: () => {}
		} as never)) as Answer;
	} catch (thrown) {
		if ((thrown as Answer).location) return thrown as Answer;
		throw thrown;
	}
}

/** Every file of the content root but the sign-in sessions, with its size and time: what a write would change. */
function snapshot(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, name.name);
			if (name.isDirectory()) {
				if (relative(paths.root, path) !== 'data') walk(path);
			} else
				out.push(`${relative(paths.root, path)} ${statSync(path).size} ${statSync(path).mtimeMs}`);
		}
	};
	walk(paths.root);
	return out.sort();
}

const sourceFields = {
	id: 'council-notes',
	title: 'Council notes',
	kind: 'minutes',
	date: '2026-03',
	language: 'en',
	description: 'Notes of a council meeting.'
};
const forms: [Action, Record<string, string | File>][] = [
	['source', { ...sourceFields, text: 'The council met.\n' }],
	[
		'map',
		{
			id: 'council-map',
			title: 'The council',
			question: 'Should the council meet?',
			summary: 'A map.',
			source: 'e2e-school-day',
			claim: 'The school day should start later.'
		}
	],
	[
		'import',
		{
			format: 'kialo',
			id: 'council-import',
			upload: new File(['1. A thesis\n1.1. Pro: A reason\n'], 'debate.txt', { type: 'text/plain' })
		}
	]
];

describe('/new refuses every action without the editor sign-in, on the server', () => {
	it.each(forms)('?/%s without a cookie: 403, and nothing written', async (action, fields) => {
		const before = snapshot();
		const answer = await post(action, fields);
		expect(answer.status).toBe(403);
		expect(answer.data?.errors).toEqual({ form: 'Sign in as an editor first.' });
		expect(snapshot()).toEqual(before);
	});

	it.each(forms)('?/%s with a forged cookie: 403, and nothing written', async (action, fields) => {
		const forged = browser();
		forged.set(EDITOR_COOKIE, sessionToken('not the editor secret at all').token, { path: '/' });
		const before = snapshot();
		expect((await post(action, fields, forged)).status).toBe(403);
		expect(snapshot()).toEqual(before);
	});

	it.each(forms)('?/%s with the cookie of a session signed out: 403', async (action, fields) => {
		const cookies = await editor();
		const kept = browser();
		kept.set(EDITOR_COOKIE, cookies.get(EDITOR_COOKIE)!, { path: '/' });
		await signOut(cookies);
		const before = snapshot();
		expect((await post(action, fields, kept)).status).toBe(403);
		expect(snapshot()).toEqual(before);
	});
});

describe('/new ?/source with an uploaded file, signed in', () => {
	const sourceEntry = (id: string) =>
		(parse(readFileSync(paths.sourcesFile, 'utf8')) as { id: string; file: string }[]).find(
			(s) => s.id === id
		);

	it('stores the text html-to-text extracts from an .html page, exactly as extracted', async () => {
		const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Minutes</title>
<style>p { color: red }</style><script>document.title = 'x'</script></head>
<body><nav><a href="/">Home</a> | <a href="/archive">Archive</a></nav>
<h1>Council minutes, 3 March</h1>
<p>The chair   opened the meeting
at six.<br>Present: José Pérez, Ana&nbsp;Lima and 😀 the pupils’ council.</p>
<blockquote><p>“The school day should start an hour later.”</p></blockquote>
<table><tr><th>Motion</th><th>For</th></tr><tr><td>Later start</td><td>7</td></tr></table>
<p>See <a href="https://example.org/report">the report</a> &amp; <img src="chart.png" alt="a chart"> its chart.</p>
</body></html>`;
		const answer = await post(
			'source',
			{
				...sourceFields,
				id: 'council-html',
				upload: new File([html], 'minutes.html', { type: 'text/html' })
			},
			await editor()
		);
		expect(answer).toEqual({
			which: 'source',
			message: 'Added the source "Council notes".',
			sourceId: 'council-html'
		});
		const entry = sourceEntry('council-html')!;
		expect(entry).toMatchObject({ title: 'Council notes', kind: 'minutes', date: '2026-03' });
		expect(readFileSync(join(paths.seedsDir, entry.file), 'utf8')).toBe(
			[
				'Council minutes, 3 March',
				'',
				'The chair opened the meeting at six.',
				'Present: José Pérez, Ana\u00a0Lima and 😀 the pupils’ council.',
				'',
				'“The school day should start an hour later.”',
				'',
				'Motion        For',
				'Later start   7',
				'',
				'See the report & its chart.',
				''
			].join('\n')
		);
	});

	it('stores a .txt upload byte for byte, line ends and spaces kept', async () => {
		const text = 'First  line.\r\n\r\n\tIndented — “quoted” 𝒳.\r\n';
		const answer = await post(
			'source',
			{ ...sourceFields, id: 'council-txt', upload: new File([text], 'notes.txt') },
			await editor()
		);
		expect(answer.message).toBe('Added the source "Council notes".');
		const entry = sourceEntry('council-txt')!;
		expect(readFileSync(join(paths.seedsDir, entry.file)).equals(Buffer.from(text))).toBe(true);
	});

	it('refuses a file of another type beside the upload field, writing nothing', async () => {
		const before = snapshot();
		const answer = await post(
			'source',
			{ ...sourceFields, id: 'council-pdf', upload: new File(['%PDF-1.4'], 'minutes.pdf') },
			await editor()
		);
		expect(answer.status).toBe(400);
		expect(answer.data?.errors?.upload).toMatch(/a \.txt, \.md or \.html file, not "minutes\.pdf"/);
		expect(snapshot()).toEqual(before);
	});
});

describe('/new ?/import, signed in', () => {
	it('writes the imported map and opens it in the studio', async () => {
		const answer = await post('import', forms[2]![1], await editor());
		expect(answer).toMatchObject({ status: 303, location: '/studio/council-import' });
		expect(readFileSync(join(paths.mapsDir, 'council-import.yaml'), 'utf8')).toMatch(
			/^id: council-import\n[\s\S]*claim: A reason\n\s+editorial: "Needs a passage: /
		);
	});
});
