// Keystore benchmark (issue 3, "Performance"): N EIP-2335 keystores with scrypt n=2^18, r=8, p=1 and a fresh
// salt each, on the worker pool, against the physical limit measured in the same run:
//   limit = (time of one scrypt n=2^18 on one core) x N / cores.
// The machine is shared, so the single-scrypt time is the median of samples spread through the run: two before,
// one after each of the 8 batches (the pool idle, the clock stopped), so the limit sees the same background load
// as the work. Worker start-up is inside the measured time. Called by bench/sdk.ts; runnable alone:
//   tsx bench/sdk-keystores.ts            (N = 1000; BENCH_KEYSTORES=100 for a quicker look, scaled to 1000)
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { deriveChildSecretKey, deriveMasterSecretKey, signingKeyPath } from "../sdk/keys/index.js";
import { DEFAULT_SCRYPT } from "../sdk/keys/keystore/kdfParams.js";
import { scryptNode } from "../sdk/keys/keystore/scrypt.node.js";
import type { Keystore } from "../sdk/keys/keystore/types.js";
import { type KeystoreJob, KeystorePool } from "../sdk/node/keystorePool.js";
import { writeBenchResults } from "./writeBenchResults.js";

export interface KeystoreBenchResult {
  /** Seconds for 1,000 keystores (measured for `keystoreCount`, scaled linearly to 1,000). */
  keystoreSeconds1000: number;
  /** One scrypt (median of the samples) x 1,000 / cores. */
  keystoreLimitSeconds1000: number;
  /** keystoreSeconds1000 / keystoreLimitSeconds1000; target <= 1.15. */
  keystoreRatioToLimit: number;
  keystoreCount: number;
  keystoreCores: number;
  keystoreScryptMedianSeconds: number;
  keystoreScryptMinSeconds: number;
  keystoresPerSecond: number;
  /**
   * Context for a shared machine: bare scrypt run on every core at once in the same run (median round x 1,000 /
   * cores). What keystoreSeconds1000 exceeds this by is the pool's own overhead; what this exceeds the limit by is
   * contention (other processes, memory bandwidth).
   */
  keystoreParallelScryptSeconds1000: number;
  /** 1-minute load average when the run started and ended (cores = keystoreCores). */
  keystoreLoadAverage: [number, number];
  /**
   * CPU seconds (user + system, all threads of this process) spent on 1,000 keystores, and the CPU seconds of
   * 1,000 bare scrypts (median single-scrypt CPU time x 1,000). CPU time does not grow when other processes take
   * the cores, so their ratio is the pool's own overhead even on a busy machine.
   */
  keystoreCpuSeconds1000: number;
  keystoreLimitCpuSeconds1000: number;
  keystoreCpuRatioToLimit: number;
}

const SCRYPT = { n: DEFAULT_SCRYPT.n, r: DEFAULT_SCRYPT.r, p: DEFAULT_SCRYPT.p, dklen: DEFAULT_SCRYPT.dklen };

async function timeOneScrypt(): Promise<number> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const start = performance.now();
  await scryptNode(new TextEncoder().encode("benchmark password"), salt, SCRYPT);
  return (performance.now() - start) / 1000;
}

/** CPU seconds this process has used so far (every thread, user + system). */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Wall and CPU seconds of single scrypts run one after another. */
async function sampleScrypt(samples: number): Promise<{ wall: number[]; cpu: number[] }> {
  const out = { wall: [] as number[], cpu: [] as number[] };
  for (let i = 0; i < samples; i++) {
    const cpuStart = cpuSeconds();
    out.wall.push(await timeOneScrypt());
    out.cpu.push(cpuSeconds() - cpuStart);
  }
  return out;
}

