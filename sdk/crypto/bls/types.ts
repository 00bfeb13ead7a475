/** One signature to check in a batch: `signature` over `message` by `publicKey` (all bytes, compressed points). */
export interface SignatureSet {
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

/**
 * BLS12-381 signatures as used by the Ethereum consensus spec (phase0 "BLS signatures" section):
 * the proof-of-possession ciphersuite `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_`, public keys in G1
 * (48-byte compressed), signatures in G2 (96-byte compressed), secret keys 32-byte big-endian.
 *
 * Rules shared by every back end (they follow the v0.12.3 consensus spec tests, which are the reference):
 * - verification never throws: malformed, non-canonical or out-of-subgroup input returns false;
 * - the point at infinity is an accepted encoding (`0xc0` then zeros); a pairing with it is the identity, so
 *   `verify(infinity, m, infinity)` is true, as the vectors require. Use `isValidPublicKey` (the later spec's
 *   KeyValidate) where an infinity public key must be refused, e.g. for deposits;
 * - fastAggregateVerify / aggregateVerify with no public keys return false;
 * - aggregating an empty list, a bad secret key or a malformed point throws a `BlsError`.
 */
export interface Bls {
  /** Which implementation answers: native blst or pure-JS noble. */
  readonly backend: "blst" | "noble";
  secretKeyToPublicKey(secretKey: Uint8Array): Uint8Array;
  sign(secretKey: Uint8Array, message: Uint8Array): Uint8Array;
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  aggregateSignatures(signatures: Uint8Array[]): Uint8Array;
  aggregatePublicKeys(publicKeys: Uint8Array[]): Uint8Array;
  fastAggregateVerify(publicKeys: Uint8Array[], message: Uint8Array, signature: Uint8Array): boolean;
  aggregateVerify(publicKeys: Uint8Array[], messages: Uint8Array[], signature: Uint8Array): boolean;
  /** Batch verification of independent signatures: true only if every set is valid (true for an empty batch). */
  verifyMultipleSignatures(sets: SignatureSet[]): boolean;
  /** KeyValidate: a well-formed compressed G1 point in the prime-order subgroup and NOT the point at infinity. */
  isValidPublicKey(publicKey: Uint8Array): boolean;
}
