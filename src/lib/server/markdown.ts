/**
 * Markdown from content and contributors, rendered on the server with marked
 * and sanitized with DOMPurify: no script, no event handlers, no remote images.
 */
import DOMPurify from 'isomorphic-dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown) as string;
	return DOMPurify.sanitize(html, {
		USE_PROFILES: { html: true },
		FORBID_TAGS: ['img', 'style', 'form', 'input', 'button', 'iframe'],
		FORBID_ATTR: ['style']
	});
}
