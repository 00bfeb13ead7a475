// The exit queue of initiate_validator_exit (phase0 beacon-chain.md, "Beacon state mutators") without rescanning the
// registry for every exit: the latest scheduled exit epoch and how many validators exit in it, per state, computed by
// one scan at first use, then updated by every exit (the only writes of `exit_epoch`: initiateValidatorExit and the
// registry updates' ejections go through recordExit) and carried over to copies (cloneBeaconState). Exit epochs never
// decrease and validators are never removed, so the pair stays exact.
import { FAR_FUTURE_EPOCH } from "../../params/constants.js";
import type { BeaconState } from "../../types/index.js";

export interface ExitQueue {
  /** The latest exit epoch of any validator (-1 when none has exited). */
  readonly epoch: number;
  /** How many validators exit in `epoch`. */
  readonly churn: number;
}

const byState = new WeakMap<BeaconState, ExitQueue>();

/** The state's exit queue (one scan of the registry the first time). */
export function getExitQueue(state: BeaconState): ExitQueue {
  let queue = byState.get(state);
  if (!queue) {
    let epoch = -1;
    let churn = 0;
    for (const v of state.validators) {
      if (v.exitEpoch === FAR_FUTURE_EPOCH) continue;
      if (v.exitEpoch > epoch) {
        epoch = v.exitEpoch;
        churn = 1;
      } else if (v.exitEpoch === epoch) {
        churn++;
      }
    }
    queue = { epoch, churn };
    byState.set(state, queue);
  }
  return queue;
}

/** Records that one more validator exits at `exitEpoch` (>= the queue's epoch, as initiate_validator_exit sets it). */
export function recordExit(state: BeaconState, exitEpoch: number): void {
  const queue = getExitQueue(state);
  byState.set(
    state,
    exitEpoch === queue.epoch ? { epoch: exitEpoch, churn: queue.churn + 1 } : { epoch: exitEpoch, churn: 1 },
  );
}

/** Lets `to`, a copy of `from`, start with `from`'s exit queue. */
export function copyExitQueue(from: BeaconState, to: BeaconState): void {
  const queue = byState.get(from);
  if (queue) byState.set(to, queue);
}

/** Sets the state's exit queue found by a caller's own pass over the registry (when not known yet). */
export function primeExitQueue(state: BeaconState, queue: ExitQueue): void {
  if (!byState.has(state)) byState.set(state, queue);
}
