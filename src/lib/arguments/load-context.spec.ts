import { describe, expect, it } from 'vitest';
import type { LoadedContext } from './context';
import { checkContextLinks, checkLesson, checkTerms } from './load-context';
import type { At, Tree } from './load-tree';
import type { ArgumentNode } from './model';
import type { MapInput } from './schema';

// Each problem names the path it is about in place of a file, to check where it points.
const at: At = (path) => ({ file: path.join('.'), line: 1, col: 1 });
const words = (problems: { file: string; message: string; hint?: string }[]) =>
	problems.map((p) => `${p.file}: ${p.message} — ${p.hint}`);

// r ── a ── b, and c under r.
const node = (id: string, parentId: string | null) => ({ id, parentId }) as ArgumentNode;
const nodeById = new Map(
	[node('r', null), node('a', 'r'), node('b', 'a'), node('c', 'r')].map((n) => [n.id, n])
);
const input = (fields: Partial<MapInput>) =>
	({ id: 'm', thesis: { id: 'r' }, ...fields }) as MapInput;

const timeline = { id: 'chile', events: [{ id: 'coup' }, { id: 'vote' }] };
const context = (more: Partial<LoadedContext> = {}) =>
	({
		timelines: new Map([['chile', timeline]]),
		glossary: [{ id: 'afp' }],
		...more
	}) as LoadedContext;

describe('checkLesson(input, nodeById, at)', () => {
	it('takes a path that starts at the thesis and shows each node after its parent', () => {
		const { lesson, problems } = checkLesson(
			input({ lesson: { path: ['r', 'a', 'b'], skip: [{ node: 'c', name: 'Aside' }] } }),
			nodeById,
			at
		);
		expect(problems).toEqual([]);
		expect(lesson).toEqual({ path: ['r', 'a', 'b'], skip: [{ node: 'c', name: 'Aside' }] });
	});

	it('has no lesson when the map has none', () => {
		expect(checkLesson(input({}), nodeById, at)).toEqual({ lesson: undefined, problems: [] });
	});

	it.each([
		[
			'a path that starts below the thesis',
			{ path: ['a', 'r'] },
			[
				'lesson.path.0: lesson path starts at "a", not at the thesis "r" — start the path with the thesis',
				'lesson.path.0: lesson path shows "a" before (or without) its parent "r" — put the parent on the path first, so the slide has its context'
			]
		],
		[
			'a node before its parent, one twice, one unknown',
			{ path: ['r', 'b', 'r', 'zz'] },
			[
				'lesson.path.1: lesson path shows "b" before (or without) its parent "a" — put the parent on the path first, so the slide has its context',
				'lesson.path.2: lesson path lists "r" twice — list each node once',
				'lesson.path.3: lesson path names unknown node "zz" — list ids of nodes in this map'
			]
		],
		[
			'skipping a node it shows, and an unknown one',
			{ path: ['r', 'a'], skip: [{ node: 'a' }, { node: 'zz' }] },
			[
				'lesson.skip.0.node: lesson both shows and skips "a" — take it off the path or off the skip list',
				'lesson.skip.1.node: lesson skips unknown node "zz" — name the first node of the branch to skip'
			]
		],
		[
			'entries of the wrong type, skipped (the schema reports them)',
			{ path: ['r', 5], skip: [null, { node: 7 }] },
			[]
		]
	])('reports %s', (_, lesson, expected) => {
		expect(words(checkLesson(input({ lesson } as never), nodeById, at).problems)).toEqual(expected);
	});
});

describe('checkContextLinks(input, context, at)', () => {
	it.each([
		['a map without timeline or next', {}, context(), []],
		[
			'events of the map’s timeline',
			{ timeline: 'chile', next: { text: 'N', events: ['vote'] } },
			context(),
			[]
		],
		[
			'events without a timeline',
			{ next: { text: 'N', events: ['coup'] } },
			context(),
			[
				'next.events: next names timeline events, but the map has no `timeline:` — add `timeline: <id>` to the map'
			]
		],
		[
			'an event the timeline lacks',
			{ timeline: 'chile', next: { text: 'N', events: ['coup', 'nowhere'] } },
			context(),
			[
				'next.events.1: timeline "chile" has no event "nowhere" — use the id of an event in that timeline'
			]
		],
		[
			'an unknown timeline',
			{ timeline: 'peru' },
			context(),
			['timeline: unknown timeline "peru" — use one of: chile']
		],
		[
			'an unknown timeline, with none at all',
			{ timeline: 'peru' },
			context({ timelines: new Map() }),
			[
				'timeline: unknown timeline "peru" — use one of: (no timelines in content/context/timelines/)'
			]
		],
		[
			'an unknown timeline while a timeline file is broken (that file’s problem says it)',
			{ timeline: 'peru' },
			context({ incomplete: true }),
			[]
		]
	])('reports %s', (_, fields, ctx, expected) => {
		expect(words(checkContextLinks(input(fields as Partial<MapInput>), ctx, at))).toEqual(expected);
	});
});

describe('checkTerms(tree, context, at)', () => {
	it('reports a term not in the glossary, at its place in the node', () => {
		const tree = {
			inputs: [
				{ input: { id: 'r', terms: ['afp', 'nonesuch', 3] }, path: ['thesis'] },
				{ input: { id: 'a', terms: 'afp' }, path: ['thesis', 'supports', 0] }
			]
		} as unknown as Tree;
		expect(words(checkTerms(tree, context(), at))).toEqual([
			'thesis.terms.1: unknown glossary term "nonesuch" — add it to content/context/glossary.yaml or use the id of an existing term'
		]);
	});
});
