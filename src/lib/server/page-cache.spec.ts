import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scratchRoot } from '../../../tests/fixtures/content-helpers';
import { createContentIndex } from './content-index';
import { acceptsGzip, createPageCache, keepable } from './page-cache';

const BIG = 'x'.repeat(4000);

/** A cache over a version the test moves, and a renderer that counts its calls. */
function setup() {
	let version: string | undefined = '1';
	const cache = createPageCache({ version: () => version });
	const rendered: string[] = [];
	const render =
		(body: (url: string) => string, init: ResponseInit = {}) =>
		(request: Request) =>
		async () => {
			rendered.push(request.url);
			return new Response(body(request.url), {
				headers: { 'content-type': 'text/html' },
				...init
			});
		};
	const get = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });
	return {
		cache,
		rendered,
		render,
		get,
		setVersion: (v: string | undefined) => (version = v)
	};
}

const page = (url: string) => `<h1>${url}</h1>${BIG}`;

describe('createPageCache(options).respond(request, render)', () => {
	it('renders a page once and answers the next readers from the cache', async () => {
		const { cache, rendered, render, get } = setup();
		for (let i = 0; i < 3; i++) {
			const request = get('http://a.test/maps/m');
			const response = await cache.respond(request, render(page)(request));
			expect(await response.text()).toBe(page('http://a.test/maps/m'));
		}
		expect(rendered).toHaveLength(1);
		expect(cache.counts).toEqual({ hits: 2, renders: 1 });
	});

	it('renders afresh once the content version moves (a proposal or a hand edit)', async () => {
		const { cache, render, get, setVersion } = setup();
		let text = 'before';
		const r1 = get('http://a.test/maps/m');
		await cache.respond(r1, render(() => text)(r1));
		text = 'after';
		setVersion('2');
		const r2 = get('http://a.test/maps/m');
		expect(await (await cache.respond(r2, render(() => text)(r2))).text()).toBe('after');
	});

	it('never serves the page of one host to another (its links and QR codes name the host)', async () => {
		const { cache, render, get } = setup();
		for (const host of ['localhost:3000', '192.168.1.20:3000', 'localhost:3000']) {
			const request = get(`http://${host}/maps/m`);
			const response = await cache.respond(request, render(page)(request));
			expect(await response.text()).toContain(`http://${host}/maps/m`);
		}
		expect(cache.size.entries).toBe(2);
	});

	it("never serves a signed-in editor's page to a reader, nor a reader's to the editor", async () => {
		const { cache, rendered, render, get } = setup();
		const editor = get('http://a.test/maps/m', { cookie: 'atlas_editor=token' });
		const editorPage = await cache.respond(editor, render(() => 'editor view')(editor));
		expect(await editorPage.text()).toBe('editor view');
		const reader = get('http://a.test/maps/m');
		expect(await (await cache.respond(reader, render(() => 'reader view')(reader))).text()).toBe(
			'reader view'
		);
		const again = get('http://a.test/maps/m', { cookie: 'atlas_editor=token' });
		expect(await (await cache.respond(again, render(() => 'editor view')(again))).text()).toBe(
			'editor view'
		);
		expect(rendered).toHaveLength(3);
	});

	it.each([
		['sets a cookie', { headers: { 'set-cookie': 'a=1' } }],
		['is private', { headers: { 'cache-control': 'private' } }],
		['is no-store', { headers: { 'cache-control': 'no-store' } }],
		['varies by cookie', { headers: { vary: 'Cookie' } }],
		['is not a 200', { status: 404 }]
	])('does not keep an answer that %s', async (_, init) => {
		const { cache, rendered, render, get } = setup();
		for (let i = 0; i < 2; i++) {
			const request = get('http://a.test/p');
			await cache.respond(request, render(page, init)(request));
		}
		expect(rendered).toHaveLength(2);
		expect(cache.size.entries).toBe(0);
	});

	it('keeps nothing while the version is unknown (history without a watcher)', async () => {
		const { cache, rendered, render, get, setVersion } = setup();
		setVersion(undefined);
		for (let i = 0; i < 2; i++) {
			const request = get('http://a.test/p');
			await cache.respond(request, render(page)(request));
		}
		expect(rendered).toHaveLength(2);
	});

	it('does not keep a page the content changed under while it rendered', async () => {
		const { cache, rendered, get, setVersion } = setup();
		const first = get('http://a.test/p');
		await cache.respond(first, async () => {
			setVersion('2'); // a hand edit lands mid-render
			return new Response('old content');
		});
		const second = get('http://a.test/p');
		const response = await cache.respond(second, async () => {
			rendered.push('again');
			return new Response('new content');
		});
		expect(await response.text()).toBe('new content');
	});

	it('renders once for many readers arriving together', async () => {
		const { cache, rendered, render, get } = setup();
		const answers = await Promise.all(
			Array.from({ length: 20 }, () => {
				const request = get('http://a.test/p');
				return cache.respond(request, render(page)(request));
			})
		);
		expect(rendered).toHaveLength(1);
		for (const a of answers) expect(await a.text()).toBe(page('http://a.test/p'));
	});

	it('sends gzip to a browser that accepts it, with Vary and an ETag; 304 when unchanged', async () => {
		const { cache, render, get } = setup();
		const plain = get('http://a.test/p');
		const first = await cache.respond(plain, render(page)(plain));
		expect(first.headers.get('content-encoding')).toBeNull();
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^W\/".+"$/);
		const zipped = get('http://a.test/p', { 'accept-encoding': 'gzip, deflate, br' });
		const second = await cache.respond(zipped, render(page)(zipped));
		expect(second.headers.get('content-encoding')).toBe('gzip');
		expect(second.headers.get('vary')).toBe('Accept-Encoding');
		expect(second.headers.get('etag')).toBe(etag);
		const body = Buffer.from(await second.arrayBuffer());
		expect(Number(second.headers.get('content-length'))).toBe(body.length);
		expect(gunzipSync(body).toString()).toBe(page('http://a.test/p'));
		const revalidate = get('http://a.test/p', { 'if-none-match': etag });
		const third = await cache.respond(revalidate, render(page)(revalidate));
		expect(third.status).toBe(304);
	});

	it('drops the least recently used pages past its size', async () => {
		const cache = createPageCache({ version: () => '1', maxBytes: 80_000 });
		for (let i = 0; i < 40; i++) {
			const request = new Request(`http://a.test/p${i}`);
			await cache.respond(request, async () => new Response(`${i}${'y'.repeat(8000)}${i}`));
		}
		expect(cache.size.bytes).toBeLessThanOrEqual(80_000);
		expect(cache.size.entries).toBeLessThan(40);
	});
});

