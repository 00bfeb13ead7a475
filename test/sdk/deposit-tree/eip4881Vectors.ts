import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { DepositTreeSnapshot } from "../../../sdk/deposit-tree/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const file = path.resolve(repoRoot, "../shared/vectors/deposit-tree/eip4881_test_cases.yaml");

export interface Eip4881Case {
  depositData: { pubkey: Uint8Array; withdrawalCredentials: Uint8Array; amount: number; signature: Uint8Array };
  depositDataRoot: Uint8Array;
  eth1Data: { depositRoot: Uint8Array; depositCount: number; blockHash: Uint8Array };
  blockHeight: number;
  snapshot: DepositTreeSnapshot;
}

const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h.replace(/^0x/, ""), "hex"));

/** The 512 EIP-4881 reference cases (ethereum/EIPs assets/eip-4881/test_cases.yaml). */
export function loadEip4881Cases(): Eip4881Case[] {
  // biome-ignore lint/suspicious/noExplicitAny: raw YAML, mapped field by field below
  const raw = parse(readFileSync(file, "utf8")) as any[];
  return raw.map((c) => ({
    depositData: {
      pubkey: bytes(c.deposit_data.pubkey),
      withdrawalCredentials: bytes(c.deposit_data.withdrawal_credentials),
      amount: Number(c.deposit_data.amount),
      signature: bytes(c.deposit_data.signature),
    },
    depositDataRoot: bytes(c.deposit_data_root),
    eth1Data: {
      depositRoot: bytes(c.eth1_data.deposit_root),
      depositCount: Number(c.eth1_data.deposit_count),
      blockHash: bytes(c.eth1_data.block_hash),
    },
    blockHeight: Number(c.block_height),
    snapshot: {
      finalized: c.snapshot.finalized.map(bytes),
      depositRoot: bytes(c.snapshot.deposit_root),
      depositCount: Number(c.snapshot.deposit_count),
      executionBlockHash: bytes(c.snapshot.execution_block_hash),
      executionBlockHeight: Number(c.snapshot.execution_block_height),
    },
  }));
}
