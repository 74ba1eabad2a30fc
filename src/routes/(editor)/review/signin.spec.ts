import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';

process.env.ATLAS_ROOT = mkdtempSync(join(tmpdir(), 'atlas-review-'));
process.env.ATLAS_EDITOR_SECRET = 'correct horse battery staple';

const { actions } = await import('./+page.server');
const { isEditor } = await import('$lib/server/auth.server');

function browser(): Cookies {
	const jar = new Map<string, string>();
	return {
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name),
		serialize: () => ''
	};
}

function signIn(address: string, secret: string, cookies = browser()) {
	const request = new Request('http://localhost/review?/signin', {
		method: 'POST',
		body: new URLSearchParams({ secret })
	});
	return actions.signin({
		request,
		cookies,
		url: new URL(request.url),
		getClientAddress: () => address,
		setHeaders: () => {}
	} as never) as Promise<{ status?: number; data?: { message: string } }>;
}

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
