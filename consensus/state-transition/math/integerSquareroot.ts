/**
 * integer_squareroot (phase0 beacon-chain.md, "Math"): the largest integer x with x*x <= n, for any uint64 n.
 * Below 2**53 the float square root is a starting point corrected to the exact answer; above it (the total stake of a
 * large BTC20 registry is ~1e18 gwei) the input is an exact double and the root is taken in bigint with Newton's
 * method, as the spec writes it.
 */
export function integerSquareroot(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`integerSquareroot expects a non-negative integer, got ${n}`);
  if (n < 2) return n;
  if (!Number.isSafeInteger(n)) return Number(integerSquarerootBigint(BigInt(n)));
  let x = Math.floor(Math.sqrt(n));
  while (x * x > n) x--;
  while ((x + 1) * (x + 1) <= n) x++;
  return x;
}

function integerSquarerootBigint(n: bigint): bigint {
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}
