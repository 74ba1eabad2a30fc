// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** True in the static build (`ATLAS_ADAPTER=static`); set by vite.config.ts. */
	const __ATLAS_STATIC__: boolean;

	namespace App {
		interface Error {
			message: string;
			/** For a map that does not load, shown to a signed-in editor: `file:line:col: message — hint`. */
			problems?: string[];
		}
	}
}

export {};
