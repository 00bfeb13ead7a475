// Voluntary exit and slashing pools on a real node: an operation POSTed to the API is checked by the state
// transition's own process_* rules, pooled, included by the next block the node produces, pruned, and takes
// effect (the exiting validator turns active_exiting, the slashed ones active_slashed); rule breaks are 400s.
import { expect } from "chai";
import type { AttesterSlashing, ProposerSlashing, SignedVoluntaryExit } from "../../../../consensus/types/index.js";
import { bls } from "../../../../sdk/crypto/bls/index.js";
import { hex, ValidatorApiFixture } from "../validatorApiFixture.js";

describe("consensus/api operation pools (exits, slashings)", function () {
  this.timeout(120_000);
  let f: ValidatorApiFixture;
  const spe = () => f.cfg.SLOTS_PER_EPOCH;

  before(async () => {
    f = await ValidatorApiFixture.start(8);
    // SHARD_COMMITTEE_PERIOD is 4 epochs on the devnet: exits are valid from epoch 4
    await f.runTo(4 * spe() + 1, 1);
  });
  after(() => f.close());

  const exitOf = (validatorIndex: number, epoch: number): SignedVoluntaryExit => {
    const message = { epoch, validatorIndex };
    const signature = f.signer.signUnprotected(
      f.signingState,
      f.pubkeyOf(validatorIndex),
      f.cfg.types.VoluntaryExit,
      message,
      f.cfg.DOMAIN_VOLUNTARY_EXIT,
      epoch,
    );
    return { message, signature };
  };
  const status = async (i: number) => (await f.get(`/eth/v1/beacon/states/head/validators/${i}`)).body.data.status;

  it("exit: pooled, included in the next block, pruned, and the validator goes active_exiting", async () => {
    const exit = exitOf(5, 4);
    const res = await f.post("/eth/v1/beacon/pool/voluntary_exits", f.cfg.types.SignedVoluntaryExit.toJson(exit));
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const pool = await f.get("/eth/v1/beacon/pool/voluntary_exits");
    expect(pool.body.data).to.deep.equal([f.cfg.types.SignedVoluntaryExit.toJson(exit)]);
    expect(await status(5)).to.equal("active_ongoing");
    await f.runTo(4 * spe() + 2, 1); // the in-process validator client proposes slot 4*spe+2 through BeaconNode
    const head = f.chain.getBlock(f.chain.headRoot)!;
    expect(head.message.body.voluntaryExits.map((e) => e.message.validatorIndex)).to.deep.equal([5]);
    expect((await f.get("/eth/v1/beacon/pool/voluntary_exits")).body.data).to.deep.equal([]);
    expect(await status(5)).to.equal("active_exiting");
    const v = (await f.get("/eth/v1/beacon/states/head/validators/5")).body.data.validator;
    expect(Number(v.exit_epoch)).to.equal(4 + 1 + f.cfg.MAX_SEED_LOOKAHEAD);
  });

  it("exit: 400 naming the process_voluntary_exit rule it breaks; malformed bodies 400", async () => {
    const T = f.cfg.types.SignedVoluntaryExit;
    const cases: [unknown, RegExp][] = [
      [T.toJson(exitOf(5, 4)), /VOLUNTARY_EXIT_ALREADY_EXITING/],
      [T.toJson(exitOf(6, 9)), /VOLUNTARY_EXIT_NOT_YET_VALID/],
      [T.toJson({ ...exitOf(6, 4), signature: exitOf(7, 4).signature }), /VOLUNTARY_EXIT_INVALID_SIGNATURE/],
      [T.toJson(exitOf(6, 4)).message, /message: missing/],
      [{ message: { epoch: 4, validator_index: "6" }, signature: "0x00" }, /epoch: expected a decimal integer string/],
      [{ message: { epoch: "4", validator_index: "-6" }, signature: "0x00" }, /validator_index/],
      [
        { message: { epoch: "4", validator_index: "99" }, signature: hex(exitOf(6, 4).signature) },
        /VALIDATOR_INDEX_OUT_OF_RANGE|99/,
      ],
    ];
    for (const [body, why] of cases) {
      const res = await f.post("/eth/v1/beacon/pool/voluntary_exits", body);
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      expect(res.body.code).to.equal(400);
      expect(res.body.message).to.match(why);
    }
    expect((await f.get("/eth/v1/beacon/pool/voluntary_exits")).body.data).to.deep.equal([]);
  });

  /** Two different headers signed by validator `index` for `slot`. */
  const proposerSlashing = (index: number, slot: number): ProposerSlashing => {
    const header = (b: number) => ({
      slot,
      proposerIndex: index,
      parentRoot: new Uint8Array(32).fill(b),
      stateRoot: new Uint8Array(32),
      bodyRoot: new Uint8Array(32),
    });
    const sign = (m: ReturnType<typeof header>) =>
      f.signer.signUnprotected(
        f.signingState,
        f.pubkeyOf(index),
        f.cfg.types.BeaconBlockHeader,
        m,
        f.cfg.DOMAIN_BEACON_PROPOSER,
        Math.floor(slot / spe()),
      );
    const h1 = header(1);
    const h2 = header(2);
    return { signedHeader1: { message: h1, signature: sign(h1) }, signedHeader2: { message: h2, signature: sign(h2) } };
  };

  /** A double vote by validators `indices` (sorted) in epoch `epoch`. */
  const attesterSlashing = (indices: number[], epoch: number): AttesterSlashing => {
    const data = (b: number) => ({
      slot: epoch * spe(),
      index: 0,
      beaconBlockRoot: new Uint8Array(32).fill(b),
      source: { epoch: epoch - 1, root: new Uint8Array(32) },
      target: { epoch, root: new Uint8Array(32).fill(b) },
    });
    const indexed = (b: number) => {
      const d = data(b);
      const sigs = indices.map((i) =>
        f.signer.signUnprotected(
          f.signingState,
          f.pubkeyOf(i),
          f.cfg.types.AttestationData,
          d,
          f.cfg.DOMAIN_BEACON_ATTESTER,
          epoch,
        ),
      );
      return { attestingIndices: indices, data: d, signature: bls.aggregateSignatures(sigs) };
    };
    return { attestation1: indexed(3), attestation2: indexed(4) };
  };

  it("proposer and attester slashings: pooled, included, validators slashed; invalid ones 400", async () => {
    const ps = proposerSlashing(2, 3);
    const as = attesterSlashing([3, 4], 3);
    const P = f.cfg.types.ProposerSlashing;
    const A = f.cfg.types.AttesterSlashing;
    expect((await f.post("/eth/v1/beacon/pool/proposer_slashings", P.toJson(ps))).status).to.equal(200);
    expect((await f.post("/eth/v1/beacon/pool/attester_slashings", A.toJson(as))).status).to.equal(200);
    expect((await f.get("/eth/v1/beacon/pool/proposer_slashings")).body.data).to.deep.equal([P.toJson(ps)]);
    expect((await f.get("/eth/v1/beacon/pool/attester_slashings")).body.data).to.deep.equal([A.toJson(as)]);
    // same header twice, an unsigned header pair, a vote pair that is not slashable
    const same = { signedHeader1: ps.signedHeader1, signedHeader2: ps.signedHeader1 };
    const unsigned = { ...ps, signedHeader2: { ...ps.signedHeader2, signature: ps.signedHeader1.signature } };
    const notSlashable = { attestation1: as.attestation1, attestation2: as.attestation1 };
    const r1 = await f.post("/eth/v1/beacon/pool/proposer_slashings", P.toJson(same));
    const r2 = await f.post("/eth/v1/beacon/pool/proposer_slashings", P.toJson(unsigned));
    const r3 = await f.post("/eth/v1/beacon/pool/attester_slashings", A.toJson(notSlashable));
    expect([r1.status, r2.status, r3.status]).to.deep.equal([400, 400, 400]);
    expect(r1.body.message).to.match(/PROPOSER_SLASHING_SAME_HEADER/);
    expect(r2.body.message).to.match(/PROPOSER_SLASHING_INVALID_SIGNATURE/);

    const at = f.chain.headState().slot;
    await f.runTo(at + 2, 1);
    expect((await f.get("/eth/v1/beacon/pool/proposer_slashings")).body.data).to.deep.equal([]);
    expect((await f.get("/eth/v1/beacon/pool/attester_slashings")).body.data).to.deep.equal([]);
    for (const i of [2, 3, 4]) expect(await status(i), `validator ${i}`).to.equal("active_slashed");
    // already slashed: no longer includable
    const again = await f.post("/eth/v1/beacon/pool/proposer_slashings", P.toJson(ps));
    expect(again.status).to.equal(400);
    expect(again.body.message).to.match(/PROPOSER_SLASHING_NOT_SLASHABLE/);
  });
});

