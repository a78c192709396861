/**
 * Where `mtus serve` finds the built page and the seed cases. Resolved from a module two folders
 * below the package root, as the bundled rules are: that holds both for the tsc output
 * (dist/serve/paths.js) and for the bundled CLI, whose chunks sit in dist/cli.
 */
import { fileURLToPath } from 'node:url';

/** The page Vite builds during `npm ci` (web/ → dist/web). */
export const WEB_DIR = fileURLToPath(new URL('../web', import.meta.url));
/** The cases shipped with the package (the page's regress view reads their last run). */
export const CASES_DIR = fileURLToPath(new URL('../../cases', import.meta.url));
