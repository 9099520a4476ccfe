import { PRESENCE_FIELD, organisationName, type PresenceUser } from '@standpunt/shared';
import { sameItems } from '../state/sameItems';

/** One person in the "Nu in dit positionpaper" list. */
export interface PresenceEntry {
  userId: string;
  /** The person's name alone (the caret label also carries the organisation). */
  name: string;
  organisation: string;
  color: string;
  self: boolean;
}

/**
 * Everyone in the awareness states, once per person (someone in two tabs is one entry),
 * yourself first, then by name. Entries come from other browsers: anything that is not a
 * well-formed {@link PresenceUser} is skipped.
 */
export function presenceList(
  states: ReadonlyMap<number, Record<string, unknown>>,
  selfUserId: string,
  locale = 'nl',
): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const state of states.values()) {
    const user = asPresenceUser(state[PRESENCE_FIELD]);
    if (!user || byUser.has(user.userId)) continue;
    const organisation = organisationName(user.municipality);
    byUser.set(user.userId, {
      userId: user.userId,
      name: personName(user.name, organisation),
      organisation,
      color: user.color,
      self: user.userId === selfUserId,
    });
  }
  const collator = collatorFor(locale);
  return [...byUser.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || collator.compare(a.name, b.name),
  );
}

const collators = new Map<string, Intl.Collator>();

/** Making a collator takes longer than sorting a short list with it: one per locale. */
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base' });
    collators.set(locale, collator);
  }
  return collator;
}

/** Whether two lists show the same people the same way. */
export function samePresence(a: readonly PresenceEntry[], b: readonly PresenceEntry[]): boolean {
  return sameItems(
    a,
    b,
    (x, y) =>
      x.userId === y.userId &&
      x.name === y.name &&
      x.organisation === y.organisation &&
      x.color === y.color &&
      x.self === y.self,
  );
}

/** The caret name is "Name (Organisation)": show the name on its own next to the organisation. */
function personName(caretName: string, organisation: string): string {
  const suffix = ` (${organisation})`;
  return caretName.endsWith(suffix) ? caretName.slice(0, -suffix.length) : caretName;
}

function asPresenceUser(value: unknown): PresenceUser | null {
  if (typeof value !== 'object' || value === null) return null;
  const { userId, name, color, municipality } = value as Record<string, unknown>;
  if (typeof userId !== 'string' || userId === '') return null;
  if (typeof name !== 'string' || typeof municipality !== 'string') return null;
  const safeColor = typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : '#595959';
  return { userId, name, color: safeColor, municipality };
}

/** What this browser puts in its own awareness entry. */
export function presenceUserFor(
  user: {
    id: string;
    name: string;
    municipality: string;
  },
  color: string,
): PresenceUser {
  return {
    userId: user.id,
    name: `${user.name} (${organisationName(user.municipality)})`,
    color,
    municipality: user.municipality,
  };
}
