/** Links into the app that carry more than a route: a passage in a source. */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/** The source reader, scrolled to and marking the passage `[start, end)`. */
export function passageHref(sourceId: string, start: number, end: number): ResolvedPathname {
	return `${resolve('/sources/[source]', { source: sourceId })}?at=${start}-${end}#passage` as ResolvedPathname;
}
