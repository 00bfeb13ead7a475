// One pass over the registry and the pending attestations that gathers everything phase0 epoch processing
// ("Epoch processing" in beacon-chain.md) asks of them, so the fast path never recomputes attesting indices per
// validator and reads each validator object once (at a million validators a pass over the objects costs more than
// all the arithmetic): the later steps read flat arrays and the few validators listed as candidates. The same idea
// as Lodestar's beforeProcessEpoch; our own code.
import type { BeaconConfig } from "../../../params/beaconConfig.js";
import { FAR_FUTURE_EPOCH, GENESIS_EPOCH } from "../../../params/constants.js";
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
  /**
   * Per validator, its effective balance: unchanged by epoch processing until the effective balance updates of
   * process_final_updates (only they write it).
   */
  effectiveBalance: Float64Array;
  /**
   * Candidates of the steps that touch few validators, in index order, as of this pass (each step checks its exact
   * condition on the validator again): activation-queue eligible (activation_eligibility_epoch == FAR_FUTURE_EPOCH,
   * effective balance MAX_EFFECTIVE_BALANCE), ejectable (active, effective balance <= EJECTION_BALANCE), not yet
   * activated (activation_epoch == FAR_FUTURE_EPOCH), and slashed.
   */
  activationQueueCandidates: number[];
  ejectionCandidates: number[];
  notActivated: number[];
  slashedIndices: number[];
  /** The exit queue (caches/exitQueue.ts) as this pass saw the registry: latest exit epoch and its count. */
  exitQueue: { epoch: number; churn: number };
  /**
   * get_active_validator_indices(current epoch + 2) and (+ 3): fixed from here on (activations and exits set now or
   * later take effect at current epoch + 5 or later), the active sets of the next two shufflings to compute.
   */
  activeIndicesInTwoEpochs: Uint32Array;
  activeIndicesInThreeEpochs: Uint32Array;
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

  const effectiveBalance = new Float64Array(n);
  const activationQueueCandidates: number[] = [];
  const ejectionCandidates: number[] = [];
  const notActivated: number[] = [];
  const slashedIndices: number[] = [];
  const inTwoEpochs = currentEpoch + 2;
  const activeInTwoEpochs = new Uint32Array(n);
  let activeInTwoEpochsCount = 0;
  const activeInThreeEpochs = new Uint32Array(n);
  let activeInThreeEpochsCount = 0;
  let exitQueueEpoch = -1;
  let exitQueueChurn = 0;
  let activeCurrentCount = 0;
  let activeSum = 0;
  const validators = state.validators;
  for (let i = 0; i < n; i++) {
    const v = validators[i];
    const eb = v.effectiveBalance;
    effectiveBalance[i] = eb;
    let f = 0;
    if (v.slashed) {
      f |= FLAG_SLASHED;
      slashedIndices.push(i);
    }
    if (isActiveValidator(v, currentEpoch)) {
      f |= FLAG_ACTIVE_CURRENT;
      activeCurrentCount++;
      activeSum += eb;
      if (eb <= cfg.EJECTION_BALANCE) ejectionCandidates.push(i);
    }
    if (isEligibleValidator(v, previousEpoch)) f |= FLAG_ELIGIBLE;
    flags[i] = f;
    if (isActiveValidator(v, inTwoEpochs)) activeInTwoEpochs[activeInTwoEpochsCount++] = i;
    if (isActiveValidator(v, inTwoEpochs + 1)) activeInThreeEpochs[activeInThreeEpochsCount++] = i;
    if (v.activationEpoch === FAR_FUTURE_EPOCH) notActivated.push(i);
    if (v.activationEligibilityEpoch === FAR_FUTURE_EPOCH && eb === cfg.MAX_EFFECTIVE_BALANCE) {
      activationQueueCandidates.push(i);
    }
    const exitEpoch = v.exitEpoch;
    if (exitEpoch !== FAR_FUTURE_EPOCH) {
      if (exitEpoch > exitQueueEpoch) {
        exitQueueEpoch = exitEpoch;
        exitQueueChurn = 1;
      } else if (exitEpoch === exitQueueEpoch) exitQueueChurn++;
    }
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
    const eb = effectiveBalance[i];
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
    effectiveBalance,
    activationQueueCandidates,
    ejectionCandidates,
    notActivated,
    slashedIndices,
    exitQueue: { epoch: exitQueueEpoch, churn: exitQueueChurn },
    activeIndicesInTwoEpochs: activeInTwoEpochs.subarray(0, activeInTwoEpochsCount),
    activeIndicesInThreeEpochs: activeInThreeEpochs.subarray(0, activeInThreeEpochsCount),
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
