// The validator path end to end on a real node: after a few epochs run by the node's in-process validator client,
// that client goes offline and every duty (propose, attest, aggregate) is done through the Beacon API only; the
// chain keeps advancing on the API-published blocks and keeps finalizing on the API-published votes.
import { expect } from "chai";
import { ValidatorApiFixture } from "../validatorApiFixture.js";

describe("consensus/api validator endpoints drive a real node", function () {
  this.timeout(180_000);
  let f: ValidatorApiFixture;

  before(async () => {
    f = await ValidatorApiFixture.start(8);
    const spe = f.cfg.SLOTS_PER_EPOCH;
    await f.runTo(3 * spe - 1, 2);
    f.inProcess.online = false;
    for (let slot = 3 * spe; slot < 7 * spe; slot++) await f.driveSlot(slot);
    await f.runTo(7 * spe, 0);
  });
  after(() => f.close());

  it("proposes every slot, attests with every key once per epoch and aggregates through the API", () => {
    const spe = f.cfg.SLOTS_PER_EPOCH;
    expect(f.done.proposed).to.equal(4 * spe);
    expect(f.done.attested).to.equal(4 * f.keys.length);
    expect(f.done.aggregated).to.be.greaterThan(0);
    expect(f.chain.headState().slot).to.equal(7 * spe - 1);
  });

  it("the chain finalizes on the votes published through the API", () => {
    const state = f.chain.headStateAtSlot(7 * f.cfg.SLOTS_PER_EPOCH);
    expect(state.finalizedCheckpoint.epoch).to.be.at.least(5);
    // every key's vote of epoch 5 was included (previous-epoch participation at the start of epoch 7 counts epoch 6)
    expect(state.previousEpochAttestations.length).to.be.greaterThan(0);
  });
});
