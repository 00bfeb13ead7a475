// Deposit data on every core: a pool of worker threads, each deriving keys (EIP-2333) and signing deposits (blst)
// for a range of validator indices. Ranges are handed out as workers become free, so a busy core does not hold
// the others back. Results are in index order and identical to generateDepositData's.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { DepositError, type DepositErrorCode } from "./errors.js";
import type { GenerateDepositDataInput, GeneratedValidator } from "./generateDepositData.js";

export type DepositDataPoolInput = Omit<GenerateDepositDataInput, "bls">;

export interface DepositDataJob {
  /** The generate() call this job belongs to: replies of an abandoned call are ignored. */
  call: number;
  id: number;
  input: DepositDataPoolInput;
}

export type DepositDataReply =
  | { call: number; id: number; validators: GeneratedValidator[] }
  | { call: number; id: number; error: { code?: string; message: string } };

/** Validators per job: large enough to amortise messaging, small enough to balance a shared machine. */
const CHUNK = 32;

function startWorker(): Worker {
  const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
  const url = new URL(`./depositDataWorker.node.${ext}`, import.meta.url);
  if (ext === "js") return new Worker(url);
  // Running from TypeScript sources (tsx): register tsx's loader inside the worker first. The specifier is
  // resolved here, because an eval'd worker would resolve bare specifiers from the current directory.
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

export class DepositDataPool {
  private calls = 0;
  /** generate() calls run one after the other: each one uses every worker. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly workers: Worker[]) {}

  /** Starts `size` workers (default: one per core) and waits until each has loaded BLS. */
  static async start(size = availableParallelism()): Promise<DepositDataPool> {
    const workers = Array.from({ length: Math.max(1, size) }, startWorker);
    try {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              worker.once("message", () => resolve());
              worker.once("error", reject);
            }),
        ),
      );
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    return new DepositDataPool(workers);
  }

  /** Same result as generateDepositData(input), computed on every worker. */
  generate(
    input: DepositDataPoolInput,
    onProgress?: (done: number, total: number) => void,
  ): Promise<GeneratedValidator[]> {
    const run = this.queue.then(() => this.run(input, onProgress));
    this.queue = run.catch(() => {});
    return run;
  }

  private async run(
    input: DepositDataPoolInput,
    onProgress?: (done: number, total: number) => void,
  ): Promise<GeneratedValidator[]> {
    const { startIndex, count } = input;
    const call = ++this.calls;
    const jobs: DepositDataJob[] = [];
    for (let offset = 0; offset < count; offset += CHUNK) {
      jobs.push({
        call,
        id: jobs.length,
        input: { ...input, startIndex: startIndex + offset, count: Math.min(CHUNK, count - offset) },
      });
    }
    const results: GeneratedValidator[][] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    await new Promise<void>((resolve, reject) => {
      if (jobs.length === 0) resolve();
      const cleanups: (() => void)[] = [];
      const finish = (error?: Error) => {
        for (const cleanup of cleanups) cleanup();
        if (error) reject(error);
        else resolve();
      };
      for (const worker of this.workers) {
        const onMessage = (reply: DepositDataReply) => {
          if (reply.call !== call) return;
          if ("error" in reply) {
            finish(new DepositError((reply.error.code as DepositErrorCode) ?? "BAD_KEY", reply.error.message));
            return;
          }
          results[reply.id] = reply.validators;
          done += reply.validators.length;
          onProgress?.(done, count);
          if (done === count) finish();
          else if (next < jobs.length) worker.postMessage(jobs[next++]);
        };
        const onError = (error: Error) => finish(error);
        worker.on("message", onMessage);
        worker.on("error", onError);
        cleanups.push(() => {
          worker.off("message", onMessage);
          worker.off("error", onError);
        });
        if (next < jobs.length) worker.postMessage(jobs[next++]);
      }
    });
    return results.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** One-shot: start a pool, generate, stop it. Keep a DepositDataPool for repeated use (start-up costs ~0.1-1 s). */
export async function generateDepositDataParallel(
  input: DepositDataPoolInput,
  options: { workers?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<GeneratedValidator[]> {
  const pool = await DepositDataPool.start(options.workers);
  try {
    return await pool.generate(input, options.onProgress);
  } finally {
    await pool.close();
  }
}
