// Head events carry the beacon-APIs duty dependent roots: previous = block root at the last slot before epoch - 1,
// current = block root at the last slot before the head's epoch (the genesis block on underflow). Before the fix
// both were the head root, so a validator client re-fetched its duties on every head.
import { expect } from "chai";
import { computeEpochAtSlot } from "../../../../consensus/state-transition/misc/computeEpochAtSlot.js";
import { computeStartSlotAtEpoch } from "../../../../consensus/state-transition/misc/computeStartSlotAtEpoch.js";
import { ValidatorApiFixture } from "../validatorApiFixture.js";

describe("consensus/api head events: duty dependent roots", function () {
  this.timeout(120_000);
  let f: ValidatorApiFixture;
  const heads: { slot: number; block: string; previous: string; current: string }[] = [];
  let sse = "";
  let abort: AbortController;

  before(async () => {
    f = await ValidatorApiFixture.start(8);
    const address = await f.app.listen({ host: "127.0.0.1", port: 0 });
    abort = new AbortController();
    const res = await fetch(`${address}/eth/v1/events?topics=head`, { signal: abort.signal });
    const reader = res.body!.getReader();
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        sse += new TextDecoder().decode(value);
      }
    })().catch(() => {});
    f.chain.onEvent((e) => {
      if (e.topic !== "head") return;
      const h = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;
      heads.push({
        slot: e.slot,
        block: h(e.block),
        previous: h(e.previousDutyDependentRoot),
        current: h(e.currentDutyDependentRoot),
      });
    });
    const spe = f.cfg.SLOTS_PER_EPOCH;
    // the last slot of epoch 2 stays empty: epoch 3's dependent root is then the block of the slot before it
    await f.runTo(3 * spe - 2, 2);
    f.inProcess.online = false;
    await f.runTo(3 * spe - 1, 2);
    f.inProcess.online = true;
    await f.runTo(5 * spe, 2);
    await new Promise((r) => setTimeout(r, 100));
  });
  after(async () => {
    abort.abort();
    await f.close();
  });

  /** The canonical block root at or before `slot`, by walking the head's ancestry (independent of the state). */
  const rootAtOrBefore = (slot: number): string => {
    if (slot < 0) return f.chain.genesisRoot; // underflow
    let root = f.chain.headRoot;
    for (;;) {
      const header = f.chain.header(root)!;
      if (header.message.slot <= slot) return root;
      root = `0x${Buffer.from(header.message.parentRoot).toString("hex")}`;
    }
  };

  it("are the spec's roots, not the head root", () => {
    const cfg = f.cfg;
    const spe = cfg.SLOTS_PER_EPOCH;
    expect(heads.length).to.be.greaterThan(3 * spe);
    for (const h of heads) {
      const epoch = computeEpochAtSlot(cfg, h.slot);
      const start = (e: number) => computeStartSlotAtEpoch(cfg, e);
      expect(h.current, `slot ${h.slot}`).to.equal(rootAtOrBefore(start(epoch) - 1));
      expect(h.previous, `slot ${h.slot}`).to.equal(rootAtOrBefore(epoch > 0 ? start(epoch - 1) - 1 : -1));
      if (h.slot % spe !== 0) expect(h.current, `slot ${h.slot}`).to.not.equal(h.block);
    }
    // the skipped slot: epoch 3's current dependent root is the block of slot 3*spe-2
    const e3 = heads.find((h) => computeEpochAtSlot(cfg, h.slot) === 3)!;
    expect(f.chain.header(e3.current)!.message.slot).to.equal(3 * spe - 2);
  });

  it("stay the same for every head of an epoch, so clients keep their duties", () => {
    const byEpoch = new Map<number, Set<string>>();
    for (const h of heads) {
      const epoch = computeEpochAtSlot(f.cfg, h.slot);
      const set = byEpoch.get(epoch) ?? new Set();
      set.add(`${h.previous}/${h.current}`);
      byEpoch.set(epoch, set);
    }
    for (const [epoch, set] of byEpoch) expect(set.size, `epoch ${epoch}`).to.equal(1);
  });

  it("match the dependent_root of proposer duties (current) and attester duties (previous)", async () => {
    const last = heads.at(-1)!;
    const epoch = computeEpochAtSlot(f.cfg, last.slot);
    const proposer = await f.get(`/eth/v1/validator/duties/proposer/${epoch}`);
    expect(proposer.body.dependent_root).to.equal(last.current);
    const attester = await f.post(`/eth/v1/validator/duties/attester/${epoch}`, ["0"]);
    expect(attester.body.dependent_root).to.equal(last.previous);
    // next epoch's attester duties depend on the last block before this epoch
    const next = await f.post(`/eth/v1/validator/duties/attester/${epoch + 1}`, ["0"]);
    expect(next.body.dependent_root).to.equal(last.current);
  });

  it("reach SSE clients with the same values", () => {
    const events = [...sse.matchAll(/event: head\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!));
    expect(events.length).to.equal(heads.length);
    const last = events.at(-1)!;
    expect(last.previous_duty_dependent_root).to.equal(heads.at(-1)!.previous);
    expect(last.current_duty_dependent_root).to.equal(heads.at(-1)!.current);
    expect(last.execution_optimistic).to.equal(false);
  });
});
