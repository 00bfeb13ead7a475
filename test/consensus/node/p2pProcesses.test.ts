// Three btc20-node OS processes (bin/btc20-node.js) on 127.0.0.1, connected only by libp2p through a bootnode:
// validators split 3/3/2 so no node has 2/3 alone. They must exchange blocks and attestations over gossip and
// finalize the same checkpoint. Devnet config with 2 s slots (a --network yaml) so finality comes within ~70 s.
// Children (process groups: the launcher and its Node 22 child) are killed in `after`; every wait is bounded.

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { noise } from "@chainsafe/libp2p-noise";
import { yamux } from "@chainsafe/libp2p-yamux";
import { generateKeyPair } from "@libp2p/crypto/keys";
import { gossipsub } from "@libp2p/gossipsub";
import { identify } from "@libp2p/identify";
import { peerIdFromString } from "@libp2p/peer-id";
import { tcp } from "@libp2p/tcp";
import { multiaddr } from "@multiformats/multiaddr";
import { expect } from "chai";
import { createLibp2p } from "libp2p";
import snappy from "snappyjs";
import { stringify } from "yaml";
import { formatTopic } from "../../../consensus/network/gossip/topics.js";
import { encodeRequest } from "../../../consensus/network/reqresp/sszSnappy.js";
import { BeaconBlocksByRangeRequest, Status } from "../../../consensus/network/reqresp/types.js";
import { createDevnetConfig } from "../../../consensus/node/config/devnetParams.js";
import type { BeaconConfig } from "../../../consensus/params/beaconConfig.js";
import { computeForkDigest } from "../../../consensus/state-transition/misc/computeForkDigest.js";
import { depositDevnetKeys } from "../../../scripts/devnet/depositDevnetKeys.js";
import { type Eth1Chain, eth1NodeArgs, startEth1Chain } from "../../../scripts/devnet/eth1Chain.js";
import { genesisFromDeposits } from "../../../scripts/devnet/genesis.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";
import { devnetDepositData } from "../../../scripts/devnet/runScenario.js";
import { createKeystore } from "../../../sdk/keys/keystore/index.js";

const BIN = path.resolve(import.meta.dirname, "../../../bin/btc20-node.js");
const SYSTEM_NODE = process.env.SYSTEM_NODE ?? (existsSync("/usr/bin/node") ? "/usr/bin/node" : process.execPath);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** The config as a --network yaml (every value, so nothing is filled in from Ethereum's). */
function writeConfigYaml(cfg: BeaconConfig, file: string): void {
  const { types: _types, ...values } = cfg;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = v instanceof Uint8Array ? `0x${Buffer.from(v).toString("hex")}` : typeof v === "bigint" ? String(v) : v;
  }
  writeFileSync(file, stringify(out));
}

interface NodeProc {
  child: ChildProcess;
  out: string[];
  restUrl: string;
  running: Promise<{ peerId: string; p2pAddresses: string[] }>;
}

