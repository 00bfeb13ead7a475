// FastAggregateVerify for attestations with decoded public keys cached. Decoding and subgroup-checking a compressed
// BLS public key costs ~0.25 ms with blst; a block with one aggregate per committee names tens of thousands of
// validators at 1M validators, so every validator's key is decoded once per process and reused. The result is the
// SDK's (sdk/crypto/bls): any case outside the plain path (a key or signature that does not decode, the point at
// infinity, an aggregate summing to infinity, no native blst) is answered by the SDK itself.
import { bls } from "./bls.js";

type Blst = typeof import("@chainsafe/blst");
type PublicKeyPoint = InstanceType<Blst["PublicKey"]>;

async function loadBlst(): Promise<Blst | null> {
  try {
    return await import("@chainsafe/blst");
  } catch {
    return null;
  }
}

const blst: Blst | null = await loadBlst();
/** The native blst module, or null where it does not load (then the SDK's pure-JS back end answers). */
export const nativeBlst: Blst | null = blst;
/** Decoded keys by their 48 bytes (latin1 string); null = not a plain valid point (handled by the SDK). */
const decoded = new Map<string, PublicKeyPoint | null>();
/**
 * The same points by the key's byte array itself: a validator's pubkey array is set once and shared by every copy of
 * the state, so a block's tens of thousands of lookups need no string per key. Key arrays are never edited in place
 * (a validator gets a new one, never changed bytes).
 */
const decodedByArray = new WeakMap<Uint8Array, PublicKeyPoint | null>();

/** The decoded, subgroup-checked point of a public key (cached), or null if it is not a plain valid point. */
export function decodePublicKeyCached(native: Blst, bytes: Uint8Array): PublicKeyPoint | null {
  const known = decodedByArray.get(bytes);
  if (known !== undefined) return known;
  const key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  let point = decoded.get(key);
  if (point === undefined) {
    const infinity = bytes.length === 48 && bytes[0] === 0xc0 && bytes.subarray(1).every((b) => b === 0);
    try {
      point = bytes.length === 48 && !infinity ? native.PublicKey.fromBytes(bytes, true) : null;
    } catch {
      point = null;
    }
    decoded.set(key, point);
  }
  decodedByArray.set(bytes, point);
  return point;
}

/** bls.FastAggregateVerify(pubkeys, message, signature), same answers as the SDK's, faster for known keys. */
export function fastAggregateVerifyCached(pubkeys: Uint8Array[], message: Uint8Array, signature: Uint8Array): boolean {
  if (!blst || pubkeys.length === 0) return bls.fastAggregateVerify(pubkeys, message, signature);
  const points: PublicKeyPoint[] = [];
  for (const pk of pubkeys) {
    const point = decodePublicKeyCached(blst, pk);
    if (!point) return bls.fastAggregateVerify(pubkeys, message, signature);
    points.push(point);
  }
  let sig: InstanceType<Blst["Signature"]>;
  try {
    sig = blst.Signature.fromBytes(signature, true);
  } catch {
    return bls.fastAggregateVerify(pubkeys, message, signature);
  }
  try {
    const aggregate = blst.aggregatePublicKeys(points, false);
    const agg = aggregate.toBytes(true);
    if (agg[0] === 0xc0) return bls.fastAggregateVerify(pubkeys, message, signature); // summed to infinity
    return blst.verify(message, aggregate, sig, false, false);
  } catch {
    return bls.fastAggregateVerify(pubkeys, message, signature);
  }
}
