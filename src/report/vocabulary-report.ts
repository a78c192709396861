/** `mtus vocabulary`: facts, operators, tags and treatments, for people (text, Markdown) and machines. */
import type { Vocabulary } from '../vocabulary/vocabulary.js';
import { cell, type Reporter } from './reporter.js';

const list = (xs: readonly string[]) => xs.join(', ');

export const vocabularyReporter: Reporter<Vocabulary> = {
  json: (v) => v,
  text(v, c) {
    const parts: string[] = [];
    if (v.facts) {
      parts.push(c.bold(`Facts (${v.facts.length})`));
      for (const f of v.facts) {
        const params = Object.keys(f.params).length ? `{${Object.entries(f.params).map(([k, t]) => `${k}: ${t}`).join(', ')}}` : '';
        parts.push(`  ${f.name}${params} ${c.dim(f.type)}`, `      ${f.description}`);
      }
    }
    if (v.operators) {
      parts.push(c.bold(`Operators (${v.operators.length})`));
      for (const o of v.operators) parts.push(`  ${o.operator.padEnd(22)} ${c.dim(list(o.types))}`);
    }
    if (v.tags) {
      parts.push(c.bold(`Condition and finding tags (${v.tags.length})`));
      for (const t of v.tags) {
        const more = [t.names.length ? `names: ${list(t.names)}` : '', t.implies.length ? `implies: ${list(t.implies)}` : '', t.red_flag ? 'red flag' : ''].filter(Boolean);
        parts.push(`  ${t.id} ${c.dim(t.kind)}${more.length ? `  ${c.dim(more.join('; '))}` : ''}`);
      }
    }
    if (v.treatments) {
      parts.push(c.bold(`Treatments and classes (${v.treatments.length})`));
      for (const t of v.treatments) {
        const more = [t.classes.length ? `classes: ${list(t.classes)}` : '', t.route ? `route: ${t.route}` : '', t.names.length ? `names: ${list(t.names)}` : ''].filter(Boolean);
        parts.push(`  ${t.id} ${c.dim(t.kind)}${more.length ? `  ${c.dim(more.join('; '))}` : ''}`);
      }
    }
    return parts.join('\n');
  },
  markdown(v) {
    const out: string[] = [];
    if (v.facts) out.push('## Facts', '', '| fact | type | parameters | meaning |', '|---|---|---|---|', ...v.facts.map((f) => `| \`${f.name}\` | ${f.type} | ${cell(Object.entries(f.params).map(([k, t]) => `${k}: ${t}`).join(', '))} | ${cell(f.description)} |`), '');
    if (v.operators) out.push('## Operators', '', '| operator | fact types |', '|---|---|', ...v.operators.map((o) => `| \`${o.operator}\` | ${list(o.types)} |`), '');
    if (v.tags) out.push('## Tags', '', '| tag | kind | names | implies |', '|---|---|---|---|', ...v.tags.map((t) => `| \`${t.id}\` | ${t.kind}${t.red_flag ? ' (red flag)' : ''} | ${cell(list(t.names))} | ${cell(list(t.implies))} |`), '');
    if (v.treatments) out.push('## Treatments', '', '| id | kind | classes | names |', '|---|---|---|---|', ...v.treatments.map((t) => `| \`${t.id}\` | ${t.kind} | ${cell(list(t.classes))} | ${cell(list(t.names))} |`));
    return out.join('\n');
  },
};
