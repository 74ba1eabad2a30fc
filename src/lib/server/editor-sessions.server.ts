/**
 * The editors' sign-ins that still count, by session id and expiry, in
 * <root>/data/editor-sessions.json: signing out removes one there, so its
 * cookie stops working at once, on every server process sharing the folder,
 * and across a restart. Written atomically under the store's lock; read again
 * whenever the file changes. A lost or broken file signs everyone out, never in.
 */
import { statSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from './store/atomic-write.server';
import { withLock } from './store/file-lock.server';

/** Session id → expiry (seconds since 1970). */
type Sessions = Map<string, number>;

export function editorSessions(file: string) {
	let cache: { key: string; sessions: Sessions } | undefined;

	function read(): Sessions {
		let key: string;
		try {
			const s = statSync(file);
			key = `${s.ino}:${s.size}:${s.mtimeMs}`;
		} catch {
			return new Map();
		}
		if (cache?.key === key) return cache.sessions;
		let sessions: Sessions = new Map();
		try {
			const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
			if (data && typeof data === 'object')
				sessions = new Map(
					Object.entries(data).filter((e): e is [string, number] => typeof e[1] === 'number')
				);
		} catch {
			// Unreadable: nobody is signed in until the next sign-in rewrites it.
		}
		cache = { key, sessions };
		return sessions;
	}

	async function update(change: (sessions: Sessions, nowSeconds: number) => void) {
		await mkdir(dirname(file), { recursive: true });
		await withLock(file, async () => {
			cache = undefined;
			const now = Math.floor(Date.now() / 1000);
			const sessions = new Map([...read()].filter(([, expires]) => expires > now));
			change(sessions, now);
			await writeFileAtomic(file, JSON.stringify(Object.fromEntries(sessions)) + '\n');
			cache = undefined;
		});
	}

	return {
		/** Whether session `id`, expiring at `expires`, is signed in. */
		has: (id: string, expires: number) => read().get(id) === expires,
		add: (id: string, expires: number) => update((s) => void s.set(id, expires)),
		remove: (id: string) => update((s) => void s.delete(id))
	};
}

export type EditorSessions = ReturnType<typeof editorSessions>;
