import adapterNode from '@sveltejs/adapter-node';
import adapterStatic from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// `ATLAS_ADAPTER=static npm run build` builds plain files for hosting without a server.
const isStatic = process.env.ATLAS_ADAPTER === 'static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: isStatic
			? adapterStatic({
					pages: 'build-static',
					assets: 'build-static',
					fallback: undefined,
					strict: true
				})
			: adapterNode({ out: 'build' }),
		alias: {
			$content: 'content',
			$seeds: 'seeds'
		},
		version: { name: 'atlas' }
	}
};

export default config;
