/**
 * What the store tells listeners after each change it wrote (e.g. the git
 * history commits it): the file, the map, the kind of edit, the nodes it
 * touched, who made it and a one-line message. A change to seeds has no map.
 */
export interface ChangeEvent {
	file: string;
	/** Every file the change wrote, when there are more than `file` (a seed text, an archive). */
	files?: string[];
	map?: string;
	kind: string;
	nodeIds: string[];
	author?: string;
	message: string;
}

export type ChangeListener = (event: ChangeEvent) => void | Promise<void>;

/** Listeners, called in order after each write; one that throws does not undo the write. */
export function changeListeners() {
	const listeners = new Set<ChangeListener>();
	return {
		add(listener: ChangeListener): () => void {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async notify(event: ChangeEvent) {
			for (const listener of listeners)
				try {
					await listener(event);
				} catch (e) {
					console.error(`store: a change listener failed for ${event.message}:`, e);
				}
		}
	};
}
