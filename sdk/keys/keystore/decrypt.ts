// EIP-2335 keystore decryption: refuses weak or excessive KDF parameters before deriving, checks the SHA-256
// checksum (wrong password), and checks the recovered secret against the stored public key.

import { CURVE_ORDER } from "../../crypto/bls/constants.js";
import { getBls } from "../../crypto/bls/index.js";
import { secretKeyToBigInt } from "../secretKey.js";
import { equalBytes, keystoreChecksum } from "./checksum.js";
import { deriveDecryptionKey } from "./deriveKey.js";
import { KeystoreError } from "./errors.js";
import { fromHex, toHex } from "./hex.js";
import { checkKdfParams, type KdfPolicy } from "./kdfParams.js";
import { parseKeystore } from "./parse.js";
import { normalizePassword } from "./password.js";
import { aes128Ctr } from "./webcrypto.js";

/** The 32-byte secret key in `keystore` (an object or its JSON text). */
export async function decryptKeystore(
  keystore: unknown,
  password: string,
  policy: KdfPolicy = {},
): Promise<Uint8Array> {
  const ks = parseKeystore(keystore);
  checkKdfParams(ks.crypto.kdf, policy);
  const decryptionKey = await deriveDecryptionKey(ks.crypto.kdf, normalizePassword(password));
  const cipherMessage = fromHex(ks.crypto.cipher.message);
  if (!equalBytes(keystoreChecksum(decryptionKey, cipherMessage), fromHex(ks.crypto.checksum.message))) {
    throw new KeystoreError(
      "WRONG_PASSWORD",
      "checksum mismatch: the password is wrong (or the keystore is corrupted)",
    );
  }
  const secret = await aes128Ctr(decryptionKey.subarray(0, 16), fromHex(ks.crypto.cipher.params.iv), cipherMessage);
  if (secret.length !== 32 || secretKeyToBigInt(secret) === 0n || secretKeyToBigInt(secret) >= CURVE_ORDER) {
    throw new KeystoreError("INVALID_SECRET", "the keystore decrypts to something that is not a BLS secret key");
  }
  if (ks.pubkey !== "" && toHex((await getBls()).secretKeyToPublicKey(secret)) !== ks.pubkey) {
    throw new KeystoreError("PUBKEY_MISMATCH", `the decrypted secret key does not belong to pubkey ${ks.pubkey}`);
  }
  return secret;
}
