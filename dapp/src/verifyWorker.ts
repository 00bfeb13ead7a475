// Web Worker: parses a deposit_data file and runs the SDK's verifyDepositData on it (BLS with the SDK's pure-JS
// back end), off the page's main thread, reporting progress as signature groups are checked.
import { bls, getNetwork, parseDepositDataFile, verifyDepositData } from "../../sdk/browser.js";
import type { VerifyRequest, VerifyResponse } from "./verifyProtocol.js";

const post = (m: VerifyResponse) => (self as unknown as Worker).postMessage(m);

self.addEventListener("message", (event: MessageEvent<VerifyRequest>) => {
  const { id, text, networkName } = event.data;
  const started = performance.now();
  let entries: unknown;
  try {
    entries = parseDepositDataFile(text);
  } catch (e) {
    post({ id, kind: "error", code: (e as { code?: string }).code ?? "NOT_JSON", message: (e as Error).message });
    return;
  }
  const result = verifyDepositData(entries, getNetwork(networkName), {
    bls,
    onProgress: (verified, total) => post({ id, kind: "progress", verified, total }),
  });
  post({ id, kind: "done", result, ms: performance.now() - started });
});
