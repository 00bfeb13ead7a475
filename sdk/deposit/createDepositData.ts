import type { Bls } from "../crypto/bls/types.js";
import type { NetworkParams } from "../networks/types.js";
import { DepositData } from "../ssz/index.js";
import { assertDepositAmount } from "./depositAmount.js";
import { depositMessageRoot, depositSigningRoot, gweiToSszNumber } from "./depositSigningRoot.js";
import { DepositError } from "./errors.js";
import { describeWithdrawalCredentials } from "./withdrawalCredentials.js";

/** One signed deposit with both roots, as written to (and read from) a deposit_data file. */
export interface DepositDataRecord {
  pubkey: Uint8Array;
  withdrawalCredentials: Uint8Array;
  amountGwei: bigint;
  signature: Uint8Array;
  /** hash_tree_root(DepositMessage) */
  depositMessageRoot: Uint8Array;
  /** hash_tree_root(DepositData): the root the deposit contract checks. */
  depositDataRoot: Uint8Array;
  /** The genesis fork version the signature is bound to. */
  forkVersion: Uint8Array;
  networkName: string;
}

export interface CreateDepositDataInput {
  bls: Bls;
  /** The validator's signing secret key (32 bytes, path m/12381/<coin>/<i>/0/0). */
  signingSecretKey: Uint8Array;
  /** Its public key, if already known (saves one scalar multiplication). */
  pubkey?: Uint8Array;
  withdrawalCredentials: Uint8Array;
  amountGwei: bigint;
  network: NetworkParams;
}

/**
 * Builds and signs one deposit (validator.md "Submit deposit"): the DepositMessage, its root, the BLS signature over
 * compute_signing_root(message, compute_domain(DOMAIN_DEPOSIT, genesis_fork_version)) and the DepositData root.
 * Refuses unknown credential prefixes and amounts outside the network's range for the credential type.
 */
export function createDepositData(input: CreateDepositDataInput): DepositDataRecord {
  const { bls, signingSecretKey, withdrawalCredentials, amountGwei, network } = input;
  const kind = describeWithdrawalCredentials(withdrawalCredentials);
  if (!kind) {
    throw new DepositError(
      "BAD_WITHDRAWAL_CREDENTIALS",
      "withdrawal credentials must be 32 bytes starting with 0x00, 0x01 or 0x02",
    );
  }
  assertDepositAmount(amountGwei, kind.type, network);
  const pubkey = input.pubkey ?? bls.secretKeyToPublicKey(signingSecretKey);
  const messageRoot = depositMessageRoot({ pubkey, withdrawalCredentials, amountGwei });
  const signature = bls.sign(signingSecretKey, depositSigningRoot(messageRoot, network.genesisForkVersion));
  const dataRoot = DepositData.hashTreeRoot({
    pubkey,
    withdrawalCredentials,
    amount: gweiToSszNumber(amountGwei),
    signature,
  });
  return {
    pubkey,
    withdrawalCredentials,
    amountGwei,
    signature,
    depositMessageRoot: messageRoot,
    depositDataRoot: dataRoot,
    forkVersion: network.genesisForkVersion,
    networkName: network.name,
  };
}
