/**
 * The per-account and per-address connection limits: every collaboration socket holds a slot
 * from the moment its upgrade is accepted until it closes. With several server processes the
 * slots are counted across them (RedisConnectionSlots), so that a client cannot open its limit
 * on every process.
 */
export interface ConnectionSlots {
  /**
   * Takes a slot for one socket (`id` unique in this process), or says which limit it would
   * exceed. Counting and taking are one step: two sockets cannot both take the last slot.
   * Rejects when the count cannot be reached (another process's Redis is gone).
   */
  take(slot: ConnectionSlot): Promise<SlotRefusal | null>;
  /** Gives the slot back; never throws (a slot that cannot be given back expires). */
  release(id: string): void;
  close(): Promise<void>;
}

export interface ConnectionSlot {
  id: string;
  userId: string;
  address: string;
}

/** Which limit a socket would exceed. */
export type SlotRefusal = 'account' | 'address';

export interface ConnectionLimits {
  maxConnectionsPerUser: number;
  /** 0: no limit per address. */
  maxConnectionsPerAddress: number;
}

/** The slots of a process that is alone. */
export class MemoryConnectionSlots implements ConnectionSlots {
  readonly #held = new Map<string, ConnectionSlot>();
  readonly #byUser = new Map<string, number>();
  readonly #byAddress = new Map<string, number>();

  constructor(private readonly limits: ConnectionLimits) {}

  async take(slot: ConnectionSlot): Promise<SlotRefusal | null> {
    const { maxConnectionsPerUser, maxConnectionsPerAddress } = this.limits;
    if ((this.#byUser.get(slot.userId) ?? 0) >= maxConnectionsPerUser) return 'account';
    if (
      maxConnectionsPerAddress > 0 &&
      (this.#byAddress.get(slot.address) ?? 0) >= maxConnectionsPerAddress
    ) {
      return 'address';
    }
    this.#held.set(slot.id, slot);
    add(this.#byUser, slot.userId, 1);
    add(this.#byAddress, slot.address, 1);
    return null;
  }

  release(id: string): void {
    const slot = this.#held.get(id);
    if (!slot) return;
    this.#held.delete(id);
    add(this.#byUser, slot.userId, -1);
    add(this.#byAddress, slot.address, -1);
  }

  async close(): Promise<void> {}
}

function add(counts: Map<string, number>, key: string, delta: number): void {
  const count = (counts.get(key) ?? 0) + delta;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}
