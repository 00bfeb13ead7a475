import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, SignedBeaconBlock } from "../../types/index.js";
import { getDomain } from "../accessors/getDomain.js";
import { bls } from "../crypto/bls.js";
import { computeSigningRoot } from "../misc/computeSigningRoot.js";
import { validatorAt } from "./validatorAt.js";

/** verify_block_signature (phase0 beacon-chain.md, "State transition"): the proposer's signature over the block. */
export function verifyBlockSignature(cfg: BeaconConfig, state: BeaconState, signedBlock: SignedBeaconBlock): boolean {
  const proposer = validatorAt(state, signedBlock.message.proposerIndex, "block");
  const signingRoot = computeSigningRoot(
    cfg.types.BeaconBlock,
    signedBlock.message,
    getDomain(cfg, state, cfg.DOMAIN_BEACON_PROPOSER),
  );
  return bls.verify(proposer.pubkey, signingRoot, signedBlock.signature);
}
