// store.checkpoint_states (phase0 fork-choice.md, "store_target_checkpoint_state"): the state of a checkpoint's
// block advanced with empty slots to the checkpoint epoch's first slot. Used for attestation checks and for the
// justified balances of the fork choice.
import type { JustifiedBalances } from "../../fork-choice/types.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { getTotalActiveBalance } from "../../state-transition/accessors/getTotalActiveBalance.js";
import { cloneBeaconState } from "../../state-transition/caches/cloneBeaconState.js";
import { computeStartSlotAtEpoch } from "../../state-transition/misc/computeStartSlotAtEpoch.js";
import { isActiveValidator } from "../../state-transition/predicates/isActiveValidator.js";
import { processSlots } from "../../state-transition/slot/processSlots.js";
import type { BeaconState } from "../../types/index.js";
import type { RootHex } from "./rootHex.js";

export class CheckpointStates {
  private readonly cache = new Map<string, BeaconState>();

  constructor(
    private readonly cfg: BeaconConfig,
    /** post-state of a block by root (null if unknown) */
    private readonly blockState: (root: RootHex) => BeaconState | null,
  ) {}

  get(checkpoint: { epoch: number; root: RootHex }): BeaconState | null {
    const key = `${checkpoint.epoch}:${checkpoint.root}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const base = this.blockState(checkpoint.root);
    if (!base) return null;
    const startSlot = computeStartSlotAtEpoch(this.cfg, checkpoint.epoch);
    let state = base;
    if (base.slot < startSlot) {
      state = cloneBeaconState(this.cfg, base); // O(1), with its caches: the first hash does not rebuild the tree
      processSlots(this.cfg, state, startSlot);
    }
    this.cache.set(key, state);
    return state;
  }

  /** Drops cached states of epochs before `epoch` (called at finality). */
  pruneBefore(epoch: number): void {
    for (const key of this.cache.keys()) if (Number(key.split(":")[0]) < epoch) this.cache.delete(key);
  }
}

/** get_weight's balances read from the justified checkpoint state (active, unslashed, in increments). */
export function justifiedBalancesOf(cfg: BeaconConfig, state: BeaconState): JustifiedBalances {
  const epoch = Math.floor(state.slot / cfg.SLOTS_PER_EPOCH);
  const increments = new Uint32Array(state.validators.length);
  for (let i = 0; i < state.validators.length; i++) {
    const v = state.validators[i]!;
    if (isActiveValidator(v, epoch) && !v.slashed) {
      increments[i] = Math.floor(v.effectiveBalance / cfg.EFFECTIVE_BALANCE_INCREMENT);
    }
  }
  return { effectiveBalanceIncrements: increments, totalActiveBalance: BigInt(getTotalActiveBalance(cfg, state)) };
}
