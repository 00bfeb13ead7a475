import { getAddress } from "ethers";
import { BTC20_COIN_TYPE } from "./btc20.js";
import { CoinAmountError, coinsToGwei } from "./coinAmount.js";
import { NetworkError } from "./errors.js";
import { fixedHexToBytes, toHex } from "./hexBytes.js";
import { networksByForkVersion } from "./registry.js";
import type { NetworkParams } from "./types.js";

/**
 * A custom network as JSON: the fields of the reference deposit CLI's `--devnet_chain_setting`
 * (network_name, genesis_fork_version, exit_fork_version, genesis_validator_root, min_activation_amount,
 * min_deposit_amount, multiplier; amounts in coins) plus chain_id and deposit_contract_address, and optionally
 * max_deposit_amount (coins) and coin_type.
 */
export interface NetworkConfigJson {
  network_name: string;
  genesis_fork_version: string;
  exit_fork_version: string;
  genesis_validator_root?: string | null;
  min_activation_amount?: number | string;
  min_deposit_amount?: number | string;
  multiplier?: number;
  chain_id?: number | string | null;
  deposit_contract_address?: string | null;
  max_deposit_amount?: number | string;
  coin_type?: number;
}

const REFERENCE_MAX_DEPOSIT_GWEI = 2048n * 1_000_000_000n;

const KNOWN_KEYS = new Set([
  "network_name",
  "genesis_fork_version",
  "exit_fork_version",
  "genesis_validator_root",
  "min_activation_amount",
  "min_deposit_amount",
  "multiplier",
  "chain_id",
  "deposit_contract_address",
  "max_deposit_amount",
  "coin_type",
]);

export interface LoadNetworkConfigOptions {
  /**
   * Accept a genesis fork version that a built-in network already uses. Off by default, like the reference CLI:
   * deposits for such a "devnet" would be valid on that public network too.
   */
  allowKnownForkVersion?: boolean;
}

/**
 * Parses a custom network (JSON text or an already parsed object). Missing optional amounts take the BTC20
 * defaults (min deposit 1, activation 1000 coins; multiplier 1; coin type 3600) and the reference CLI's
 * maximum deposit (2048 * 10^9 gwei). Every problem is a
 * NetworkError with code BAD_NETWORK_CONFIG naming the field and what it expected.
 */
export function loadNetworkConfig(json: string | object, options: LoadNetworkConfigOptions = {}): NetworkParams {
  const raw = typeof json === "string" ? parseJson(json) : json;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw bad("the network config must be a JSON object");
  }
  const cfg = raw as Record<string, unknown>;
  const unknown = Object.keys(cfg).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) {
    throw bad(`unknown field(s) ${unknown.join(", ")}; expected only ${[...KNOWN_KEYS].join(", ")}`);
  }
  for (const key of ["network_name", "genesis_fork_version", "exit_fork_version"]) {
    if (cfg[key] === undefined) throw bad(`missing required field "${key}"`);
  }
  const name = cfg.network_name;
  if (typeof name !== "string" || name.trim() === "") throw bad(`"network_name" must be a non-empty string`);

  const genesisForkVersion = field(() => fixedHexToBytes(cfg.genesis_fork_version, 4, "genesis_fork_version"));
  const clash = networksByForkVersion(genesisForkVersion);
  if (clash.length > 0 && !options.allowKnownForkVersion) {
    throw bad(
      `genesis_fork_version ${toHex(genesisForkVersion)} belongs to the built-in network ${clash[0]!.name}; ` +
        "a custom network needs its own fork version (or use --network " +
        clash[0]!.name +
        ")",
    );
  }
  const exitForkVersion = field(() => fixedHexToBytes(cfg.exit_fork_version, 4, "exit_fork_version"));
  const gvr = cfg.genesis_validator_root;
  const genesisValidatorsRoot =
    gvr === undefined || gvr === null ? null : field(() => fixedHexToBytes(gvr, 32, "genesis_validator_root"));

  const multiplier = cfg.multiplier ?? 1;
  if (typeof multiplier !== "number" || !Number.isSafeInteger(multiplier) || multiplier < 1) {
    throw bad(`"multiplier" must be a positive integer, got ${JSON.stringify(multiplier)}`);
  }
  const m = BigInt(multiplier);
  const minDepositGwei = coinField(cfg.min_deposit_amount ?? 1, "min_deposit_amount") * m;
  const activationAmountGwei = coinField(cfg.min_activation_amount ?? 1000, "min_activation_amount") * m;
  // Without max_deposit_amount: the reference CLI's MAX_DEPOSIT_AMOUNT, 2048 * 10^9 deposit gwei whatever the multiplier.
  const maxDepositGwei =
    cfg.max_deposit_amount === undefined
      ? REFERENCE_MAX_DEPOSIT_GWEI
      : coinField(cfg.max_deposit_amount, "max_deposit_amount") * m;
  if (minDepositGwei <= 0n) throw bad(`"min_deposit_amount" must be positive`);
  if (activationAmountGwei < minDepositGwei || maxDepositGwei < activationAmountGwei) {
    throw bad("expected min_deposit_amount <= min_activation_amount <= max_deposit_amount");
  }

  const coinType = cfg.coin_type ?? BTC20_COIN_TYPE;
  if (typeof coinType !== "number" || !Number.isInteger(coinType) || coinType < 0 || coinType >= 2 ** 31) {
    throw bad(`"coin_type" must be an integer in [0, 2^31), got ${JSON.stringify(coinType)}`);
  }

  return {
    name: name.trim(),
    family: "custom",
    coinSymbol: "BTCC",
    chainId: chainIdField(cfg.chain_id),
    genesisForkVersion,
    exitForkVersion,
    genesisValidatorsRoot,
    depositContractAddress: addressField(cfg.deposit_contract_address),
    multiplier,
    minDepositGwei,
    activationAmountGwei,
    maxDepositGwei,
    coinType,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw bad(`the network config is not valid JSON (${(e as Error).message})`);
  }
}

function bad(message: string): NetworkError {
  return new NetworkError("BAD_NETWORK_CONFIG", `network config: ${message}`);
}

function field<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw bad((e as Error).message);
  }
}

function coinField(value: unknown, key: string): bigint {
  if (typeof value !== "number" && typeof value !== "string") {
    throw bad(`"${key}" must be a number of coins, got ${JSON.stringify(value)}`);
  }
  try {
    return coinsToGwei(value);
  } catch (e) {
    if (e instanceof CoinAmountError) throw bad(`"${key}": ${e.message}`);
    throw e;
  }
}

function chainIdField(value: unknown): bigint | null {
  if (value === undefined || value === null) return null;
  if (
    (typeof value === "number" && Number.isSafeInteger(value) && value > 0) ||
    (typeof value === "string" && /^[1-9]\d*$/.test(value))
  ) {
    return BigInt(value);
  }
  throw bad(`"chain_id" must be a positive integer, got ${JSON.stringify(value)}`);
}

function addressField(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw bad(`"deposit_contract_address" must be a 0x address string`);
  try {
    return getAddress(value);
  } catch {
    throw bad(
      `"deposit_contract_address" ${value} is not a valid address (expected 0x + 40 hex digits, EIP-55 checksum if mixed case)`,
    );
  }
}
