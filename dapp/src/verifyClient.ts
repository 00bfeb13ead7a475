// Page side of verification: the file is parsed here, split into consecutive parts, one per worker (up to the
// machine's cores, at least 16 entries each), each part checked by verifyDepositData in its worker, and the parts
// joined by the SDK's mergeVerifyResults (which also finds pubkeys repeated across parts), so the result is the same
// as one verifyDepositData over the whole file, and BLS runs on every core without blocking the page.
import { parseDepositDataFile } from "../../sdk/deposit/launchpadJson.js";
import type { VerifyDepositDataResult } from "../../sdk/deposit/verify/index.js";
import { mergeVerifyResults } from "../../sdk/deposit/verify/mergeVerifyResults.js";
import type { VerifyRequest, VerifyResponse } from "./verifyProtocol.js";

const MIN_ENTRIES_PER_WORKER = 16;
const MAX_WORKERS = 4;

const workers: Worker[] = [];
let nextId = 1;

function worker(i: number): Worker {
  while (workers.length <= i) {
    workers.push(new Worker(new URL("./verifyWorker.ts", import.meta.url), { type: "module", name: "verify" }));
  }
  return workers[i]!;
}

function verifyPart(
  w: Worker,
  entries: unknown[],
  networkName: string,
  onProgress: (verified: number, total: number) => void,
): Promise<VerifyDepositDataResult> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<VerifyResponse>) => {
      const m = event.data;
      if (m.id !== id) return;
      if (m.kind === "progress") return onProgress(m.verified, m.total);
      w.removeEventListener("message", onMessage);
      resolve(m.result);
    };
    w.addEventListener("message", onMessage);
    w.postMessage({ id, entries, networkName } satisfies VerifyRequest);
  });
}

/** Parses and verifies a deposit_data file; throws the SDK's BAD_DEPOSIT_DATA_FILE when it is not a JSON array. */
export async function verifyInWorkers(
  text: string,
  networkName: string,
  onProgress: (verified: number, total: number) => void,
): Promise<{ result: VerifyDepositDataResult; ms: number; workers: number }> {
  const started = performance.now();
  const entries = parseDepositDataFile(text);
  const cores = Math.max(1, Math.min(navigator.hardwareConcurrency || 1, MAX_WORKERS));
  const count = Math.max(1, Math.min(cores, Math.floor(entries.length / MIN_ENTRIES_PER_WORKER)));
  const size = Math.ceil(entries.length / count);
  const progress = Array.from({ length: count }, (_, k) => ({
    verified: 0,
    total: Math.min(size, entries.length - k * size),
  }));
  const report = () =>
    onProgress(
      progress.reduce((s, p) => s + p.verified, 0),
      progress.reduce((s, p) => s + p.total, 0),
    );
  const parts = await Promise.all(
    progress.map((_, k) =>
      verifyPart(worker(k), entries.slice(k * size, (k + 1) * size), networkName, (verified, total) => {
        progress[k] = { verified, total };
        report();
      }),
    ),
  );
  return { result: mergeVerifyResults(parts), ms: performance.now() - started, workers: count };
}
