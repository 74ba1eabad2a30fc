/**
 * `npm run coverage:content`: per source, how much of its text the maps cite
 * (non-whitespace characters and sentences), then every sentence no map cites,
 * with its position so an editor can find it. Exits non-zero only when the
 * content does not load; low coverage is reported, not enforced (the pinned
 * figures live in scripts/content-policy.ts and `npm run check:content` warns below them).
 */
import { lineColAt } from '../src/lib/arguments/anchor';
import { CITED_SHARE, sourceCoverage } from '../src/lib/arguments/coverage';
import { formatProblems } from '../src/lib/arguments/problems';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';

const paths = contentPaths(process.argv[2]);
const { content, problems } = loadContentFromDisk(paths);
if (problems.length) {
	console.error(formatProblems(problems));
	process.exit(1);
}

const percent = (part: number, whole: number) =>
	whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a';
const shorten = (text: string, max = 160) =>
	text.length > max ? `${text.slice(0, max - 1)}…` : text;

console.log(
	`A sentence counts as cited when citations cover more than ${CITED_SHARE * 100}% of its non-whitespace characters.`
);
for (const source of content.sources.values()) {
	const c = sourceCoverage(source, content.citations.get(source.id) ?? []);
	console.log(`\n${source.id} (seeds/${source.file})`);
	console.log(
		`  characters cited: ${c.charsCited}/${c.charsTotal} (${percent(c.charsCited, c.charsTotal)})`
	);
	console.log(
		`  sentences cited:  ${c.sentencesCited}/${c.sentencesTotal} (${percent(c.sentencesCited, c.sentencesTotal)})`
	);
	if (!c.uncited.length) continue;
	console.log(`  uncited sentences (${c.uncited.length}):`);
	for (const s of c.uncited) {
		const { line, col } = lineColAt(source.text, s.start);
		const partly = s.covered > 0 ? ` [${Math.round(100 * s.covered)}% cited]` : '';
		console.log(`    ${source.file}:${line}:${col}${partly} ${shorten(s.text)}`);
	}
}
