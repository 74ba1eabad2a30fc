import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAtlasServer, PROTOCOL_HEADER, publicOrigin, TIMEOUTS } from './server.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

/** Start a server whose handler answers with the protocol header it was given. */
async function echoServer() {
	const server = createAtlasServer((req, res) => res.end(String(req.headers[PROTOCOL_HEADER])));
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	close = () => server.close();
	return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number, headers: Record<string, string>): Promise<string> {
	return new Promise((done, fail) => {
		request({ host: '127.0.0.1', port, headers }, (res) => {
			let body = '';
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => done(body));
		})
			.on('error', fail)
			.end();
	});
}

describe('the server entry', () => {
	it('tells the app every request came over plain http', async () => {
		const { port } = await echoServer();
		expect(await get(port, {})).toBe('http');
	});

	it('ignores a protocol a client claims for itself', async () => {
		const { port } = await echoServer();
		expect(await get(port, { [PROTOCOL_HEADER]: 'https', 'x-forwarded-proto': 'https' })).toBe(
			'http'
		);
	});

	it('bounds slow and idle clients without a socket timeout that would cut event streams', async () => {
		const { server } = await echoServer();
		expect(server.headersTimeout).toBe(TIMEOUTS.headersTimeout);
		expect(server.requestTimeout).toBe(TIMEOUTS.requestTimeout);
		expect(server.keepAliveTimeout).toBe(TIMEOUTS.keepAliveTimeout);
		expect(server.timeout).toBe(0);
	});
});

describe('PUBLIC_URL', () => {
	it('gives the origin links are built on', () => {
		expect(publicOrigin('https://atlas.example.org/')).toBe('https://atlas.example.org');
		expect(publicOrigin(undefined)).toBeUndefined();
		expect(publicOrigin('  ')).toBeUndefined();
	});

	it('says what is wrong with a value that is not an http(s) URL', () => {
		expect(() => publicOrigin('atlas.example.org')).toThrow(/PUBLIC_URL is not a URL/);
		expect(() => publicOrigin('ftp://atlas.example.org')).toThrow(/http:\/\/ or https:\/\//);
	});
});
