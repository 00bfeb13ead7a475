// (b) More than 1/3 of the stake offline: finality stops; after MIN_EPOCHS_TO_INACTIVITY_PENALTY epochs the
// inactivity leak drains the offline validators until the online ones hold 2/3 of the effective stake and finalize.
import type { Scenario } from "./types.js";

export const leak: Scenario = {
  name: "leak",
  expectation:
    "3/8 of the validators offline: finality stops, the inactivity leak drains them, and the online 5/8 finalize again",
  defaultEpochs: 20,
  defaultValidators: 16,
  minEpochs: 12,
  layout(validators) {
    const offline = Math.ceil((validators * 3) / 8);
    return { shares: [validators - offline, offline], offlineNodes: [1] };
  },
  epochNote(_ctx, r) {
    const offlineFrom = r.balances.length - Math.ceil((r.balances.length * 3) / 8);
    const online = r.balances.slice(0, offlineFrom);
    const offline = r.balances.slice(offlineFrom);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length / 1e9;
    return `leak: ${offline.length} offline validators at ${mean(offline).toFixed(1)} BTCC, ${online.length} online at ${mean(online).toFixed(1)} BTCC, finality delay ${r.epoch - r.finalizedEpoch} epochs`;
  },
  check({ cfg, records }) {
    const first = records[0];
    const last = records[records.length - 1];
    if (!first || !last) return "no epochs recorded";
    const offlineFrom = last.balances.length - Math.ceil((last.balances.length * 3) / 8);
    // 1. finality stopped at some point while the offline stake was still above 1/3
    const stalled = records.filter((r) => r.epoch >= 4 && r.finalizedEpoch < r.epoch - 3);
    if (stalled.length === 0) return "finality never stopped although 3/8 of the stake was offline";
    // 2. the offline validators were drained, beyond the ordinary missed-attestation penalties
    const maxEb = cfg.MAX_EFFECTIVE_BALANCE;
    const drained = last.balances.slice(offlineFrom).every((b) => b < maxEb * 0.9);
    if (!drained) {
      return `offline validators still hold ${last.balances
        .slice(offlineFrom)
        .map((b) => (b / 1e9).toFixed(1))
        .join(", ")} BTCC: the leak did not drain them`;
    }
    // 3. finality resumed: the finalized checkpoint moves again, twice, after the stall (the online stake is only
    //    just above 2/3 once drained, so an epoch with a few late attestations may still miss)
    const stuckAt = stalled[0]!.finalizedEpoch;
    const advances = new Set(records.filter((r) => r.finalizedEpoch > stuckAt).map((r) => r.finalizedEpoch));
    if (advances.size < 2) {
      return `finality did not resume by epoch ${last.epoch} (finalized ${last.finalizedEpoch}, participation ${(last.participation * 100).toFixed(1)}%)`;
    }
    return null;
  },
};
