// Publishing signed blocks (v1 JSON, v2 JSON and SSZ with Eth-Consensus-Version and broadcast_validation) on a real
// node: 200 once imported, 202 when held for an unknown parent, 400 (not imported) when invalid.
import { expect } from "chai";
import { processBlock } from "../../../../consensus/state-transition/block/processBlock.js";
import { cloneBeaconState } from "../../../../consensus/state-transition/caches/cloneBeaconState.js";
import { hashBeaconState } from "../../../../consensus/state-transition/caches/stateRoot.js";
import type { BeaconBlock, SignedBeaconBlock } from "../../../../consensus/types/index.js";
import { hex, ValidatorApiFixture } from "../validatorApiFixture.js";

describe("consensus/api block publishing", function () {
  this.timeout(120_000);
  let f: ValidatorApiFixture;
  const spe = () => f.cfg.SLOTS_PER_EPOCH;
  const v2 = { "eth-consensus-version": "phase0" };

  before(async () => {
    f = await ValidatorApiFixture.start(8);
    await f.runTo(2 * spe() - 1, 2);
    f.inProcess.online = false;
  });
  after(() => f.close());

  /** The block for `slot` produced through the API and signed by its proposer (outside slashing protection). */
  const produced = async (slot: number, graffiti = `0x${"00".repeat(32)}`): Promise<SignedBeaconBlock> => {
    const epoch = Math.floor(slot / spe());
    const duty = (await f.get(`/eth/v1/validator/duties/proposer/${epoch}`)).body.data.find(
      (d: { slot: string }) => Number(d.slot) === slot,
    );
    const pubkey = f.pubkeyOf(Number(duty.validator_index));
    const reveal = f.signer.signRandao(f.signingState, pubkey, epoch);
    const res = await f.get(`/eth/v3/validator/blocks/${slot}?randao_reveal=${hex(reveal)}&graffiti=${graffiti}`);
    const block: BeaconBlock = f.cfg.types.BeaconBlock.fromJson(res.body.data);
    const signature = f.signer.signUnprotected(
      f.signingState,
      pubkey,
      f.cfg.types.BeaconBlock,
      block,
      f.cfg.DOMAIN_BEACON_PROPOSER,
      epoch,
    );
    return { message: block, signature };
  };
  const json = (b: SignedBeaconBlock) => f.cfg.types.SignedBeaconBlock.toJson(b);

  it("v1 JSON: 200 and the block becomes the head", async () => {
    const slot = 2 * spe();
    await f.runTo(slot, 0);
    const block = await produced(slot);
    const res = await f.post("/eth/v1/beacon/blocks", json(block));
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(f.chain.headRoot).to.equal(hex(f.cfg.types.BeaconBlock.hashTreeRoot(block.message)));
  });

  it("v2 SSZ with broadcast_validation=consensus: 200", async () => {
    const slot = 2 * spe() + 1;
    await f.runTo(slot, 0);
    const block = await produced(slot);
    const res = await f.post(
      "/eth/v2/beacon/blocks?broadcast_validation=consensus",
      f.cfg.types.SignedBeaconBlock.serialize(block),
      v2,
    );
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(f.chain.headState().slot).to.equal(slot);
  });

  it("400 and not imported: bad signature, missing or wrong Eth-Consensus-Version, bad broadcast_validation, bad body", async () => {
    const slot = 2 * spe() + 2;
    await f.runTo(slot, 0);
    const block = await produced(slot);
    const forged = { ...block, signature: block.message.body.randaoReveal };
    const cases = [
      await f.post("/eth/v2/beacon/blocks", json(forged), v2),
      await f.post("/eth/v1/beacon/blocks", json(forged)),
      await f.post("/eth/v2/beacon/blocks", json(block)),
      await f.post("/eth/v2/beacon/blocks", json(block), { "eth-consensus-version": "altair" }),
      await f.post("/eth/v2/beacon/blocks?broadcast_validation=none", json(block), v2),
      await f.post("/eth/v2/beacon/blocks", { message: {} }, v2),
      await f.post("/eth/v2/beacon/blocks", new Uint8Array([1, 2, 3]), v2),
    ];
    for (const r of cases) {
      expect(r.status, JSON.stringify(r.body)).to.equal(400);
      expect(r.body.code).to.equal(400);
    }
    expect(f.chain.headState().slot).to.equal(slot - 1);
  });

  it("consensus_and_equivocation refuses a second block of the proposer at the slot; gossip imports it", async () => {
    const slot = 2 * spe() + 3;
    await f.runTo(slot, 0);
    const first = await produced(slot);
    expect((await f.post("/eth/v2/beacon/blocks", json(first), v2)).status).to.equal(200);
    // a sibling: same slot and parent, other graffiti
    const chain = f.chain;
    const second = (() => {
      // the same block with another graffiti (state root recomputed), signed again by the proposer
      const b = f.cfg.types.BeaconBlock.clone(first.message);
      b.body.graffiti = new Uint8Array(32).fill(7);
      const pre = chain.blockStateAtSlot(hex(b.parentRoot), slot)!;
      const post = cloneBeaconState(f.cfg, pre);
      processBlock(f.cfg, post, b, false);
      b.stateRoot = hashBeaconState(f.cfg, post);
      const signature = f.signer.signUnprotected(
        f.signingState,
        f.pubkeyOf(b.proposerIndex),
        f.cfg.types.BeaconBlock,
        b,
        f.cfg.DOMAIN_BEACON_PROPOSER,
        Math.floor(slot / spe()),
      );
      return { message: b, signature };
    })();
    const refused = await f.post(
      "/eth/v2/beacon/blocks?broadcast_validation=consensus_and_equivocation",
      json(second),
      v2,
    );
    expect(refused.status).to.equal(400);
    expect(refused.body.message).to.match(/equivocat/);
    expect(chain.hasBlock(hex(f.cfg.types.BeaconBlock.hashTreeRoot(second.message)))).to.equal(false);
    expect((await f.post("/eth/v2/beacon/blocks", json(second), v2)).status).to.equal(200);
    expect(chain.hasBlock(hex(f.cfg.types.BeaconBlock.hashTreeRoot(second.message)))).to.equal(true);
  });

  it("202 for a valid-looking block whose parent is unknown (held, broadcast)", async () => {
    const slot = 2 * spe() + 4;
    await f.runTo(slot, 0);
    const block = await produced(slot);
    const orphan = { ...block, message: { ...block.message, parentRoot: new Uint8Array(32).fill(9) } };
    expect((await f.post("/eth/v2/beacon/blocks", json(orphan), v2)).status).to.equal(202);
  });
});
