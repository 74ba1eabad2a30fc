import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { commitFiles, fileAt, fileCommits, git, pushWithRebase, repoRoot } from './git.server';
import { changesBetween, mapHistory } from './history.server';
import { APP, batchCommit, gitCommitter } from './commit-writes.server';

// Each test spawns dozens of git processes: on a busy 2-core machine that takes seconds.
vi.setConfig({ testTimeout: 30_000 });

const run = (cwd: string, ...args: string[]) =>
	execFileSync('git', args, { cwd, encoding: 'utf8' });

function repo(): string {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-git-'));
	run(dir, 'init', '--quiet', '--initial-branch=main');
	run(dir, 'config', 'user.name', 'Maintainer');
	run(dir, 'config', 'user.email', 'maintainer@example.org');
	mkdirSync(join(dir, 'content', 'arguments'), { recursive: true });
	return dir;
}

const MAP = (claim: string, extra = '') => `id: m
thesis:
  id: t
  claim: ${claim}
  editorial: x
${extra}`;

const editor = { name: 'Ms Rojas' };
const app = { name: 'Argument Atlas' };

describe('commitFiles(request)', () => {
	it('commits only the named file, with the contributor as author and the editor as committer', async () => {
		const dir = repo();
		writeFileSync(join(dir, 'content/arguments/m.yaml'), MAP('One.'));
		writeFileSync(join(dir, 'unrelated.txt'), 'a teacher’s own work in progress');
		run(dir, 'add', 'unrelated.txt');
		const sha = await commitFiles({
			root: dir,
			files: ['content/arguments/m.yaml'],
			message: 'Map m: propose t',
			author: { name: 'Ana (student)' },
			committer: editor
		});
		expect(sha).toMatch(/^[0-9a-f]{40}$/);
		expect(run(dir, 'log', '--format=%an|%ae|%cn|%s').trim()).toBe(
			'Ana (student)||Ms Rojas|Map m: propose t'
		);
		expect(run(dir, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe(
			'content/arguments/m.yaml'
		);
		// What the teacher had staged stays staged, uncommitted.
		expect(run(dir, 'status', '--porcelain').trim()).toBe('A  unrelated.txt');
	});

	it('makes no empty commit when the file is already committed as it is', async () => {
		const dir = repo();
		writeFileSync(join(dir, 'content/arguments/m.yaml'), MAP('One.'));
		const req = {
			root: dir,
			files: ['content/arguments/m.yaml'],
			message: 'm',
			author: app,
			committer: app
		};
		expect(await commitFiles(req)).not.toBeNull();
		expect(await commitFiles(req)).toBeNull();
		expect(run(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
	});

	it('refuses a name that would forge another identity', async () => {
		const dir = repo();
		writeFileSync(join(dir, 'content/arguments/m.yaml'), MAP('One.'));
		await commitFiles({
			root: dir,
			files: ['content/arguments/m.yaml'],
			message: 'm',
			author: { name: 'Eve <eve@evil>\nX' },
			committer: app
		});
		expect(run(dir, 'log', '--format=%an|%ae').trim()).toBe('Eve eve@evilX|');
	});
});

describe('repoRoot(dir)', () => {
	it('finds the work tree above a folder, and null outside any repository', async () => {
		const dir = repo();
		expect(await repoRoot(join(dir, 'content'))).toBe(dir);
		expect(await repoRoot(mkdtempSync(join(tmpdir(), 'atlas-nogit-')))).toBeNull();
	});
});

describe('fileCommits and fileAt', () => {
	it('read every version of a file back in one batch', async () => {
		const dir = repo();
		const file = 'content/arguments/m.yaml';
		for (const claim of ['One.', 'Two.', 'Three.']) {
			writeFileSync(join(dir, file), MAP(claim));
			await commitFiles({ root: dir, files: [file], message: claim, author: app, committer: app });
		}
		const commits = await fileCommits(dir, file);
		expect(commits.map((c) => c.message)).toEqual(['Three.', 'Two.', 'One.']);
		const texts = await fileAt(dir, file, [...commits.map((c) => c.commit), 'f'.repeat(40)]);
		expect(texts.map((t) => t?.match(/claim: (\S+)/)?.[1])).toEqual([
			'Three.',
			'Two.',
			'One.',
			undefined
		]);
	});
});

describe('mapHistory(root, file)', () => {
	it('tells who proposed a node, who accepted it, and what changed since, per version', async () => {
		const dir = repo();
		const file = 'content/arguments/m.yaml';
		const commit = (
			text: string,
			author: { name: string },
			committer: { name: string },
			message: string
		) => {
			writeFileSync(join(dir, file), text);
			return commitFiles({ root: dir, files: [file], message, author, committer });
		};
		const first = await commit(
			MAP('One.'),
			{ name: 'Maintainer' },
			{ name: 'Maintainer' },
			'start'
		);
		const child = (status: string, claim = 'A reason.') =>
			`  supports:\n    - id: r\n      claim: ${claim}\n${status}      contributor: Ana\n      editorial: x\n`;
		await commit(MAP('One.', child('      status: proposed\n')), { name: 'Ana' }, app, 'propose r');
		await commit(MAP('One.', child('')), { name: 'Ana' }, editor, 'accept r');
		const last = await commit(
			MAP('One, reworded.', child('', 'A better reason.')),
			editor,
			editor,
			'edit'
		);

		const history = (await mapHistory(dir, join(dir, file)))!;
		expect(history.versions.map((v) => v.message)).toEqual([
			'start',
			'propose r',
			'accept r',
			'edit'
		]);
		expect(history.versions[2]!.changes).toEqual(['Accepted “A reason.”.']);
		expect(
			history.nodes
				.get('r')!
				.map((e) => `${e.change.kind} by ${e.author}, put in by ${e.committer}`)
		).toEqual([
			'added by Ana, put in by Argument Atlas',
			'accepted by Ana, put in by Ms Rojas',
			'reworded by Ms Rojas, put in by Ms Rojas'
		]);
		expect(changesBetween(history, first!, last!)).toEqual([
			'Reworded “One.” as “One, reworded.”.',
			'Added “A better reason.” as a support of “One, reworded.”.'
		]);
	});

	it('sees a new commit at once (HEAD moved), and gives null outside git', async () => {
		const dir = repo();
		const file = 'content/arguments/m.yaml';
		writeFileSync(join(dir, file), MAP('One.'));
		await commitFiles({ root: dir, files: [file], message: 'a', author: app, committer: app });
		expect((await mapHistory(dir, join(dir, file)))!.versions).toHaveLength(1);
		writeFileSync(join(dir, file), MAP('Two.'));
		run(dir, 'commit', '--quiet', '-am', 'by hand');
		await expect
			.poll(async () => (await mapHistory(dir, join(dir, file)))!.versions.length, {
				timeout: 10_000
			})
			.toBe(2);
		const outside = mkdtempSync(join(tmpdir(), 'atlas-nogit-'));
		expect(await mapHistory(outside, join(outside, 'm.yaml'))).toBeNull();
	});
});

describe('pushWithRebase(root, remote)', () => {
	it('rebases onto what another server pushed first, and pushes both commits', async () => {
		const remote = mkdtempSync(join(tmpdir(), 'atlas-remote-'));
		run(remote, 'init', '--quiet', '--bare', '--initial-branch=main');
		const a = repo();
		writeFileSync(join(a, 'content/arguments/m.yaml'), MAP('One.'));
		writeFileSync(join(a, 'content/arguments/n.yaml'), MAP('Other.'));
		run(a, 'add', '.');
		run(a, 'commit', '--quiet', '-m', 'start');
		run(a, 'remote', 'add', 'origin', remote);
		run(a, 'push', '--quiet', 'origin', 'main');
		const b = mkdtempSync(join(tmpdir(), 'atlas-clone-'));
		run(b, 'clone', '--quiet', remote, '.');
		run(b, 'config', 'user.name', 'B');
		run(b, 'config', 'user.email', 'b@example.org');

		writeFileSync(join(b, 'content/arguments/n.yaml'), MAP('Other, from server B.'));
		await commitFiles({
			root: b,
			files: ['content/arguments/n.yaml'],
			message: 'b',
			author: app,
			committer: app
		});
		await pushWithRebase(b, 'origin', app);
		writeFileSync(join(a, 'content/arguments/m.yaml'), MAP('One, from server A.'));
		await commitFiles({
			root: a,
			files: ['content/arguments/m.yaml'],
			message: 'a',
			author: app,
			committer: app
		});
		await pushWithRebase(a, 'origin', app);

		expect(run(remote, 'log', '--format=%s', 'main').trim().split('\n')).toEqual([
			'a',
			'b',
			'start'
		]);
		expect(await git(a, ['status', '--porcelain'])).toBe('');
	});
});

describe('gitCommitter(root).record(change)', () => {
	it('commits a proposal as its contributor and an acceptance as the editor, naming map and node', async () => {
		const dir = repo();
		const file = join(dir, 'content/arguments/m.yaml');
		writeFileSync(file, MAP('One.'));
		const committer = gitCommitter(dir);
		await committer.record({
			files: [file],
			kind: 'propose',
			map: 'm',
			nodeIds: ['r'],
			author: 'Ana'
		});
		writeFileSync(file, MAP('One, accepted.'));
		await committer.record({
			files: [file],
			kind: 'accept',
			map: 'm',
			nodeIds: ['r'],
			author: 'Ana',
			editor: 'Ms Rojas'
		});
		expect(run(dir, 'log', '--format=%an|%cn|%s').trim().split('\n')).toEqual([
			'Ana|Ms Rojas|m: accept r (proposed by Ana)',
			'Ana|Argument Atlas|m: propose r (proposed by Ana)'
		]);
	});

	it('gathers changes announced together into one commit, and later ones into the next', async () => {
		const dir = repo();
		const file = join(dir, 'content/arguments/m.yaml');
		writeFileSync(file, MAP('One.'));
		const committer = gitCommitter(dir);
		// As the store announces a batch: one change after another, each a few promise turns apart.
		const announce = async (ids: string[]) => {
			const recorded: Promise<void>[] = [];
			for (const id of ids) {
				recorded.push(
					committer.record({
						files: [file],
						kind: 'propose',
						map: 'm',
						nodeIds: [id],
						author: id.toUpperCase()
					})
				);
				for (let turn = 0; turn < 5; turn++) await Promise.resolve();
			}
			await Promise.all(recorded);
		};
		await announce(['a', 'b', 'c']);
		writeFileSync(file, MAP('Two.'));
		await announce(['d', 'e']);
		expect(run(dir, 'log', '--format=%an|%cn|%s').trim().split('\n')).toEqual([
			'D|Argument Atlas|m: 2 changes (propose)',
			'A|Argument Atlas|m: 3 changes (propose)'
		]);
	});

	it('does nothing outside git or when turned off, and logs rather than throws when git fails', async () => {
		const outside = mkdtempSync(join(tmpdir(), 'atlas-nogit-'));
		await gitCommitter(outside).record({ files: [join(outside, 'x')], kind: 'edit' });
		const dir = repo();
		writeFileSync(join(dir, 'content/arguments/m.yaml'), MAP('One.'));
		await gitCommitter(dir, { enabled: false }).record({
			files: [join(dir, 'content/arguments/m.yaml')],
			kind: 'edit'
		});
		expect(run(dir, 'rev-list', '--all', '--count').trim()).toBe('0');
		const logged: string[] = [];
		await gitCommitter(dir, {}, (m) => logged.push(m)).record({
			files: [join(dir, 'no-such-file')],
			kind: 'edit',
			map: 'm'
		});
		expect(logged).toEqual([
			expect.stringMatching(/^git: could not record "m: edit": git add: .*no-such-file/)
		]);
	});
});

describe('batchCommit(changes)', () => {
	it('names every node and contributor of a batch written at once, in one commit', () => {
		const batch = batchCommit([
			{ files: ['/c/m.yaml'], kind: 'propose', map: 'm', nodeIds: ['a'], author: 'Ana' },
			{ files: ['/c/m.yaml'], kind: 'propose', map: 'm', nodeIds: ['b'], author: 'Ben' },
			{ files: ['/c/m.yaml'], kind: 'propose', map: 'm', nodeIds: ['c'], author: 'Ana' }
		]);
		expect(batch.files).toEqual(['/c/m.yaml']);
		expect(batch.author).toEqual({ name: 'Ana' });
		expect(batch.committer).toEqual(APP);
		expect(batch.message).toBe(
			[
				'm: 3 changes (propose)',
				'',
				'- m: propose a (proposed by Ana)',
				'- m: propose b (proposed by Ben)',
				'- m: propose c (proposed by Ana)',
				'',
				'Co-authored-by: Ben <>'
			].join('\n')
		);
	});
});