describe('acceptsGzip(request) and keepable(response)', () => {
	it.each([
		['gzip, deflate, br', true],
		['br;q=1.0, gzip;q=0.8', true],
		['*', true],
		['gzip;q=0', false],
		['identity', false],
		['', false]
	])('accept-encoding "%s" → %s', (header, expected) => {
		expect(
			acceptsGzip(new Request('http://a.test/', { headers: { 'accept-encoding': header } }))
		).toBe(expected);
	});

	it('keeps a plain 200 and one that varies only by Accept-Encoding', () => {
		expect(keepable(new Response('x'))).toBe(true);
		expect(keepable(new Response('x', { headers: { vary: 'Accept-Encoding' } }))).toBe(true);
		expect(keepable(new Response('x', { headers: { vary: 'Accept-Encoding, Host' } }))).toBe(false);
	});
});

describe('the page cache over the content index', () => {
	it('shows a hand edit on the next request after the watcher sees it', async () => {
		const paths = scratchRoot('atlas-cache');
		const index = createContentIndex(paths);
		try {
			const cache = createPageCache({ version: () => String(index.version) });
			const title = async () => {
				const request = new Request('http://a.test/maps/technocrats-essay');
				const response = await cache.respond(request, async () =>
					Response.json(index.current().content.maps.get('technocrats-essay')!.title)
				);
				return response.json();
			};
			const before = await title();
			expect(await title()).toBe(before);
			const changed = index.changed();
			const file = join(paths.mapsDir, 'technocrats-essay.yaml');
			writeFileSync(
				file,
				readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited by hand')
			);
			await changed;
			expect(await title()).toBe('Edited by hand');
		} finally {
			index.close();
			rmSync(paths.root, { recursive: true, force: true });
		}
	});
});
