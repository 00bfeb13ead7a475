// Runner for tests/<preset>/phase0/epoch_processing/<handler>/ (consensus-specs tests/formats/epoch_processing, v0.12.3
// handlers and the v1.1.0+ split of final_updates):
// `pre.ssz` is already transitioned to just before the handler's sub-transition; applying that one sub-transition
// must give `post.ssz` (no post = the processing must abort). Every case runs through both the spec-literal
// function and the fast path used by processEpoch.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { GENESIS_EPOCH } from "../../params/constants.js";
import { cloneBeaconState } from "../../state-transition/caches/cloneBeaconState.js";
import { computeEpochParticipation } from "../../state-transition/epoch/fast/epochParticipation.js";
import { processRegistryUpdatesFast } from "../../state-transition/epoch/fast/processRegistryUpdatesFast.js";
import { processRewardsAndPenaltiesFast } from "../../state-transition/epoch/fast/processRewardsAndPenaltiesFast.js";
import { processSlashingsFast } from "../../state-transition/epoch/fast/processSlashingsFast.js";
import { processFinalUpdates } from "../../state-transition/epoch/processFinalUpdates.js";
import { processJustificationAndFinalization } from "../../state-transition/epoch/processJustificationAndFinalization.js";
import { processRegistryUpdates } from "../../state-transition/epoch/processRegistryUpdates.js";
import { processRewardsAndPenalties } from "../../state-transition/epoch/processRewardsAndPenalties.js";
import { processSlashings } from "../../state-transition/epoch/processSlashings.js";
import { weighJustificationAndFinalization } from "../../state-transition/epoch/weighJustificationAndFinalization.js";
import type { BeaconState } from "../../types/index.js";
import { assertSszEqual, assertThrows } from "../assert.js";
import { exists, readSsz } from "../caseFiles.js";
import { onEngineCopy } from "../engineCopy.js";
import type { SpecCase, SpecRunner } from "../types.js";

type SubTransition = (cfg: BeaconConfig, state: BeaconState) => void;

/** handler name -> [spec-literal process_<handler>, the fast path's equivalent]. */
export const epochSubTransitions: Record<string, [SubTransition, SubTransition]> = {
  justification_and_finalization: [
    processJustificationAndFinalization,
    (cfg, state) => {
      const p = computeEpochParticipation(cfg, state);
      if (p.currentEpoch <= GENESIS_EPOCH + 1) return;
      weighJustificationAndFinalization(cfg, state, p.totalActiveBalance, p.prevTargetBalance, p.currTargetBalance);
    },
  ],
  rewards_and_penalties: [
    processRewardsAndPenalties,
    (cfg, state) => processRewardsAndPenaltiesFast(cfg, state, computeEpochParticipation(cfg, state)),
  ],
  registry_updates: [
    processRegistryUpdates,
    (cfg, state) => processRegistryUpdatesFast(cfg, state, computeEpochParticipation(cfg, state)),
  ],
  slashings: [
    processSlashings,
    (cfg, state) => processSlashingsFast(cfg, state, computeEpochParticipation(cfg, state)),
  ],
  final_updates: [
    processFinalUpdates,
    (cfg, state) => processFinalUpdates(cfg, state, computeEpochParticipation(cfg, state).effectiveBalance),
  ],
  ...finalUpdatesParts(),
};

/**
 * From v1.1.0 the vectors split process_final_updates into its six parts, each a handler of its own (phase0
 * beacon-chain.md v1.1.0 "Epoch processing"). Each part writes only its own fields and reads none that another part
 * writes (balances, validators' other fields, block/state roots and the current RANDAO mix are only read), so running
 * the whole process_final_updates on a copy and taking just that part's fields is exactly the part alone.
 */
function finalUpdatesParts(): Record<string, [SubTransition, SubTransition]> {
  const fieldsOf: Record<string, (keyof BeaconState)[]> = {
    eth1_data_reset: ["eth1DataVotes"],
    effective_balance_updates: ["validators"],
    slashings_reset: ["slashings"],
    randao_mixes_reset: ["randaoMixes"],
    historical_roots_update: ["historicalRoots"],
    participation_record_updates: ["previousEpochAttestations", "currentEpochAttestations"],
  };
  const parts: Record<string, [SubTransition, SubTransition]> = {};
  for (const [handler, fields] of Object.entries(fieldsOf)) {
    const part: SubTransition = (cfg, state) => {
      const all = cloneBeaconState(cfg, state);
      processFinalUpdates(cfg, all);
      for (const field of fields) (state as Record<string, unknown>)[field] = all[field];
    };
    parts[handler] = [part, part];
  }
  return parts;
}

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    const pair = epochSubTransitions[c.handler];
    if (!pair) throw new Error(`unknown epoch_processing handler ${c.handler}`);
    const BeaconState = c.cfg.types.BeaconState;
    const paths: [string, SubTransition][] = [
      ["spec-literal", pair[0]],
      ["fast", pair[1]],
    ];
    for (const [label, process] of paths) {
      const pre = readSsz(c, "pre", BeaconState);
      const apply = () => onEngineCopy(c.cfg, pre, (state) => process(c.cfg, state));
      if (!exists(c, "post")) {
        assertThrows(apply, `${label} process_${c.handler}`);
        continue;
      }
      const state = apply();
      assertSszEqual(BeaconState, state, readSsz(c, "post", BeaconState), `${label} post-state`);
    }
  },
};
