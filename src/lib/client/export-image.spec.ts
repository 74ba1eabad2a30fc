import { describe, expect, it } from 'vitest';
import { MAX_PNG_SIDE, pngScale } from './export-image';

describe('pngScale(width, height)', () => {
	it.each([
		[1122, 1609, 2],
		[MAX_PNG_SIDE, 100, 1],
		[100, MAX_PNG_SIDE * 2, 0.5]
	])('%i × %i → %d', (width, height, scale) => {
		expect(pngScale(width, height)).toBe(scale);
	});

	it('keeps the longest side within MAX_PNG_SIDE', () => {
		expect(Math.max(6000, 300) * pngScale(6000, 300)).toBeLessThanOrEqual(MAX_PNG_SIDE);
	});
});
