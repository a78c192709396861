/** The note as read, each fact's sentence highlighted; the sentence of the fact in focus stands out. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { FactLine } from './api.js';

interface Props {
  text: string;
  facts: FactLine[];
  active: string | undefined;
}

interface Segment {
  text: string;
  start: number;
  paths: string[];
}

export function NoteView({ text, facts, active }: Props) {
  const segments = useMemo(() => segmentsOf(text, facts), [text, facts]);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector('mark.active')?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <div class="note" ref={box} tabIndex={0} role="region" aria-label="The note as read, with the sentence of each fact highlighted">
      {segments.map((s) =>
        s.paths.length === 0 ? (
          <span key={s.start}>{s.text}</span>
        ) : (
          <mark key={s.start} class={active && s.paths.some((p) => p === active || p.startsWith(`${active}.`)) ? 'active' : undefined} title={s.paths.join(', ')}>
            {s.text}
          </mark>
        ),
      )}
    </div>
  );
}

/** Cuts the text at every evidence boundary; each piece knows which facts it supports. */
function segmentsOf(text: string, facts: FactLine[]): Segment[] {
  const located = facts.filter((f): f is FactLine & { start: number; end: number } => f.start !== undefined && f.end !== undefined && f.end <= text.length);
  const cuts = [...new Set([0, text.length, ...located.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    out.push({ text: text.slice(a, b), start: a, paths: located.filter((f) => f.start <= a && f.end >= b).map((f) => f.path) });
  }
  return out;
}
