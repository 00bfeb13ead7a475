// Reading and writing deposit_data files in Node. The file is written as the reference CLI writes it: its exact
// JSON bytes, named deposit_data-<ts>.json, mode 0400, never overwriting an existing file.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DepositDataRecord } from "./createDepositData.js";
import { DepositError } from "./errors.js";
import {
  DEPOSIT_CLI_VERSION,
  depositDataFileName,
  parseDepositDataFile,
  serializeDepositDataFile,
} from "./launchpadJson.js";

export async function writeDepositDataFile(
  folder: string,
  records: readonly DepositDataRecord[],
  options: { timestampSeconds?: number; depositCliVersion?: string } = {},
): Promise<string> {
  const file = path.join(folder, depositDataFileName(options.timestampSeconds ?? Date.now() / 1000));
  await writeFile(file, serializeDepositDataFile(records, options.depositCliVersion ?? DEPOSIT_CLI_VERSION), {
    mode: 0o400,
    flag: "wx",
  });
  return file;
}

/** The raw entries of a deposit_data file (check them with verifyDepositData). */
export async function readDepositDataFile(file: string): Promise<unknown[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new DepositError("BAD_DEPOSIT_DATA_FILE", `cannot read ${file}: ${(e as Error).message}`);
  }
  return parseDepositDataFile(text);
}
