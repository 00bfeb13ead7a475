import type { Bls } from "../crypto/bls/types.js";
import { deriveValidatorKeys } from "../keys/validatorKeys.js";
import type { NetworkParams } from "../networks/types.js";
import { createDepositData, type DepositDataRecord } from "./createDepositData.js";
import { DepositError } from "./errors.js";
import { blsWithdrawalCredentials, executionWithdrawalCredentials } from "./withdrawalCredentials.js";

export interface GenerateDepositDataInput {
  bls: Bls;
  /** BIP-39 seed (64 bytes) of the validator mnemonic. */
  seed: Uint8Array;
  network: NetworkParams;
  /** First EIP-2334 account index. */
  startIndex: number;
  /** Number of validators. */
  count: number;
  /** Execution address for 0x01/0x02 credentials (EIP-55 checksummed); omitted: 0x00 BLS credentials. */
  withdrawalAddress?: string | null;
  /** 0x02 compounding credentials (needs `withdrawalAddress`). */
  compounding?: boolean;
  /** Deposit per validator; default the network's activation amount. */
  amountGwei?: bigint;
}

export interface GeneratedValidator {
  /** EIP-2334 account index i. */
  index: number;
  /** m/12381/<coin>/<i>/0/0 */
  signingKeyPath: string;
  /** Secret: goes into a keystore, never into logs. */
  signingSecretKey: Uint8Array;
  deposit: DepositDataRecord;
}

/**
 * Keys and signed deposits for validators startIndex..startIndex+count-1 of a seed, as the reference deposit CLI
 * makes them: signing key m/12381/<coin>/<i>/0/0, withdrawal key m/12381/<coin>/<i>/0 (0x00 credentials) or
 * the given execution address (0x01, or 0x02 when compounding).
 */
export function generateDepositData(input: GenerateDepositDataInput): GeneratedValidator[] {
  const { bls, seed, network, startIndex, count } = input;
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new DepositError("BAD_KEY", `number of validators must be a positive integer, got ${count}`);
  }
  if (input.compounding && !input.withdrawalAddress) {
    throw new DepositError(
      "BAD_WITHDRAWAL_ADDRESS",
      "0x02 compounding credentials need a withdrawal address (an execution address)",
    );
  }
  const executionCredentials = input.withdrawalAddress
    ? executionWithdrawalCredentials(input.withdrawalAddress, input.compounding ?? false)
    : null;
  const amountGwei = input.amountGwei ?? network.activationAmountGwei;
  return deriveValidatorKeys(seed, network.coinType, startIndex, count).map((keys) => {
    const withdrawalCredentials =
      executionCredentials ?? blsWithdrawalCredentials(bls.secretKeyToPublicKey(keys.withdrawalSecretKey));
    keys.withdrawalSecretKey.fill(0);
    const deposit = createDepositData({
      bls,
      signingSecretKey: keys.signingSecretKey,
      withdrawalCredentials,
      amountGwei,
      network,
    });
    return { index: keys.index, signingKeyPath: keys.signingKeyPath, signingSecretKey: keys.signingSecretKey, deposit };
  });
}
