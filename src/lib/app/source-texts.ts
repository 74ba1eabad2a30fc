/**
 * The source texts in the browser, for checking a quote where there is no
 * server to check it (the static build): fetched once, on first use, from
 * /search/texts/sources.json, and kept for the page's lifetime.
 */
import { resolve } from '$app/paths';

let texts: Promise<Record<string, string>> | undefined;

/** The text of source `id`, or undefined when there is no such source. */
export async function sourceText(id: string): Promise<string | undefined> {
	texts ??= fetch(resolve('/search/texts/sources.json')).then((r) => {
		if (!r.ok) throw new Error(`the source texts could not be loaded (${r.status})`);
		return r.json();
	});
	try {
		return Object.hasOwn(await texts, id) ? (await texts)[id] : undefined;
	} catch (e) {
		texts = undefined; // try again at the next check
		throw e;
	}
}
