// npm run bench:follower — the deposit follower syncing 100,000 deposits from a local JSON-RPC node.
//
// Separate processes, so that the follower's time and memory are its own: this script re-runs itself with
// `--chain <scenario>` as a child that starts Hardhat's JSON-RPC server on 127.0.0.1, deploys DepositContract and
// makes the deposits with `batchDeposit` (batches of 500); then with `--sync <scenario>` as a second child that
// syncs them with the real follower (HTTP JSON-RPC, eth_getLogs, strict parsing, the tree, node:sqlite,
// proof-of-possession checks on a DepositSignaturePool of one worker per core, the contract root check) and
// measures. The parent then times each stage alone on the distinct-keys chain.
//
// Scenarios:
// - distinct keys (the headline, what a real registry looks like): 100,000 deposits from 100,000 different keys, so
//   every deposit needs its own proof-of-possession check; 0.1% carry an invalid signature (skipped, reported).
// - top-up mix: 5,000 keys make a first deposit, the other 95,000 deposits top up a known key (credited without a
//   signature check, as process_deposit does): mostly measures logs, tree and storage.
//
// The deposit set (keys from a counter: sha256 seed -> blst SecretKey.fromKeygen; signed on worker threads) is
// cached in bench/.cache/ (git-ignored), so reruns skip generating it.

import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { SecretKey } from "@chainsafe/blst";
import { pino } from "pino";
import {
  type DepositDataValue,
  DepositFollower,
  DepositSignaturePool,
  depositSigningRoot,
  FollowerStore,
  JsonRpcEth1Provider,
  parseDepositLog,
  verifyDepositSignatures,
} from "../consensus/follower/index.js";
import { bls } from "../sdk/crypto/bls/index.js";
import { DepositTree } from "../sdk/deposit-tree/index.js";
import { DepositData } from "../sdk/ssz/index.js";
import { DEPOSIT_DOMAIN, FORK_VERSION, type SignedDeposit } from "../test/consensus/follower/support/deposits.js";

const TOTAL = Number(process.env.BENCH_DEPOSITS ?? 100_000);
/** Top-up mix: keys that make a first deposit; every other deposit tops one of them up. */
const TOP_UP_KEYS = Math.min(5_000, TOTAL);
/** One deposit in this many signs the wrong message (0.1%). */
const INVALID_EVERY = 1_000;
const FULL_GWEI = 1_000_000_000_000; // 1000 BTCC
const TOP_UP_GWEI = 1_000_000_000; // 1 BTCC
const BATCH = 500;
const FOLLOW_DISTANCE = 8;
/** Blocks per eth_getLogs (each block holds one batch of 500 deposits). */
const LOGS_RANGE = Number(process.env.BENCH_LOGS_RANGE ?? 4);
const TARGET_PER_SECOND = 5_000;
/**
 * Deposits checked on the calling thread (the SDK path, no pool), for comparison. Not a one-core figure: blst's
 * multi-pairing (verifyMultipleAggregateSignatures) spreads over every core on its own thread pool.
 */
const IN_THREAD_SAMPLE = 5_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const CACHE_DIR = path.join(here, ".cache");
const cacheFile = () =>
  path.join(CACHE_DIR, `follower-deposits-v1-${TOTAL}-${TOP_UP_KEYS}-${INVALID_EVERY}-${FULL_GWEI}.bin`);

type Scenario = "distinct" | "topups";

// ---------------------------------------------------------------------------------------------------------------
// The deposit set: TOTAL first deposits of distinct keys, then TOP_UP_KEYS top-ups of the first keys.

/** pubkey 48 | withdrawal_credentials 32 | amount u64 LE 8 | signature 96 | deposit_data_root 32. */
const RECORD = 216;

function benchKey(i: number): SecretKey {
  return SecretKey.fromKeygen(createHash("sha256").update(`btc20-bench-follower-${i}`).digest());
}

const isInvalid = (i: number) => i % INVALID_EVERY === INVALID_EVERY / 2;