describe("btc20-node processes over libp2p (127.0.0.1)", function () {
  this.timeout(180_000);
  const cfg = createDevnetConfig({ SECONDS_PER_SLOT: 2 });
  let eth1: Eth1Chain;
  let dir: string;
  let miner: NodeJS.Timeout;
  const procs: NodeProc[] = [];

  before(async () => {
    eth1 = await startEth1Chain({ chainId: cfg.DEPOSIT_CHAIN_ID });
    dir = mkdtempSync(path.join(tmpdir(), "btc20-p2p-procs-"));
    const keys = devnetKeys(0, 8);
    await depositDevnetKeys(eth1, keys);
    for (let i = 0; i < 5; i++) await eth1.mineAt(0);
    miner = setInterval(() => void eth1.mineAt(0).catch(() => {}), 1000);
    const shares = [keys.slice(0, 3), keys.slice(3, 6), keys.slice(6)];
    for (const [n, share] of shares.entries()) {
      mkdirSync(path.join(dir, `keys-${n}`), { recursive: true });
      for (const k of share) {
        const i = keys.indexOf(k);
        const ks = await createKeystore(k.secretKey, "pw", {
          path: `m/12381/3600/${i}/0/0`,
          kdf: { function: "pbkdf2", c: 2 ** 14 },
          pubkey: k.publicKey,
        });
        writeFileSync(path.join(dir, `keys-${n}`, `keystore-${i}.json`), JSON.stringify(ks));
      }
    }
    writeFileSync(path.join(dir, "password.txt"), "pw\n");
    writeConfigYaml(cfg, path.join(dir, "config.yaml"));
    // genesis ~14 s from now: time for three processes to start and connect
    const latest = (await eth1.provider.getBlock("latest"))!;
    const genesis = genesisFromDeposits(
      cfg,
      new Uint8Array(Buffer.from(latest.hash!.slice(2), "hex")),
      Math.floor(Date.now() / 1000) + 14 - cfg.GENESIS_DELAY,
      devnetDepositData(keys),
    );
    writeFileSync(path.join(dir, "genesis.ssz"), cfg.types.BeaconState.serialize(genesis));
  });

  after(async () => {
    clearInterval(miner);
    // the launcher runs the node as its own child: kill the whole process group
    for (const p of procs) {
      try {
        process.kill(-p.child.pid!, "SIGKILL");
      } catch {}
    }
    await eth1?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const start = async (n: number, bootnodes: string[], extra: string[] = []): Promise<NodeProc> => {
    const restPort = await freePort();
    const p2pPort = await freePort();
    const out: string[] = [];
    const child = spawn(
      SYSTEM_NODE,
      [
        BIN,
        "--network",
        path.join(dir, "config.yaml"),
        ...eth1NodeArgs(eth1),
        "--genesis-state",
        path.join(dir, "genesis.ssz"),
        "--data-dir",
        path.join(dir, `data-${n}`),
        "--rest.port",
        String(restPort),
        ...(n < 3
          ? ["--keystores", path.join(dir, `keys-${n}`), "--keystore-password-file", path.join(dir, "password.txt")]
          : []),
        "--p2p.address",
        "127.0.0.1",
        "--debug-api",
        "--p2p.port",
        String(p2pPort),
        ...(bootnodes.length ? ["--bootnodes", bootnodes.join(",")] : []),
        ...extra,
      ],
      { detached: true },
    );
    let buffered = "";
    const running = new Promise<{ peerId: string; p2pAddresses: string[] }>((resolve, reject) => {
      child.stdout!.on("data", (d) => {
        out.push(String(d));
        buffered += String(d);
        let nl = buffered.indexOf("\n");
        while (nl >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          try {
            const j = JSON.parse(line);
            if (j.msg === "btc20-node running") resolve(j);
          } catch {}
          nl = buffered.indexOf("\n");
        }
      });
      child.on("exit", (code) => reject(new Error(`node ${n} exited with ${code}: ${out.join("").slice(-2000)}`)));
    });
    child.stderr!.on("data", (d) => out.push(String(d)));
    const p = { child, out, restUrl: `http://127.0.0.1:${restPort}`, running };
    procs.push(p);
    return p;
  };

  const get = async (url: string) => {
    try {
      const res = await fetch(url);
      return res.ok ? await res.json() : null;
    } catch {
      return null;
    }
  };

  it("three processes exchange blocks and attestations over libp2p and finalize the same checkpoint", async () => {
    const boot = await start(0, []);
    const bootInfo = await boot.running;
    expect(bootInfo.peerId).to.match(/^16Uiu2/);
    const bootAddr = bootInfo.p2pAddresses.find((a) => a.includes("/ip4/127.0.0.1/"))!;
    expect(bootAddr).to.include(`/p2p/${bootInfo.peerId}`);
    const others = [await start(1, [bootAddr]), await start(2, [bootAddr])];
    await Promise.all(others.map((o) => o.running));

    // bounded: finality of epoch >= 1 within ~5 epochs of 16 s after genesis
    const deadline = Date.now() + 150_000;
    let finalized: { epoch: string; root: string }[] = [];
    while (Date.now() < deadline) {
      await sleep(2000);
      const all = await Promise.all(
        procs.map((p) => get(`${p.restUrl}/eth/v1/beacon/states/head/finality_checkpoints`)),
      );
      finalized = all.map((r) => r?.data?.finalized ?? { epoch: "0", root: "" });
      if (finalized.every((f) => Number(f.epoch) >= 1)) break;
    }
    const logs = procs.map((p, i) => `--- node ${i}\n${p.out.join("").slice(-1500)}`).join("\n");
    expect(
      finalized.every((f) => Number(f.epoch) >= 1),
      logs,
    ).to.equal(true);
    // the same checkpoint at the lowest finalized epoch everyone reached
    const epoch = Math.min(...finalized.map((f) => Number(f.epoch)));
    const atEpoch = finalized.filter((f) => Number(f.epoch) === epoch).map((f) => f.root);
    expect(new Set(atEpoch).size).to.equal(1);
    // every node imported blocks from the others (gossip), and had peers
    for (const p of procs) {
      const metrics = await (await fetch(`${p.restUrl}/metrics`)).text();
      expect(Number(/^libp2p_peers (\d+)/m.exec(metrics)?.[1] ?? 0), metrics).to.be.at.least(1);
      const accepted = [
        ...metrics.matchAll(/^btc20_gossip_messages_received_total\{topic="([^"]+)",result="ACCEPT"\} (\d+)/gm),
      ];
      const byTopic = Object.fromEntries(accepted.map((m) => [m[1], Number(m[2])]));
      expect(byTopic.beacon_block ?? 0, metrics).to.be.at.least(1);
      expect(byTopic.beacon_attestation ?? 0, metrics).to.be.at.least(1);
    }

    // Beacon API: identity, peers, peer count
    const [b0, b1] = [procs[0]!, procs[1]!];
    const id1 = (await get(`${b1.restUrl}/eth/v1/node/identity`)).data;
    expect(id1.peer_id).to.equal((await b1.running).peerId);
    expect(id1.metadata.attnets).to.equal("0xffffffffffffffff");
    const peers0 = (await get(`${b0.restUrl}/eth/v1/node/peers`)).data as { peer_id: string; state: string }[];
    expect(peers0.map((p) => p.peer_id)).to.include(id1.peer_id);
    expect(Number((await get(`${b0.restUrl}/eth/v1/node/peer_count`)).data.connected)).to.equal(peers0.length);

    // the checkpoint-sync source: the finalized state as SSZ
    const res = await fetch(`${b0.restUrl}/eth/v2/debug/beacon/states/finalized`, {
      headers: { accept: "application/octet-stream" },
    });
    expect(res.headers.get("eth-consensus-version")).to.equal("phase0");
    const state = cfg.types.BeaconState.deserialize(new Uint8Array(await res.arrayBuffer()));
    expect(state.validators).to.have.length(8);

    // --debug-api deny list: node 0 drops node 1 and refuses it (node 1 keeps redialing) until healed
    const deny = async (ids: string[]) => {
      const r = await fetch(`${b0.restUrl}/btc20/v1/debug/network/deny`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ peer_ids: ids }),
      });
      const body = await r.json();
      expect(r.status, JSON.stringify(body)).to.equal(200);
      return body;
    };
    expect((await deny([id1.peer_id])).data.denied).to.deep.equal([id1.peer_id]);
    const peerIds = async () =>
      ((await get(`${b0.restUrl}/eth/v1/node/peers`)).data as { peer_id: string }[]).map((p) => p.peer_id);
    await sleep(6000);
    expect(await peerIds()).to.not.include(id1.peer_id);
    expect((await deny([])).data.denied).to.deep.equal([]);
    let healed = false;
    for (let i = 0; i < 30 && !healed; i++) {
      await sleep(500);
      healed = (await peerIds()).includes(id1.peer_id);
    }
    expect(healed).to.equal(true);
  });

  const headSlot = async (p: NodeProc) =>
    Number((await get(`${p.restUrl}/eth/v1/node/syncing`))?.data?.head_slot ?? -1);
  const metric = async (p: NodeProc, re: RegExp) => {
    const text = await (await fetch(`${p.restUrl}/metrics`)).text();
    return Number(re.exec(text)?.[1] ?? 0);
  };

  it("a late node range-syncs from its peers, and a checkpoint-synced node starts from the finalized state", async () => {
    const [b0] = procs;
    const bootAddr = (await b0!.running).p2pAddresses.find((a) => a.includes("/ip4/127.0.0.1/"))!;
    // the late node knows all three: range sync spreads its batches over them
    const all = await Promise.all(
      procs.slice(0, 3).map(async (p) => (await p.running).p2pAddresses.find((a) => a.includes("/ip4/127.0.0.1/"))!),
    );
    const late = await start(3, all);
    const cp = await start(4, [bootAddr], ["--checkpoint-sync-url", b0!.restUrl]);
    await Promise.all([late.running, cp.running]);
    const deadline = Date.now() + 40_000;
    let caughtUp = false;
    while (Date.now() < deadline && !caughtUp) {
      await sleep(1000);
      const target = await headSlot(b0!);
      const [a, b] = [await headSlot(late), await headSlot(cp)];
      caughtUp = a >= target - 1 && b >= target - 1;
    }
    const logs = [late, cp].map((p, i) => `--- node ${i + 3}\n${p.out.join("").slice(-2500)}`).join("\n");
    expect(caughtUp, logs).to.equal(true);
    // the late node got the chain by range (and by root), the checkpoint node did not download what precedes its anchor
    expect(await metric(late, /^btc20_sync_blocks_imported_total\{source="range"\} (\d+)/m), logs).to.be.greaterThan(8);
    const syncing = (await get(`${late.restUrl}/eth/v1/node/syncing`)).data;
    expect(syncing.is_syncing).to.equal(false);
    const started = cp.out
      .join("")
      .split("\n")
      .find((l) => l.includes("checkpoint sync: starting from a finalized state"));
    expect(started, logs).to.be.a("string");
    const anchorSlot = JSON.parse(started!).slot as number;
    expect(anchorSlot).to.be.at.least(8);
    const res = await fetch(`${cp.restUrl}/eth/v2/debug/beacon/states/genesis`, {
      headers: { accept: "application/octet-stream" },
    });
    expect(res.status).to.equal(200);
  });

  it("a misbehaving peer (bad snappy, oversized SSZ, bad signature, duplicate floods, bad requests, wrong fork digest) costs it, not the node", async () => {
    const b0 = procs[0]!;
    const target = (await b0.running).p2pAddresses.find((a) => a.includes("/ip4/127.0.0.1/"))!;
    const genesis = cfg.types.BeaconState.deserialize(readFileSync(path.join(dir, "genesis.ssz")));
    const digest = computeForkDigest(cfg.GENESIS_FORK_VERSION, genesis.genesisValidatorsRoot);
    const topic = formatTopic(digest, { name: "beacon_block" });
    // a raw libp2p node: gossipsub with no snappy transform, so it can put any bytes on the wire
    const bad = await createLibp2p({
      privateKey: await generateKeyPair("secp256k1"),
      addresses: { listen: ["/ip4/127.0.0.1/tcp/0"] },
      transports: [tcp()],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      services: {
        identify: identify(),
        pubsub: gossipsub({
          globalSignaturePolicy: "StrictNoSign",
          allowPublishToZeroTopicPeers: true,
          emitSelf: false,
        }),
      },
    });
    try {
      const disconnected = new Promise<void>((r) => bad.addEventListener("peer:disconnect", () => r()));
      await bad.dial(multiaddr(target));
      bad.services.pubsub.subscribe(topic);
      await sleep(2500);
      const before = await metric(
        b0,
        /^btc20_gossip_messages_received_total\{topic="beacon_block",result="REJECT"\} (\d+)/m,
      );
      // malformed snappy; SSZ over the block's maximum size; a well-formed block with a bad signature, 50 times
      // a snappy block announcing a plausible length, then a copy from before the start of the output
      const claimed = cfg.types.SignedBeaconBlock.minSize + 10;
      await bad.services.pubsub.publish(
        topic,
        Uint8Array.of((claimed & 0x7f) | 0x80, claimed >> 7, 0xff, 0xff, 0xff, 0xff, 0xff),
      );
      await bad.services.pubsub.publish(
        topic,
        snappy.compress(new Uint8Array(cfg.types.SignedBeaconBlock.maxSize + 1)),
      );
      const forged = cfg.types.SignedBeaconBlock.defaultValue();
      forged.message.slot = Math.max(1, (await headSlot(b0)) - 1);
      const forgedBytes = snappy.compress(cfg.types.SignedBeaconBlock.serialize(forged));
      for (let i = 0; i < 50; i++) await bad.services.pubsub.publish(topic, forgedBytes).catch(() => {});
      await sleep(1500);
      const errors = async (reason: string) =>
        metric(
          b0,
          new RegExp(`^btc20_gossip_decode_errors_total\\{topic="beacon_block",reason="${reason}"\\} (\\d+)`, "m"),
        );
      // (at least once: a message refused before it has an id can come back through IHAVE/IWANT)
      expect(await errors("SNAPPY_INVALID")).to.be.at.least(1);
      expect(await errors("SSZ_LENGTH_OUT_OF_BOUNDS")).to.be.at.least(1);
      // the duplicates are dropped by message id: one validation, one REJECT
      const after = await metric(
        b0,
        /^btc20_gossip_messages_received_total\{topic="beacon_block",result="REJECT"\} (\d+)/m,
      );
      expect(after - before).to.equal(1);

      // req/resp: a 5-byte Status and a too-long range are answered InvalidRequest
      const peerId = peerIdFromString((await b0.running).peerId);
      const ask = async (method: string, body: Uint8Array) => {
        const stream = await bad.dialProtocol(peerId, `/eth2/beacon_chain/req/${method}/1/ssz_snappy`);
        stream.send(body);
        await stream.close();
        const chunks: Uint8Array[] = [];
        for await (const c of stream) chunks.push(c instanceof Uint8Array ? c : c.subarray());
        return Buffer.concat(chunks);
      };
      expect((await ask("status", encodeRequest(new Uint8Array(5))))[0]).to.equal(1);
      const range = BeaconBlocksByRangeRequest.serialize({ startSlot: 0, count: 5000, step: 1 });
      expect((await ask("beacon_blocks_by_range", encodeRequest(range)))[0]).to.equal(1);
      expect(await metric(b0, /^btc20_peer_penalties_total\{action="low"\} (\d+)/m)).to.be.at.least(1);

      // a Status on another fork digest: goodbye and disconnect
      const wrong = Status.serialize({
        forkDigest: Uint8Array.of(0, 0, 0, 0),
        finalizedRoot: new Uint8Array(32),
        finalizedEpoch: 0,
        headRoot: new Uint8Array(32),
        headSlot: 0,
      });
      await ask("status", encodeRequest(wrong)).catch(() => {});
      await Promise.race([disconnected, sleep(10_000)]);
      expect(bad.getPeers().map(String)).to.not.include(peerId.toString());
      // the node is unharmed: it still follows the chain
      const h = await headSlot(b0);
      await sleep(4500);
      expect(await headSlot(b0)).to.be.greaterThan(h);
    } finally {
      await bad.stop();
    }
  });
});
