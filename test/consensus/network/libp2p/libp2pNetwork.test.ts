// Two (then three) Libp2pNetworks over real TCP on 127.0.0.1: gossip delivered through validators with snappy on the
// wire, req/resp with chunks, error codes and rate limits, a REJECT lowering the sender's gossip score, the deny list,
// and a persistent node key. Every node is stopped in `after`.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { Registry } from "prom-client";
import { Libp2pNetwork } from "../../../../consensus/network/libp2p/libp2pNetwork.js";
import { loadOrCreateNodeKey } from "../../../../consensus/network/libp2p/nodeKey.js";
import { createNetworkMetrics } from "../../../../consensus/network/metrics.js";
import type { GossipValidationResult } from "../../../../consensus/network/network.js";
import { ReqRespServerError } from "../../../../consensus/network/network.js";
import { BeaconBlocksByRootRequest, Ping } from "../../../../consensus/network/reqresp/types.js";
import { createDevnetConfig } from "../../../../consensus/node/config/devnetParams.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(f: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(50);
  }
}

describe("consensus/network/libp2p Libp2pNetwork (TCP on 127.0.0.1)", function () {
  this.timeout(60_000);
  const cfg = createDevnetConfig();
  const digest = Uint8Array.of(1, 2, 3, 4);
  const dirs: string[] = [];
  const nets: Libp2pNetwork[] = [];
  const make = async (
    bootnodes: string[] = [],
    registry?: Registry,
    queueSize?: Parameters<typeof Libp2pNetwork.create>[0]["queueSize"],
  ) => {
    const dir = mkdtempSync(path.join(tmpdir(), "btc20-p2p-"));
    dirs.push(dir);
    const { key } = await loadOrCreateNodeKey(dir);
    const net = await Libp2pNetwork.create({
      privateKey: key,
      listenAddress: "127.0.0.1",
      port: 0,
      bootnodes,
      forkDigest: digest,
      types: cfg.types,
      slotDurationMs: 3000,
      slotsPerEpoch: 8,
      metrics: registry ? createNetworkMetrics(registry) : undefined,
      reconnectIntervalMs: 500,
      queueSize,
    });
    nets.push(net);
    return net;
  };
  after(async () => {
    await Promise.all(nets.map((n) => n.stop()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("keeps the node key in <data-dir>/p2p-key (0600): same peer id after a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "btc20-key-"));
    dirs.push(dir);
    const a = await loadOrCreateNodeKey(dir);
    const b = await loadOrCreateNodeKey(dir);
    expect(a.created).to.equal(true);
    expect(b.created).to.equal(false);
    expect(a.key.type).to.equal("secp256k1");
    expect(b.key.equals(a.key)).to.equal(true);
    expect(statSync(path.join(dir, "p2p-key")).mode & 0o777).to.equal(0o600);
  });

  it("connects through a bootnode, gossips SSZ through validators, serves req/resp, scores REJECTs, denies peers", async () => {
    const registry = new Registry();
    const a = await make([], registry);
    expect(a.peerId).to.match(/^16Uiu2/);
    const b = await make([a.addresses[0]!]);
    await until(() => a.getPeers().length === 1 && b.getPeers().length === 1);

    const received: string[] = [];
    const block = cfg.types.SignedBeaconBlock.defaultValue();
    block.message.slot = 77;
    a.subscribe({ name: "beacon_block" }, async (ssz, from): Promise<GossipValidationResult> => {
      const b2 = cfg.types.SignedBeaconBlock.deserialize(ssz);
      received.push(`${b2.message.slot}:${from === b.peerId}`);
      return b2.message.slot === 666 ? "REJECT" : "ACCEPT";
    });
    b.subscribe({ name: "beacon_block" }, async () => "ACCEPT");
    // wait for the mesh (heartbeat 700 ms)
    await sleep(1500);
    await b.publish({ name: "beacon_block" }, cfg.types.SignedBeaconBlock.serialize(block));
    await until(() => received.length === 1);
    expect(received).to.deep.equal(["77:true"]);

    // req/resp: two chunks, then an error code
    a.handle("ping", function* (body) {
      const seq = Ping.deserialize(body);
      if (seq === 13n) throw new ReqRespServerError(3, "unlucky");
      yield Ping.serialize(seq + 1n);
    });
    const [pong] = await b.request(a.peerId, "ping", Ping.serialize(41n));
    expect(Ping.deserialize(pong!)).to.equal(42n);
    const err = await b.request(a.peerId, "ping", Ping.serialize(13n)).catch((e) => e);
    expect(err.code).to.equal("RESPONSE_ERROR");
    expect(err.resultCode).to.equal(3);
    // ping quota is 2 per 10 s: the third is refused with the rate-limit code
    const limited = await b.request(a.peerId, "ping", Ping.serialize(1n)).catch((e) => e);
    expect(limited.resultCode).to.equal(139);

    // a REJECTed message lowers the sender's gossip score at the receiver
    const bad = cfg.types.SignedBeaconBlock.defaultValue();
    bad.message.slot = 666;
    await b.publish({ name: "beacon_block" }, cfg.types.SignedBeaconBlock.serialize(bad));
    await until(() => received.length === 2);
    await until(() => a.peerScore(b.peerId) < 0);
    const metrics = await registry.metrics();
    expect(metrics).to.match(/btc20_gossip_messages_received_total\{topic="beacon_block",result="REJECT"\} 1/);
    expect(metrics).to.match(/btc20_gossip_messages_received_total\{topic="beacon_block",result="ACCEPT"\} 1/);
    expect(metrics).to.match(
      /btc20_reqresp_requests_total\{method="ping",direction="inbound",result="rate_limited"\} 1/,
    );

    // deny: disconnected and refused (b keeps redialing its bootnode) until healed
    await a.setDenied([b.peerId]);
    await until(() => a.getPeers().length === 0);
    await sleep(1200);
    expect(a.getPeers()).to.have.length(0);
    await a.setDenied([]);
    await until(() => a.getPeers().length === 1);
  });

  it("keeps at most MAX_CONCURRENT_REQUESTS (2) open per protocol to a peer; more requests wait, none fails", async () => {
    const a = await make();
    const b = await make([a.addresses[0]!]);
    await until(() => b.getPeers().length === 1);
    let open = 0;
    let most = 0;
    a.handle("beacon_blocks_by_root", async function* () {
      open++;
      most = Math.max(most, open);
      await sleep(150);
      open--;
      yield* []; // no block known: an empty answer
    });
    const body = BeaconBlocksByRootRequest.serialize([new Uint8Array(32)]);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => b.request(a.peerId, "beacon_blocks_by_root", body)),
    );
    expect(results.every((r) => r.length === 0)).to.equal(true);
    expect(most).to.equal(2);
  });

  it("bounds each topic's validation queue: past its size, messages are ignored and counted", async () => {
    const registry = new Registry();
    const a = await make([], registry, { voluntary_exit: 2 });
    const b = await make([a.addresses[0]!]);
    await until(() => a.getPeers().length === 1);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let validated = 0;
    a.subscribe({ name: "voluntary_exit" }, async () => {
      validated++;
      await gate;
      return "ACCEPT";
    });
    b.subscribe({ name: "voluntary_exit" }, async () => "ACCEPT");
    await sleep(1500);
    for (let i = 0; i < 6; i++) {
      const exit = cfg.types.SignedVoluntaryExit.defaultValue();
      exit.message.validatorIndex = i;
      await b.publish({ name: "voluntary_exit" }, cfg.types.SignedVoluntaryExit.serialize(exit));
    }
    await until(async () =>
      /btc20_gossip_queue_dropped_total\{topic="voluntary_exit"\} 4/.test(await registry.metrics()),
    );
    expect(validated).to.equal(2);
    release();
    await until(async () => /result="ACCEPT"\} 2/.test(await registry.metrics()));
  });
});
