// Bulk EIP-2335 encryption on every core: a pool of worker threads, each encrypting one keystore at a time
// (scrypt dominates, so one job per worker keeps every core busy without oversubscribing memory). The main
// thread only hands out jobs and collects results, so its event loop stays free.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { parsePath } from "../keys/eip2334.js";
import { KeystoreError } from "../keys/keystore/errors.js";
import { checkKdfParams, kdfModuleFor } from "../keys/keystore/kdfParams.js";
import type { Keystore } from "../keys/keystore/types.js";
import { assertValidSecretKey } from "../keys/secretKey.js";
import type { KeystoreJob, KeystoreWorkerData, SharedKeystoreOptions, WorkerReply } from "./keystorePoolProtocol.js";

export type { KeystoreJob, SharedKeystoreOptions } from "./keystorePoolProtocol.js";

export type ProgressCallback = (done: number, total: number) => void;

export interface KeystorePoolOptions extends SharedKeystoreOptions {
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
}

/** The worker script next to this file: .ts when run from source (tsx), .js when built. */
function workerUrl(): URL {
  const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
  return new URL(`./keystoreWorker.${ext}`, import.meta.url);
}

function startWorker(data: KeystoreWorkerData): Worker {
  const url = workerUrl();
  if (url.pathname.endsWith(".ts")) {
    // From TypeScript sources the worker needs the tsx loader; register it inside the worker, then load the script.
    const bootstrap = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
    return new Worker(bootstrap, { eval: true, workerData: data });
  }
  return new Worker(url, { workerData: data });
}

function checkJobs(jobs: KeystoreJob[]): void {
  jobs.forEach((job, i) => {
    try {
      assertValidSecretKey(job.secretKey);
    } catch {
      throw new KeystoreError("INVALID_SECRET", `job ${i} (${job.path}): not a valid BLS secret key`);
    }
    if (job.path !== "") parsePath(job.path);
  });
}

/**
 * Worker threads that stay up between batches (one password and KDF setting per pool). `createKeystoresInPool`
 * is the one-shot form; keep a pool open to encrypt several batches without restarting the workers.
 */
export class KeystorePool {
  private readonly workers: Worker[];
  private busy = false;
  private closed = false;

  private constructor(workers: Worker[]) {
    this.workers = workers;
  }

  /** Validates the shared options on this thread, then starts the workers. */
  static start(password: string, options: KeystorePoolOptions = {}): KeystorePool {
    const { workers = availableParallelism(), ...shared } = options;
    checkKdfParams(kdfModuleFor(shared.kdf ?? "scrypt", "00".repeat(32)), shared);
    const data: KeystoreWorkerData = { password, options: shared };
    return new KeystorePool(Array.from({ length: Math.max(1, workers) }, () => startWorker(data)));
  }

  /** Encrypts the jobs (results in job order); `onProgress` runs after each keystore. One batch at a time. */
  async encrypt(jobs: KeystoreJob[], onProgress?: ProgressCallback): Promise<Keystore[]> {
    if (this.closed) throw new KeystoreError("WORKER_FAILED", "the keystore pool is closed");
    if (this.busy) throw new KeystoreError("WORKER_FAILED", "the keystore pool is already encrypting a batch");
    checkJobs(jobs); // bad input fails here, before any work is handed out
    const results: Keystore[] = new Array(jobs.length);
    if (jobs.length === 0) return results;
    this.busy = true;
    const detach: (() => void)[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        const feed = (worker: Worker) => {
          if (next < jobs.length) {
            const id = next++;
            worker.postMessage({ id, job: jobs[id] });
          }
        };
        for (const worker of this.workers) {
          const onMessage = (reply: WorkerReply) => {
            if ("error" in reply) {
              const detail = `${reply.error.code ?? "error"}: ${reply.error.message}`;
              reject(new KeystoreError("WORKER_FAILED", `keystore ${reply.id} (${jobs[reply.id].path}): ${detail}`));
              return;
            }
            results[reply.id] = reply.keystore;
            done++;
            onProgress?.(done, jobs.length);
            if (done === jobs.length) resolve();
            else feed(worker);
          };
          const onError = (error: Error) =>
            reject(new KeystoreError("WORKER_FAILED", `keystore worker crashed: ${error.message}`));
          const onExit = (code: number) =>
            reject(new KeystoreError("WORKER_FAILED", `keystore worker exited early (code ${code})`));
          worker.on("message", onMessage).on("error", onError).on("exit", onExit);
          detach.push(() => worker.off("message", onMessage).off("error", onError).off("exit", onExit));
          feed(worker);
        }
      });
    } catch (error) {
      await this.close(); // a worker may be mid-job: the pool cannot be trusted for another batch
      throw error;
    } finally {
      for (const off of detach) off();
      this.busy = false;
    }
    return results;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** Encrypts every job with the same password and KDF settings on a fresh pool; results are in job order. */
export async function createKeystoresInPool(
  jobs: KeystoreJob[],
  password: string,
  options: KeystorePoolOptions & { onProgress?: ProgressCallback } = {},
): Promise<Keystore[]> {
  const { onProgress, ...poolOptions } = options;
  checkJobs(jobs);
  if (jobs.length === 0) return [];
  const pool = KeystorePool.start(password, {
    ...poolOptions,
    workers: Math.min(poolOptions.workers ?? availableParallelism(), jobs.length),
  });
  try {
    return await pool.encrypt(jobs, onProgress);
  } finally {
    await pool.close();
  }
}
