import adapterNode from '@sveltejs/adapter-node';
import adapterStatic from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './src/lib/security-headers.js';

// `npm run build:static` (ATLAS_ADAPTER=static) builds plain files for hosting
// without a server; BASE_PATH (e.g. /atlas) when they are served from a folder.
const isStatic = process.env.ATLAS_ADAPTER === 'static';
// Where the static build goes, and SvelteKit's working folder: the bench
// builds into scratch folders, beside a developer's own build.
const staticOut = process.env.ATLAS_STATIC_OUT || 'build-static';
const kitOut = process.env.ATLAS_KIT_OUT || '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		outDir: kitOut,
		adapter: isStatic
			? adapterStatic({
					pages: staticOut,
					assets: staticOut,
					fallback: undefined,
					// Every page must be prerendered: a route left out fails the build.
					strict: true
				})
			: adapterNode({ out: 'build' }),
		paths: { base: isStatic ? (process.env.BASE_PATH ?? '') : '' },
		prerender: {
			// Every map, node, source and teaching page is listed by its route's
			// `entries`; the crawler follows links from those too. A broken link
			// fails the build.
			entries: ['*'],
			handleHttpError: 'fail',
			handleMissingId: ({ id, message }) => {
				// The marked passage (`?at=…#passage`) is found from the query string,
				// which a prerendered page reads in the browser.
				if (id !== 'passage') throw new Error(message);
			},
			handleUnseenRoutes: ({ routes, message }) => {
				// The static build draws QR codes in the browser: no endpoint for them.
				// Live sessions need the server: the static /live page says so. So does
				// the studio, which editors reach only from a server's map pages.
				const needsServer = (r) => r.startsWith('/live/') || r.startsWith('/studio/');
				if (routes.some((r) => r !== '/present/[map]/qr/[[node]]' && !needsServer(r)))
					throw new Error(message);
			}
		},
		// Hashes of the inline scripts, not nonces: the server's page cache answers
		// many readers with one rendered page, and a nonce must never be reused.
		csp: { mode: 'hash', directives: CSP_DIRECTIVES },
		alias: {
			$content: 'content',
			$seeds: 'seeds'
		},
		version: { name: 'atlas' }
	}
};

export default config;
