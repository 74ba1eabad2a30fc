/**
 * `npm run export -- <map-id> --format aif|argdown|kialo|annotations [--out <file>]`
 *
 * Prints a map (or writes it to --out) in another tool's format; see
 * docs/interchange.md. Reads the content in ATLAS_ROOT (default: the working directory).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportMap, isExportFormat } from '../src/lib/arguments/interchange/index';
import { formatProblems } from '../src/lib/arguments/problems';
import { fileProblem, fromHere } from './file-problem';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';

const usage = `usage: npm run export -- <map-id> --format ${EXPORT_FORMATS.join('|')} [--out <file>]`;

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const options = {
	format: { type: 'string' },
	out: { type: 'string' },
	help: { type: 'boolean' }
} as const;
let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
try {
	parsed = parseArgs({ options, allowPositionals: true, strict: true });
} catch (e) {
	// node:util's own words ("Unknown option '--fromat'"), without its stack.
	fail(`${(e as Error).message}\n${usage}`);
}
const { values, positionals } = parsed;
const mapId = positionals[0];
if (values.help || !mapId || positionals.length > 1) fail(usage);
if (!values.format || !isExportFormat(values.format))
	fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}\n${usage}`);

const { content, problems } = loadContentFromDisk(contentPaths());
if (problems.length) fail(`${formatProblems(problems)}\nfix the content before exporting`);
const map = content.maps.get(mapId);
if (!map) fail(`no map "${mapId}": the maps are ${[...content.maps.keys()].join(', ')}`);

const file = exportMap(values.format, map, content.sources);
if (values.out) {
	try {
		writeFileSync(fromHere(values.out), file.text);
	} catch (e) {
		fail(`cannot write ${values.out}: ${fileProblem(e)}`);
	}
	console.error(`wrote ${values.out}`);
} else process.stdout.write(file.text);
