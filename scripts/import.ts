/**
 * `npm run import -- <file> --format kialo|argdown|aif --map <new-map-id>`
 *
 * Reads a discussion from another tool and writes it as a new map,
 * content/arguments/<map-id>.yaml, through the store's lock and checks. Claims
 * that arrive without a passage are editorial nodes marked "Needs a passage";
 * the studio lists them. A file it cannot read gets one message naming the
 * line or element, and nothing is written. See docs/interchange.md.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
	IMPORT_FORMATS,
	importMap,
	importProblem,
	isImportFormat,
	needsPassage
} from '../src/lib/arguments/interchange/index';
import { walkInput } from '../src/lib/arguments/interchange/draft';
import { formatProblems } from '../src/lib/arguments/problems';
import { IdSchema } from '../src/lib/arguments/schema';
import { fileProblem, fromHere } from './file-problem';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';
import { writeNewMap } from '../src/lib/server/imported-map.server';
import { StoreError } from '../src/lib/server/store.server';

const usage = `usage: npm run import -- <file> --format ${IMPORT_FORMATS.join('|')} --map <new-map-id>`;

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const options = {
	format: { type: 'string' },
	map: { type: 'string' },
	help: { type: 'boolean' }
} as const;
let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
try {
	parsed = parseArgs({ options, allowPositionals: true, strict: true });
} catch (e) {
	// node:util's own words ("Unknown option '--mpa'"), without its stack.
	fail(`${(e as Error).message}\n${usage}`);
}
const { values, positionals } = parsed;
const path = positionals[0];
if (values.help || !path || positionals.length > 1 || !values.map) fail(usage);
if (!values.format || !isImportFormat(values.format))
	fail(`--format must be one of ${IMPORT_FORMATS.join(', ')}\n${usage}`);

if (!IdSchema.safeParse(values.map).success)
	fail(
		`--map: "${values.map}" is not a map id: use lowercase letters, digits and single hyphens, e.g. "school-phones"`
	);

let bytes: Uint8Array;
try {
	bytes = readFileSync(fromHere(path));
} catch (e) {
	fail(`cannot read ${path}: ${fileProblem(e)}`);
}

const paths = contentPaths();
const { content, problems } = loadContentFromDisk(paths);
if (problems.length) fail(`${formatProblems(problems)}\nfix the content before importing`);

try {
	const map = importMap(values.format, bytes, values.map, content.sources);
	const { file } = await writeNewMap(paths, content.sources, map);
	const nodes = [...walkInput(map.thesis)].map((v) => v.node);
	const waiting = nodes.filter(needsPassage).length;
	console.log(
		`wrote ${file}: ${nodes.length} nodes${waiting ? `, ${waiting} needing a passage (the studio lists them)` : ''}`
	);
} catch (e) {
	const message =
		importProblem(e, basename(path)) ?? (e instanceof StoreError ? e.message : undefined);
	if (message) fail(message);
	throw e;
}
