// The work shared by `new-mnemonic` and `existing-mnemonic`: keys and deposits from a seed, keystores on every
// core with a progress bar, then deposit_data-<ts>.json, checked with the verifier before the command succeeds.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { SingleBar } from "cli-progress";
import type { Bls } from "../crypto/bls/types.js";
import { writeDepositDataFile } from "../deposit/depositDataFile.node.js";
import { generateDepositData } from "../deposit/generateDepositData.js";
import { serializeDepositDataFile } from "../deposit/launchpadJson.js";
import { verifyDepositData } from "../deposit/verify/verifyDepositData.js";
import type { KdfOptions } from "../keys/keystore/kdfParams.js";
import type { NetworkParams } from "../networks/types.js";
import { writeKeystoreFile } from "../node/keystoreFile.js";
import { createKeystoresInPool } from "../node/keystorePool.js";
import { CliError, EXIT } from "./exitCodes.js";

export interface GenerateValidatorFilesInput {
  bls: Bls;
  seed: Uint8Array;
  network: NetworkParams;
  startIndex: number;
  count: number;
  withdrawalAddress: string | null;
  compounding: boolean;
  amountGwei: bigint;
  password: string;
  /** The folder given by --folder; files go to <folder>/validator_keys as with the reference CLI. */
  folder: string;
  showProgress: boolean;
  /** Keystore KDF (default scrypt n=2^18); weak settings only with allowWeakKdf (the CLI's tests). */
  kdf?: KdfOptions;
  allowWeakKdf?: boolean;
}

export async function generateValidatorFiles(
  input: GenerateValidatorFilesInput,
): Promise<{ folder: string; keystoreFiles: string[]; depositDataFile: string }> {
  const validators = generateDepositData({
    bls: input.bls,
    seed: input.seed,
    network: input.network,
    startIndex: input.startIndex,
    count: input.count,
    withdrawalAddress: input.withdrawalAddress,
    compounding: input.compounding,
    amountGwei: input.amountGwei,
  });
  const records = validators.map((v) => v.deposit);
  const check = verifyDepositData(JSON.parse(serializeDepositDataFile(records)), input.network, { bls: input.bls });
  if (!check.ok) throw new Error("internal error: freshly generated deposit data failed verification");

  const folder = path.join(input.folder, "validator_keys");
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    throw new CliError(EXIT.FILE_ERROR, `cannot create the output folder ${folder}: ${(e as Error).message}`);
  }

  const bar = input.showProgress
    ? new SingleBar({
        format: "Keystores |{bar}| {value}/{total} ({eta}s left)",
        stream: process.stderr,
        hideCursor: true,
      })
    : null;
  bar?.start(validators.length, 0);
  const keystores = await createKeystoresInPool(
    validators.map((v) => ({ secretKey: v.signingSecretKey, path: v.signingKeyPath, pubkey: v.deposit.pubkey })),
    input.password,
    {
      onProgress: (done) => bar?.update(done),
      ...(input.kdf ? { kdf: input.kdf } : {}),
      ...(input.allowWeakKdf ? { allowWeakKdf: true } : {}),
    },
  ).finally(() => bar?.stop());
  for (const v of validators) v.signingSecretKey.fill(0);

  const timestampSeconds = Math.floor(Date.now() / 1000);
  try {
    const keystoreFiles: string[] = [];
    for (const keystore of keystores) keystoreFiles.push(await writeKeystoreFile(folder, keystore, timestampSeconds));
    const depositDataFile = await writeDepositDataFile(folder, records, { timestampSeconds });
    return { folder, keystoreFiles, depositDataFile };
  } catch (e) {
    throw new CliError(EXIT.FILE_ERROR, `cannot write into ${folder}: ${(e as Error).message}`);
  }
}
