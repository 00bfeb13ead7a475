// What the live view and the scenario checks read from a state: finality, participation, validator statuses.

import { getValidatorStatus } from "../../consensus/api/validatorStatus.js";
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import { getTotalActiveBalance } from "../../consensus/state-transition/accessors/getTotalActiveBalance.js";
import { getAttestingBalance } from "../../consensus/state-transition/epoch/getAttestingBalance.js";
import { getMatchingTargetAttestations } from "../../consensus/state-transition/epoch/getMatchingTargetAttestations.js";
import type { BeaconState } from "../../consensus/types/index.js";

/** Share of the active stake whose target vote for the state's previous epoch is in the state (0..1). */
export function previousEpochParticipation(cfg: BeaconConfig, state: BeaconState): number {
  const epoch = Math.floor(state.slot / cfg.SLOTS_PER_EPOCH);
  if (epoch === 0) return 0;
  const attesting = getAttestingBalance(cfg, state, getMatchingTargetAttestations(cfg, state, epoch - 1));
  return attesting / getTotalActiveBalance(cfg, state);
}

export function statusCounts(cfg: BeaconConfig, state: BeaconState): Record<string, number> {
  const epoch = Math.floor(state.slot / cfg.SLOTS_PER_EPOCH);
  const out: Record<string, number> = {};
  for (const v of state.validators) {
    const s = getValidatorStatus(v, epoch);
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}
