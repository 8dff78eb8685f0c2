/**
 * The simulated registry requests, stored column-wise in growable typed arrays (no row
 * objects), then put in time order with a stable radix sort of an index array.
 * Login rows and repository rows share the store; `op` tells them apart.
 */

/** Operation codes of stored events. */
export const Op = {
  Login: 0,
  Pull: 1,
  Push: 2,
  Delete: 3,
  Untag: 4,
  ImportImage: 5,
} as const;
export type OpCode = (typeof Op)[keyof typeof Op];

/** `OperationName` text of each operation code. */
export function operationName(op: OpCode): string {
  switch (op) {
    case Op.Login: return 'Login';
    case Op.Pull: return 'Pull';
    case Op.Push: return 'Push';
    case Op.Delete: return 'Delete';
    case Op.Untag: return 'Untag';
    case Op.ImportImage: return 'importImage';
    default: {
      const never: never = op;
      throw new Error(`unknown operation ${String(never)}`);
    }
  }
}

/** Widest time span the 32-bit sort key covers: offsets are whole milliseconds from the origin. */
export const MAX_SPAN_MS = 2 ** 32 - 1;

/** Requests recorded by the simulation, appended in any time order within [originMs, endMs]. */
export class EventStore {
  private time = new Float64Array(4096);
  private ops = new Uint8Array(4096);
  private actors = new Int32Array(4096);
  private targets = new Int32Array(4096);
  private statuses = new Uint16Array(4096);
  length = 0;

  /** `originMs` and `endMs` bound the accepted times; events outside are dropped (edges of the window). */
  constructor(readonly originMs: number, readonly endMs: number) {
    if (!(endMs - originMs <= MAX_SPAN_MS)) throw new RangeError('sample time span too wide');
  }

  /** Records one request; `target` is -1 for logins. Returns false when `timeMs` is outside the window. */
  add(timeMs: number, op: OpCode, actor: number, target: number, status: number): boolean {
    const t = Math.floor(timeMs);
    if (t < this.originMs || t > this.endMs) return false;
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = t;
    this.ops[i] = op;
    this.actors[i] = actor;
    this.targets[i] = target;
    this.statuses[i] = status;
    return true;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const grown = <T extends Float64Array | Uint8Array | Int32Array | Uint16Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.time = grown(this.time, (n) => new Float64Array(n));
    this.ops = grown(this.ops, (n) => new Uint8Array(n));
    this.actors = grown(this.actors, (n) => new Int32Array(n));
    this.targets = grown(this.targets, (n) => new Int32Array(n));
    this.statuses = grown(this.statuses, (n) => new Uint16Array(n));
  }

  timeOf(i: number): number { return this.time[i]; }
  opOf(i: number): OpCode { return this.ops[i] as OpCode; }
  actorOf(i: number): number { return this.actors[i]; }
  targetOf(i: number): number { return this.targets[i]; }
  statusOf(i: number): number { return this.statuses[i]; }

  /**
   * Event indexes in ascending time; ties keep insertion order (so a login recorded
   * before its pull in the same millisecond stays first). Two 16-bit LSD radix passes.
   */
  sortedOrder(): Uint32Array {
    const n = this.length;
    const keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) keys[i] = this.time[i] - this.originMs;
    let from = new Uint32Array(n);
    for (let i = 0; i < n; i++) from[i] = i;
    let to = new Uint32Array(n);
    const counts = new Uint32Array(65536);
    for (const shift of [0, 16]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 0xffff]++;
      let sum = 0;
      for (let b = 0; b < 65536; b++) {
        const c = counts[b];
        counts[b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const idx = from[i];
        to[counts[(keys[idx] >>> shift) & 0xffff]++] = idx;
      }
      [from, to] = [to, from];
    }
    return from;
  }
}
