// committees, fork, fork_schedule and the POST forms of validators / validator_balances on a real node.
import { expect } from "chai";
import { getBeaconCommittee } from "../../../../consensus/state-transition/accessors/getBeaconCommittee.js";
import { hex, ValidatorApiFixture } from "../validatorApiFixture.js";

describe("consensus/api committees, fork and POST state queries", function () {
  this.timeout(120_000);
  let f: ValidatorApiFixture;

  before(async () => {
    f = await ValidatorApiFixture.start(8);
    await f.runTo(3 * f.cfg.SLOTS_PER_EPOCH + 2, 2);
  });
  after(() => f.close());

  it("committees: every committee of the epoch as the engine computes it, filtered by slot and index", async () => {
    const res = await f.get("/eth/v1/beacon/states/head/committees");
    expect(res.status).to.equal(200);
    expect(res.body.execution_optimistic).to.equal(false);
    expect(res.body.finalized).to.equal(false);
    expect(res.body.data).to.have.length(f.cfg.SLOTS_PER_EPOCH);
    const state = f.chain.headState();
    const all = new Set<string>();
    for (const c of res.body.data) {
      expect(c).to.have.all.keys("index", "slot", "validators");
      const expected = Array.from(getBeaconCommittee(f.cfg, state, Number(c.slot), Number(c.index)), String);
      expect(c.validators).to.deep.equal(expected);
      for (const v of c.validators) all.add(v);
    }
    expect(all.size).to.equal(8);
    const next = await f.get("/eth/v1/beacon/states/head/committees?epoch=4&slot=33&index=0");
    expect(next.body.data).to.have.length(1);
    expect(next.body.data[0].slot).to.equal("33");
    for (const q of ["epoch=9", "epoch=1", "slot=40&epoch=4", "index=x", "epoch=-1"]) {
      expect((await f.get(`/eth/v1/beacon/states/head/committees?${q}`)).status, q).to.equal(400);
    }
    expect((await f.get("/eth/v1/beacon/states/99999/committees")).status).to.equal(404);
    expect((await f.get(`/eth/v1/beacon/states/0x${"ab".repeat(32)}/committees`)).status).to.equal(404);
    expect((await f.get("/eth/v1/beacon/states/nope/committees")).status).to.equal(400);
  });

  it("fork_schedule and states/{id}/fork: phase0 from genesis", async () => {
    const version = hex(f.cfg.GENESIS_FORK_VERSION);
    const schedule = await f.get("/eth/v1/config/fork_schedule");
    expect(schedule.body.data).to.deep.equal([{ previous_version: version, current_version: version, epoch: "0" }]);
    const fork = await f.get("/eth/v1/beacon/states/head/fork");
    expect(fork.body).to.deep.equal({
      execution_optimistic: false,
      finalized: false,
      data: { previous_version: version, current_version: version, epoch: "0" },
    });
    expect((await f.get("/eth/v1/beacon/states/genesis/fork")).body.finalized).to.equal(true);
    expect((await f.get("/eth/v1/beacon/states/99999/fork")).status).to.equal(404);
  });

  it("POST validators: ids and statuses in the body, as the GET form answers", async () => {
    const pk = hex(f.pubkeyOf(3));
    const post = await f.post("/eth/v1/beacon/states/head/validators", { ids: ["1", pk], statuses: ["active"] });
    expect(post.status).to.equal(200);
    const get = await f.get(`/eth/v1/beacon/states/head/validators?id=1&id=${pk}&status=active`);
    expect(post.body).to.deep.equal(get.body);
    expect(post.body.data.map((v: { index: string }) => v.index)).to.deep.equal(["1", "3"]);
    const all = await f.post("/eth/v1/beacon/states/head/validators", {});
    expect(all.body.data).to.have.length(8);
    const nulls = await f.post("/eth/v1/beacon/states/head/validators", { ids: null, statuses: null });
    expect(nulls.body.data).to.have.length(8);
    const balances = await f.post("/eth/v1/beacon/states/head/validator_balances", ["0", pk]);
    expect(balances.body.data.map((b: { index: string }) => b.index)).to.deep.equal(["0", "3"]);
    for (const body of [{ ids: "1" }, { ids: [1] }, { statuses: ["sleeping"] }, { ids: ["0xzz"] }]) {
      const r = await f.post("/eth/v1/beacon/states/head/validators", body);
      expect(r.status, JSON.stringify(body)).to.equal(400);
      expect(r.body.code).to.equal(400);
    }
    expect((await f.post("/eth/v1/beacon/states/99999/validators", {})).status).to.equal(404);
  });
});
