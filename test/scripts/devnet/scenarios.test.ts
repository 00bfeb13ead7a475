// Each devnet scenario in virtual time (no waiting for the wall clock), small validator counts: the expectation
// must hold, and the records must show the behaviour the scenario is about.
import { expect } from "chai";
import { createDevnetConfig } from "../../../scripts/devnet/devnetParams.js";
import { runScenario } from "../../../scripts/devnet/runScenario.js";
import { SCENARIOS } from "../../../scripts/devnet/scenarios/index.js";

describe("scripts/devnet scenarios (virtual time)", function () {
  this.timeout(120_000);
  const cfg = createDevnetConfig();
  const run = (name: string, epochs: number, validators = 16) =>
    runScenario({ cfg, scenario: SCENARIOS[name]!, epochs, validators, mode: "virtual" });

  it("(a) healthy: finalizes every epoch", async () => {
    const r = await run("healthy", 6);
    expect(r.reason).to.equal(null);
    expect(r.ctx.records.at(-1)!.finalizedEpoch).to.equal(4);
    expect(r.ctx.records.at(-1)!.participation).to.be.greaterThan(0.95);
  });

  it("(b) leak: finality stops, offline stake drains, finality resumes", async () => {
    const r = await run("leak", 20);
    expect(r.reason).to.equal(null);
    const stuck = r.ctx.records.filter((x) => x.epoch >= 6 && x.finalizedEpoch === 0);
    expect(stuck.length).to.be.greaterThan(3);
    const last = r.ctx.records.at(-1)!;
    expect(last.finalizedEpoch).to.be.greaterThan(10);
  });

  it("(c) slashing: both offenders slashed, penalized and exited", async () => {
    const r = await run("slashing", 10);
    expect(r.reason).to.equal(null);
    const last = r.ctx.records.at(-1)!;
    expect((last.statuses.withdrawal_possible ?? 0) + (last.statuses.exited_slashed ?? 0)).to.equal(2);
    expect(r.ctx.devnet.nodes[0]!.stats.slashingsDetected).to.be.at.least(2);
  });

  it("(d) multinode: 4 nodes, latency and a partition, same finalized checkpoint", async () => {
    const r = await run("multinode", 11);
    expect(r.reason).to.equal(null);
    const during = r.ctx.records.find((x) => x.epoch === 6)!;
    expect(during.finalizedEpoch).to.be.lessThan(3); // no finality while split 2/2
  });

  it("reports a failed expectation with its reason", async () => {
    const r = await run("healthy", 3);
    expect(r.ok).to.equal(false);
    expect(r.reason).to.match(/before epoch 4/);
  });
});
