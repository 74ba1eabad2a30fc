import { fail } from '@sveltejs/kit';
import { ReviewSchema } from '$lib/arguments/contribution';
import { checkForm, formStrings } from '$lib/arguments/forms';
import type { ArchiveEntry } from '$lib/arguments/edit';
import { editingEnabled, isEditor, signOut } from '$lib/server/auth.server';
import { signInAction } from '$lib/server/signin-action.server';
import { citationsOf } from '$lib/arguments/view';
import { getContent } from '$lib/server/content.server';
import { getStore } from '$lib/server/contribute.server';
import { renderMarkdown } from '$lib/server/markdown';
import { StoreError } from '$lib/server/store.server';
import { serverActions } from '$lib/app/static-site';
import type { Actions } from './$types';

export async function load({ cookies }) {
	const content = getContent();
	const editor = isEditor(cookies);
	const proposals = [];
	for (const map of content.maps.values())
		for (const node of map.nodes) {
			if (node.status !== 'proposed') continue;
			const parent = node.parentId ? map.nodeById.get(node.parentId) : undefined;
			proposals.push({
				mapId: map.id,
				mapTitle: map.title,
				id: node.id,
				relation: node.relation,
				claim: node.claim,
				note: node.note ?? '',
				noteHtml: node.note ? renderMarkdown(node.note) : undefined,
				contributor: node.contributor,
				submitted: node.submitted,
				session: node.session,
				parent: parent && { id: parent.id, claim: parent.claim },
				cites: citationsOf(content, node)
			});
		}
	proposals.sort((a, b) => (a.submitted ?? '').localeCompare(b.submitted ?? ''));
	let archive: (ArchiveEntry & { rejected: string; mapTitle: string })[] = [];
	if (editor) {
		const store = getStore();
		for (const map of content.maps.values())
			for (const entry of await store.archive(map.id))
				// Nodes deleted in the studio are listed there, not here.
				if (entry.rejected)
					archive.push({ ...entry, rejected: entry.rejected, mapTitle: map.title });
		archive = archive.sort((a, b) => b.rejected.localeCompare(a.rejected));
	}
	return { enabled: editingEnabled(), editor, proposals, archive };
}

type Change = 'accept' | 'edit' | 'reject';

const REVIEW_KEYS = ['map', 'node', 'claim', 'note', 'reason'] as const;
const REVIEW_LABELS = {
	map: 'map',
	node: 'node',
	claim: 'claim',
	note: 'note',
	reason: 'reason'
} as const;

async function review(request: Request, cookies: import('@sveltejs/kit').Cookies, change: Change) {
	if (!editingEnabled())
		return fail(403, {
			message: 'Editing is off: set ATLAS_EDITOR_SECRET and restart the server.'
		});
	if (!isEditor(cookies)) return fail(403, { message: 'Sign in as an editor first.' });
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return fail(400, { message: 'Send the review as a form.' });
	}
	const values = formStrings(form, REVIEW_KEYS);
	const raw: Record<string, string> = {};
	for (const key of REVIEW_KEYS) {
		const value = values[key];
		if (value !== undefined && (value !== '' || key === 'note')) raw[key] = value;
	}
	const node = raw.node;
	const parsed = checkForm(ReviewSchema, raw, REVIEW_LABELS);
	if (!parsed.success) {
		const errors = parsed.errors;
		return fail(400, { message: Object.values(errors)[0], errors, values, node });
	}
	const { map, claim, note, reason } = parsed.data;
	// A rejection is kept with its reason: asking for one also stops a slip of the finger.
	if (change === 'reject' && reason === undefined) {
		const errors = { reason: 'Give a reason for rejecting it: the archive keeps it.' };
		return fail(400, { message: errors.reason, errors, values, node });
	}
	const store = getStore();
	try {
		if (change === 'reject') await store.reject(map, parsed.data.node, reason);
		else {
			// An emptied note field removes the note.
			const changes = { claim, note: note === '' ? null : note };
			if (change === 'accept') await store.accept(map, parsed.data.node, changes);
			else await store.edit(map, parsed.data.node, changes);
		}
	} catch (e) {
		if (e instanceof StoreError) return fail(e.status, { message: e.message, values, node });
		throw e;
	}
	const done = { accept: 'Accepted', edit: 'Saved', reject: 'Rejected and archived' }[change];
	return { message: `${done}: ${claim ?? parsed.data.node}`, node, done: change };
}

const formActions = {
	signin: async (event) =>
		(await signInAction(event)) ?? { message: 'Signed in as an editor.', which: 'signin' },
	signout: async ({ cookies }) => {
		await signOut(cookies);
		return { message: 'Signed out.', which: 'signout' };
	},
	accept: ({ request, cookies }) => review(request, cookies, 'accept'),
	edit: ({ request, cookies }) => review(request, cookies, 'edit'),
	reject: ({ request, cookies }) => review(request, cookies, 'reject')
} satisfies Actions;

// None in the static build, which has no server to post to.
export const actions = serverActions(formActions);
