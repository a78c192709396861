/**
 * The regress progress bar: on a terminal only, never with --json. Its total is the number of
 * cases to read (files and JSON Lines records, counted before the run), and beside it the items
 * scored so far, which ends equal to the report's item count.
 */
import { createReadStream } from 'node:fs';
import cliProgress from 'cli-progress';

export interface Progress {
  update(casesRead: number, itemsScored: number): void;
  stop(): void;
}

export function progressBar(total: number, stream: NodeJS.WritableStream & { isTTY?: boolean }): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'regress [{bar}] {value}/{total} cases | {items} items scored',
      clearOnComplete: true,
      hideCursor: false,
      // The terminal check is the caller's; cli-progress must draw on the stream it is given.
      noTTYOutput: stream.isTTY !== true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { items: 0 });
  return {
    update: (cases, items) => bar.update(cases, { items }),
    stop: () => bar.stop(),
  };
}

/** How many cases the files hold: one per YAML file or letter, one per non-blank JSON Lines line. */
export async function countCases(files: readonly string[]): Promise<number> {
  let n = 0;
  for (const f of files) n += f.endsWith('.jsonl') ? await countNonBlankLines(f) : 1;
  return n;
}

async function countNonBlankLines(file: string): Promise<number> {
  let lines = 0;
  let blank = true;
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      for (const byte of chunk) {
        if (byte === 0x0a) {
          if (!blank) lines++;
          blank = true;
        } else if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) blank = false;
      }
    }
  } catch {
    return lines; // an unreadable file is reported by the run itself
  }
  return blank ? lines : lines + 1;
}
