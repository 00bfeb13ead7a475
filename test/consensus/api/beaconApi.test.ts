import { expect } from "chai";
import type { FastifyInstance } from "fastify";
import { createMetrics } from "../../../consensus/api/metrics.js";
import { createBeaconApi } from "../../../consensus/api/server.js";
import { FAR, FixtureChainView, GWEI_STAKE, makeState, pubkeyOf, validator } from "./apiFixture.js";

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

describe("consensus/api Beacon API routes", () => {
  // head at epoch 4 (slot 35, 8 slots per epoch): one validator in every status
  const validators = [
    validator(0), // active_ongoing
    validator(1, { activationEligibilityEpoch: FAR, activationEpoch: FAR, effectiveBalance: 5e11 }), // pending_initialized
    validator(2, { activationEligibilityEpoch: 3, activationEpoch: FAR }), // pending_queued
    validator(3, { exitEpoch: 9, withdrawableEpoch: 20 }), // active_exiting
    validator(4, { slashed: true, exitEpoch: 9, withdrawableEpoch: 20 }), // active_slashed
    validator(5, { exitEpoch: 3, withdrawableEpoch: 10 }), // exited_unslashed
    validator(6, { slashed: true, exitEpoch: 3, withdrawableEpoch: 10 }), // exited_slashed
    validator(7, { exitEpoch: 2, withdrawableEpoch: 4 }), // withdrawal_possible
    validator(8, { exitEpoch: 2, withdrawableEpoch: 4, effectiveBalance: 0 }), // withdrawal_done
  ];
  const expected = [
    "active_ongoing",
    "pending_initialized",
    "pending_queued",
    "active_exiting",
    "active_slashed",
    "exited_unslashed",
    "exited_slashed",
    "withdrawal_possible",
    "withdrawal_done",
  ];
  let view: FixtureChainView;
  let app: FastifyInstance;

  beforeEach(async () => {
    view = new FixtureChainView(makeState(35, validators), makeState(0, validators.slice(0, 1)));
    app = createBeaconApi(view, { metrics: createMetrics(view).registry });
    await app.ready();
  });
  afterEach(() => app.close());

  const get = async (url: string) => {
    const res = await app.inject({ method: "GET", url });
    const json = /json/.test(String(res.headers["content-type"]));
    return { status: res.statusCode, body: json ? res.json() : undefined, raw: res.body };
  };

  it("serves node health, syncing and version", async () => {
    expect((await get("/eth/v1/node/health")).status).to.equal(200);
    const syncing = await get("/eth/v1/node/syncing");
    expect(syncing.body.data).to.deep.include({ head_slot: "35", sync_distance: "0", is_syncing: false });
    expect((await get("/eth/v1/node/version")).body.data.version).to.match(/^btc20-node\//);
  });

  it("answers 503 health and 404 genesis before genesis", async () => {
    const empty = createBeaconApi(new FixtureChainView(null, null));
    const health = await empty.inject({ method: "GET", url: "/eth/v1/node/health" });
    expect(health.statusCode).to.equal(503);
    const genesis = await empty.inject({ method: "GET", url: "/eth/v1/beacon/genesis" });
    expect(genesis.statusCode).to.equal(404);
    expect(genesis.json()).to.have.keys("code", "message");
    await empty.close();
  });

  it("serves genesis, spec and deposit contract with decimal strings and 0x hex", async () => {
    const g = await get("/eth/v1/beacon/genesis");
    expect(g.body.data).to.deep.equal({
      genesis_time: "1700000000",
      genesis_validators_root: `0x${"aa".repeat(32)}`,
      genesis_fork_version: "0x00002020",
    });
    const spec = await get("/eth/v1/config/spec");
    expect(spec.body.data.SLOTS_PER_EPOCH).to.equal("8");
    expect(spec.body.data.CONFIG_NAME).to.equal("test");
    expect(spec.body.data.DEPOSIT_CONTRACT_ADDRESS).to.equal(`0x${"42".repeat(20)}`);
    const dc = await get("/eth/v1/config/deposit_contract");
    expect(dc.body.data).to.deep.equal({ chain_id: "31337", address: `0x${"42".repeat(20)}` });
  });

  it("computes every Beacon API validator status", async () => {
    const res = await get("/eth/v1/beacon/states/head/validators");
    expect(res.status).to.equal(200);
    expect(res.body.execution_optimistic).to.equal(false);
    expect(res.body.data.map((d: { status: string }) => d.status)).to.deep.equal(expected);
    const first = res.body.data[0];
    expect(first.index).to.equal("0");
    expect(first.balance).to.equal(String(GWEI_STAKE + 7));
    expect(first.validator.exit_epoch).to.equal("18446744073709551615");
    expect(first.validator.pubkey).to.equal(hex(pubkeyOf(0)));
  });

  it("filters validators by id (index or pubkey, repeated or comma-separated) and by status or status group", async () => {
    const byId = await get(`/eth/v1/beacon/states/head/validators?id=2,${hex(pubkeyOf(5))}&id=999`);
    expect(byId.body.data.map((d: { index: string }) => d.index)).to.deep.equal(["2", "5"]);
    const byStatus = await get("/eth/v1/beacon/states/head/validators?status=active_ongoing,exited");
    expect(byStatus.body.data.map((d: { index: string }) => d.index)).to.deep.equal(["0", "5", "6"]);
    const bad = await get("/eth/v1/beacon/states/head/validators?status=sleeping");
    expect(bad.status).to.equal(400);
    expect(bad.body.message).to.match(/sleeping/);
  });

  it("serves one validator by index or pubkey, 404 when unknown, 400 when malformed", async () => {
    const byIndex = await get("/eth/v1/beacon/states/head/validators/4");
    expect(byIndex.body.data.status).to.equal("active_slashed");
    const byKey = await get(`/eth/v1/beacon/states/head/validators/${hex(pubkeyOf(2))}`);
    expect(byKey.body.data.index).to.equal("2");
    expect((await get("/eth/v1/beacon/states/head/validators/77")).status).to.equal(404);
    expect((await get(`/eth/v1/beacon/states/head/validators/0x${"ee".repeat(48)}`)).status).to.equal(404);
    const bad = await get("/eth/v1/beacon/states/head/validators/0x1234");
    expect(bad.status).to.equal(400);
    expect(bad.body).to.deep.include({ code: 400 });
  });

  it("resolves state ids: head, genesis, slot, root; 404 unknown; 400 malformed", async () => {
    const genesis = await get("/eth/v1/beacon/states/genesis/validators");
    expect(genesis.body.data).to.have.length(1);
    expect(genesis.body.finalized).to.equal(true);
    expect((await get("/eth/v1/beacon/states/35/validator_balances")).body.data).to.have.length(9);
    expect((await get(`/eth/v1/beacon/states/0x${"09".repeat(32)}/validator_balances`)).status).to.equal(200);
    expect((await get("/eth/v1/beacon/states/12/validator_balances")).status).to.equal(404);
    for (const bad of ["heads", "-1", "0x12", "1.5", "99999999999999999999"]) {
      const res = await get(`/eth/v1/beacon/states/${bad}/finality_checkpoints`);
      expect(res.status, bad).to.equal(400);
      expect(res.body.message).to.match(/state ID/);
    }
  });

  it("serves balances and finality checkpoints", async () => {
    const bal = await get("/eth/v1/beacon/states/head/validator_balances?id=1");
    expect(bal.body.data).to.deep.equal([{ index: "1", balance: String(5e11 + 7) }]);
    const fc = await get("/eth/v1/beacon/states/head/finality_checkpoints");
    expect(fc.body.data.current_justified).to.deep.equal({ epoch: "2", root: `0x${"04".repeat(32)}` });
    expect(fc.body.data.finalized.epoch).to.equal("1");
  });

  it("serves the head header and 404s a missing deposit snapshot", async () => {
    const h = await get("/eth/v1/beacon/headers/head");
    expect(h.body.data.root).to.equal(`0x${"05".repeat(32)}`);
    expect(h.body.data.header.message).to.deep.include({ slot: "35", proposer_index: "3" });
    expect(h.body.data.header.signature).to.have.length(2 + 192);
    expect((await get("/eth/v1/beacon/deposit_snapshot")).status).to.equal(404);
  });

  it("answers unknown routes with a 404 {code, message}", async () => {
    const res = await get("/eth/v1/nope");
    expect(res.status).to.equal(404);
    expect(res.body.code).to.equal(404);
  });

  it("exposes Prometheus metrics with consensus-client names", async () => {
    const m = await get("/metrics");
    expect(m.raw).to.match(/^beacon_head_slot 35$/m);
    expect(m.raw).to.match(/^beacon_finalized_epoch 1$/m);
    expect(m.raw).to.match(/^beacon_current_validators\{status="active_ongoing"\} 1$/m);
    expect(m.raw).to.match(/^beacon_current_validators\{status="withdrawal_done"\} 1$/m);
    expect(m.raw).to.match(/^btc20_follower_lag_blocks 10$/m);
    expect(m.raw).to.match(/^btc20_follower_deposits_processed 12$/m);
  });

  it("streams head/block/finalized_checkpoint events over SSE on a real port", async () => {
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    const ctrl = new AbortController();
    const res = await fetch(`${address}/eth/v1/events?topics=head,finalized_checkpoint`, { signal: ctrl.signal });
    expect(res.status).to.equal(200);
    expect(res.headers.get("content-type")).to.match(/text\/event-stream/);
    const reader = res.body!.getReader();
    let text = "";
    const readUntil = async (re: RegExp) => {
      while (!re.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil(/connected/);
    view.emit({ topic: "block", slot: 36, block: new Uint8Array(32).fill(1) }); // not subscribed
    view.emit({
      topic: "finalized_checkpoint",
      block: new Uint8Array(32).fill(2),
      state: new Uint8Array(32),
      epoch: 3,
    });
    await readUntil(/event: finalized_checkpoint\ndata: .*\n\n/);
    expect(text).to.not.match(/event: block/);
    const data = JSON.parse(/event: finalized_checkpoint\ndata: (.*)\n/.exec(text)![1]!);
    expect(data).to.deep.include({ epoch: "3", block: `0x${"02".repeat(32)}` });
    ctrl.abort();
    const bad = await get("/eth/v1/events?topics=head,gossip");
    expect(bad.status).to.equal(400);
    expect((await get("/eth/v1/events")).status).to.equal(400);
  });
});
