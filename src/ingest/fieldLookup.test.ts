import { describe, expect, it } from 'vitest';
import { FieldLookup } from './fieldLookup';

describe('FieldLookup', () => {
  it('finds fields case-insensitively, the top level before properties, and reports the ones not asked for', () => {
    const fields = new FieldLookup({ Time: 't', properties: { repository: 'r', TIME: 'nested', extra: 1 }, Level: 'Info' });
    expect(fields.get('time')).toBe('t');
    expect(fields.get('repository')).toBe('r');
    expect(fields.has('level')).toBe(true);
    expect(fields.has('absent')).toBe(false);
    expect(fields.get('absent')).toBeUndefined();
    // `get('time')` used both the top-level and the nested `time`; `has` uses nothing.
    expect(fields.unusedFields()).toEqual([
      { key: 'Level', value: 'Info', nested: false },
      { key: 'extra', value: 1, nested: true },
    ]);
    expect(fields.unusedFieldNames()).toEqual(['Level', 'properties.extra']);
  });

  it('keeps the first spelling of a key repeated in another case', () => {
    const fields = new FieldLookup({ Identity: 'first', identity: 'second' });
    expect(fields.get('identity')).toBe('first');
    expect(fields.unusedFields()).toEqual([]);
  });

  it('reads properties written as JSON text, and reports a nested key named properties', () => {
    const fields = new FieldLookup({ time: 't', properties: '{"tag":"1.0","properties":"inner"}' });
    expect(fields.get('tag')).toBe('1.0');
    fields.get('time');
    expect(fields.unusedFields()).toEqual([{ key: 'properties', value: 'inner', nested: true }]);
  });

  it('shows nothing of an earlier record when reused', () => {
    const fields = new FieldLookup();
    fields.reset({ a: 1, properties: { b: 2 } });
    expect([fields.get('a'), fields.get('b')]).toEqual([1, 2]);
    fields.reset({ B: 3 });
    expect(fields.get('a')).toBeUndefined();
    expect(fields.has('a')).toBe(false);
    expect(fields.get('b')).toBe(3);
    fields.reset({ properties: 'not an object', c: null });
    expect(fields.get('b')).toBeUndefined();
    expect(fields.get('c')).toBeNull();
    expect(fields.unusedFields()).toEqual([{ key: 'properties', value: 'not an object', nested: false }]);
  });

  it('stays correct when records keep bringing new field names (the slot tables start over)', () => {
    const fields = new FieldLookup();
    for (let i = 0; i < 6000; i++) {
      fields.reset({ time: `t${i}`, [`Field${i}`]: i, properties: { [`inner${i}`]: -i } });
      expect(fields.get('time')).toBe(`t${i}`);
      expect(fields.get(`field${i}`)).toBe(i);
      expect(fields.get(`field${i - 1}`)).toBeUndefined();
      expect(fields.unusedFields()).toEqual([{ key: `inner${i}`, value: -i, nested: true }]);
    }
    expect(fields.epoch).toBeGreaterThan(0);
  });
});
