// Proposer and attester duties on a real node, checked against what happens: the blocks actually proposed and the
// committees of the engine; the spec's shapes (decimal strings, 0x hex) and its error answers.
import { expect } from "chai";
import { getBeaconCommittee } from "../../../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { hex, ValidatorApiFixture } from "../validatorApiFixture.js";

describe("consensus/api validator duties", function () {
  this.timeout(120_000);
  let f: ValidatorApiFixture;
  let nextEpochDuties: { pubkey: string; validator_index: string; slot: string }[];
  let nextEpochBody: Record<string, unknown>;
  const spe = () => f.cfg.SLOTS_PER_EPOCH;

  before(async () => {
    f = await ValidatorApiFixture.start(8);
    // next-epoch proposer duties asked before the boundary (as Lodestar does), then that epoch is run
    await f.runTo(3 * spe() - 1, 2);
    const res = await f.get(`/eth/v1/validator/duties/proposer/3`);
    expect(res.status).to.equal(200);
    nextEpochBody = res.body;
    nextEpochDuties = res.body.data;
    await f.runTo(4 * spe(), 0);
  });
  after(() => f.close());

  it("proposer duties name the validators that then proposed every slot of the epoch", () => {
    expect(nextEpochBody.execution_optimistic).to.equal(false);
    expect(nextEpochBody.dependent_root).to.match(/^0x[0-9a-f]{64}$/);
    expect(nextEpochDuties).to.have.length(spe());
    for (const d of nextEpochDuties) {
      expect(d).to.have.all.keys("pubkey", "validator_index", "slot");
      const block = f.chain.canonicalStateAtSlot(Number(d.slot))!;
      const header = f.chain.header(block.blockRoot)!.message;
      expect(header.slot).to.equal(Number(d.slot));
      expect(String(header.proposerIndex)).to.equal(d.validator_index);
      expect(d.pubkey).to.equal(hex(f.pubkeyOf(header.proposerIndex)));
    }
  });

  it("attester duties put each active validator in exactly one committee slot of the epoch", async () => {
    const epoch = 4;
    const res = await f.post(`/eth/v1/validator/duties/attester/${epoch}`, ["0", "1", "2", "3", "4", "5", "6", "7"]);
    expect(res.status).to.equal(200);
    expect(res.body.execution_optimistic).to.equal(false);
    expect(res.body.data).to.have.length(8);
    const state = f.chain.headStateAtSlot(epoch * spe());
    const seen = new Set<string>();
    for (const d of res.body.data) {
      expect(seen.has(d.validator_index)).to.equal(false);
      seen.add(d.validator_index);
      const committee = getBeaconCommittee(f.cfg, state, Number(d.slot), Number(d.committee_index));
      expect(committee.length).to.equal(Number(d.committee_length));
      expect(committee[Number(d.validator_committee_index)]).to.equal(Number(d.validator_index));
      expect(d.committees_at_slot).to.equal("1");
      expect(d.pubkey).to.equal(hex(f.pubkeyOf(Number(d.validator_index))));
      expect(Math.floor(Number(d.slot) / spe())).to.equal(epoch);
    }
    const some = await f.post(`/eth/v1/validator/duties/attester/${epoch + 1}`, ["3"]);
    expect(some.body.data.map((d: { validator_index: string }) => d.validator_index)).to.deep.equal(["3"]);
  });

  it("answers 400 with {code, message} for bad epochs, bodies and unknown indices", async () => {
    const bad = [
      await f.get("/eth/v1/validator/duties/proposer/abc"),
      await f.get("/eth/v1/validator/duties/proposer/-1"),
      await f.get("/eth/v1/validator/duties/proposer/6"), // current epoch 4: at most 5
      await f.post("/eth/v1/validator/duties/attester/4", { ids: ["1"] }),
      await f.post("/eth/v1/validator/duties/attester/4", [1]),
      await f.post("/eth/v1/validator/duties/attester/4", ["0x01"]),
      await f.post("/eth/v1/validator/duties/attester/4", ["8"]),
      await f.post("/eth/v1/validator/duties/attester/6", ["1"]),
    ];
    for (const r of bad) {
      expect(r.status, JSON.stringify(r.body)).to.equal(400);
      expect(r.body.code).to.equal(400);
      expect(r.body.message).to.be.a("string").and.not.equal("");
    }
  });
});
