/**
 * Whether two lists hold the same items in the same order, by `same`. Derived state is
 * compared with what is shown before it is set, so that a recomputation that found nothing
 * new renders nothing.
 */
export function sameItems<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
): boolean {
  return a.length === b.length && a.every((item, i) => same(item, b[i] as T));
}
