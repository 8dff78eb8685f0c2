/**
 * The scalar function registry: every function the engine implements, by lower-case Kusto
 * name, merged from one table per family. A new function is one kernel plus one line in its
 * family's table; `SUPPORTED_SCALAR_FUNCTIONS` (read by the syntax lowering to report
 * "not supported yet") is derived from here.
 */
import type { ScalarKernel } from './kernel';
import { CONDITIONAL_FUNCTIONS } from './conditional';
import { CONVERSION_FUNCTIONS } from './conversion';
import { DATETIME_FUNCTIONS } from './datetime';
import { DYNAMIC_FUNCTIONS } from './dynamic';
import { ARRAY_FUNCTIONS } from './arrays';
import { ENCODING_FUNCTIONS } from './encoding';
import { IP_FUNCTIONS } from './ip';
import { INTROSPECTION_FUNCTIONS } from './introspection';
import { NUMERIC_FUNCTIONS } from './numeric';
import { TIMESPAN_FUNCTIONS } from './timespan';
import { LOGIC_FUNCTIONS } from './logic';
import { MATH_FUNCTIONS } from './math';
import { STRING_FUNCTIONS } from './string';
import { TEXT_FUNCTIONS } from './text';
import { WINDOW_FUNCTIONS } from './window';
import { TO_SCALAR_FUNCTIONS } from './toScalar';
import { SERIES_FUNCTIONS } from './series';
import { SERIES_ANALYSIS_FUNCTIONS } from './seriesAnalysis';
import { SERIES_TUPLE_FUNCTIONS } from './seriesTuples';
import { SERIES_DECOMPOSE_FUNCTIONS } from './seriesDecompose';
import { SERIES_FIT_FUNCTIONS } from './seriesFit';
import { PARSE_KV_FUNCTIONS } from './parseKv';
import { UNIT_FUNCTIONS } from './units';
import { SPECIAL_FUNCTIONS } from './special';
import { HASHING_FUNCTIONS } from './hashing';
import { TIME_ZONE_FUNCTIONS } from './timeZone';
import { STRING_EXTRA_FUNCTIONS } from './stringExtras';
import { PARSER_FUNCTIONS } from './parsers';
import { IP_TEXT_FUNCTIONS } from './ipText';
import { DATA_SIZE_FUNCTIONS } from './dataSize';
import { SEQUENCE_FUNCTIONS } from './sequences';
import { ARRAY_SORT_COLUMN_FUNCTIONS } from './arraySortColumns';
import { BAG_FUNCTIONS } from './bags';
import { SKETCH_FUNCTIONS } from './sketches';
import { LOWERED_CALL_FUNCTIONS } from './loweredCalls';
import { DYNAMIC_EXTRA_FUNCTIONS } from './dynamicExtras';
import { STATISTICS_EXTRA_FUNCTIONS } from './statisticsExtras';
import { STRING_CHECK_FUNCTIONS } from './stringChecks';
import { TIME_ZONE_LIST_FUNCTIONS } from './timeZoneList';

/** Every scalar function kernel by Kusto name. */
export const SCALAR_FUNCTIONS: ReadonlyMap<string, ScalarKernel> = new Map<string, ScalarKernel>([
  ...Object.entries(LOGIC_FUNCTIONS),
  ...Object.entries(CONDITIONAL_FUNCTIONS),
  ...Object.entries(CONVERSION_FUNCTIONS),
  ...Object.entries(DATETIME_FUNCTIONS),
  ...Object.entries(MATH_FUNCTIONS),
  ...Object.entries(STRING_FUNCTIONS),
  ...Object.entries(DYNAMIC_FUNCTIONS),
  ...Object.entries(ARRAY_FUNCTIONS),
  ...Object.entries(TEXT_FUNCTIONS),
  ...Object.entries(WINDOW_FUNCTIONS),
  ...Object.entries(ENCODING_FUNCTIONS),
  ...Object.entries(IP_FUNCTIONS),
  ...Object.entries(NUMERIC_FUNCTIONS),
  ...Object.entries(TIMESPAN_FUNCTIONS),
  ...Object.entries(INTROSPECTION_FUNCTIONS),
  ...Object.entries(TO_SCALAR_FUNCTIONS),
  ...Object.entries(SERIES_FUNCTIONS),
  ...Object.entries(SERIES_ANALYSIS_FUNCTIONS),
  ...Object.entries(SERIES_TUPLE_FUNCTIONS),
  ...Object.entries(SERIES_DECOMPOSE_FUNCTIONS),
  ...Object.entries(SERIES_FIT_FUNCTIONS),
  ...Object.entries(PARSE_KV_FUNCTIONS),
  ...Object.entries(UNIT_FUNCTIONS),
  ...Object.entries(SPECIAL_FUNCTIONS),
  ...Object.entries(HASHING_FUNCTIONS),
  ...Object.entries(TIME_ZONE_FUNCTIONS),
  ...Object.entries(STRING_EXTRA_FUNCTIONS),
  ...Object.entries(PARSER_FUNCTIONS),
  ...Object.entries(IP_TEXT_FUNCTIONS),
  ...Object.entries(DATA_SIZE_FUNCTIONS),
  ...Object.entries(SEQUENCE_FUNCTIONS),
  ...Object.entries(ARRAY_SORT_COLUMN_FUNCTIONS),
  ...Object.entries(BAG_FUNCTIONS),
  ...Object.entries(SKETCH_FUNCTIONS),
  ...Object.entries(LOWERED_CALL_FUNCTIONS),
  ...Object.entries(DYNAMIC_EXTRA_FUNCTIONS),
  ...Object.entries(STATISTICS_EXTRA_FUNCTIONS),
  ...Object.entries(STRING_CHECK_FUNCTIONS),
  ...Object.entries(TIME_ZONE_LIST_FUNCTIONS),
]);

/** Lower-case names of the scalar functions the engine implements. */
export const SUPPORTED_SCALAR_FUNCTIONS: ReadonlySet<string> = new Set(SCALAR_FUNCTIONS.keys());
