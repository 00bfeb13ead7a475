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

export interface KeystorePoolOptions extends SharedKeystoreOptions {
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
  /** Called after each keystore is done, with the count done so far and the total. */
  onProgress?: (done: number, total: number) => void;
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

/** Encrypts every job with the same password and KDF settings; results are in job order. */
export async function createKeystoresInPool(
  jobs: KeystoreJob[],
  password: string,
  options: KeystorePoolOptions = {},
): Promise<Keystore[]> {
  const { workers: workerCount = availableParallelism(), onProgress, ...shared } = options;
  // Bad input fails here, on the caller's thread, before any worker starts.
  checkKdfParams(kdfModuleFor(shared.kdf ?? "scrypt", "00".repeat(32)), shared);
  jobs.forEach((job, i) => {
    try {
      assertValidSecretKey(job.secretKey);
    } catch {
      throw new KeystoreError("INVALID_SECRET", `job ${i} (${job.path}): not a valid BLS secret key`);
    }
    if (job.path !== "") parsePath(job.path);
  });
  const results: Keystore[] = new Array(jobs.length);
  if (jobs.length === 0) return results;
  const size = Math.max(1, Math.min(workerCount, jobs.length));
  const pool = Array.from({ length: size }, () => startWorker({ password, options: shared }));
  let next = 0;
  let done = 0;

  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        if (next < jobs.length) {
          const id = next++;
          worker.postMessage({ id, job: jobs[id] });
        }
      };
      for (const worker of pool) {
        worker.on("message", (reply: WorkerReply) => {
          if ("error" in reply) {
            const detail = `${reply.error.code ?? "error"}: ${reply.error.message}`;
            reject(
              new KeystoreError("WORKER_FAILED", `keystore ${reply.id} (${jobs[reply.id].path}) failed: ${detail}`),
            );
            return;
          }
          results[reply.id] = reply.keystore;
          done++;
          onProgress?.(done, jobs.length);
          if (done === jobs.length) resolve();
          else feed(worker);
        });
        worker.on("error", (error) =>
          reject(new KeystoreError("WORKER_FAILED", `keystore worker crashed: ${error.message}`)),
        );
        worker.on("exit", (code) => {
          if (done < jobs.length)
            reject(new KeystoreError("WORKER_FAILED", `keystore worker exited early (code ${code})`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}
