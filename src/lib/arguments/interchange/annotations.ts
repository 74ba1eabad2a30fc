/**
 * Every anchor of a map as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/):
 * the claim is the body, the cited passage the target, selected twice — by a
 * TextQuoteSelector (the passage with the text around it) and by a
 * TextPositionSelector. The model counts positions in Unicode code points
 * (§4.2.2, "each character is a code point"), so they are converted from the
 * UTF-16 indices the app uses; for the bundled sources the two agree.
 */
import type { ArgumentMap, Source } from '../model';
import { codePointIndex, exportedNodes, stringIndex } from './tree';

/** How much text around a passage the quote selector carries, in code points, as annotation tools do. */
const CONTEXT = 32;

export interface WebAnnotation {
	'@context'?: string;
	id: string;
	type: 'Annotation';
	motivation: 'describing';
	created?: string;
	body: { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'describing' };
	target: {
		source: string;
		selector: [
			{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
			{ type: 'TextPositionSelector'; start: number; end: number }
		];
	};
}

export interface AnnotationCollection {
	'@context': string;
	id: string;
	type: 'AnnotationCollection';
	label: string;
	total: number;
	first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** Where a source text is identified: a stable URN, since a deployment's address varies. */
export function sourceIri(sourceId: string): string {
	return `urn:argument-atlas:source:${sourceId}`;
}

export function exportAnnotations(
	map: ArgumentMap,
	sources: Map<string, Source>,
	now = new Date()
): AnnotationCollection {
	const items: WebAnnotation[] = [];
	for (const node of exportedNodes(map))
		node.cites.forEach((cite, i) => {
			const text = sources.get(cite.source)?.text ?? '';
			const start = codePointIndex(text, cite.start);
			const end = codePointIndex(text, cite.end);
			items.push({
				id: `urn:argument-atlas:map:${map.id}:node:${node.id}:cite:${i + 1}`,
				type: 'Annotation',
				motivation: 'describing',
				created: now.toISOString(),
				body: {
					type: 'TextualBody',
					value: node.claim,
					format: 'text/plain',
					purpose: 'describing'
				},
				target: {
					source: sourceIri(cite.source),
					selector: [
						{
							type: 'TextQuoteSelector',
							exact: cite.quote,
							// Counted in code points too: cutting UTF-16 units could split an emoji in half.
							prefix: text.slice(stringIndex(text, Math.max(0, start - CONTEXT)), cite.start),
							suffix: text.slice(cite.end, stringIndex(text, end + CONTEXT))
						},
						{ type: 'TextPositionSelector', start, end }
					]
				}
			});
		});
	const id = `urn:argument-atlas:map:${map.id}:annotations`;
	return {
		'@context': 'http://www.w3.org/ns/anno.jsonld',
		id,
		type: 'AnnotationCollection',
		label: `${map.title}: every cited passage`,
		total: items.length,
		first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items }
	};
}
