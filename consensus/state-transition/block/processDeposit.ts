import type { BeaconConfig } from "../../params/beaconConfig.js";
import { DEPOSIT_CONTRACT_TREE_DEPTH } from "../../params/constants.js";
import type { BeaconState, Deposit } from "../../types/index.js";
import { pushListItem } from "../caches/copyOnWrite.js";
import { findValidatorIndex, recordValidatorPubkey } from "../caches/pubkeyIndex.js";
import { bls } from "../crypto/bls.js";
import { check } from "../errors.js";
import { computeDomain } from "../misc/computeDomain.js";
import { computeSigningRoot } from "../misc/computeSigningRoot.js";
import { increaseBalance } from "../mutators/increaseBalance.js";
import { isValidMerkleBranch } from "../predicates/isValidMerkleBranch.js";
import { getValidatorFromDeposit } from "./getValidatorFromDeposit.js";

/**
 * process_deposit (phase0 beacon-chain.md, "Deposits"): the deposit must be the next leaf of the deposit tree
 * (Merkle proof against eth1_data.deposit_root, depth 32 + the length mix-in). A new key needs a valid
 * proof-of-possession (signature of the DepositMessage under the fork-agnostic deposit domain); without one the
 * deposit is consumed but ignored, as the spec says: the block stays valid. A known key is a top-up.
 * The public key must also pass KeyValidate (not the point at infinity), as v1.0.0's Verify requires.
 */
export function processDeposit(cfg: BeaconConfig, state: BeaconState, deposit: Deposit, verifySignatures = true): void {
  const { types } = cfg;
  check(
    isValidMerkleBranch(
      types.DepositData.hashTreeRoot(deposit.data),
      deposit.proof,
      DEPOSIT_CONTRACT_TREE_DEPTH + 1,
      state.eth1DepositIndex,
      state.eth1Data.depositRoot,
    ),
    "INVALID_DEPOSIT_PROOF",
    () => `deposit is not leaf ${state.eth1DepositIndex} of the deposit tree with the state's eth1 deposit root`,
  );
  state.eth1DepositIndex += 1;

  const { pubkey, amount } = deposit.data;
  const existing = findValidatorIndex(state, pubkey);
  if (existing !== undefined) {
    increaseBalance(cfg, state, existing, amount);
    return;
  }
  if (verifySignatures) {
    const message = { pubkey, withdrawalCredentials: deposit.data.withdrawalCredentials, amount };
    const signingRoot = computeSigningRoot(types.DepositMessage, message, computeDomain(cfg, cfg.DOMAIN_DEPOSIT));
    if (!bls.isValidPublicKey(pubkey) || !bls.verify(pubkey, signingRoot, deposit.data.signature)) return;
  }
  const index = state.validators.length;
  pushListItem(state, "validators", getValidatorFromDeposit(cfg, deposit));
  pushListItem(state, "balances", amount);
  recordValidatorPubkey(state, pubkey, index);
}
