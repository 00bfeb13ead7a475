// Runner for tests/<preset>/phase0/rewards/<handler>/ (consensus-specs v0.12.3 tests/formats/rewards): for `pre.ssz`,
// each get_*_deltas function must return the Deltas container of `<component>_deltas.ssz`. The fast path's summed
// deltas must also equal the sum of the expected components.
import { ContainerType, ListBasicType, type ValueOf } from "@chainsafe/ssz";
import { Gwei } from "../../../sdk/ssz/index.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { Deltas } from "../../state-transition/epoch/deltas.js";
import { computeEpochParticipation } from "../../state-transition/epoch/fast/epochParticipation.js";
import { getAttestationDeltasFast } from "../../state-transition/epoch/fast/processRewardsAndPenaltiesFast.js";
import { getHeadDeltas } from "../../state-transition/epoch/getHeadDeltas.js";
import { getInactivityPenaltyDeltas } from "../../state-transition/epoch/getInactivityPenaltyDeltas.js";
import { getInclusionDelayDeltas } from "../../state-transition/epoch/getInclusionDelayDeltas.js";
import { getSourceDeltas } from "../../state-transition/epoch/getSourceDeltas.js";
import { getTargetDeltas } from "../../state-transition/epoch/getTargetDeltas.js";
import type { BeaconState } from "../../types/index.js";
import { assertSszEqual } from "../assert.js";
import { readSsz } from "../caseFiles.js";
import type { SpecCase, SpecRunner } from "../types.js";

/** The test format's `Deltas` container (tests/formats/rewards): one gwei list of rewards and one of penalties. */
function deltasType(cfg: BeaconConfig) {
  const GweiList = new ListBasicType(Gwei, cfg.VALIDATOR_REGISTRY_LIMIT);
  return new ContainerType({ rewards: GweiList, penalties: GweiList }, { typeName: "Deltas" });
}

const components: [string, (cfg: BeaconConfig, state: BeaconState) => Deltas][] = [
  ["source_deltas", getSourceDeltas],
  ["target_deltas", getTargetDeltas],
  ["head_deltas", getHeadDeltas],
  ["inclusion_delay_deltas", getInclusionDelayDeltas],
  ["inactivity_penalty_deltas", getInactivityPenaltyDeltas],
];

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    const DeltasType = deltasType(c.cfg);
    const state = readSsz(c, "pre", c.cfg.types.BeaconState);
    const n = state.validators.length;
    const sum: ValueOf<typeof DeltasType> = { rewards: new Array(n).fill(0), penalties: new Array(n).fill(0) };
    for (const [name, getDeltas] of components) {
      const expected = readSsz(c, name, DeltasType);
      assertSszEqual(DeltasType, getDeltas(c.cfg, state), expected, name);
      for (let i = 0; i < n; i++) {
        sum.rewards[i] += expected.rewards[i];
        sum.penalties[i] += expected.penalties[i];
      }
    }
    const fast = getAttestationDeltasFast(c.cfg, state, computeEpochParticipation(c.cfg, state));
    assertSszEqual(
      DeltasType,
      { rewards: [...fast.rewards], penalties: [...fast.penalties] },
      sum,
      "fast summed deltas",
    );
  },
};
