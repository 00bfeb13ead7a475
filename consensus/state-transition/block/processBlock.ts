import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconBlock, BeaconState } from "../../types/index.js";
import { processBlockHeader } from "./processBlockHeader.js";
import { processEth1Data } from "./processEth1Data.js";
import { processOperations } from "./processOperations.js";
import { processRandao } from "./processRandao.js";

/**
 * process_block (phase0 beacon-chain.md, "Block processing"). Mutates `state` in place and may leave it half-updated
 * when it throws: use stateTransition, which works on a clone, to apply untrusted blocks. `verifySignatures` covers the
 * RANDAO reveal and the operations' signatures, `verifyDepositSignatures` the deposits' proofs-of-possession.
 */
export function processBlock(
  cfg: BeaconConfig,
  state: BeaconState,
  block: BeaconBlock,
  verifySignatures = true,
  verifyDepositSignatures = verifySignatures,
): void {
  processBlockHeader(cfg, state, block);
  processRandao(cfg, state, block.body, verifySignatures);
  processEth1Data(cfg, state, block.body);
  processOperations(cfg, state, block.body, verifySignatures, verifyDepositSignatures);
}
