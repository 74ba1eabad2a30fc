/**
 * `npm run new:source -- --id <id> --file <text.txt> --title ... --kind ... --date ...
 *    --language en --description ... [--author ...] [--caveat ... (repeatable)]
 *    [--map <map-id> --question ... --summary ... --claim ... --quote ... [--map-title ...]]`
 *
 * Adds a source text to seeds/ (copied byte for byte; it must be UTF-8) and its entry to
 * seeds/sources.yaml, and optionally starts a map whose thesis quotes it:
 * the same checks as the app's /new page. Writes into ATLAS_ROOT (default:
 * the working directory), through the app's store: it takes the same file
 * locks, so it is safe while the app runs.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NotUtf8Error, utf8Text } from './utf8-text';
import { quoteProblem } from '../src/lib/arguments/contribution';
import { fieldErrors, NewMapSchema, NewSourceSchema } from '../src/lib/arguments/new-material';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';
import { createStore, StoreError } from '../src/lib/server/store.server';

const options = {
	id: { type: 'string' },
	file: { type: 'string' },
	title: { type: 'string' },
	kind: { type: 'string' },
	date: { type: 'string' },
	'date-note': { type: 'string' },
	language: { type: 'string' },
	author: { type: 'string' },
	translator: { type: 'string' },
	'original-location': { type: 'string' },
	description: { type: 'string' },
	caveat: { type: 'string', multiple: true },
	map: { type: 'string' },
	'map-title': { type: 'string' },
	question: { type: 'string' },
	summary: { type: 'string' },
	claim: { type: 'string' },
	quote: { type: 'string' },
	help: { type: 'boolean' }
} as const;

const USAGE =
	'usage: npm run new:source -- --id <id> --file <text.txt> --title <title> --kind <kind> --date <YYYY[-MM[-DD]]> --language <en> --description <one line> [--author ...] [--translator ...] [--original-location ...] [--date-note ...] [--caveat ...]... [--map <map-id> --question ... --summary ... --claim <thesis claim> --quote <exact passage> [--map-title ...]]';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

let values: ReturnType<typeof parseArgs<{ options: typeof options; strict: true }>>['values'];
try {
	({ values } = parseArgs({ options, strict: true }));
} catch (e) {
	// node:util's own words ("Unknown option '--titel'"), without its stack.
	fail(`${(e as Error).message}\n${USAGE}`);
}

if (values.help || !values.id || !values.file) fail(USAGE);

let bytes: Buffer;
try {
	bytes = readFileSync(values.file);
} catch (e) {
	fail(`cannot read ${values.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}
// A source is an edition: its bytes are kept as they are, so they must be UTF-8 already.
let text: string;
try {
	text = utf8Text(bytes, values.file);
} catch (e) {
	if (e instanceof NotUtf8Error) fail(e.message);
	throw e;
}

const sourceInput: Record<string, unknown> = Object.fromEntries(
	Object.entries({
		id: values.id,
		title: values.title,
		kind: values.kind,
		date: values.date,
		date_note: values['date-note'],
		language: values.language,
		author: values.author,
		translator: values.translator,
		original_location: values['original-location'],
		description: values.description,
		caveats: values.caveat,
		text
	}).filter(([, v]) => v !== undefined)
);
const source = NewSourceSchema.safeParse(sourceInput);
if (!source.success)
	fail(
		Object.entries(fieldErrors(source.error, sourceInput))
			.map(([k, m]) => `--${k.replace('_', '-')}: ${m}`)
			.join('\n')
	);

const mapInput: Record<string, unknown> = {
	id: values.map,
	title: values['map-title'] ?? source.data.title,
	question: values.question,
	summary: values.summary,
	source: source.data.id,
	claim: values.claim,
	quote: values.quote
};
const map = values.map ? NewMapSchema.safeParse(mapInput) : undefined;
if (map && !map.success)
	fail(
		Object.entries(fieldErrors(map.error, mapInput))
			.map(([k, m]) => `--${k === 'id' ? 'map' : k}: ${m}`)
			.join('\n')
	);
if (map?.success && map.data.quote !== undefined) {
	const problem = quoteProblem(text, { ...map.data, quote: map.data.quote }, { canSelect: false });
	if (problem) fail(`--quote: ${problem}`);
}

const paths = contentPaths();
const store = createStore({ paths, sources: () => loadContentFromDisk(paths).content.sources });
try {
	const { text: body, ...meta } = source.data;
	const added = await store.addSource(meta, body);
	console.log(`added seeds/${added.file} and its entry in seeds/sources.yaml`);
	if (map?.success) {
		const m = map.data;
		await store.addMap({
			id: m.id,
			title: m.title,
			question: m.question,
			summary: m.summary,
			thesis: { claim: m.claim, source: m.source, quote: m.quote }
		});
		console.log(`started content/arguments/${m.id}.yaml`);
	}
} catch (e) {
	if (e instanceof StoreError) fail(e.message);
	throw e;
}
const { problems } = loadContentFromDisk(paths);
if (problems.length) fail('content no longer validates: run npm run check:content');
console.log('content ok');
