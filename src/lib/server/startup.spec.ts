import { afterEach, describe, expect, it } from 'vitest';
import { startupProblems } from './startup';

const saved = { ...process.env };
afterEach(() => {
	process.env = { ...saved };
});

describe('startupProblems()', () => {
	it('refuses a one-character editor secret, saying how to choose one', () => {
		process.env.ATLAS_EDITOR_SECRET = 'x';
		expect(startupProblems()).toEqual([
			expect.stringMatching(/^ATLAS_EDITOR_SECRET is too weak to guard editing \(1 character; /)
		]);
	});

	it('has nothing to say with a strong secret or none', () => {
		process.env.ATLAS_EDITOR_SECRET = 'correct horse battery staple';
		expect(startupProblems()).toEqual([]);
		delete process.env.ATLAS_EDITOR_SECRET;
		expect(startupProblems()).toEqual([]);
	});
});
