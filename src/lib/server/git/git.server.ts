/**
 * The git command, for content history: commit what the store wrote, push it,
 * and read a file's versions back. The git command rather than a library:
 * every machine that holds a clone has it, it shares the user's own config
 * (hooks, signing, credentials for a remote), and `pull --rebase` is real git
 * rather than a reimplementation.
 *
 * Relative imports only: command-line tools use it without SvelteKit.
 */
import { execFile, spawn } from 'node:child_process';

export interface Person {
	name: string;
	/** May be empty: contributors give a name, never an address. */
	email?: string;
}

export class GitError extends Error {
	constructor(
		readonly args: string[],
		readonly stderr: string
	) {
		super(`git ${args[0]}: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
		this.name = 'GitError';
	}
}

/** Run git in `cwd`; resolves with stdout, rejects with a GitError carrying stderr. */
export function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			'git',
			args,
			{ cwd, env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 256 << 20 },
			(err, stdout, stderr) =>
				err ? reject(new GitError(args, stderr || err.message)) : resolve(stdout)
		);
	});
}

/** The top of the git work tree holding `dir`, or null when it is not in one (or git is missing). */
export async function repoRoot(dir: string): Promise<string | null> {
	try {
		return (await git(dir, ['rev-parse', '--show-toplevel'])).trim() || null;
	} catch {
		return null;
	}
}

const person = (p: Person) =>
	`${p.name.replace(/[<>\n]/g, '')} <${(p.email ?? '').replace(/[<>\n]/g, '')}>`;

/** Another process (or the user) holds the index: wait for it rather than fail. */
const isLockBusy = (e: unknown) =>
	e instanceof GitError && /index\.lock|cannot lock ref/i.test(e.stderr);

async function retryBusy<T>(work: () => Promise<T>, tries = 50): Promise<T> {
	for (let i = 1; ; i++) {
		try {
			return await work();
		} catch (e) {
			if (!isLockBusy(e) || i >= tries) throw e;
			await new Promise((r) => setTimeout(r, 20 * i));
		}
	}
}

export interface CommitRequest {
	root: string;
	/** Paths relative to `root`, as git names them. */
	files: string[];
	message: string;
	author: Person;
	committer: Person;
}

/**
 * Commit exactly `files` as they are on disk, whatever else the user has
 * staged or changed (`--only`). Resolves with the new commit, or null when
 * the files were already committed as they are.
 */
export async function commitFiles(req: CommitRequest): Promise<string | null> {
	const { root, files } = req;
	return retryBusy(async () => {
		await git(root, ['add', '--', ...files]);
		const changed = await git(root, [
			'diff',
			'--cached',
			'--name-only',
			'HEAD',
			'--',
			...files
		]).catch(
			// A repository without commits yet: everything is new.
			() => files.join('\n')
		);
		if (!changed.trim()) return null;
		await git(
			root,
			[
				'commit',
				'--quiet',
				'--no-verify',
				'--only',
				`--author=${person(req.author)}`,
				'-m',
				req.message,
				'--',
				...files
			],
			{
				GIT_COMMITTER_NAME: req.committer.name,
				GIT_COMMITTER_EMAIL: req.committer.email ?? ''
			}
		);
		return (await git(root, ['rev-parse', 'HEAD'])).trim();
	});
}

/**
 * Push the current branch to `remote`. A push refused because the remote
 * moved on (another server committed first) is rebased on it and tried
 * again; a rebase that conflicts is undone and reported.
 */
export async function pushWithRebase(
	root: string,
	remote: string,
	committer: Person,
	tries = 5
): Promise<void> {
	// Rebasing writes commits again: as the app, whatever the machine's git config says.
	const as = { GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email ?? '' };
	const branch = (await git(root, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim();
	for (let i = 1; ; i++) {
		try {
			await git(root, ['push', '--quiet', remote, `HEAD:refs/heads/${branch}`]);
			return;
		} catch (e) {
			if (
				i >= tries ||
				!(e instanceof GitError) ||
				!/rejected|fetch first|non-fast-forward/i.test(e.stderr)
			)
				throw e;
		}
		try {
			await retryBusy(() =>
				git(root, ['pull', '--quiet', '--rebase', '--no-edit', remote, branch], as)
			);
		} catch (e) {
			await git(root, ['rebase', '--abort']).catch(() => {});
			throw e;
		}
	}
}

export interface Commit {
	commit: string;
	date: string;
	author: string;
	committer: string;
	message: string;
}

/** The commits that changed `path`, newest first (at most `limit`). */
export async function fileCommits(root: string, path: string, limit = 500): Promise<Commit[]> {
	const out = await git(root, [
		'log',
		`--max-count=${limit}`,
		'--format=%H%x1f%aI%x1f%an%x1f%cn%x1f%s%x1e',
		'--',
		path
	]).catch(() => '');
	return out
		.split('\x1e')
		.map((r) => r.trim())
		.filter(Boolean)
		.map((r) => {
			const [commit = '', date = '', author = '', committer = '', message = ''] = r.split('\x1f');
			return { commit, date, author, committer, message };
		});
}

/**
 * The text of `path` at each of `commits`, read in one `git cat-file --batch`
 * rather than a process per version. Missing versions come back undefined.
 */
export function fileAt(
	root: string,
	path: string,
	commits: string[]
): Promise<(string | undefined)[]> {
	return new Promise((resolve, reject) => {
		const child = spawn('git', ['cat-file', '--batch'], {
			cwd: root,
			stdio: ['pipe', 'pipe', 'pipe']
		});
		const chunks: Buffer[] = [];
		child.stdout.on('data', (c: Buffer) => chunks.push(c));
		child.on('error', reject);
		child.on('close', () => {
			const all = Buffer.concat(chunks);
			const texts: (string | undefined)[] = [];
			let at = 0;
			for (let i = 0; i < commits.length; i++) {
				const end = all.indexOf(10, at);
				if (end < 0) break;
				const header = all.subarray(at, end).toString();
				at = end + 1;
				if (header.endsWith(' missing')) {
					texts.push(undefined);
					continue;
				}
				const size = Number(header.split(' ')[2]);
				texts.push(all.subarray(at, at + size).toString('utf8'));
				at += size + 1;
			}
			resolve(texts);
		});
		child.stdin.end(commits.map((c) => `${c}:${path}\n`).join(''));
	});
}
