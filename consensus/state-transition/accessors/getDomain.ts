import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { computeDomain } from "../misc/computeDomain.js";
import { getCurrentEpoch } from "./getCurrentEpoch.js";

/** get_domain (phase0 beacon-chain.md, "Beacon state accessors"): the fork version in force at `epoch`. */
export function getDomain(
  cfg: BeaconConfig,
  state: Pick<BeaconState, "fork" | "genesisValidatorsRoot" | "slot">,
  domainType: Uint8Array,
  epoch?: number,
): Uint8Array {
  const e = epoch ?? getCurrentEpoch(cfg, state);
  const forkVersion = e < state.fork.epoch ? state.fork.previousVersion : state.fork.currentVersion;
  return computeDomain(cfg, domainType, forkVersion, state.genesisValidatorsRoot);
}
