/**
 * `--watch`: run, then run again whenever a YAML file under the watched folders changes, until
 * stopped. Bad input is printed as its located lines and the watch goes on: a rule author
 * mid-edit gets the error, fixes it, and sees the next run.
 */
import { watch, type FSWatcher } from 'node:fs';
import { formatDiagnostic, InputError } from '../diagnostics/diagnostic.js';

export interface WatchOptions {
  /** stops watching; the promise then resolves */
  signal: AbortSignal;
  /** quiet time after the last change before running again (editors write in bursts) */
  debounceMs?: number;
  out?: { write(s: string): unknown };
}

export async function runAndWatch(folders: readonly string[], run: () => Promise<void>, opts: WatchOptions): Promise<void> {
  const out = opts.out ?? process.stderr;
  const once = async () => {
    try {
      await run();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const d of e.diagnostics) out.write(`${formatDiagnostic(d)}\n`);
    }
    out.write(`watching ${folders.join(', ')} for changes (Ctrl-C to stop)\n`);
  };
  await once();
  if (opts.signal.aborted) return;
  await new Promise<void>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const changed = (file: string | null) => {
      if (file !== null && !/\.ya?ml$/.test(file)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(() => {
          out.write(`\n${file ?? 'a file'} changed: running again\n`);
          return once();
        }).catch(reject);
      }, opts.debounceMs ?? 150);
    };
    const watchers: FSWatcher[] = folders.map((f) => watch(f, { recursive: true }, (_event, file) => changed(file)));
    opts.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      running.then(() => resolve(), reject);
    }, { once: true });
  });
}
