// Signature batches of range sync off the main thread: worker threads (blsVerifierWorker.ts) verify the batches a
// chain segment hands over while the main thread runs the next blocks' state transitions; batches still queued when
// the main thread has nothing else to do are verified by it (verifyQueuedHere), so both cores work on the segment.
// @chainsafe/blst 2.x has no asynchronous batch verification, hence threads of our own. Workers keep the process
// alive only while they have work; a worker that fails answers "not verified" (the caller then checks each block on
// its own) and is not replaced: with none left, batches are verified on the calling thread.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  type AggregateSignatureSet,
  verifyAggregateSignatureSets,
} from "../../state-transition/crypto/verifyAggregateSignatureSets.js";
import type { SignatureSetsVerifier } from "./chainService.js";
import { packSignatureSets, type SignatureSetsJob, type SignatureSetsReply } from "./signatureSetsJob.js";

/** Sets per batch handed over: ~10 blocks of a small network; the cost per set is within ~15% of a 192-set batch. */
export const BLS_POOL_BATCH_SETS = 32;
/** Batches posted to a worker before it answers: it starts the next one while the main thread is busy. */
const IN_FLIGHT_PER_WORKER = 2;

interface Queued {
  sets: AggregateSignatureSet[];
  resolve(valid: boolean): void;
}

interface PoolWorker {
  worker: Worker;
  inFlight: Map<number, Queued>;
  dead: boolean;
}

/** The worker's module next to this one: TypeScript sources under tsx, compiled JavaScript otherwise. */
const WORKER_MODULE = new URL(`./blsVerifierWorker.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`, import.meta.url);

function startWorker(url: URL): Promise<Worker> {
  let worker: Worker;
  if (!url.pathname.endsWith(".ts")) worker = new Worker(url);
  else {
    // From TypeScript sources (tsx) the worker registers tsx's loader first (as DepositSignaturePool's workers do).
    const tsx = import.meta.resolve("tsx/esm/api");
    const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
    worker = new Worker(bootstrap, { eval: true });
  }
  return new Promise((resolve, reject) => {
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the BLS worker exited (code ${code}) before it was ready`)));
  });
}

export class BlsVerifierPool implements SignatureSetsVerifier {
  readonly batchSets = BLS_POOL_BATCH_SETS;
  private readonly queue: Queued[] = [];
  private nextId = 0;
  private closed = false;

  private constructor(private readonly workers: PoolWorker[]) {
    for (const w of workers) this.attach(w);
  }

  /**
   * Starts `workers` threads (default: one per core but one, at least one) and waits until each has loaded blst.
   * `workerModule`: another worker module speaking the same messages (tests: one that dies on its first job).
   */
  static async start(options: { workers?: number; workerModule?: URL } = {}): Promise<BlsVerifierPool> {
    const size = Math.max(1, options.workers ?? availableParallelism() - 1);
    const module = options.workerModule ?? WORKER_MODULE;
    const started = await Promise.allSettled(Array.from({ length: size }, () => startWorker(module)));
    const workers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    return new BlsVerifierPool(workers.map((worker) => ({ worker, inFlight: new Map(), dead: false })));
  }

  /** Live worker threads. */
  get size(): number {
    return this.workers.filter((w) => !w.dead).length;
  }

  /** True only if every set holds; queued for a worker (on this thread when there is none). */
  verify(sets: AggregateSignatureSet[]): Promise<boolean> {
    if (this.closed || this.size === 0) return Promise.resolve(verifyAggregateSignatureSets(sets));
    return new Promise((resolve) => {
      this.queue.push({ sets, resolve });
      this.dispatch();
    });
  }

  /** Verifies one queued batch (the newest: workers take the oldest) on this thread; false when none is queued. */
  verifyOneHere(): boolean {
    const job = this.queue.pop();
    if (!job) return false;
    job.resolve(verifyAggregateSignatureSets(job.sets));
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.verifyOneHere());
    for (const w of this.workers) this.fail(w);
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private dispatch(): void {
    for (const w of this.workers) {
      while (!w.dead && w.inFlight.size < IN_FLIGHT_PER_WORKER && this.queue.length > 0) {
        const job = this.queue.shift()!;
        let packed: Uint8Array;
        try {
          packed = packSignatureSets(job.sets);
        } catch {
          job.resolve(false); // a malformed set: the caller checks each block on its own
          continue;
        }
        const id = this.nextId++;
        w.inFlight.set(id, job);
        w.worker.ref();
        const message: SignatureSetsJob = { id, sets: packed };
        w.worker.postMessage(message, [packed.buffer as ArrayBuffer]);
      }
    }
  }

  private attach(w: PoolWorker): void {
    w.worker.unref();
    w.worker.on("message", (reply: SignatureSetsReply) => {
      const job = w.inFlight.get(reply.id);
      if (!job) return;
      w.inFlight.delete(reply.id);
      if (w.inFlight.size === 0) w.worker.unref();
      job.resolve("valid" in reply && reply.valid);
      this.dispatch();
    });
    w.worker.once("error", () => this.fail(w));
    w.worker.once("exit", () => this.fail(w));
  }

  /** A failed worker answers "not verified" for its batches; what is still queued goes to the others or this thread. */
  private fail(w: PoolWorker): void {
    if (w.dead) return;
    w.dead = true;
    for (const job of w.inFlight.values()) job.resolve(false);
    w.inFlight.clear();
    w.worker.unref();
    if (this.size === 0) while (this.verifyOneHere());
    else this.dispatch();
  }
}
