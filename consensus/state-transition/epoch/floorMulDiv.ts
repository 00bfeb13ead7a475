/**
 * floor(a * b / c) for non-negative integers, exact even when a * b exceeds 2**53 (then computed with bigint).
 * The spec computes these uint64 products in integers; JS numbers are exact only below 2**53, which e.g. a long
 * inactivity leak (effective_balance * finality_delay) or a mass slashing can exceed under large-stake presets.
 */
export function floorMulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) return Math.floor(product / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}
