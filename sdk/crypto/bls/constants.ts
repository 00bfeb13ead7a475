/** Ethereum's proof-of-possession ciphersuite (consensus spec phase0, "BLS signatures"). */
export const BLS_DST_POP = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

export const SECRET_KEY_LENGTH = 32;
export const PUBLIC_KEY_LENGTH = 48;
export const SIGNATURE_LENGTH = 96;

/** Order r of the BLS12-381 G1/G2 prime-order subgroups; a secret key is an integer in [1, r-1]. */
export const CURVE_ORDER = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
