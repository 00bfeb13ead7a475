// Block production v1/v2/v3 on a real node: the same phase0 block in each answer's shape, SSZ on request, the
// randao reveal checked, graffiti as 0x bytes32 (and Lodestar 1.5.1's plain text), and 400s for bad input.
import { expect } from "chai";
import { hex, ValidatorApiFixture } from "../validatorApiFixture.js";

describe("consensus/api block production", function () {
  this.timeout(120_000);
  let f: ValidatorApiFixture;
  let slot: number;
  let proposer: number;
  let reveal: Uint8Array;

  before(async () => {
    f = await ValidatorApiFixture.start(8);
    slot = 2 * f.cfg.SLOTS_PER_EPOCH + 3;
    await f.runTo(slot - 1, 2);
    f.inProcess.online = false;
    await f.runTo(slot, 0);
    const duties = await f.get(`/eth/v1/validator/duties/proposer/2`);
    proposer = Number(duties.body.data.find((d: { slot: string }) => Number(d.slot) === slot).validator_index);
    reveal = f.signer.signRandao(f.signingState, f.pubkeyOf(proposer), 2);
  });
  after(() => f.close());

  const graffitiHex = `0x${Buffer.from("btc20 api test".padEnd(32, "\0")).toString("hex")}`;

  it("v1, v2 and v3 answer the same block in their shapes", async () => {
    const q = `randao_reveal=${hex(reveal)}&graffiti=${graffitiHex}`;
    const v1 = await f.get(`/eth/v1/validator/blocks/${slot}?${q}`);
    const v2 = await f.get(`/eth/v2/validator/blocks/${slot}?${q}`);
    const v3 = await f.get(`/eth/v3/validator/blocks/${slot}?${q}`);
    for (const r of [v1, v2, v3]) expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(v1.body).to.have.all.keys("data", "block_value");
    expect(v2.body).to.have.all.keys("version", "data", "block_value");
    expect(v2.body.version).to.equal("phase0");
    expect(v2.headers["eth-consensus-version"]).to.equal("phase0");
    expect(v3.body).to.have.all.keys(
      "version",
      "execution_payload_blinded",
      "execution_payload_value",
      "consensus_block_value",
      "data",
    );
    expect(v3.body.execution_payload_blinded).to.equal(false);
    expect(v3.body.consensus_block_value).to.match(/^\d+$/);
    expect(v3.headers["eth-execution-payload-blinded"]).to.equal("false");
    expect(v3.headers["eth-consensus-block-value"]).to.equal(v3.body.consensus_block_value);
    expect(v2.body.data).to.deep.equal(v1.body.data);
    expect(v3.body.data).to.deep.equal(v1.body.data);
    const block = f.cfg.types.BeaconBlock.fromJson(v1.body.data);
    expect(block.slot).to.equal(slot);
    expect(block.proposerIndex).to.equal(proposer);
    expect(hex(block.parentRoot)).to.equal(f.chain.headRoot);
    expect(hex(block.body.graffiti)).to.equal(graffitiHex);
    expect(hex(block.body.randaoReveal)).to.equal(hex(reveal));
  });

  it("answers SSZ when the client prefers it (v2, v3; Lodestar 1.22's default Accept does), JSON otherwise", async () => {
    const q = `randao_reveal=${hex(reveal)}`;
    const json = await f.get(`/eth/v3/validator/blocks/${slot}?${q}`);
    const ssz = await f.get(`/eth/v3/validator/blocks/${slot}?${q}`, { accept: "application/octet-stream" });
    expect(ssz.headers["content-type"]).to.equal("application/octet-stream");
    expect(ssz.headers["eth-consensus-version"]).to.equal("phase0");
    const fromSsz = f.cfg.types.BeaconBlock.deserialize(new Uint8Array(ssz.raw));
    expect(f.cfg.types.BeaconBlock.toJson(fromSsz)).to.deep.equal(json.body.data);
    const v2 = await f.get(`/eth/v2/validator/blocks/${slot}?${q}`, {
      accept: "application/octet-stream;q=1,application/json;q=0.9",
    });
    expect(v2.headers["content-type"]).to.equal("application/octet-stream");
    const prefersJson = await f.get(`/eth/v2/validator/blocks/${slot}?${q}`, {
      accept: "application/json;q=1,application/octet-stream;q=0.5",
    });
    expect(prefersJson.body.version).to.equal("phase0");
  });

  it("takes Lodestar 1.5.1's plain-text graffiti, zero-padded", async () => {
    const res = await f.get(
      `/eth/v1/validator/blocks/${slot}?randao_reveal=${hex(reveal)}&graffiti=Lodestar-v1.5.1%2F2115aa7`,
    );
    expect(res.status).to.equal(200);
    const graffiti = Buffer.from(res.body.data.body.graffiti.slice(2), "hex");
    expect(graffiti.subarray(0, 23).toString()).to.equal("Lodestar-v1.5.1/2115aa7");
    expect([...graffiti.subarray(23)].every((b) => b === 0)).to.equal(true);
  });

  it("skip_randao_verification takes the point at infinity (v3 only)", async () => {
    const infinity = `0xc0${"00".repeat(95)}`;
    expect(
      (await f.get(`/eth/v3/validator/blocks/${slot}?randao_reveal=${infinity}&skip_randao_verification`)).status,
    ).to.equal(200);
    expect(
      (await f.get(`/eth/v3/validator/blocks/${slot}?randao_reveal=${hex(reveal)}&skip_randao_verification`)).status,
    ).to.equal(400);
    expect((await f.get(`/eth/v3/validator/blocks/${slot}?randao_reveal=${infinity}`)).status).to.equal(400);
  });

  it("answers 400 for a wrong randao reveal, bad graffiti, slots at or before the head or far ahead", async () => {
    const other = f.signer.signRandao(f.signingState, f.pubkeyOf((proposer + 1) % 8), 2);
    const cases = [
      `/eth/v3/validator/blocks/${slot}?randao_reveal=${hex(other)}`,
      `/eth/v3/validator/blocks/${slot}`,
      `/eth/v3/validator/blocks/${slot}?randao_reveal=0x1234`,
      `/eth/v2/validator/blocks/${slot}?randao_reveal=${hex(reveal)}&graffiti=${"x".repeat(33)}`,
      `/eth/v1/validator/blocks/${slot - 1}?randao_reveal=${hex(reveal)}`,
      `/eth/v1/validator/blocks/${slot + 3}?randao_reveal=${hex(reveal)}`,
      `/eth/v1/validator/blocks/abc?randao_reveal=${hex(reveal)}`,
    ];
    for (const url of cases) {
      const res = await f.get(url);
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).to.equal(400);
      expect(res.body.code).to.equal(400);
    }
  });
});
