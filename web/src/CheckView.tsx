/**
 * Paste or upload a note and type the request; the facts read from it appear as a form beside the
 * note with each fact's sentence highlighted; the prediction follows every edit.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, base64Of, type Case, type CheckJson, type Extracted } from './api.js';
import { FactsForm } from './FactsForm.js';
import { NoteView } from './NoteView.js';
import { Result } from './Result.js';

export function CheckView() {
  const [request, setRequest] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [injuryDate, setInjuryDate] = useState('');
  const [requestDate, setRequestDate] = useState('');
  const [extracted, setExtracted] = useState<Extracted | undefined>();
  const [kase, setKase] = useState<Case | undefined>();
  const [result, setResult] = useState<CheckJson | undefined>();
  const [checking, setChecking] = useState(false);
  const [reading, setReading] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [active, setActive] = useState<string | undefined>();
  const inFlight = useRef<AbortController | undefined>(undefined);

  // Every edit re-checks; an answer to an older edit is dropped.
  useEffect(() => {
    if (!kase) return;
    inFlight.current?.abort();
    const ctl = new AbortController();
    inFlight.current = ctl;
    setChecking(true);
    const timer = setTimeout(() => {
      api.check(kase, ctl.signal).then(
        (r) => { setResult(r); setErrors([]); setChecking(false); },
        (e) => { if (!ctl.signal.aborted) { setErrors(messages(e)); setChecking(false); } },
      );
    }, 150);
    return () => clearTimeout(timer);
  }, [kase]);

  const read = async (e: Event) => {
    e.preventDefault();
    setReading(true);
    setErrors([]);
    try {
      const pdf = file && /\.pdf$/i.test(file.name) ? await base64Of(file) : undefined;
      const text = file && !pdf ? await file.text() : note;
      const out = await api.extract({ request, ...(pdf ? { pdf } : { note: text }), ...(injuryDate ? { injury_date: injuryDate } : {}), ...(requestDate ? { date: requestDate } : {}) });
      setExtracted(out);
      setResult(undefined);
      setKase(out.case);
    } catch (err) {
      setErrors(messages(err));
    } finally {
      setReading(false);
    }
  };

  return (
    <>
      <form class="input" onSubmit={read} aria-labelledby="input-heading">
        <h2 id="input-heading">Request and note</h2>
        <div class="field">
          <label for="request">Treatment requested</label>
          <input id="request" name="request" required value={request} placeholder="e.g. Norco 10/325 #90" onInput={(e) => setRequest((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="note">Clinical note (progress report, UR letter…)</label>
          <textarea id="note" name="note" rows={10} value={note} required={!file} placeholder="Paste the note here, or upload it below." onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        </div>
        <div class="row">
          <div class="field">
            <label for="upload">Or upload the note (text or PDF)</label>
            <input id="upload" type="file" accept=".txt,.text,.pdf,text/plain,application/pdf" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0])} />
          </div>
          <div class="field">
            <label for="injury-date">Date of injury (if the note lacks it)</label>
            <input id="injury-date" type="date" value={injuryDate} onInput={(e) => setInjuryDate((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="request-date">Date of request (default: the note's)</label>
            <input id="request-date" type="date" value={requestDate} onInput={(e) => setRequestDate((e.target as HTMLInputElement).value)} />
          </div>
        </div>
        <button type="submit" disabled={reading}>{reading ? 'Reading…' : 'Read the note'}</button>
      </form>

      {errors.length > 0 && (
        <div role="alert" class="errors">
          <p>The server could not use this input:</p>
          <ul>{errors.map((m, i) => <li key={i}>{m}</li>)}</ul>
        </div>
      )}

      {extracted && kase && (
        <div class="workspace">
          <section aria-labelledby="note-heading" class="note-pane">
            <h2 id="note-heading">The note, as read</h2>
            <NoteView text={extracted.text.slice(0, extracted.note_length)} facts={extracted.facts.filter((f) => (f.end ?? 0) <= extracted.note_length)} active={active} />
          </section>
          <section aria-labelledby="facts-heading" class="facts-pane">
            <h2 id="facts-heading">Facts read from the note <span class="count">({extracted.facts.length} with their sentences)</span></h2>
            <FactsForm kase={kase} original={extracted.case} facts={extracted.facts} onChange={setKase} onFocusFact={setActive} />
          </section>
          <div class="result-pane" aria-live="polite">
            {result ? <Result result={result} stale={checking} /> : <p>Checking…</p>}
          </div>
        </div>
      )}
    </>
  );
}

function messages(e: unknown): string[] {
  return e instanceof ApiError ? e.lines() : [e instanceof Error ? e.message : String(e)];
}
