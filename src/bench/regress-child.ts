/** Runs one regression in its own process and reports its time and peak memory as JSON. */
import { loadRuleset } from '../ruleset/load-ruleset.js';
import { runRegress } from '../regress/run-regress.js';

const [file, workers] = process.argv.slice(2);
const ruleset = loadRuleset();
const start = performance.now();
const { report } = await runRegress(ruleset, [file!], { workers: Number(workers), keepPredictions: false, maxMismatches: 100 });
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, items: report.items + report.unscored, maxRssKb: process.resourceUsage().maxRSS })}\n`);
