// The devnet configuration: BTC20's phase0 values with a few changed so that each scenario completes in minutes on
// a laptop. Every override says why; `describeOverrides` prints them next to the btc20 value.

import { BTC20_DEVNET } from "../../../sdk/networks/btc20.js";
import { type BeaconConfig, createBeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconParams } from "../../params/beaconParams.js";
import { btc20 } from "../../params/presets/btc20.js";

type Override = { value: BeaconParams[keyof BeaconParams]; why: string };

export const DEVNET_OVERRIDES: Partial<Record<keyof BeaconParams, Override>> = {
  CONFIG_NAME: { value: "btc20-devnet", why: "names the devnet in /eth/v1/config/spec" },
  SECONDS_PER_SLOT: { value: 3, why: "4x faster slots (3 s: still 1 s per duty interval)" },
  SLOTS_PER_EPOCH: { value: 8, why: "epochs of 24 s, so finality is visible within a minute and a half" },
  MAX_SEED_LOOKAHEAD: { value: 1, why: "activation/exit take effect 2 epochs after the registry update, not 5" },
  MIN_GENESIS_ACTIVE_VALIDATOR_COUNT: { value: 8, why: "a devnet starts with a handful of validators" },
  MIN_GENESIS_TIME: { value: 0, why: "genesis as soon as the genesis deposits are on the contract" },
  GENESIS_DELAY: { value: 6, why: "seconds between the genesis eth1 block and genesis, not a week" },
  GENESIS_FORK_VERSION: {
    value: BTC20_DEVNET.genesisForkVersion,
    why: "the SDK's btc20-devnet fork version: devnet deposits never verify on mainnet",
  },
  DEPOSIT_CHAIN_ID: { value: 31337, why: "Hardhat's chain id" },
  DEPOSIT_NETWORK_ID: { value: 31337, why: "Hardhat's network id" },
  ETH1_FOLLOW_DISTANCE: { value: 4, why: "deposits are read 4 eth1 blocks deep (no reorgs on a local chain)" },
  SECONDS_PER_ETH1_BLOCK: { value: 3, why: "the devnet mines one eth1 block per slot" },
  EPOCHS_PER_ETH1_VOTING_PERIOD: { value: 2, why: "new eth1 data (new deposits) is adopted within 16 slots" },
  TARGET_COMMITTEE_SIZE: { value: 4, why: "committees of a few validators, so small devnets fill every slot" },
  SHUFFLE_ROUND_COUNT: { value: 10, why: "cheaper shuffling (the minimal preset's value)" },
  SLOTS_PER_HISTORICAL_ROOT: { value: 64, why: "smaller state vectors: faster hashing" },
  EPOCHS_PER_HISTORICAL_VECTOR: { value: 64, why: "smaller state vectors: faster hashing" },
  EPOCHS_PER_SLASHINGS_VECTOR: {
    value: 8,
    why: "the correlation penalty lands 4 epochs after a slashing and the slashed validator is withdrawable after 8",
  },
  MIN_VALIDATOR_WITHDRAWABILITY_DELAY: { value: 4, why: "exited validators become withdrawable after 4 epochs" },
  SHARD_COMMITTEE_PERIOD: { value: 4, why: "validators may exit after 4 epochs" },
  INACTIVITY_PENALTY_QUOTIENT: {
    value: 2 ** 8,
    why: "the inactivity leak drains offline stake within ~10 epochs instead of weeks (btc20: 2^24)",
  },
};

export function devnetParams(extra: Partial<BeaconParams> = {}): BeaconParams {
  const params: Record<string, unknown> = { ...btc20 };
  for (const [k, o] of Object.entries(DEVNET_OVERRIDES)) params[k] = o!.value;
  return { ...(params as BeaconParams), ...extra };
}

export function createDevnetConfig(extra: Partial<BeaconParams> = {}): BeaconConfig {
  return createBeaconConfig(devnetParams(extra));
}

const show = (v: unknown) =>
  v instanceof Uint8Array ? `0x${Buffer.from(v).toString("hex")}` : typeof v === "number" ? String(v) : String(v);

/** Lines "NAME: btc20 -> devnet (why)" for every value that differs. */
export function describeOverrides(cfg: BeaconConfig): string[] {
  const lines: string[] = [];
  for (const [k, o] of Object.entries(DEVNET_OVERRIDES)) {
    const key = k as keyof BeaconParams;
    lines.push(`${k}: ${show(btc20[key])} -> ${show(cfg[key])}  (${o!.why})`);
  }
  return lines;
}
