// fork-choice.md (v1.4.0) on_attestation: validate_on_attestation, the target checkpoint state, the indexed
// attestation checked against it (committee and aggregate signature), then update_latest_messages.
import { getIndexedAttestation } from "../../state-transition/accessors/getIndexedAttestation.js";
import { isValidIndexedAttestation } from "../../state-transition/predicates/isValidIndexedAttestation.js";
import type { Attestation, IndexedAttestation } from "../../types/index.js";
import { ForkChoiceError } from "../errors.js";
import { checkpointHex, rootHex } from "./rootHex.js";
import type { ForkChoiceStore } from "./store.js";
import { storeTargetCheckpointState } from "./storeTargetCheckpointState.js";

export function onAttestation(store: ForkChoiceStore, attestation: Attestation, isFromBlock = false): void {
  const { cfg, forkChoice } = store;
  const data = attestation.data;
  const target = checkpointHex(data.target);
  const beaconBlockRoot = rootHex(data.beaconBlockRoot);
  forkChoice.validateOnAttestation({ slot: data.slot, beaconBlockRoot, target }, isFromBlock);

  const targetState = storeTargetCheckpointState(store, target);
  let indexed: IndexedAttestation;
  try {
    indexed = getIndexedAttestation(cfg, targetState, attestation);
  } catch (e) {
    throw new ForkChoiceError(
      "INVALID_INDEXED_ATTESTATION",
      `attestation for slot ${data.slot} committee ${data.index} does not match the target state's committees: ${(e as Error).message}`,
      { cause: e },
    );
  }
  if (!isValidIndexedAttestation(cfg, targetState, indexed, store.options.verifySignatures ?? true)) {
    throw new ForkChoiceError(
      "INVALID_INDEXED_ATTESTATION",
      `attestation for slot ${data.slot} has no attesters, unsorted attesters or an invalid aggregate signature`,
    );
  }
  forkChoice.updateLatestMessages(indexed.attestingIndices, beaconBlockRoot, target.epoch);
}
