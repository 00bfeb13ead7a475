// The engine's state copy: a new state object the caller may advance or edit through the state transition while the
// original stays as it was, with the derived caches (pubkey index, incremental state root) carried over so that the
// copy's first hash does not rebuild the state's tree.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { sharePubkeyIndex } from "./pubkeyIndex.js";
import { copyStateRootMirror } from "./stateRoot.js";

/** A copy of `state` with its caches (both stay usable). */
export function cloneBeaconState(cfg: BeaconConfig, state: BeaconState): BeaconState {
  const copy = cfg.types.BeaconState.clone(state);
  sharePubkeyIndex(state, copy);
  copyStateRootMirror(state, copy);
  return copy;
}
