// EIP-2335 "decryption key": the KDF module applied to the normalised password.
import { fromHex } from "./hex.js";
import { scrypt } from "./scrypt.js";
import type { KdfModule } from "./types.js";
import { pbkdf2Sha256 } from "./webcrypto.js";

export function deriveDecryptionKey(kdf: KdfModule, password: Uint8Array): Promise<Uint8Array> {
  const salt = fromHex(kdf.params.salt);
  if (kdf.function === "scrypt") return scrypt(password, salt, kdf.params);
  return pbkdf2Sha256(password, salt, kdf.params.c, kdf.params.dklen);
}
