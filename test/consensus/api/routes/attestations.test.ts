// attestation_data, pool attestations, aggregate_attestation, aggregate_and_proofs and committee subscriptions on a
// real node: the data a validator signs is the head vote, valid submissions are pooled, invalid ones come back as
// 400 with `failures` naming them, and nothing is a 500.
import { BitArray } from "@chainsafe/ssz";
import { expect } from "chai";
import type { Attestation } from "../../../../consensus/types/index.js";
import { isAggregator } from "../../../../consensus/validator/isAggregator.js";
import { hex, ValidatorApiFixture } from "../validatorApiFixture.js";

describe("consensus/api attestation endpoints", function () {
  this.timeout(120_000);
  let f: ValidatorApiFixture;
  let slot: number;

  before(async () => {
    f = await ValidatorApiFixture.start(8);
    await f.runTo(3 * f.cfg.SLOTS_PER_EPOCH - 1, 2);
    f.inProcess.online = false;
    slot = 3 * f.cfg.SLOTS_PER_EPOCH + 2;
    for (let s = 3 * f.cfg.SLOTS_PER_EPOCH; s < slot; s++) await f.driveSlot(s);
    await f.runTo(slot, 0);
    await f.propose(slot);
    await f.runTo(slot, 1);
  });
  after(() => f.close());

  const dutiesAt = async (s: number) =>
    (await f.attesterDuties(Math.floor(s / f.cfg.SLOTS_PER_EPOCH))).filter((d) => Number(d.slot) === s);

  const signed = async (validatorIndex: number, committeeIndex: number, length: number, position: number) => {
    const res = await f.get(`/eth/v1/validator/attestation_data?slot=${slot}&committee_index=${committeeIndex}`);
    const data = f.cfg.types.AttestationData.fromJson(res.body.data);
    const signature = f.signer.signAttestation(f.signingState, f.pubkeyOf(validatorIndex), data);
    return { aggregationBits: BitArray.fromSingleBit(length, position), data, signature } as Attestation;
  };

  it("attestation_data votes for the head with the justified source and the epoch-boundary target", async () => {
    const res = await f.get(`/eth/v1/validator/attestation_data?slot=${slot}&committee_index=0`);
    expect(res.status).to.equal(200);
    const d = res.body.data;
    expect(d).to.have.all.keys("slot", "index", "beacon_block_root", "source", "target");
    expect(d.slot).to.equal(String(slot));
    expect(d.index).to.equal("0");
    expect(d.beacon_block_root).to.equal(f.chain.headRoot);
    const state = f.chain.headState();
    expect(d.source).to.deep.equal({
      epoch: String(state.currentJustifiedCheckpoint.epoch),
      root: hex(state.currentJustifiedCheckpoint.root),
    });
    const boundary = f.chain.canonicalStateAtSlot(3 * f.cfg.SLOTS_PER_EPOCH)!;
    expect(d.target).to.deep.equal({ epoch: "3", root: boundary.blockRoot });
  });

  it("pools valid attestations and names each rejected one in `failures`", async () => {
    const duties = await dutiesAt(slot);
    const a = duties[0]!;
    const good = await signed(
      Number(a.validator_index),
      Number(a.committee_index),
      Number(a.committee_length),
      Number(a.validator_committee_index),
    );
    // a valid signature of the wrong message
    const forged = {
      ...good,
      signature: f.signer.signSelectionProof(f.signingState, f.pubkeyOf(Number(a.validator_index)), slot),
    };
    const T = f.cfg.types.Attestation;
    const res = await f.post("/eth/v1/beacon/pool/attestations", [T.toJson(good), T.toJson(forged), { data: {} }]);
    expect(res.status).to.equal(400);
    expect(res.body.code).to.equal(400);
    expect(res.body.message).to.be.a("string");
    expect(res.body.failures.map((x: { index: number }) => x.index)).to.deep.equal([1, 2]);
    expect(res.body.failures[1].message).to.match(/aggregation_bits: missing/);
    const pool = await f.get(`/eth/v1/beacon/pool/attestations?slot=${slot}`);
    expect(pool.body.data.map((x: unknown) => JSON.stringify(x))).to.include(JSON.stringify(T.toJson(good)));
    expect((await f.get(`/eth/v1/beacon/pool/attestations?slot=${slot + 1}`)).body.data).to.deep.equal([]);
    // wrong bitfield length: rejected with the rule
    const short = { ...good, aggregationBits: BitArray.fromSingleBit(Number(a.committee_length) + 1, 0) };
    const r2 = await f.post("/eth/v1/beacon/pool/attestations", [T.toJson(short)]);
    expect(r2.body.failures[0].message).to.match(/aggregation_bits has/);
    // an SSZ body where the route takes JSON only: 415, so that clients retry in JSON
    const ssz = await f.post("/eth/v2/beacon/pool/attestations", T.serialize(good), {
      "eth-consensus-version": "phase0",
    });
    expect(ssz.status).to.equal(415);
    expect(ssz.body.code).to.equal(415);
    // v2 needs the fork header
    expect((await f.post("/eth/v2/beacon/pool/attestations", [T.toJson(good)])).status).to.equal(400);
    const v2 = await f.post("/eth/v2/beacon/pool/attestations", [T.toJson(good)], {
      "eth-consensus-version": "phase0",
    });
    expect(v2.status).to.equal(200);
  });

  it("aggregates: aggregate_attestation returns the pooled aggregate, aggregate_and_proofs checks the aggregator", async () => {
    const duties = await dutiesAt(slot);
    const atts = [];
    for (const d of duties) {
      atts.push(
        f.cfg.types.Attestation.toJson(
          await signed(
            Number(d.validator_index),
            Number(d.committee_index),
            Number(d.committee_length),
            Number(d.validator_committee_index),
          ),
        ),
      );
    }
    expect((await f.post("/eth/v1/beacon/pool/attestations", atts)).status).to.equal(200);
    await f.runTo(slot, 2);
    const data = await f.get(`/eth/v1/validator/attestation_data?slot=${slot}&committee_index=0`);
    const root = f.cfg.types.AttestationData.hashTreeRoot(f.cfg.types.AttestationData.fromJson(data.body.data));
    const agg = await f.get(`/eth/v1/validator/aggregate_attestation?attestation_data_root=${hex(root)}&slot=${slot}`);
    expect(agg.status).to.equal(200);
    const aggregate = f.cfg.types.Attestation.fromJson(agg.body.data);
    expect(aggregate.aggregationBits.getTrueBitIndexes().length).to.equal(duties.length);

    const d = duties[0]!;
    const pubkey = f.pubkeyOf(Number(d.validator_index));
    const proof = f.signer.signSelectionProof(f.signingState, pubkey, slot);
    expect(isAggregator(f.cfg, Number(d.committee_length), proof)).to.equal(true); // small committee: everyone
    const message = { aggregatorIndex: Number(d.validator_index), aggregate, selectionProof: proof };
    const signature = f.signer.signAggregateAndProof(f.signingState, pubkey, message);
    const T = f.cfg.types.SignedAggregateAndProof;
    const notInCommittee = { message: { ...message, aggregatorIndex: (Number(d.validator_index) + 1) % 8 }, signature };
    const badProof = { message: { ...message, selectionProof: signature }, signature };
    const res = await f.post("/eth/v1/validator/aggregate_and_proofs", [
      T.toJson({ message, signature }),
      T.toJson(notInCommittee),
      T.toJson(badProof),
    ]);
    expect(res.status).to.equal(400);
    expect(res.body.failures.map((x: { index: number }) => x.index)).to.deep.equal([1, 2]);
    expect(
      (await f.post("/eth/v1/validator/aggregate_and_proofs", [T.toJson({ message, signature })])).status,
    ).to.equal(200);
    // v2: the same body with the fork header, 400 without it
    const body = [T.toJson({ message, signature })];
    expect((await f.post("/eth/v2/validator/aggregate_and_proofs", body)).status).to.equal(400);
    const v2 = await f.post("/eth/v2/validator/aggregate_and_proofs", body, { "eth-consensus-version": "phase0" });
    expect(v2.status).to.equal(200);
    // the pool filters by committee index too
    const pool = await f.get(`/eth/v1/beacon/pool/attestations?slot=${slot}&committee_index=${d.committee_index}`);
    expect(pool.body.data.length).to.be.greaterThan(0);
    const none = await f.get(`/eth/v1/beacon/pool/attestations?slot=${slot}&committee_index=7`);
    expect(none.body.data).to.deep.equal([]);
  });

  it("aggregate_attestation: 404 for unknown data, 400 for a malformed root", async () => {
    const unknown = await f.get(
      `/eth/v1/validator/aggregate_attestation?attestation_data_root=0x${"11".repeat(32)}&slot=${slot}`,
    );
    expect(unknown.status).to.equal(404);
    expect(unknown.body).to.have.keys("code", "message");
    expect(
      (await f.get(`/eth/v1/validator/aggregate_attestation?attestation_data_root=0x11&slot=${slot}`)).status,
    ).to.equal(400);
    expect(
      (await f.get(`/eth/v1/validator/aggregate_attestation?attestation_data_root=0x${"11".repeat(32)}`)).status,
    ).to.equal(400);
  });

  it("attestation_data: 400 for missing params, a committee that does not exist and far-future slots", async () => {
    for (const q of [
      "",
      `slot=${slot}`,
      `slot=${slot}&committee_index=1`,
      `slot=${slot + 5}&committee_index=0`,
      "slot=x&committee_index=0",
    ]) {
      const res = await f.get(`/eth/v1/validator/attestation_data?${q}`);
      expect(res.status, q).to.equal(400);
      expect(res.body.code).to.equal(400);
    }
  });

  it("beacon_committee_subscriptions: 200 for the spec's body, 400 otherwise", async () => {
    const ok = await f.post("/eth/v1/validator/beacon_committee_subscriptions", [
      {
        validator_index: "1",
        committee_index: "0",
        committees_at_slot: "1",
        slot: String(slot + 1),
        is_aggregator: true,
      },
    ]);
    expect(ok.status).to.equal(200);
    expect(
      (await f.post("/eth/v1/validator/beacon_committee_subscriptions", [{ validator_index: 1 }])).status,
    ).to.equal(400);
    expect((await f.post("/eth/v1/validator/beacon_committee_subscriptions", { a: 1 })).status).to.equal(400);
  });
});
