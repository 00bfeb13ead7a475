// Proof-of-possession checks on every core: a small pool of worker threads (depositSignatureWorker.ts), each
// verifying chunks of deposits in randomised batches. Chunks are queued first in, first out and handed to whichever
// worker is free, so several verify() calls (the current batch, the next one checked ahead) share the workers in
// order. Workers keep the process alive only while they have work.
// Threads of our own because @chainsafe/blst 2.x verifies batches only on the calling thread: its one async call,
// asyncAggregateWithRandomness, sums keys and signatures over a single message, and deposits all sign different ones.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { DepositDataValue } from "./depositLog.js";
import { packDeposits, type SignatureJob, type SignatureReply } from "./depositSignatureJob.js";
import { type DepositSignatureVerifier, depositDomain, SIGNATURE_BATCH_SIZE } from "./depositSignatures.js";
import { FollowerError } from "./errors.js";

export interface DepositSignaturePoolOptions {
  /** Deposits are signed over the genesis fork version (compute_domain(DOMAIN_DEPOSIT, GENESIS_FORK_VERSION)). */
  genesisForkVersion: Uint8Array;
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
}

/** Deposits per worker message: two batches, so that a failed batch delays little and all workers stay busy. */
const CHUNK = 2 * SIGNATURE_BATCH_SIZE;

interface QueuedJob {
  job: SignatureJob;
  count: number;
  resolve(valid: boolean[]): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  current: QueuedJob | null;
  /** "starting": a replacement is loading; "dead": no replacement could start. */
  state: "ready" | "starting" | "dead";
}

function startWorker(domain: Uint8Array): Promise<Worker> {
  const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
  const url = new URL(`./depositSignatureWorker.${ext}`, import.meta.url);
  let worker: Worker;
  if (ext === "js") worker = new Worker(url, { workerData: { domain } });
  else {
    // From TypeScript sources (tsx) the worker registers tsx's loader first. The specifier is resolved here: an
    // eval'd worker would resolve it from the current directory.
    const tsx = import.meta.resolve("tsx/esm/api");
    const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
    worker = new Worker(bootstrap, { eval: true, workerData: { domain } });
  }
  return new Promise((resolve, reject) => {
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
  });
}

export class DepositSignaturePool implements DepositSignatureVerifier {
  private readonly queue: QueuedJob[] = [];
  private nextId = 0;
  private closed = false;

  private constructor(
    private readonly domain: Uint8Array,
    private readonly workers: PoolWorker[],
  ) {
    for (const w of workers) this.attach(w);
  }

  /** Starts the workers (default one per core) and waits until each has loaded blst. */
  static async start(options: DepositSignaturePoolOptions): Promise<DepositSignaturePool> {
    const domain = depositDomain(options.genesisForkVersion);
    const size = Math.max(1, options.workers ?? availableParallelism());
    const started = await Promise.allSettled(Array.from({ length: size }, () => startWorker(domain)));
    const workers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failed = started.find((s) => s.status === "rejected");
    if (failed) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw new FollowerError("SIGNATURE_WORKER_FAILED", "a signature worker did not start", {
        cause: failed.reason,
      });
    }
    return new DepositSignaturePool(
      domain,
      workers.map((worker) => ({ worker, current: null, state: "ready" as const })),
    );
  }

  get size(): number {
    return this.workers.length;
  }

  /** Whether each deposit's proof of possession is valid, in the order given. */
  async verify(deposits: readonly DepositDataValue[]): Promise<boolean[]> {
    if (this.closed) throw new FollowerError("SIGNATURE_WORKER_FAILED", "the signature pool is closed");
    if (this.workers.every((w) => w.state === "dead"))
      throw new FollowerError("SIGNATURE_WORKER_FAILED", "no signature worker can start");
    // Everything is packed (and so checked) before anything is queued: bad input queues nothing.
    const packed: { deposits: Uint8Array; count: number }[] = [];
    for (let start = 0; start < deposits.length; start += CHUNK) {
      const part = deposits.slice(start, start + CHUNK);
      packed.push({ deposits: packDeposits(part), count: part.length });
    }
    const chunks = packed.map(
      ({ deposits: bytes, count }) =>
        new Promise<boolean[]>((resolve, reject) =>
          this.queue.push({ job: { id: this.nextId++, deposits: bytes }, count, resolve, reject }),
        ),
    );
    this.dispatch();
    return (await Promise.all(chunks)).flat();
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new FollowerError("SIGNATURE_WORKER_FAILED", "the signature pool was closed");
    for (const queued of this.queue.splice(0)) queued.reject(error);
    for (const w of this.workers) w.current?.reject(error);
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private dispatch(): void {
    for (const w of this.workers) {
      if (w.state !== "ready" || w.current !== null || this.queue.length === 0) continue;
      w.current = this.queue.shift()!;
      w.worker.ref();
      w.worker.postMessage(w.current.job, [w.current.job.deposits.buffer as ArrayBuffer]);
    }
  }

  private attach(w: PoolWorker): void {
    w.worker.unref();
    w.worker.on("message", (reply: SignatureReply) => {
      const job = w.current;
      if (job === null || reply.id !== job.job.id) return;
      w.current = null;
      w.worker.unref();
      if ("error" in reply) job.reject(new FollowerError("SIGNATURE_WORKER_FAILED", reply.error));
      else if (reply.valid.length !== job.count)
        job.reject(
          new FollowerError("SIGNATURE_WORKER_FAILED", `worker answered ${reply.valid.length} of ${job.count}`),
        );
      else job.resolve(reply.valid);
      this.dispatch();
    });
    // A crashed worker fails its chunk (the follower step fails and is retried) and is replaced.
    w.worker.once("error", (error) => this.replace(w, error));
    w.worker.once("exit", (code) => {
      if (!this.closed) this.replace(w, new Error(`worker exited with code ${code}`));
    });
  }

  private replace(w: PoolWorker, cause: unknown): void {
    if (this.closed || w.state !== "ready") return;
    w.state = "starting";
    const job = w.current;
    w.current = null;
    w.worker.removeAllListeners();
    void w.worker.terminate();
    job?.reject(new FollowerError("SIGNATURE_WORKER_FAILED", "a signature worker failed", { cause }));
    startWorker(this.domain).then(
      (worker) => {
        if (this.closed) {
          void worker.terminate();
          return;
        }
        w.worker = worker;
        w.state = "ready";
        this.attach(w);
        this.dispatch();
      },
      () => {
        w.state = "dead";
        if (this.workers.every((x) => x.state === "dead")) {
          const error = new FollowerError("SIGNATURE_WORKER_FAILED", "no signature worker can start", { cause });
          for (const queued of this.queue.splice(0)) queued.reject(error);
        }
      },
    );
  }
}
