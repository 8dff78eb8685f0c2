/** `render`: passes its input through and records the visualization request for the UI. */
import type { RenderSpec } from '../plan';
import type { Relation } from './relation';

/** Applies `render`: rows are unchanged; the spec travels with the result. */
export function applyRender(relation: Relation, spec: RenderSpec): { relation: Relation; render: RenderSpec } {
  return { relation, render: spec };
}
