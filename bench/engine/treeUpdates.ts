// Writes state changes into the tree-backed state (a ViewDU of BeaconState) so that only changed leaves are rehashed:
// one block's worth of changes (per-slot root), and the changes of one epoch transition (epoch-boundary root).
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import type { BeaconState } from "../../consensus/types/index.js";
import { rootOfSlot } from "./buildState.js";

export type BeaconStateView = ReturnType<BeaconConfig["types"]["BeaconState"]["toViewDU"]>;

/**
 * What processing one block at the next slot touches: slot, latest header, block/state root history, RANDAO mix,
 * an eth1 vote, the proposer's balance and one aggregate per committee of the slot appended as pending attestations.
 */
export function applyBlockLikeChanges(cfg: BeaconConfig, view: BeaconStateView, state: BeaconState, k: number): void {
  const t = cfg.types;
  const slot = state.slot + 1 + k;
  view.slot = slot;
  view.latestBlockHeader = t.BeaconBlockHeader.toViewDU({
    slot,
    proposerIndex: k,
    parentRoot: rootOfSlot(slot - 1),
    stateRoot: new Uint8Array(32),
    bodyRoot: rootOfSlot(slot + 3_000_000),
  });
  view.blockRoots.set((slot - 1) % cfg.SLOTS_PER_HISTORICAL_ROOT, rootOfSlot(slot - 1));
  view.stateRoots.set((slot - 1) % cfg.SLOTS_PER_HISTORICAL_ROOT, rootOfSlot(slot + 4_000_000));
  view.randaoMixes.set(Math.floor(slot / cfg.SLOTS_PER_EPOCH) % cfg.EPOCHS_PER_HISTORICAL_VECTOR, rootOfSlot(slot));
  view.eth1DataVotes.push(
    t.Eth1Data.toViewDU({ depositRoot: rootOfSlot(k), depositCount: k, blockHash: rootOfSlot(k) }),
  );
  view.balances.set(k, state.balances[k] + 1_000_000);
  const perSlot = Math.min(
    cfg.MAX_ATTESTATIONS,
    Math.ceil(state.currentEpochAttestations.length / cfg.SLOTS_PER_EPOCH),
  );
  for (const a of state.currentEpochAttestations.slice(0, perSlot)) {
    view.currentEpochAttestations.push(t.PendingAttestation.toViewDU(a));
  }
}

/** The validator fields process_epoch may change, kept to find what changed afterwards. */
export function snapshotValidators(state: BeaconState): Float64Array {
  const snap = new Float64Array(state.validators.length * 5);
  state.validators.forEach((v, i) => {
    snap.set(
      [v.effectiveBalance, v.activationEligibilityEpoch, v.activationEpoch, v.exitEpoch, v.withdrawableEpoch],
      i * 5,
    );
  });
  return snap;
}

/** Copies what process_epoch changed in `state` (relative to the view and `before`) into the view. */
export function writeEpochChanges(
  cfg: BeaconConfig,
  view: BeaconStateView,
  state: BeaconState,
  before: Float64Array,
): void {
  const t = cfg.types;
  const balances = view.balances;
  const oldBalances = balances.getAll();
  for (let i = 0; i < state.balances.length; i++) {
    if (oldBalances[i] !== state.balances[i]) balances.set(i, state.balances[i]);
  }
  state.validators.forEach((v, i) => {
    const o = i * 5;
    if (
      before[o] === v.effectiveBalance &&
      before[o + 1] === v.activationEligibilityEpoch &&
      before[o + 2] === v.activationEpoch &&
      before[o + 3] === v.exitEpoch &&
      before[o + 4] === v.withdrawableEpoch
    ) {
      return;
    }
    const validator = view.validators.get(i);
    validator.effectiveBalance = v.effectiveBalance;
    validator.activationEligibilityEpoch = v.activationEligibilityEpoch;
    validator.activationEpoch = v.activationEpoch;
    validator.exitEpoch = v.exitEpoch;
    validator.withdrawableEpoch = v.withdrawableEpoch;
  });
  view.justificationBits = t.BeaconState.fields.justificationBits.toViewDU(state.justificationBits);
  view.previousJustifiedCheckpoint = t.Checkpoint.toViewDU(state.previousJustifiedCheckpoint);
  view.currentJustifiedCheckpoint = t.Checkpoint.toViewDU(state.currentJustifiedCheckpoint);
  view.finalizedCheckpoint = t.Checkpoint.toViewDU(state.finalizedCheckpoint);
  const nextEpoch = Math.floor(state.slot / cfg.SLOTS_PER_EPOCH) + 1;
  view.slashings.set(
    nextEpoch % cfg.EPOCHS_PER_SLASHINGS_VECTOR,
    state.slashings[nextEpoch % cfg.EPOCHS_PER_SLASHINGS_VECTOR],
  );
  const mixIndex = nextEpoch % cfg.EPOCHS_PER_HISTORICAL_VECTOR;
  view.randaoMixes.set(mixIndex, state.randaoMixes[mixIndex]);
  if (state.eth1DataVotes.length === 0 && view.eth1DataVotes.length > 0) {
    view.eth1DataVotes = t.BeaconState.fields.eth1DataVotes.defaultViewDU();
  }
  for (let i = view.historicalRoots.length; i < state.historicalRoots.length; i++) {
    view.historicalRoots.push(state.historicalRoots[i]);
  }
  // Rotation: the current list's subtree becomes the previous one as is (no rehash)
  view.previousEpochAttestations = view.currentEpochAttestations;
  view.currentEpochAttestations = t.BeaconState.fields.currentEpochAttestations.defaultViewDU();
}
