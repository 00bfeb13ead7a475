// bin/btc20-validator.js as users run it, against real bin/btc20-node.js processes on 127.0.0.1 (a Hardhat JSON-RPC
// chain with the deposit contract behind them): a validator client holding 3/4 of the stake proposes, attests and
// aggregates and the chain finalizes; the Keymanager API imports and deletes keys while the client runs; doppelganger
// protection spots a key another client is using; with two beacon nodes the client falls back when the first dies and
// returns when it is back, and slashing protection refuses the conflicting votes the second node's chain asks for,
// before and after a restart.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import {
  apiGet,
  type ChainFixture,
  freePort,
  metricValue,
  type Proc,
  pubkeyHex,
  sleep,
  startChainFixture,
  VALIDATOR_BIN,
  waitFor,
} from "./chainFixture.js";

const run = promisify(execFile);

describe("bin/btc20-validator.js", function () {
  this.timeout(60_000);

  it("--help lists every flag and subcommand", async () => {
    const { stdout } = await run(process.execPath, [VALIDATOR_BIN, "--help"]);
    for (const flag of [
      "--beacon-nodes",
      "--keystores-dir",
      "--secrets-dir",
      "--keystores-password-file",
      "--datadir",
      "--graffiti",
      "--keymanager",
      "--keymanager.port",
      "--doppelganger-protection",
      "--metrics.port",
      "voluntary-exit",
      "slashing-protection",
    ]) {
      expect(stdout).to.include(flag);
    }
    const exit = await run(process.execPath, [VALIDATOR_BIN, "voluntary-exit", "--help"]);
    expect(exit.stdout).to.include("--pubkeys").and.include("--epoch");
    const sp = await run(process.execPath, [VALIDATOR_BIN, "slashing-protection", "import", "--help"]);
    expect(sp.stdout).to.include("--file");
  });

  it("refuses a keystores dir without passwords, with a clear error", async () => {
    const err = await run(process.execPath, [
      VALIDATOR_BIN,
      "--keystores-dir",
      "/nonexistent",
      "--datadir",
      "/tmp/x",
    ]).catch((e) => e);
    expect(err.code).to.equal(1);
    expect(String(err.stderr)).to.include("--secrets-dir or --keystores-password-file");
  });
});

