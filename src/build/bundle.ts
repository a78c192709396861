/**
 * Bundles the `mtus` command with esbuild after `tsc` has built the library: Node then starts
 * from a few files instead of resolving and linking hundreds of modules, which is most of a
 * short command's start-up. Each command's code sits in its own chunk, loaded when it runs.
 * The bundle replaces dist/cli/main.js (the package's bin); the worker thread gets its own entry
 * beside it. Chunks sit in dist/cli too, so paths found from `import.meta.url` (the bundled rules
 * at ../../rules, the build id at ../build-id.txt) hold for the bundle as for the tsc output.
 */
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCaseValidator } from './case-validator.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'dist', 'cli');

// Chunks of an earlier build would otherwise pile up beside the new ones.
for (const f of readdirSync(out)) if (/^chunk-[A-Z0-9]+\.js$/.test(f)) rmSync(join(out, f));

/**
 * Modules a short command never uses, loaded on first use instead of at start: commander's
 * node:child_process (for executable subcommands, which mtus has none of), and json-rules-engine's
 * jsonpath-plus (condition paths) and hash-it (engine-side fact caching), which the rules do not
 * use: mtus answers facts itself. Loading them would cost a short command more than its own work.
 */
const LAZY = ['node:child_process', 'child_process', 'jsonpath-plus', 'hash-it'];
const lazyModules: Plugin = {
  name: 'lazy-modules',
  setup(b) {
    const filter = new RegExp(`^(${LAZY.map((m) => m.replace(/[-/]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => (args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      // Babel's interop asks whether a module is ES: answered from the build, without loading it.
      const esModule = Boolean((createRequire(join(root, 'package.json'))(args.path) as { __esModule?: boolean }).__esModule);
      return {
        contents: `let m; const load = () => (m ??= require(${JSON.stringify(args.path)})); module.exports = new Proxy({}, { get: (_, k) => (k === '__esModule' ? ${esModule} : load()[k]), has: (_, k) => k in load() });`,
        loader: 'js',
        resolveDir: root,
      };
    });
  },
};

await build({
  plugins: [lazyModules],
  // yaml's ES module build (the same code as its Node build) lets the bundler leave out what is unused.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/regress/worker.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  // pdfjs finds its worker, fonts and character maps next to its own files: leave it in node_modules.
  external: ['pdfjs-dist', 'pdfjs-dist/*'],
  // Bundled CommonJS packages (commander, cli-progress) call require() for Node's own modules.
  banner: { js: "import { createRequire as __mtusRequire } from 'node:module'; const require = __mtusRequire(import.meta.url);" },
  metafile: Boolean(process.env.MTUS_BUNDLE_META),
  minifyWhitespace: Boolean(process.env.MTUS_MIN),
  minifySyntax: Boolean(process.env.MTUS_MIN),
  minifyIdentifiers: Boolean(process.env.MTUS_MINID),
  keepNames: Boolean(process.env.MTUS_MIN),
  logLevel: 'warning',
}).then((r) => {
  if (r.metafile) writeFileSync(join(root, 'dist', 'bundle-meta.json'), JSON.stringify(r.metafile));
});

const notice = await writeCaseValidator(join(root, 'dist', 'model'));
if (notice) process.stderr.write(`build notice: ${notice}\n`);

/** One id for this build of the code: snapshots written by other code are never read. */
const hash = createHash('sha256');
const walk = (dir: string) => {
  for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, name.name);
    if (name.isDirectory()) walk(full);
    else if (name.name.endsWith('.js')) hash.update(name.name).update(readFileSync(full));
  }
};
walk(join(root, 'dist'));
writeFileSync(join(root, 'dist', 'build-id.txt'), `${hash.digest('hex').slice(0, 16)}\n`);
