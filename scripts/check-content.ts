/**
 * `npm run check:content`: validate every map and source; print each problem
 * as file:line:col and exit non-zero if there is any.
 */
import { formatProblems } from '../src/lib/arguments/problems';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';

const paths = contentPaths(process.argv[2]);
const { content, problems } = loadContentFromDisk(paths);
if (problems.length) {
	console.error(formatProblems(problems));
	process.exit(1);
}
let nodes = 0;
for (const map of content.maps.values()) nodes += map.nodes.length;
console.log(
	`content ok: ${content.maps.size} maps, ${nodes} nodes, ${content.sources.size} sources`
);
