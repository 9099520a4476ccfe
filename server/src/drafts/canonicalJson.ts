/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as `Array.prototype.sort`),
 * no whitespace, `undefined` members left out. What a draft's sha256 is taken over, so anyone
 * can check a draft's hash with a few lines in any language.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`Cannot serialise ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** The same value with every object's keys in sorted order, for pretty-printed stable JSON. */
export function sortedKeys<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}
