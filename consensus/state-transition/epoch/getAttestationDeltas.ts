// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "get_attestation_deltas".
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import type { Deltas } from "./deltas.js";
import { getHeadDeltas } from "./getHeadDeltas.js";
import { getInactivityPenaltyDeltas } from "./getInactivityPenaltyDeltas.js";
import { getInclusionDelayDeltas } from "./getInclusionDelayDeltas.js";
import { getSourceDeltas } from "./getSourceDeltas.js";
import { getTargetDeltas } from "./getTargetDeltas.js";

/** The sum of all attestation reward and penalty components, per validator. */
export function getAttestationDeltas(cfg: BeaconConfig, state: BeaconState): Deltas {
  const source = getSourceDeltas(cfg, state);
  const target = getTargetDeltas(cfg, state);
  const head = getHeadDeltas(cfg, state);
  const inclusionDelay = getInclusionDelayDeltas(cfg, state);
  const inactivity = getInactivityPenaltyDeltas(cfg, state);
  const n = state.validators.length;
  const rewards = new Array<number>(n);
  const penalties = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    rewards[i] = source.rewards[i] + target.rewards[i] + head.rewards[i] + inclusionDelay.rewards[i];
    penalties[i] =
      source.penalties[i] +
      target.penalties[i] +
      head.penalties[i] +
      inclusionDelay.penalties[i] +
      inactivity.penalties[i];
  }
  return { rewards, penalties };
}
