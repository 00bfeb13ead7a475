// Writes signed exits as the reference deposit CLI does: <folder>/exit_transactions/signed_exit_transaction-<index>-
// <ts>.json, mode 0440 (read for owner and group), never overwriting an existing file.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  EXIT_TRANSACTIONS_FOLDER,
  exitTransactionFileName,
  serializeExitTransactionFile,
} from "./exitTransactionJson.js";
import type { SignedVoluntaryExitValue } from "./signVoluntaryExit.js";

export async function writeExitTransactionFiles(
  folder: string,
  exits: readonly SignedVoluntaryExitValue[],
  timestampSeconds = Math.floor(Date.now() / 1000),
): Promise<string[]> {
  const outDir = path.join(folder, EXIT_TRANSACTIONS_FOLDER);
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const exit of exits) {
    const file = path.join(outDir, exitTransactionFileName(exit.message.validatorIndex, timestampSeconds));
    await writeFile(file, serializeExitTransactionFile(exit), { mode: 0o440, flag: "wx" });
    files.push(file);
  }
  return files;
}
