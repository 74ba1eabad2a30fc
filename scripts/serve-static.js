// Serves the static build (build-static/, from `npm run build:static`) the way a
// static host does: files only, `page.html` for `/page`, a 404 for anything
// else, and nothing that can be posted to. Under BASE_PATH when the build has
// one (e.g. BASE_PATH=/atlas for a site served from a folder).
//   PORT=4174 BASE_PATH=/atlas node scripts/serve-static.js
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import sirv from 'sirv';
import { SECURITY_HEADERS } from '../src/lib/security-headers.js';

const dir = 'build-static';
if (!existsSync(dir)) {
	console.error(`No ${dir}/: build it first with \`npm run build:static\`.`);
	process.exit(1);
}
const base = (process.env.BASE_PATH ?? '').replace(/\/$/, '');
const port = Number(process.env.PORT ?? 4174);
const host = process.env.HOST ?? '127.0.0.1';
const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });

createServer((req, res) => {
	// As a static host sets them from static/_headers; each page's CSP is in its <meta>.
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	const notFound = () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	};
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.statusCode = 405;
		res.setHeader('allow', 'GET, HEAD');
		res.end('A static site takes no posts');
		return;
	}
	const url = req.url ?? '/';
	if (base) {
		if (url !== base && !url.startsWith(`${base}/`) && !url.startsWith(`${base}?`))
			return notFound();
		req.url = url.slice(base.length) || '/';
	}
	files(req, res, notFound);
}).listen(port, host, () => console.log(`Static site on http://${host}:${port}${base}/`));
