// Pure-JS back end (@noble/curves), used where native code cannot run (browsers). Same core semantics as
// blst.node.ts (see `BlsBackend` in types.ts); the rule set is applied on top by createBls.
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { BLS_DST_POP } from "./constants.js";
import { createBls } from "./createBls.js";
import {
  assertSecretKey,
  infinityPublicKey,
  infinitySignature,
  isInfinityEncoding,
  isPublicKeyLength,
  isSignatureLength,
} from "./encoding.js";
import { BlsError } from "./errors.js";
import type { Bls, BlsBackend, SignatureSet } from "./types.js";

const sigs = bls12_381.longSignatures;
const G1 = bls12_381.G1.Point;
const G2 = bls12_381.G2.Point;
type G1Point = InstanceType<typeof G1>;
type G2Point = InstanceType<typeof G2>;

/** Decodes a compressed G1 point in the prime-order subgroup (infinity allowed), or null. */
function decodePublicKey(bytes: Uint8Array): G1Point | null {
  if (!isPublicKeyLength(bytes)) return null;
  if (isInfinityEncoding(bytes)) return G1.ZERO;
  try {
    return G1.fromBytes(bytes); // checks curve equation and subgroup membership
  } catch {
    return null;
  }
}

/** Decodes a compressed G2 point in the prime-order subgroup (infinity allowed), or null. */
function decodeSignature(bytes: Uint8Array): G2Point | null {
  if (!isSignatureLength(bytes)) return null;
  if (isInfinityEncoding(bytes)) return G2.ZERO;
  try {
    return sigs.Signature.fromBytes(bytes);
  } catch {
    return null;
  }
}

function encodePublicKey(point: G1Point): Uint8Array {
  return point.is0() ? infinityPublicKey() : point.toBytes(true);
}

function encodeSignature(point: G2Point): Uint8Array {
  return point.is0() ? infinitySignature() : sigs.Signature.toBytes(point);
}

function hashToG2(message: Uint8Array): G2Point {
  return sigs.hash(message, BLS_DST_POP);
}

/** e(pk, H(m)) == e(G1, sig); with the identity on either side, both must be the identity. */
function pairingHolds(publicKey: G1Point, message: Uint8Array, signature: G2Point): boolean {
  if (publicKey.is0() || signature.is0()) return publicKey.is0() && signature.is0();
  return sigs.verify(signature, hashToG2(message), publicKey);
}

function secretKeyToPublicKey(secretKey: Uint8Array): Uint8Array {
  assertSecretKey(secretKey);
  return encodePublicKey(sigs.getPublicKey(secretKey));
}

function sign(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  assertSecretKey(secretKey);
  return encodeSignature(sigs.sign(hashToG2(message), secretKey));
}

function verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const pk = decodePublicKey(publicKey);
  const sig = decodeSignature(signature);
  if (!pk || !sig) return false;
  try {
    return pairingHolds(pk, message, sig);
  } catch {
    return false;
  }
}

function aggregateSignatures(signatures: Uint8Array[]): Uint8Array {
  if (signatures.length === 0) throw new BlsError("EMPTY_AGGREGATE", "cannot aggregate an empty list of signatures");
  let sum = G2.ZERO;
  signatures.forEach((bytes, i) => {
    const point = decodeSignature(bytes);
    if (!point) throw new BlsError("INVALID_SIGNATURE", `signature ${i} is not a valid compressed G2 point`);
    sum = sum.add(point);
  });
  return encodeSignature(sum);
}

function aggregatePublicKeyPoints(publicKeys: Uint8Array[]): G1Point {
  if (publicKeys.length === 0) throw new BlsError("EMPTY_AGGREGATE", "cannot aggregate an empty list of public keys");
  let sum = G1.ZERO;
  publicKeys.forEach((bytes, i) => {
    const point = decodePublicKey(bytes);
    if (!point) throw new BlsError("INVALID_PUBLIC_KEY", `public key ${i} is not a valid compressed G1 point`);
    sum = sum.add(point);
  });
  return sum;
}

function aggregatePublicKeys(publicKeys: Uint8Array[]): Uint8Array {
  return encodePublicKey(aggregatePublicKeyPoints(publicKeys));
}

function fastAggregateVerify(publicKeys: Uint8Array[], message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKeys.length === 0) return false;
  try {
    const sig = decodeSignature(signature);
    if (!sig) return false;
    return pairingHolds(aggregatePublicKeyPoints(publicKeys), message, sig);
  } catch {
    return false;
  }
}

function aggregateVerify(publicKeys: Uint8Array[], messages: Uint8Array[], signature: Uint8Array): boolean {
  if (publicKeys.length === 0 || publicKeys.length !== messages.length) return false;
  const sig = decodeSignature(signature);
  if (!sig) return false;
  const items: { message: G2Point; publicKey: G1Point }[] = [];
  for (let i = 0; i < publicKeys.length; i++) {
    const pk = decodePublicKey(publicKeys[i]);
    if (!pk) return false;
    // An infinity key contributes the identity to the pairing product.
    if (!pk.is0()) items.push({ publicKey: pk, message: hashToG2(messages[i]) });
  }
  if (items.length === 0) return sig.is0();
  try {
    // noble's verifyBatch refuses the identity signature; then the check is prod e(PK_i, H(m_i)) == 1, which keys
    // that cancel (P and -P over one message) can meet.
    if (sig.is0()) {
      const product = bls12_381.pairingBatch(items.map((item) => ({ g1: item.publicKey, g2: item.message })));
      return bls12_381.fields.Fp12.eql(product, bls12_381.fields.Fp12.ONE);
    }
    return sigs.verifyBatch(sig, items);
  } catch {
    return false;
  }
}

function verifyMultipleSignatures(sets: SignatureSet[]): boolean {
  // noble has no randomised multi-pairing batch; checking one by one gives the same answer.
  return sets.every((set) => verify(set.publicKey, set.message, set.signature));
}

function isValidPublicKey(publicKey: Uint8Array): boolean {
  const pk = decodePublicKey(publicKey);
  return pk !== null && !pk.is0();
}

/** The noble core: the point at infinity is an ordinary (identity) key; wrap it with createBls before use. */
export const nobleBackend: BlsBackend = {
  backend: "noble",
  secretKeyToPublicKey,
  sign,
  verify,
  aggregateSignatures,
  aggregatePublicKeys,
  fastAggregateVerify,
  aggregateVerify,
  verifyMultipleSignatures,
  isValidPublicKey,
};

/** noble under the default (consensus-specs v1.0.0) rules. */
export const nobleBls: Bls = createBls(nobleBackend);
