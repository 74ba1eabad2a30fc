/**
 * The studio's server side: the map file as the editor's page starts from
 * (its data and a version naming that text), and each step the page asks
 * for, written through the store. Every edit carries the state of the nodes
 * it touches as the editor saw them; under the map's lock the store compares
 * that with the file as it is (studio/ops.ts conflictWith), so an edit made
 * against an older version is merged when nobody touched its nodes since,
 * and refused naming the node when somebody did. The store loads and checks
 * the new text before writing, with the messages of `npm run check:content`.
 *
 * Relative imports only, so the unit specs run it without SvelteKit.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { decodeUtf8, type ArchiveEntry, type EditResult, type MapEdit } from '../arguments/edit';
import type { MapInput } from '../arguments/schema';
import { conflictWith, nodeIndex } from '../arguments/studio/ops';
import type { StudioRequest } from '../arguments/studio/request';
import type { ContentPaths } from './content-files';
import { StoreError, type Store } from './store.server';

/** A short name for one version of a map's text. */
export function versionOf(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export interface StudioMap {
	version: string;
	/** The map's data as the file has it (not resolved: quotes are strings). */
	map: MapInput;
}

function dataOf(text: string): MapInput {
	return parse(text, { maxAliasCount: 100 }) as MapInput;
}

/** The map file as it is now, or a StoreError: not found, or a file that does not read as YAML. */
export async function readStudioMap(paths: ContentPaths, mapId: string): Promise<StudioMap> {
	const file = join(paths.mapsDir, `${mapId}.yaml`);
	let bytes: Buffer;
	try {
		bytes = await readFile(file);
	} catch {
		throw new StoreError('not-found', `no map "${mapId}"`);
	}
	const text = decodeUtf8(bytes, `content/arguments/${mapId}.yaml`);
	try {
		return { version: versionOf(text), map: dataOf(text) };
	} catch (e) {
		throw new StoreError('conflict', `the map file does not read as YAML: ${(e as Error).message}`);
	}
}

/** The nodes deleted in the studio that are not in the map now, newest first, one per node. */
export function restorable(archive: readonly ArchiveEntry[], map: MapInput): ArchiveEntry[] {
	const present = nodeIndex(map);
	const seen = new Set<string>();
	const out: ArchiveEntry[] = [];
	for (const entry of [...archive].reverse()) {
		if (!entry.deleted || seen.has(entry.node.id) || present.has(entry.node.id)) continue;
		seen.add(entry.node.id);
		out.push(entry);
	}
	return out;
}

export type StudioAnswer =
	| {
			ok: true;
			results: EditResult[];
			/** The file after the step: its version and data, with any other editor's changes. */
			version: string;
			map: MapInput;
			/** Someone else had written the map since the editor's version: their changes are in `map`. */
			merged: boolean;
	  }
	| {
			ok: false;
			status: number;
			message: string;
			/** How many of the step's edits were written before the one refused (0: nothing written). */
			done: number;
			results: EditResult[];
	  };

/** One step from the studio's page, for an editor (the caller checks the sign-in). */
export async function studioStep(
	store: Store,
	paths: ContentPaths,
	mapId: string,
	request: StudioRequest,
	who: { editor?: string } = {}
): Promise<StudioAnswer> {
	const results: EditResult[] = [];
	const refused = (e: unknown): StudioAnswer => {
		if (!(e instanceof StoreError)) throw e;
		return { ok: false, status: e.status, message: e.message, done: results.length, results };
	};
	let before: StudioMap;
	try {
		before = await readStudioMap(paths, mapId);
	} catch (e) {
		return refused(e);
	}
	const steps = request.edits.map(({ edit, basis }) => ({
		edit: edit as MapEdit,
		guard: (text: string) => {
			try {
				return conflictWith(dataOf(text), edit as MapEdit, basis);
			} catch (e) {
				return `the map file does not read as YAML: ${(e as Error).message}`;
			}
		}
	}));
	try {
		for (const { edit, guard } of steps)
			results.push(await store.apply(mapId, edit, { author: who.editor }, { guard }));
	} catch (e) {
		return refused(e);
	}
	const after = await readStudioMap(paths, mapId);
	return {
		ok: true,
		results,
		version: after.version,
		map: after.map,
		merged: before.version !== request.version
	};
}
