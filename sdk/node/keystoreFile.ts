// Writes a keystore file the way the reference deposit CLI names it, readable only by its owner (mode 0400),
// never overwriting an existing file.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { keystoreFileName } from "../keys/keystore/fileName.js";
import type { Keystore } from "../keys/keystore/types.js";

export async function writeKeystoreFile(
  folder: string,
  keystore: Keystore,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Promise<string> {
  const file = path.join(folder, keystoreFileName(keystore, timestampSeconds));
  await writeFile(file, JSON.stringify(keystore), { mode: 0o400, flag: "wx" });
  return file;
}
