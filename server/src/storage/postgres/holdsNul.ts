/**
 * PostgreSQL text cannot hold U+0000: a query that passes it as a parameter fails ("invalid
 * byte sequence"), where the file store simply finds nothing. No stored value can contain it,
 * so a lookup by such a value is answered "none" without asking the database — a hostile id
 * in a URL then gets a 404, as on files, rather than a 500.
 */
export function holdsNul(...values: readonly string[]): boolean {
  return values.some((value) => value.includes('\u0000'));
}
