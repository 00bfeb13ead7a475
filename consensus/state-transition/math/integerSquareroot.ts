/**
 * integer_squareroot (phase0 beacon-chain.md, "Math"): the largest integer x with x*x <= n.
 * Newton's method as in the spec; exact for every n below 2**53 (the float square root is only a starting point).
 */
export function integerSquareroot(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`integerSquareroot expects a non-negative safe integer, got ${n}`);
  if (n < 2) return n;
  let x = Math.floor(Math.sqrt(n));
  while (x * x > n) x--;
  while ((x + 1) * (x + 1) <= n) x++;
  return x;
}
