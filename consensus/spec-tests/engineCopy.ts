// Runs a case's transition the way a node does: on the engine's O(1) copy (cloneBeaconState) of a hashed pre-state,
// and checks the two contracts that copy relies on (caches/copyOnWrite.ts, caches/stateRoot.ts): the pre-state is
// unchanged whatever happened to the copy (every write went through copy-on-write), and the copy's incremental state
// root equals hash_tree_root of its value (every write was recorded).
import type { BeaconConfig } from "../params/beaconConfig.js";
import { cloneBeaconState } from "../state-transition/caches/cloneBeaconState.js";
import { hashBeaconState } from "../state-transition/caches/stateRoot.js";
import type { BeaconState } from "../types/index.js";
import { SpecAssertionError } from "./types.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** `apply` on a copy of `pre` (returned), with both contracts checked; an error of `apply` is rethrown. */
export function onEngineCopy(cfg: BeaconConfig, pre: BeaconState, apply: (state: BeaconState) => void): BeaconState {
  return checkedTransition(cfg, pre, () => {
    const state = cloneBeaconState(cfg, pre);
    apply(state);
    return state;
  });
}

/** `transition(pre)` (which must leave a hashed `pre` unchanged), with both contracts checked. */
export function checkedTransition(cfg: BeaconConfig, pre: BeaconState, transition: () => BeaconState): BeaconState {
  const { BeaconState } = cfg.types;
  const preRoot = hex(BeaconState.hashTreeRoot(pre));
  hashBeaconState(cfg, pre);
  const checkPre = () => {
    if (hex(BeaconState.hashTreeRoot(pre)) !== preRoot || hex(hashBeaconState(cfg, pre)) !== preRoot) {
      throw new SpecAssertionError(
        "the pre-state changed under its copy's transition (a write bypassed copy-on-write)",
      );
    }
  };
  let state: BeaconState;
  try {
    state = transition();
  } catch (e) {
    checkPre();
    throw e;
  }
  checkPre();
  const incremental = hex(hashBeaconState(cfg, state));
  const full = hex(BeaconState.hashTreeRoot(state));
  if (incremental !== full) {
    throw new SpecAssertionError(
      `incremental state root ${incremental} != hash_tree_root ${full} (an unrecorded write)`,
    );
  }
  return state;
}
