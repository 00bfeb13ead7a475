// `npm run interop:lodestar-api [-- --beacon-node <url>]`: btc20-node's Beacon API answers parsed by @lodestar/api
// 1.23.0 with Lodestar's own types (duties, POST validators, committees, fork, attestation data, aggregates, pools,
// produce v2/v3 in JSON and SSZ). Opt-in, not in CI: @lodestar/api is installed on demand (npm ci from
// scripts/interop/lodestarApi/package-lock.json) into scripts/interop/.cache/, never into the project's dependencies.
// Without --beacon-node it checks a node of its own: 8 validators run for 3 epochs in virtual time, API on 127.0.0.1.
// Exits 0 only if every check passed.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { createBeaconApi } from "../../consensus/api/server.js";
import { Scheduler } from "../../consensus/node/clock/scheduler.js";
import { NodeChainView } from "../../consensus/node/nodeChainView.js";
import { NodeValidatorApi } from "../../consensus/node/nodeValidatorApi.js";
import { getBeaconProposerIndex } from "../../consensus/state-transition/accessors/getBeaconProposerIndex.js";
import { createDevnetConfig } from "../devnet/devnetParams.js";
import { genesisFromDeposits } from "../devnet/genesis.js";
import { devnetKeys } from "../devnet/keys.js";
import { devnetDepositData } from "../devnet/runScenario.js";
import { createDevnetNodes } from "../devnet/simulation.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "../..");
const SPEC_DIR = path.join(HERE, "lodestarApi");
const INSTALL_DIR = path.join(HERE, ".cache/lodestar-api-1.23.0");

const HELP = `npm run interop:lodestar-api [-- --beacon-node <url>]
  Parses btc20-node's validator-facing Beacon API answers with @lodestar/api 1.23.0 (installed on demand into
  scripts/interop/.cache). Without --beacon-node: a node of its own (8 validators, 3 epochs, virtual time).
  With --beacon-node: that node; block production is skipped (no key to sign the randao reveal).`;

/** @lodestar/api 1.23.0 (+ config, params, types, utils) from its lockfile, into a git-ignored folder, once. */
function ensureInstalled(): void {
  const lock = path.join(SPEC_DIR, "package-lock.json");
  const installedLock = path.join(INSTALL_DIR, "package-lock.json");
  const same = existsSync(installedLock) && readFileSync(installedLock, "utf8") === readFileSync(lock, "utf8");
  if (!same || !existsSync(path.join(INSTALL_DIR, "node_modules/@lodestar/api/package.json"))) {
    console.error(`installing @lodestar/api 1.23.0 into ${path.relative(REPO, INSTALL_DIR)} (npm ci, once)...`);
    mkdirSync(INSTALL_DIR, { recursive: true });
    copyFileSync(path.join(SPEC_DIR, "package.json"), path.join(INSTALL_DIR, "package.json"));
    copyFileSync(lock, installedLock);
    const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: INSTALL_DIR,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, PATH: `${path.join(REPO, "node_modules/.bin")}${path.delimiter}${process.env.PATH}` },
    });
    if (r.status !== 0) throw new Error(`npm ci of @lodestar/api 1.23.0 failed (exit ${r.status})`);
  }
  copyFileSync(path.join(SPEC_DIR, "apiCheck.mjs"), path.join(INSTALL_DIR, "apiCheck.mjs"));
}

interface Target {
  url: string;
  info: { slot: number; nextSlot: number; randaoReveal: string | null };
  close(): Promise<void>;
}

/** A node of its own: genesis from SDK deposits, 3 epochs in virtual time, attestations of the last slot pooled. */
async function ownNode(): Promise<Target> {
  const cfg = createDevnetConfig();
  const keys = devnetKeys(0, 8);
  const genesis = genesisFromDeposits(cfg, new Uint8Array(32).fill(0x42), 1_800_000_000, devnetDepositData(keys));
  const scheduler = new Scheduler("virtual", genesis.genesisTime - 0.5);
  const { nodes, clock } = createDevnetNodes({ cfg, genesisState: genesis, keys, nodeCount: 1, scheduler });
  const node = nodes[0]!;
  const view = new NodeChainView(cfg, node.chain, clock);
  const app: FastifyInstance = createBeaconApi(view, { validatorApi: new NodeValidatorApi({ node, clock, view }) });
  node.start();
  const slot = 3 * cfg.SLOTS_PER_EPOCH + 2;
  await scheduler.runUntil(clock.timeAt(slot, 2) + 0.001); // the slot's attestations and aggregates are in
  const nextSlot = slot + 1;
  const state = node.chain.headStateAtSlot(nextSlot);
  const proposer = getBeaconProposerIndex(cfg, state);
  const key = keys.find((k) => Buffer.from(k.publicKey).equals(Buffer.from(state.validators[proposer]!.pubkey)))!;
  const { ValidatorSigner } = await import("../../consensus/validator/signer.js");
  const { SlashingProtectionDb } = await import("../../consensus/validator/slashing-protection/index.js");
  const protection = new SlashingProtectionDb(":memory:");
  protection.setGenesisValidatorsRoot(genesis.genesisValidatorsRoot);
  const reveal = new ValidatorSigner(cfg, [key], protection).signRandao(
    state,
    key.publicKey,
    Math.floor(nextSlot / cfg.SLOTS_PER_EPOCH),
  );
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    url,
    info: { slot, nextSlot, randaoReveal: `0x${Buffer.from(reveal).toString("hex")}` },
    close: async () => {
      await app.close();
      protection.close();
    },
  };
}

async function externalNode(url: string): Promise<Target> {
  const res = await fetch(`${url}/eth/v1/node/syncing`);
  const head = Number(((await res.json()) as { data: { head_slot: string } }).data.head_slot);
  return { url, info: { slot: head, nextSlot: head + 1, randaoReveal: null }, close: async () => {} };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const i = args.indexOf("--beacon-node");
  ensureInstalled();
  const target = i >= 0 ? await externalNode(args[i + 1]!) : await ownNode();
  console.error(`checking ${target.url} with @lodestar/api 1.23.0`);
  try {
    // not spawnSync: this process serves the API the child queries
    const child = spawn(
      process.execPath,
      [path.join(INSTALL_DIR, "apiCheck.mjs"), target.url, JSON.stringify(target.info)],
      { cwd: INSTALL_DIR, stdio: ["ignore", "inherit", "inherit"] },
    );
    return await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  } finally {
    await target.close();
  }
}

process.exit(await main());
