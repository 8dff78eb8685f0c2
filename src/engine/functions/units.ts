/**
 * Unit conversions: convert_angle, convert_energy, convert_force, convert_length, convert_mass,
 * convert_speed, convert_temperature, convert_volume (`convert_x(value, from, to)`). An unknown
 * unit or a null value gives null. Unit names are matched exactly first, then ignoring case.
 */
import type { UnitConversion, UnitTable } from '../types/unitTables';
import {
  ANGLE_UNITS, ENERGY_UNITS, FORCE_UNITS, LENGTH_UNITS, MASS_UNITS, SPEED_UNITS, TEMPERATURE_UNITS, VOLUME_UNITS,
} from '../types/unitTables';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { mapValues } from './vector';
import { asText } from './textVector';

/** A unit of `table` by name: exact spelling, or the only case-insensitive match. */
function unitOf(table: UnitTable, name: Scalar, lowerCase: ReadonlyMap<string, UnitConversion>): UnitConversion | null {
  if (typeof name !== 'string') return null;
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : (lowerCase.get(name.toLowerCase()) ?? null);
}

/** Converts `value` from unit `from` to unit `to` of `table`; null when a unit is unknown. */
export function convertUnits(table: UnitTable, value: number, from: string, to: string): number | null {
  const lower = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  const a = unitOf(table, from, lower);
  const b = unitOf(table, to, lower);
  return a === null || b === null ? null : b[1](a[0](value));
}

function converter(table: UnitTable): ScalarKernel {
  const lower = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  return (args, call, ctx) =>
    mapValues([args[0], asText(args[1], ctx), asText(args[2], ctx)], call.type, ctx, ([v, from, to]) => {
      const a = unitOf(table, from, lower);
      const b = unitOf(table, to, lower);
      if (a === null || b === null || typeof v !== 'number') return null;
      return b[1](a[0](v));
    });
}

/** Unit conversion functions by Kusto name. */
export const UNIT_FUNCTIONS: Record<string, ScalarKernel> = {
  convert_angle: converter(ANGLE_UNITS),
  convert_energy: converter(ENERGY_UNITS),
  convert_force: converter(FORCE_UNITS),
  convert_length: converter(LENGTH_UNITS),
  convert_mass: converter(MASS_UNITS),
  convert_speed: converter(SPEED_UNITS),
  convert_temperature: converter(TEMPERATURE_UNITS),
  convert_volume: converter(VOLUME_UNITS),
};
