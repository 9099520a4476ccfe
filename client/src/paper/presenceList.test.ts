import { PRESENCE_FIELD, userColor } from '@standpunt/shared';
import { describe, expect, it } from 'vitest';
import { presenceList, presenceUserFor, samePresence } from './presenceList';

const anna = presenceUserFor(
  { id: 'u-anna', name: 'Anna de Vries', municipality: 'GM0344' },
  '#1f5fa8',
);
const bram = presenceUserFor(
  { id: 'u-bram', name: 'Bram Jansen', municipality: 'GM0363' },
  '#b3261e',
);
const zoe = presenceUserFor({ id: 'u-zoe', name: 'Zoë Bakker', municipality: 'VNG' }, '#2e6b30');

const states = (...users: unknown[]) =>
  new Map(users.map((user, i) => [i + 1, { [PRESENCE_FIELD]: user }] as const));

describe('presenceUserFor', () => {
  it('labels the caret with name and organisation', () => {
    expect(anna).toEqual({
      userId: 'u-anna',
      name: 'Anna de Vries (Utrecht)',
      color: '#1f5fa8',
      municipality: 'GM0344',
    });
    expect(userColor('u-anna')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('presenceList', () => {
  it('lists each person once, however many tabs they have open', () => {
    const list = presenceList(states(bram, anna, bram, bram), 'u-anna');
    expect(list.map((e) => e.userId)).toEqual(['u-anna', 'u-bram']);
  });

  it('puts yourself first, then sorts by name', () => {
    const list = presenceList(states(zoe, bram, anna), 'u-zoe');
    expect(list.map((e) => [e.name, e.self])).toEqual([
      ['Zoë Bakker', true],
      ['Anna de Vries', false],
      ['Bram Jansen', false],
    ]);
  });

  it('splits the organisation from the caret name', () => {
    const [entry] = presenceList(states(bram), 'someone-else');
    expect(entry).toMatchObject({ name: 'Bram Jansen', organisation: 'Amsterdam', self: false });
  });

  it('skips states without a well-formed user and neutralises odd colours', () => {
    const odd = { ...anna, color: 'red; background: url(x)' };
    const list = presenceList(
      new Map<number, Record<string, unknown>>([
        [1, {}],
        [2, { [PRESENCE_FIELD]: 'not a user' }],
        [3, { [PRESENCE_FIELD]: { name: 'No id' } }],
        [4, { [PRESENCE_FIELD]: odd }],
      ]),
      'u-x',
    );
    expect(list).toHaveLength(1);
    expect(list[0]?.color).toBe('#595959');
  });
});

describe('samePresence', () => {
  it('sees a caret move as no change, and a person joining or leaving as one', () => {
    const withCursor = (user: unknown, cursor: number) => ({ [PRESENCE_FIELD]: user, cursor });
    const before = presenceList(
      new Map([
        [1, withCursor(anna, 3)],
        [2, withCursor(bram, 9)],
      ]),
      'u-anna',
    );
    const moved = presenceList(
      new Map([
        [1, withCursor(anna, 4)],
        [2, withCursor(bram, 12)],
      ]),
      'u-anna',
    );
    expect(samePresence(before, moved)).toBe(true);
    expect(samePresence(before, presenceList(states(anna), 'u-anna'))).toBe(false);
    expect(samePresence(before, presenceList(states(anna, bram, zoe), 'u-anna'))).toBe(false);
  });
});
