import { resolve } from 'node:path';

/** Why a file could not be read or written, in a few words for the command line. */
export function fileProblem(error: unknown): string {
	const code = (error as NodeJS.ErrnoException)?.code;
	switch (code) {
		case 'ENOENT':
			return 'no such file or folder — check the path';
		case 'EISDIR':
			return 'it is a folder, not a file — name a file';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'ENOTDIR':
			return 'a part of the path is a file, not a folder';
		default:
			return (error as Error)?.message ?? String(error);
	}
}

/** A path the user typed, from where they typed it: `npm run` moves into the project's folder first. */
export function fromHere(path: string): string {
	return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
