/**
 * Type inference for tables whose types are not declared: an adaptive table builder
 * (used by the CSV/TSV and the generic JSON parsers) and the portal's locale datetimes.
 */
export { DEFAULT_KEEP_TEXT_ROWS, DEFAULT_SAMPLE_SIZE, InferringTableBuilder } from './inferringTableBuilder';
export type { InferringTableOptions } from './inferringTableBuilder';
export type { InferredType, RawCell, StringInference } from './classify';
export { classifyCell, convertCell } from './classify';
export type { DateOrder, DateOrderEvidence } from './localeDatetime';
export { DateOrderVote, dateOrderEvidence, parseInferredDatetime, parseLocaleDatetime } from './localeDatetime';
