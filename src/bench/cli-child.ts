/**
 * The `mtus` command run in this process, so its peak memory (main thread and workers) can be
 * read when it exits: written to MTUS_BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../cli/main.js', import.meta.url));
process.argv = [process.argv[0]!, main, ...process.argv.slice(2)];
process.on('exit', () => {
  const file = process.env.MTUS_BENCH_RSS_FILE;
  if (file) writeFileSync(file, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
});
await import(main);
