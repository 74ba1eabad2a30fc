import { fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { quoteProblem } from '$lib/arguments/contribution';
import { ImportError } from '$lib/arguments/interchange/draft';
import { sourceTextFromFile } from '$lib/arguments/interchange/source-file';
import { checkForm, formStrings } from '$lib/arguments/forms';
import {
	formValues,
	NEW_MAP_KEYS,
	NEW_SOURCE_KEYS,
	NewMapSchema,
	NewSourceSchema
} from '$lib/arguments/new-material';
import { MAP_LABELS, SOURCE_LABELS } from './fields';
import { editingEnabled, isEditor } from '$lib/server/auth.server';
import { contentPaths } from '$lib/server/content-files';
import { getContent, invalidateContent } from '$lib/server/content.server';
import { importUpload } from '$lib/server/studio-import.server';
import { getStore } from '$lib/server/contribute.server';
import { StoreError } from '$lib/server/store.server';
import { serverActions } from '$lib/app/static-site';
import type { Actions } from './$types';

export function load({ cookies }) {
	const content = getContent();
	return {
		enabled: editingEnabled(),
		editor: isEditor(cookies),
		sources: [...content.sources.values()].map((s) => ({ id: s.id, title: s.title }))
	};
}

async function readForm(request: Request): Promise<FormData | undefined> {
	try {
		return await request.formData();
	} catch {
		return undefined;
	}
}

const formActions = {
	source: async ({ request, cookies }) => {
		if (!isEditor(cookies))
			return fail(403, { which: 'source', errors: { form: 'Sign in as an editor first.' } });
		const form = await readForm(request);
		if (!form) return fail(400, { which: 'source', errors: { form: 'send the source as a form' } });
		const values = formValues(form, NEW_SOURCE_KEYS);
		const shown = formStrings(form, NEW_SOURCE_KEYS);
		// An uploaded file, when there is one, is the text (HTML reduced to its text).
		const upload = form.get('upload');
		if (upload instanceof File && upload.size > 0) {
			try {
				values.text = sourceTextFromFile(upload.name, new Uint8Array(await upload.arrayBuffer()));
			} catch (e) {
				if (!(e instanceof ImportError)) throw e;
				return fail(400, { which: 'source', values: shown, errors: { upload: e.message } });
			}
		}
		const parsed = checkForm(NewSourceSchema, values, SOURCE_LABELS);
		if (!parsed.success)
			return fail(400, { which: 'source', values: shown, errors: parsed.errors });
		const { text, ...meta } = parsed.data;
		try {
			await getStore().addSource(meta, text);
		} catch (e) {
			if (e instanceof StoreError)
				return fail(e.status, { which: 'source', values: shown, errors: { form: e.message } });
			throw e;
		}
		return { which: 'source', message: `Added the source "${meta.title}".`, sourceId: meta.id };
	},
	map: async ({ request, cookies }) => {
		if (!isEditor(cookies))
			return fail(403, { which: 'map', errors: { form: 'Sign in as an editor first.' } });
		const form = await readForm(request);
		if (!form) return fail(400, { which: 'map', errors: { form: 'send the map as a form' } });
		const values = formValues(form, NEW_MAP_KEYS);
		const shown = formStrings(form, NEW_MAP_KEYS);
		const parsed = checkForm(NewMapSchema, values, MAP_LABELS);
		if (!parsed.success) return fail(400, { which: 'map', values: shown, errors: parsed.errors });
		const m = parsed.data;
		const content = getContent();
		if (content.maps.has(m.id))
			return fail(409, {
				which: 'map',
				values: shown,
				errors: { id: `A map "${m.id}" exists already: choose another id.` }
			});
		const source = content.sources.get(m.source);
		if (!source)
			return fail(400, {
				which: 'map',
				values: shown,
				errors: { source: `There is no source "${m.source}": choose one from the list.` }
			});
		const problem =
			m.quote !== undefined &&
			quoteProblem(source.text, { ...m, quote: m.quote }, { canSelect: false });
		if (problem) return fail(400, { which: 'map', values: shown, errors: { quote: problem } });
		try {
			await getStore().addMap({
				id: m.id,
				title: m.title,
				question: m.question,
				summary: m.summary,
				thesis: {
					claim: m.claim,
					source: m.source,
					quote: m.quote,
					prefix: m.prefix,
					suffix: m.suffix
				}
			});
		} catch (e) {
			if (e instanceof StoreError)
				return fail(e.status, { which: 'map', values: shown, errors: { form: e.message } });
			throw e;
		}
		// Mapping goes on in the studio, with the source beside the map.
		redirect(303, `${resolve('/studio/[map]', { map: m.id })}?source=${m.source}`);
	},
	/** A map from another tool (Kialo, Argdown, AIF): read, checked, written, then opened in the studio. */
	import: async ({ request, cookies }) => {
		if (!isEditor(cookies))
			return fail(403, { which: 'import', errors: { form: 'Sign in as an editor first.' } });
		const form = await readForm(request);
		if (!form) return fail(400, { which: 'import', errors: { form: 'send the import as a form' } });
		const text = (key: string) => String(form.get(key) ?? '').trim();
		const values = { format: text('format'), id: text('id'), source: text('source') };
		const upload = form.get('upload');
		const file =
			upload instanceof File
				? {
						name: upload.name,
						size: upload.size,
						bytes: async () => new Uint8Array(await upload.arrayBuffer())
					}
				: undefined;
		const content = getContent();
		const answer = await importUpload(
			contentPaths(),
			content.sources,
			file,
			values.format,
			values.id
		);
		if (!answer.ok)
			return fail(answer.field === 'id' && /exists/.test(answer.message) ? 409 : 400, {
				which: 'import',
				values,
				errors: { [answer.field]: answer.message }
			});
		invalidateContent();
		const source = content.sources.has(values.source) ? `?source=${values.source}` : '';
		redirect(303, `${resolve('/studio/[map]', { map: answer.mapId })}${source}`);
	}
} satisfies Actions;

// None in the static build, which has no server to post to.
export const actions = serverActions(formActions);
