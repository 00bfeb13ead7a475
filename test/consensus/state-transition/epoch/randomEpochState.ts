// Builds random small phase0 states at the last slot of an epoch (where process_epoch runs) for property tests:
// random registry (balances, activation/exit, slashings), block roots drawn from a few values so that target and head
// votes match or miss, and pending attestations over real committees with random bits, delays and proposers.
import { BitArray } from "@chainsafe/ssz";
import type { BeaconConfig } from "../../../../consensus/params/beaconConfig.js";
import { FAR_FUTURE_EPOCH } from "../../../../consensus/params/constants.js";
import { getBeaconCommittee } from "../../../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { getCommitteeCountPerSlot } from "../../../../consensus/state-transition/accessors/getCommitteeCountPerSlot.js";
import type { BeaconState, PendingAttestation } from "../../../../consensus/types/index.js";

export interface RandomEpochStateParams {
  seed: number;
  validatorCount: number;
  epoch: number;
  /** Epochs between the previous epoch and the finalized checkpoint (> MIN_EPOCHS_TO_INACTIVITY_PENALTY = leak). */
  finalityDelay: number;
  /** Probability that a committee member's aggregation bit is set. */
  participation: number;
  /** Probability that a validator is slashed. */
  slashedRate: number;
}

/** mulberry32: a tiny deterministic PRNG so each fast-check seed maps to one state. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomEpochState(cfg: BeaconConfig, p: RandomEpochStateParams): BeaconState {
  const rand = prng(p.seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const bytes32 = (tag: number) => {
    const b = new Uint8Array(32);
    for (let i = 0; i < 32; i++) b[i] = int(256);
    b[0] = tag;
    return b;
  };
  const inc = cfg.EFFECTIVE_BALANCE_INCREMENT;
  const maxIncrements = cfg.MAX_EFFECTIVE_BALANCE / inc;
  const state = cfg.types.BeaconState.defaultValue();
  const currentEpoch = p.epoch;
  const previousEpoch = Math.max(0, currentEpoch - 1);
  state.slot = currentEpoch * cfg.SLOTS_PER_EPOCH + cfg.SLOTS_PER_EPOCH - 1;

  const epochOrFar = (e: number) => (rand() < 0.7 ? FAR_FUTURE_EPOCH : e);
  for (let i = 0; i < p.validatorCount; i++) {
    const slashed = rand() < p.slashedRate;
    const kind = rand();
    // Mostly active validators; some pending, some exited, some with a balance near the ejection threshold.
    const activationEpoch =
      kind < 0.8 ? int(currentEpoch + 1) : kind < 0.9 ? FAR_FUTURE_EPOCH : currentEpoch + 1 + int(3);
    const exitEpoch = slashed || rand() < 0.1 ? currentEpoch + int(6) : FAR_FUTURE_EPOCH;
    const halfSlashings = Math.floor(cfg.EPOCHS_PER_SLASHINGS_VECTOR / 2);
    const withdrawableEpoch = slashed
      ? pick([currentEpoch + halfSlashings, currentEpoch + int(3), previousEpoch + 1])
      : exitEpoch === FAR_FUTURE_EPOCH
        ? FAR_FUTURE_EPOCH
        : exitEpoch + cfg.MIN_VALIDATOR_WITHDRAWABILITY_DELAY;
    const effectiveIncrements = pick([maxIncrements, maxIncrements, int(maxIncrements + 1), maxIncrements / 2]);
    state.validators.push({
      pubkey: new Uint8Array(48).fill(i % 256),
      withdrawalCredentials: new Uint8Array(32),
      effectiveBalance: effectiveIncrements * inc,
      slashed,
      activationEligibilityEpoch:
        activationEpoch === FAR_FUTURE_EPOCH ? epochOrFar(int(currentEpoch + 1)) : Math.max(0, activationEpoch - 1),
      activationEpoch,
      exitEpoch,
      withdrawableEpoch,
    });
    state.balances.push(Math.max(0, effectiveIncrements * inc + (int(3) - 1) * int(inc * 2)));
  }
  // Slashed stake: sometimes a mass slashing (whole stake lost), mostly a proportional correlation penalty
  const slashingScale = rand() < 0.3 ? p.validatorCount * inc : Math.floor((p.validatorCount * inc) / 16);
  for (let i = 0; i < state.slashings.length; i++) state.slashings[i] = rand() < 0.3 ? int(slashingScale) : 0;
  for (let i = 0; i < state.randaoMixes.length; i++) state.randaoMixes[i] = bytes32(i % 256);

  // Block roots from a few values, so target/head votes sometimes match and sometimes miss
  const roots = [bytes32(1), bytes32(2), bytes32(3)];
  for (let i = 0; i < state.blockRoots.length; i++) state.blockRoots[i] = pick(roots);

  const finalizedEpoch = Math.max(0, previousEpoch - p.finalityDelay);
  state.finalizedCheckpoint = { epoch: finalizedEpoch, root: pick(roots) };
  state.previousJustifiedCheckpoint = { epoch: Math.min(previousEpoch, finalizedEpoch + int(3)), root: pick(roots) };
  state.currentJustifiedCheckpoint = {
    epoch: Math.min(previousEpoch, state.previousJustifiedCheckpoint.epoch + int(2)),
    root: pick(roots),
  };
  state.justificationBits = BitArray.fromBoolArray([rand() < 0.5, rand() < 0.5, rand() < 0.5, rand() < 0.5]);

  const attestationsFor = (epoch: number): PendingAttestation[] => {
    const out: PendingAttestation[] = [];
    const firstSlot = epoch * cfg.SLOTS_PER_EPOCH;
    const committees = getCommitteeCountPerSlot(cfg, state, epoch);
    const count = int(3 * cfg.SLOTS_PER_EPOCH);
    for (let k = 0; k < count; k++) {
      const slot = firstSlot + int(cfg.SLOTS_PER_EPOCH);
      if (slot >= state.slot) continue;
      const index = int(committees);
      const committee = getBeaconCommittee(cfg, state, slot, index);
      const bits = BitArray.fromBitLen(committee.length);
      for (let b = 0; b < committee.length; b++) bits.set(b, rand() < p.participation);
      out.push({
        aggregationBits: bits,
        data: {
          slot,
          index,
          // Mostly correct head and target votes, so justification and finalization happen too
          beaconBlockRoot: rand() < 0.6 ? state.blockRoots[slot % cfg.SLOTS_PER_HISTORICAL_ROOT] : pick(roots),
          source: { epoch: 0, root: pick(roots) },
          target: {
            epoch,
            root: rand() < 0.8 ? state.blockRoots[firstSlot % cfg.SLOTS_PER_HISTORICAL_ROOT] : pick(roots),
          },
        },
        inclusionDelay: 1 + int(cfg.SLOTS_PER_EPOCH),
        proposerIndex: int(p.validatorCount),
      });
    }
    return out;
  };
  if (currentEpoch > 0) state.previousEpochAttestations = attestationsFor(previousEpoch);
  state.currentEpochAttestations = attestationsFor(currentEpoch);
  return state;
}
