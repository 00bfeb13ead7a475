// Worker thread of the keystore pool: encrypts one keystore per request, with scrypt computed on this thread.
import { parentPort, workerData } from "node:worker_threads";
import { createKeystore } from "../keys/keystore/create.js";
import { useScryptImplementation } from "../keys/keystore/scrypt.js";
import { scryptNodeSync } from "../keys/keystore/scrypt.node.js";
import type { KeystoreJob, KeystoreWorkerData, WorkerReply, WorkerRequest } from "./keystorePoolProtocol.js";

const { password, options } = workerData as KeystoreWorkerData;

useScryptImplementation(async (pw, salt, params) => scryptNodeSync(pw, salt, params));

async function encrypt(job: KeystoreJob) {
  return createKeystore(job.secretKey, password, {
    ...options,
    path: job.path,
    description: job.description ?? options.description,
    pubkey: job.pubkey,
  });
}

parentPort!.on("message", (request: WorkerRequest) => {
  encrypt(request.job).then(
    (keystore) => parentPort!.postMessage({ id: request.id, keystore } satisfies WorkerReply),
    (error: unknown) => {
      const e = error as { code?: string; message?: string };
      parentPort!.postMessage({
        id: request.id,
        error: { code: e.code, message: e.message ?? String(error) },
      } satisfies WorkerReply);
    },
  );
});
