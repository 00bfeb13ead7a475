import { sha256 } from "@noble/hashes/sha2.js";

/** EIP-2335 checksum: SHA-256(decryption_key[16:32] || cipher_message). */
export function keystoreChecksum(decryptionKey: Uint8Array, cipherMessage: Uint8Array): Uint8Array {
  const input = new Uint8Array(16 + cipherMessage.length);
  input.set(decryptionKey.subarray(16, 32));
  input.set(cipherMessage, 16);
  return sha256(input);
}

/** Comparison whose time does not depend on where the inputs differ. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