describe("btc20-validator against btc20-node processes", function () {
  this.timeout(150_000);
  let fx: ChainFixture;
  let n1: Awaited<ReturnType<ChainFixture["startNode"]>>;
  let n2: Awaited<ReturnType<ChainFixture["startNode"]>>;
  const vc: Record<string, { proc: Proc; metrics: string; datadir: string; keymanager?: string }> = {};

  const metrics = async (name: string) => {
    try {
      return await (await fetch(`${vc[name]!.metrics}/metrics`)).text();
    } catch {
      return "";
    }
  };
  const finalizedEpoch = async (url: string) =>
    Number((await apiGet(url, "/eth/v1/beacon/states/head/finality_checkpoints"))?.data?.finalized?.epoch ?? -1);
  const logged = (name: string, text: string) => vc[name]!.proc.lines.some((l) => l.includes(text));

  async function startVc(name: string, keys: number[], nodes: string[], extra: string[] = []) {
    const dirs = keys.length > 0 ? await fx.writeKeys(name, keys) : null;
    const port = await freePort();
    const datadir = path.join(fx.dir, name, "data");
    const args = [
      "--beacon-nodes",
      nodes.join(","),
      "--datadir",
      datadir,
      "--metrics.port",
      String(port),
      "--graffiti",
      `test-${name}`,
      ...(dirs ? ["--keystores-dir", dirs.keystoresDir, "--secrets-dir", dirs.secretsDir] : []),
      ...extra,
    ];
    vc[name] = { proc: fx.startValidator(args), metrics: `http://127.0.0.1:${port}`, datadir };
    return { args, datadir };
  }

  before(async function () {
    this.timeout(120_000);
    fx = await startChainFixture({ validators: 16, genesisDelay: 25 });
    [n1, n2] = await Promise.all([fx.startNode("n1"), fx.startNode("n2")]);
    // A: 12 of 16 validators (3/4 of the stake: enough to finalize alone)
    await startVc("a", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [n1.url]);
    // B: one read-only key from --keystores-dir; more come through the Keymanager API
    const kmPort = await freePort();
    await startVc("b", [12], [n1.url], ["--keymanager", "--keymanager.port", String(kmPort)]);
    vc.b!.keymanager = `http://127.0.0.1:${kmPort}`;
    // C: doppelganger protection, key 0 (A is using it) and key 14 (nobody is)
    await startVc("c", [0, 14], [n1.url], ["--doppelganger-protection"]);
    // E: two beacon nodes in order
    await startVc("e", [15], [n1.url, n2.url]);
  });

  // on a failure, what every process said last and where each node's head is: these tests depend on timing
  afterEach(async function () {
    if (this.currentTest?.state !== "failed") return;
    for (const [name, node] of [
      ["n1", n1],
      ["n2", n2],
    ] as const) {
      const head = await apiGet(node.url, "/eth/v1/beacon/headers/head");
      console.log(`--- ${name} head slot ${head?.data?.header?.message?.slot ?? "?"}; last lines:`);
      console.log(node.proc.lines.slice(-15).join("\n"));
    }
    for (const [name, v] of Object.entries(vc)) {
      console.log(`--- validator ${name}, last lines:`);
      console.log(v.proc.lines.slice(-15).join("\n"));
    }
  });

  after(async () => {
    await fx?.stop();
  });

  it("proposes, attests and aggregates through the Beacon API; the chain finalizes", async () => {
    const fin = await waitFor(async () => (await finalizedEpoch(n1.url)) >= 2, 110_000, 1000);
    expect(fin, vc.a!.proc.lines.slice(-20).join("\n")).to.equal(true);
    const m = await metrics("a");
    expect(metricValue(m, "validator_duties_performed_total", 'duty="proposal"')).to.be.greaterThan(0);
    expect(metricValue(m, "validator_duties_performed_total", 'duty="attestation"')).to.be.greaterThan(0);
    expect(metricValue(m, "validator_duties_performed_total", 'duty="aggregate"')).to.be.greaterThan(0);
    expect(metricValue(m, "validator_slashing_protection_refusals_total")).to.equal(0);
    // one node, no reorgs: duties were never re-fetched because of a dependent root change
    expect(metricValue(m, "validator_duties_refetched_total")).to.equal(0);
    expect(metricValue(m, "validator_signing_seconds_count", 'kind="attestation"')).to.be.greaterThan(0);
    // blocks carry our graffiti
    const block = await apiGet(n1.url, "/eth/v2/beacon/blocks/head");
    if (block) {
      expect(Buffer.from(block.data.message.body.graffiti.slice(2), "hex").toString().replace(/\0+$/, "")).to.match(
        /^test-[ace]$/,
      );
    }
    // validators' balances rose above their deposit
    const vals = await apiGet(n1.url, "/eth/v1/beacon/states/head/validator_balances?id=0&id=1&id=2");
    expect(vals.data.some((v: { balance: string }) => BigInt(v.balance) > 1_000_000_000_000n)).to.equal(true);
  });

  it("Keymanager API: bearer token, list, import with slashing protection, delete returning the interchange", async () => {
    const km = vc.b!.keymanager!;
    const tokenFile = path.join(vc.b!.datadir, "api-token.txt");
    expect(statSync(tokenFile).mode & 0o777).to.equal(0o600);
    const token = readFileSync(tokenFile, "utf8").trim();
    const call = (method: string, body?: unknown, auth = `Bearer ${token}`) =>
      fetch(`${km}/eth/v1/keystores`, {
        method,
        headers: { authorization: auth, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    expect((await fetch(`${km}/eth/v1/keystores`)).status).to.equal(401);
    expect((await call("GET", undefined, "Bearer wrong")).status).to.equal(403);
    const listed = await (await call("GET")).json();
    expect(listed.data).to.deep.equal([
      { validating_pubkey: pubkeyHex(fx.keys[12]!), derivation_path: "m/12381/3600/12/0/0", readonly: true },
    ]);

    // import key 13 with its history: a vote for target epoch 1 signed elsewhere
    const gvr = (await apiGet(n1.url, "/eth/v1/beacon/genesis")).data.genesis_validators_root;
    const pk13 = pubkeyHex(fx.keys[13]!);
    const interchange = {
      metadata: { interchange_format_version: "5", genesis_validators_root: gvr },
      data: [{ pubkey: pk13, signed_blocks: [], signed_attestations: [{ source_epoch: "0", target_epoch: "1" }] }],
    };
    const ks13 = await fx.keystoreJson(13, "pw-13");
    const imported = await (
      await call("POST", {
        keystores: [ks13, await fx.keystoreJson(14, "pw-14")],
        passwords: ["pw-13", "wrong password"],
        slashing_protection: JSON.stringify(interchange),
      })
    ).json();
    expect(imported.data[0].status).to.equal("imported");
    expect(imported.data[1].status).to.equal("error");
    expect((await (await call("POST", { keystores: [ks13], passwords: ["pw-13"] })).json()).data[0].status).to.equal(
      "duplicate",
    );
    expect(existsSync(path.join(vc.b!.datadir, "keystores", pk13, "voting-keystore.json"))).to.equal(true);
    expect(statSync(path.join(vc.b!.datadir, "secrets", pk13)).mode & 0o777).to.equal(0o600);

    // the imported key signs while the client runs: wait until its history has a vote beyond the imported one
    const historyOf13 = async () => {
      const res = await (await call("DELETE", { pubkeys: [pk13] })).json();
      return res;
    };
    // (a DELETE would remove it: read the history through the metrics instead until it attested)
    const before = metricValue(await metrics("b"), "validator_duties_performed_total", 'duty="attestation"');
    const attested = await waitFor(
      async () =>
        metricValue(await metrics("b"), "validator_duties_performed_total", 'duty="attestation"') >= before + 2,
      40_000,
      1000,
    );
    expect(attested).to.equal(true);

    const unknown = `0x${"11".repeat(48)}`;
    const del = await (await call("DELETE", { pubkeys: [pk13, pubkeyHex(fx.keys[12]!), unknown] })).json();
    expect(del.data.map((d: { status: string }) => d.status)).to.deep.equal(["deleted", "error", "not_found"]);
    const exported = JSON.parse(del.slashing_protection);
    expect(exported.metadata.genesis_validators_root).to.equal(gvr);
    expect(exported.data).to.have.length(1);
    expect(exported.data[0].pubkey).to.equal(pk13);
    const targets = exported.data[0].signed_attestations.map((a: { target_epoch: string }) => Number(a.target_epoch));
    expect(targets).to.include(1);
    expect(Math.max(...targets)).to.be.greaterThan(1);
    expect(existsSync(path.join(vc.b!.datadir, "keystores", pk13))).to.equal(false);
    expect((await (await call("GET")).json()).data).to.have.length(1);

    // deleted: it signs nothing more (its history stays the same an epoch later) and reads as not_active
    await sleep(fx.cfg.SECONDS_PER_SLOT * fx.cfg.SLOTS_PER_EPOCH * 1000 + 1000);
    const again = await historyOf13();
    expect(again.data[0].status).to.equal("not_active");
    expect(JSON.parse(again.slashing_protection).data[0].signed_attestations).to.deep.equal(
      exported.data[0].signed_attestations,
    );
  });

  it("doppelganger protection: refuses a key another client signs with, clears an unused one after 2 epochs", async () => {
    const pk0 = pubkeyHex(fx.keys[0]!);
    const pk14 = pubkeyHex(fx.keys[14]!);
    const done = await waitFor(
      async () => logged("c", "DOPPELGANGER DETECTED") && logged("c", "doppelganger check passed"),
      60_000,
      1000,
    );
    const lines = vc.c!.proc.lines;
    expect(done, lines.slice(-20).join("\n")).to.equal(true);
    expect(lines.find((l) => l.includes("DOPPELGANGER DETECTED"))).to.include(pk0);
    expect(lines.find((l) => l.includes("doppelganger check passed"))).to.include(pk14);
    const m = await metrics("c");
    expect(metricValue(m, "validator_keys", 'state="detected"')).to.equal(1);
    expect(metricValue(m, "validator_keys", 'state="active"')).to.equal(1);
    // nothing was ever signed with the doppelganger's key here
    await vc.c!.proc.stop();
    const file = path.join(fx.dir, "c-export.json");
    await run(process.execPath, [
      VALIDATOR_BIN,
      "slashing-protection",
      "export",
      "--datadir",
      vc.c!.datadir,
      "--file",
      file,
    ]);
    const exported = JSON.parse(readFileSync(file, "utf8"));
    const of = (pk: string) => exported.data.find((d: { pubkey: string }) => d.pubkey === pk);
    expect(of(pk0)?.signed_attestations ?? []).to.have.length(0);
    expect(of(pk0)?.signed_blocks ?? []).to.have.length(0);
  });

  it("falls back to the second node when the first dies (no double signing) and returns when it is back", async () => {
    const e = vc.e!;
    expect(metricValue(await metrics("e"), "validator_duties_performed_total", 'duty="attestation"')).to.be.greaterThan(
      0,
    );
    const headSlot = async (url: string) =>
      Number((await apiGet(url, "/eth/v1/beacon/headers/head"))?.data?.header?.message?.slot ?? -1);
    const headBeforeKill = await headSlot(n1.url);
    await n1.proc.kill();
    // on the second node's own chain (it never saw the first one's blocks) the votes conflict with the signed history
    const refused = await waitFor(async () => logged("e", "slashing protection refused"), 40_000, 1000);
    expect(refused, e.proc.lines.slice(-20).join("\n")).to.equal(true);
    expect(logged("e", "falling back")).to.equal(true);
    expect(metricValue(await metrics("e"), "validator_beacon_node_errors_total")).to.be.greaterThan(0);
    expect(metricValue(await metrics("e"), "validator_duties_performed_total", 'duty="proposal"')).to.be.at.least(0);

    n1.proc = await n1.restart();
    const n1Healthy = () =>
      metrics("e").then((m) => metricValue(m, "validator_beacon_node_healthy", `node="${n1.url}"`) === 1);
    expect(await waitFor(n1Healthy, 40_000, 1000), e.proc.lines.slice(-10).join("\n")).to.equal(true);
    // it resumed from its database: every block it had imported before the kill is still its chain
    expect(await headSlot(n1.url)).to.be.at.least(headBeforeKill);
    expect(e.proc.lines.some((l) => l.includes("beacon node is healthy again") && l.includes(n1.url))).to.equal(true);
    // duties go through the first node again: attestation duties are done there (signed, or refused where the
    // restarted node's votes would conflict with the history)
    const handled = () =>
      metrics("e").then(
        (m) =>
          metricValue(m, "validator_duties_performed_total", 'duty="attestation"') +
          metricValue(m, "validator_slashing_protection_refusals_total", 'duty="attestation"'),
      );
    const before = await handled();
    expect(
      await waitFor(async () => (await handled()) > before, 30_000, 1000),
      e.proc.lines.slice(-10).join("\n"),
    ).to.equal(true);
  });

  it("slashing protection refuses a double vote across a restart", async () => {
    const e = vc.e!;
    expect(await e.proc.stop()).to.equal(0);
    const refusalsBefore = e.proc.lines.filter((l) => l.includes("slashing protection refused")).length;
    expect(refusalsBefore).to.be.greaterThan(0);
    // same data dir, only the second node: its votes conflict with what was signed on the first node's chain
    const port = await freePort();
    const dirs = { keystoresDir: path.join(fx.dir, "e", "keystores"), secretsDir: path.join(fx.dir, "e", "secrets") };
    const proc = fx.startValidator([
      "--beacon-nodes",
      n2.url,
      "--datadir",
      e.datadir,
      "--metrics.port",
      String(port),
      "--keystores-dir",
      dirs.keystoresDir,
      "--secrets-dir",
      dirs.secretsDir,
    ]);
    const refused = await waitFor(
      async () => proc.lines.some((l) => l.includes("slashing protection refused")),
      40_000,
      1000,
    );
    expect(refused, proc.lines.slice(-20).join("\n")).to.equal(true);
    const line = proc.lines.find((l) => l.includes("slashing protection refused"))!;
    expect(JSON.parse(line).code).to.be.oneOf([
      "DOUBLE_VOTE",
      "SURROUNDING_VOTE",
      "SURROUNDED_VOTE",
      "DOUBLE_PROPOSAL",
    ]);
    await proc.stop();
    // the database holds one consistent history: no two votes for a target, no surround
    const file = path.join(fx.dir, "e-export.json");
    await run(process.execPath, [
      VALIDATOR_BIN,
      "slashing-protection",
      "export",
      "--datadir",
      e.datadir,
      "--file",
      file,
    ]);
    const votes = JSON.parse(readFileSync(file, "utf8")).data[0].signed_attestations.map(
      (a: { source_epoch: string; target_epoch: string }) => [Number(a.source_epoch), Number(a.target_epoch)],
    ) as [number, number][];
    expect(votes.length).to.be.greaterThan(0);
    expect(new Set(votes.map((v) => v[1])).size).to.equal(votes.length);
    for (const [s1, t1] of votes) {
      for (const [s2, t2] of votes) expect(s1 < s2 && t2 < t1, `${s1}->${t1} surrounds ${s2}->${t2}`).to.equal(false);
    }
  });
  it("voluntary-exit: signs with the keystore, the node takes it, the validator goes active_exiting", async () => {
    const pk14 = pubkeyHex(fx.keys[14]!);
    const keysArgs = [
      "--keystores-dir",
      path.join(fx.dir, "c", "keystores"),
      "--secrets-dir",
      path.join(fx.dir, "c", "secrets"),
    ];
    const voluntaryExit = (pubkey: string, ...extra: string[]) =>
      run(process.execPath, [
        VALIDATOR_BIN,
        "voluntary-exit",
        "--beacon-nodes",
        n1.url,
        ...keysArgs,
        "--pubkeys",
        pubkey,
        ...extra,
      ]);
    // an exit is valid once the validator has been active SHARD_COMMITTEE_PERIOD epochs (the earlier tests usually
    // took the chain past that already; run alone, this one waits)
    const epochNow = () =>
      Math.floor((Date.now() / 1000 - fx.genesisTime) / (fx.cfg.SECONDS_PER_SLOT * fx.cfg.SLOTS_PER_EPOCH));
    await waitFor(async () => epochNow() >= fx.cfg.SHARD_COMMITTEE_PERIOD, 60_000, 1000);
    // no terminal to confirm on: --yes is required
    const unconfirmed = await voluntaryExit(pk14).catch((e) => e);
    expect(unconfirmed.code).to.equal(1);
    expect(String(unconfirmed.stderr)).to.include("--yes");
    const unknown = await voluntaryExit(pubkeyHex(fx.keys[3]!), "--yes").catch((e) => e);
    expect(String(unknown.stderr)).to.include("UNKNOWN_KEY");

    const { stdout } = await voluntaryExit(pk14, "--yes");
    expect(stdout).to.include(`submitted the exit of ${pk14} (index 14)`);
    const exiting = await waitFor(
      async () => (await apiGet(n1.url, "/eth/v1/beacon/states/head/validators/14"))?.data?.status === "active_exiting",
      40_000,
      1000,
    );
    expect(exiting).to.equal(true);
  });
  it("doppelganger protection across a restart: the client's own last votes are not a doppelganger", async () => {
    const b = vc.b!;
    const attestations = () =>
      metrics("b").then((m) => metricValue(m, "validator_duties_performed_total", 'duty="attestation"'));
    const before = await attestations();
    expect(await waitFor(async () => (await attestations()) > before, 30_000, 500)).to.equal(true);
    // right after a vote: restart on the same data dir with doppelganger protection
    expect(await b.proc.stop()).to.equal(0);
    const dirs = { keystoresDir: path.join(fx.dir, "b", "keystores"), secretsDir: path.join(fx.dir, "b", "secrets") };
    const proc = fx.startValidator([
      "--beacon-nodes",
      n1.url,
      "--datadir",
      b.datadir,
      "--keystores-dir",
      dirs.keystoresDir,
      "--secrets-dir",
      dirs.secretsDir,
      "--doppelganger-protection",
    ]);
    const passed = await waitFor(
      async () => proc.lines.some((l) => l.includes("doppelganger check passed")),
      60_000,
      1000,
    );
    expect(passed, proc.lines.slice(-10).join("\n")).to.equal(true);
    expect(proc.lines.some((l) => l.includes("DOPPELGANGER DETECTED"))).to.equal(false);
    await proc.stop();
  });
});
