/**
 * The editor sign-in form's action, one for every page that offers it
 * (/review, the studio): editing on, the address not throttled, the secret
 * right, then the cookie. Checked and counted with no await between, so a
 * burst of guesses cannot slip past the throttle.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { editingEnabled, isEditorSecret, signIn } from './auth.server';
import { limits } from './limits';

type SignInEvent = Pick<
	RequestEvent,
	'request' | 'cookies' | 'url' | 'getClientAddress' | 'setHeaders'
>;

export async function signInAction(event: SignInEvent) {
	if (!editingEnabled())
		return fail(403, {
			message: 'Editing is off: set ATLAS_EDITOR_SECRET and restart the server.'
		});
	const secret = (await event.request.formData().catch(() => undefined))?.get('secret');
	const address = event.getClientAddress();
	const refused = limits().signIn(address);
	if (refused) {
		event.setHeaders({ 'retry-after': String(refused.retryAfter) });
		return fail(429, { message: refused.message });
	}
	if (typeof secret !== 'string' || !isEditorSecret(secret)) {
		limits().signInFailed(address);
		return fail(401, { message: 'That is not the editor secret.' });
	}
	await signIn(event.cookies, secret, event.url.protocol === 'https:');
	return undefined;
}
