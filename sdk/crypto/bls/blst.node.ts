// Native back end (@chainsafe/blst) for Node. Same core semantics as noble.ts (see `BlsBackend` in types.ts):
// blst refuses the point at infinity in most calls, so infinity is handled here before reaching it. The rule set
// (v1.0.0 KeyValidate by default) is applied on top by createBls.
import {
  aggregateVerify as blstAggregateVerify,
  verify as blstVerify,
  PublicKey,
  SecretKey,
  Signature,
  aggregatePublicKeys as sumPublicKeys,
  aggregateSignatures as sumSignatures,
  verifyMultipleAggregateSignatures,
} from "@chainsafe/blst";
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

/** A decoded point, or "infinity" for the identity (which blst objects cannot hold for our purposes). */
type Decoded<T> = T | "infinity";

function decodePublicKey(bytes: Uint8Array): Decoded<PublicKey> | null {
  if (!isPublicKeyLength(bytes)) return null;
  if (isInfinityEncoding(bytes)) return "infinity";
  try {
    return PublicKey.fromBytes(bytes, true); // curve, subgroup and infinity checks
  } catch {
    return null;
  }
}

function decodeSignature(bytes: Uint8Array): Decoded<Signature> | null {
  if (!isSignatureLength(bytes)) return null;
  if (isInfinityEncoding(bytes)) return "infinity";
  try {
    return Signature.fromBytes(bytes, true); // curve and subgroup checks
  } catch {
    return null;
  }
}

function toSecretKey(secretKey: Uint8Array): SecretKey {
  assertSecretKey(secretKey);
  return SecretKey.fromBytes(secretKey);
}

/** Sums public keys, skipping the identity; "infinity" if nothing else is left. */
function sumPublicKeyPoints(publicKeys: Uint8Array[]): Decoded<PublicKey> {
  if (publicKeys.length === 0) throw new BlsError("EMPTY_AGGREGATE", "cannot aggregate an empty list of public keys");
  const points: PublicKey[] = [];
  publicKeys.forEach((bytes, i) => {
    const point = decodePublicKey(bytes);
    if (!point) throw new BlsError("INVALID_PUBLIC_KEY", `public key ${i} is not a valid compressed G1 point`);
    if (point !== "infinity") points.push(point);
  });
  if (points.length === 0) return "infinity";
  const sum = sumPublicKeys(points, false);
  // P + (-P) is the identity: report it as such.
  return isInfinityEncoding(sum.toBytes(true)) ? "infinity" : sum;
}

function pairingHolds(publicKey: Decoded<PublicKey>, message: Uint8Array, signature: Decoded<Signature>): boolean {
  if (publicKey === "infinity" || signature === "infinity") return publicKey === "infinity" && signature === "infinity";
  return blstVerify(message, publicKey, signature, false, false);
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
  const points: Signature[] = [];
  signatures.forEach((bytes, i) => {
    const point = decodeSignature(bytes);
    if (!point) throw new BlsError("INVALID_SIGNATURE", `signature ${i} is not a valid compressed G2 point`);
    if (point !== "infinity") points.push(point);
  });
  if (points.length === 0) return infinitySignature();
  return sumSignatures(points, false).toBytes(true);
}

function aggregatePublicKeys(publicKeys: Uint8Array[]): Uint8Array {
  const sum = sumPublicKeyPoints(publicKeys);
  return sum === "infinity" ? infinityPublicKey() : sum.toBytes(true);
}

function fastAggregateVerify(publicKeys: Uint8Array[], message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKeys.length === 0) return false;
  try {
    const sig = decodeSignature(signature);
    if (!sig) return false;
    return pairingHolds(sumPublicKeyPoints(publicKeys), message, sig);
  } catch {
    return false;
  }
}

function aggregateVerify(publicKeys: Uint8Array[], messages: Uint8Array[], signature: Uint8Array): boolean {
  if (publicKeys.length === 0 || publicKeys.length !== messages.length) return false;
  const sig = decodeSignature(signature);
  if (!sig) return false;
  const pks: PublicKey[] = [];
  const msgs: Uint8Array[] = [];
  for (let i = 0; i < publicKeys.length; i++) {
    const pk = decodePublicKey(publicKeys[i]);
    if (!pk) return false;
    // An infinity key contributes the identity to the pairing product.
    if (pk !== "infinity") {
      pks.push(pk);
      msgs.push(messages[i]);
    }
  }
  if (pks.length === 0) return sig === "infinity";
  try {
    // With the identity signature the check is prod e(PK_i, H(m_i)) == 1 (keys that cancel can meet it); blst
    // decodes the identity when not asked to validate it.
    const signature = sig === "infinity" ? Signature.fromBytes(infinitySignature(), false) : sig;
    return blstAggregateVerify(msgs, pks, signature, false, false);
  } catch {
    return false;
  }
}

function verifyMultipleSignatures(sets: SignatureSet[]): boolean {
  const batch: { msg: Uint8Array; pk: PublicKey; sig: Signature }[] = [];
  for (const set of sets) {
    const pk = decodePublicKey(set.publicKey);
    const sig = decodeSignature(set.signature);
    if (!pk || !sig) return false;
    if (pk === "infinity" || sig === "infinity") {
      if (!pairingHolds(pk, set.message, sig)) return false;
    } else {
      batch.push({ msg: set.message, pk, sig });
    }
  }
  if (batch.length === 0) return true;
  try {
    // Randomised multi-pairing (one final exponentiation for the whole batch).
    return verifyMultipleAggregateSignatures(batch, false, false);
  } catch {
    return false;
  }
}

function isValidPublicKey(publicKey: Uint8Array): boolean {
  const pk = decodePublicKey(publicKey);
  return pk !== null && pk !== "infinity";
}

/** The blst core: the point at infinity is an ordinary (identity) key; wrap it with createBls before use. */
export const blstBackend: BlsBackend = {
  backend: "blst",
  secretKeyToPublicKey: (secretKey) => toSecretKey(secretKey).toPublicKey().toBytes(true),
  sign: (secretKey, message) => toSecretKey(secretKey).sign(message).toBytes(true),
  verify,
  aggregateSignatures,
  aggregatePublicKeys,
  fastAggregateVerify,
  aggregateVerify,
  verifyMultipleSignatures,
  isValidPublicKey,
};

/** blst under the default (consensus-specs v1.0.0) rules. */
export const blstBls: Bls = createBls(blstBackend);
