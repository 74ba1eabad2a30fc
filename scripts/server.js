/**
 * The app's HTTP server: adapter-node's request handler (build/handler.js) in
 * a Node server of our own, so the app works as installed, with no settings.
 *
 * adapter-node builds each request's URL from ORIGIN, or else from a protocol
 * header, or else assumes https. A teacher's laptop serves plain http, on
 * localhost and on the room's wifi address alike, so assuming https made
 * SvelteKit's cross-site check refuse every form and put https:// into QR
 * codes. Here each request is told the protocol it really arrived on (plain
 * http: this server speaks nothing else) through a header of our own that we
 * set ourselves, so nothing a client sends can change it, and the host is the
 * one the browser asked for: links and QR codes carry the address the page was
 * reached on, and a form posted from another site is still refused.
 *
 * Behind a TLS proxy, PUBLIC_URL (e.g. https://atlas.example.org) is the one
 * address for links, QR codes and the cookie's Secure flag.
 */
import http from 'node:http';
import { networkInterfaces } from 'node:os';
import { pathToFileURL } from 'node:url';
import { SECURITY_HEADERS } from '../src/lib/security-headers.js';

/** The header this server sets on every request; a client's own value is replaced. */
export const PROTOCOL_HEADER = 'x-atlas-protocol';

/**
 * Timeouts against idle and slow clients. A connection that sends nothing, or
 * its headers too slowly, is closed after headersTimeout; a request body still
 * arriving after requestTimeout is cut; a keep-alive connection idle between
 * requests is closed after keepAliveTimeout. Node checks the first two every
 * connectionsCheckingInterval. requestTimeout bounds receiving a request, not
 * sending the response, so long-lived Server-Sent Events streams are not cut
 * by it; no socket inactivity timeout (server.timeout) is set for the same reason.
 */
export const TIMEOUTS = {
	headersTimeout: 20_000,
	requestTimeout: 60_000,
	keepAliveTimeout: 10_000,
	connectionsCheckingInterval: 5_000
};

/**
 * The origin every URL is built on when PUBLIC_URL is set, else undefined.
 * @param {string | undefined} publicUrl
 * @returns {string | undefined}
 */
export function publicOrigin(publicUrl) {
	if (!publicUrl?.trim()) return undefined;
	let url;
	try {
		url = new URL(publicUrl.trim());
	} catch {
		throw new Error(`PUBLIC_URL is not a URL: "${publicUrl}" (e.g. https://atlas.example.org)`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new Error(`PUBLIC_URL must start with http:// or https://, not "${url.protocol}"`);
	return url.origin;
}

/**
 * A Node server around `handler` (a connect-style (req, res) handler) that tells
 * it each request arrived over plain http.
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => void} handler
 * @param {Partial<typeof TIMEOUTS>} [timeouts]
 */
export function createAtlasServer(handler, timeouts = {}) {
	const server = http.createServer({ ...TIMEOUTS, ...timeouts }, (req, res) => {
		req.headers[PROTOCOL_HEADER] = 'http';
		// On every response, the built assets' too; a page's own CSP replaces the first.
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		handler(req, res);
	});
	server.keepAliveTimeout = timeouts.keepAliveTimeout ?? TIMEOUTS.keepAliveTimeout;
	return server;
}

/** This machine's LAN addresses (IPv4, not loopback): where phones on the same wifi reach it. */
function lanAddresses() {
	return Object.values(networkInterfaces())
		.flat()
		.filter((a) => a && a.family === 'IPv4' && !a.internal)
		.map((a) => /** @type {import('node:os').NetworkInterfaceInfo} */ (a).address);
}

/** Start the built app: `npm start` (and `npm run serve`, after building). */
export async function start() {
	const origin = publicOrigin(process.env.PUBLIC_URL);
	// adapter-node reads these when build/handler.js is first imported.
	if (origin) process.env.ORIGIN = origin;
	process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	// adapter-node refuses bodies over 512 kB by default; an import or a source
	// text may be 2 MB (IMPORT_MAX_BYTES), sent as a form with its fields.
	process.env.BODY_SIZE_LIMIT ??= '3M';
	const handlerPath = new URL('../build/handler.js', import.meta.url).href;
	let handler;
	try {
		({ handler } = await import(handlerPath));
	} catch (e) {
		// A setting the app refuses at start (src/lib/server/startup.ts): its words, no stack.
		if (/** @type {Error} */ (e).name === 'StartupError') {
			console.error(/** @type {Error} */ (e).message);
			process.exit(1);
		}
		if (/** @type {{ code?: string }} */ (e).code !== 'ERR_MODULE_NOT_FOUND') throw e;
		console.error('No build found: run `npm run build` first, or start with `npm run serve`.');
		process.exit(1);
	}
	const host = process.env.HOST ?? '0.0.0.0';
	const port = Number(process.env.PORT ?? 3000);
	const server = createAtlasServer(handler);
	server.listen(port, host, () => {
		const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
		const lines = [];
		if (origin) lines.push(`Argument Atlas at ${origin} (PUBLIC_URL)`);
		else {
			const everywhere = host === '0.0.0.0' || host === '::';
			lines.push(
				`Argument Atlas at http://${everywhere ? 'localhost' : host}:${actual}`,
				...(everywhere ? lanAddresses().map((a) => `  on this network: http://${a}:${actual}`) : [])
			);
		}
		lines.push(
			process.env.ATLAS_EDITOR_SECRET?.trim()
				? '  editing on: sign in at /review'
				: '  editing off (start with ATLAS_EDITOR_SECRET=… to review proposals)'
		);
		console.log(lines.join('\n'));
	});

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		// Finish requests in flight (a proposal being saved), then exit; open
		// streams and keep-alive sockets do not hold the exit for long.
		server.close(() => process.exit(0));
		server.closeIdleConnections();
		setTimeout(() => server.closeAllConnections(), 3000).unref();
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await start();
