import type { BeaconConfig } from "../../params/beaconConfig.js";
import { GENESIS_EPOCH } from "../../params/constants.js";
import type { BeaconState } from "../../types/index.js";
import { isActiveValidator } from "../predicates/isActiveValidator.js";

/** is_valid_genesis_state (phase0 beacon-chain.md, "Genesis state"): late enough and enough active validators. */
export function isValidGenesisState(cfg: BeaconConfig, state: BeaconState): boolean {
  if (state.genesisTime < cfg.MIN_GENESIS_TIME) return false;
  let active = 0;
  for (const v of state.validators) if (isActiveValidator(v, GENESIS_EPOCH)) active++;
  return active >= cfg.MIN_GENESIS_ACTIVE_VALIDATOR_COUNT;
}
