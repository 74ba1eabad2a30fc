import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixtureMapFile } from '../../../tests/fixtures/content-helpers';
import { lineDiff } from '../../../tests/fixtures/line-diff';
import { modelEdit } from '../../../tests/fixtures/map-model';
import {
	appendArchiveEntry,
	applyEach,
	applyEdits,
	applyGroups,
	archiveEntries,
	decodeUtf8,
	EditError,
	insertNode,
	parseAhead,
	type MapEdit
} from './edit';
import type { NodeInput } from './schema';

const fixture = (name: string) => readFileSync(`tests/fixtures/edit/${name}`, 'utf8');
const dataOf = (text: string) => parse(text.replace(/^\uFEFF/, ''), { logLevel: 'error' });

function applied(text: string, edits: MapEdit[]) {
	const result = applyEdits(text, edits);
	if ('problems' in result) throw new Error(result.problems.map((p) => p.message).join('; '));
	return result;
}

const proposal: Omit<NodeInput, 'id'> = {
	claim: 'A new claim: with a colon',
	editorial: 'none',
	status: 'proposed'
};

/** Edits that every fixture supports; `leaf` and `other` are nodes under the thesis, `proposed` a proposal. */
function edits(f: { leaf: string; other: string; proposed: string }): [string, MapEdit, number][] {
	// [name, edit, most lines the edit may change]
	return [
		[
			'insert at the end',
			{ kind: 'insert', parent: 'root', relation: 'supports', node: proposal },
			5
		],
		[
			'insert first',
			{ kind: 'insert', parent: 'root', relation: 'supports', index: 0, node: proposal },
			5
		],
		[
			'insert into a new list',
			{ kind: 'insert', parent: f.other, relation: 'rebuts', node: proposal },
			6
		],
		['edit a claim', { kind: 'edit', id: f.leaf, set: { claim: 'Changed: claim' } }, 3],
		['add a note', { kind: 'edit', id: f.leaf, set: { note: 'A new note.' } }, 1],
		[
			'edit cites',
			{ kind: 'edit', id: f.leaf, set: { editorial: null, cites: [{ source: 's', quote: 'q' }] } },
			4
		],
		['accept', { kind: 'accept', id: f.proposed }, 1],
		['accept with changes', { kind: 'accept', id: f.proposed, set: { claim: 'Accepted.' } }, 5],
		['reject', { kind: 'reject', id: f.proposed }, 6],
		['relate', { kind: 'relate', id: f.leaf, relation: 'rebuts' }, 16],
		['move', { kind: 'move', id: f.leaf, parent: f.other, relation: 'supports' }, 18],
		['remove', { kind: 'remove', id: f.leaf }, 10],
		['meta', { kind: 'meta', set: { title: 'New title', discussion: ['Why?'] } }, 9]
	];
}

const FIXTURES: { file: string; leaf: string; other: string; proposed: string; slack?: number }[] =
	[
		{ file: 'seq-at-parent-column.yaml', leaf: 'b', other: 'a', proposed: 'a1' },
		// The last line gains its line break.
		{ file: 'no-final-newline.yaml', leaf: 'b', other: 'a', proposed: 'a1', slack: 1 },
		// A flow collection is one line: a change to it rewrites that line.
		{ file: 'flow.yaml', leaf: 'a', other: 'c', proposed: 'b', slack: 1 },
		{ file: 'comments.yaml', leaf: 'b', other: 'c', proposed: 'a' },
		{ file: 'crlf.yaml', leaf: 'b', other: 'c', proposed: 'a' },
		{ file: 'scalars.yaml', leaf: 'b', other: 'a', proposed: 'a' },
		{ file: 'bom.yaml', leaf: 'b', other: 'a', proposed: 'a' },
		{ file: 'custom-tag.yaml', leaf: 'a', other: 'a', proposed: 'a' }
	];

