/** `mtus serve`: the web page, the JSON API and the CDS Hooks service, on loopback by default. */
import { Command, InvalidArgumentError } from 'commander';
import { loadAgreement } from '../../advice/agreement.js';
import { openRuleset } from '../../ruleset/open-ruleset.js';
import { CASES_DIR, WEB_DIR } from '../../serve/paths.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the web page, the JSON API (/api) and the CDS Hooks service (/cds-services)')
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, 8080)
    .option('--host <address>', 'address to bind (default loopback; 0.0.0.0 exposes it to the network)', '127.0.0.1')
    .option('--rules <dir>', 'ruleset directory (default: the bundled rules)')
    .option('--quiet', 'no request log')
    .action(async (opts: { port: number; host: string; rules?: string; quiet?: boolean }) => {
      const ruleset = await openRuleset(opts.rules);
      // Loaded here, not at the top: other commands should not pay for the HTTP stack.
      const { buildServer } = await import('../../serve/app.js');
      const app = await buildServer({
        ruleset,
        agreement: loadAgreement(ruleset.dir),
        webDir: WEB_DIR,
        casesDir: CASES_DIR,
        log: !opts.quiet,
      });
      const address = await app.listen({ port: opts.port, host: opts.host });
      process.stdout.write(`mtus serve: open ${address}/ (API ${address}/api/openapi.json, CDS Hooks ${address}/cds-services)\n`);
      const stop = () => void app.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
