import type { Bls, SignatureSet } from "../../crypto/bls/types.js";
import { toHex } from "../../networks/hexBytes.js";
import { KNOWN_NETWORKS } from "../../networks/registry.js";
import type { NetworkParams } from "../../networks/types.js";
import { DepositData } from "../../ssz/index.js";
import type { DepositDataRecord } from "../createDepositData.js";
import { depositMessageRoot, depositSigningRoot, gweiToSszNumber } from "../depositSigningRoot.js";
import { decodeEntry } from "./decodeEntry.js";
import { markDuplicatePubkeys } from "./mergeVerifyResults.js";
import type { DepositEntryResult, DepositIssue, VerifyDepositDataResult } from "./types.js";

export interface VerifyDepositDataOptions {
  bls: Bls;
  /**
   * Networks to name when a signature is valid for another network (WRONG_NETWORK). Default: every built-in
   * network; the entry's own fork_version is always tried too.
   */
  otherNetworks?: readonly NetworkParams[];
  /**
   * Called as signatures get checked (a dApp's progress bar): `verified` of `total` well-formed entries. With it,
   * signatures are batch-verified in groups of PROGRESS_GROUP_SIZE instead of all at once.
   */
  onProgress?: (verified: number, total: number) => void;
}

/** Signatures per batch verification when progress is reported. */
export const PROGRESS_GROUP_SIZE = 16;

/**
 * Every launchpad check on the entries of a deposit_data file for `network` (staking-launchpad
 * validateDepositKey, plus the reference CLI's validate_deposit): fields, types, lengths, credential prefix,
 * amount range per credential type, both roots recomputed, BLS signature under the network's genesis fork version,
 * pubkeys that are valid points and unique within the file. Each failure is its own coded issue.
 */
export function verifyDepositData(
  entries: unknown,
  network: NetworkParams,
  options: VerifyDepositDataOptions,
): VerifyDepositDataResult {
  if (!Array.isArray(entries)) {
    return fileIssue({ code: "NOT_AN_ARRAY", message: "deposit data must be a JSON array of deposits" });
  }
  if (entries.length === 0) return fileIssue({ code: "EMPTY", message: "deposit data holds no deposits" });
  const { bls } = options;
  const forkHex = toHex(network.genesisForkVersion);

  const results: DepositEntryResult[] = entries.map((entry, index) => {
    const { record, issues } = decodeEntry(entry, network);
    const pubkey = (entry as { pubkey?: unknown } | null)?.pubkey;
    return { index, pubkey: typeof pubkey === "string" ? pubkey : null, ok: false, issues, record };
  });

  // Roots, pubkey validity; collect the signatures to check.
  const pending: { result: DepositEntryResult; set: SignatureSet }[] = [];
  for (const result of results) {
    const record = result.record;
    if (!record) continue;
    const messageRoot = depositMessageRoot(record);
    if (toHex(messageRoot) !== toHex(record.depositMessageRoot)) {
      result.issues.push({
        code: "ROOT_MISMATCH",
        field: "deposit_message_root",
        message: `deposit_message_root is ${toHex(record.depositMessageRoot)}; the pubkey, credentials and amount give ${toHex(messageRoot)}`,
      });
    }
    const dataRoot = DepositData.hashTreeRoot({
      pubkey: record.pubkey,
      withdrawalCredentials: record.withdrawalCredentials,
      amount: gweiToSszNumber(record.amountGwei),
      signature: record.signature,
    });
    if (toHex(dataRoot) !== toHex(record.depositDataRoot)) {
      result.issues.push({
        code: "ROOT_MISMATCH",
        field: "deposit_data_root",
        message: `deposit_data_root is ${toHex(record.depositDataRoot)}; the deposit's fields give ${toHex(dataRoot)}`,
      });
    }
    if (!bls.isValidPublicKey(record.pubkey)) {
      result.issues.push({
        code: "BAD_PUBKEY",
        field: "pubkey",
        message: "pubkey is not a valid BLS12-381 public key (expected a compressed G1 point other than infinity)",
      });
      continue;
    }
    pending.push({
      result,
      set: {
        publicKey: record.pubkey,
        message: depositSigningRoot(messageRoot, network.genesisForkVersion),
        signature: record.signature,
      },
    });
  }

  // One batch verification for the common all-valid case (per group when reporting progress); individual checks
  // only for a group that fails.
  const groupSize = options.onProgress ? PROGRESS_GROUP_SIZE : Math.max(1, pending.length);
  const groupValid: boolean[] = [];
  for (let start = 0; start < pending.length; start += groupSize) {
    const group = pending.slice(start, start + groupSize);
    groupValid.push(bls.verifyMultipleSignatures(group.map((p) => p.set)));
    options.onProgress?.(start + group.length, pending.length);
  }
  for (const [k, { result, set }] of pending.entries()) {
    const record = result.record!;
    const valid = groupValid[Math.floor(k / groupSize)] || bls.verify(set.publicKey, set.message, set.signature);
    if (valid) {
      if (toHex(record.forkVersion) !== forkHex) {
        result.issues.push({
          code: "FORK_VERSION_MISMATCH",
          field: "fork_version",
          message: `fork_version is ${toHex(record.forkVersion)}, but the signature is for ${network.name}'s ${forkHex}; expected ${forkHex}`,
        });
      }
      continue;
    }
    const other = findSigningNetwork(bls, record, network, options.otherNetworks ?? KNOWN_NETWORKS);
    if (other) {
      result.signedForNetwork = other.name;
      result.issues.push({
        code: "WRONG_NETWORK",
        field: "signature",
        message: `the deposit is signed for ${other.name} (fork version ${other.forkHex}), not for ${network.name} (expected fork version ${forkHex})`,
      });
    } else {
      result.issues.push({
        code: "BAD_SIGNATURE",
        field: "signature",
        message: `the signature does not verify for this pubkey and deposit message under ${network.name}'s fork version ${forkHex} (nor under any known network's)`,
      });
    }
  }

  // Duplicate pubkeys within the file: every later occurrence points at the first.
  markDuplicatePubkeys(results);
  return { ok: results.every((r) => r.ok), issues: [], entries: results };
}

function fileIssue(issue: DepositIssue): VerifyDepositDataResult {
  return { ok: false, issues: [issue], entries: [] };
}

/**
 * The network whose genesis fork version the deposit's signature verifies under: a known network by name, or
 * "an unknown network" when only the entry's own fork_version field works; null when none does.
 */
function findSigningNetwork(
  bls: Bls,
  record: DepositDataRecord,
  network: NetworkParams,
  candidates: readonly NetworkParams[],
): { name: string; forkHex: string } | null {
  const target = toHex(network.genesisForkVersion);
  const tried = new Set<string>([target]);
  const messageRoot = depositMessageRoot(record);
  const options: { name: string; fork: Uint8Array }[] = candidates.map((n) => ({
    name: n.name,
    fork: n.genesisForkVersion,
  }));
  options.push({ name: "an unknown network", fork: record.forkVersion });
  for (const { name, fork } of options) {
    const hex = toHex(fork);
    if (tried.has(hex)) continue;
    tried.add(hex);
    if (bls.verify(record.pubkey, depositSigningRoot(messageRoot, fork), record.signature))
      return { name, forkHex: hex };
  }
  return null;
}
