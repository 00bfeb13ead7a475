// The message format between DepositSignaturePool and its workers: deposits packed into one transferable buffer
// (structured-cloning each field's Uint8Array would copy the whole buffer behind every view).
import type { DepositDataValue } from "./depositLog.js";
import { FollowerError } from "./errors.js";

/** pubkey (48) | withdrawal_credentials (32) | amount (u64 little-endian, 8) | signature (96). */
const RECORD = 184;

export interface SignatureJob {
  id: number;
  deposits: Uint8Array;
}

export type SignatureReply = { id: number; valid: boolean[] } | { id: number; error: string };

export function packDeposits(deposits: readonly DepositDataValue[]): Uint8Array {
  const out = new Uint8Array(deposits.length * RECORD);
  const view = new DataView(out.buffer);
  for (const [i, d] of deposits.entries()) {
    const at = i * RECORD;
    // Lengths were checked by the log parser; a wrong one here would misalign every later record.
    if (d.pubkey.length !== 48 || d.withdrawalCredentials.length !== 32 || d.signature.length !== 96) {
      throw new FollowerError(
        "MALFORMED_DEPOSIT_LOG",
        `deposit ${i} to check: pubkey, withdrawal credentials and signature must be 48, 32 and 96 bytes; got ${d.pubkey.length}, ${d.withdrawalCredentials.length} and ${d.signature.length}`,
      );
    }
    out.set(d.pubkey, at);
    out.set(d.withdrawalCredentials, at + 48);
    view.setBigUint64(at + 80, BigInt(d.amount), true);
    out.set(d.signature, at + 88);
  }
  return out;
}

export function unpackDeposits(packed: Uint8Array): DepositDataValue[] {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const deposits: DepositDataValue[] = [];
  for (let at = 0; at + RECORD <= packed.length; at += RECORD) {
    deposits.push({
      pubkey: packed.subarray(at, at + 48),
      withdrawalCredentials: packed.subarray(at + 48, at + 80),
      amount: Number(view.getBigUint64(at + 80, true)),
      signature: packed.subarray(at + 88, at + 184),
    });
  }
  return deposits;
}
