import { expect } from "chai";
import fc from "fast-check";
import { computeActivationQueue } from "../../../consensus/api/activationQueue.js";
import { createBeaconApi } from "../../../consensus/api/server.js";
import { FAR, FixtureChainView, GWEI_STAKE, makeState, pubkeyOf, testConfig, validator } from "./apiFixture.js";

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

describe("consensus/api activation queue", () => {
  // 8 active validators, churn limit 2 (MIN_PER_EPOCH_CHURN_LIMIT), current epoch 5, finalized epoch 1.
  const active = Array.from({ length: 8 }, (_, i) => validator(i));
  const queued = (i: number, eligibility: number) =>
    validator(i, { activationEligibilityEpoch: eligibility, activationEpoch: FAR });

  it("orders the queue by (eligibility epoch, index) and drains it at the churn limit", () => {
    const state = makeState(5 * 8 + 3, [
      ...active,
      queued(8, 4),
      queued(9, 3),
      queued(10, 3),
      queued(11, 4),
      queued(12, 4),
      validator(13, { activationEligibilityEpoch: 2, activationEpoch: 6 }), // already scheduled
    ]);
    const q = computeActivationQueue(testConfig, state, []);
    expect(q.churnLimit).to.equal(2);
    expect(q.entries.map((e) => e.index)).to.deep.equal([13, 9, 10, 8, 11, 12]);
    expect(q.entries[0]).to.deep.include({ activationEpoch: 6, estimated: false, position: 0 });
    // end of epoch 5 dequeues 9,10 (eligible 3 <= finalized 4) -> activation 5+1+1 = 7; then 8,11 at 8; 12 at 9
    expect(q.entries.map((e) => e.activationEpoch)).to.deep.equal([6, 7, 7, 8, 8, 9]);
    expect(q.entries[1]!.etaTime).to.equal(state.genesisTime + 7 * 8 * 2);
    expect(q.length).to.equal(6);
  });

  it("puts deposit_pending keys after the queue and leaves top-ups and partial stakes out of it", () => {
    const state = makeState(5 * 8, [
      ...active,
      queued(8, 3),
      validator(9, { activationEligibilityEpoch: FAR, activationEpoch: FAR, effectiveBalance: GWEI_STAKE / 2 }),
    ]);
    const pending = [
      { index: 10, pubkey: pubkeyOf(20), amountGwei: GWEI_STAKE },
      { index: 11, pubkey: pubkeyOf(3), amountGwei: GWEI_STAKE }, // top-up of a known key
      { index: 12, pubkey: pubkeyOf(21), amountGwei: GWEI_STAKE / 2 }, // half a stake...
      { index: 13, pubkey: pubkeyOf(21), amountGwei: GWEI_STAKE / 2 }, // ...completed
      { index: 14, pubkey: pubkeyOf(22), amountGwei: GWEI_STAKE / 4 }, // not enough
    ];
    const q = computeActivationQueue(testConfig, state, pending);
    const byKey = new Map(q.entries.map((e) => [hex(e.pubkey), e]));
    expect(q.entries.map((e) => e.status)).to.deep.equal([
      "pending_queued",
      "deposit_pending",
      "deposit_pending",
      "pending_initialized",
      "deposit_pending",
    ]);
    expect(byKey.get(hex(pubkeyOf(20)))).to.deep.include({ position: 1, eligibilityEpoch: 5 + 2 + 1 });
    expect(byKey.get(hex(pubkeyOf(21)))!.position).to.equal(2);
    expect(byKey.get(hex(pubkeyOf(22)))!.position).to.equal(null);
    expect(byKey.has(hex(pubkeyOf(3)))).to.equal(false);
    expect(q.length).to.equal(3);
  });

  it("never activates more than the churn limit per epoch, and keeps the queue order (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 0, max: 6 }),
        (eligibilities, epoch) => {
          const vals = [...active, ...eligibilities.map((e, i) => queued(8 + i, e))];
          const q = computeActivationQueue(testConfig, makeState(epoch * 8, vals), []);
          const perEpoch = new Map<number, number>();
          let last = -1;
          for (const e of q.entries) {
            const a = e.activationEpoch!;
            expect(a).to.be.greaterThanOrEqual(last);
            expect(a).to.be.greaterThan(epoch + testConfig.MAX_SEED_LOOKAHEAD);
            // dequeued at the end of an epoch X whose finalized epoch (max(state's, X-1)) covers its eligibility
            const dequeued = a - 1 - testConfig.MAX_SEED_LOOKAHEAD;
            expect(Math.max(q.finalizedEpoch, dequeued - 1)).to.be.greaterThanOrEqual(e.eligibilityEpoch!);
            last = a;
            perEpoch.set(a, (perEpoch.get(a) ?? 0) + 1);
          }
          for (const n of perEpoch.values()) expect(n).to.be.at.most(q.churnLimit);
        },
      ),
    );
  });

  it("is served at /btc20/v1/activation_queue with a pubkey filter", async () => {
    const view = new FixtureChainView(makeState(5 * 8, [...active, queued(8, 3)]));
    view.pending = [{ index: 9, pubkey: pubkeyOf(30), amountGwei: GWEI_STAKE }];
    const app = createBeaconApi(view);
    const all = (await app.inject({ url: "/btc20/v1/activation_queue" })).json();
    expect(all.data).to.deep.include({ length: "2", churn_limit: "2", deposit_pending: "1", current_epoch: "5" });
    const one = (await app.inject({ url: `/btc20/v1/activation_queue?pubkey=${hex(pubkeyOf(30))}` })).json();
    expect(one.data.entries).to.have.length(1);
    expect(one.data.entries[0]).to.deep.include({ status: "deposit_pending", index: null, position: "1" });
    const bad = await app.inject({ url: "/btc20/v1/activation_queue?pubkey=0xabc" });
    expect(bad.statusCode).to.equal(400);
    await app.close();
  });
});
