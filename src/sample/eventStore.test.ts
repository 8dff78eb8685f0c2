import { expect, test } from 'vitest';
import { EventStore, Op, operationName } from './eventStore';
import { Random } from './random';

test('sortedOrder is a stable ascending order of event times', () => {
  const origin = Date.UTC(2025, 0, 1);
  const store = new EventStore(origin, origin + 7 * 86_400_000);
  const rng = new Random(9);
  for (let i = 0; i < 20_000; i++) {
    // Few distinct times, so ties are common and stability matters.
    store.add(origin + rng.int(500) * 1_000_003, Op.Pull, i, -1, 200);
  }
  const order = Array.from(store.sortedOrder());
  const expected = Array.from({ length: store.length }, (_, i) => i).sort((a, b) => store.timeOf(a) - store.timeOf(b) || a - b);
  expect(order).toEqual(expected);
});

test('events outside the window are dropped', () => {
  const store = new EventStore(1000, 2000);
  expect(store.add(999, Op.Login, 0, -1, 200)).toBe(false);
  expect(store.add(2001, Op.Login, 0, -1, 200)).toBe(false);
  expect(store.add(1500.7, Op.Push, 3, 4, 201)).toBe(true);
  expect(store.length).toBe(1);
  expect([store.timeOf(0), store.opOf(0), store.actorOf(0), store.targetOf(0), store.statusOf(0)]).toEqual([1500, Op.Push, 3, 4, 201]);
});

test('operation names as ACR writes them', () => {
  expect([Op.Login, Op.Pull, Op.Push, Op.Delete, Op.Untag, Op.ImportImage].map(operationName)).toEqual(['Login', 'Pull', 'Push', 'Delete', 'Untag', 'importImage']);
});
