// Page side of the verification worker: one worker, one request at a time, progress callbacks.
import type { VerifyDepositDataResult } from "../../sdk/browser.js";
import { CodedError } from "../../sdk/errors/codedError.js";
import type { VerifyRequest, VerifyResponse } from "./verifyProtocol.js";

export class FileReadError extends CodedError<string> {
  override readonly name = "FileReadError";
}

let worker: Worker | null = null;
let nextId = 1;

export function verifyInWorker(
  text: string,
  networkName: string,
  onProgress: (verified: number, total: number) => void,
): Promise<{ result: VerifyDepositDataResult; ms: number }> {
  worker ??= new Worker(new URL("./verifyWorker.ts", import.meta.url), { type: "module", name: "verify" });
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<VerifyResponse>) => {
      const m = event.data;
      if (m.id !== id) return;
      if (m.kind === "progress") return onProgress(m.verified, m.total);
      w.removeEventListener("message", onMessage);
      if (m.kind === "done") resolve({ result: m.result, ms: m.ms });
      else reject(new FileReadError(m.code, m.message));
    };
    w.addEventListener("message", onMessage);
    w.postMessage({ id, text, networkName } satisfies VerifyRequest);
  });
}