describe('applyEdits on awkward layouts', () => {
	for (const f of FIXTURES) {
		const before = fixture(f.file);
		for (const [name, edit, fewest] of edits(f)) {
			const most = fewest + (f.slack ?? 0);
			if (edit.kind === 'move' && f.leaf === f.other) continue;
			it(`${f.file}: ${name} gives the intended data and changes at most ${most} lines`, () => {
				const { text, results } = applied(before, [edit]);
				const first = results[0]!;
				expect(first.kind).toBe(edit.kind);
				const id = first.kind === 'insert' ? first.id : undefined;
				expect(dataOf(text)).toEqual(modelEdit(dataOf(before), edit, id));
				const { removed, added } = lineDiff(before, text);
				expect(removed.length + added.length).toBeLessThanOrEqual(most);
				expect(text.startsWith('\uFEFF')).toBe(before.startsWith('\uFEFF'));
				if (before.includes('\r\n'))
					expect(text.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
			});
		}
	}

	it('comments.yaml: every comment outside the removed node stays', () => {
		const before = fixture('comments.yaml');
		const { text } = applied(before, [{ kind: 'remove', id: 'a' }]);
		const comments = (t: string) => t.split('\n').filter((l) => l.includes('#'));
		expect(comments(text)).toEqual(comments(before).filter((l) => !/about a|short/.test(l)));
	});

	it('scalars.yaml: editing one claim keeps the style of the others and its own', () => {
		const before = fixture('scalars.yaml');
		const { text } = applied(before, [
			{ kind: 'edit', id: 'root', set: { claim: 'Now one line.' } }
		]);
		expect(lineDiff(before, text)).toEqual({
			removed: ['    A folded claim', '    over two lines.'],
			added: ['    Now one line.']
		});
	});
});

/** `before` with each `[from, to]` replaced once, in order: exactly the change an edit should make. */
function replaced(before: string, changes: [string, string][]): string {
	return changes.reduce((text, [from, to]) => {
		expect(text).toContain(from);
		return text.replace(from, to);
	}, before);
}

describe('applyEdits(text, edits) changes exactly these bytes', () => {
	const node = { id: 'd', claim: 'D.', editorial: 'none' };
	const d = (indent: string) =>
		`${indent}- id: d\n${indent}  claim: D.\n${indent}  editorial: none\n`;
	it.each<[string, string, MapEdit[], [string, string][]]>([
		[
			'a new key goes after the keys that come before it (note after claim)',
			'comments.yaml',
			[{ kind: 'edit', id: 'b', set: { note: 'N.' } }],
			[['      claim: B.\n', '      claim: B.\n      note: N.\n']]
		],
		[
			'status and contributor go after editorial, in that order',
			'comments.yaml',
			[{ kind: 'edit', id: 'b', set: { contributor: 'Ann', status: 'proposed' } }],
			[
				[
					'      claim: B.\n      editorial: none\n',
					'      claim: B.\n      editorial: none\n      status: proposed\n      contributor: Ann\n'
				]
			]
		],
		[
			'cites replace editorial in its place, as a block list',
			'comments.yaml',
			[{ kind: 'edit', id: 'a', set: { editorial: null, cites: [{ source: 's', quote: 'q' }] } }],
			[
				[
					'      editorial: none\n      status: proposed',
					'      cites:\n        - source: s\n          quote: q\n      status: proposed'
				]
			]
		],
		[
			'accepting drops the status line; a change it brings goes in its place',
			'comments.yaml',
			[{ kind: 'accept', id: 'a', set: { contributor: 'Ann' } }],
			[['      status: proposed\n', '      contributor: Ann\n']]
		],
		[
			'a value the core schema would read as a boolean is quoted',
			'seq-at-parent-column.yaml',
			[{ kind: 'edit', id: 'b', set: { claim: 'true' } }],
			[['    claim: B.\n', '    claim: "true"\n']]
		],
		[
			'a number and a colon-space are quoted',
			'seq-at-parent-column.yaml',
			[{ kind: 'edit', id: 'b', set: { claim: 'Yes: no', note: '12' } }],
			[['    claim: B.\n', '    claim: "Yes: no"\n    note: "12"\n']]
		],
		[
			'an edit to the value already there changes nothing',
			'comments.yaml',
			[{ kind: 'edit', id: 'a', set: { claim: 'A.', editorial: 'none', status: 'proposed' } }],
			[]
		],
		[
			'discussion goes after summary, reveal_order keeps its own layout',
			'seq-at-parent-column.yaml',
			[{ kind: 'meta', set: { reveal_order: ['root'], discussion: ['Why?'] } }],
			[
				['summary: S.\n', 'summary: S.\ndiscussion:\n  - Why?\n'],
				['reveal_order:\n- root\n- a\n', 'reveal_order:\n- root\n']
			]
		],
		[
			'a node added at the end goes before the comment that closes the list',
			'comments.yaml',
			[{ kind: 'insert', parent: 'root', relation: 'supports', node }],
			[['    # after the last support', `${d('    ')}    # after the last support`]]
		],
		[
			'a node added at an index goes before the node there, and its comment',
			'comments.yaml',
			[{ kind: 'insert', parent: 'root', relation: 'supports', index: 1, node }],
			[['      status: proposed\n', `      status: proposed\n${d('    ')}`]]
		],
		[
			'a node added under a leaf starts its list, indented under it',
			'comments.yaml',
			[{ kind: 'insert', parent: 'b', relation: 'rebuts', node }],
			[
				[
					'      claim: B.\n      editorial: none\n',
					`      claim: B.\n      editorial: none\n      rebuts:\n${d('        ')}`
				]
			]
		],
		[
			'a list written at its key’s column gets new items at that column',
			'seq-at-parent-column.yaml',
			[{ kind: 'insert', parent: 'root', relation: 'supports', node }],
			[['    claim: B.\n    editorial: none\n', `    claim: B.\n    editorial: none\n${d('  ')}`]]
		],
		[
			'reordering moves each node with the comment above it',
			'comments.yaml',
			[{ kind: 'reorder', parent: 'root', relation: 'supports', order: ['b', 'a'] }],
			[
				[
					'    # about a\n    - id: a\n      claim: A. # short\n      editorial: none\n      status: proposed\n\n    # about b\n    - id: b\n      claim: B.\n      editorial: none\n',
					'\n    # about b\n    - id: b\n      claim: B.\n      editorial: none\n    # about a\n    - id: a\n      claim: A. # short\n      editorial: none\n      status: proposed\n'
				]
			]
		],
		[
			'removing a node takes its lines and its comment, and no other',
			'comments.yaml',
			[{ kind: 'remove', id: 'a' }],
			[
				[
					'    # about a\n    - id: a\n      claim: A. # short\n      editorial: none\n      status: proposed\n',
					''
				]
			]
		]
	])('%s (%s)', (_, file, edits, changes) => {
		const before = fixture(file);
		expect(applied(before, edits).text).toBe(replaced(before, changes));
	});
});

describe('applyEdits(text, edits) on a node whose first key is not its id', () => {
	it('accepting a proposal written status first keeps the comment and the keys under it', () => {
		const before =
			'id: m\ntitle: T\nquestion: Q?\nsummary: S.\nthesis:\n  id: root\n  claim: Root.\n  editorial: none\n' +
			'  supports:\n    - status: proposed\n      # why a\n      id: a\n      claim: A.\n      editorial: none\n';
		const { text } = applied(before, [{ kind: 'accept', id: 'a' }]);
		expect(text).toBe(before.replace('- status: proposed\n      # why a\n', '- # why a\n'));
		expect(dataOf(text)).toEqual(modelEdit(dataOf(before), { kind: 'accept', id: 'a' }));
	});
});

describe('applyEdits(text, edits) places a new key by the schema’s order of keys', () => {
	// Keys for the lesson and the glossary, which an older list of keys left out.
	const text =
		'id: m\ntitle: T\nquestion: Q?\nsummary: S.\nlesson:\n  path: [root]\nthesis:\n' +
		'  id: root\n  claim: Root.\n  terms: [afp]\n  editorial: none\n  supports:\n' +
		'    - id: a\n      claim: A.\n      editorial: none\n      cites:\n        - source: s\n          suffix: x\n';
	it.each<[string, MapEdit, [string, string]]>([
		[
			'a note right after the claim, before terms',
			{ kind: 'edit', id: 'root', set: { note: 'N.' } },
			['  claim: Root.\n', '  claim: Root.\n  note: N.\n']
		],
		[
			'a quote between the source and the suffix of a cite',
			{ kind: 'edit', id: 'a', set: { cites: [{ source: 's', quote: 'q', suffix: 'x' }] } },
			['          suffix: x\n', '          quote: q\n          suffix: x\n']
		],
		[
			'discussion after summary, before lesson',
			{ kind: 'meta', set: { discussion: ['Why?'] } },
			['summary: S.\n', 'summary: S.\ndiscussion:\n  - Why?\n']
		]
	])('%s', (_, edit, change) => {
		expect(applied(text, [edit]).text).toBe(replaced(text, [change]));
	});
});

describe('applyEdits(text, edits) at the edges of a file', () => {
	const node = { id: 'd', claim: 'D.', editorial: 'none' };
	const insert: MapEdit = { kind: 'insert', parent: 'root', relation: 'supports', node };
	// Lists at column 0, a flow reveal_order, and a literal note ending the file without a line break.
	const text =
		'id: m\ntitle: T\nquestion: Q?\nsummary: S.\ndiscussion:\n- One?\n- Two?\nreveal_order: [a]\n' +
		'thesis:\n  id: root\n  claim: Root.\n  editorial: none\n  supports:\n    - id: a\n      claim: A.\n' +
		'      note: |-\n        Last';

	it('a node added after a block scalar that ends the file ends that line first', () => {
		expect(applied(text, [insert]).text).toBe(
			`${text}\n    - id: d\n      claim: D.\n      editorial: none\n`
		);
	});

	it('a node added after a plain value that ends the file ends that line first', () => {
		const before = fixture('no-final-newline.yaml');
		expect(before.endsWith('editorial: none')).toBe(true);
		expect(applied(before, [insert]).text).toBe(
			`${before}\n  - id: d\n    claim: D.\n    editorial: none\n`
		);
	});

	it('the first item of a list at column 0 can go, leaving the next at its place', () => {
		expect(applied(text, [{ kind: 'meta', set: { discussion: ['Two?'] } }]).text).toBe(
			text.replace('- One?\n', '')
		);
	});

	it('removing the only node reveal_order names drops reveal_order, and the emptied list its key', () => {
		expect(applied(text, [{ kind: 'remove', id: 'a' }]).text).toBe(
			text.replace('reveal_order: [a]\n', '').replace(/ {2}supports:\n[^]*$/, '')
		);
	});
});

describe('applyEdits(text, edits) changes only what differs', () => {
	const crlf = [
		'id: m',
		'title: T',
		'question: Q?',
		'summary: S.',
		'thesis:',
		'  id: root',
		'  claim: >-',
		'    A folded',
		'    claim.',
		'  editorial: none',
		'  cites:',
		'    - source: s',
		'      quote: "q"',
		'      prefix: p # keep',
		''
	].join('\r\n');

	it('a value set to what it is already changes no byte, in block and flow lists', () => {
		const same: MapEdit = {
			kind: 'edit',
			id: 'root',
			set: { cites: [{ source: 's', quote: 'q', prefix: 'p' }] }
		};
		expect(applied(crlf, [same]).text).toBe(crlf);
		const flow = fixture('flow.yaml');
		const cites = [{ source: 's', quote: 'a quote' }];
		expect(applied(flow, [{ kind: 'edit', id: 'c', set: { cites } }]).text).toBe(flow);
	});

	it('a key left out of a cite is dropped alone, keeping the others’ quoting and comments', () => {
		const edit: MapEdit = {
			kind: 'edit',
			id: 'root',
			set: { cites: [{ source: 's', quote: 'q' }] }
		};
		expect(applied(crlf, [edit]).text).toBe(crlf.replace('      prefix: p # keep\r\n', ''));
	});

	it('a folded claim set to two lines keeps the file’s CRLF line breaks', () => {
		const edit: MapEdit = { kind: 'edit', id: 'root', set: { claim: 'Line one\nline two' } };
		const { text } = applied(crlf, [edit]);
		expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
		expect(dataOf(text).thesis.claim).toBe('Line one\nline two');
		expect(text.startsWith(crlf.split('  claim:')[0]!)).toBe(true);
		expect(text.endsWith(crlf.slice(crlf.indexOf('  editorial:')))).toBe(true);
	});

	it.each<[string, string[], [string, string][]]>([
		[
			'dropping the middle question takes only its lines',
			[
				'A plain question that goes on over two lines?',
				'A double-quoted question with an escaped break?'
			],
			[["  - 'A single-quoted question\n    over two lines?'\n", '']]
		],
		[
			'changing the first question leaves the others in their quoting',
			[
				'New?',
				'A single-quoted question over two lines?',
				'A double-quoted question with an escaped break?'
			],
			[['  - A plain question\n    that goes on over two lines?\n', '  - New?\n']]
		],
		[
			'adding a question at the end leaves the others',
			[
				'A plain question that goes on over two lines?',
				'A single-quoted question over two lines?',
				'A double-quoted question with an escaped break?',
				'Last?'
			],
			[['    with an escaped break?"\n', '    with an escaped break?"\n  - Last?\n']]
		]
	])('discussion: %s', (_, discussion, changes) => {
		const before = fixture('scalars.yaml');
		expect(applied(before, [{ kind: 'meta', set: { discussion } }]).text).toBe(
			replaced(before, changes)
		);
	});
});

describe('applyEdits on real maps (frozen copies of the curated ones)', () => {
	const real = readFileSync(fixtureMapFile('boric-election-thread'), 'utf8');

	it('an insert adds exactly the new node’s lines', () => {
		const { text } = applied(real, [
			{ kind: 'insert', parent: 'hands-off', relation: 'rebuts', node: proposal }
		]);
		const { removed, added } = lineDiff(real, text);
		expect(removed).toEqual([]);
		expect(added.map((l) => l.trim())).toEqual([
			'- id: a-new-claim-with-a-colon',
			'claim: "A new claim: with a colon"',
			'editorial: none',
			'status: proposed'
		]);
	});

	it('accepting a proposal removes exactly its status line', () => {
		const { text: proposed, results } = applied(real, [
			{ kind: 'insert', parent: 'great-result', relation: 'rebuts', node: proposal }
		]);
		const id = (results[0] as { id: string }).id;
		const { text } = applied(proposed, [{ kind: 'accept', id }]);
		expect(lineDiff(proposed, text)).toEqual({ removed: ['      status: proposed'], added: [] });
	});

	it('insert then reject gives back the original text byte for byte', () => {
		const { text: proposed } = applied(real, [
			{ kind: 'insert', parent: 'great-result', relation: 'supports', index: 1, node: proposal }
		]);
		const { text, results } = applied(proposed, [
			{ kind: 'reject', id: 'a-new-claim-with-a-colon' }
		]);
		expect(text).toBe(real);
		expect(results[0]).toMatchObject({
			removed: { parent: 'great-result', relation: 'supports', index: 1 }
		});
	});

	it('a move to another depth keeps the moved node’s own lines, shifted', () => {
		const { text } = applied(real, [
			{ kind: 'move', id: 'critical-of-cuba', parent: 'great-result', relation: 'rebuts', index: 0 }
		]);
		const { removed, added } = lineDiff(real, text);
		expect(removed.filter((l) => l.trim() !== 'supports:').map((l) => l.slice(4))).toEqual(added);
	});

	it('removing a node takes its whole subtree and its reveal_order entries', () => {
		const { text, results } = applied(real, [{ kind: 'remove', id: 'hands-off' }]);
		const { removed, added } = lineDiff(real, text);
		expect(added).toEqual([]);
		expect(removed).toContain('  - hands-off');
		expect(results[0]).toMatchObject({
			removed: { node: { id: 'hands-off' }, parent: 'constitution-task' }
		});
		expect(text).not.toMatch(/hardest-battle-won|kast-would-disrupt/);
	});

	for (const file of ['chile-constitution-debate', 'kast-election-report', 'technocrats-essay']) {
		it(`${file}: retitling changes only the title line, in its own quoting`, () => {
			const map = readFileSync(fixtureMapFile(file), 'utf8');
			const { text } = applied(map, [{ kind: 'meta', set: { title: 'Another title' } }]);
			const { removed, added } = lineDiff(map, text);
			expect(removed).toEqual([map.split('\n').find((l) => l.startsWith('title:'))]);
			const quote = removed[0]![7] === '"' ? '"' : '';
			expect(added).toEqual([`title: ${quote}Another title${quote}`]);
		});
	}
});

describe('applyGroups(text, groups, ahead) with the text parsed ahead', () => {
	const text = readFileSync(fixtureMapFile('boric-election-thread'), 'utf8');
	const insert: MapEdit[] = [
		{ kind: 'insert', parent: 'great-result', relation: 'rebuts', node: proposal }
	];

	it('edits the tree parsed ahead, once: the same result as parsing then', () => {
		const ahead = parseAhead(text);
		const tree = ahead.tree;
		expect(tree).toBeDefined();
		const made = applyGroups(text, [insert], ahead);
		expect(made).toEqual(applyGroups(text, [insert]));
		// Taken: a second write of the same text parses it again, not the edited tree.
		expect(ahead.tree).toBeUndefined();
		expect(applyGroups(text, [insert], ahead)).toEqual(made);
	});

	it('ignores a tree parsed from another text (the file changed on disk since)', () => {
		const ahead = parseAhead(text.replace(/^title: .*$/m, 'title: Saved by hand'));
		const made = applyGroups(text, [insert], ahead);
		expect(made).toEqual(applyGroups(text, [insert]));
		expect(made.text).not.toContain('Saved by hand');
		expect(ahead.tree).toBeDefined();
	});

	it('holds no tree for a file that does not parse, which applyGroups refuses as before', () => {
		const broken = 'a: [1\n';
		const ahead = parseAhead(broken);
		expect(ahead).toEqual({ text: broken });
		expect(applyGroups(broken, [insert], ahead).outcomes[0]).toMatchObject({
			code: 'broken-file'
		});
	});
});

describe('applyEdits refuses', () => {
	const small = fixture('comments.yaml');
	it.each<[MapEdit, string, string]>([
		[
			{ kind: 'insert', parent: 'nope', relation: 'supports', node: proposal },
			'unknown-node',
			'no node "nope" in this map'
		],
		[
			{ kind: 'insert', parent: 'root', relation: 'supports', node: { ...proposal, id: 'b' } },
			'exists',
			'a node "b" exists already in this map'
		],
		[{ kind: 'accept', id: 'b' }, 'not-proposed', 'node "b" is not a proposal'],
		[{ kind: 'reject', id: 'b' }, 'not-proposed', 'node "b" is not a proposal'],
		[
			{ kind: 'remove', id: 'root' },
			'thesis',
			'the thesis has no parent: it cannot be moved or removed'
		],
		[
			{ kind: 'move', id: 'root', parent: 'a', relation: 'supports' },
			'thesis',
			'the thesis has no parent: it cannot be moved or removed'
		],
		[
			{ kind: 'relate', id: 'root', relation: 'rebuts' },
			'thesis',
			'the thesis has no parent: it cannot be moved or removed'
		],
		[
			{ kind: 'reorder', parent: 'root', relation: 'supports', order: ['a'] },
			'unknown-node',
			'the new order must list exactly the supports of "root": a, b'
		],
		[
			{ kind: 'reorder', parent: 'root', relation: 'supports', order: ['a', 'c'] },
			'unknown-node',
			'the new order must list exactly the supports of "root": a, b'
		],
		[
			{ kind: 'reorder', parent: 'b', relation: 'rebuts', order: [] },
			'unknown-node',
			'the new order must list exactly the rebuts of "b": '
		]
	])('%o', (edit, code, message) => {
		expect(applyEdits(small, [edit])).toEqual({ problems: [{ edit: 0, code, message }] });
	});

	it('a node cannot move under itself', () => {
		const map = fixture('seq-at-parent-column.yaml');
		expect(
			applyEdits(map, [{ kind: 'move', id: 'a', parent: 'a1', relation: 'supports' }])
		).toEqual({
			problems: [
				{
					edit: 0,
					code: 'cycle',
					message: 'node "a1" is inside "a": a node cannot move under itself'
				}
			]
		});
	});

	it('a file that does not parse, naming the reason', () => {
		expect(applyEdits('id: [unclosed\n', [{ kind: 'meta', set: { title: 'x' } }])).toEqual({
			problems: [
				expect.objectContaining({
					code: 'broken-file',
					message: expect.stringMatching(/does not parse/)
				})
			]
		});
	});

	it.each([
		['an empty file', '', 'broken-file', 'the map file must hold exactly one YAML document'],
		[
			'two documents',
			'a: 1\n---\nb: 2\n',
			'broken-file',
			'the map file must hold exactly one YAML document'
		],
		[
			'a list',
			'- a\n- b\n',
			'unsupported',
			'the map file must be a block mapping (`key: value` lines)'
		],
		[
			'a flow mapping',
			'{id: m, thesis: {id: r}}\n',
			'unsupported',
			'the map file must be a block mapping (`key: value` lines)'
		],
		['no thesis', 'id: m\n', 'unsupported', 'the map has no `thesis:` node with an id'],
		[
			'a thesis without an id',
			'id: m\nthesis: {claim: x}\n',
			'unsupported',
			'the map has no `thesis:` node with an id'
		]
	])('a file that holds %s, in words', (_, text, code, message) => {
		expect(applyEdits(text, [{ kind: 'meta', set: { title: 'x' } }])).toEqual({
			problems: [{ edit: 0, code, message }]
		});
	});

	it('applyEach reports a broken file once per edit, and leaves the text as it was', () => {
		const { text, outcomes } = applyEach('id: [unclosed\n', [
			{ kind: 'meta', set: { title: 'x' } },
			{ kind: 'remove', id: 'a' }
		]);
		expect(text).toBe('id: [unclosed\n');
		expect(outcomes.map((o) => o instanceof EditError && o.code)).toEqual([
			'broken-file',
			'broken-file'
		]);
	});

	it('applyEach skips a refused edit and makes the others', () => {
		const { text, outcomes } = applyEach(small, [
			{ kind: 'insert', parent: 'nope', relation: 'supports', node: proposal },
			{ kind: 'accept', id: 'a' }
		]);
		expect(outcomes[0]).toBeInstanceOf(EditError);
		expect(outcomes[1]).toEqual({ kind: 'accept' });
		expect(text).not.toMatch(/status: proposed/);
	});

	it('applyEach undoes an edit that fails halfway, and keeps the edits before and after it', () => {
		// The second key's value cannot be written as YAML: the title is set
		// before the summary fails, and must not stay.
		const halfway = { kind: 'meta', set: { title: 'Half made', summary: Symbol('x') } };
		const { text, outcomes } = applyEach(small, [
			{
				kind: 'insert',
				parent: 'a',
				relation: 'rebuts',
				node: { ...proposal, claim: 'Before it' }
			},
			halfway as never,
			{ kind: 'meta', set: { question: 'After it?' } }
		]);
		expect(outcomes[1]).toMatchObject({ code: 'unsupported' });
		expect((outcomes[1] as EditError).message).toMatch(/^cannot make this edit here: /);
		expect(text).not.toContain('Half made');
		expect(dataOf(text)).toMatchObject({ question: 'After it?' });
		expect(text).toContain('claim: Before it');
		expect(text.match(/claim: Before it/g)).toHaveLength(1);
	});

	it('applyGroups takes back a group’s made edits when a later one of it is refused, and makes the next group', () => {
		const { text, outcomes } = applyGroups(small, [
			[
				{ kind: 'edit', id: 'b', set: { claim: 'Made, then taken back.' } },
				{ kind: 'remove', id: 'nope' }
			],
			[
				{ kind: 'accept', id: 'a' },
				{ kind: 'meta', set: { title: 'Both made.' } }
			]
		]);
		expect(outcomes[0]).toMatchObject({
			code: 'unknown-node',
			message: 'no node "nope" in this map'
		});
		expect(outcomes[1]).toEqual([{ kind: 'accept' }, { kind: 'meta' }]);
		expect(text).not.toContain('Made, then taken back.');
		expect(dataOf(text)).toMatchObject({ title: 'Both made.' });
		expect(text).not.toMatch(/status: proposed/);
		// Exactly what the second group alone makes.
		expect(text).toBe(
			applied(small, [
				{ kind: 'accept', id: 'a' },
				{ kind: 'meta', set: { title: 'Both made.' } }
			]).text
		);
	});

	it.each([
		['reveal_order: [a, b, c]\n', 'reveal_order: [a, c]\n'],
		['reveal_order: [ a, b, c ]\n', 'reveal_order: [ a, c ]\n']
	])('a flow list written anew keeps the spacing inside its brackets: %j', (line, expected) => {
		const text = `id: m\n${line}thesis:\n  id: a\n  claim: A.\n  editorial: e\n  supports:\n    - id: b\n      claim: B.\n      editorial: e\n    - id: c\n      claim: C.\n      editorial: e\n`;
		const { text: next } = applied(text, [{ kind: 'remove', id: 'b' }]);
		expect(lineDiff(text, next).added[0]).toBe(expected.trimEnd());
	});

	it('decodeUtf8 refuses invalid UTF-8, naming the line', () => {
		const bytes = readFileSync('tests/fixtures/edit/invalid-utf8.yaml');
		expect(() => decodeUtf8(bytes, 'x.yaml')).toThrow(/x\.yaml:2: the file is not valid UTF-8/);
		expect(decodeUtf8(readFileSync('tests/fixtures/edit/bom.yaml'), 'b.yaml')).toMatch(
			/^\uFEFFid: m/
		);
	});
});

describe('insertNode and the archive', () => {
	it('insertNode throws, in words, when the parent is not in the map', () => {
		expect(() => insertNode(fixture('comments.yaml'), 'nope', 'supports', proposal)).toThrow(
			new EditError('unknown-node', 'no node "nope" in this map')
		);
	});

	it('insertNode gives several proposals with one claim their own ids', () => {
		const map = fixture('comments.yaml');
		const one = insertNode(map, 'root', 'supports', proposal);
		const two = insertNode(one.text, 'root', 'supports', proposal);
		expect([one.id, two.id]).toEqual(['a-new-claim-with-a-colon', 'a-new-claim-with-a-colon-2']);
	});

	it('appendArchiveEntry starts an empty archive with its header, and ends an unfinished last line', () => {
		const entry = {
			map: 'm',
			parent: 'root',
			relation: 'rebuts' as const,
			rejected: '2026-11-22T08:00:00.000Z',
			node: { id: 'x', claim: 'X.', editorial: 'none' }
		};
		const body =
			'- map: m\n  parent: root\n  relation: rebuts\n  rejected: 2026-11-22T08:00:00.000Z\n' +
			'  node:\n    id: x\n    claim: X.\n    editorial: none\n';
		const header = '# Rejected proposals and deleted nodes, newest last. Not read as a map.\n';
		expect(appendArchiveEntry('', entry)).toBe(header + body);
		expect(appendArchiveEntry(' \n\n', entry)).toBe(header + body);
		expect(appendArchiveEntry('# mine\n- a', entry)).toBe(`# mine\n- a\n${body}`);
		expect(appendArchiveEntry('# mine\n', entry)).toBe(`# mine\n${body}`);
	});

	it('archiveEntries reads nothing from an archive that is not a list', () => {
		expect(archiveEntries('')).toEqual([]);
		expect(archiveEntries('a: 1\n')).toEqual([]);
	});

	it('appendArchiveEntry keeps what is there and archiveEntries reads them in order', () => {
		const entry = (id: string) => ({
			map: 'm',
			parent: 'root',
			relation: 'supports' as const,
			rejected: '2026-11-22T08:00:00.000Z',
			node: { id, claim: `Claim ${id}`, editorial: 'none' }
		});
		const one = appendArchiveEntry('', entry('x'));
		const two = appendArchiveEntry(one, entry('y'));
		expect(two.startsWith(one)).toBe(true);
		expect(archiveEntries(two).map((e) => e.node.id)).toEqual(['x', 'y']);
		expect(stringify(archiveEntries(two)[0])).toMatch(/rejected/);
	});
});
