/**
 * Editors: whoever knows the secret in ATLAS_EDITOR_SECRET. Signing in sets an
 * httpOnly, SameSite=strict cookie holding an expiry and its HMAC under the
 * secret, so nothing is kept on the server and changing the secret signs
 * everyone out. Without the variable nobody is an editor.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';

export const EDITOR_COOKIE = 'atlas_editor';
const SESSION_SECONDS = 12 * 60 * 60;

export function editorSecret(): string | undefined {
	const secret = process.env.ATLAS_EDITOR_SECRET;
	return secret && secret.trim() ? secret : undefined;
}

export function editingEnabled(): boolean {
	return editorSecret() !== undefined;
}

const mac = (secret: string, message: string) =>
	createHmac('sha256', secret).update(message).digest();

/** Equal in constant time, whatever the lengths: both sides are hashed first. */
function sameSecret(attempt: string, secret: string): boolean {
	return timingSafeEqual(mac('compare', attempt), mac('compare', secret));
}

export function sessionToken(secret: string, now = Date.now()): string {
	const expires = Math.floor(now / 1000) + SESSION_SECONDS;
	return `${expires}.${mac(secret, `editor.${expires}`).toString('base64url')}`;
}

export function validToken(token: string | undefined, secret: string, now = Date.now()): boolean {
	const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
	if (!m) return false;
	const expires = Number(m[1]);
	if (expires * 1000 < now) return false;
	return timingSafeEqual(Buffer.from(m[2]!, 'base64url'), mac(secret, `editor.${expires}`));
}

export function isEditor(cookies: Cookies): boolean {
	const secret = editorSecret();
	return secret !== undefined && validToken(cookies.get(EDITOR_COOKIE), secret);
}

/** Sign in with `attempt`; false if editing is off or the secret is wrong. */
export function signIn(cookies: Cookies, attempt: string, secure: boolean): boolean {
	const secret = editorSecret();
	if (secret === undefined || !sameSecret(attempt, secret)) return false;
	cookies.set(EDITOR_COOKIE, sessionToken(secret), {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure,
		maxAge: SESSION_SECONDS
	});
	return true;
}

export function signOut(cookies: Cookies) {
	cookies.delete(EDITOR_COOKIE, { path: '/' });
}
