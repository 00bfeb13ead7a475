// fork-choice.md (v1.4.0) on_attester_slashing: two slashable, valid indexed attestations (checked against the
// justified block's post-state); the validators in both join the equivocating set, whose weight the fork choice
// drops and whose later votes it ignores.
import { isSlashableAttestationData } from "../../state-transition/predicates/isSlashableAttestationData.js";
import { isValidIndexedAttestation } from "../../state-transition/predicates/isValidIndexedAttestation.js";
import type { AttesterSlashing } from "../../types/index.js";
import { ForkChoiceError } from "../errors.js";
import type { ForkChoiceStore } from "./store.js";

export function onAttesterSlashing(store: ForkChoiceStore, attesterSlashing: AttesterSlashing): void {
  const { cfg, forkChoice } = store;
  const { attestation1, attestation2 } = attesterSlashing;
  if (!isSlashableAttestationData(cfg, attestation1.data, attestation2.data)) {
    throw new ForkChoiceError(
      "ATTESTER_SLASHING_NOT_SLASHABLE",
      "the two attestations are neither a double vote nor a surround vote",
    );
  }
  const justifiedRoot = forkChoice.justifiedCheckpoint.root;
  const state = store.blockStates.get(justifiedRoot);
  if (state === undefined) {
    throw new ForkChoiceError("UNKNOWN_CHECKPOINT_BLOCK", `the justified block ${justifiedRoot} has no kept state`);
  }
  const verify = store.options.verifySignatures ?? true;
  for (const [n, attestation] of [attestation1, attestation2].entries()) {
    if (!isValidIndexedAttestation(cfg, state, attestation, verify)) {
      throw new ForkChoiceError(
        "ATTESTER_SLASHING_INVALID_ATTESTATION",
        `attestation ${n + 1} has no attesters, unsorted or unknown attesters, or an invalid aggregate signature`,
      );
    }
  }
  const second = new Set(attestation2.attestingIndices);
  forkChoice.addEquivocatingIndices(attestation1.attestingIndices.filter((i) => second.has(i)));
}
