// Keystores on disk, in the layouts other clients use:
// - `--keystores-dir`: EIP-2335 *.json files, directly in the folder (deposit CLI, Teku, Lodestar) or one level down
//   (Lighthouse: `<dir>/0x<pubkey>/voting-keystore.json`);
// - passwords: `--secrets-dir/0x<pubkey hex>` (one file per key, Lighthouse/Teku) or one `--keystores-password-file`.
// Keys imported through the Keymanager API are written under `--datadir` in the Lighthouse layout (keystore as given,
// password file 0600), so they survive a restart and can be deleted again.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bls } from "../../sdk/crypto/bls/index.js";
import { decryptKeystore, parseKeystore } from "../../sdk/keys/keystore/index.js";
import { KeystoreLoadError, readPasswordFile, type ValidatorKey } from "../validator/keystores.js";

export interface LoadedKey extends ValidatorKey {
  /** 0x-hex pubkey */
  pubkeyHex: string;
  /** EIP-2334 path from the keystore, "" if none */
  path: string;
  /** keys from --keystores-dir are read-only for the Keymanager API; imported ones can be deleted */
  readonly: boolean;
}

export interface KeySources {
  keystoresDir?: string;
  secretsDir?: string;
  passwordFile?: string;
}

/** The *.json files of `dir` and of its direct subfolders, sorted. */
export function findKeystoreFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    throw new KeystoreLoadError(`cannot read the keystores directory ${dir}: ${(e as Error).message}`);
  }
  const out: string[] = [];
  for (const name of entries.sort()) {
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isFile() && name.endsWith(".json")) out.push(full);
    else if (st.isDirectory()) {
      for (const inner of readdirSync(full).sort()) {
        if (inner.endsWith(".json") && statSync(path.join(full, inner)).isFile()) out.push(path.join(full, inner));
      }
    }
  }
  return out;
}

/** Decrypts one keystore and checks that its secret key matches its declared pubkey. */
export async function decryptKey(
  json: unknown,
  password: string,
  where: string,
): Promise<ValidatorKey & { path: string }> {
  let ks: ReturnType<typeof parseKeystore>;
  let secretKey: Uint8Array;
  try {
    ks = parseKeystore(json);
    secretKey = await decryptKeystore(ks, password);
  } catch (e) {
    throw new KeystoreLoadError(`keystore ${where}: ${(e as Error).message}`);
  }
  const publicKey = bls.secretKeyToPublicKey(secretKey);
  if (ks.pubkey && Buffer.from(publicKey).toString("hex") !== ks.pubkey.replace(/^0x/, "").toLowerCase()) {
    throw new KeystoreLoadError(`keystore ${where}: its secret key does not match its pubkey field`);
  }
  return { secretKey, publicKey, path: ks.path ?? "" };
}

function passwordFor(src: KeySources, pubkeyHex: string, file: string): string {
  if (src.secretsDir) {
    for (const name of [pubkeyHex, pubkeyHex.slice(2)]) {
      const p = path.join(src.secretsDir, name);
      if (existsSync(p)) return readPasswordFile(p);
    }
    if (!src.passwordFile) {
      throw new KeystoreLoadError(
        `no password for keystore ${file}: expected the file ${path.join(src.secretsDir, pubkeyHex)}`,
      );
    }
  }
  if (src.passwordFile) return readPasswordFile(src.passwordFile);
  throw new KeystoreLoadError("give --secrets-dir (one password file per pubkey) or --keystores-password-file");
}

/** Loads every keystore of `src.keystoresDir`; secrets stay in memory only. */
export async function loadKeysFromDir(src: KeySources, readonly: boolean): Promise<LoadedKey[]> {
  if (!src.keystoresDir) return [];
  const keys: LoadedKey[] = [];
  for (const file of findKeystoreFiles(src.keystoresDir)) {
    const text = readFileSync(file, "utf8");
    let declared: string;
    try {
      declared = `0x${parseKeystore(text).pubkey.replace(/^0x/, "").toLowerCase()}`;
    } catch (e) {
      throw new KeystoreLoadError(`keystore ${file}: ${(e as Error).message}`);
    }
    const key = await decryptKey(text, passwordFor(src, declared, file), file);
    keys.push({ ...key, pubkeyHex: declared, readonly });
  }
  return keys;
}

/** The Keymanager's own keystores: `<datadir>/keystores/0x<pk>/voting-keystore.json` + `<datadir>/secrets/0x<pk>`. */
export class ManagedKeystores {
  readonly keystoresDir: string;
  readonly secretsDir: string;

  constructor(datadir: string) {
    this.keystoresDir = path.join(datadir, "keystores");
    this.secretsDir = path.join(datadir, "secrets");
    mkdirSync(this.keystoresDir, { recursive: true, mode: 0o700 });
    mkdirSync(this.secretsDir, { recursive: true, mode: 0o700 });
  }

  load(): Promise<LoadedKey[]> {
    return loadKeysFromDir({ keystoresDir: this.keystoresDir, secretsDir: this.secretsDir }, false);
  }

  has(pubkeyHex: string): boolean {
    return existsSync(path.join(this.keystoresDir, pubkeyHex));
  }

  /** Writes the keystore and its password (0600); the password file is written first so no keystore lacks one. */
  save(pubkeyHex: string, keystoreJson: string, password: string): void {
    writeFileSync(path.join(this.secretsDir, pubkeyHex), password, { mode: 0o600 });
    mkdirSync(path.join(this.keystoresDir, pubkeyHex), { recursive: true, mode: 0o700 });
    writeFileSync(path.join(this.keystoresDir, pubkeyHex, "voting-keystore.json"), keystoreJson, { mode: 0o600 });
  }

  remove(pubkeyHex: string): void {
    rmSync(path.join(this.keystoresDir, pubkeyHex), { recursive: true, force: true });
    rmSync(path.join(this.secretsDir, pubkeyHex), { force: true });
  }
}
