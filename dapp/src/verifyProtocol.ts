// Messages between the page and the verification worker (verifyWorker.ts).
import type { VerifyDepositDataResult } from "../../sdk/browser.js";

export interface VerifyRequest {
  id: number;
  /** the deposit_data file's text */
  text: string;
  networkName: string;
}

export type VerifyResponse =
  | { id: number; kind: "progress"; verified: number; total: number }
  | { id: number; kind: "done"; result: VerifyDepositDataResult; ms: number }
  | { id: number; kind: "error"; code: string; message: string };
