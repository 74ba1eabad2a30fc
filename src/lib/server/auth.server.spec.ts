import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cookies } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	EDITOR_COOKIE,
	isEditor,
	secretProblem,
	sessionToken,
	signIn,
	signOut,
	tokenSession
} from './auth.server';
import { editorSessions } from './editor-sessions.server';

describe('editor session tokens', () => {
	const now = Date.parse('2026-11-22T08:00:00Z');
	it('tokenSession reads the session of a token made with the same secret before it expires', () => {
		const { token, id, expires } = sessionToken('s3cret', now);
		expect(tokenSession(token, 's3cret', now + 1000)).toEqual({ id, expires });
	});
	it.each([
		['another secret', (t: string) => t, 'other', now],
		['an expired token', (t: string) => t, 's3cret', now + 13 * 3600_000],
		['a forged expiry', (t: string) => t.replace(/\.\d+\./, '.9999999999.'), 's3cret', now],
		['a forged session id', (t: string) => `${'A'.repeat(22)}${t.slice(22)}`, 's3cret', now],
		['garbage', () => 'x.y', 's3cret', now],
		['no token', () => undefined, 's3cret', now]
	])('tokenSession refuses %s', (_, tamper, secret, at) => {
		expect(tokenSession(tamper(sessionToken('s3cret', now).token), secret, at)).toBeUndefined();
	});
});

describe('secretProblem(secret)', () => {
	it.each(['x', 'password123', 'classroom2024', 'aaaaaaaaaaaaaaaa', 'Tr0ub4dor&3'])(
		'refuses %j, saying how to make a strong one',
		(secret) => {
			expect(secretProblem(secret)).toMatch(
				/^ATLAS_EDITOR_SECRET is too weak to guard editing \(\d+ characters?.*\)\. Use at least 12 characters .*randomBytes.*Or leave ATLAS_EDITOR_SECRET unset/
			);
		}
	);
	it.each(['e2e-editor-secret', 'correct horse battery staple', 'kG7#pQ2vLm9xT4'])(
		'accepts %j',
		(secret) => {
			expect(secretProblem(secret)).toBeUndefined();
		}
	);
});

/** Cookies as SvelteKit keeps them for one browser. */
function browser(): Cookies & { jar: Map<string, string> } {
	const jar = new Map<string, string>();
	return {
		jar,
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name),
		serialize: () => ''
	};
}

describe('signing in and out', () => {
	let root: string;
	const saved = { ...process.env };
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'atlas-auth-'));
		process.env.ATLAS_ROOT = root;
		process.env.ATLAS_EDITOR_SECRET = 'correct horse battery staple';
	});
	afterEach(() => {
		process.env = { ...saved };
		rmSync(root, { recursive: true, force: true });
	});

	it('a wrong secret signs nobody in', async () => {
		const cookies = browser();
		expect(await signIn(cookies, 'wrong', false)).toBe(false);
		expect(cookies.jar.size).toBe(0);
	});

	it('signing out revokes the session: a cookie kept from before no longer works', async () => {
		const cookies = browser();
		expect(await signIn(cookies, 'correct horse battery staple', false)).toBe(true);
		expect(isEditor(cookies)).toBe(true);
		const kept = browser();
		kept.jar.set(EDITOR_COOKIE, cookies.get(EDITOR_COOKIE)!);
		expect(isEditor(kept)).toBe(true);
		await signOut(cookies);
		expect(isEditor(cookies)).toBe(false);
		expect(isEditor(kept)).toBe(false);
	});

	it('signing out one editor leaves another signed in', async () => {
		const one = browser();
		const other = browser();
		await signIn(one, 'correct horse battery staple', false);
		await signIn(other, 'correct horse battery staple', false);
		await signOut(one);
		expect(isEditor(other)).toBe(true);
	});

	it('a session outlives a restart, and a signed-in list lost on disk signs everyone out', async () => {
		const cookies = browser();
		await signIn(cookies, 'correct horse battery staple', false);
		const file = join(root, 'data', 'editor-sessions.json');
		// Another process (a restarted server) reads the same file.
		const { id, expires } = tokenSession(
			cookies.get(EDITOR_COOKIE),
			'correct horse battery staple'
		)!;
		expect(editorSessions(file).has(id, expires)).toBe(true);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ [id]: expires });
		writeFileSync(file, 'not json');
		expect(isEditor(cookies)).toBe(false);
	});
});
