import { describe, expect, it } from 'vitest';
import { treeNode } from '../../../../tests/fixtures/tree-node';
import { keyTarget, type KeyAction } from './keys';
import { indexTree } from './tree-index';

const node = (id: string, parentId: string | null) => treeNode(id, parentId);

// root ─ a ─ a1
//      │   └ a2
//      ├ b
//      └ c ─ c1
const index = indexTree([
	node('root', null),
	node('a', 'root'),
	node('a1', 'a'),
	node('a2', 'a'),
	node('b', 'root'),
	node('c', 'root'),
	node('c1', 'c')
]);
const all = new Set(['root', 'a', 'c']);
const focus = (id: string): KeyAction => ({ kind: 'focus', id });
const toggle = (id: string): KeyAction => ({ kind: 'toggle', id });
const none: KeyAction = { kind: 'none' };

describe('keyTarget(index, id, key, expanded)', () => {
	it.each([
		['a', 'ArrowDown', all, focus('b')],
		['b', 'ArrowUp', all, focus('a')],
		['a', 'ArrowUp', all, none],
		['c', 'ArrowDown', all, none],
		['a2', 'ArrowLeft', all, focus('a')],
		['root', 'ArrowLeft', all, none],
		['a', 'ArrowRight', all, focus('a1')],
		['a', 'ArrowRight', new Set(['root']), toggle('a')],
		['b', 'ArrowRight', all, none],
		['c1', 'Home', all, focus('root')],
		['a', 'Enter', all, toggle('a')],
		['a', ' ', new Set(['root']), toggle('a')],
		['b', 'Enter', all, none],
		['root', 'ArrowDown', all, none],
		['a', 'End', all, undefined],
		['a', 'x', all, undefined],
		['nope', 'ArrowDown', all, undefined]
	] as const)('on %s, %j does %j', (id, key, expanded, action) => {
		expect(keyTarget(index, id, key, expanded)).toEqual(action);
	});
});
