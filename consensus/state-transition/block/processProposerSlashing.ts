import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState, ProposerSlashing } from "../../types/index.js";
import { getCurrentEpoch } from "../accessors/getCurrentEpoch.js";
import { getDomain } from "../accessors/getDomain.js";
import { bls } from "../crypto/bls.js";
import { check } from "../errors.js";
import { computeEpochAtSlot } from "../misc/computeEpochAtSlot.js";
import { computeSigningRoot } from "../misc/computeSigningRoot.js";
import { slashValidator } from "../mutators/slashValidator.js";
import { isSlashableValidator } from "../predicates/isSlashableValidator.js";
import { validatorAt } from "./validatorAt.js";

/** process_proposer_slashing (phase0 beacon-chain.md, "Proposer slashings"): two different signed headers, same slot. */
export function processProposerSlashing(
  cfg: BeaconConfig,
  state: BeaconState,
  proposerSlashing: ProposerSlashing,
  verifySignatures = true,
): void {
  const { types } = cfg;
  const header1 = proposerSlashing.signedHeader1.message;
  const header2 = proposerSlashing.signedHeader2.message;
  check(
    header1.slot === header2.slot,
    "PROPOSER_SLASHING_SLOT_MISMATCH",
    () => `headers are for slots ${header1.slot} and ${header2.slot}; they must be for the same slot`,
  );
  check(
    header1.proposerIndex === header2.proposerIndex,
    "PROPOSER_SLASHING_PROPOSER_MISMATCH",
    () => `headers are from proposers ${header1.proposerIndex} and ${header2.proposerIndex}; they must be the same`,
  );
  check(
    !types.BeaconBlockHeader.equals(header1, header2),
    "PROPOSER_SLASHING_SAME_HEADER",
    () => "the two headers are identical; a slashing needs two different headers",
  );
  const proposer = validatorAt(state, header1.proposerIndex, "proposer slashing");
  check(
    isSlashableValidator(proposer, getCurrentEpoch(cfg, state)),
    "PROPOSER_SLASHING_NOT_SLASHABLE",
    () => `validator ${header1.proposerIndex} is not slashable (already slashed, not active or withdrawable)`,
  );
  if (verifySignatures) {
    for (const signed of [proposerSlashing.signedHeader1, proposerSlashing.signedHeader2]) {
      const domain = getDomain(cfg, state, cfg.DOMAIN_BEACON_PROPOSER, computeEpochAtSlot(cfg, signed.message.slot));
      const signingRoot = computeSigningRoot(types.BeaconBlockHeader, signed.message, domain);
      check(
        bls.verify(proposer.pubkey, signingRoot, signed.signature),
        "PROPOSER_SLASHING_INVALID_SIGNATURE",
        () => `a header is not signed by validator ${header1.proposerIndex}`,
      );
    }
  }
  slashValidator(cfg, state, header1.proposerIndex);
}
