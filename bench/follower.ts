// npm run bench:follower — the deposit follower syncing 100,000 deposits from a local JSON-RPC node.
//
// Two processes, so that the follower's time and memory are its own: this script re-runs itself with `--chain` as a
// child that starts Hardhat's JSON-RPC server on 127.0.0.1, deploys DepositContract and makes the deposits with
// `batchDeposit` (batches of 500); the parent then syncs them with the real follower (HTTP JSON-RPC, eth_getLogs,
// strict parsing, the tree, node:sqlite, proof-of-possession checks, the contract root check) and measures.
//
// Signatures: 5,000 real BLS keys each make one first deposit (32 BTCC, a real proof of possession the follower
// verifies in batches) and one signed top-up deposit (1 BTCC) that is reused for the other 95,000 deposits — top-ups
// to a known key are credited without a signature check, exactly as process_deposit does. 4 of the first deposits
// carry a bad signature, so the batch-failure fallback to single checks runs too.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { pino } from "pino";
import {
  DepositFollower,
  FollowerStore,
  JsonRpcEth1Provider,
  parseDepositLog,
  verifyDepositSignatures,
} from "../consensus/follower/index.js";
import { bls } from "../sdk/crypto/bls/index.js";
import { DepositTree } from "../sdk/deposit-tree/index.js";
import {
  DEPOSIT_DOMAIN,
  FORK_VERSION,
  type SignedDeposit,
  sendBatch,
  signedDeposit,
  testKey,
} from "../test/consensus/follower/support/deposits.js";

const TOTAL = Number(process.env.BENCH_DEPOSITS ?? 100_000);
const NEW_KEYS = Math.min(5_000, TOTAL);
const BAD_SIGNATURES = 4;
const BATCH = 500;
const FOLLOW_DISTANCE = 8;
/** Blocks per eth_getLogs (each block holds one batch of 500 deposits). */
const LOGS_RANGE = Number(process.env.BENCH_LOGS_RANGE ?? 4);
const TARGET_PER_SECOND = 5_000;

const here = path.dirname(fileURLToPath(import.meta.url));

interface ChainInfo {
  url: string;
  chainId: number;
  address: string;
  deployBlock: number;
  generateSeconds: number;
}

/** Child: the JSON-RPC node and the deposits. Prints one JSON line when ready, then serves until killed. */
async function runChain(): Promise<void> {
  const { startLocalChain } = await import("../test/consensus/follower/support/localChain.js");
  const chain = await startLocalChain();
  const started = performance.now();
  const firsts: SignedDeposit[] = [];
  const topUps: SignedDeposit[] = [];
  for (let i = 0; i < NEW_KEYS; i++) {
    const key = testKey(`bench-${i}`);
    firsts.push(signedDeposit(key, 32e9, { badSignature: i % Math.floor(NEW_KEYS / BAD_SIGNATURES) === 7 }));
    topUps.push(signedDeposit(key, 1e9));
  }
  // Every 20th deposit is a key's first; the others top up a key that already deposited.
  const every = Math.max(1, Math.floor(TOTAL / NEW_KEYS));
  const order: SignedDeposit[] = [];
  let created = 0;
  for (let i = 0; i < TOTAL; i++) {
    if (created < NEW_KEYS && (i % every === 0 || TOTAL - i <= NEW_KEYS - created)) order.push(firsts[created++]);
    else order.push(topUps[(i * 7919) % created]);
  }
  for (let i = 0; i < order.length; i += BATCH) await sendBatch(chain.contract, order.slice(i, i + BATCH));
  await chain.mine(FOLLOW_DISTANCE);
  const info: ChainInfo = {
    url: chain.url,
    chainId: chain.chainId,
    address: chain.address,
    deployBlock: chain.deployBlock,
    generateSeconds: (performance.now() - started) / 1000,
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
}

function startChainProcess(): Promise<{ child: ChildProcess; info: ChainInfo }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--chain"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: process.env,
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (line.startsWith("{")) resolve({ child, info: JSON.parse(line) as ChainInfo });
    });
    child.on("exit", (code) => reject(new Error(`chain process exited with ${code}`)));
  });
}

