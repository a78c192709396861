/** A regress run of the bundled cases: the confusion matrix, the headline figures, per-rule agreement as a chart. */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type AgreementFile } from './api.js';

const OUTCOMES = ['upheld', 'overturned'] as const;
const PREDICTED = ['upheld', 'overturned', 'no_rule'] as const;
const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);

export function RegressView() {
  const [run, setRun] = useState<AgreementFile | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    api.regress().then(setRun, (e) => setError(e instanceof ApiError ? e.lines().join('; ') : String(e)));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!run) return <p aria-live="polite">Running the bundled cases…</p>;
  return (
    <section aria-labelledby="regress-heading">
      <h2 id="regress-heading">Regress run of the bundled cases</h2>
      <p>Ruleset {run.revision}, {run.items} IMR decisions from {run.inputs.join(', ')}, run {run.date}.</p>
      <table class="confusion">
        <caption>Confusion matrix: IMR decision (rows) against prediction (columns)</caption>
        <thead>
          <tr><th scope="col">actual \ predicted</th>{PREDICTED.map((p) => <th scope="col" key={p}>{p.replace('_', ' ')}</th>)}</tr>
        </thead>
        <tbody>
          {OUTCOMES.map((a) => (
            <tr key={a}>
              <th scope="row">{a}</th>
              {PREDICTED.map((p) => <td key={p} class={a === p ? 'agree' : ''}>{run.confusion[a][p]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <p>Accuracy {pct(run.accuracy)}, balanced accuracy {pct(run.balanced_accuracy)}; always answering "upheld": accuracy {pct(run.baseline.accuracy)}, balanced accuracy {pct(run.baseline.balanced_accuracy)}.</p>
      <AgreementChart rules={run.rules} />
    </section>
  );
}

function AgreementChart({ rules }: { rules: AgreementFile['rules'] }) {
  const rows = [...rules].sort((a, b) => b.items - a.items || a.rule.localeCompare(b.rule));
  const max = Math.max(1, ...rows.map((r) => r.items));
  const [label, bar, row] = [250, 300, 18];
  const height = rows.length * row + 24;
  return (
    <figure>
      <figcaption id="chart-caption">Per-rule agreement: items each rule decided (bar) and those the IMR decision agreed with (filled)</figcaption>
      <svg class="chart" viewBox={`0 0 ${label + bar + 90} ${height}`} role="img" aria-labelledby="chart-caption" width="100%">
        {rows.map((r, i) => {
          const y = i * row + 4;
          const w = (r.items / max) * bar;
          const filled = (r.agree / max) * bar;
          return (
            <g key={r.rule}>
              <text x={label - 6} y={y + 12} text-anchor="end" class="rule-label">{r.rule}</text>
              <rect x={label} y={y} width={w} height={row - 5} class="bar-total" />
              <rect x={label} y={y} width={filled} height={row - 5} class="bar-agree" />
              <text x={label + w + 6} y={y + 12} class="bar-value">{r.agree}/{r.items}</text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>The same figures as a table</summary>
        <table>
          <thead><tr><th scope="col">rule</th><th scope="col">items</th><th scope="col">agree</th></tr></thead>
          <tbody>{rows.map((r) => <tr key={r.rule}><td><code>{r.rule}</code></td><td>{r.items}</td><td>{r.agree}</td></tr>)}</tbody>
        </table>
      </details>
    </figure>
  );
}
