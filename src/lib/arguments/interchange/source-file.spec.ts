import { describe, expect, it } from 'vitest';
import { ImportError } from './draft';
import { sourceTextFromFile } from './source-file';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sourceTextFromFile(name, bytes)', () => {
	it('keeps a .txt or .md file exactly as given, spaces, line ends and all', () => {
		const text = 'Boric  won.\r\n\r\n*Really* — “yes”.\n';
		expect(sourceTextFromFile('a.txt', bytes(text))).toBe(text);
		expect(sourceTextFromFile('a.MD', bytes(text))).toBe(text);
	});

	it('takes the text a reader sees from HTML: no tags, scripts, link addresses or images', () => {
		const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style><script>alert(1)</script></head>
<body><nav><a href="/">Home</a></nav><h1>Chile votes</h1><p>Boric <a href="https://x.example">won</a> the run&#8209;off &amp; the <em>peso</em> fell.</p><img src="x.png" alt="chart"><p>Second paragraph.</p></body></html>`;
		expect(sourceTextFromFile('page.html', bytes(html))).toBe(
			'Chile votes\n\nBoric won the run‑off & the peso fell.\n\nSecond paragraph.\n'
		);
	});

	it('keeps the words of tables, quotations and lists apart, without the markers a reader never sees', () => {
		const html = `<p>Results:</p><table><tr><th>Year</th><th>Votes</th></tr><tr><td>2021</td><td>55.9%</td></tr></table>
<blockquote><p>Hope will defeat fear.</p></blockquote><hr><ul><li>One</li><li>Two</li></ul><p>a&nbsp;b 😀</p>`;
		expect(sourceTextFromFile('page.htm', bytes(html))).toBe(
			'Results:\n\nYear   Votes\n2021   55.9%\n\nHope will defeat fear.\n\n * One\n * Two\n\na\u00a0b 😀\n'
		);
	});

	it.each([
		[
			'a file of another type',
			'notes.pdf',
			bytes('%PDF-1.4'),
			/a \.txt, \.md or \.html file, not "notes\.pdf"/
		],
		['a binary file named .txt', 'x.txt', new Uint8Array([1, 0, 2]), /binary file/],
		[
			'HTML without text',
			'empty.html',
			bytes('<html><body><img src=a></body></html>'),
			/no text to map/
		]
	])('refuses %s with a message saying what to do', (_, name, data, problem) => {
		expect(() => sourceTextFromFile(name, data)).toThrow(ImportError);
		expect(() => sourceTextFromFile(name, data)).toThrow(problem);
	});
});
