// The engine's state copy, O(1): the large lists are shared copy-on-write (./copyOnWrite.ts), the small containers
// are copied, and the derived caches are carried over (pubkey index, committees, exit queue, the incremental state root's tree),
// so neither the copy nor the original has to rebuild anything. The original stays as it was, whatever the state
// transition does to the copy.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { shareLists } from "./copyOnWrite.js";
import { copyEpochShufflings } from "./epochShuffling.js";
import { copyExitQueue } from "./exitQueue.js";
import { sharePubkeyIndex } from "./pubkeyIndex.js";
import { copyStateRootMirror, LIST_KEYS } from "./stateRoot.js";

/** A copy of `state` with its caches; both stay usable. */
export function cloneBeaconState(cfg: BeaconConfig, state: BeaconState): BeaconState {
  const copy: BeaconState = {
    ...state,
    fork: { ...state.fork },
    latestBlockHeader: { ...state.latestBlockHeader },
    eth1Data: { ...state.eth1Data },
    justificationBits: state.justificationBits.clone(),
    previousJustifiedCheckpoint: { ...state.previousJustifiedCheckpoint },
    currentJustifiedCheckpoint: { ...state.currentJustifiedCheckpoint },
    finalizedCheckpoint: { ...state.finalizedCheckpoint },
  };
  shareLists(state, LIST_KEYS);
  sharePubkeyIndex(state, copy);
  copyEpochShufflings(state, copy);
  copyExitQueue(state, copy);
  copyStateRootMirror(cfg, state, copy);
  return copy;
}
