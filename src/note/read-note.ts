/** `mtus check --request ... --note FILE`: the note read (text or PDF) into a case, or a one-line error. */
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../diagnostics/diagnostic.js';
import { readLetterText } from '../import/text/letter-text.js';
import { caseFromNote, type NoteCase } from './note-case.js';

export interface NoteOptions {
  request: string[];
  note: string;
  injuryDate?: string;
  date?: string;
}

export async function readNoteCase(opts: NoteOptions, catalog: Catalog): Promise<Extract<NoteCase, { ok: true }>> {
  const { text } = await readLetterText(opts.note);
  const made = caseFromNote(
    {
      requests: opts.request, note: text, source: opts.note, id: opts.note.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''),
      ...(opts.injuryDate ? { injuryDate: opts.injuryDate } : {}),
      ...(opts.date ? { requestDate: opts.date } : {}),
    },
    catalog,
  );
  if (!made.ok) throw new InputError([{ file: opts.note, line: 1, column: 1, code: 'unreadable-note', message: made.error }]);
  return made;
}
