// Real devnet pieces for the dApp's browser tests and bench: Hardhat's JSON-RPC on 127.0.0.1 with the
// DepositContract (scripts/devnet/eth1Chain.ts), 8 genesis validators deposited with the SDK, EIP-2335 keystores
// (cheap KDF) for them and for the keys the tests will deposit through the dApp (devnet mnemonic, the next indices:
// the staker's validator client, so new validators attest once active and the chain keeps finalizing), and a
// `btc20-node` OS process (bin/btc20-node.js) that forms genesis from the contract, runs those validators in-node
// and serves the Beacon API with --rest.cors for the dApp's origin. The node runs the devnet
// config with faster slots (2 s, 4-slot epochs) and a churn limit that activates a 100-key file in one epoch, so the
// whole deposit -> active_ongoing path fits in a bounded test.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { devnetParams } from "../../consensus/node/config/devnetParams.js";
import { createBeaconConfig } from "../../consensus/params/beaconConfig.js";
import type { BeaconParams } from "../../consensus/params/beaconParams.js";
import { depositDevnetKeys } from "../../scripts/devnet/depositDevnetKeys.js";
import { type Eth1Chain, eth1NodeArgs, startEth1Chain } from "../../scripts/devnet/eth1Chain.js";
import { devnetKeys } from "../../scripts/devnet/keys.js";
import { writeConfigYaml } from "../../scripts/devnet/processes/configFile.js";
import { writeKeystoreFiles } from "../../scripts/devnet/processes/keystoreFiles.js";

const BIN = path.resolve(import.meta.dirname, "../../bin/btc20-node.js");
export const GENESIS_VALIDATORS = 8;

/** The devnet values changed for the browser tests, and why. */
export const FAST_DEVNET: Partial<BeaconParams> = {
  SECONDS_PER_SLOT: 2, // a slot every 2 s (devnet: 3)
  SLOTS_PER_EPOCH: 4, // 8 s epochs, so finality and activation come within a minute
  SECONDS_PER_ETH1_BLOCK: 2, // the harness mines an eth1 block every 2 s
  MIN_PER_EPOCH_CHURN_LIMIT: 128, // a 100-key file activates in one epoch instead of 25
  SHARD_COMMITTEE_PERIOD: 0, // genesis validators may exit at once (the exit page's test)
} as Partial<BeaconParams>;

export interface DevnetProcesses {
  eth1: Eth1Chain;
  restUrl: string;
  /** stdout+stderr of the node, for failure messages */
  nodeOutput: string[];
  cfg: BeaconParams;
  /** holds eth1 blocks (no interval blocks, no automine): sent transactions stay pending until `true` again */
  setMining(on: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startDevnetProcesses(opts: {
  corsOrigins: string[];
  /** keystores the node runs: devnet mnemonic indices 0..n-1 (default: the genesis validators) */
  validatorKeys?: number;
  log?: (line: string) => void;
}): Promise<DevnetProcesses> {
  const cfg = devnetParams(FAST_DEVNET);
  const dir = mkdtempSync(path.join(tmpdir(), "btc20-dapp-devnet-"));
  const eth1 = await startEth1Chain({ chainId: cfg.DEPOSIT_CHAIN_ID });
  let child: ChildProcess | null = null;
  let miner: NodeJS.Timeout | null = null;
  let mining = true;
  const nodeOutput: string[] = [];
  const stop = async () => {
    if (miner) clearInterval(miner);
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await eth1.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const keys = devnetKeys(0, GENESIS_VALIDATORS);
    await depositDevnetKeys(eth1, keys);
    const running = devnetKeys(0, Math.max(GENESIS_VALIDATORS, opts.validatorKeys ?? 0));
    const keystores = await writeKeystoreFiles(dir, running, 0);
    writeConfigYaml(createBeaconConfig(cfg), path.join(dir, "config.yaml"));
    for (let i = 0; i < cfg.ETH1_FOLLOW_DISTANCE + 1; i++) await eth1.mineAt(0);
    // blocks carry wall-clock timestamps (not last + 1 s): eth1 voting looks for blocks by time, so a chain that fell
    // behind the clock would offer no candidate and new deposits would never enter the beacon state
    miner = setInterval(() => {
      if (mining) void eth1.mineAt(Date.now() / 1000).catch(() => {});
    }, cfg.SECONDS_PER_ETH1_BLOCK * 1000);

    const port = await freePort();
    const restUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [
      BIN,
      "--network",
      path.join(dir, "config.yaml"),
      ...eth1NodeArgs(eth1),
      "--data-dir",
      path.join(dir, "data"),
      "--rest.port",
      String(port),
      "--rest.cors",
      opts.corsOrigins.join(","),
      "--keystores",
      keystores.keystoresDir,
      "--keystore-password-file",
      keystores.passwordFile,
      "--log-level",
      "warn",
      // a single node: no libp2p port 9000 taken
      "--no-p2p",
    ]);
    child.stdout!.on("data", (d) => nodeOutput.push(String(d)));
    child.stderr!.on("data", (d) => nodeOutput.push(String(d)));
    // up when the API answers with a head past genesis
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`btc20-node exited (${child.exitCode}): ${nodeOutput.join("")}`);
      try {
        const res = await fetch(`${restUrl}/eth/v1/node/syncing`);
        if (res.ok && Number((await res.json()).data.head_slot) >= 1) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`btc20-node did not reach slot 1 in 60 s: ${nodeOutput.join("")}`);
      await sleep(300);
    }
    opts.log?.(`devnet: Hardhat ${eth1.url}, DepositContract ${eth1.contractAddress}, btc20-node ${restUrl}`);
    const setMining = async (on: boolean) => {
      mining = on;
      await eth1.provider.send("evm_setAutomine", [on]);
      if (on) await eth1.mineAt(Date.now() / 1000);
    };
    return { eth1, restUrl, nodeOutput, cfg, setMining, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
