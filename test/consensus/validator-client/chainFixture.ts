// Real processes for the validator client's tests: a Hardhat JSON-RPC chain on 127.0.0.1 with the deposit contract
// and the genesis deposits, a genesis state file a few seconds in the future, a fast phase0 config (short slots and
// epochs so finality comes within a minute), btc20-node processes (bin/btc20-node.js) and btc20-validator processes
// (bin/btc20-validator.js), every one killed by `stop()`.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { devnetParams } from "../../../consensus/node/config/devnetParams.js";
import { type BeaconConfig, createBeaconConfig } from "../../../consensus/params/beaconConfig.js";
import type { BeaconParams } from "../../../consensus/params/beaconParams.js";
import type { ValidatorKey } from "../../../consensus/validator/keystores.js";
import { depositDevnetKeys } from "../../../scripts/devnet/depositDevnetKeys.js";
import { type Eth1Chain, eth1NodeArgs, startEth1Chain } from "../../../scripts/devnet/eth1Chain.js";
import { genesisFromDeposits } from "../../../scripts/devnet/genesis.js";
import { devnetKeys } from "../../../scripts/devnet/keys.js";
import { devnetDepositData } from "../../../scripts/devnet/runScenario.js";
import { createKeystore } from "../../../sdk/keys/keystore/index.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
export const NODE_BIN = path.join(ROOT, "bin/btc20-node.js");
export const VALIDATOR_BIN = path.join(ROOT, "bin/btc20-validator.js");

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const pubkeyHex = (k: ValidatorKey) => `0x${Buffer.from(k.publicKey).toString("hex")}`;

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export interface Proc {
  child: ChildProcess;
  /** stdout + stderr lines so far */
  lines: string[];
  /** resolves with the exit code */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 5 s; resolves with the exit code */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

function startProc(file: string, args: string[]): Proc {
  // its own process group: the launcher runs the real process as a child, and SIGKILL must reach both
  const child = spawn(process.execPath, [file, ...args], { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const lines: string[] = [];
  let partial = "";
  const onData = (d: Buffer) => {
    const text = partial + String(d);
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return {
    child,
    lines,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const t = setTimeout(() => killGroup("SIGKILL"), 5000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
    async kill() {
      killGroup("SIGKILL");
      if (child.exitCode === null && child.signalCode === null) await exited;
    },
  };
}

export interface ChainFixture {
  cfg: BeaconConfig;
  dir: string;
  eth1: Eth1Chain;
  configFile: string;
  genesisFile: string;
  genesisTime: number;
  keys: ValidatorKey[];
  /** starts a btc20-node on a free port (no validators of its own) */
  startNode(
    name: string,
  ): Promise<{ proc: Proc; url: string; port: number; dataDir: string; restart(): Promise<Proc> }>;
  /** writes keystores for `indices` (pbkdf2, the cheapest KDF allowed) and one password file per key */
  writeKeys(name: string, indices: number[]): Promise<{ keystoresDir: string; secretsDir: string }>;
  startValidator(args: string[]): Proc;
  /** a keystore JSON string for key `i` (Keymanager imports) */
  keystoreJson(i: number, password: string): Promise<string>;
  stop(): Promise<void>;
}

export const FAST_PARAMS: Partial<BeaconParams> = { SECONDS_PER_SLOT: 2, SLOTS_PER_EPOCH: 4 };

export async function startChainFixture(o: {
  validators: number;
  params?: Partial<BeaconParams>;
  /** seconds from now to genesis */
  genesisDelay?: number;
}): Promise<ChainFixture> {
  const params = devnetParams({ ...FAST_PARAMS, ...o.params });
  const cfg = createBeaconConfig(params);
  const dir = mkdtempSync(path.join(tmpdir(), "btc20-vc-test-"));
  const procs: Proc[] = [];
  const eth1 = await startEth1Chain({ chainId: cfg.DEPOSIT_CHAIN_ID });
  const keys = devnetKeys(0, o.validators);
  await depositDevnetKeys(eth1, keys);
  const block = (await eth1.provider.getBlock("latest"))!;
  const state = genesisFromDeposits(
    cfg,
    new Uint8Array(Buffer.from(block.hash!.slice(2), "hex")),
    block.timestamp,
    devnetDepositData(keys),
  );
  // genesis_time is not part of the genesis validators root: move it to just after the processes are up
  const genesisTime = Math.floor(Date.now() / 1000) + (o.genesisDelay ?? 12);
  state.genesisTime = genesisTime;
  const genesisFile = path.join(dir, "genesis.ssz");
  writeFileSync(genesisFile, cfg.types.BeaconState.serialize(state));
  const configFile = path.join(dir, "config.yaml");
  writeFileSync(
    configFile,
    Object.entries(params)
      .map(([k, v]) => `${k}: ${v instanceof Uint8Array ? `0x${Buffer.from(v).toString("hex")}` : String(v)}`)
      .join("\n"),
  );
  const miner = setInterval(() => void eth1.mineAt(0).catch(() => {}), 1000);

  const keystoreJson = async (i: number, password: string) =>
    JSON.stringify(
      await createKeystore(keys[i]!.secretKey, password, {
        path: `m/12381/3600/${i}/0/0`,
        kdf: { function: "pbkdf2", c: 2 ** 14 },
        pubkey: keys[i]!.publicKey,
      }),
    );

  return {
    cfg,
    dir,
    eth1,
    configFile,
    genesisFile,
    genesisTime,
    keys,
    keystoreJson,
    async startNode(name) {
      const port = await freePort();
      const dataDir = path.join(dir, name);
      const args = [
        "--network",
        configFile,
        ...eth1NodeArgs(eth1),
        "--genesis-state",
        genesisFile,
        "--data-dir",
        dataDir,
        "--rest.port",
        String(port),
        "--log-level",
        "warn",
        // independent single nodes, as before btc20-node had a network (no port 9000 shared between tests)
        "--no-p2p",
      ];
      const proc = startProc(NODE_BIN, args);
      procs.push(proc);
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 60; i++) {
        try {
          if ((await fetch(`${url}/eth/v1/node/health`)).status < 500) break;
        } catch {
          // not up yet
        }
        await sleep(250);
      }
      return {
        proc,
        url,
        port,
        dataDir,
        async restart() {
          const again = startProc(NODE_BIN, args);
          procs.push(again);
          return again;
        },
      };
    },
    async writeKeys(name, indices) {
      const keystoresDir = path.join(dir, name, "keystores");
      const secretsDir = path.join(dir, name, "secrets");
      mkdirSync(keystoresDir, { recursive: true });
      mkdirSync(secretsDir, { recursive: true });
      for (const i of indices) {
        const pk = pubkeyHex(keys[i]!);
        // Lighthouse layout: <keystores>/0x<pk>/voting-keystore.json, <secrets>/0x<pk>
        mkdirSync(path.join(keystoresDir, pk));
        writeFileSync(path.join(keystoresDir, pk, "voting-keystore.json"), await keystoreJson(i, `pw-${i}`));
        writeFileSync(path.join(secretsDir, pk), `pw-${i}\n`);
      }
      return { keystoresDir, secretsDir };
    },
    startValidator(args) {
      const proc = startProc(VALIDATOR_BIN, args);
      procs.push(proc);
      return proc;
    },
    async stop() {
      clearInterval(miner);
      await Promise.all(procs.map((p) => p.kill()));
      await eth1.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** GET a Beacon API path as JSON (null on any failure). */
// biome-ignore lint/suspicious/noExplicitAny: Beacon API JSON read loosely by tests
export async function apiGet(url: string, p: string): Promise<any> {
  try {
    const res = await fetch(`${url}${p}`);
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}

/** Waits until `check()` is truthy or `timeoutMs` passes; returns the last value. */
export async function waitFor<T>(check: () => Promise<T>, timeoutMs: number, everyMs = 500): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await check();
  while (!v && Date.now() < end) {
    await sleep(everyMs);
    v = await check();
  }
  return v;
}

/** Prometheus text -> value of a sample line `name{labels} value` (sum over label sets matching `labelFilter`). */
export function metricValue(text: string, name: string, labelFilter = ""): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (m && m[1] === name && (m[2] ?? "").includes(labelFilter)) sum += Number(m[3]);
  }
  return sum;
}
