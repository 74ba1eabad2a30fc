import { fail } from '@sveltejs/kit';
import { ReviewSchema } from '$lib/arguments/contribution';
import type { ArchiveEntry } from '$lib/arguments/edit';
import { editingEnabled, isEditor, signIn, signOut } from '$lib/server/auth.server';
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
	let archive: (ArchiveEntry & { mapTitle: string })[] = [];
	if (editor) {
		const store = getStore();
		for (const map of content.maps.values())
			archive.push(...(await store.archive(map.id)).map((e) => ({ ...e, mapTitle: map.title })));
		archive = archive.sort((a, b) => b.rejected.localeCompare(a.rejected));
	}
	return { enabled: editingEnabled(), editor, proposals, archive };
}

type Change = 'accept' | 'edit' | 'reject';

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
		return fail(400, { message: 'send the review as a form' });
	}
	const raw: Record<string, string> = {};
	for (const key of ['map', 'node', 'claim', 'note', 'reason']) {
		const value = form.get(key);
		if (typeof value === 'string' && (value !== '' || key === 'note')) raw[key] = value;
	}
	const parsed = ReviewSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return fail(400, {
			message: `${issue.path.join('.') || 'form'}: ${issue.message}`,
			node: raw.node
		});
	}
	const { map, node, claim, note, reason } = parsed.data;
	const store = getStore();
	try {
		if (change === 'reject') await store.reject(map, node, reason);
		else {
			// An emptied note field removes the note.
			const changes = { claim, note: note === '' ? null : note };
			if (change === 'accept') await store.accept(map, node, changes);
			else await store.edit(map, node, changes);
		}
	} catch (e) {
		if (e instanceof StoreError) return fail(e.status, { message: e.message, node });
		throw e;
	}
	const done = { accept: 'Accepted', edit: 'Saved', reject: 'Rejected and archived' }[change];
	return { message: `${done}: ${node}`, node };
}

const formActions = {
	signin: async ({ request, cookies, url }) => {
		if (!editingEnabled())
			return fail(403, {
				message: 'Editing is off: set ATLAS_EDITOR_SECRET and restart the server.'
			});
		const secret = (await request.formData().catch(() => undefined))?.get('secret');
		if (typeof secret !== 'string' || !signIn(cookies, secret, url.protocol === 'https:'))
			return fail(401, { message: 'That is not the editor secret.' });
		return { message: 'Signed in as an editor.' };
	},
	signout: ({ cookies }) => {
		signOut(cookies);
		return { message: 'Signed out.' };
	},
	accept: ({ request, cookies }) => review(request, cookies, 'accept'),
	edit: ({ request, cookies }) => review(request, cookies, 'edit'),
	reject: ({ request, cookies }) => review(request, cookies, 'reject')
} satisfies Actions;

// None in the static build, which has no server to post to.
export const actions = serverActions(formActions);
