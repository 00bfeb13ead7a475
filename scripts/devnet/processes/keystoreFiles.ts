// Devnet validator keys on disk for the node and validator-client processes: EIP-2335 keystores made with the SDK,
// with a cheap KDF (pbkdf2, c = MIN_PBKDF2_C: the smallest count the loaders accept without allowWeakKdf, so a
// process decrypts a key in milliseconds; devnet keys only, from a public test mnemonic). Two password layouts:
// one password file for the whole directory (btc20-node --keystore-password-file, btc20-validator
// --keystores-password-file) and a secrets directory with one file per pubkey named 0x<pubkey> (--secrets-dir).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ValidatorKey } from "../../../consensus/validator/keystores.js";
import { signingKeyPath } from "../../../sdk/keys/eip2334.js";
import { createKeystore, MIN_PBKDF2_C } from "../../../sdk/keys/keystore/index.js";
import { BTC20_COIN_TYPE } from "../../../sdk/networks/btc20.js";

/** The devnet's keystore password (public: these keys guard test stake only). */
export const DEVNET_KEYSTORE_PASSWORD = "btc20-devnet";

export interface KeystoreFiles {
  keystoresDir: string;
  secretsDir: string;
  passwordFile: string;
  pubkeys: string[];
}

/**
 * Writes `keys` (EIP-2334 indices firstIndex.. of the devnet mnemonic) under `dir`: keystores/<name>.json,
 * secrets/0x<pubkey>, password.txt, all 0600.
 */
export async function writeKeystoreFiles(
  dir: string,
  keys: ValidatorKey[],
  firstIndex: number,
): Promise<KeystoreFiles> {
  const keystoresDir = path.join(dir, "keystores");
  const secretsDir = path.join(dir, "secrets");
  mkdirSync(keystoresDir, { recursive: true, mode: 0o700 });
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(dir, "password.txt");
  writeFileSync(passwordFile, `${DEVNET_KEYSTORE_PASSWORD}\n`, { mode: 0o600 });
  const pubkeys: string[] = [];
  for (const [i, key] of keys.entries()) {
    const keyPath = signingKeyPath(BTC20_COIN_TYPE, firstIndex + i);
    const keystore = await createKeystore(key.secretKey, DEVNET_KEYSTORE_PASSWORD, {
      path: keyPath,
      kdf: { function: "pbkdf2", c: MIN_PBKDF2_C },
      pubkey: key.publicKey,
      description: "btc20 devnet validator",
    });
    const pubkey = `0x${keystore.pubkey}`;
    pubkeys.push(pubkey);
    writeFileSync(path.join(keystoresDir, `keystore-${keyPath.replaceAll("/", "_")}.json`), JSON.stringify(keystore), {
      mode: 0o600,
    });
    writeFileSync(path.join(secretsDir, pubkey), DEVNET_KEYSTORE_PASSWORD, { mode: 0o600 });
  }
  return { keystoresDir, secretsDir, passwordFile, pubkeys };
}
