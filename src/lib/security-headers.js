// The security headers every response carries, from the app's server
// (src/hooks.server.ts) and from the static build's (scripts/serve-static.js,
// static/_headers for hosts that read one). The Content-Security-Policy of the
// pages themselves is kit.csp in svelte.config.js: SvelteKit adds the hash of
// each inline script it writes. frame-ancestors works only as a
// header, never in a page's <meta>, so it is here too.

/** @type {Record<string, string>} */
export const SECURITY_HEADERS = {
	// No other site may frame the app (clickjacking the review page's buttons).
	'content-security-policy': "frame-ancestors 'none'",
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	// Links out to a source's original site say nothing of the page they came from.
	'referrer-policy': 'same-origin'
};

/**
 * Kit's CSP for the pages (svelte.config.js): scripts only from the app itself.
 * @type {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>}
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	// Svelte's style="" attributes and style: directives need inline styles.
	'style-src': ['self', 'unsafe-inline'],
	// QR codes and the PNG export draw through data: and blob: images.
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	// Live sessions' event streams and the static build's searches: the app's own origin.
	'connect-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};
