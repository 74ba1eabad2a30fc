import { describe, expect, it } from 'vitest';
import { stanceShift, tally } from './answers';

describe('tally and stanceShift', () => {
	it('tally counts known options only, in option order', () => {
		expect(
			tally({ id: 1, kind: 'relation' }, [
				['rebuts', 2],
				['supports', 1],
				['maybe', 5]
			])
		).toEqual({ prompt: 1, counts: { supports: 1, rebuts: 2 }, total: 3 });
		expect(
			tally({ id: 2, kind: 'propose' }, [
				['a', 1],
				['b', 1]
			]).counts
		).toEqual({
			proposed: 2
		});
	});

	it('stanceShift compares each student with themselves and the class as a whole', () => {
		const before = new Map([
			['a', '1'],
			['b', '3'],
			['c', '5'],
			['d', '2']
		]);
		const after = new Map([
			['a', '3'],
			['b', '3'],
			['c', '4'],
			['e', '5']
		]);
		expect(stanceShift(before, after)).toEqual({
			before: { 1: 1, 2: 1, 3: 1, 4: 0, 5: 1 },
			after: { 1: 0, 2: 0, 3: 2, 4: 1, 5: 1 },
			meanBefore: 2.75,
			meanAfter: 3.75,
			towardsYes: 1,
			towardsNo: 1,
			unchanged: 1
		});
	});
});
