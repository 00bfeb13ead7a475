import { CoinAmountError, coinsToGwei, gweiToCoins } from "../networks/coinAmount.js";
import type { NetworkParams } from "../networks/types.js";
import { DepositError } from "./errors.js";
import type { WithdrawalCredentialsType } from "./withdrawalCredentials.js";

/**
 * Largest deposit the launchpad accepts for this credential type: the activation amount for 0x00/0x01
 * (anything above it is wasted on a non-compounding validator), the network's maximum for 0x02 compounding.
 */
export function maxDepositGweiFor(type: WithdrawalCredentialsType, network: NetworkParams): bigint {
  return type === "compounding" ? network.maxDepositGwei : network.activationAmountGwei;
}

/** Why `amountGwei` is out of range for this credential type on `network`, or null if it is fine. */
export function depositAmountProblem(
  amountGwei: bigint,
  type: WithdrawalCredentialsType,
  network: NetworkParams,
): string | null {
  const max = maxDepositGweiFor(type, network);
  if (amountGwei >= network.minDepositGwei && amountGwei <= max) return null;
  const label = type === "compounding" ? "0x02 (compounding)" : type === "execution" ? "0x01" : "0x00";
  return (
    `amount ${amountGwei} gwei is outside the range for ${label} credentials on ${network.name}: expected ` +
    `${network.minDepositGwei} to ${max} gwei`
  );
}

/** Throws AMOUNT_RANGE unless `amountGwei` is allowed for this credential type on `network`. */
export function assertDepositAmount(amountGwei: bigint, type: WithdrawalCredentialsType, network: NetworkParams): void {
  const problem = depositAmountProblem(amountGwei, type, network);
  if (problem) throw new DepositError("AMOUNT_RANGE", problem);
}

/**
 * `--amount` (decimal coins) -> deposit gwei, with the reference CLI's rules (validate_deposit_amount): a decimal
 * number, whole gwei, at least the network's minimum deposit, at most its maximum deposit; the result includes
 * the network multiplier (Gnosis: x32).
 */
export function parseDepositAmountCoins(amountCoins: string, network: NetworkParams): bigint {
  let coinGwei: bigint;
  try {
    coinGwei = coinsToGwei(amountCoins);
  } catch (e) {
    if (e instanceof CoinAmountError) throw new DepositError("AMOUNT_RANGE", e.message);
    throw e;
  }
  const m = BigInt(network.multiplier);
  const depositGwei = coinGwei * m;
  if (depositGwei < network.minDepositGwei || depositGwei > network.maxDepositGwei) {
    throw new DepositError(
      "AMOUNT_RANGE",
      `amount ${amountCoins} ${network.coinSymbol} is outside what ${network.name} accepts: expected ` +
        `${gweiToCoins(network.minDepositGwei / m)} to ${gweiToCoins(network.maxDepositGwei / m)} ${network.coinSymbol}`,
    );
  }
  return depositGwei;
}
