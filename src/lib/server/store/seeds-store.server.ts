/** Adding a source text (seeds/ and seeds/sources.yaml) and starting a new map. */
import { join } from 'node:path';
import { stringify } from 'yaml';
import { decodeUtf8 } from '../../arguments/edit';
import { NEEDS_PASSAGE } from '../../arguments/interchange/draft';
import { SOURCE_TEXT_MAX } from '../../arguments/new-material';
import { SourceMetaSchema, SourcesFileSchema, type SourceMeta } from '../../arguments/schema';
import { parseYaml } from '../../arguments/yaml-positions';
import type { ContentPaths } from '../content-files';
import { readIfExists, writeFileAtomic } from './atomic-write.server';
import type { ChangeEvent } from './changes';
import { checkHeld, withLock } from './file-lock.server';
import { checkedId } from './map-store.server';
import { formatProblem } from '../../arguments/problems';
import { problemsOf } from './map-write.server';
import type { Source } from '../../arguments/model';
import { StoreError } from './store-error';

export interface NewMap {
	id: string;
	title: string;
	question: string;
	summary: string;
	/** Without a quote, the thesis is marked "Needs a passage" (an editorial node) for the studio. */
	thesis: { claim: string; source: string; quote?: string; prefix?: string; suffix?: string };
}

function appendListItem(text: string, item: unknown): string {
	const head = text.endsWith('\n') || text === '' ? text : `${text}\n`;
	return `${head}\n${stringify([item], { lineWidth: 0 })}`;
}

export function seedsStore(
	paths: ContentPaths,
	sources: () => Map<string, Source>,
	notify: (event: ChangeEvent) => Promise<void>,
	staleMs?: number,
	onWrite: (file: string) => void = () => {}
) {
	// Seeds change one request at a time in this process; the lock covers other processes.
	let queue: Promise<unknown> = Promise.resolve();
	const serial = <R>(task: () => Promise<R>): Promise<R> => {
		const run = queue.then(task, task);
		queue = run.catch(() => {});
		return run;
	};

	return {
		/** Add a source text to seeds/ and its metadata to seeds/sources.yaml. */
		addSource(
			input: Omit<SourceMeta, 'file'>,
			text: string,
			who: { author?: string } = {}
		): Promise<SourceMeta> {
			return serial(() =>
				withLock(
					paths.sourcesFile,
					async (held) => {
						if (!text.trim()) throw new StoreError('invalid', 'the text is empty');
						if (text.length > SOURCE_TEXT_MAX)
							throw new StoreError(
								'invalid',
								`the text is longer than ${SOURCE_TEXT_MAX} characters`
							);
						const sourcesText = decodeUtf8(
							(await readIfExists(paths.sourcesFile)) ?? new Uint8Array(),
							'seeds/sources.yaml'
						);
						const listed = SourcesFileSchema.safeParse(parseYaml('sources.yaml', sourcesText).data);
						if (!listed.success)
							throw new StoreError(
								'conflict',
								'seeds/sources.yaml does not validate: fix it first (npm run check:content)'
							);
						if (listed.data.some((s) => s.id === input.id))
							throw new StoreError('exists', `a source "${input.id}" exists already`);
						const file = `${String(listed.data.length).padStart(3, '0')}_${input.id}.txt`;
						const parsed = SourceMetaSchema.safeParse({ ...input, file });
						if (!parsed.success)
							throw new StoreError('invalid', parsed.error.issues[0]?.message ?? 'invalid source');
						const textFile = join(paths.seedsDir, file);
						if ((await readIfExists(textFile)) !== undefined)
							throw new StoreError('exists', `seeds/${file} exists already`);
						const { id, ...rest } = input;
						const meta = { id, file, ...rest } as SourceMeta;
						const next = appendListItem(sourcesText, meta);
						// The text first: an entry without its text would stop the app loading.
						checkHeld(held);
						await writeFileAtomic(textFile, text);
						await writeFileAtomic(paths.sourcesFile, next);
						onWrite(paths.sourcesFile);
						await notify({
							file: paths.sourcesFile,
							files: [textFile, paths.sourcesFile],
							kind: 'add-source',
							nodeIds: [],
							author: who.author,
							message: `add source ${id}`
						});
						return meta;
					},
					staleMs
				)
			);
		},
		/** Start a map from a thesis quoted from a source. */
		addMap(map: NewMap, who: { author?: string } = {}): Promise<void> {
			return serial(() => {
				const file = join(paths.mapsDir, `${checkedId(map.id, 'map')}.yaml`);
				return withLock(
					file,
					async (held) => {
						if ((await readIfExists(file)) !== undefined)
							throw new StoreError('exists', `a map "${map.id}" exists already`);
						const { thesis } = map;
						const anchor: Record<string, string> = { source: thesis.source };
						if (thesis.quote) anchor.quote = thesis.quote;
						if (thesis.prefix) anchor.prefix = thesis.prefix;
						if (thesis.suffix) anchor.suffix = thesis.suffix;
						const data = {
							id: map.id,
							title: map.title,
							question: map.question,
							summary: map.summary,
							thesis: {
								id: 'thesis',
								claim: thesis.claim,
								...(thesis.quote
									? { cites: [anchor] }
									: { editorial: `${NEEDS_PASSAGE}: select the thesis's passage in the studio.` })
							}
						};
						const text = stringify(data, { lineWidth: 0 });
						const problems = problemsOf(paths.root, file, text, sources());
						if (problems.length)
							throw new StoreError(
								'invalid',
								`the map would not load: ${formatProblem(problems[0]!)}`
							);
						checkHeld(held);
						await writeFileAtomic(file, text);
						onWrite(file);
						await notify({
							file,
							map: map.id,
							kind: 'add-map',
							nodeIds: ['thesis'],
							author: who.author,
							message: `${map.id}: new map`
						});
					},
					staleMs
				);
			});
		}
	};
}
