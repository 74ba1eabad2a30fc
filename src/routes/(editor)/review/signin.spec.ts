import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cookieJar, signInAt } from '../../../../tests/fixtures/sign-in';

process.env.ATLAS_ROOT = mkdtempSync(join(tmpdir(), 'atlas-review-'));
process.env.ATLAS_EDITOR_SECRET = 'correct horse battery staple';

const { actions } = await import('./+page.server');
const { isEditor } = await import('$lib/server/auth.server');

const signIn = signInAt('http://localhost/review?/signin', actions.signin);
const browser = cookieJar;

describe('signing in at /review', () => {
	it('throttles 300 wrong sign-ins sent at once: 10 are checked, the rest refused with a wait', async () => {
		const results = await Promise.all(
			Array.from({ length: 300 }, (_, i) => signIn('203.0.113.7', `guess ${i}`))
		);
		const statuses = results.map((r) => r.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(10);
		expect(statuses.filter((s) => s === 429)).toHaveLength(290);
		expect(results.find((r) => r.status === 429)?.data?.message).toMatch(
			/^Too many wrong sign-ins from your network: try again in \d+ seconds\.$/
		);
		// Even the right secret waits on that address; another address signs in.
		expect((await signIn('203.0.113.7', 'correct horse battery staple')).status).toBe(429);
		const cookies = browser();
		expect(await signIn('198.51.100.1', 'correct horse battery staple', cookies)).toEqual({
			message: 'Signed in as an editor.',
			which: 'signin'
		});
		expect(isEditor(cookies)).toBe(true);
	});

	it('signing out revokes the cookie, even a copy kept by the browser', async () => {
		const cookies = browser();
		await signIn('198.51.100.2', 'correct horse battery staple', cookies);
		const kept = browser();
		kept.set('atlas_editor', cookies.get('atlas_editor')!, { path: '/' });
		await actions.signout({ cookies } as never);
		expect(isEditor(kept)).toBe(false);
	});
});
