/**
 * Positions (ascending) of one longest strictly increasing subsequence of `values`, in
 * O(n log n). Ties resolve to the earliest-ending run, so the result is deterministic.
 */
export function longestIncreasingSubsequence(values: readonly number[]): number[] {
  /** tails[k]: position of the smallest last value of an increasing run of length k + 1. */
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, position) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[position] = tails[low - 1]!;
    tails[low] = position;
  });
  const result: number[] = [];
  for (let at = tails.at(-1) ?? -1; at >= 0; at = previous[at]!) result.push(at);
  return result.reverse();
}
