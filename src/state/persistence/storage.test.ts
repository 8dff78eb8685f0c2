import { describe, expect, it } from 'vitest';
import { readItem, removeItem, writeItem, type KeyValueStorage } from './storage';

const refusing: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('storage access', () => {
  it('never throws when the browser refuses storage', () => {
    expect(readItem(refusing, 'k')).toBeNull();
    expect(writeItem(refusing, 'k', 'v')).toBe(false);
    expect(() => removeItem(refusing, 'k')).not.toThrow();
  });
});
