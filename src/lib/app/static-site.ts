/**
 * The static build: the site as plain files (`npm run build:static`), for
 * hosting without a server. Every page is prerendered and nothing can be
 * written, so a contribution becomes a YAML snippet to commit instead.
 */
export const STATIC_SITE: boolean = __ATLAS_STATIC__;

/**
 * A page's form actions, or none in the static build: there is no server to
 * post to, and SvelteKit cannot prerender a page that has actions.
 */
export function serverActions<T>(actions: T): T {
	return (STATIC_SITE ? undefined : actions) as T;
}
