// bin/btc20-node.js as users run it (system `node`, which may be 20): --help, and a real run against Hardhat's
// JSON-RPC on 127.0.0.1 with the DepositContract: genesis formed from the contract's deposits, validators from
// EIP-2335 keystores + password file, blocks produced, the Beacon API answering, slashing protection exported on
// SIGTERM, and a restart that resumes from the database.

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { createDevnetConfig } from "../../../consensus/node/config/devnetParams.js";
import { depositDevnetKeys } from "../../../scripts/devnet/depositDevnetKeys.js";
import { type Eth1Chain, eth1NodeArgs, startEth1Chain } from "../../../scripts/devnet/eth1Chain.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";
import { createKeystore } from "../../../sdk/keys/keystore/index.js";

const BIN = path.resolve(import.meta.dirname, "../../../bin/btc20-node.js");
// the node users have on their PATH (the launcher must work on it, e.g. Node 20); the test's own node otherwise
const SYSTEM_NODE = process.env.SYSTEM_NODE ?? (existsSync("/usr/bin/node") ? "/usr/bin/node" : process.execPath);

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("bin/btc20-node.js", function () {
  this.timeout(120_000);

  it("--help works on the system node and lists every flag", async () => {
    const { stdout } = await promisify(execFile)(SYSTEM_NODE, [BIN, "--help"]);
    for (const flag of [
      "--network",
      "--execution-endpoint",
      "--data-dir",
      "--rest.port",
      "--metrics.port",
      "--keystores",
      "--keystore-password-file",
      "--p2p.port",
      "--bootnodes",
      "--no-p2p",
      "--debug-api",
    ]) {
      expect(stdout).to.include(flag);
    }
    expect(stdout).to.match(/default: 5052/);
  });

  describe("running against a local JSON-RPC chain", () => {
    let eth1: Eth1Chain;
    let dir: string;
    let child: ChildProcess | null = null;
    let miner: NodeJS.Timeout;

    before(async () => {
      const cfg = createDevnetConfig();
      eth1 = await startEth1Chain({ chainId: cfg.DEPOSIT_CHAIN_ID });
      dir = mkdtempSync(path.join(tmpdir(), "btc20-node-bin-"));
      const keys = devnetKeys(0, 8);
      await depositDevnetKeys(eth1, keys);
      mkdirSync(path.join(dir, "keys"));
      for (const [i, k] of keys.entries()) {
        const ks = await createKeystore(k.secretKey, "devnet password", {
          path: `m/12381/3600/${i}/0/0`,
          kdf: { function: "pbkdf2", c: 2 ** 14 },
          pubkey: k.publicKey,
        });
        writeFileSync(path.join(dir, "keys", `keystore-${i}.json`), JSON.stringify(ks));
      }
      writeFileSync(path.join(dir, "password.txt"), "devnet password\n");
      for (let i = 0; i < 5; i++) await eth1.mineAt(0);
      miner = setInterval(() => void eth1.mineAt(0).catch(() => {}), 1000);
    });
    after(async () => {
      clearInterval(miner);
      child?.kill("SIGKILL");
      await eth1.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const start = (port: number, metricsPort?: number) => {
      const out: string[] = [];
      child = spawn(SYSTEM_NODE, [
        BIN,
        "--network",
        "devnet",
        ...eth1NodeArgs(eth1),
        "--data-dir",
        path.join(dir, "data"),
        "--rest.port",
        String(port),
        "--keystores",
        path.join(dir, "keys"),
        "--keystore-password-file",
        path.join(dir, "password.txt"),
        "--slashing-protection-export",
        path.join(dir, "interchange.json"),
        "--log-level",
        "warn",
        // a single node: no libp2p port taken
        "--no-p2p",
        ...(metricsPort ? ["--metrics.port", String(metricsPort)] : []),
      ]);
      child.stdout!.on("data", (d) => out.push(String(d)));
      child.stderr!.on("data", (d) => out.push(String(d)));
      return out;
    };
    const headSlot = async (url: string) => {
      try {
        const res = await fetch(`${url}/eth/v1/node/syncing`);
        return Number((await res.json()).data.head_slot);
      } catch {
        return -1;
      }
    };
    const stop = async () => {
      const exited = new Promise<number | null>((r) => child!.on("exit", (code) => r(code)));
      child!.kill("SIGTERM");
      const code = await exited;
      child = null;
      return code;
    };

    it("forms genesis from the contract, proposes with its keystores, serves the API and metrics, exports slashing protection", async () => {
      const port = await freePort();
      const metricsPort = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const out = start(port, metricsPort);
      let slot = -1;
      for (let i = 0; i < 90 && slot < 3; i++) {
        await sleep(500);
        slot = await headSlot(url);
      }
      expect(slot, out.join("")).to.be.at.least(3);
      const vals = await (await fetch(`${url}/eth/v1/beacon/states/head/validators?status=active_ongoing`)).json();
      expect(vals.data).to.have.length(8);
      // the contract it follows, not the preset's address
      const contract = await (await fetch(`${url}/eth/v1/config/deposit_contract`)).json();
      expect(contract.data.address).to.equal(eth1.contractAddress.toLowerCase());
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(metrics).to.match(/^beacon_head_slot [1-9]\d*$/m);
      expect(metrics).to.match(/^btc20_follower_deposits_processed 8$/m);
      expect(metrics).to.match(/^beacon_blocks_imported_total [1-9]\d*$/m);
      expect(await stop()).to.equal(0);
      const interchange = JSON.parse(readFileSync(path.join(dir, "interchange.json"), "utf8"));
      expect(interchange.metadata.interchange_format_version).to.equal("5");
      const blocks = interchange.data.flatMap((d: { signed_blocks: unknown[] }) => d.signed_blocks);
      expect(blocks.length).to.be.at.least(3);

      // restart: resumes from the database at (at least) the same head
      start(port);
      let again = -1;
      for (let i = 0; i < 40 && again < slot; i++) {
        await sleep(500);
        again = await headSlot(url);
      }
      expect(again).to.be.at.least(slot);
      expect(await stop()).to.equal(0);
    });
  });
});
