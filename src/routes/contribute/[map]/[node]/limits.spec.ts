import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const fixtures = 'tests/fixtures/e2e';
const MAP = 'e2e-school-day';
const root = mkdtempSync(join(tmpdir(), 'atlas-contribute-'));
mkdirSync(join(root, 'content', 'arguments'), { recursive: true });
mkdirSync(join(root, 'seeds'));
cpSync(
	join(fixtures, 'arguments', `${MAP}.yaml`),
	join(root, 'content', 'arguments', `${MAP}.yaml`)
);
cpSync(join(fixtures, 'seeds', `${MAP}.txt`), join(root, 'seeds', `${MAP}.txt`));
const entries = readFileSync(join(fixtures, 'seeds', 'sources.yaml'), 'utf8');
const start = entries.indexOf(`- id: ${MAP}`);
writeFileSync(
	join(root, 'seeds', 'sources.yaml'),
	entries.slice(start, entries.indexOf('- id:', start + 1))
);
process.env.ATLAS_ROOT = root;
process.env.ATLAS_GIT = 'off';
process.env.ATLAS_LIMIT_PROPOSALS_PER_ADDRESS = '2/10m';

const { actions } = await import('./+page.server');

function post(address: string, claim: string) {
	const body = new URLSearchParams({ relation: 'rebuts', claim });
	const headers = new Map<string, string>();
	return actions
		.default({
			request: new Request(`http://localhost/contribute/${MAP}/later-start`, {
				method: 'POST',
				body
			}),
			params: { map: MAP, node: 'later-start' },
			getClientAddress: () => address,
			setHeaders: (h: Record<string, string>) =>
				Object.entries(h).forEach(([k, v]) => headers.set(k, v))
		} as never)
		.then(
			(r) => ({ result: r as unknown, headers }),
			(e) => ({ result: e as unknown, headers })
		);
}

describe('the contribute form under the per-address limit', () => {
	it('refuses a proposal past the limit with 429, Retry-After and words on the form, writing nothing', async () => {
		const file = join(root, 'content', 'arguments', `${MAP}.yaml`);
		for (const claim of ['First objection', 'Second objection'])
			expect((await post('203.0.113.7', claim)).result).toMatchObject({ status: 303 });
		const before = readFileSync(file);
		const { result, headers } = await post('203.0.113.7', 'Third objection');
		expect(result).toMatchObject({
			status: 429,
			data: {
				values: { claim: 'Third objection' },
				errors: {
					form: expect.stringMatching(
						/^Too many proposals from your network .*: try again in 5 minutes\.$/
					)
				}
			}
		});
		expect(headers.get('retry-after')).toBe('300');
		expect(readFileSync(file).equals(before)).toBe(true);
		expect((await post('198.51.100.1', 'Another address')).result).toMatchObject({ status: 303 });
	});
});