describe("consensus/api exit pool across nodes (gossip)", function () {
  this.timeout(120_000);

  it("an exit POSTed to one node reaches the other node's pool and ends in the chain of both", async () => {
    const f = await ValidatorApiFixture.start(8, 2);
    try {
      const spe = f.cfg.SLOTS_PER_EPOCH;
      await f.runTo(4 * spe + 1, 1);
      const message = { epoch: 4, validatorIndex: 1 }; // a key of the other node's validator client
      const signature = f.signer.signUnprotected(
        f.signingState,
        f.pubkeyOf(1),
        f.cfg.types.VoluntaryExit,
        message,
        f.cfg.DOMAIN_VOLUNTARY_EXIT,
        4,
      );
      const res = await f.post(
        "/eth/v1/beacon/pool/voluntary_exits",
        f.cfg.types.SignedVoluntaryExit.toJson({ message, signature }),
      );
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      const other = f.nodes[0]!;
      await f.scheduler.runUntil(f.scheduler.now() + 0.5);
      expect(other.chain.opPool.voluntaryExits().map((e) => e.message.validatorIndex)).to.deep.equal([1]);
      await f.runTo(4 * spe + 4, 1);
      for (const n of f.nodes) {
        expect(n.chain.headState().validators[1]!.exitEpoch, n.id).to.equal(4 + 1 + f.cfg.MAX_SEED_LOOKAHEAD);
        expect(n.chain.opPool.voluntaryExits(), n.id).to.deep.equal([]);
      }
    } finally {
      await f.close();
    }
  });
});
