// Synthetic phase0 states for the engine benchmark: N active validators at the last slot of an epoch, with
// distinct block roots per slot and full participation (one aggregate with every bit set for every committee of the
// previous and current epoch, included with delay 1). No deposits or signatures: only what process_epoch and
// hash_tree_root read.
import { BitArray } from "@chainsafe/ssz";
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import { FAR_FUTURE_EPOCH } from "../../consensus/params/constants.js";
import { getBeaconCommittee } from "../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { getCommitteeCountPerSlot } from "../../consensus/state-transition/accessors/getCommitteeCountPerSlot.js";
import type { BeaconState, PendingAttestation } from "../../consensus/types/index.js";

/** A root that names its slot (distinct per slot, so target and head checks compare real values). */
export function rootOfSlot(slot: number): Uint8Array {
  const root = new Uint8Array(32);
  new DataView(root.buffer).setUint32(0, slot + 1, true);
  root[31] = 0xb7;
  return root;
}

/** A state of `validatorCount` active validators at the last slot of `epoch`, attestations not yet filled in. */
export function buildState(cfg: BeaconConfig, validatorCount: number, epoch: number): BeaconState {
  const state = cfg.types.BeaconState.defaultValue();
  state.slot = epoch * cfg.SLOTS_PER_EPOCH + cfg.SLOTS_PER_EPOCH - 1;
  state.genesisTime = cfg.MIN_GENESIS_TIME;
  state.fork = { previousVersion: cfg.GENESIS_FORK_VERSION, currentVersion: cfg.GENESIS_FORK_VERSION, epoch: 0 };
  // One backing buffer for all pubkeys: 48 distinct bytes per validator (valid BLS keys are not needed here).
  const pubkeys = new Uint8Array(48 * validatorCount);
  const view = new DataView(pubkeys.buffer);
  for (let i = 0; i < validatorCount; i++) {
    view.setUint32(48 * i, i, true);
    pubkeys[48 * i + 47] = 0xa1;
    state.validators.push({
      pubkey: pubkeys.subarray(48 * i, 48 * i + 48),
      withdrawalCredentials: new Uint8Array(32),
      effectiveBalance: cfg.MAX_EFFECTIVE_BALANCE,
      slashed: false,
      activationEligibilityEpoch: 0,
      activationEpoch: 0,
      exitEpoch: FAR_FUTURE_EPOCH,
      withdrawableEpoch: FAR_FUTURE_EPOCH,
    });
    // A little above the effective balance, as after some rewards
    state.balances.push(cfg.MAX_EFFECTIVE_BALANCE + (i % 1000) * 1_000_000);
  }
  for (let slot = 0; slot <= state.slot; slot++) {
    state.blockRoots[slot % cfg.SLOTS_PER_HISTORICAL_ROOT] = rootOfSlot(slot);
    state.stateRoots[slot % cfg.SLOTS_PER_HISTORICAL_ROOT] = rootOfSlot(slot + 1_000_000);
  }
  for (let i = 0; i < cfg.EPOCHS_PER_HISTORICAL_VECTOR; i++) state.randaoMixes[i] = rootOfSlot(i + 2_000_000);
  const checkpoint = (e: number) => ({ epoch: e, root: rootOfSlot(e * cfg.SLOTS_PER_EPOCH) });
  state.finalizedCheckpoint = checkpoint(epoch - 2);
  state.previousJustifiedCheckpoint = checkpoint(epoch - 2);
  state.currentJustifiedCheckpoint = checkpoint(epoch - 1);
  state.justificationBits = BitArray.fromBoolArray([true, true, false, false]);
  state.previousEpochAttestations = fullParticipation(cfg, state, epoch - 1);
  state.currentEpochAttestations = fullParticipation(cfg, state, epoch);
  return state;
}

/** One aggregate per committee of `epoch` (slots before state.slot), every member's bit set, inclusion delay 1. */
export function fullParticipation(cfg: BeaconConfig, state: BeaconState, epoch: number): PendingAttestation[] {
  const out: PendingAttestation[] = [];
  const committees = getCommitteeCountPerSlot(cfg, state, epoch);
  const startSlot = epoch * cfg.SLOTS_PER_EPOCH;
  const source =
    epoch === Math.floor(state.slot / cfg.SLOTS_PER_EPOCH)
      ? state.currentJustifiedCheckpoint
      : state.previousJustifiedCheckpoint;
  for (let slot = startSlot; slot < startSlot + cfg.SLOTS_PER_EPOCH && slot < state.slot; slot++) {
    for (let index = 0; index < committees; index++) {
      const committee = getBeaconCommittee(cfg, state, slot, index);
      const bits = BitArray.fromBitLen(committee.length);
      bits.uint8Array.fill(0xff);
      // clear the padding bits past the committee length
      if (committee.length % 8) bits.uint8Array[bits.uint8Array.length - 1] = (1 << (committee.length % 8)) - 1;
      out.push({
        aggregationBits: bits,
        data: {
          slot,
          index,
          beaconBlockRoot: rootOfSlot(slot),
          source,
          target: { epoch, root: rootOfSlot(startSlot) },
        },
        inclusionDelay: 1,
        proposerIndex: committee[0],
      });
    }
  }
  return out;
}
