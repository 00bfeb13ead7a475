// integer_squareroot (phase0 beacon-chain.md, "Math") of a total balance, as get_base_reward needs it.
import { integerSquareroot } from "../math/integerSquareroot.js";

/**
 * math/integerSquareroot takes safe integers only, but the total active balance of a large BTC20 registry is above
 * 2**53 gwei (1e18 at 1M validators). Such totals are sums of whole increments and therefore exact doubles, so their
 * square root is taken exactly in bigint (Newton's method, as the spec's integer_squareroot).
 */
export function totalBalanceSquareroot(total: number): number {
  if (Number.isSafeInteger(total)) return integerSquareroot(total);
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError(`total balance must be a non-negative integer, got ${total}`);
  const n = BigInt(total);
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return Number(x);
}
