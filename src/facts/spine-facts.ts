/** Facts for spinal procedures: which facet joints a request targets and which segments are fused. */
import { canonicalSegment, isSegment, targetedJoints } from '../catalog/spine.js';
import { defineFacts } from './fact-types.js';
import type { FactContext } from './fact-context.js';

function joints(ctx: FactContext): string[] | undefined {
  const levels = ctx.item.item.levels;
  return levels && levels.length > 0 ? targetedJoints(levels) : undefined;
}

/**
 * Fused segments from the documented fusions. Undefined when no fusion is documented (the records'
 * silence is not a statement that the spine was never fused) and when a fusion is documented
 * without its levels: either way which segments are fused is not documented.
 */
function fused(ctx: FactContext): string[] | undefined {
  const fusions = (ctx.kase.procedures ?? []).filter((p) => ctx.catalog.isA(p.procedure, 'fusion'));
  if (fusions.length === 0) return undefined;
  if (fusions.some((f) => !f.levels || !f.levels.some(isSegment))) return undefined;
  return [...new Set(fusions.flatMap((f) => (f.levels ?? []).filter(isSegment).map(canonicalSegment)))];
}

export const spineFacts = defineFacts(
  {
    name: 'targeted_joints',
    type: 'list',
    description: 'facet joints the request targets (medial-branch levels L4, L5, S1 read as joints L4-L5, L5-S1)',
    compute: joints,
    explain: (ctx) => ctx.item.item.levels && `levels ${ctx.item.item.levels.join(', ')} → joints ${(joints(ctx) ?? []).join(', ')}`,
  },
  {
    name: 'joint_count',
    type: 'number',
    description: 'number of facet joint levels targeted',
    compute: (ctx) => joints(ctx)?.length,
    explain: (ctx) => ctx.item.item.levels && `joints ${(joints(ctx) ?? []).join(', ')}`,
  },
  {
    name: 'fused_segments',
    type: 'list',
    description: 'spinal segments fused by documented surgery; absent when no fusion is documented or a fusion\'s levels are not',
    compute: fused,
    explain: (ctx) => {
      const fusions = (ctx.kase.procedures ?? []).filter((p) => ctx.catalog.isA(p.procedure, 'fusion'));
      if (fusions.length === 0) return 'no prior fusion documented';
      return fusions.map((f) => `${f.as_written ?? f.procedure}${f.levels ? ` at ${f.levels.join(', ')}` : ' (levels not documented)'}`).join('; ');
    },
  },
  {
    name: 'prior_procedure',
    type: 'boolean',
    description: 'the procedure (or its class) was done before; false when the records list procedures without it',
    params: { procedure: 'procedure' },
    compute: (ctx, p) => {
      const list = ctx.kase.procedures;
      if (list === undefined) return undefined;
      return list.some((x) => ctx.catalog.isA(x.procedure, String(p.procedure)));
    },
  },
);
