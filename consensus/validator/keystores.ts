// Loads the validator keys a node runs: every EIP-2335 keystore (*.json) in a directory, decrypted with the password
// in a file (trailing newline ignored). Secrets stay in memory only; nothing about them is logged.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { bls } from "../../sdk/crypto/bls/index.js";
import { CodedError } from "../../sdk/errors/codedError.js";
import { decryptKeystore } from "../../sdk/keys/keystore/index.js";

export interface ValidatorKey {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export class KeystoreLoadError extends CodedError<"KEYSTORE_LOAD_FAILED"> {
  override readonly name = "KeystoreLoadError";
  constructor(message: string) {
    super("KEYSTORE_LOAD_FAILED", message);
  }
}

export function readPasswordFile(file: string): string {
  try {
    return readFileSync(file, "utf8").replace(/\r?\n$/, "");
  } catch (e) {
    throw new KeystoreLoadError(`cannot read the keystore password file ${file}: ${(e as Error).message}`);
  }
}

export async function loadKeystores(dir: string, password: string): Promise<ValidatorKey[]> {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort();
  } catch (e) {
    throw new KeystoreLoadError(`cannot read the keystores directory ${dir}: ${(e as Error).message}`);
  }
  const keys: ValidatorKey[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    let secretKey: Uint8Array;
    try {
      secretKey = await decryptKeystore(readFileSync(file, "utf8"), password);
    } catch (e) {
      throw new KeystoreLoadError(`keystore ${file}: ${(e as Error).message}`);
    }
    keys.push({ secretKey, publicKey: bls.secretKeyToPublicKey(secretKey) });
  }
  return keys;
}
