import { MUNICIPALITIES, VNG_CODE, type Municipality } from '@standpunt/shared';

/** All municipalities sorted by name as Dutch readers expect ("'s-Gravenhage" under G). */
export function sortedMunicipalities(
  municipalities: readonly Municipality[] = MUNICIPALITIES,
): Municipality[] {
  const collator = new Intl.Collator('nl', { sensitivity: 'base' });
  return [...municipalities].sort((a, b) => collator.compare(sortName(a.name), sortName(b.name)));
}

/** Dutch lists file "'s-Hertogenbosch" under H: drop the leading "'s-" article when sorting. */
function sortName(name: string): string {
  return name.replace(/^'s-/i, '');
}

export const ASSOCIATION_CODE = VNG_CODE;
