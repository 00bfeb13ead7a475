// One pass over the registry and the pending attestations that gathers everything phase0 epoch processing
// ("Epoch processing" in beacon-chain.md) asks of them, so the fast path never recomputes attesting indices per
// validator. The same idea as Lodestar's beforeProcessEpoch; our own code.
import type { BeaconConfig } from "../../../params/beaconConfig.js";
import { GENESIS_EPOCH } from "../../../params/constants.js";
import type { BeaconState, PendingAttestation } from "../../../types/index.js";
import { getBeaconCommittee } from "../../accessors/getBeaconCommittee.js";
import { getBlockRoot } from "../../accessors/getBlockRoot.js";
import { getBlockRootAtSlot } from "../../accessors/getBlockRootAtSlot.js";
import { getCurrentEpoch } from "../../accessors/getCurrentEpoch.js";
import { getPreviousEpoch } from "../../accessors/getPreviousEpoch.js";
import { isActiveValidator } from "../../predicates/isActiveValidator.js";
import { bytesEqual } from "../bytesEqual.js";
import { isEligibleValidator } from "../getEligibleValidatorIndices.js";

/** Bits of `EpochParticipation.flags`. Attester flags are raw: combine with `slashed` for the "unslashed" sets. */
export const FLAG_PREV_SOURCE = 1;
export const FLAG_PREV_TARGET = 2;
export const FLAG_PREV_HEAD = 4;
export const FLAG_CURR_TARGET = 8;
export const FLAG_SLASHED = 16;
export const FLAG_ACTIVE_CURRENT = 32;
export const FLAG_ELIGIBLE = 64;

export interface EpochParticipation {
  currentEpoch: number;
  previousEpoch: number;
  /** Per validator, FLAG_* bits. */
  flags: Uint8Array;
  /** Per validator, inclusion delay of its earliest included previous-epoch attestation (0 = none). */
  inclusionDelay: Uint32Array;
  /** Per validator, proposer that included that attestation (first in list order among equal delays). */
  inclusionProposer: Uint32Array;
  /** get_total_active_balance (current epoch), and how many validators are active in it. */
  totalActiveBalance: number;
  activeCurrentCount: number;
  /** get_attesting_balance of the matching source/target/head attestations of the previous epoch, and target of the current. */
  prevSourceBalance: number;
  prevTargetBalance: number;
  prevHeadBalance: number;
  currTargetBalance: number;
}

/**
 * Flags every validator. Attestation-derived data is only computed where the spec would read it: previous-epoch
 * attestations once rewards apply (current epoch > GENESIS_EPOCH), current-epoch targets once justification runs
 * (current epoch > GENESIS_EPOCH + 1).
 */
export function computeEpochParticipation(cfg: BeaconConfig, state: BeaconState): EpochParticipation {
  const n = state.validators.length;
  const currentEpoch = getCurrentEpoch(cfg, state);
  const previousEpoch = getPreviousEpoch(cfg, state);
  const flags = new Uint8Array(n);
  const inclusionDelay = new Uint32Array(n);
  const inclusionProposer = new Uint32Array(n);

  let activeCurrentCount = 0;
  let activeSum = 0;
  for (let i = 0; i < n; i++) {
    const v = state.validators[i];
    let f = 0;
    if (v.slashed) f |= FLAG_SLASHED;
    if (isActiveValidator(v, currentEpoch)) {
      f |= FLAG_ACTIVE_CURRENT;
      activeCurrentCount++;
      activeSum += v.effectiveBalance;
    }
    if (isEligibleValidator(v, previousEpoch)) f |= FLAG_ELIGIBLE;
    flags[i] = f;
  }

  // The block roots are looked up only if there are attestations (the spec reads them inside list comprehensions)
  // get_matching_source_attestations(previous epoch): at GENESIS_EPOCH the previous epoch is the current one
  const source = previousEpoch === currentEpoch ? state.currentEpochAttestations : state.previousEpochAttestations;
  if (currentEpoch > GENESIS_EPOCH && source.length > 0) {
    const targetRoot = getBlockRoot(cfg, state, previousEpoch);
    for (const a of source) {
      let mask = FLAG_PREV_SOURCE;
      if (bytesEqual(a.data.target.root, targetRoot)) {
        mask |= FLAG_PREV_TARGET;
        if (bytesEqual(a.data.beaconBlockRoot, getBlockRootAtSlot(cfg, state, a.data.slot))) mask |= FLAG_PREV_HEAD;
      }
      markAttesters(cfg, state, a, (index) => {
        flags[index] |= mask;
        const delay = inclusionDelay[index];
        if (delay === 0 || a.inclusionDelay < delay) {
          inclusionDelay[index] = a.inclusionDelay;
          inclusionProposer[index] = a.proposerIndex;
        }
      });
    }
  }
  if (currentEpoch > GENESIS_EPOCH + 1 && state.currentEpochAttestations.length > 0) {
    const targetRoot = getBlockRoot(cfg, state, currentEpoch);
    for (const a of state.currentEpochAttestations) {
      if (!bytesEqual(a.data.target.root, targetRoot)) continue;
      markAttesters(cfg, state, a, (index) => {
        flags[index] |= FLAG_CURR_TARGET;
      });
    }
  }

  let prevSource = 0;
  let prevTarget = 0;
  let prevHead = 0;
  let currTarget = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    if (f & FLAG_SLASHED) continue;
    const eb = state.validators[i].effectiveBalance;
    if (f & FLAG_PREV_SOURCE) prevSource += eb;
    if (f & FLAG_PREV_TARGET) prevTarget += eb;
    if (f & FLAG_PREV_HEAD) prevHead += eb;
    if (f & FLAG_CURR_TARGET) currTarget += eb;
  }
  // get_total_balance never returns less than one increment (avoids division by zero)
  const atLeastIncrement = (x: number) => Math.max(cfg.EFFECTIVE_BALANCE_INCREMENT, x);
  return {
    currentEpoch,
    previousEpoch,
    flags,
    inclusionDelay,
    inclusionProposer,
    totalActiveBalance: atLeastIncrement(activeSum),
    activeCurrentCount,
    prevSourceBalance: atLeastIncrement(prevSource),
    prevTargetBalance: atLeastIncrement(prevTarget),
    prevHeadBalance: atLeastIncrement(prevHead),
    currTargetBalance: atLeastIncrement(currTarget),
  };
}

/** Calls `mark` for each attester of `a` (get_attesting_indices without building a set). */
function markAttesters(
  cfg: BeaconConfig,
  state: BeaconState,
  a: PendingAttestation,
  mark: (validatorIndex: number) => void,
): void {
  const committee = getBeaconCommittee(cfg, state, a.data.slot, a.data.index);
  // aggregation bits are little-endian within each byte (SSZ Bitlist)
  const bytes = a.aggregationBits.uint8Array;
  for (let i = 0; i < committee.length; i++) if ((bytes[i >>> 3] >> (i & 7)) & 1) mark(committee[i]);
}
