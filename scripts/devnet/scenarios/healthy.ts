// (a) Healthy network: every validator online. Justification starts at the end of epoch 2 (phase0 skips the first
// two epochs), so from epoch 4 on every epoch boundary finalizes the epoch two back.
import type { Scenario } from "./types.js";

export const healthy: Scenario = {
  name: "healthy",
  expectation: "all validators online: the chain justifies and finalizes every epoch (finalized = epoch - 2)",
  defaultEpochs: 10,
  defaultValidators: 16,
  minEpochs: 5,
  layout: (validators) => ({ shares: [validators] }),
  check({ records }) {
    const late = records.filter((r) => r.epoch >= 4);
    if (late.length === 0) return "the run ended before epoch 4: nothing could finalize yet";
    for (const r of late) {
      if (r.finalizedEpoch < r.epoch - 2) {
        return `epoch ${r.epoch}: finalized epoch is ${r.finalizedEpoch}, expected ${r.epoch - 2} (participation ${(r.participation * 100).toFixed(1)}%)`;
      }
    }
    return null;
  },
};
