import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let root: string;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'atlas-new-source-'));
	mkdirSync(join(root, 'content', 'arguments'), { recursive: true });
	mkdirSync(join(root, 'seeds'));
	writeFileSync(join(root, 'seeds', '000_first.txt'), 'First.\n');
	writeFileSync(
		join(root, 'seeds', 'sources.yaml'),
		'- id: first\n  file: 000_first.txt\n  title: First\n  kind: note\n  date: 2024\n  language: en\n  description: The first.\n'
	);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** `npm run new:source -- …args` on the scratch root: exit code and what it printed. */
async function newSource(...args: string[]) {
	try {
		const { stdout, stderr } = await run('npx', ['tsx', 'scripts/new-source.ts', ...args], {
			env: { ...process.env, ATLAS_ROOT: root }
		});
		return { code: 0, out: stdout + stderr };
	} catch (e) {
		const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
		return { code, out: stdout + stderr };
	}
}

const meta = ['--title', 'Café', '--kind', 'note', '--date', '2024-02-29', '--language', 'fr'];
const described = [...meta, '--description', 'A note.'];

describe('npm run new:source', () => {
	it('refuses an unknown option in a line and the usage, not a stack trace', async () => {
		const { code, out } = await newSource('--id', 'x', '--file', 'x.txt', '--titel', 'a');
		expect(code).toBe(1);
		expect(out).toMatch(/^Unknown option '--titel'/);
		expect(out).toMatch(/usage: npm run new:source/);
		expect(out).not.toMatch(/\n\s+at /);
	}, 30_000);

	it('refuses a file that is not UTF-8, naming file, line, column and byte, and writes nothing', async () => {
		const file = join(root, 'latin1.txt');
		writeFileSync(file, Buffer.from('Line one.\ncaf\xe9 au lait\n', 'latin1'));
		const { code, out } = await newSource('--id', 'cafe', '--file', file, ...described);
		expect(code).toBe(1);
		expect(out).toContain(`${file}:2:4: not UTF-8 (byte 0xE9 at offset 13;`);
		expect(readdirSync(join(root, 'seeds')).sort()).toEqual(['000_first.txt', 'sources.yaml']);
	}, 30_000);

	it('refuses an impossible date beside its option', async () => {
		const file = join(root, 'note.txt');
		writeFileSync(file, 'A note.\n');
		const { code, out } = await newSource(
			'--id',
			'cafe',
			'--file',
			file,
			...described.map((a) => (a === '2024-02-29' ? '2024-13-45' : a))
		);
		expect(code).toBe(1);
		expect(out).toMatch(/--date: Date 2024-13-45 has no month 13: give a real date\./);
	}, 30_000);

	it('copies a UTF-8 text byte for byte, a BOM and CRLF included', async () => {
		const file = join(root, 'note.txt');
		const bytes = Buffer.from('\ufeffCafé.\r\nAu lait.\r\n', 'utf8');
		writeFileSync(file, bytes);
		const { code, out } = await newSource('--id', 'cafe', '--file', file, ...described);
		expect(out).toMatch(/added seeds\//);
		expect(code).toBe(0);
		const added = readdirSync(join(root, 'seeds')).find((n) => n.endsWith('cafe.txt'))!;
		expect(readFileSync(join(root, 'seeds', added)).equals(bytes)).toBe(true);
	}, 30_000);
});
