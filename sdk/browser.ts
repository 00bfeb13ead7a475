// Browser entry of the BTC20 SDK: everything that runs without Node (no `node:` modules, no native code).
// BLS and EIP-2333 pick their pure-JS back ends here (noble, portable HKDF); keystores use WebCrypto + noble scrypt.
export * from "./beacon-api/index.js";
export * from "./crypto/bls/index.js";
export * from "./deposit/client/index.js";
export * from "./deposit/index.js";
export * from "./deposit-tree/index.js";
export * from "./exit/index.js";
export * from "./keys/index.js";
export * from "./keys/keystore/index.js";
// Both the BLS and the keys modules name the 32-byte secret-key length; it is one constant.
export { SECRET_KEY_LENGTH } from "./keys/secretKey.js";
export * from "./networks/index.js";
export * from "./ssz/index.js";
