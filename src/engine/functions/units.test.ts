import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';

describe('convert_* functions', () => {
  it('match the documented examples', () => {
    expect(scalar("convert_angle(1.2, 'Degree', 'Arcminute')")).toEqual({ type: 'real', value: 72 });
    expect(value("convert_energy(1.2, 'Joule', 'BritishThermalUnit')")).toBeCloseTo(0.00113738054437598, 15);
    expect(value("convert_force(1.2, 'Newton', 'Decanewton')")).toBeCloseTo(0.12, 15);
    expect(value("convert_length(1.2, 'Meter', 'Foot')")).toBeCloseTo(3.93700787401575, 13);
    expect(value("convert_mass(1.2, 'Kilogram', 'Pound')")).toBeCloseTo(2.64554714621853, 13);
    expect(value("convert_speed(1.2, 'MeterPerSecond', 'CentimeterPerHour')")).toBeCloseTo(432000, 8);
    expect(value("convert_temperature(1.2, 'Kelvin', 'DegreeCelsius')")).toBeCloseTo(-271.95, 12);
    expect(value("convert_volume(1.2, 'CubicMeter', 'AcreFoot')")).toBeCloseTo(0.0009728568, 15);
  });

  it('converts between non-base units and prefixed units', () => {
    expect(value("convert_temperature(212, 'DegreeFahrenheit', 'DegreeCelsius')")).toBeCloseTo(100, 12);
    expect(value("convert_length(1, 'Mile', 'Kilometer')")).toBeCloseTo(1.609344, 14);
    expect(value("convert_energy(1, 'KilowattHour', 'Kilojoule')")).toBeCloseTo(3600, 10);
    expect(value("convert_volume(1, 'UsGallon', 'Liter')")).toBeCloseTo(3.785411784, 12);
    expect(value("convert_angle(180, 'Degree', 'Radian')")).toBeCloseTo(Math.PI, 14);
    expect(value("convert_mass(1, 'Ounce', 'Gram')")).toBeCloseTo(28.349523125, 11);
    expect(value("convert_speed(1, 'Knot', 'KilometerPerHour')")).toBeCloseTo(1.852, 12);
  });

  it('null for unknown units or a null value', () => {
    expect(value("convert_length(1, 'Meter', 'Furlong')")).toBeNull();
    expect(value("convert_length(1, 'Parsec', 'Mach')")).toBeNull();
    expect(value("convert_mass(real(null), 'Gram', 'Kilogram')")).toBeNull();
    expect(query("T | project convert_length(n, 'Kilometer', 'Meter')").rows.map((r) => r[0])).toEqual([1000, null, -1000]);
  });
});
