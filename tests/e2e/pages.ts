/**
 * Every page of the app, once each, for the checks that must see all of them
 * (phone.spec at 375 px, axe) and for `npm run screens`. `everyRoute()` reads
 * the route folders, so a new page that is missing here fails phone.spec.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
	expect,
	type APIRequestContext,
	type Browser,
	type BrowserContext
} from '@playwright/test';

export interface Visit {
	/** A file name for its screenshot: `map-node`. */
	name: string;
	path: string;
	/** The SvelteKit route id it renders, e.g. `/maps/[map]/[[node]]`. */
	route: string;
	/** Signed in as an editor first. */
	editor?: boolean;
	/** The test id of what the visit is for, which must show (so the checks see it too). */
	shows?: string;
}

export interface Subjects {
	map: string;
	node: string;
	source: string;
	/** A passage of `source` as `start-end`. */
	at: string;
	/** A word that search finds. */
	word: string;
	/** A node just proposed under `node` (see `propose`): its page thanks the reader. */
	proposed?: string;
	/** A live session started for `map` (see `startLive`). */
	live?: { id: string; code: string };
}

export function visits(s: Subjects): Visit[] {
	const list: Visit[] = [
		{ name: 'home', path: '/', route: '/' },
		{ name: 'map', path: `/maps/${s.map}`, route: '/maps/[map]/[[node]]' },
		{ name: 'map-node', path: `/maps/${s.map}/${s.node}`, route: '/maps/[map]/[[node]]' },
		{
			name: 'map-node-proposed',
			path: `/maps/${s.map}/${s.proposed ?? s.node}?proposed=1`,
			route: '/maps/[map]/[[node]]',
			...(s.proposed && { shows: 'proposed-notice' })
		},
		{ name: 'outline', path: `/outline/${s.map}`, route: '/outline/[map]' },
		{ name: 'source', path: `/sources/${s.source}`, route: '/sources/[source]' },
		{
			name: 'source-passage',
			path: `/sources/${s.source}?at=${s.at}#passage`,
			route: '/sources/[source]'
		},
		{
			name: 'source-cite',
			path: `/sources/${s.source}?cite=${s.map}/${s.node}&relation=rebuts`,
			route: '/sources/[source]'
		},
		{ name: 'search', path: '/search', route: '/search' },
		{ name: 'glossary', path: '/glossary', route: '/glossary' },
		{ name: 'search-results', path: `/search?q=${s.word}`, route: '/search' },
		{
			name: 'contribute',
			path: `/contribute/${s.map}/${s.node}?relation=rebuts`,
			route: '/contribute/[map]/[node]'
		},
		{ name: 'present', path: `/present/${s.map}?step=1`, route: '/present/[map]' },
		{
			name: 'presenter',
			path: `/present/${s.map}/presenter?step=1`,
			route: '/present/[map]/presenter'
		},
		{ name: 'print', path: `/print/${s.map}`, route: '/print/[map]' },
		{ name: 'print-teacher', path: `/print/${s.map}/teacher`, route: '/print/[map]/teacher' },
		{ name: 'changes', path: `/changes/${s.map}`, route: '/changes/[map]/[[range]]' },
		{ name: 'review', path: '/review', route: '/(editor)/review' },
		{ name: 'review-editor', path: '/review', route: '/(editor)/review', editor: true },
		{ name: 'new', path: '/new', route: '/(editor)/new' },
		{ name: 'new-editor', path: '/new', route: '/(editor)/new', editor: true },
		{ name: 'studio', path: `/studio/${s.map}`, route: '/studio/[map]', editor: true },
		{ name: 'live', path: '/live', route: '/live' }
	];
	if (s.live)
		list.push(
			{ name: 'live-student', path: `/live/${s.live.code}`, route: '/live/[code]' },
			{
				name: 'live-teacher',
				path: `/live/session/${s.live.id}`,
				route: '/live/session/[id]',
				editor: true
			},
			{
				name: 'live-report',
				path: `/live/session/${s.live.id}/report`,
				route: '/live/session/[id]/report',
				editor: true
			}
		);
	return list;
}

/** The route id of every `+page.svelte` under src/routes. */
export function everyRoute(root = 'src/routes'): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name === '+page.svelte') {
				const id = relative(root, dir).split(sep).join('/');
				found.push(id ? `/${id}` : '/');
			}
		}
	};
	walk(root);
	return found.sort();
}

/** What use:enhance sends: the action answers with JSON instead of a page. */
const action = { accept: 'application/json', 'x-sveltekit-action': 'true' };

/** Sign `context` in as an editor (the server's secret, as tests/e2e/serve.js sets it). */
export async function signIn(request: APIRequestContext, baseURL: string, secret: string) {
	const res = await request.post('/review?/signin', {
		form: { secret },
		headers: { ...action, origin: new URL(baseURL).origin }
	});
	expect(await res.text()).toMatch(/Signed in/);
}

/** Propose a support of `node`, so that review lists a proposal; returns the new node's id. */
export async function propose(
	request: APIRequestContext,
	baseURL: string,
	map: string,
	node: string,
	claim: string
) {
	const res = await request.post(`/contribute/${map}/${node}`, {
		form: { relation: 'supports', claim, contributor: 'A student' },
		headers: { ...action, origin: new URL(baseURL).origin }
	});
	const body = (await res.json()) as { type?: string; location?: string };
	expect(body.type, JSON.stringify(body)).toBe('redirect');
	return /\/maps\/[^/]+\/([^?]+)/.exec(body.location ?? '')?.[1];
}

/** Start a live session for `map` in `context` (which then holds its teacher cookie). */
export async function startLive(context: BrowserContext, baseURL: string, map: string) {
	const res = await context.request.post('/live?/start', {
		form: { map },
		headers: { ...action, origin: new URL(baseURL).origin }
	});
	const body = (await res.json()) as { location?: string };
	const id = /\/live\/session\/([a-f0-9]{20})/.exec(body.location ?? '')?.[1];
	expect(id, JSON.stringify(body)).toBeDefined();
	const page = await context.newPage();
	await page.goto(`/live/session/${id}`);
	const code = (await page.getByTestId('join-code').first().textContent())?.replace(/\W/g, '');
	await page.close();
	expect(code).toMatch(/^[A-Z0-9]{6}$/);
	return { id: id!, code: code! };
}

/**
 * What the every-page checks need before they visit (phone.spec, desktop.spec):
 * a support proposed under `under`, so review lists one and `?proposed=1`
 * thanks its proposer, and a live session, so the live pages have one to show.
 * Fills in `subjects.proposed` and `subjects.live`.
 */
export async function prepareVisits(
	browser: Browser,
	baseURL: string,
	subjects: Subjects,
	{ secret, under, claim }: { secret: string; under: string; claim: string }
) {
	const context = await browser.newContext({ baseURL });
	await signIn(context.request, baseURL, secret);
	subjects.proposed = await propose(context.request, baseURL, subjects.map, under, claim);
	subjects.live = await startLive(context, baseURL, subjects.map);
	await context.close();
}
