import { describe, expect, it } from 'vitest';
import { clearDraft, readDraft, saveDraft } from './draft';

/** sessionStorage as a Map; `full` makes every write throw, as a full or disabled store does. */
function storage(full = false): Storage {
	const items = new Map<string, string>();
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (k) => items.get(k) ?? null,
		key: (i) => [...items.keys()][i] ?? null,
		removeItem: (k) => void items.delete(k),
		setItem: (k, v) => {
			if (full) throw new DOMException('full', 'QuotaExceededError');
			items.set(k, v);
		}
	};
}

describe('proposal drafts', () => {
	it('saveDraft then readDraft gives back what was typed, for that node only', () => {
		const s = storage();
		saveDraft(s, 'map/a', { claim: 'A claim', quote: ' exact ', source: 'src' });
		expect(readDraft(s, 'map/a')).toEqual({ claim: 'A claim', quote: ' exact ', source: 'src' });
		expect(readDraft(s, 'map/b')).toBeUndefined();
	});

	it('saveDraft drops the draft once every field is empty, and clearDraft removes it', () => {
		const s = storage();
		saveDraft(s, 'map/a', { claim: 'x' });
		saveDraft(s, 'map/a', { claim: '', note: '' });
		expect(readDraft(s, 'map/a')).toBeUndefined();
		saveDraft(s, 'map/a', { claim: 'x' });
		clearDraft(s, 'map/a');
		expect(readDraft(s, 'map/a')).toBeUndefined();
	});

	it('readDraft keeps only known text fields of what is stored, and survives junk', () => {
		const s = storage();
		s.setItem('atlas:proposal:map/a', JSON.stringify({ claim: 'ok', note: 4, status: 'accepted' }));
		expect(readDraft(s, 'map/a')).toEqual({ claim: 'ok' });
		s.setItem('atlas:proposal:map/a', '{not json');
		expect(readDraft(s, 'map/a')).toBeUndefined();
	});

	it('saveDraft on a full or disabled storage is no error', () => {
		expect(() => saveDraft(storage(true), 'map/a', { claim: 'x' })).not.toThrow();
	});
});