/** Seconds for one round of `cores` scrypts started together. */
async function sampleParallelScrypt(cores: number, rounds: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await Promise.all(Array.from({ length: cores }, () => timeOneScrypt()));
    out.push((performance.now() - start) / 1000);
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Validator signing keys m/12381/3600/i/0/0 from a fixed seed (derivation is not part of the timing). */
function signingKeys(count: number): KeystoreJob[] {
  const account = [12381, 3600].reduce(deriveChildSecretKey, deriveMasterSecretKey(new Uint8Array(32).fill(1)));
  return Array.from({ length: count }, (_, i) => ({
    secretKey: deriveChildSecretKey(deriveChildSecretKey(deriveChildSecretKey(account, i), 0), 0),
    path: signingKeyPath(3600, i),
  }));
}

/** Runs `work`, returning its result with the wall and process-CPU seconds it took. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpuStart = cpuSeconds();
  const start = performance.now();
  const value = await work();
  return { value, wall: (performance.now() - start) / 1000, cpu: cpuSeconds() - cpuStart };
}

export async function benchKeystores(
  options: { count?: number; batches?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<KeystoreBenchResult> {
  const count = options.count ?? Number(process.env.BENCH_KEYSTORES ?? 1000);
  const batches = Math.max(1, Math.min(options.batches ?? 8, count));
  const cores = availableParallelism();
  const jobs = signingKeys(count);

  const loadStart = loadavg()[0];
  await timeOneScrypt(); // warm-up (allocator, thread pool)
  const samples = await sampleScrypt(2);
  const parallel = await sampleParallelScrypt(cores, 1);

  // The clock runs while the pool starts and while it encrypts; it stops between batches, when the pool is idle
  // and one single scrypt is timed, so the limit is sampled under the same background load as the work.
  let wall = 0;
  let cpu = 0;
  const started = await timed(async () => KeystorePool.start("benchmark password", { workers: cores }));
  const pool = started.value;
  wall += started.wall;
  cpu += started.cpu;
  const keystores: Keystore[] = [];
  try {
    for (let b = 0; b < batches; b++) {
      const batch = jobs.slice(Math.floor((b * count) / batches), Math.floor(((b + 1) * count) / batches));
      const done = keystores.length;
      const run = await timed(() => pool.encrypt(batch, (n) => options.onProgress?.(done + n, count)));
      keystores.push(...run.value);
      wall += run.wall;
      cpu += run.cpu;
      const sample = await sampleScrypt(1);
      samples.wall.push(...sample.wall);
      samples.cpu.push(...sample.cpu);
    }
  } finally {
    await pool.close();
  }
  parallel.push(...(await sampleParallelScrypt(cores, 1)));
  const loadEnd = loadavg()[0];

  if (keystores.length !== count || new Set(keystores.map((k) => k.crypto.kdf.params.salt)).size !== count) {
    throw new Error("benchmark produced missing keystores or repeated salts");
  }
  const scryptMedian = median(samples.wall);
  const scryptCpuMedian = median(samples.cpu);
  const keystoreCpuSeconds1000 = (cpu * 1000) / count;
  const keystoreSeconds1000 = (wall * 1000) / count;
  const keystoreLimitSeconds1000 = (scryptMedian * 1000) / cores;
  return {
    keystoreSeconds1000: round(keystoreSeconds1000),
    keystoreLimitSeconds1000: round(keystoreLimitSeconds1000),
    keystoreRatioToLimit: round(keystoreSeconds1000 / keystoreLimitSeconds1000, 3),
    keystoreCount: count,
    keystoreCores: cores,
    keystoreScryptMedianSeconds: round(scryptMedian, 4),
    keystoreScryptMinSeconds: round(Math.min(...samples.wall), 4),
    keystoresPerSecond: round(count / wall),
    keystoreParallelScryptSeconds1000: round((median(parallel) * 1000) / cores),
    keystoreLoadAverage: [round(loadStart), round(loadEnd)],
    keystoreCpuSeconds1000: round(keystoreCpuSeconds1000),
    keystoreLimitCpuSeconds1000: round(scryptCpuMedian * 1000),
    keystoreCpuRatioToLimit: round(keystoreCpuSeconds1000 / (scryptCpuMedian * 1000), 3),
  };
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  let lastShown = 0;
  const result = await benchKeystores({
    onProgress: (done, total) => {
      if (done === total || done - lastShown >= total / 10) {
        lastShown = done;
        process.stderr.write(`  keystores ${done}/${total}\n`);
      }
    },
  });
  console.table(
    Object.entries(result).map(([metric, value]) => ({ metric, value: String(value) })),
    ["metric", "value"],
  );
  const verdict = result.keystoreRatioToLimit <= 1.15 ? "within" : "NOT within";
  console.log(`keystores: ${result.keystoreRatioToLimit}x the physical limit (${verdict} the 1.15x target)`);
  console.log(`merged into ${await writeBenchResults("sdk", result)}`);
}
