// EIP-2333 "BLS12-381 Key Generation" in portable JS: master key from a seed, hardened tree of child keys via
// Lamport keys. Written out here because no listed browser-safe library implements it; in Node, eip2333.ts uses
// blst's native implementation instead (over 100x faster), and the tests hold both to the EIP's vectors.
import { expand, extract } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { CURVE_ORDER } from "../crypto/bls/constants.js";
import { KeyError } from "./errors.js";
import { bigIntToSecretKey } from "./secretKey.js";

const KEYGEN_SALT = new TextEncoder().encode("BLS-SIG-KEYGEN-SALT-");
/** L = ceil((3 * ceil(log2(r))) / 16) = 48 bytes. */
const HKDF_MOD_R_LENGTH = 48;
const LAMPORT_CHUNKS = 255;

function i2osp4(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

function os2ip(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** EIP-2333 "hkdf_mod_r": the BLS KeyGen of the IETF draft with empty key_info. */
function hkdfModR(ikm: Uint8Array): bigint {
  const ikmPostfixed = new Uint8Array(ikm.length + 1); // IKM || I2OSP(0, 1)
  ikmPostfixed.set(ikm);
  const info = Uint8Array.of(0, HKDF_MOD_R_LENGTH); // key_info || I2OSP(L, 2)
  let salt = KEYGEN_SALT;
  let sk = 0n;
  while (sk === 0n) {
    salt = sha256(salt);
    const okm = expand(sha256, extract(sha256, ikmPostfixed, salt), info, HKDF_MOD_R_LENGTH);
    sk = os2ip(okm) % CURVE_ORDER;
  }
  return sk;
}

/** EIP-2333 "IKM_to_lamport_SK": 255 chunks of 32 bytes, hashed one by one into the Lamport public key. */
function hashedLamportChunks(ikm: Uint8Array, salt: Uint8Array, out: Uint8Array, offset: number): void {
  const okm = expand(sha256, extract(sha256, ikm, salt), undefined, 32 * LAMPORT_CHUNKS);
  for (let i = 0; i < LAMPORT_CHUNKS; i++) out.set(sha256(okm.subarray(32 * i, 32 * i + 32)), offset + 32 * i);
}

/** EIP-2333 "parent_SK_to_lamport_PK" (compressed): sha256 of the 510 hashed Lamport secret chunks. */
export function parentSecretKeyToLamportPublicKey(parentSecretKey: Uint8Array, index: number): Uint8Array {
  const salt = i2osp4(index);
  const ikm = parentSecretKey;
  const notIkm = ikm.map((byte) => ~byte & 0xff);
  const lamportPk = new Uint8Array(2 * 32 * LAMPORT_CHUNKS);
  hashedLamportChunks(ikm, salt, lamportPk, 0);
  hashedLamportChunks(notIkm, salt, lamportPk, 32 * LAMPORT_CHUNKS);
  return sha256(lamportPk);
}

/** EIP-2333 "derive_master_SK" (inputs already checked by eip2333.ts). */
export function deriveMasterSecretKeyJs(seed: Uint8Array): Uint8Array {
  if (seed.length < 32) throw new KeyError("INVALID_SEED", `seed must be at least 32 bytes, got ${seed.length}`);
  return bigIntToSecretKey(hkdfModR(seed));
}

/** EIP-2333 "derive_child_SK" (inputs already checked by eip2333.ts). */
export function deriveChildSecretKeyJs(parentSecretKey: Uint8Array, index: number): Uint8Array {
  return bigIntToSecretKey(hkdfModR(parentSecretKeyToLamportPublicKey(parentSecretKey, index)));
}
