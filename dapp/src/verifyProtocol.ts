// Messages between the page and the verification workers (verifyWorker.ts).
import type { VerifyDepositDataResult } from "../../sdk/browser.js";

export interface VerifyRequest {
  id: number;
  /** a consecutive part of the file's entries */
  entries: unknown[];
  networkName: string;
}

export type VerifyResponse =
  | { id: number; kind: "progress"; verified: number; total: number }
  | { id: number; kind: "done"; result: VerifyDepositDataResult };
