import { readFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../src/lib/security-headers.js';
import { createAtlasServer, PROTOCOL_HEADER, publicOrigin, TIMEOUTS } from './server.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

/** Start a server whose handler answers with the protocol header it was given. */
async function echoServer(timeouts: Partial<typeof TIMEOUTS> = {}) {
	const server = createAtlasServer(
		(req, res) => res.end(String(req.headers[PROTOCOL_HEADER])),
		timeouts
	);
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	close = () => {
		server.closeAllConnections();
		server.close();
	};
	return { server, port: (server.address() as AddressInfo).port };
}

function getWithHeaders(
	port: number,
	headers: Record<string, string>
): Promise<{ body: string; headers: IncomingHttpHeaders }> {
	return new Promise((done, fail) => {
		request({ host: '127.0.0.1', port, headers }, (res) => {
			let body = '';
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => done({ body, headers: res.headers }));
		})
			.on('error', fail)
			.end();
	});
}

const get = async (port: number, headers: Record<string, string>) =>
	(await getWithHeaders(port, headers)).body;

/**
 * Open `n` connections that each send `send` (nothing, or a request's start),
 * and resolve when the server has closed every one of them.
 */
function closedByServer(port: number, n: number, send: string): Promise<number> {
	return Promise.all(
		Array.from(
			{ length: n },
			() =>
				new Promise<void>((done, fail) => {
					const socket = connect(port, '127.0.0.1', () => socket.write(send));
					socket.on('data', () => {});
					socket.on('error', fail);
					// The client never ends these: only the server can.
					socket.on('close', () => done());
				})
		)
	).then((closed) => closed.length);
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

	// The timeouts are shortened for the test; each waits only for the server to act.
	const short = {
		headersTimeout: 300,
		requestTimeout: 600,
		keepAliveTimeout: 200,
		connectionsCheckingInterval: 50
	};

	it('closes 500 connections that never send a request', async () => {
		const { port } = await echoServer(short);
		expect(await closedByServer(port, 500, '')).toBe(500);
	}, 20_000);

	it('closes connections whose headers never finish, and keep-alive connections left idle', async () => {
		const { port } = await echoServer(short);
		expect(await closedByServer(port, 100, 'GET / HTTP/1.1\r\nHost: x\r\n')).toBe(100);
		expect(await closedByServer(port, 100, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')).toBe(100);
	}, 20_000);

	it('sets the security headers on every response', async () => {
		const { port } = await echoServer();
		const { headers } = await getWithHeaders(port, {});
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name]).toBe(value);
	});
});

describe('static/_headers', () => {
	it('gives static hosts the same security headers as the server', () => {
		const lines = readFileSync('static/_headers', 'utf8')
			.split('\n')
			.filter((l) => /^\s+\S+: /.test(l))
			.map(
				(l) =>
					l
						.trim()
						.split(/: (.*)/s)
						.slice(0, 2) as [string, string]
			);
		expect(Object.fromEntries(lines.map(([k, v]) => [k.toLowerCase(), v]))).toEqual(
			SECURITY_HEADERS
		);
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
