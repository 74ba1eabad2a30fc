import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchRoot } from '../tests/fixtures/content-helpers';

/** A scratch copy of the fixture content root, with one map rewritten by `edit`. */
function brokenRoot(edit: (yaml: string) => string) {
	const { root } = scratchRoot('atlas-check');
	const file = join(root, 'content', 'arguments', 'boric-election-thread.yaml');
	writeFileSync(file, edit(readFileSync(file, 'utf8')));
	return root;
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
	const r = spawnSync(command, args, {
		encoding: 'utf8',
		env: { ...process.env, VITEST: '', ...env },
		timeout: 60_000
	});
	// npm may warn about this machine's own config; that is not ours to test.
	const stderr = r.stderr
		.split('\n')
		.filter((line) => !line.startsWith('npm warn'))
		.join('\n');
	return { status: r.status, stdout: r.stdout, stderr };
}

const FILE = 'content/arguments/boric-election-thread.yaml';

describe('npm run check:content', { timeout: 60_000 }, () => {
	it('passes on valid content and says what it checked', () => {
		const r = run('npx', ['tsx', 'scripts/check-content.ts', brokenRoot((yaml) => yaml)]);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/content ok: \d+ maps, \d+ nodes, 3 sources/);
		// the balance of each map, side by side
		expect(r.stdout).toMatch(/^ {2}technocrats-essay: for \d+ \(.*\) · against \d+ \(/m);
	});

	it('stops at a broken indentation with one line naming it, however much else is wrong', () => {
		const root = brokenRoot((yaml) =>
			yaml
				.replace('quote: But he has a huge mandate.', 'quote: But he has a huge mandat.')
				.replace('id: hands-off', 'id: important-battle')
				.replace(
					/\n(\s+)claim: The third commenter agrees/,
					'\n$1 claim: The third commenter agrees'
				)
		);
		const r = run('npx', ['tsx', 'scripts/check-content.ts', root]);
		expect(r.status).toBe(1);
		expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
		const lines = r.stderr.trim().split('\n');
		// A broken indentation stops the file's parse: one YAML problem, naming its line.
		expect(lines).toEqual([
			expect.stringMatching(new RegExp(`^${FILE}:\\d+:\\d+: YAML: .* — check the indentation`)),
			'1 problem in content'
		]);
	});

	it('reports every broken quote and duplicate id in one run', () => {
		const root = brokenRoot((yaml) =>
			yaml
				.replace('quote: But he has a huge mandate.', 'quote: But he has a huge mandat.')
				.replace('id: hands-off', 'id: important-battle')
		);
		const r = run('npx', ['tsx', 'scripts/check-content.ts', root]);
		expect(r.status).toBe(1);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toHaveLength(4);
		expect(lines).toContainEqual(
			expect.stringMatching(
				new RegExp(
					`^${FILE}:\\d+:\\d+: quote not found in source "boric-thread": "But he has a huge mandat\\.`
				)
			)
		);
		expect(lines).toContainEqual(
			expect.stringMatching(
				new RegExp(
					`^${FILE}:\\d+:\\d+: duplicate node id "important-battle", first used on line \\d+`
				)
			)
		);
		// Renaming a node also breaks the reveal order that named it.
		expect(lines).toContainEqual(
			expect.stringMatching(
				new RegExp(`^${FILE}:\\d+:\\d+: reveal_order names unknown node "hands-off"`)
			)
		);
		expect(lines.at(-1)).toBe('3 problems in content');
	});
});

