// `npm run bench:engine -- --vs lodestar [--validators N]`: the project's engine and Lodestar 1.22.0 side by side on
// the same SSZ pre-state (mainnet preset, N active validators, full participation, last slot of an epoch). The state
// is built and serialized once; each engine runs in its own child process from those bytes, the engines taking turns
// round by round (a fresh child per engine and round). Prints the table with ratios and whether every post-state root
// is equal, and adds `vsLodestar` and `blockImportMs` to bench/results/engine.json.
// Env: ROUNDS (default 3), RUNS (timed runs per child; 3 up to 262,144 validators, else 1), WARMUP (warm-up runs per
// child; 2, else 1), MAX_OLD_SPACE_MB (16384), SETTLE_MS (each child's pause after a forced collection before timed
// work, so that the collector's concurrent sweeping does not overlap it; 1000).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { writeBenchResults } from "../../writeBenchResults.js";
import type { FullBlockMeasurement } from "./fullBlock.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "../../..");
const LODESTAR_SPEC = path.join(HERE, "../lodestar");
const LODESTAR_DIR = path.join(REPO, "bench/.cache/lodestar-1.22.0");
const WORK_DIR = path.join(REPO, "bench/.cache/engine-vs-lodestar");
const NODE = process.execPath; // the project's pinned Node 22 (npm puts node_modules/.bin first on PATH)

/** Lodestar 1.22.0 (+ config, params, types, utils 1.22.0) from its lockfile, into a git-ignored folder, once. */
export function ensureLodestar(): void {
  const lock = path.join(LODESTAR_SPEC, "package-lock.json");
  const installed = path.join(LODESTAR_DIR, "node_modules/@lodestar/state-transition/package.json");
  const sameLock =
    existsSync(path.join(LODESTAR_DIR, "package-lock.json")) &&
    readFileSync(path.join(LODESTAR_DIR, "package-lock.json"), "utf8") === readFileSync(lock, "utf8");
  if (!sameLock || !existsSync(installed)) {
    console.error(`installing Lodestar 1.22.0 into ${path.relative(REPO, LODESTAR_DIR)} (npm ci, once)...`);
    mkdirSync(LODESTAR_DIR, { recursive: true });
    copyFileSync(path.join(LODESTAR_SPEC, "package.json"), path.join(LODESTAR_DIR, "package.json"));
    copyFileSync(lock, path.join(LODESTAR_DIR, "package-lock.json"));
    const bin = path.join(REPO, "node_modules/.bin");
    const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: LODESTAR_DIR,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
    if (r.status !== 0) throw new Error(`npm ci of Lodestar 1.22.0 failed (exit ${r.status})`);
  }
  copyFileSync(path.join(LODESTAR_SPEC, "lodestarChild.mjs"), path.join(LODESTAR_DIR, "lodestarChild.mjs"));
}

interface RunResult {
  copyMs: number;
  emptySlotMs: number;
  processEpochMs: number;
  processSlotsMs: number;
  postRootMs: number;
  shufflingMs: number;
  epochMs: number;
  postRoot: string;
  roots: string[];
  preUnchanged: boolean;
}

/** A child that loads its engine and the pre-state, then answers one command per line. */
class Child {
  private readonly proc: ChildProcess;
  private readonly waiting: { resolve(x: unknown): void; reject(e: Error): void }[] = [];
  private exit?: Error;
  constructor(
    readonly label: string,
    args: string[],
    cwd: string,
  ) {
    this.proc = spawn(NODE, args, { cwd, stdio: ["pipe", "pipe", "inherit"] });
    this.proc.on("exit", (code, signal) => {
      this.exit = new Error(`${label} child exited (code ${code}, signal ${signal})`);
      for (const w of this.waiting.splice(0)) w.reject(this.exit);
    });
    createInterface({ input: this.proc.stdout! }).on("line", (line) => {
      if (line === "READY") this.waiting.shift()?.resolve(null);
      else if (line.startsWith("RESULT ")) this.waiting.shift()?.resolve(JSON.parse(line.slice(7)));
      else console.error(`  [${label}] ${line}`);
    });
  }
  next<T>(): Promise<T> {
    if (this.exit) return Promise.reject(this.exit);
    return new Promise((resolve, reject) => this.waiting.push({ resolve: resolve as (x: unknown) => void, reject }));
  }
  cmd<T>(command: string): Promise<T> {
    const answer = this.next<T>();
    this.proc.stdin!.write(`${command}\n`);
    return answer;
  }
}

