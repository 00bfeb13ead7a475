// Reads the key/deposit vectors from ../shared/vectors/keys (relative to the repo root).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { LaunchpadDepositEntry } from "../../../sdk/deposit/index.js";

export const VECTORS_DIR = path.resolve(import.meta.dirname, "../../..", "../shared/vectors/keys");

export function readVector<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(VECTORS_DIR, name), "utf8")) as T;
}

/** The reference files' entries have exactly the SDK's launchpad entry shape. */
export type LaunchpadEntryJson = LaunchpadDepositEntry;

export interface StakingSmithCase {
  id: string;
  chain: string;
  mnemonic: string;
  mnemonic_passphrase: string;
  validator_start_index: number;
  num_validators: number;
  withdrawal_address: string | null;
  deposit_data_file: { path: string; json: LaunchpadEntryJson[] };
}

export const stakingSmithCases = (): StakingSmithCase[] =>
  readVector<{ cases: StakingSmithCase[] }>("eth_staking_smith_deposit_fixtures.json").cases;
