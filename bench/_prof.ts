import autocannon from 'autocannon';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';
import { generateMap, quotableSentences } from './generate';
import { scratchRoot, startServer, ROOT } from './harness';
const sources = loadContentFromDisk(contentPaths(ROOT)).content.sources;
const quotes = quotableSentences([...sources.values()].map((s) => ({ id: s.id, text: s.text })));
const maps = Array.from({ length: 100 }, (_, i) => generateMap(200, quotes, { id: `static-${i + 1}`, seed: i + 1 }));
const root = scratchRoot(maps, false);
const server = await startServer(root, 4405);
const m = 'static-7';
const paths: Record<string, string> = {
	'map page': `/maps/${m}`,
	'node page': `/maps/${m}/n57`,
	'node data': `/maps/${m}/n57/__data.json?x-sveltekit-invalidated=11`,
	contribute: `/contribute/${m}/n57`,
	'contribute data': `/contribute/${m}/n57/__data.json?x-sveltekit-invalidated=11`,
	outline: `/outline/${m}`,
	present: `/present/${m}`,
	print: `/print/${m}`,
	changes: `/changes/${m}`,
	'tree.json': `/maps/${m}/tree.json`,
	source: `/sources/${[...sources.keys()][0]}`,
	home: '/'
};
for (const [what, path] of Object.entries(paths)) {
	const r = await autocannon({ url: server.url + path, connections: 1, duration: 3, headers: { cookie: 'bypass=1' } });
	const size = (await (await fetch(server.url + path, { headers: { cookie: 'bypass=1' } })).text()).length;
	console.log(`${what.padEnd(16)} ${r.latency.average.toFixed(2)} ms/render  ${(size / 1024).toFixed(1)} kB  (${r.non2xx} non-2xx)`);
}
await server.stop();
