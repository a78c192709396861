/** Facts about prior diagnostic studies (imaging, electrodiagnostics) of the region a request concerns. */
import type { Study } from '../model/case-schema.js';
import { defineFacts } from './fact-types.js';
import type { FactContext } from './fact-context.js';

/** Studies of the kind whose region overlaps the item's region (any region when the item states none). */
function studiesOf(ctx: FactContext, kind: string): Study[] {
  const regions = ctx.item.item.body_region;
  return (ctx.kase.studies ?? []).filter(
    (s) =>
      (s.study === kind || ctx.catalog.isA(s.study, kind))
      && (!regions || !s.body_region || s.body_region.some((r) => regions.includes(r))),
  );
}

export const studyFacts = defineFacts({
  name: 'prior_study',
  type: 'boolean',
  description: 'a prior study of the kind (mri, xray, imaging, electrodiagnostic, ...) of the same body region is documented; false when the records list studies without one',
  params: { study: 'study' },
  compute: (ctx, p) => {
    if (ctx.kase.studies === undefined) return undefined;
    return studiesOf(ctx, String(p.study)).length > 0;
  },
  explain: (ctx, p) => {
    const found = studiesOf(ctx, String(p.study));
    return found.length === 0 ? undefined : found.map((s) => `${s.study}${s.body_region ? ` ${s.body_region.join('/')}` : ''}${s.date ? ` ${s.date}` : ''}${s.result ? `: ${s.result}` : ''}`).join('; ');
  },
});
