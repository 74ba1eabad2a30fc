/**
 * `npm run check:content`: validate every map and source; print each problem
 * as file:line:col and exit non-zero if there is any. Then report the balance
 * of each map (nodes for and against its thesis) and warn where a side has no
 * voice of its own; warnings do not fail the check.
 */
import { balanceWarnings, formatBalance, mapBalance } from '../src/lib/arguments/balance';
import { formatProblem, formatProblems } from '../src/lib/arguments/problems';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';

const paths = contentPaths(process.argv[2]);
const { content, problems } = loadContentFromDisk(paths);
if (problems.length) {
	console.error(formatProblems(problems));
	process.exit(1);
}
let nodes = 0;
for (const map of content.maps.values()) nodes += map.nodes.length;
let events = 0;
for (const timeline of content.timelines.values()) events += timeline.events.length;
console.log(
	`content ok: ${content.maps.size} maps, ${nodes} nodes, ${content.sources.size} sources, ` +
		`${content.timelines.size} timelines (${events} events), ${content.glossary.length} glossary terms`
);
console.log('balance (nodes for and against each thesis):');
for (const map of content.maps.values()) {
	const balance = mapBalance(map);
	console.log(`  ${formatBalance(balance)}`);
	for (const warning of balanceWarnings(map, balance))
		console.log(`  warning: ${formatProblem(warning)}`);
}
