import { MUNICIPALITIES, type Municipality } from './municipalities.js';

/** The association of Dutch municipalities: the one organisation that is not a municipality. */
export const VNG_CODE = 'VNG';

const byCode = new Map<string, Municipality>(MUNICIPALITIES.map((m) => [m.code, m]));

/** Looks a municipality up by its CBS code (`GM0363`). */
export function findMunicipality(code: string): Municipality | undefined {
  return byCode.get(code);
}

/** True for a known CBS municipality code or `VNG`. */
export function isOrganisationCode(code: string): boolean {
  return code === VNG_CODE || byCode.has(code);
}

/** The display name of an organisation code, e.g. `GM0363` → `Amsterdam`. */
export function organisationName(code: string): string {
  if (code === VNG_CODE) return 'VNG';
  return byCode.get(code)?.name ?? code;
}