function writeRecord(out: Uint8Array, at: number, sk: SecretKey, amount: number, invalid: boolean): void {
  const pubkey = sk.toPublicKey().toBytes(true);
  const withdrawalCredentials = createHash("sha256").update(pubkey).digest();
  withdrawalCredentials[0] = 0;
  const message = depositSigningRoot(
    { pubkey, withdrawalCredentials, amount, signature: new Uint8Array(96) },
    DEPOSIT_DOMAIN,
  );
  if (invalid) message[0] ^= 1; // a proof of possession over another message
  const signature = sk.sign(message).toBytes(true);
  out.set(pubkey, at);
  out.set(withdrawalCredentials, at + 48);
  new DataView(out.buffer, out.byteOffset).setBigUint64(at + 80, BigInt(amount), true);
  out.set(signature, at + 88);
  out.set(DepositData.hashTreeRoot({ pubkey, withdrawalCredentials, amount, signature }), at + 184);
}

/** Worker thread: records [start, end) of the deposit set (index >= TOTAL: a top-up of key index - TOTAL). */
function generateSlice(start: number, end: number): Uint8Array {
  const out = new Uint8Array((end - start) * RECORD);
  for (let i = start; i < end; i++) {
    const first = i < TOTAL;
    const key = first ? i : i - TOTAL;
    writeRecord(out, (i - start) * RECORD, benchKey(key), first ? FULL_GWEI : TOP_UP_GWEI, first && isInvalid(key));
  }
  return out;
}

function startGenerator(): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const self = import.meta.url;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { generator: true } });
}

