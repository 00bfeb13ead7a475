// The fast processEpoch must equal the spec-literal one on any state: compared on random small states
// (random participation, slashings, balances, with and without an inactivity leak).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import fc from "fast-check";
import { type BeaconConfig, loadBeaconConfig } from "../../../../consensus/params/beaconConfig.js";
import { getActiveValidatorIndices } from "../../../../consensus/state-transition/accessors/getActiveValidatorIndices.js";
import { processEpoch } from "../../../../consensus/state-transition/epoch/processEpoch.js";
import { isActiveValidator } from "../../../../consensus/state-transition/predicates/isActiveValidator.js";
import { randomEpochState } from "./randomEpochState.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const MINIMAL = path.resolve(REPO_ROOT, "../shared/vectors/consensus-configs/v0.12.3/minimal/phase0.yaml");

describe("processEpoch: fast path vs spec-literal", () => {
  const cfg: BeaconConfig = loadBeaconConfig(MINIMAL);
  const BeaconState = cfg.types.BeaconState;

  const params = fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    validatorCount: fc.integer({ min: 8, max: 160 }),
    epoch: fc.integer({ min: 0, max: 12 }),
    finalityDelay: fc.integer({ min: 0, max: 9 }),
    participation: fc.constantFrom(0, 0.3, 0.7, 0.95, 1),
    slashedRate: fc.constantFrom(0, 0.05, 0.3),
  });

  it("gives the same post-state (random states, leak and no leak)", () => {
    let leaks = 0;
    let rewarded = 0;
    fc.assert(
      fc.property(params, (p) => {
        const pre = randomEpochState(cfg, p);
        const viaSpec = BeaconState.clone(pre);
        const viaFast = BeaconState.clone(pre);
        processEpoch(cfg, viaSpec, "spec");
        processEpoch(cfg, viaFast, "fast");
        if (p.finalityDelay > cfg.MIN_EPOCHS_TO_INACTIVITY_PENALTY) leaks++;
        if (viaSpec.balances.some((b, i) => b !== pre.balances[i])) rewarded++;
        expect(BeaconState.toJson(viaFast)).to.deep.equal(BeaconState.toJson(viaSpec));
      }),
      { numRuns: 60 },
    );
    expect(leaks).to.be.greaterThan(0);
    expect(rewarded).to.be.greaterThan(0);
  });

  it("changes balances when rewards apply (the comparison is not vacuous)", () => {
    const pre = randomEpochState(cfg, {
      seed: 7,
      validatorCount: 64,
      epoch: 5,
      finalityDelay: 1,
      participation: 0.9,
      slashedRate: 0.05,
    });
    const post = BeaconState.clone(pre);
    processEpoch(cfg, post);
    expect(post.balances).to.not.deep.equal(pre.balances);
    expect(post.previousEpochAttestations.length).to.equal(pre.currentEpochAttestations.length);
  });

  it("leaves the active sets of the next two shufflings it records equal to a scan of the post-state registry", () => {
    fc.assert(
      fc.property(params, (p) => {
        const state = randomEpochState(cfg, p);
        processEpoch(cfg, state, "fast"); // records the active sets of epochs + 2 and + 3 (caches/epochShuffling.ts)
        state.slot += 1;
        const next = p.epoch + 1;
        for (const epoch of [next + 1, next + 2]) {
          const scan = state.validators.flatMap((v, i) => (isActiveValidator(v, epoch) ? [i] : []));
          expect(getActiveValidatorIndices(cfg, state, epoch)).to.deep.equal(scan);
        }
      }),
      { numRuns: 40 },
    );
  });
});
