// BeaconNodes: calls go to the first healthy node in the given order; a node that fails (no answer, 5xx) is skipped
// until a health check finds it well again; a 400 (the request was wrong) is not retried on another node.
import { expect } from "chai";
import { BeaconNodes, BeaconNodesError, redactUrl } from "../../../consensus/validator-client/beaconNodes.js";
import { createValidatorMetrics } from "../../../consensus/validator-client/metrics.js";
import { BeaconApiError } from "../../../sdk/beacon-api/errors.js";
import { freePort } from "./chainFixture.js";
import { type HttpDouble, json, startHttpDouble } from "./httpDouble.js";

const syncing = (distance: number) => (_req: unknown, _b: string, res: Parameters<typeof json>[0]) =>
  json(res, 200, { data: { head_slot: "10", sync_distance: String(distance), is_syncing: false } });

describe("consensus/validator-client BeaconNodes", () => {
  let a: HttpDouble;
  let b: HttpDouble;
  beforeEach(async () => {
    a = await startHttpDouble({ "GET /eth/v1/node/syncing": syncing(0) });
    b = await startHttpDouble({ "GET /eth/v1/node/syncing": syncing(0) });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it("uses the first node while it answers, falls back when it fails, returns after a good health check", async () => {
    const metrics = createValidatorMetrics();
    const nodes = new BeaconNodes([a.url, b.url], { timeoutMs: 2000, metrics });
    const genesis = {
      data: { genesis_time: "1", genesis_validators_root: `0x${"00".repeat(32)}`, genesis_fork_version: "0x00000000" },
    };
    a.routes.set("GET /eth/v1/beacon/genesis", (_q, _b, res) => json(res, 200, genesis));
    b.routes.set("GET /eth/v1/beacon/genesis", (_q, _b, res) => json(res, 200, genesis));
    await nodes.call("genesis", (api) => api.getGenesis());
    expect(a.requests).to.include("GET /eth/v1/beacon/genesis");
    expect(b.requests).to.not.include("GET /eth/v1/beacon/genesis");

    a.routes.set("GET /eth/v1/beacon/genesis", (_q, _b, res) => json(res, 500, { code: 500, message: "down" }));
    await nodes.call("genesis", (api) => api.getGenesis());
    expect(b.requests).to.include("GET /eth/v1/beacon/genesis");
    expect(nodes.primary().baseUrl).to.equal(b.url);
    expect(await metrics.registry.getSingleMetricAsString("validator_beacon_node_errors_total")).to.include(
      `node="${a.url}"} 1`,
    );

    // the first node is well again: the health check puts it first in line
    a.routes.set("GET /eth/v1/beacon/genesis", (_q, _b, res) => json(res, 200, genesis));
    expect(await nodes.checkHealth()).to.equal(2);
    expect(nodes.primary().baseUrl).to.equal(a.url);
  });

  it("a node far behind (sync distance) is unhealthy; a 400 is not retried elsewhere", async () => {
    a.routes.set("GET /eth/v1/node/syncing", syncing(100));
    const nodes = new BeaconNodes([a.url, b.url], { timeoutMs: 2000 });
    expect(await nodes.checkHealth()).to.equal(1);
    expect(nodes.primary().baseUrl).to.equal(b.url);
    b.routes.set("POST /eth/v1/beacon/pool/attestations", (_q, _b, res) =>
      json(res, 400, { code: 400, message: "bad" }),
    );
    a.routes.set("POST /eth/v1/beacon/pool/attestations", (_q, _b, res) => json(res, 200, {}));
    const err = await nodes.call("publish", (api) => api.submitAttestations([])).catch((e) => e);
    expect(err).to.be.instanceOf(BeaconApiError);
    expect((err as BeaconApiError).status).to.equal(400);
    expect(a.requests).to.not.include("POST /eth/v1/beacon/pool/attestations");
  });

  it("throws ALL_BEACON_NODES_FAILED when no node answers", async () => {
    const nodes = new BeaconNodes([`http://127.0.0.1:${await freePort()}`], { timeoutMs: 1000 });
    const err = await nodes.call("genesis", (api) => api.getGenesis()).catch((e) => e);
    expect(err).to.be.instanceOf(BeaconNodesError);
    expect(err.code).to.equal("ALL_BEACON_NODES_FAILED");
  });

  it("keeps credentials in node URLs out of logs and labels", () => {
    expect(redactUrl("http://user:secret@127.0.0.1:5052/")).to.equal("http://***@127.0.0.1:5052");
  });
});
