import { describe, expect, it } from 'vitest';
import { sameItems } from './sameItems';

describe('sameItems', () => {
  const byId = (x: { id: number }, y: { id: number }) => x.id === y.id;

  it('compares item by item, in order', () => {
    expect(sameItems([{ id: 1 }, { id: 2 }], [{ id: 1 }, { id: 2 }], byId)).toBe(true);
    expect(sameItems([{ id: 1 }, { id: 2 }], [{ id: 2 }, { id: 1 }], byId)).toBe(false);
  });

  it('tells lists of other lengths apart, also when one is a prefix of the other', () => {
    expect(sameItems([{ id: 1 }], [{ id: 1 }, { id: 2 }], byId)).toBe(false);
    expect(sameItems([], [], byId)).toBe(true);
  });
});
