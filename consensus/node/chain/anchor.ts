// The anchor of the fork choice (phase0 fork-choice.md, get_forkchoice_store): a trusted state and the root of the
// block it belongs to, which is the root of its latest block header once that header's state root is filled in.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconBlockHeader, BeaconState } from "../../types/index.js";

export function anchorHeader(cfg: BeaconConfig, state: BeaconState): BeaconBlockHeader {
  const header = cfg.types.BeaconBlockHeader.clone(state.latestBlockHeader);
  if (header.stateRoot.every((b) => b === 0)) header.stateRoot = cfg.types.BeaconState.hashTreeRoot(state);
  return header;
}

export function anchorRoot(cfg: BeaconConfig, state: BeaconState): Uint8Array {
  return cfg.types.BeaconBlockHeader.hashTreeRoot(anchorHeader(cfg, state));
}
