/**
 * The extracted facts as a form. Every change re-checks the case; a field in focus highlights the
 * sentence it was read from. Clearing a field makes the fact undocumented, as the records would.
 */
import { useState } from 'preact/hooks';
import type { Case, FactLine } from './api.js';
import { fromTriState, getIn, setIn, toggleTag, triState, type Path } from './edit.js';

interface Props {
  kase: Case;
  original: Case;
  facts: FactLine[];
  onChange: (kase: Case) => void;
  onFocusFact: (path: string | undefined) => void;
}

const WORK = ['full_duty', 'modified_duty', 'off_work', 'not_working'];
const TAG_LISTS = [
  ['conditions', 'Conditions documented'],
  ['conditions_absent', 'Conditions ruled out'],
  ['findings', 'Findings documented'],
  ['findings_absent', 'Findings documented as absent'],
] as const;

export function FactsForm({ kase, original, facts, onChange, onFocusFact }: Props) {
  const has = (path: string) => facts.some((f) => f.path === path || f.path.startsWith(`${path}.`));
  const id = (path: Path) => `fact-${path.join('-')}`;
  const focus = (path: Path) => ({ onFocus: () => onFocusFact(path.join('.')) });
  const mark = (path: Path) => (has(path.join('.')) ? <span class="from-note" title="read from the note (highlighted there while this field has focus)">from the note</span> : null);

  const text = (path: Path, label: string, type: 'text' | 'date' | 'number' = 'text', attrs: Record<string, unknown> = {}) => {
    const v = getIn(kase, path);
    return (
      <div class="field">
        <label for={id(path)}>{label} {mark(path)}</label>
        <input
          id={id(path)} type={type as 'text'} value={v === undefined ? '' : String(v)} {...attrs} {...focus(path)}
          onChange={(e) => {
            const raw = (e.target as HTMLInputElement).value.trim();
            onChange(setIn(kase, path, raw === '' ? undefined : type === 'number' ? Number(raw) : raw));
          }}
        />
      </div>
    );
  };

  const yesNo = (path: Path, label: string) => (
    <div class="field">
      <label for={id(path)}>{label} {mark(path)}</label>
      <select id={id(path)} value={triState(getIn(kase, path))} {...focus(path)} onChange={(e) => onChange(setIn(kase, path, fromTriState((e.target as HTMLSelectElement).value)))}>
        <option value="">not documented</option>
        <option value="yes">yes</option>
        <option value="no">no</option>
      </select>
    </div>
  );

  return (
    <form class="facts" aria-label="Facts read from the note" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Request</legend>
        {kase.items.map((_, i) => (
          <div class="item-fields" key={i}>
            <div class="field">
              <label for={`fact-items-${i}-request`}>Item {i + 1}: treatment requested</label>
              <input
                id={`fact-items-${i}-request`} required value={kase.items[i]!.request} {...focus(['items', i])}
                onChange={(e) => {
                  const request = (e.target as HTMLInputElement).value.trim();
                  if (request) onChange(setIn(kase, ['items', i], rewordedItem(kase.items[i]!, request)));
                }}
              />
            </div>
            <div class="row">
              {text(['items', i, 'quantity'], 'Quantity', 'number', { min: 0, placeholder: 'from the request' })}
              {text(['items', i, 'frequency'], 'Frequency', 'text', { placeholder: 'from the request' })}
              {text(['items', i, 'visits'], 'Visits', 'number', { min: 1, placeholder: 'from the request' })}
              {text(['items', i, 'weeks'], 'Over weeks', 'number', { min: 1, placeholder: 'from the request' })}
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>Dates and patient</legend>
        <div class="row">
          {text(['dates', 'injury'], 'Date of injury', 'date')}
          {text(['dates', 'request'], 'Date of request', 'date')}
          {text(['patient', 'age'], 'Age', 'number', { min: 0, max: 120 })}
        </div>
        <div class="row">
          <div class="field">
            <label for="fact-work_status">Work status {mark(['work_status'])}</label>
            <select id="fact-work_status" value={kase.work_status ?? ''} {...focus(['work_status'])} onChange={(e) => onChange(setIn(kase, ['work_status'], (e.target as HTMLSelectElement).value || undefined))}>
              <option value="">not documented</option>
              {WORK.map((w) => <option value={w} key={w}>{w.replace(/_/g, ' ')}</option>)}
            </select>
          </div>
          {text(['pain_score'], 'Pain score (0-10)', 'number', { min: 0, max: 10 })}
          {yesNo(['functional_improvement'], 'Functional improvement')}
        </div>
      </fieldset>

      {TAG_LISTS.map(([list, legend]) => (
        <TagList key={list} legend={legend} list={list} kase={kase} original={original} mark={mark} onChange={onChange} onFocusFact={onFocusFact} />
      ))}

      <fieldset>
        <legend>Treatments so far</legend>
        {(kase.treatments ?? []).length === 0 && <p class="hint">None read from the note.</p>}
        {(kase.treatments ?? []).map((t, i) => (
          <div class="treatment" key={i}>
            <h4 id={`treatment-${i}`}>{t.as_written ?? t.treatment} {mark(['treatments', i])}</h4>
            <div class="row" role="group" aria-labelledby={`treatment-${i}`}>
              {yesNo(['treatments', i, 'current'], 'In current use')}
              {text(['treatments', i, 'start'], 'Started', 'date')}
              {yesNo(['treatments', i, 'pain_relief'], 'Pain relief')}
              {yesNo(['treatments', i, 'functional_improvement'], 'Functional improvement')}
              {text(['treatments', i, 'visits'], 'Sessions done', 'number', { min: 0 })}
            </div>
          </div>
        ))}
      </fieldset>
    </form>
  );
}

/**
 * A reworded request is read afresh by the server: what was read from the old wording goes, what
 * the records say about the item stays.
 */
function rewordedItem(item: Case['items'][number], request: string): Case['items'][number] {
  const { associated_surgery, associated_surgery_authorized, records_show, request_date, ur_approved } = item;
  return JSON.parse(JSON.stringify({ request, associated_surgery, associated_surgery_authorized, records_show, request_date, ur_approved }));
}

interface TagListProps {
  legend: string;
  list: (typeof TAG_LISTS)[number][0];
  kase: Case;
  original: Case;
  mark: (path: Path) => unknown;
  onChange: (kase: Case) => void;
  onFocusFact: (path: string | undefined) => void;
}

/** Tags as checkboxes: the ones read from the note stay listed when unticked; new ones can be added. */
function TagList({ legend, list, kase, original, mark, onChange, onFocusFact }: TagListProps) {
  const [adding, setAdding] = useState('');
  const read = original[list] ?? [];
  const shown = [...new Set([...read, ...(kase[list] ?? [])])];
  const add = () => {
    const tag = adding.trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (tag) onChange(toggleTag(kase, list, tag, true));
    setAdding('');
  };
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul class="tags">
        {shown.map((tag) => {
          const at = read.indexOf(tag);
          const path: Path = at >= 0 ? [list, at] : [list];
          return (
            <li key={tag}>
              <input type="checkbox" id={`tag-${list}-${tag}`} checked={(kase[list] ?? []).includes(tag)} onFocus={() => onFocusFact(at >= 0 ? path.join('.') : undefined)} onChange={(e) => onChange(toggleTag(kase, list, tag, (e.target as HTMLInputElement).checked))} />
              <label for={`tag-${list}-${tag}`}>{tag.replace(/_/g, ' ')}</label> {at >= 0 ? mark(path) : null}
            </li>
          );
        })}
      </ul>
      <div class="add">
        <label for={`add-${list}`}>Add a tag</label>
        <input id={`add-${list}`} value={adding} placeholder="catalog tag, e.g. radiculopathy" onInput={(e) => setAdding((e.target as HTMLInputElement).value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())} />
        <button type="button" onClick={add}>Add</button>
      </div>
    </fieldset>
  );
}
