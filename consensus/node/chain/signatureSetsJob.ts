// The message format between BlsVerifierPool and its workers: signature sets packed into one transferable buffer
// (structured-cloning each key's Uint8Array would copy the whole buffer behind every view).
import type { AggregateSignatureSet } from "../../state-transition/crypto/verifyAggregateSignatureSets.js";

const PUBKEY = 48;
const MESSAGE = 32;
const SIGNATURE = 96;

export interface SignatureSetsJob {
  id: number;
  sets: Uint8Array;
}

export type SignatureSetsReply = { id: number; valid: boolean } | { id: number; error: string };

/** Per set: key count (u32 little-endian) | keys (48 each) | message (32) | signature (96). RangeError on a bad length. */
export function packSignatureSets(sets: readonly AggregateSignatureSet[]): Uint8Array {
  let size = 0;
  for (const s of sets) size += 4 + s.publicKeys.length * PUBKEY + MESSAGE + SIGNATURE;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const put = (bytes: Uint8Array, length: number, what: string) => {
    if (bytes.length !== length) throw new RangeError(`${what} has ${bytes.length} bytes, expected ${length}`);
    out.set(bytes, at);
    at += length;
  };
  for (const s of sets) {
    view.setUint32(at, s.publicKeys.length, true);
    at += 4;
    for (const pk of s.publicKeys) put(pk, PUBKEY, "a public key");
    put(s.message, MESSAGE, "a signing root");
    put(s.signature, SIGNATURE, "a signature");
  }
  return out;
}

export function unpackSignatureSets(packed: Uint8Array): AggregateSignatureSet[] {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const sets: AggregateSignatureSet[] = [];
  let at = 0;
  const take = (length: number) => {
    if (at + length > packed.length) throw new RangeError("packed signature sets end early");
    const bytes = packed.subarray(at, at + length);
    at += length;
    return bytes;
  };
  while (at < packed.length) {
    const count = view.getUint32(take(4).byteOffset - packed.byteOffset, true);
    const publicKeys: Uint8Array[] = [];
    for (let i = 0; i < count; i++) publicKeys.push(take(PUBKEY));
    sets.push({ publicKeys, message: take(MESSAGE), signature: take(SIGNATURE) });
  }
  return sets;
}
