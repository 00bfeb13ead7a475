import { formatUnits, parseUnits } from "ethers";
import { CodedError } from "../errors/codedError.js";

/** 1 coin (BTCC, ETH, GNO) = 10^9 gwei; the deposit contract and the beacon chain count in gwei. */
export const GWEI_PER_COIN = 1_000_000_000n;
/** 1 gwei = 10^9 wei (the coin has 18 decimals). */
export const WEI_PER_GWEI = 1_000_000_000n;

/** Thrown when a coin amount is not a decimal number with at most 9 fractional digits. */
export class CoinAmountError extends CodedError<"BAD_AMOUNT"> {
  override readonly name = "CoinAmountError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("BAD_AMOUNT", message, options);
  }
}

/**
 * Exact decimal coins -> gwei ("1.5" -> 1_500_000_000n). Rejects text that is not a plain decimal number and
 * amounts finer than 1 gwei (the reference CLI's "not a gwei denomination"), never rounding. Negative values are
 * returned as negative (range checks belong to the caller, which knows the network's bounds).
 */
export function coinsToGwei(amountCoins: string | number): bigint {
  const text = typeof amountCoins === "number" ? numberToDecimalText(amountCoins) : amountCoins.trim();
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) {
    throw new CoinAmountError(`amount ${JSON.stringify(amountCoins)} is not a decimal number of coins (e.g. "1000")`);
  }
  try {
    return parseUnits(text, 9);
  } catch {
    throw new CoinAmountError(
      `amount ${JSON.stringify(amountCoins)} has more than 9 decimals: deposits are whole gwei (1e-9 coin)`,
    );
  }
}

/** gwei -> decimal coins without trailing zeros (1_500_000_000n -> "1.5"). */
export function gweiToCoins(amountGwei: bigint): string {
  return formatUnits(amountGwei, 9).replace(/\.0$/, "");
}

function numberToDecimalText(value: number): string {
  if (!Number.isFinite(value)) throw new CoinAmountError(`amount ${value} is not a finite number`);
  // toFixed(9) would round; toString is exact for the short decimals JSON configs hold, but may use exponent form.
  const text = value.toString();
  return /e/i.test(text) ? value.toFixed(20).replace(/0+$/, "") : text;
}
