/**
 * The text Kusto shows for a cell — used by the results grid, by CSV export and by
 * `tostring()`. Dates are ISO 8601 with 7 fractional digits, timespans `[d.]hh:mm:ss[.fffffff]`.
 */
import type { Column, DynamicValue } from '../table/column';
import type { ScalarType } from './scalarType';
import { formatDatetime, formatTimespan } from './datetime';

/**
 * A real as Kusto (.NET) prints it: the shortest round-trip digits, in fixed notation when the
 * decimal exponent is in [-4, 14] and otherwise as `d.dddE+XX` (`1E+15`, `2.5E-05`; docs:
 * erfc-function shows `2.20904969985854E-05`). JavaScript switches notation at other bounds
 * (1e21, 1e-7), so only the notation is rewritten, never the digits.
 */
export function formatReal(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return '0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent > -5 && exponent < 15) return String(value);
  return `${mantissa}E${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Text of one plain value of `type` (numbers: datetime/timespan ticks, bool 0/1 or boolean). Null -> ''. */
export function formatScalar(type: ScalarType, value: number | boolean | string | DynamicValue): string {
  if (value === null) return '';
  switch (type) {
    case 'bool':
      return value === true || value === 1 ? 'true' : value === false || value === 0 ? 'false' : String(value);
    case 'datetime':
      return typeof value === 'number' ? formatDatetime(value) : String(value);
    case 'timespan':
      return typeof value === 'number' ? formatTimespan(value) : String(value);
    case 'real':
      return typeof value === 'number' ? formatReal(value) : String(value);
    case 'int':
    case 'long':
    case 'decimal':
      return String(value);
    case 'string':
    case 'guid':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'dynamic':
      return typeof value === 'string' ? value : JSON.stringify(value);
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** The text Kusto shows for row `row` of `column`; null (and `string`'s empty) as ''. */
export function formatValue(column: Column, row: number): string {
  switch (column.kind) {
    case 'number':
      if (column.nulls !== null && column.nulls[row] === 1) return '';
      if (column.exact !== undefined) return column.exact[row].toString();
      return formatScalar(column.type, column.data[row]);
    case 'string': {
      const code = column.codes[row];
      return code < 0 ? '' : column.dict[code];
    }
    case 'dynamic':
      return formatScalar('dynamic', column.values[row]);
    default: {
      const never: never = column;
      return never;
    }
  }
}
