// The activation queue as the phase0 rules will drain it (process_registry_updates, phase0 beacon-chain.md
// "Registry updates"), projected forward from one state: who waits, in which order, and when each key should
// activate. BTC20's own view for stakers; it also covers keys whose deposit is on the contract but not yet in the
// state (`deposit_pending`).
import { computeActivationExitEpoch } from "../state-transition/misc/computeActivationExitEpoch.js";
import type { ApiConfig, ApiState, PendingDeposit } from "./chainView.js";
import { toHex } from "./json.js";
import { getValidatorStatus } from "./validatorStatus.js";

export interface QueueEntry {
  pubkey: Uint8Array;
  /** validator index, null while the deposit is not yet in the state */
  index: number | null;
  status: "deposit_pending" | "pending_initialized" | "pending_queued";
  /** 0-based place in the order the churn drains (null if the key cannot activate without more stake) */
  position: number | null;
  /** activation_eligibility_epoch (estimated for deposit_pending keys) */
  eligibilityEpoch: number | null;
  /** activation epoch: exact when already scheduled, otherwise projected */
  activationEpoch: number | null;
  /** unix seconds of the start of activationEpoch */
  etaTime: number | null;
  /** false when activationEpoch is already fixed in the state */
  estimated: boolean;
}

export interface ActivationQueue {
  currentEpoch: number;
  finalizedEpoch: number;
  churnLimit: number;
  activeValidators: number;
  /** keys not yet active that will activate (scheduled + queued + deposit_pending with a full stake) */
  length: number;
  entries: QueueEntry[];
}

const FAR_FUTURE = Number.POSITIVE_INFINITY;

/** get_validator_churn_limit (phase0 "Beacon state accessors") from a count of active validators. */
export function churnLimit(cfg: ApiConfig, activeCount: number): number {
  return Math.max(cfg.MIN_PER_EPOCH_CHURN_LIMIT, Math.floor(activeCount / cfg.CHURN_LIMIT_QUOTIENT));
}

/**
 * Projects the queue assuming a healthy chain: each epoch's registry update finalizes the previous epoch (so a key
 * whose eligibility epoch is E can be dequeued at the end of epoch E+1 at the earliest), the churn limit stays at
 * today's value, and a deposit still on the contract enters the state within one eth1 voting period (an upper
 * estimate: it may be sooner).
 */
export function computeActivationQueue(
  cfg: ApiConfig,
  state: ApiState,
  pendingDeposits: readonly PendingDeposit[],
): ActivationQueue {
  const currentEpoch = Math.floor(state.slot / cfg.SLOTS_PER_EPOCH);
  const finalizedEpoch = state.finalizedCheckpoint.epoch;
  const secondsPerEpoch = cfg.SLOTS_PER_EPOCH * cfg.SECONDS_PER_SLOT;
  const eta = (epoch: number | null) => (epoch === null ? null : state.genesisTime + epoch * secondsPerEpoch);

  const scheduled: QueueEntry[] = [];
  const waiting: { entry: QueueEntry; eligibility: number; order: number }[] = [];
  const initialized: QueueEntry[] = [];
  const known = new Set<string>();
  let active = 0;

  for (let i = 0; i < state.validators.length; i++) {
    const v = state.validators[i]!;
    known.add(toHex(v.pubkey));
    const status = getValidatorStatus(v, currentEpoch);
    if (v.activationEpoch <= currentEpoch && currentEpoch < v.exitEpoch) active++;
    if (status !== "pending_initialized" && status !== "pending_queued") continue;
    const entry: QueueEntry = {
      pubkey: v.pubkey,
      index: i,
      status,
      position: null,
      eligibilityEpoch: v.activationEligibilityEpoch === FAR_FUTURE ? null : v.activationEligibilityEpoch,
      activationEpoch: null,
      etaTime: null,
      estimated: true,
    };
    if (v.activationEpoch !== FAR_FUTURE) {
      // Already dequeued: the activation epoch is fixed.
      entry.activationEpoch = v.activationEpoch;
      entry.estimated = false;
      scheduled.push(entry);
    } else if (v.activationEligibilityEpoch !== FAR_FUTURE) {
      waiting.push({ entry, eligibility: v.activationEligibilityEpoch, order: i });
    } else if (v.effectiveBalance === cfg.MAX_EFFECTIVE_BALANCE) {
      // Full stake: becomes eligible at the end of this epoch (is_eligible_for_activation_queue).
      entry.eligibilityEpoch = currentEpoch + 1;
      waiting.push({ entry, eligibility: currentEpoch + 1, order: i });
    } else {
      initialized.push(entry); // needs a top-up before it can queue
    }
  }

  // Deposits not yet in the state: new keys only (a deposit to a known key is a top-up).
  const pendingByKey = new Map<string, { pubkey: Uint8Array; amount: number; firstIndex: number }>();
  for (const d of pendingDeposits) {
    const key = toHex(d.pubkey);
    if (known.has(key)) continue;
    const acc = pendingByKey.get(key);
    if (acc) acc.amount += d.amountGwei;
    else pendingByKey.set(key, { pubkey: d.pubkey, amount: d.amountGwei, firstIndex: d.index });
  }
  const inclusionEligibility = currentEpoch + cfg.EPOCHS_PER_ETH1_VOTING_PERIOD + 1;
  const pendingEntries: QueueEntry[] = [];
  for (const p of [...pendingByKey.values()].sort((a, b) => a.firstIndex - b.firstIndex)) {
    const entry: QueueEntry = {
      pubkey: p.pubkey,
      index: null,
      status: "deposit_pending",
      position: null,
      eligibilityEpoch: null,
      activationEpoch: null,
      etaTime: null,
      estimated: true,
    };
    pendingEntries.push(entry);
    if (p.amount >= cfg.MAX_EFFECTIVE_BALANCE) {
      entry.eligibilityEpoch = inclusionEligibility;
      // Validator indices follow deposit order, after every index already in the state.
      waiting.push({ entry, eligibility: inclusionEligibility, order: state.validators.length + p.firstIndex });
    }
  }

  // Drain the queue epoch by epoch the way process_registry_updates would.
  waiting.sort((a, b) => a.eligibility - b.eligibility || a.order - b.order);
  const churn = churnLimit(cfg, active);
  let epoch = currentEpoch;
  let next = 0;
  while (next < waiting.length) {
    let taken = 0;
    // finalized epoch at the end of `epoch` is assumed to be epoch-1 (healthy chain)
    const finalized = Math.max(finalizedEpoch, epoch - 1);
    while (next < waiting.length && taken < churn && waiting[next]!.eligibility <= finalized) {
      const { entry } = waiting[next]!;
      entry.activationEpoch = computeActivationExitEpoch(cfg, epoch);
      next++;
      taken++;
    }
    epoch++;
  }

  const ordered = [...scheduled.sort((a, b) => a.activationEpoch! - b.activationEpoch! || a.index! - b.index!)];
  for (const w of waiting) ordered.push(w.entry);
  ordered.forEach((e, i) => {
    e.position = i;
    e.etaTime = eta(e.activationEpoch);
  });
  const unqueuedPending = pendingEntries.filter((e) => e.position === null);
  return {
    currentEpoch,
    finalizedEpoch,
    churnLimit: churn,
    activeValidators: active,
    length: ordered.length,
    entries: [...ordered, ...initialized, ...unqueuedPending],
  };
}