/** The cached deposit set, generated on every core the first time. */
async function depositSet(): Promise<Uint8Array> {
  const file = cacheFile();
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const count = TOTAL + TOP_UP_KEYS;
  console.log(`generating ${count.toLocaleString()} signed deposits (first run; cached in bench/.cache/)...`);
  const t0 = performance.now();
  const out = new Uint8Array(count * RECORD);
  const CHUNK = 1_000;
  let next = 0;
  await Promise.all(
    Array.from({ length: availableParallelism() }, async () => {
      const worker = startGenerator();
      try {
        while (next < count) {
          const start = next;
          const end = Math.min(count, start + CHUNK);
          next = end;
          const slice = await new Promise<Uint8Array>((resolve, reject) => {
            const done = (error?: Error, value?: Uint8Array) => {
              worker.off("message", onMessage);
              worker.off("error", onError);
              if (error) reject(error);
              else resolve(value!);
            };
            const onMessage = (value: Uint8Array) => done(undefined, value);
            const onError = (error: Error) => done(error);
            worker.on("message", onMessage);
            worker.on("error", onError);
            worker.postMessage({ start, end });
          });
          out.set(slice, start * RECORD);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(`${file}.tmp`, out);
  renameSync(`${file}.tmp`, file);
  console.log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

function readRecord(set: Uint8Array, i: number): SignedDeposit {
  const at = i * RECORD;
  return {
    pubkey: set.subarray(at, at + 48),
    withdrawalCredentials: set.subarray(at + 48, at + 80),
    amount: Number(new DataView(set.buffer, set.byteOffset).getBigUint64(at + 80, true)),
    signature: set.subarray(at + 88, at + 184),
    root: set.subarray(at + 184, at + 216),
  };
}

/** The deposits of a scenario, in chain order. */
function scenarioDeposits(set: Uint8Array, scenario: Scenario): SignedDeposit[] {
  if (scenario === "distinct") return Array.from({ length: TOTAL }, (_, i) => readRecord(set, i));
  // Every 20th deposit is a key's first; the others top up a key that already deposited.
  const every = Math.max(1, Math.floor(TOTAL / TOP_UP_KEYS));
  const order: SignedDeposit[] = [];
  let created = 0;
  for (let i = 0; i < TOTAL; i++) {
    if (created < TOP_UP_KEYS && (i % every === 0 || TOTAL - i <= TOP_UP_KEYS - created))
      order.push(readRecord(set, created++));
    else order.push(readRecord(set, TOTAL + ((i * 7919) % created)));
  }
  return order;
}

// ---------------------------------------------------------------------------------------------------------------
// The chain (child process).

interface ChainInfo {
  url: string;
  chainId: number;
  address: string;
  deployBlock: number;
  generateSeconds: number;
}

/** Child: the JSON-RPC node and the scenario's deposits. Prints one JSON line when ready, then serves until killed. */
async function runChain(scenario: Scenario): Promise<void> {
  const { startLocalChain } = await import("../test/consensus/follower/support/localChain.js");
  const { sendBatch } = await import("../test/consensus/follower/support/deposits.js");
  const order = scenarioDeposits(new Uint8Array(readFileSync(cacheFile())), scenario);
  const chain = await startLocalChain();
  const started = performance.now();
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

function startChainProcess(scenario: Scenario): Promise<{ child: ChildProcess; info: ChainInfo }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--chain", scenario], {
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

// ---------------------------------------------------------------------------------------------------------------
// Measuring.

// A full GC on demand, to measure live memory rather than garbage not yet collected.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

function liveMemory(deposits: number): { deposits: number; mb: number } {
  collectGarbage();
  const m = process.memoryUsage();
  return { deposits, mb: Number(((m.heapUsed + m.arrayBuffers) / 2 ** 20).toFixed(1)) };
}

/** Peak resident set size (worker threads included: same process), sampled every 20 ms while `body` runs. */
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

interface SyncResult {
  scenario: Scenario;
  deposits: number;
  syncSeconds: number;
  /** CPU time of this process (main thread and signature workers) during the sync: up to cores x syncSeconds. */
  cpuSeconds: number;
  depositsPerSecond: number;
  peakRssMb: number;
  rssBeforeSyncMb: number;
  liveHeapAfterGcMb: { deposits: number; mb: number }[];
  newValidators: number;
  invalidSignatures: number;
  chainGenerateSeconds: number;
}

/**
 * Sync child: a fresh follower (own database, own signature pool) syncs the chain in `BENCH_CHAIN` and prints its
 * result as one `RESULT {json}` line. A process per scenario, so that each one's peak RSS is its own.
 */
async function runSync(scenario: Scenario): Promise<void> {
  const info = JSON.parse(process.env.BENCH_CHAIN!) as ChainInfo;
  const dataDir = mkdtempSync(path.join(tmpdir(), "btc20-bench-follower-"));
  let pool: DepositSignaturePool | null = null;
  try {
    const logger = pino({ level: process.env.LOG_LEVEL ?? "error" });
    const provider = new JsonRpcEth1Provider({
      urls: [info.url],
      chainId: info.chainId,
      depositContractAddress: info.address,
      requestTimeoutMs: 60_000,
      logger,
    });
    const store = FollowerStore.open(dataDir);
    store.bindIdentity(info.chainId, info.address);
    const baseRss = process.memoryUsage().rss / 2 ** 20;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const retainedMb: { deposits: number; mb: number }[] = [];
    const { peakRssMb } = await withPeakRss(async () => {
      // Starting the pool is part of the sync (a node pays it once at start-up).
      pool = await DepositSignaturePool.start({ genesisForkVersion: FORK_VERSION });
      const follower = new DepositFollower({
        provider,
        store,
        bls,
        signatureVerifier: pool,
        genesisForkVersion: FORK_VERSION,
        depositContractDeployBlock: info.deployBlock,
        followDistance: FOLLOW_DISTANCE,
        logsBlockRange: { min: 1, max: LOGS_RANGE, initial: LOGS_RANGE },
        denseEth1DataBlocks: 64,
        logger,
      });
      // Live memory (after a full GC) half way and at the end: it should not grow with the deposits beyond the tree.
      for (;;) {
        const step = await follower.syncStep();
        if (retainedMb.length === 0 && follower.depositCount >= TOTAL / 2)
          retainedMb.push(liveMemory(follower.depositCount));
        if (step.caughtUp && !step.reorg) break;
      }
      retainedMb.push(liveMemory(follower.depositCount));
      if (follower.depositCount !== TOTAL)
        throw new Error(`synced ${follower.depositCount} deposits, expected ${TOTAL}`);
    });
    const syncSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
    const result: SyncResult = {
      scenario,
      deposits: TOTAL,
      syncSeconds,
      cpuSeconds,
      depositsPerSecond: TOTAL / syncSeconds,
      peakRssMb,
      rssBeforeSyncMb: baseRss,
      liveHeapAfterGcMb: retainedMb,
      newValidators: count("SELECT COUNT(*) AS n FROM validators"),
      invalidSignatures: count("SELECT COUNT(*) AS n FROM invalid_deposits"),
      chainGenerateSeconds: info.generateSeconds,
    };
    store.close();
    await provider.destroy();
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  } finally {
    await (pool as DepositSignaturePool | null)?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function syncInChild(scenario: Scenario, info: ChainInfo): Promise<SyncResult> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--sync", scenario], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, BENCH_CHAIN: JSON.stringify(info) },
  });
  return new Promise((resolve, reject) => {
    let result: SyncResult | null = null;
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (line.startsWith("RESULT ")) result = JSON.parse(line.slice(7)) as SyncResult;
      else console.log(line);
    });
    child.on("exit", (code) => (result ? resolve(result) : reject(new Error(`sync process exited with ${code}`))));
  });
}

/** One scenario end to end: a chain child with its deposits, a sync child; `afterSync` while the chain serves. */
async function syncScenario(
  scenario: Scenario,
  afterSync?: (info: ChainInfo, provider: JsonRpcEth1Provider) => Promise<void>,
): Promise<SyncResult> {
  console.log(`[${scenario}] making ${TOTAL.toLocaleString()} deposits on a local Hardhat JSON-RPC node (child)...`);
  const { child, info } = await startChainProcess(scenario);
  try {
    console.log(`  done in ${info.generateSeconds.toFixed(1)} s; syncing with the follower (child)...`);
    const r = await syncInChild(scenario, info);
    console.log(
      `  ${r.syncSeconds.toFixed(2)} s: ${Math.round(r.depositsPerSecond).toLocaleString()} deposits/s, peak RSS ${r.peakRssMb.toFixed(0)} MB, CPU ${r.cpuSeconds.toFixed(1)} s (${(r.cpuSeconds / r.syncSeconds).toFixed(2)} cores)`,
    );
    if (afterSync) {
      const provider = new JsonRpcEth1Provider({
        urls: [info.url],
        chainId: info.chainId,
        depositContractAddress: info.address,
        requestTimeoutMs: 60_000,
        logger: pino({ level: "error" }),
      });
      try {
        await afterSync(info, provider);
      } finally {
        await provider.destroy();
      }
    }
    return r;
  } finally {
    child.kill();
  }
}

interface Stages {
  getLogsSeconds: number;
  parseSeconds: number;
  tree: { seconds: number; depositsPerSecond: number; memoryMb: number };
  signatures: {
    count: number;
    workers: number;
    seconds: number;
    perSecond: number;
    /** CPU time of the whole process (workers and blst's threads) per signature: cores / this bounds the rate. */
    cpuMicrosPerSignature: number;
    invalid: number;
    inThread: { count: number; seconds: number; perSecond: number };
  };
}

/** Where the time goes: each stage alone on the distinct-keys chain's data. */
async function measureStages(info: ChainInfo, provider: JsonRpcEth1Provider): Promise<Stages> {
  console.log(`  stages alone (eth_getLogs, parsing, tree, signature checks)...`);
  const rawLogs = [];
  const tFetch = performance.now();
  const head = await provider.getBlockNumber();
  for (let from = info.deployBlock; from <= head; from += LOGS_RANGE)
    rawLogs.push(...(await provider.getDepositLogs(from, Math.min(head, from + LOGS_RANGE - 1))));
  const getLogsSeconds = (performance.now() - tFetch) / 1000;
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

  const deposits: DepositDataValue[] = events.map((e) => e.depositData);
  const pool = await DepositSignaturePool.start({ genesisForkVersion: FORK_VERSION });
  let valid: boolean[];
  const tPool = performance.now();
  const cpuPool = process.cpuUsage();
  try {
    valid = await pool.verify(deposits);
  } finally {
    await pool.close();
  }
  const poolSeconds = (performance.now() - tPool) / 1000;
  const poolCpu = process.cpuUsage(cpuPool);
  const sample = deposits.slice(0, IN_THREAD_SAMPLE);
  const tOne = performance.now();
  verifyDepositSignatures(bls, DEPOSIT_DOMAIN, sample);
  const oneSeconds = (performance.now() - tOne) / 1000;
  return {
    getLogsSeconds,
    parseSeconds,
    tree: { seconds: treeSeconds, depositsPerSecond: events.length / treeSeconds, memoryMb: treeMemoryMb },
    signatures: {
      count: deposits.length,
      workers: pool.size,
      seconds: poolSeconds,
      perSecond: deposits.length / poolSeconds,
      cpuMicrosPerSignature: (poolCpu.user + poolCpu.system) / deposits.length,
      invalid: valid.filter((v) => !v).length,
      inThread: { count: sample.length, seconds: oneSeconds, perSecond: sample.length / oneSeconds },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Report.

const rate = (n: number) => Math.round(n).toLocaleString();
const round = (n: number, digits = 3) => Number(n.toFixed(digits));

async function runBenchmark(): Promise<void> {
  const benchStarted = performance.now();
  await depositSet();
  let stages: Stages | undefined;
  const distinct = await syncScenario("distinct", async (info, provider) => {
    stages = await measureStages(info, provider);
  });
  const topUps = await syncScenario("topups");
  const s = stages!;

  const rows: [string, string, string, string][] = [
    [
      `**end to end, ${TOTAL.toLocaleString()} distinct keys** (every deposit a PoP check; logs, parsing, tree, storage, root check)`,
      `${distinct.syncSeconds.toFixed(2)} s`,
      `**${rate(distinct.depositsPerSecond)} deposits/s**`,
      `${distinct.peakRssMb.toFixed(0)} MB`,
    ],
    [
      `end to end, top-up mix (${TOP_UP_KEYS.toLocaleString()} keys, ${(TOTAL - TOP_UP_KEYS).toLocaleString()} unchecked top-ups)`,
      `${topUps.syncSeconds.toFixed(2)} s`,
      `${rate(topUps.depositsPerSecond)} deposits/s`,
      `${topUps.peakRssMb.toFixed(0)} MB`,
    ],
    [
      `  signature checks alone (${s.signatures.count.toLocaleString()} PoPs, ${s.signatures.workers} workers, batched)`,
      `${s.signatures.seconds.toFixed(2)} s`,
      `${rate(s.signatures.perSecond)} signatures/s`,
      "",
    ],
    [
      `  signature checks alone, no pool: calling thread + blst's own threads (${s.signatures.inThread.count.toLocaleString()} PoPs, batched)`,
      `${s.signatures.inThread.seconds.toFixed(2)} s`,
      `${rate(s.signatures.inThread.perSecond)} signatures/s`,
      "",
    ],
    [
      "  eth_getLogs alone (HTTP + JSON)",
      `${s.getLogsSeconds.toFixed(2)} s`,
      `${rate(TOTAL / s.getLogsSeconds)} deposits/s`,
      "",
    ],
    [
      "  strict log parsing + hash_tree_root(DepositData)",
      `${s.parseSeconds.toFixed(2)} s`,
      `${rate(TOTAL / s.parseSeconds)} deposits/s`,
      "",
    ],
    [
      "  deposit tree alone (push + root)",
      `${s.tree.seconds.toFixed(3)} s`,
      `${rate(s.tree.depositsPerSecond)} deposits/s`,
      `${s.tree.memoryMb.toFixed(1)} MB held`,
    ],
  ];
  console.log();
  console.log(`| stage | time | rate | peak RSS |`);
  console.log(`|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
  console.log();
  const ratio = distinct.depositsPerSecond / TARGET_PER_SECOND;
  console.log(
    `target: >= ${TARGET_PER_SECOND.toLocaleString()} deposits/s end to end (distinct keys) -> ${ratio >= 1 ? "met" : "NOT met"}: ${rate(distinct.depositsPerSecond)}/s = ${ratio.toFixed(2)}x the target (top-up mix: ${(topUps.depositsPerSecond / TARGET_PER_SECOND).toFixed(2)}x)`,
  );
  console.log(
    `signature checks bound the distinct-keys sync: ${rate(s.signatures.perSecond)} PoPs/s on ${s.signatures.workers} workers alone (${rate(s.signatures.inThread.perSecond)}/s without the pool); ${Math.round(s.signatures.cpuMicrosPerSignature)} µs of CPU each, so ${availableParallelism()} fully free cores could do at most ${rate((availableParallelism() * 1e6) / s.signatures.cpuMicrosPerSignature)}/s`,
  );
  for (const r of [distinct, topUps]) {
    console.log(
      `[${r.scenario}] live JS heap + buffers after a full GC: ${r.liveHeapAfterGcMb.map((m) => `${m.mb} MB at ${m.deposits.toLocaleString()}`).join(", ")}; new validators ${r.newValidators.toLocaleString()}, invalid PoPs skipped ${r.invalidSignatures}`,
    );
  }
  const totalSeconds = (performance.now() - benchStarted) / 1000;
  console.log(`whole benchmark: ${totalSeconds.toFixed(0)} s`);

  const scenarioJson = (r: SyncResult) => ({
    deposits: r.deposits,
    depositsPerSecond: Math.round(r.depositsPerSecond),
    peakRssMb: Math.round(r.peakRssMb),
    syncSeconds: round(r.syncSeconds),
    cpuSeconds: round(r.cpuSeconds, 1),
    rssBeforeSyncMb: Math.round(r.rssBeforeSyncMb),
    liveHeapAfterGcMb: r.liveHeapAfterGcMb,
    newValidators: r.newValidators,
    invalidSignatures: r.invalidSignatures,
    chainGenerateSeconds: round(r.chainGenerateSeconds, 1),
  });
  const results = {
    deposits: TOTAL,
    scenario: "distinct keys: every deposit a new key with its own proof of possession (0.1% invalid)",
    depositsPerSecond: Math.round(distinct.depositsPerSecond),
    peakRssMb: Math.round(distinct.peakRssMb),
    syncSeconds: round(distinct.syncSeconds),
    targetDepositsPerSecond: TARGET_PER_SECOND,
    targetRatio: round(ratio, 2),
    distinctKeys: scenarioJson(distinct),
    topUpMix: {
      ...scenarioJson(topUps),
      newKeys: TOP_UP_KEYS,
      targetRatio: round(topUps.depositsPerSecond / TARGET_PER_SECOND, 2),
    },
    treeOnly: {
      seconds: round(s.tree.seconds, 4),
      depositsPerSecond: Math.round(s.tree.depositsPerSecond),
      memoryMb: round(s.tree.memoryMb, 1),
    },
    signatureChecksOnly: {
      signatures: s.signatures.count,
      workers: s.signatures.workers,
      seconds: round(s.signatures.seconds),
      signaturesPerSecond: Math.round(s.signatures.perSecond),
      cpuMicrosPerSignature: Math.round(s.signatures.cpuMicrosPerSignature),
      ceilingOnAllCores: Math.round((availableParallelism() * 1e6) / s.signatures.cpuMicrosPerSignature),
      invalid: s.signatures.invalid,
      inThreadSignaturesPerSecond: Math.round(s.signatures.inThread.perSecond),
    },
    stages: { getLogsSeconds: round(s.getLogsSeconds), parseSeconds: round(s.parseSeconds) },
    setup: {
      invalidEvery: INVALID_EVERY,
      batchDepositSize: BATCH,
      logsBlockRange: LOGS_RANGE,
      machineCores: availableParallelism(),
      benchmarkSeconds: Math.round(totalSeconds),
    },
  };
  mkdirSync(path.join(here, "results"), { recursive: true });
  writeFileSync(path.join(here, "results", "follower.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote bench/results/follower.json`);
}

if (!isMainThread && (workerData as { generator?: boolean } | null)?.generator) {
  parentPort!.on("message", ({ start, end }: { start: number; end: number }) => {
    const slice = generateSlice(start, end);
    parentPort!.postMessage(slice, [slice.buffer as ArrayBuffer]);
  });
} else if (process.argv.includes("--sync")) {
  await runSync(process.argv[process.argv.indexOf("--sync") + 1] as Scenario);
} else if (process.argv.includes("--chain")) {
  await runChain(process.argv[process.argv.indexOf("--chain") + 1] as Scenario);
} else await runBenchmark();