// A full GC on demand, to measure live memory rather than garbage not yet collected.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

function liveMemory(deposits: number): { deposits: number; mb: number } {
  collectGarbage();
  const m = process.memoryUsage();
  return { deposits, mb: Number(((m.heapUsed + m.arrayBuffers) / 2 ** 20).toFixed(1)) };
}

/** Peak resident set size, sampled every 20 ms while `body` runs. */
async function withPeakRss<T>(body: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await body();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakRssMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function runBenchmark(): Promise<void> {
  console.log(`generating ${TOTAL.toLocaleString()} deposits on a local Hardhat JSON-RPC node (child process)...`);
  const { child, info } = await startChainProcess();
  const dataDir = mkdtempSync(path.join(tmpdir(), "btc20-bench-follower-"));
  try {
    console.log(`  done in ${info.generateSeconds.toFixed(1)} s; syncing with the follower...`);
    const logger = pino({ level: process.env.LOG_LEVEL ?? "warn" });
    const provider = new JsonRpcEth1Provider({
      urls: [info.url],
      chainId: info.chainId,
      depositContractAddress: info.address,
      requestTimeoutMs: 60_000,
      logger,
    });
    const store = FollowerStore.open(dataDir);
    store.bindIdentity(info.chainId, info.address);
    const follower = new DepositFollower({
      provider,
      store,
      bls,
      genesisForkVersion: FORK_VERSION,
      depositContractDeployBlock: info.deployBlock,
      followDistance: FOLLOW_DISTANCE,
      logsBlockRange: { min: 1, max: LOGS_RANGE, initial: LOGS_RANGE },
      denseEth1DataBlocks: 64,
      logger,
    });
    const baseRss = process.memoryUsage().rss / 2 ** 20;
    const t0 = performance.now();
    // Live memory (after a full GC) half way and at the end: it should not grow with the deposits beyond the tree.
    const retainedMb: { deposits: number; mb: number }[] = [];
    const { peakRssMb } = await withPeakRss(async () => {
      for (;;) {
        const step = await follower.syncStep();
        if (retainedMb.length === 0 && follower.depositCount >= TOTAL / 2)
          retainedMb.push(liveMemory(follower.depositCount));
        if (step.caughtUp && !step.reorg) break;
      }
      retainedMb.push(liveMemory(follower.depositCount));
    });
    const syncSeconds = (performance.now() - t0) / 1000;
    if (follower.depositCount !== TOTAL) throw new Error(`synced ${follower.depositCount} deposits, expected ${TOTAL}`);
    const invalid = follower.registry.invalidDeposits().length;
    const newValidators = (store.db.prepare("SELECT COUNT(*) AS n FROM validators").get() as { n: number }).n;

    // Where the time goes: each stage alone on the same data.
    const rawLogs = [];
    const tFetch = performance.now();
    const head = await provider.getBlockNumber();
    for (let from = info.deployBlock; from <= head; from += LOGS_RANGE)
      rawLogs.push(...(await provider.getDepositLogs(from, Math.min(head, from + LOGS_RANGE - 1))));
    const fetchSeconds = (performance.now() - tFetch) / 1000;
    const tParse = performance.now();
    const events = rawLogs.map(parseDepositLog);
    const parseSeconds = (performance.now() - tParse) / 1000;
    // The tree alone: pushes and the root, and the memory it holds (its hashes live in ArrayBuffer chunks).
    const buffersBefore = process.memoryUsage().arrayBuffers;
    const tTree = performance.now();
    const tree = DepositTree.empty();
    for (const e of events) tree.push(e.depositDataRoot);
    tree.getRoot();
    const treeSeconds = (performance.now() - tTree) / 1000;
    const treeMemoryMb = (process.memoryUsage().arrayBuffers - buffersBefore) / 2 ** 20;
    const firstDeposits = [
      ...new Map(events.map((e) => [Buffer.from(e.depositData.pubkey).toString("hex"), e])).values(),
    ];
    const tPop = performance.now();
    verifyDepositSignatures(
      bls,
      DEPOSIT_DOMAIN,
      firstDeposits.map((e) => e.depositData),
    );
    const popSeconds = (performance.now() - tPop) / 1000;
    await provider.destroy();
    store.close();

    const depositsPerSecond = TOTAL / syncSeconds;
    const rows: [string, string, string][] = [
      [
        "end to end (logs, parsing, tree, storage, PoP, root check)",
        `${syncSeconds.toFixed(2)} s`,
        `${Math.round(depositsPerSecond).toLocaleString()} deposits/s`,
      ],
      [
        "  eth_getLogs alone (HTTP + JSON)",
        `${fetchSeconds.toFixed(2)} s`,
        `${Math.round(TOTAL / fetchSeconds).toLocaleString()} deposits/s`,
      ],
      [
        "  strict log parsing + hash_tree_root(DepositData)",
        `${parseSeconds.toFixed(2)} s`,
        `${Math.round(TOTAL / parseSeconds).toLocaleString()} deposits/s`,
      ],
      [
        "  deposit tree alone (push + root)",
        `${treeSeconds.toFixed(3)} s`,
        `${Math.round(TOTAL / treeSeconds).toLocaleString()} deposits/s`,
      ],
      [
        `  PoP checks alone (${firstDeposits.length.toLocaleString()} new keys, batched)`,
        `${popSeconds.toFixed(2)} s`,
        `${Math.round(firstDeposits.length / popSeconds).toLocaleString()} signatures/s`,
      ],
    ];
    console.log();
    console.log(`| stage | time | rate |`);
    console.log(`|---|---|---|`);
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    console.log();
    console.log(
      `target: >= ${TARGET_PER_SECOND.toLocaleString()} deposits/s end to end -> ${depositsPerSecond >= TARGET_PER_SECOND ? "met" : "NOT met"} (${(depositsPerSecond / TARGET_PER_SECOND).toFixed(2)}x)`,
    );
    console.log(
      `peak RSS during sync: ${peakRssMb.toFixed(0)} MB (before: ${baseRss.toFixed(0)} MB); the tree itself holds ${treeMemoryMb.toFixed(1)} MB`,
    );
    console.log(
      `live JS heap + buffers after a full GC: ${retainedMb.map((r) => `${r.mb} MB at ${r.deposits.toLocaleString()} deposits`).join(", ")}`,
    );
    console.log(`new validators: ${newValidators.toLocaleString()}, skipped for an invalid PoP: ${invalid}`);

    const results = {
      deposits: TOTAL,
      depositsPerSecond: Math.round(depositsPerSecond),
      peakRssMb: Math.round(peakRssMb),
      rssBeforeSyncMb: Math.round(baseRss),
      liveHeapAfterGcMb: retainedMb,
      syncSeconds: Number(syncSeconds.toFixed(3)),
      targetDepositsPerSecond: TARGET_PER_SECOND,
      treeOnly: {
        seconds: Number(treeSeconds.toFixed(4)),
        depositsPerSecond: Math.round(TOTAL / treeSeconds),
        memoryMb: Number(treeMemoryMb.toFixed(1)),
      },
      stages: {
        getLogsSeconds: Number(fetchSeconds.toFixed(3)),
        parseSeconds: Number(parseSeconds.toFixed(3)),
        treeSeconds: Number(treeSeconds.toFixed(4)),
        popSeconds: Number(popSeconds.toFixed(3)),
        popSignatures: firstDeposits.length,
      },
      newValidators,
      invalidSignatures: invalid,
      setup: {
        newKeys: NEW_KEYS,
        badSignatures: BAD_SIGNATURES,
        batchSize: BATCH,
        generateSeconds: Number(info.generateSeconds.toFixed(1)),
      },
    };
    mkdirSync(path.join(here, "results"), { recursive: true });
    writeFileSync(path.join(here, "results", "follower.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`wrote bench/results/follower.json`);
  } finally {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--chain")) await runChain();
else await runBenchmark();
