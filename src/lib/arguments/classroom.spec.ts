import { describe, expect, it } from 'vitest';
import { handout, slides } from './classroom';
import { loadFixtureMaps } from '../../../tests/fixtures/content-helpers';

// tests/fixtures/maps/valid.yaml: mandate ─┬─ supports: task (a note), referendum-mandate
//                                          └─ rebuts: process-in-motion ─┬─ teacher-counterpoint (editorial)
//                                                                         └─ proposed-one (proposed)
const { content } = loadFixtureMaps('valid');
const map = content.maps.get('valid')!;
const markdown = (md: string) => `<p>${md.trim()}</p>`;

describe('slides(content, map, notes?)', () => {
	it('follows the reveal order, then the rest depth-first, without proposals', () => {
		const deck = slides(content, map);
		expect(deck.slides.map((s) => s.id)).toEqual([
			'mandate',
			'process-in-motion',
			'task',
			'referendum-mandate',
			'teacher-counterpoint'
		]);
		expect(deck.treeOrder).toEqual([
			'mandate',
			'task',
			'referendum-mandate',
			'process-in-motion',
			'teacher-counterpoint'
		]);
		expect(deck.map.question).toBe("Can Boric replace Chile's constitution?");
	});

	it('carries each quote with its source, and the editorial reason of an editorial node', () => {
		const byId = new Map(slides(content, map).slides.map((s) => [s.id, s]));
		expect(byId.get('mandate')!.cites).toMatchObject([
			{ sourceId: 'boric-thread', quote: 'But he has a huge mandate.' }
		]);
		const editorial = byId.get('teacher-counterpoint')!;
		expect(editorial.editorial).toBe(true);
		expect(editorial.editorialText).toMatch(/^No source says this/);
		expect(editorial.cites).toEqual([]);
	});

	it('leaves notes off the projected slides and renders them for the presenter', () => {
		const task = (notes?: (md: string) => string) =>
			slides(content, map, notes).slides.find((s) => s.id === 'task')!;
		expect(task().noteHtml).toBeUndefined();
		expect(task(markdown).noteHtml).toBe(
			'<p>The commenter links the constitution to **inequality**.</p>'
		);
	});
});

describe('handout(content, map, audience, notes)', () => {
	it('gives the teacher the summary and the student none, both the questions', () => {
		const teacher = handout(content, map, 'teacher', markdown);
		const student = handout(content, map, 'student', markdown);
		expect(teacher.map.summary).toMatch(/^A reader welcomes Boric's win/);
		expect(student.map.summary).toBeUndefined();
		expect(student.map.discussion).toHaveLength(2);
		expect(teacher.map.discussion).toEqual(student.map.discussion);
	});

	it('lists every reviewed node depth-first with its note, and numbers the sources cited', () => {
		const sheet = handout(content, map, 'student', markdown);
		expect(sheet.nodes.map((n) => n.id)).toEqual(slides(content, map).treeOrder);
		expect(sheet.nodes.find((n) => n.id === 'task')!.noteHtml).toMatch(/inequality/);
		expect(sheet.sources.map((s) => [s.number, s.id])).toEqual([[1, 'boric-thread']]);
		expect(sheet.nodes[0]!.cites[0]).toMatchObject({ sourceNumber: 1, sourceId: 'boric-thread' });
		// The proposal's quote is not cited by anything shown.
		expect(JSON.stringify(sheet)).not.toContain('punitive abortion');
	});
});
