// Engine benchmark (npm run bench:engine): process_epoch and hash_tree_root(state) under the btc20 preset at 16k, 100k
// and 1M validators with full participation. Each size runs in its own child process so its peak RSS is clean.
// Prints a table and writes bench/results/engine.json. Env ENGINE_BENCH_SIZES="16000,100000" overrides the sizes.
//   npm run bench:engine -- --vs lodestar [--validators N]: side by side with Lodestar 1.22.0 on one state
//   (bench/engine/vsLodestar/compare.ts; default N = 1,000,000).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type EngineMeasurement, measureEngine } from "./engine/measureEngine.js";
import { compareWithLodestar } from "./engine/vsLodestar/compare.js";
import { writeBenchResults } from "./writeBenchResults.js";

const SIZES = (process.env.ENGINE_BENCH_SIZES ?? "16000,100000,1000000").split(",").map(Number);

function runChild(size: number): EngineMeasurement {
  const result = spawnSync(
    process.execPath,
    ["--max-old-space-size=20000", "--import", "tsx", fileURLToPath(import.meta.url), "--child", String(size)],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 },
  );
  const line = result.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (result.status !== 0 || !line) {
    throw new Error(`benchmark child for ${size} validators failed (exit ${result.status}):\n${result.stdout}`);
  }
  return JSON.parse(line.slice("RESULT ".length)) as EngineMeasurement;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

async function main(): Promise<void> {
  const rows: EngineMeasurement[] = [];
  for (const size of SIZES) {
    console.error(`measuring ${size} validators...`);
    rows.push(runChild(size));
  }
  const header = [
    "validators",
    "build s",
    "shuffle ms",
    "processEpoch ms",
    "root full ms",
    "tree build ms",
    "root slot ms",
    "root epoch ms",
    "block ms (no sig)",
    "peak RSS MiB",
    "load",
  ];
  const table = rows.map((r) => [
    String(r.validators),
    (r.buildMs / 1000).toFixed(1),
    fmt(r.shufflingMs),
    fmt(r.processEpochMs),
    fmt(r.stateRootFullMs),
    fmt(r.treeBuildMs),
    fmt(r.stateRootSlotMs),
    fmt(r.stateRootEpochMs),
    `${fmt(r.blockMs)} (${fmt(r.blockNoSignaturesMs)})`,
    String(Math.round(r.peakRssMiB)),
    r.loadAverage.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join(" | ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const row of table) console.log(line(row));
  console.log(
    "Lodestar, measured side by side on the same state: npm run bench:engine -- --vs lodestar [--validators N].",
  );

  console.log(
    "root full = hash_tree_root of the plain state value through its SSZ type, from scratch; tree build = first " +
      "hashBeaconState (builds the tree-backed mirror); root slot / root epoch = hashBeaconState after one " +
      "full-attestation block / after an epoch transition (only changed leaves rehashed). block = processBlock with " +
      "MAX_ATTESTATIONS full aggregates, signatures verified (in parentheses: without signature checks). " +
      "load = 1-min load average (2 shared cores: timings are noisy).",
  );

  const keyed = (pick: (r: EngineMeasurement) => number | number[]) =>
    Object.fromEntries(rows.map((r) => [String(r.validators), pick(r)]));
  const json = {
    preset: "btc20",
    participation: "full",
    processEpochMs: keyed((r) => r.processEpochMs),
    processEpochRunsMs: keyed((r) => r.processEpochRunsMs),
    stateRootMs: keyed((r) => r.stateRootFullMs),
    stateRootIncrementalSlotMs: keyed((r) => r.stateRootSlotMs),
    stateRootIncrementalEpochMs: keyed((r) => r.stateRootEpochMs),
    treeBuildMs: keyed((r) => r.treeBuildMs),
    shufflingMs: keyed((r) => r.shufflingMs),
    blockMs: keyed((r) => r.blockMs),
    blockNoSignaturesMs: keyed((r) => r.blockNoSignaturesMs),
    blockAttestations: keyed((r) => r.blockAttestations),
    blockAttesters: keyed((r) => r.blockAttesters),
    buildMs: keyed((r) => r.buildMs),
    peakRssMiB: keyed((r) => r.peakRssMiB),
    loadAverage: keyed((r) => r.loadAverage),
    machine: { cpus: rows[0]?.cpus, node: process.version },
  };
  await writeBenchResults("engine", json);
  console.log("wrote bench/results/engine.json");
}

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(
    "usage: npm run bench:engine [-- --vs lodestar [--validators N]]\n" +
      "  (no option)   process_epoch, state roots and a full-attestation block at ENGINE_BENCH_SIZES (16000,100000,1000000)\n" +
      "  --vs lodestar side by side with Lodestar 1.22.0 (installed on demand into bench/.cache/) on one mainnet-preset\n" +
      "                state of N active validators (default 1000000); env ROUNDS, RUNS, WARMUP, MAX_OLD_SPACE_MB",
  );
} else if (argv[0] === "--child") {
  const result = measureEngine(Number(argv[1]));
  console.log(`RESULT ${JSON.stringify(result)}`);
} else if (option("--vs") !== undefined) {
  if (option("--vs") !== "lodestar") throw new Error(`--vs ${option("--vs")}: only "lodestar" is supported`);
  const n = Number(option("--validators") ?? 1_000_000);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--validators must be a positive integer, got ${option("--validators")}`);
  await compareWithLodestar(n);
} else {
  await main();
}
