/** One signature to check in a batch: `signature` over `message` by `publicKey` (all bytes, compressed points). */
export interface SignatureSet {
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

/**
 * Which consensus-specs BLS rules apply (createBls / getBls option):
 * - "v1.0.0" (the default; consensus-specs v1.0.0 on, IETF draft-irtf-cfrg-bls-signature-04): KeyValidate refuses
 *   the point at infinity as a public key, so Verify, FastAggregateVerify, AggregateVerify and batch verification
 *   are false whenever a public key is infinity (and FastAggregateVerify when the keys sum to infinity);
 *   aggregatePublicKeys throws INVALID_PUBLIC_KEY for an infinity key.
 * - "v0.12.3" (only for checking the v0.12.3 spec-test vectors, which predate KeyValidate): the point at infinity is
 *   an ordinary key, so `verify(infinity, m, infinity)` is true. Never use it for product code.
 */
export type BlsRules = "v1.0.0" | "v0.12.3";

/**
 * BLS12-381 signatures as used by the Ethereum consensus spec (phase0 "BLS signatures" section):
 * the proof-of-possession ciphersuite `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_`, public keys in G1
 * (48-byte compressed), signatures in G2 (96-byte compressed), secret keys 32-byte big-endian.
 *
 * Rules shared by every back end and rule set (`rules` says which infinity rule applies, see BlsRules):
 * - verification never throws: malformed, non-canonical or out-of-subgroup input returns false;
 * - the point at infinity is a valid signature encoding (`0xc0` then zeros); aggregating it alone gives it back;
 * - fastAggregateVerify / aggregateVerify with no public keys return false;
 * - aggregating an empty list, a bad secret key (0 or >= r) or a malformed point throws a `BlsError`.
 */
export interface Bls {
  /** Which implementation answers: native blst or pure-JS noble. */
  readonly backend: "blst" | "noble";
  /** The rule set these answers follow; "v1.0.0" unless explicitly asked otherwise. */
  readonly rules: BlsRules;
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

/**
 * A back end's core before a rule set is applied (blst.node.ts, noble.ts): there the point at infinity is an
 * ordinary key whose pairing is the identity, i.e. the v0.12.3 behaviour. Wrap it with `createBls`.
 */
export type BlsBackend = Omit<Bls, "rules">;
