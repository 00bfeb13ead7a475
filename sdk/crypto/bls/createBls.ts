// Applies a consensus-specs BLS rule set to a back-end core. From consensus-specs v1.0.0 the BLS functions follow
// IETF draft-irtf-cfrg-bls-signature-04, whose KeyValidate refuses the point at infinity as a public key (CoreVerify
// and CoreAggregateVerify run it on every key, FastAggregateVerify on the summed key). The cores treat infinity as
// the identity (the v0.12.3 behaviour), so the v1.0.0 checks are made here once, identically for every back end.
import { isInfinityEncoding, isPublicKeyLength, isSignatureLength } from "./encoding.js";
import { BlsError } from "./errors.js";
import type { Bls, BlsBackend, BlsRules } from "./types.js";

export interface CreateBlsOptions {
  /**
   * true: keep the pre-v1.0.0 rule (an infinity public key is valid; `verify(infinity, m, infinity)` is true). Only
   * for checking the v0.12.3 spec-test vectors. Default false: consensus-specs v1.0.0 rules.
   */
  infinityPubkeyValid?: boolean;
}

const isInfinityPublicKey = (bytes: Uint8Array): boolean => isPublicKeyLength(bytes) && isInfinityEncoding(bytes);
const isInfinitySignature = (bytes: Uint8Array): boolean => isSignatureLength(bytes) && isInfinityEncoding(bytes);

/** The options that select `rules`. */
export function rulesOptions(rules: BlsRules): CreateBlsOptions {
  return { infinityPubkeyValid: rules === "v0.12.3" };
}

/** `backend` under the v1.0.0 rules (default) or, with `infinityPubkeyValid: true`, the v0.12.3 ones. */
export function createBls(backend: BlsBackend, options: CreateBlsOptions = {}): Bls {
  if (options.infinityPubkeyValid === true) return { ...backend, rules: "v0.12.3" };
  return {
    ...backend,
    rules: "v1.0.0",
    verify: (publicKey, message, signature) =>
      !isInfinityPublicKey(publicKey) && backend.verify(publicKey, message, signature),
    // With every key valid, an infinity signature could only verify if the keys summed to infinity, and KeyValidate
    // refuses that summed key: so an infinity signature is always false here.
    fastAggregateVerify: (publicKeys, message, signature) =>
      !publicKeys.some(isInfinityPublicKey) &&
      !isInfinitySignature(signature) &&
      backend.fastAggregateVerify(publicKeys, message, signature),
    aggregateVerify: (publicKeys, messages, signature) =>
      !publicKeys.some(isInfinityPublicKey) && backend.aggregateVerify(publicKeys, messages, signature),
    verifyMultipleSignatures: (sets) =>
      !sets.some((set) => isInfinityPublicKey(set.publicKey)) && backend.verifyMultipleSignatures(sets),
    aggregatePublicKeys: (publicKeys) => {
      const i = publicKeys.findIndex(isInfinityPublicKey);
      if (i >= 0) {
        throw new BlsError("INVALID_PUBLIC_KEY", `public key ${i} is the point at infinity, which KeyValidate refuses`);
      }
      return backend.aggregatePublicKeys(publicKeys);
    },
  };
}
