import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cookies } from '@sveltejs/kit';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cookieJar } from '../../../../../tests/fixtures/sign-in';
import { studioScratch, STUDIO_MAP } from '../../../../../tests/fixtures/studio-content';

const paths = studioScratch();
process.env.ATLAS_ROOT = paths.root;
process.env.ATLAS_EDITOR_SECRET = 'correct horse battery staple';

const { POST } = await import('./+server');
const { EDITOR_COOKIE, sessionToken, signIn } = await import('$lib/server/auth.server');
const { editBasis } = await import('$lib/arguments/studio/ops');
const { versionOf } = await import('$lib/server/studio.server');

const file = join(paths.mapsDir, `${STUDIO_MAP}.yaml`);

const browser = cookieJar;

/** POST /studio/<map>/edit with a step that renames a claim, made against the file as it is. */
async function renameClaim(cookies: Cookies) {
	const text = readFileSync(file, 'utf8');
	const edit = { kind: 'edit', id: 'buses', set: { claim: 'The buses are shared.' } } as const;
	const body = JSON.stringify({
		version: versionOf(text),
		edits: [{ edit, basis: editBasis(parse(text), edit) }]
	});
	const request = new Request(`http://localhost/studio/${STUDIO_MAP}/edit`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body
	});
	const response = await POST!({ request, cookies, params: { map: STUDIO_MAP } } as never);
	return {
		status: response.status,
		body: (await response.json()) as { ok: boolean; message?: string }
	};
}

describe("the studio's edit endpoint checks the editor's sign-in on the server", () => {
	it('refuses a step without the cookie (403) and leaves the map file as it was', async () => {
		const before = readFileSync(file, 'utf8');
		expect(await renameClaim(browser())).toEqual({
			status: 403,
			body: { ok: false, message: 'Sign in as an editor first: nothing was changed.' }
		});
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it('refuses a step with a forged cookie', async () => {
		const forged = browser();
		forged.set(EDITOR_COOKIE, sessionToken('a secret that is not the one').token, { path: '/' });
		const before = readFileSync(file, 'utf8');
		expect((await renameClaim(forged)).status).toBe(403);
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it('writes the same step for a signed-in editor', async () => {
		const cookies = browser();
		expect(await signIn(cookies, 'correct horse battery staple', false)).toBe(true);
		const { status, body } = await renameClaim(cookies);
		expect([status, body.ok]).toEqual([200, true]);
		expect(readFileSync(file, 'utf8')).toMatch(/claim: The buses are shared\.\n/);
	});
});