/** One key of bench/results/engine.json as written before (results of other sizes are kept). */
export async function previousResults(key: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(readFileSync(path.join(REPO, "bench/results/engine.json"), "utf8"))[key] ?? {};
  } catch {
    return {};
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function compareWithLodestar(n: number): Promise<void> {
  const rounds = Number(process.env.ROUNDS ?? 3);
  const runs = Number(process.env.RUNS ?? (n <= 262144 ? 3 : 1));
  const warmup = Number(process.env.WARMUP ?? (n <= 262144 ? 2 : 1));
  const heap = `--max-old-space-size=${Number(process.env.MAX_OLD_SPACE_MB ?? 16384)}`;
  ensureLodestar();
  mkdirSync(WORK_DIR, { recursive: true });
  const load0 = loadavg()[0];
  console.error(`building the pre-state (N=${n}, mainnet preset) with the project's engine...`);
  const ours = path.join(HERE, "oursChild.ts");
  const built = spawnSync(NODE, [heap, "--import", "tsx", ours, "build", String(n), WORK_DIR], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`building the state failed (exit ${built.status}): ${built.stdout}`);
  console.error(`  ${built.stdout.trim()}`);
  const meta = JSON.parse(readFileSync(path.join(WORK_DIR, `meta-${n}.json`), "utf8"));

  const engines = {
    ours: () => new Child("ours", ["--expose-gc", heap, "--import", "tsx", ours, "serve", WORK_DIR, String(n)], REPO),
    lodestar: () =>
      new Child("lodestar", ["--expose-gc", heap, "lodestarChild.mjs", WORK_DIR, String(n)], LODESTAR_DIR),
  };
  type Engine = keyof typeof engines;
  const timed: Record<Engine, RunResult[]> = { ours: [], lodestar: [] };
  const peak: Record<Engine, number> = { ours: 0, lodestar: 0 };
  const info: Record<string, unknown> = {};
  const loads: number[] = [load0];
  for (let round = 0; round < rounds; round++) {
    const order: Engine[] = round % 2 === 0 ? ["ours", "lodestar"] : ["lodestar", "ours"];
    for (const engine of order) {
      console.error(`round ${round + 1}/${rounds}: ${engine} (load ${loadavg()[0].toFixed(2)})`);
      const child = engines[engine]();
      await child.next();
      for (let i = 0; i < warmup; i++) await child.cmd("run");
      for (let i = 0; i < runs; i++) {
        const r = await child.cmd<RunResult>("run");
        timed[engine].push(r);
        console.error(
          `  ${engine}: copy ${r.copyMs.toFixed(2)} ms, empty slot ${r.emptySlotMs.toFixed(2)} ms, epoch ${r.epochMs.toFixed(0)} ms`,
        );
      }
      const end = await child.cmd<{ peakRssMiB: number }>("end");
      info[engine] = end;
      peak[engine] = Math.max(peak[engine], end.peakRssMiB);
      loads.push(loadavg()[0]);
    }
  }

  console.error(`a full block through stateTransition (ours; load ${loadavg()[0].toFixed(2)})...`);
  const blockRun = spawnSync(NODE, [heap, "--import", "tsx", ours, "block", WORK_DIR, String(n)], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const blockLine = blockRun.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (blockRun.status !== 0 || !blockLine) throw new Error(`full-block child failed (exit ${blockRun.status})`);
  const block = JSON.parse(blockLine.slice(7)) as FullBlockMeasurement;
  loads.push(loadavg()[0]);

  const m = (engine: Engine, pick: (r: RunResult) => number) => median(timed[engine].map(pick));
  const roots = new Set([...timed.ours, ...timed.lodestar].flatMap((r) => [r.postRoot, ...r.roots]));
  const rootsEqual = roots.size === 1;
  const preUnchanged = timed.ours.every((r) => r.preUnchanged);
  const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(0));
  const rows: [string, number, number][] = [
    ["state copy before a block/slot transition", m("ours", (r) => r.copyMs), m("lodestar", (r) => r.copyMs)],
    [
      "process_slot of an empty slot (+ state root)",
      m("ours", (r) => r.emptySlotMs),
      m("lodestar", (r) => r.emptySlotMs),
    ],
    ["process_epoch alone", m("ours", (r) => r.processEpochMs), m("lodestar", (r) => r.processEpochMs)],
    [
      "processSlots over the epoch boundary",
      m("ours", (r) => r.processSlotsMs),
      m("lodestar", (r) => r.processSlotsMs),
    ],
    [
      "  + post-state root",
      m("ours", (r) => r.processSlotsMs + r.postRootMs),
      m("lodestar", (r) => r.processSlotsMs + r.postRootMs),
    ],
    [
      "  + next epoch's committees (Lodestar: inside)",
      m("ours", (r) => r.processSlotsMs + r.postRootMs + r.shufflingMs),
      m("lodestar", (r) => r.processSlotsMs + r.postRootMs),
    ],
    ["per epoch: copy + all of the above", m("ours", (r) => r.epochMs), m("lodestar", (r) => r.epochMs)],
  ];
  const head = ["", "ours", "Lodestar 1.22.0", "ours/Lodestar"];
  const body = rows.map(([label, a, b]) => [label, fmt(a), fmt(b), (a / b).toFixed(2)]);
  body.push([
    "peak RSS MiB",
    String(Math.round(peak.ours)),
    String(Math.round(peak.lodestar)),
    (peak.ours / peak.lodestar).toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[0]) : c.padStart(widths[i]))).join(" | ");
  console.log(
    `N = ${n.toLocaleString("en-US")} validators, mainnet preset, full participation, pre-state at slot ${meta.slot} ` +
      `(last of epoch ${meta.epoch}); ${process.version}; ${cpus().length} x ${cpus()[0]?.model ?? "?"}; ` +
      `load ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} (shared machine)`,
  );
  console.log(
    `medians (ms) of ${rounds} rounds x ${runs} timed runs per engine, each child after ${warmup} warm-up runs; ` +
      "the copy and empty-slot rows: each run's median of 21 repetitions (Lodestar: clone(true), O(1) as clone()); " +
      `each timed part after a forced GC and a ${process.env.SETTLE_MS ?? 1000} ms pause`,
  );
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of body) console.log(line(r));
  console.log(
    `post-state roots equal: ${rootsEqual ? `yes (${[...roots][0]})` : `NO: ${[...roots].join(" ")}`}; ` +
      `ours' pre-state unchanged by its copies' transitions: ${preUnchanged ? "yes" : "NO"}`,
  );

  console.log(
    `full block (${block.attestations} aggregates of ${block.attesters} attesters, ${block.deposits} deposits, ` +
      `${block.voluntaryExits} exits) through stateTransition incl. copy and post-state root: ` +
      `${fmt(block.noSignatures)} ms without signature checks, ${fmt(block.withSignatures)} ms with (one batch; ` +
      `the signature batches alone: ${fmt(block.signatureBatch)} ms)`,
  );

  const oursMs = m("ours", (r) => r.epochMs);
  const lodestarMs = m("lodestar", (r) => r.epochMs);
  await writeBenchResults("engine", {
    vsLodestar: {
      ...(await previousResults("vsLodestar")),
      [n]: {
        oursMs,
        lodestarMs,
        ratio: oursMs / lodestarMs,
        copyMs: m("ours", (r) => r.copyMs),
        emptySlotMs: m("ours", (r) => r.emptySlotMs),
        peakRssMiB: peak.ours,
        lodestarPeakRssMiB: peak.lodestar,
        lodestarCopyMs: m("lodestar", (r) => r.copyMs),
        lodestarEmptySlotMs: m("lodestar", (r) => r.emptySlotMs),
        processEpochMs: { ours: m("ours", (r) => r.processEpochMs), lodestar: m("lodestar", (r) => r.processEpochMs) },
        postRootsEqual: rootsEqual,
        postRoot: [...roots][0],
        loadAverage: [Math.min(...loads), Math.max(...loads)],
        settleMs: Number(process.env.SETTLE_MS ?? 1000),
      },
    },
    blockImportMs: {
      ...(await previousResults("blockImportMs")),
      [n]: {
        noSignatures: block.noSignatures,
        withSignatures: block.withSignatures,
        signatureBatch: block.signatureBatch,
        attestations: block.attestations,
        attesters: block.attesters,
        deposits: block.deposits,
        voluntaryExits: block.voluntaryExits,
        runs: block.runs,
      },
    },
  });
  if (!rootsEqual || !preUnchanged) process.exitCode = 1;
}
