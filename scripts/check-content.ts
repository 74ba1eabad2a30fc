/**
 * `npm run check:content [root] [--strict]`: validate every map and source and
 * check the editorial policy (scripts/content-policy.ts). Prints each problem
 * as file:line:col; exits non-zero on any error (with --strict, on warnings too).
 * Then reports the balance of each map (nodes for and against its thesis) and
 * warns where a side has no voice of its own.
 */
import { balanceWarnings, formatBalance, mapBalance } from '../src/lib/arguments/balance';
import { formatProblem, formatProblems } from '../src/lib/arguments/problems';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';
import { checkPolicy } from './content-policy';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const paths = contentPaths(args.find((a) => !a.startsWith('--')));
const { content, problems } = loadContentFromDisk(paths);
// Policy is about content that loads: a broken map would only add knock-on coverage warnings.
const { errors, warnings } = checkPolicy(content, paths, { warn: problems.length === 0 });
const all = [...problems, ...errors];
for (const w of warnings) console.warn(`${formatProblem(w)} (warning)`);
if (all.length || (strict && warnings.length)) {
	console.error(formatProblems(all));
	if (warnings.length)
		console.error(`and ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
	process.exit(1);
}
let nodes = 0;
for (const map of content.maps.values()) nodes += map.nodes.length;
let events = 0;
for (const timeline of content.timelines.values()) events += timeline.events.length;
const warned = warnings.length
	? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`
	: '';
console.log(
	`content ok: ${content.maps.size} maps, ${nodes} nodes, ${content.sources.size} sources, ` +
		`${content.timelines.size} timelines (${events} events), ${content.glossary.length} glossary terms${warned}`
);
console.log('balance (nodes for and against each thesis):');
for (const map of content.maps.values()) {
	const balance = mapBalance(map);
	console.log(`  ${formatBalance(balance)}`);
	for (const warning of balanceWarnings(map, balance))
		console.log(`  warning: ${formatProblem(warning)}`);
}
