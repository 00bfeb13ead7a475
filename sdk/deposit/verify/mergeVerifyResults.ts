// Verification of one deposit_data file split across workers (a dApp's Web Workers, threads): each part is checked
// with verifyDepositData on its own, then the parts are joined here in file order and the one check that spans the
// whole file, unique pubkeys, is made over all of them, exactly as verifyDepositData makes it for a whole file.
import { toHex } from "../../networks/hexBytes.js";
import type { DepositEntryResult, VerifyDepositDataResult } from "./types.js";

/** Adds DUPLICATE_PUBKEY to every later occurrence of a pubkey (pointing at the first) and recomputes `ok`. */
export function markDuplicatePubkeys(results: DepositEntryResult[]): void {
  const firstByPubkey = new Map<string, number>();
  for (const result of results) {
    if (!result.record) continue;
    const key = toHex(result.record.pubkey);
    const first = firstByPubkey.get(key);
    if (first === undefined) firstByPubkey.set(key, result.index);
    else {
      result.issues.push({
        code: "DUPLICATE_PUBKEY",
        field: "pubkey",
        message: `pubkey ${key.slice(0, 12)}… already appears in deposit #${first}; expected each validator once per file`,
      });
    }
  }
  for (const result of results) result.ok = result.issues.length === 0;
}

/**
 * Joins the results of consecutive parts of one file (part k's entries follow part k-1's): indices become positions
 * in the file, duplicates are found across parts. Equal to verifyDepositData over the whole file.
 */
export function mergeVerifyResults(parts: readonly VerifyDepositDataResult[]): VerifyDepositDataResult {
  const entries: DepositEntryResult[] = [];
  for (const part of parts) {
    const offset = entries.length;
    // a part's own duplicate check points at part-local positions: redone below over the whole file
    for (const e of part.entries) {
      const issues = e.issues.filter((i) => i.code !== "DUPLICATE_PUBKEY");
      entries.push({ ...e, index: e.index + offset, issues });
    }
  }
  const issues = parts.flatMap((p) => p.issues);
  markDuplicatePubkeys(entries);
  return { ok: issues.length === 0 && entries.length > 0 && entries.every((e) => e.ok), issues, entries };
}
