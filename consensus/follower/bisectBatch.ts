// Finding the invalid members of a failed batch verification by bisection: a batch that fails is split in two and
// each half checked, down to single items. Exact as long as `holds` is (a batch holds iff every member is valid):
// each invalid item ends up alone in a failing batch, each valid one in a batch that holds. With k invalid items
// among n this costs about 2k·log2(n/k) batch checks instead of n single ones.

/** Which items are valid, given `holds(batch)`: true iff every item of `batch` is valid. */
export function validByBisection<T>(items: readonly T[], holds: (batch: readonly T[]) => boolean): boolean[] {
  const valid = new Array<boolean>(items.length).fill(false);
  const visit = (start: number, end: number, knownToFail: boolean): void => {
    if (end <= start) return;
    if (!knownToFail && holds(items.slice(start, end))) {
      valid.fill(true, start, end);
      return;
    }
    if (end - start === 1) return; // a single item that fails
    const mid = start + Math.ceil((end - start) / 2);
    const leftHolds = holds(items.slice(start, mid));
    if (leftHolds) valid.fill(true, start, mid);
    else visit(start, mid, true);
    // The whole range failed and its left half holds, so the right half must fail: no need to check it again.
    visit(mid, end, leftHolds);
  };
  visit(0, items.length, false);
  return valid;
}
