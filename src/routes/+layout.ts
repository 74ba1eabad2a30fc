import { STATIC_SITE } from '$lib/app/static-site';

// In the static build every page is prerendered; with a server, pages render
// on request (they show proposals and hand edits as soon as they are written).
export const prerender = STATIC_SITE;
