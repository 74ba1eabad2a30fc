import { describe, expect, it } from 'vitest';
import { realSources } from '../../../../tests/fixtures/content-helpers';
import { importAif } from './aif';
import { ImportError } from './draft';

const sources = realSources();

const graph = (nodes: unknown[], edges: unknown[], extra: object = {}) =>
	JSON.stringify({ nodes, edges, ...extra });
const I = (id: string, text = id) => ({ nodeID: id, text, type: 'I' });
const S = (id: string, type: string) => ({ nodeID: id, text: type, type });
const E = (id: string, from: string, to: string) => ({ edgeID: id, fromID: from, toID: to });

function importError(text: string): ImportError {
	try {
		importAif(text, sources);
	} catch (e) {
		if (e instanceof ImportError) return e;
		throw e;
	}
	throw new Error('no error');
}

describe('importAif(text)', () => {
	it('reads RA nodes as supports and CA nodes as rebuttals, in file order', () => {
		const draft = importAif(
			graph(
				[I('t', 'Thesis'), I('a', 'For'), S('ra1', 'RA'), I('b', 'Against'), S('ca1', 'CA')],
				[E('1', 'a', 'ra1'), E('2', 'ra1', 't'), E('3', 'b', 'ca1'), E('4', 'ca1', 't')]
			)
		);
		expect(draft.thesis.claim).toBe('Thesis');
		expect(draft.thesis.supports.map((n) => n.claim)).toEqual(['For']);
		expect(draft.thesis.rebuts.map((n) => n.claim)).toEqual(['Against']);
	});

	it('reads OVA files (the graph under "AIF") with numeric ids', () => {
		const draft = importAif(
			JSON.stringify({
				AIF: {
					nodes: [I('1', 'T'), I('2', 'C'), S('3', 'CA')].map((n) => ({
						...n,
						nodeID: Number(n.nodeID)
					})),
					edges: [E('1', '2', '3'), E('2', '3', '1')]
				}
			})
		);
		expect(draft.thesis.rebuts[0]!.claim).toBe('C');
	});

	it('finds a quote again in its source by its code point offsets, with a prefix where it repeats', () => {
		const text = sources.get('boric-thread')!.text;
		const second = text.lastIndexOf('mandate');
		const draft = importAif(
			graph(
				[I('t', 'T'), { nodeID: 'l', text: 'mandate', type: 'L' }, S('ya', 'YA')],
				[E('1', 'l', 'ya'), E('2', 'ya', 't')],
				{ locutions: [{ nodeID: 'l', source: 'boric-thread', start: second, end: second + 7 }] }
			),
			sources
		);
		const cite = draft.thesis.cites![0]!;
		expect(cite.quote).toBe('mandate');
		expect(cite.prefix ?? cite.suffix).toBeTruthy();
	});

	it.each([
		[
			'a dangling edge',
			graph([I('t'), I('a'), S('ra', 'RA')], [E('1', 'a', 'ra'), E('2', 'ra', 'x')]),
			'edges[1].toID',
			/edge "2" toID "x" names no node/
		],
		[
			'an I-node joined to an I-node',
			graph([I('t'), I('a')], [E('1', 'a', 't')]),
			'edges[0]',
			/directly to I-node/
		],
		[
			'an RA node with no conclusion',
			graph([I('t'), I('a'), S('ra', 'RA')], [E('1', 'a', 'ra')]),
			'nodes[2]',
			/RA-node "ra" needs an edge into it and one out of it/
		],
		[
			'a node type AIF does not have',
			graph([{ nodeID: 't', text: 'T', type: 'X' }], []),
			'nodes[0].type',
			/Invalid option/
		],
		['a duplicate node id', graph([I('t'), I('t')], []), 'nodes[1].nodeID', /defined twice/],
		['two theses', graph([I('t'), I('u')], []), 'node "u"', /2 claims stand alone/],
		[
			'a claim under two parents',
			graph(
				[I('t'), I('u'), I('a'), S('r1', 'RA'), S('r2', 'RA'), S('r3', 'RA')],
				[
					E('1', 'a', 'r1'),
					E('2', 'r1', 't'),
					E('3', 'a', 'r2'),
					E('4', 'r2', 'u'),
					E('5', 'u', 'r3'),
					E('6', 'r3', 't')
				]
			),
			'node "a"',
			/bears on both/
		],
		['text that is not JSON', '{"nodes": [', '', /not JSON/]
	])('refuses %s, naming the element', (_, text, where, problem) => {
		const error = importError(text);
		expect(error.where).toBe(where);
		expect(error.problem).toMatch(problem);
	});
});
