// Web Worker: runs the SDK's verifyDepositData on a part of a deposit_data file (BLS with the SDK's pure-JS back end)
// off the page's main thread, reporting progress as signature groups are checked.
import { bls, getNetwork, verifyDepositData } from "../../sdk/browser.js";
import type { VerifyRequest, VerifyResponse } from "./verifyProtocol.js";

const post = (m: VerifyResponse) => (self as unknown as Worker).postMessage(m);

self.addEventListener("message", (event: MessageEvent<VerifyRequest>) => {
  const { id, entries, networkName } = event.data;
  const result = verifyDepositData(entries, getNetwork(networkName), {
    bls,
    onProgress: (verified, total) => post({ id, kind: "progress", verified, total }),
  });
  post({ id, kind: "done", result });
});
