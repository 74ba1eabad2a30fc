/**
 * Editorial policy for the content, checked by `npm run check:content` (not by
 * the unit tests, so improving or adding content never breaks `npm test`).
 * Errors: the seed texts are editions and must stay byte for byte as pinned.
 * Warnings: teaching aids (summary, discussion questions), sparing editorial
 * nodes (fewer still without references), and the coverage each bundled source has reached.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lineColAt } from '../src/lib/arguments/anchor';
import { sourceCoverage } from '../src/lib/arguments/coverage';
import type { Content } from '../src/lib/arguments/model';
import type { Problem } from '../src/lib/arguments/problems';
import { parseYaml, positionOf } from '../src/lib/arguments/yaml-positions';
import type { ContentPaths } from '../src/lib/server/content-files';

/** The bundled editions. Never update a hash to make this pass: restore the file. */
export const PINNED_SEEDS: Record<string, string> = {
	'000_1d68c27d99c6f9be.txt': '4655160c602e650f292d7086fbeaef0844ed6aa70d50363df3187db2d4076de1',
	'001_7cb18bdc341b9e85.txt': '3232278f237779c0cafc5ddaeda6763c2e1eda28a2e7550ae4d624f7e0c64364',
	'002_6232c783220797e9.txt': '790587d02112bbce690310e7ef854ac84f7996ced50bc84c13f42fc2f18783ca'
};

/**
 * Coverage each bundled source has reached (from `npm run coverage:content`),
 * and the only sentences allowed to stay uncited: framing, not argument.
 * Raise the figures when the maps cite more.
 */
export const PINNED_COVERAGE = [
	{ source: 'boric-thread', sentences: 24, chars: 2463, framing: [] as RegExp[] },
	{
		source: 'kast-election-report',
		sentences: 22,
		chars: 3087,
		framing: [
			/^Reference News Network, December 17 report:/,
			/^The author is Michael Stout\.$/,
			/^The following is a translated summary:$/,
			/^\(Translated by Wang Diqing\)$/,
			/^Original source:/,
			/^Statement:/
		]
	},
	{ source: 'technocrats-essay', sentences: 15, chars: 2856, framing: [] as RegExp[] }
];

export const SUMMARY_MIN = 100;

export interface Policy {
	errors: Problem[];
	warnings: Problem[];
}

export function checkPolicy(
	content: Content,
	paths: ContentPaths,
	{ warn = true }: { warn?: boolean } = {}
): Policy {
	const rel = (file: string) => relative(paths.root, file) || file;
	return {
		errors: checkSeeds(paths, rel),
		warnings: warn
			? [...checkMaps(content, paths), ...checkCoverage(content, rel(paths.seedsDir))]
			: []
	};
}

function checkSeeds(paths: ContentPaths, rel: (f: string) => string): Problem[] {
	const errors: Problem[] = [];
	for (const [name, sha256] of Object.entries(PINNED_SEEDS)) {
		const file = join(paths.seedsDir, name);
		let actual: string | undefined;
		try {
			actual = createHash('sha256').update(readFileSync(file)).digest('hex');
		} catch {
			actual = undefined;
		}
		if (actual === sha256) continue;
		errors.push({
			file: rel(file),
			line: 1,
			col: 1,
			message: actual
				? 'this edition was changed: its SHA-256 is not the pinned one'
				: 'this edition is missing',
			hint: 'source texts are kept byte for byte as published: restore it with `git checkout -- seeds/`'
		});
	}
	return errors;
}

function checkMaps(content: Content, paths: ContentPaths): Problem[] {
	const warnings: Problem[] = [];
	for (const map of content.maps.values()) {
		const parsed = parseYaml(map.file, readFileSync(join(paths.root, map.file), 'utf8'));
		const at = (key: string) => ({ file: map.file, ...positionOf(parsed, [key], 'key') });
		if (map.summary.length <= SUMMARY_MIN)
			warnings.push({
				...at('summary'),
				message: `summary has ${map.summary.length} characters; a summary needs more than ${SUMMARY_MIN}`,
				hint: 'say in a few sentences what the map covers and how a class might use it'
			});
		const questions = map.discussion.length;
		if (questions < 2 || questions > 3)
			warnings.push({
				...at(questions ? 'discussion' : 'question'),
				message: `the map has ${questions} discussion question${questions === 1 ? '' : 's'}`,
				hint: 'add `discussion:` with two or three questions for the class'
			});
		// The editors' own counterpoints (no reference) stay rare; context from
		// the public record (editorial with references) may give a side the voice
		// no source gives it, but the sources still carry most of the map.
		const editorial = map.nodes.filter((n) => n.editorial !== undefined);
		const unreferenced = editorial.filter((n) => n.references.length === 0);
		const allowed = Math.max(1, Math.floor(map.nodes.length / 8));
		const allowedWithRecord = Math.max(1, Math.floor(map.nodes.length / 3));
		if (unreferenced.length > allowed)
			warnings.push({
				file: map.file,
				line: unreferenced[allowed]!.line,
				col: 1,
				message: `${unreferenced.length} of ${map.nodes.length} nodes are editorial without references, more than ${allowed}`,
				hint: 'cite the sources for these claims, give the public record they rest on under `references:`, or leave out the ones nothing supports'
			});
		else if (editorial.length > allowedWithRecord)
			warnings.push({
				file: map.file,
				line: editorial[allowedWithRecord]!.line,
				col: 1,
				message: `${editorial.length} of ${map.nodes.length} nodes are editorial, more than ${allowedWithRecord}`,
				hint: 'a map is built from its sources: cite them, or move context into notes and the timeline'
			});
	}
	return warnings;
}

function checkCoverage(content: Content, seedsDir: string): Problem[] {
	const warnings: Problem[] = [];
	for (const pin of PINNED_COVERAGE) {
		const source = content.sources.get(pin.source);
		if (!source) continue;
		const coverage = sourceCoverage(source, content.citations.get(source.id) ?? []);
		const file = `${seedsDir}/${source.file}`;
		const fell =
			coverage.sentencesCited < pin.sentences
				? `${coverage.sentencesCited} sentences cited, fewer than the pinned ${pin.sentences}`
				: coverage.charsCited < pin.chars
					? `${coverage.charsCited} characters cited, fewer than the pinned ${pin.chars}`
					: undefined;
		if (fell)
			warnings.push({
				file,
				line: 1,
				col: 1,
				message: `coverage of "${source.id}" fell: ${fell}`,
				hint: 'cite the sentences listed by `npm run coverage:content`, or lower the pin in scripts/content-policy.ts if the cut is deliberate'
			});
		for (const s of coverage.uncited) {
			if (pin.framing.some((pattern) => pattern.test(s.text))) continue;
			warnings.push({
				file,
				...lineColAt(source.text, s.start),
				message: `no map cites this sentence: ${JSON.stringify(s.text.length > 60 ? `${s.text.slice(0, 57)}...` : s.text)}`,
				hint: 'cite it from a node, or add it to the framing of this source in scripts/content-policy.ts'
			});
		}
	}
	return warnings;
}