describe('npm run check:content on editorial policy', { timeout: 60_000 }, () => {
	it('warns about a short summary and a missing discussion, with their lines, and still passes', () => {
		// The warnings the fixture content has anyway (say, after a coverage pin was raised).
		const before = /, (\d+) warnings?/.exec(
			run('npx', ['tsx', 'scripts/check-content.ts', brokenRoot((yaml) => yaml)]).stdout
		);
		const baseline = Number(before?.[1] ?? 0);
		const root = brokenRoot((yaml) =>
			yaml
				.replace(/^summary: [>|]-?\n(?: {2}.*\n)+/m, 'summary: Too short.\n')
				.replace(/^discussion:\n(?: {2}- .*\n)+/m, '')
		);
		const r = run('npx', ['tsx', 'scripts/check-content.ts', root]);
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(
			new RegExp(
				`^${FILE}:\\d+:1: summary has 10 characters; a summary needs more than 100 — .* \\(warning\\)$`,
				'm'
			)
		);
		expect(r.stderr).toMatch(
			new RegExp(`^${FILE}:\\d+:1: the map has 0 discussion questions — add \`discussion:\``, 'm')
		);
		expect(r.stdout).toMatch(new RegExp(`content ok: .*, ${baseline + 2} warnings`));
		expect(run('npx', ['tsx', 'scripts/check-content.ts', root, '--strict']).status).toBe(1);
	});

	/** `n` editorial nodes under the thesis, with or without a reference. */
	const editorials = (n: number, referenced: boolean) =>
		Array.from(
			{ length: n },
			(_, i) =>
				`    - id: added-${i}\n      claim: An editors' point ${i}.\n      editorial: No source says this.\n` +
				(referenced
					? `      references:\n        - { title: A public record, publisher: Somebody }\n`
					: '')
		).join('');

	it("warns when the editors' own nodes, without references, pass one in eight", () => {
		// The fixture thread: 24 nodes, 1 of them editorial without references.
		const root = brokenRoot((yaml) =>
			yaml.replace(/^ {2}supports:\n/m, `  supports:\n${editorials(3, false)}`)
		);
		const r = run('npx', ['tsx', 'scripts/check-content.ts', root]);
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(
			new RegExp(
				`^${FILE}:\\d+:1: 4 of 27 nodes are editorial without references, more than 3 — .* \\(warning\\)$`,
				'm'
			)
		);
	});

	it('lets editorial nodes with references give a side its voice, up to one in three', () => {
		const within = brokenRoot((yaml) =>
			yaml.replace(/^ {2}supports:\n/m, `  supports:\n${editorials(3, true)}`)
		);
		expect(run('npx', ['tsx', 'scripts/check-content.ts', within]).stderr).not.toMatch(/editorial/);
		const beyond = brokenRoot((yaml) =>
			yaml.replace(/^ {2}supports:\n/m, `  supports:\n${editorials(12, true)}`)
		);
		expect(run('npx', ['tsx', 'scripts/check-content.ts', beyond]).stderr).toMatch(
			new RegExp(`^${FILE}:\\d+:1: 13 of 36 nodes are editorial, more than 12 — `, 'm')
		);
	});

	it('fails when a seed text differs from its pinned edition', () => {
		const root = brokenRoot((yaml) => yaml);
		const seed = join(root, 'seeds', '001_7cb18bdc341b9e85.txt');
		writeFileSync(seed, readFileSync(seed, 'utf8') + '\n');
		const r = run('npx', ['tsx', 'scripts/check-content.ts', root]);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(
			/^seeds\/001_7cb18bdc341b9e85\.txt:1:1: this edition was changed: its SHA-256 is not the pinned one — .*git checkout/m
		);
	});
});

describe('vite build with broken content', { timeout: 60_000 }, () => {
	it('stops before building, with the same messages', () => {
		const root = brokenRoot((yaml) => yaml.replace('  supports:', '  suports:'));
		const r = run('npx', ['vite', 'build'], { ATLAS_ROOT: root });
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(
			new RegExp(`${FILE}:\\d+:3: unknown key \`suports\` in thesis — did you mean \`supports\`\\?`)
		);
		expect(r.stderr).toMatch(/Content does not validate/);
		expect(r.stdout + r.stderr).not.toMatch(/built in/);
	});
});
