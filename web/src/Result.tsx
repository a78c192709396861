/** The prediction per item: outcome, deciding criterion and citation, confidence, what to document; the full explanation on demand. */
import type { Requirement } from '../../src/advice/plan.js';
import type { CheckItem, CheckJson } from './api.js';

const VERDICT = { upheld: 'Upheld: not medically necessary', overturned: 'Overturned: medically necessary', no_rule: 'No rule applies: no prediction' } as const;
const STATUS = { met: 'met', not_met: 'not met', unknown: 'not documented', not_applicable: 'does not apply' } as const;
const MARK = { met: '✓', not_met: '✗', unknown: '?', not_applicable: '–' } as const;

export function Result({ result, stale }: { result: CheckJson; stale: boolean }) {
  return (
    <section class={`result${stale ? ' stale' : ''}`} aria-labelledby="result-heading" aria-busy={stale}>
      <h2 id="result-heading">Predicted IMR outcome</h2>
      {result.items.map((item, i) => <ItemResult key={i} item={item} index={i} />)}
    </section>
  );
}

function ItemResult({ item, index }: { item: CheckItem; index: number }) {
  const s = item.summary;
  return (
    <article class={`item ${item.prediction}`} data-testid={`item-${index + 1}`}>
      <h3>{index + 1}. {item.request}</h3>
      <p class="verdict" data-testid="prediction">{VERDICT[item.prediction]}</p>
      <p class="read-as">Read as: {item.treatment?.replace(/_/g, ' ') ?? 'a treatment the catalog does not recognise'}</p>
      {s.decisive ? (
        <dl>
          <dt>Decisive criterion <span class={`status ${s.decisive.status}`}>{STATUS[s.decisive.status]}</span></dt>
          <dd>
            <q>{s.decisive.text}</q>
            {s.decisive.context && <span class="context"> (under: {s.decisive.context})</span>}
            <cite>{s.decisive.citation}</cite>
          </dd>
          <dt>Confidence</dt>
          <dd>{s.confidence ? `${Math.round(s.confidence.rate * 100)}%: ${s.confidence.rule} agreed with ${s.confidence.agree} of ${s.confidence.items} IMR decisions (${s.confidence.source === 'last-run' ? 'the last regress run' : 'the bundled cases'})` : `no historical IMR decision was judged by ${s.decisive.rule}`}</dd>
          {item.prediction === 'upheld' && (
            <>
              <dt>What to document</dt>
              <dd data-testid="to-document">
                {s.can_change === false ? <p>Nothing documented or changed in the request would turn this: the criterion above cannot be met for it.</p> : s.to_document && <Plan plan={s.to_document} />}
              </dd>
            </>
          )}
        </dl>
      ) : (
        <>
          {item.no_rule && <p><strong>No rule:</strong> {item.no_rule.reason.replace(/_/g, ' ')} ({item.no_rule.detail})</p>}
          <p>{item.rationale}</p>
        </>
      )}
      <details>
        <summary>Full explanation</summary>
        <ul class="criteria">
          {item.criteria.map((c, k) => {
            const depth = (c as { depth?: number }).depth ?? 0;
            return (
              <li key={k} class={c.status} style={{ marginLeft: `${depth * 1.2}em` }}>
                <span aria-label={STATUS[c.status]}>{MARK[c.status]}</span> {c.text} <code>{c.id}</code>
              </li>
            );
          })}
        </ul>
        {item.missing.length > 0 && <p><strong>To pass, document:</strong> {item.missing.join('; ')}</p>}
        <p class="rationale">{item.rationale}</p>
        {item.citation && <p><strong>Rule</strong> <code>{item.rule}</code>: {item.citation}</p>}
      </details>
    </article>
  );
}

/** All of the top-level parts; an either/or shown as such. */
function Plan({ plan }: { plan: Requirement }) {
  const parts = 'all' in plan ? plan.all : [plan];
  return (
    <ul class="plan">
      {parts.map((p, i) => <li key={i}><Part r={p} /></li>)}
    </ul>
  );
}

function Part({ r }: { r: Requirement }) {
  if ('change' in r) {
    const verb = r.change.kind === 'request' ? 'request ' : r.change.kind === 'wait' ? 'request it ' : r.change.kind === 'treat' ? 'first: ' : '';
    return <span>{verb}{r.change.text}</span>;
  }
  if ('all' in r) return <span>{r.all.map((x, i) => <span key={i}>{i > 0 && ' and '}<Part r={x} /></span>)}</span>;
  return (
    <span class="either">
      either{' '}
      {r.any.map((x, i) => <span key={i}>{i > 0 && <em> or </em>}<Part r={x} /></span>)}
    </span>
  );
}
