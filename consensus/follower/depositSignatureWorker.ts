// Worker thread of DepositSignaturePool: checks the proofs of possession of one packed list of deposits per message.
// It calls @chainsafe/blst directly rather than the SDK's Bls interface, which takes bytes: here each point is
// decoded and subgroup-checked once, and the bisection of a failed batch only redoes the multi-pairing.

import { parentPort, workerData } from "node:worker_threads";
import { PublicKey, Signature, type SignatureSet, verifyMultipleAggregateSignatures } from "@chainsafe/blst";
import { validByBisection } from "./bisectBatch.js";
import { type SignatureJob, type SignatureReply, unpackDeposits } from "./depositSignatureJob.js";
import { depositSigningRoot, SIGNATURE_BATCH_SIZE } from "./depositSignatures.js";

const domain = (workerData as { domain: Uint8Array }).domain;

/**
 * The deposit as a blst signature set, or null when a point is malformed, not in its subgroup, or the point at
 * infinity (pkValidate / sigValidate): such a deposit has no valid proof of possession.
 */
function toSignatureSet(deposit: ReturnType<typeof unpackDeposits>[number]): SignatureSet | null {
  try {
    return {
      msg: depositSigningRoot(deposit, domain),
      pk: PublicKey.fromBytes(deposit.pubkey, true),
      sig: Signature.fromBytes(deposit.signature, true),
    };
  } catch {
    return null;
  }
}

/** Randomised batch verification (random 64-bit scalars, one final exponentiation); points were checked on decoding. */
function batchHolds(sets: readonly { set: SignatureSet }[]): boolean {
  try {
    return verifyMultipleAggregateSignatures(
      sets.map((s) => s.set),
      false,
      false,
    );
  } catch {
    return false;
  }
}

function check(packed: Uint8Array): boolean[] {
  const deposits = unpackDeposits(packed);
  const valid = new Array<boolean>(deposits.length).fill(false);
  const sets: { at: number; set: SignatureSet }[] = [];
  for (const [at, d] of deposits.entries()) {
    const set = toSignatureSet(d);
    if (set) sets.push({ at, set });
  }
  for (let start = 0; start < sets.length; start += SIGNATURE_BATCH_SIZE) {
    const batch = sets.slice(start, start + SIGNATURE_BATCH_SIZE);
    const ok = validByBisection(batch, batchHolds);
    for (const [k, b] of batch.entries()) valid[b.at] = ok[k];
  }
  return valid;
}

parentPort!.on("message", (job: SignatureJob) => {
  let reply: SignatureReply;
  try {
    reply = { id: job.id, valid: check(job.deposits) };
  } catch (e) {
    reply = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage("ready");
