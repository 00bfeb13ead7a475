import type { BeaconConfig } from "../../params/beaconConfig.js";

/** compute_activation_exit_epoch (phase0 beacon-chain.md, "Misc"): the epoch activations and exits take effect. */
export function computeActivationExitEpoch(cfg: Pick<BeaconConfig, "MAX_SEED_LOOKAHEAD">, epoch: number): number {
  return epoch + 1 + cfg.MAX_SEED_LOOKAHEAD;
}
