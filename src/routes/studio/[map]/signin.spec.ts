import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cookieJar, signInAt } from '../../../../tests/fixtures/sign-in';

process.env.ATLAS_ROOT = mkdtempSync(join(tmpdir(), 'atlas-studio-'));
process.env.ATLAS_EDITOR_SECRET = 'correct horse battery staple';

const { actions } = await import('./+page.server');
const { isEditor } = await import('$lib/server/auth.server');

const signIn = signInAt('http://localhost/studio/some-map?/signin', actions.signin);
const browser = cookieJar;

describe("signing in on the studio's page", () => {
	it('refuses a wrong secret and sets no cookie', async () => {
		const cookies = browser();
		const result = await signIn('192.0.2.1', 'not the secret', cookies);
		expect(result.status).toBe(401);
		expect(result.data?.message).toBe('That is not the editor secret.');
		expect(cookies.getAll()).toEqual([]);
		expect(isEditor(cookies)).toBe(false);
	});

	it('signs the right secret in, with a cookie that makes an editor', async () => {
		const cookies = browser();
		expect(await signIn('192.0.2.2', 'correct horse battery staple', cookies)).toEqual({
			message: 'Signed in.'
		});
		expect(isEditor(cookies)).toBe(true);
	});

	it('shares the throttle of /review: wrong guesses past ten wait, whichever page they came from', async () => {
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) => signIn('203.0.113.9', `guess ${i}`))
		);
		expect(results.filter((r) => r.status === 401)).toHaveLength(10);
		expect(results.filter((r) => r.status === 429)).toHaveLength(20);
		expect((await signIn('203.0.113.9', 'correct horse battery staple')).status).toBe(429);
	});
});
