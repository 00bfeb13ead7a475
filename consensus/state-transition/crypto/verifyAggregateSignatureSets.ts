// Batch verification of (aggregate public key, message, signature) sets: one randomized multi-pairing check instead
// of one pairing per set (blst's verifyMultipleAggregateSignatures), with decoded public keys cached as in
// fastAggregateVerifyCached. An accelerator only: `false` means "not all plainly valid", and the caller then checks
// each signature on its own to find (and name) the failing one.
import { decodePublicKeyCached, nativeBlst } from "./fastAggregateVerifyCached.js";

/** One signature to check: `signature` over `message` by the sum of `publicKeys`. */
export interface AggregateSignatureSet {
  publicKeys: Uint8Array[];
  message: Uint8Array;
  signature: Uint8Array;
}

/** True only if every set verifies (true for no sets). False also when blst is unavailable or an input is unusual. */
export function verifyAggregateSignatureSets(sets: AggregateSignatureSet[]): boolean {
  const blst = nativeBlst;
  if (!blst) return false;
  if (sets.length === 0) return true;
  try {
    const prepared = [];
    for (const set of sets) {
      if (set.publicKeys.length === 0) return false;
      const points = [];
      for (const bytes of set.publicKeys) {
        const point = decodePublicKeyCached(blst, bytes);
        if (!point) return false;
        points.push(point);
      }
      // a decoded key is never the point at infinity; a sum of them can be
      const pk = points.length === 1 ? points[0]! : blst.aggregatePublicKeys(points, false);
      if (points.length > 1 && pk.toBytes(true)[0] === 0xc0) return false;
      prepared.push({ msg: set.message, pk, sig: blst.Signature.fromBytes(set.signature, true) });
    }
    return blst.verifyMultipleAggregateSignatures(prepared, false, false);
  } catch {
    return false;
  }
}
