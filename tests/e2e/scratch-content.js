// A scratch copy of the bundled content plus the fixture maps of
// tests/fixtures/e2e/, so tests that contribute or review never change the real
// files, and tests count the fixtures, never the curated maps.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fixtures = 'tests/fixtures/e2e';

/** Make the scratch content folder (a git repository, like the project's checkout) and return its path. */
export function scratchContent() {
	const root = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
	cpSync('content', join(root, 'content'), { recursive: true });
	cpSync('seeds', join(root, 'seeds'), { recursive: true });
	cpSync(join(fixtures, 'arguments'), join(root, 'content', 'arguments'), { recursive: true });
	for (const name of readdirSync(join(fixtures, 'seeds')).filter((n) => n.endsWith('.txt')))
		cpSync(join(fixtures, 'seeds', name), join(root, 'seeds', name));
	appendFileSync(
		join(root, 'seeds', 'sources.yaml'),
		'\n' + readFileSync(join(fixtures, 'seeds', 'sources.yaml'), 'utf8')
	);
	// The fixtures' context: their own timelines, and their terms added to the glossary.
	cpSync(join(fixtures, 'context', 'timelines'), join(root, 'content', 'context', 'timelines'), {
		recursive: true
	});
	appendFileSync(
		join(root, 'content', 'context', 'glossary.yaml'),
		'\n' + readFileSync(join(fixtures, 'context', 'glossary.yaml'), 'utf8')
	);
	// Every change the app writes is committed, and the history pages read it back.
	const git = (/** @type {string[]} */ ...args) =>
		execFileSync('git', args, { cwd: root, stdio: 'ignore' });
	git('init', '--quiet', '--initial-branch=main');
	git('add', '-A');
	git(
		'-c',
		'user.name=Curator',
		'-c',
		'user.email=',
		'commit',
		'--quiet',
		'-m',
		'The bundled content'
	);
	return root;
}
