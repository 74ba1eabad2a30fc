/**
 * Balance you can count: for each map, how many nodes argue for its thesis and
 * how many against, by relation, and whether each side speaks in its own
 * voice. A node's side follows from the relations on its way to the thesis:
 * a rebuttal switches side, a support keeps it.
 */
import type { ArgumentMap, ArgumentNode } from './model';
import type { Problem } from './problems';

export type Side = 'for' | 'against';

export interface SideCount {
	/** Nodes on this side that support their parent. */
	supports: number;
	/** Nodes on this side that rebut their parent. */
	rebuts: number;
	/** Editors' nodes (no source). */
	editorial: number;
	/** Editors' nodes that rest on references from the public record. */
	referenced: number;
	/** Nodes citing a source. */
	sourced: number;
	/** Sourced nodes that give this side's case only as its opponents report it. */
	reported: number;
}

export interface MapBalance {
	mapId: string;
	sides: Record<Side, SideCount>;
}

/** Which side of the thesis each node argues. */
export function sidesOf(map: ArgumentMap): Map<string, Side> {
	const sides = new Map<string, Side>();
	for (const node of map.nodes) {
		const parent = node.parentId === null ? undefined : sides.get(node.parentId);
		const side: Side =
			parent === undefined ? 'for' : node.relation === 'rebuts' ? flip(parent) : parent;
		sides.set(node.id, side);
	}
	return sides;
}

function flip(side: Side): Side {
	return side === 'for' ? 'against' : 'for';
}

const empty = (): SideCount => ({
	supports: 0,
	rebuts: 0,
	editorial: 0,
	referenced: 0,
	sourced: 0,
	reported: 0
});

/** The counts per side, for accepted nodes (proposals are not yet part of the map). */
export function mapBalance(map: ArgumentMap): MapBalance {
	const sides = sidesOf(map);
	const counts: Record<Side, SideCount> = { for: empty(), against: empty() };
	const count = (node: ArgumentNode) => {
		const c = counts[sides.get(node.id)!];
		if (node.relation === 'supports') c.supports++;
		if (node.relation === 'rebuts') c.rebuts++;
		if (node.editorial !== undefined) c.editorial++;
		if (node.editorial !== undefined && node.references.length) c.referenced++;
		if (node.cites.length) c.sourced++;
		if (node.cites.length && node.voice === 'reported') c.reported++;
	};
	for (const node of map.nodes) if (node.status === 'accepted') count(node);
	return { mapId: map.id, sides: counts };
}

/** One line per map: "for 12 (9 supports, 2 rebuts; 10 sourced of which 0 reported, 2 editorial, 1 with references) · against ...". */
export function formatBalance(b: MapBalance): string {
	const side = (name: Side) => {
		const c = b.sides[name];
		const n = c.sourced + c.editorial;
		return `${name} ${n} (${c.supports} supports, ${c.rebuts} rebuts; ${c.sourced} sourced of which ${c.reported} reported, ${c.editorial} editorial, ${c.referenced} with references)`;
	};
	return `${b.mapId}: ${side('for')} · ${side('against')}`;
}

/**
 * Warnings (not errors: a one-sided source is still worth mapping) for a side
 * that has no node in its own voice: nothing from a source that speaks for it
 * and no editors' node resting on references, only the editors' own
 * counterpoints or its opponents' report of it.
 */
export function balanceWarnings(map: ArgumentMap, b = mapBalance(map)): Problem[] {
	const warnings: Problem[] = [];
	for (const name of ['for', 'against'] as const) {
		const c = b.sides[name];
		if (c.sourced - c.reported > 0 || c.referenced > 0) continue;
		const what =
			c.sourced + c.editorial === 0
				? 'has no node at all'
				: `has no node in its own voice (${c.editorial} editorial without references, ${c.reported} reported by the other side)`;
		warnings.push({
			file: map.file,
			line: 1,
			col: 1,
			message: `the side ${name === 'for' ? 'for' : 'against'} the thesis ${what}`,
			hint: 'cite a source that argues this side, or give its strongest case as an editorial node with references'
		});
	}
	return warnings;
}
