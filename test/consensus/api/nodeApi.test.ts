// The Beacon API over a real node: genesis from SDK deposits, the chain service run for a few epochs in virtual
// time, the API answering from its states.
import { expect } from "chai";
import type { FastifyInstance } from "fastify";
import { createMetrics } from "../../../consensus/api/metrics.js";
import { createBeaconApi } from "../../../consensus/api/server.js";
import { NodeChainView } from "../../../consensus/node/nodeChainView.js";
import { createDevnetConfig } from "../../../scripts/devnet/devnetParams.js";
import { runScenario } from "../../../scripts/devnet/runScenario.js";
import { SCENARIOS } from "../../../scripts/devnet/scenarios/index.js";

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

describe("consensus/api over a running node (real genesis and chain)", function () {
  this.timeout(120_000);
  let app: FastifyInstance;
  let view: NodeChainView;
  let events = "";
  let result: Awaited<ReturnType<typeof runScenario>>;

  before(async () => {
    const cfg = createDevnetConfig();
    result = await runScenario({
      cfg,
      scenario: SCENARIOS.healthy!,
      epochs: 5,
      validators: 8,
      mode: "virtual",
      onReady: async (ctx) => {
        const node = ctx.devnet.nodes[0]!;
        view = new NodeChainView(cfg, node.chain, ctx.devnet.clock);
        app = createBeaconApi(view, { metrics: createMetrics(view).registry });
        const address = await app.listen({ host: "127.0.0.1", port: 0 });
        const res = await fetch(`${address}/eth/v1/events?topics=head,block,finalized_checkpoint,attestation`);
        const reader = res.body!.getReader();
        void (async () => {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            events += new TextDecoder().decode(value);
          }
        })();
      },
    });
    await new Promise((r) => setTimeout(r, 200)); // let the event stream drain
  });
  after(() => app.close());

  const get = async (url: string) => {
    const res = await app.inject({ method: "GET", url });
    return { status: res.statusCode, body: res.json() };
  };

  it("serves the real genesis and the head's validators", async () => {
    const g = await get("/eth/v1/beacon/genesis");
    expect(g.body.data.genesis_validators_root).to.equal(hex(result.ctx.genesis.genesisValidatorsRoot));
    expect(g.body.data.genesis_fork_version).to.equal("0x20200002");
    const vals = await get("/eth/v1/beacon/states/head/validators?status=active_ongoing");
    expect(vals.body.data).to.have.length(8);
    const one = await get(`/eth/v1/beacon/states/head/validators/${hex(result.ctx.genesis.validators[3]!.pubkey)}`);
    expect(one.body.data.index).to.equal("3");
  });

  it("finality checkpoints, head header and states by slot/root agree with the chain", async () => {
    const chain = result.ctx.devnet.nodes[0]!.chain;
    const fc = await get("/eth/v1/beacon/states/head/finality_checkpoints");
    expect(fc.body.data.finalized.epoch).to.equal(String(chain.headState().finalizedCheckpoint.epoch));
    expect(Number(fc.body.data.finalized.epoch)).to.be.at.least(2);
    const head = await get("/eth/v1/beacon/headers/head");
    expect(head.body.data.root).to.equal(chain.headRoot);
    const slot = head.body.data.header.message.slot;
    const bySlot = await get(`/eth/v1/beacon/states/${slot}/finality_checkpoints`);
    expect(bySlot.body.data).to.deep.equal(fc.body.data);
    const byRoot = await get(
      `/eth/v1/beacon/states/${head.body.data.header.message.state_root}/validator_balances?id=0`,
    );
    expect(byRoot.status).to.equal(200);
    expect((await get("/eth/v1/beacon/states/finalized/finality_checkpoints")).body.finalized).to.equal(true);
    expect((await get("/eth/v1/beacon/states/99999/finality_checkpoints")).status).to.equal(404);
    const spec = await get("/eth/v1/config/spec");
    expect(spec.body.data.SLOTS_PER_EPOCH).to.equal("8");
    expect(spec.body.data.CONFIG_NAME).to.equal("btc20-devnet");
  });

  it("streamed head, block, finalized_checkpoint and attestation events while running", () => {
    expect(events).to.match(/event: block\ndata: /);
    const att = JSON.parse(/event: attestation\ndata: (.*)\n/.exec(events)![1]!);
    expect(att.aggregation_bits).to.match(/^0x[0-9a-f]+$/);
    expect(att.data.slot).to.match(/^\d+$/);
    expect(att.signature).to.match(/^0x[0-9a-f]{192}$/);
    expect(events).to.match(/event: head\ndata: /);
    const fin = [...events.matchAll(/event: finalized_checkpoint\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!).epoch);
    expect(fin).to.include("2");
  });

  it("exposes head slot and finalized epoch metrics", async () => {
    const res = await app.inject({ method: "GET", url: "/metrics" });
    expect(res.body).to.match(/^beacon_head_slot \d+$/m);
    expect(res.body).to.match(/^beacon_current_validators\{status="active_ongoing"\} 8$/m);
  });
});
