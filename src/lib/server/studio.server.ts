/**
 * The studio's server side: the map file as the editor's page starts from
 * (its data and a version naming that text), and each step the page asks
 * for, written through the store as one change: all its edits or none, in
 * one write. Every edit carries the state of the nodes it touches as the
 * editor saw them; under the map's lock the store compares that with the file
 * as it is before the step (studio/ops.ts conflictWith), so a step made
 * against an older version is merged when nobody touched its nodes since,
 * and refused naming the node when somebody did. The store loads and checks
 * the new text, with all the step's edits, before writing, with the messages
 * of `npm run check:content`.
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
	/** Refused: none of the step's edits was written. */
	| { ok: false; status: number; message: string };

/** One step from the studio's page, for an editor (the caller checks the sign-in). */
export async function studioStep(
	store: Store,
	paths: ContentPaths,
	mapId: string,
	request: StudioRequest,
	who: { editor?: string } = {}
): Promise<StudioAnswer> {
	const refused = (e: unknown): StudioAnswer => {
		if (!(e instanceof StoreError)) throw e;
		return { ok: false, status: e.status, message: e.message };
	};
	let before: StudioMap;
	try {
		before = await readStudioMap(paths, mapId);
	} catch (e) {
		return refused(e);
	}
	const edits = request.edits.map(({ edit }) => edit as MapEdit);
	// Every basis was taken from the map the editor saw before the step, so
	// each is compared with the file as it is before the step's first edit.
	const guard = (text: string) => {
		let current: MapInput;
		try {
			current = dataOf(text);
		} catch (e) {
			return `the map file does not read as YAML: ${(e as Error).message}`;
		}
		for (const { edit, basis } of request.edits) {
			const conflict = conflictWith(current, edit as MapEdit, basis);
			if (conflict) return conflict;
		}
		return undefined;
	};
	let results: EditResult[];
	try {
		results = await store.applyAll(mapId, edits, { author: who.editor }, { guard });
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
