/**
 * How a relation is named and marked wherever it is shown: a word, an icon and
 * a border shape, so that the meaning never rests on colour alone. The tree,
 * the node cards, the outline, slides and handouts all take them from here.
 */
import type { Relation } from './schema';

export type NodeRelation = Relation | 'thesis';

export interface RelationStyle {
	/** The word, capitalised: "Supports". */
	label: string;
	/** The same word as an uppercase tag on a box: "SUPPORTS". */
	tag: string;
	/** A mark that is not a colour: ✓ for a support, ✗ for a rebuttal. */
	icon: string;
	/** The border's shape, for readers who cannot tell the colours apart. */
	border: 'solid' | 'dashed' | 'double';
	/** The noun for one of them, and the plural a list of them is headed with: "rebuttal", "rebuttals". */
	singular: string;
	plural: string;
}

export const RELATION: Readonly<Record<NodeRelation, RelationStyle>> = {
	thesis: {
		label: 'Thesis',
		tag: 'THESIS',
		icon: '◆',
		border: 'double',
		singular: 'thesis',
		plural: 'theses'
	},
	supports: {
		label: 'Supports',
		tag: 'SUPPORTS',
		icon: '✓',
		border: 'solid',
		singular: 'support',
		plural: 'supports'
	},
	rebuts: {
		label: 'Rebuts',
		tag: 'REBUTS',
		icon: '✗',
		border: 'dashed',
		singular: 'rebuttal',
		plural: 'rebuttals'
	}
};

/** "✓ Supports": the icon and the word, as read aloud and printed. */
export function relationText(relation: NodeRelation): string {
	const r = RELATION[relation];
	return `${r.icon} ${r.label}`;
}
