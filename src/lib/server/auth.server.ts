/**
 * Editors: whoever knows the secret in ATLAS_EDITOR_SECRET. Signing in sets an
 * httpOnly, SameSite=strict cookie holding a session id, its expiry and their
 * HMAC under the secret; the session id is also kept in the content root's
 * data/ folder (editor-sessions.server.ts), so signing out revokes the cookie.
 * Changing the secret signs everyone out. Without the variable nobody is an
 * editor; a secret that is easy to guess stops the server at start.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import type { Cookies } from '@sveltejs/kit';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { contentPaths } from './content-files';
import { editorSessions, type EditorSessions } from './editor-sessions.server';

export const EDITOR_COOKIE = 'atlas_editor';
const SESSION_SECONDS = 12 * 60 * 60;
export const SECRET_MIN_LENGTH = 12;

export function editorSecret(): string | undefined {
	const secret = process.env.ATLAS_EDITOR_SECRET;
	return secret && secret.trim() ? secret : undefined;
}

export function editingEnabled(): boolean {
	return editorSecret() !== undefined;
}

let estimator: ZxcvbnFactory | undefined;

/**
 * Why `secret` is too easy to guess, or undefined when it is strong enough:
 * at least 12 characters, and zxcvbn's score 3 or more (about 10⁸ guesses),
 * which a sign-in throttled per address cannot reach.
 */
export function secretProblem(secret: string): string | undefined {
	estimator ??= new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...english.dictionary },
		graphs: common.adjacencyGraphs,
		translations: english.translations
	});
	const { score, feedback } = estimator.check(secret);
	if (secret.length >= SECRET_MIN_LENGTH && score >= 3) return undefined;
	const why = [
		`${secret.length} character${secret.length === 1 ? '' : 's'}`,
		feedback.warning ?? (score < 3 ? 'easy to guess' : undefined)
	].filter(Boolean);
	return (
		`ATLAS_EDITOR_SECRET is too weak to guard editing (${why.join('; ')}). ` +
		`Use at least ${SECRET_MIN_LENGTH} characters that are hard to guess, such as four unrelated words, ` +
		`or a random one from: node -e "console.log(crypto.randomBytes(18).toString('base64url'))". ` +
		'Or leave ATLAS_EDITOR_SECRET unset to serve without editing.'
	);
}

const mac = (secret: string, message: string) =>
	createHmac('sha256', secret).update(message).digest();

/** Equal in constant time, whatever the lengths: both sides are hashed first. */
function sameSecret(attempt: string, secret: string): boolean {
	return timingSafeEqual(mac('compare', attempt), mac('compare', secret));
}

export interface SessionToken {
	token: string;
	id: string;
	expires: number;
}

export function sessionToken(secret: string, now = Date.now()): SessionToken {
	const id = randomBytes(16).toString('base64url');
	const expires = Math.floor(now / 1000) + SESSION_SECONDS;
	const token = `${id}.${expires}.${mac(secret, `editor.${id}.${expires}`).toString('base64url')}`;
	return { token, id, expires };
}

/** The session a token names, if the secret signed it and it has not expired. */
export function tokenSession(
	token: string | undefined,
	secret: string,
	now = Date.now()
): { id: string; expires: number } | undefined {
	const m = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
	if (!m) return undefined;
	const [, id, digits, signature] = m as unknown as [string, string, string, string];
	const expires = Number(digits);
	if (expires * 1000 < now) return undefined;
	if (!timingSafeEqual(Buffer.from(signature, 'base64url'), mac(secret, `editor.${id}.${expires}`)))
		return undefined;
	return { id, expires };
}

let sessions: { root: string; store: EditorSessions } | undefined;

/** The signed-in sessions of this content root (ATLAS_ROOT). */
function signedIn(): EditorSessions {
	const { root } = contentPaths();
	if (sessions?.root !== root)
		sessions = { root, store: editorSessions(join(root, 'data', 'editor-sessions.json')) };
	return sessions.store;
}

export function isEditor(cookies: Cookies): boolean {
	const secret = editorSecret();
	if (secret === undefined) return false;
	const session = tokenSession(cookies.get(EDITOR_COOKIE), secret);
	return session !== undefined && signedIn().has(session.id, session.expires);
}

/** Whether `attempt` is the editor secret (false when editing is off). */
export function isEditorSecret(attempt: string): boolean {
	const secret = editorSecret();
	return secret !== undefined && sameSecret(attempt, secret);
}

/** Sign in with `attempt`; false if editing is off or the secret is wrong. */
export async function signIn(cookies: Cookies, attempt: string, secure: boolean): Promise<boolean> {
	const secret = editorSecret();
	if (secret === undefined || !sameSecret(attempt, secret)) return false;
	const { token, id, expires } = sessionToken(secret);
	await signedIn().add(id, expires);
	cookies.set(EDITOR_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure,
		maxAge: SESSION_SECONDS
	});
	return true;
}

/** Sign out: the session no longer counts anywhere, even if its cookie is kept. */
export async function signOut(cookies: Cookies) {
	const secret = editorSecret();
	const session = secret && tokenSession(cookies.get(EDITOR_COOKIE), secret);
	if (session) await signedIn().remove(session.id);
	cookies.delete(EDITOR_COOKIE, { path: '/' });
}
