// --network: "btc20" (the mainnet preset), "devnet" (the devnet values, see devnetParams.ts) or a phase0.yaml path.

import { CodedError } from "../../../sdk/errors/codedError.js";
import { type BeaconConfig, createBeaconConfig, loadBeaconConfig } from "../../params/beaconConfig.js";
import { btc20 } from "../../params/presets/btc20.js";
import { createDevnetConfig } from "./devnetParams.js";

export function networkConfig(network: string): BeaconConfig {
  if (network === "btc20" || network === "mainnet") return createBeaconConfig(btc20);
  if (network === "devnet") return createDevnetConfig();
  return loadBeaconConfig(network);
}

export class DepositContractAddressError extends CodedError<"INVALID_DEPOSIT_CONTRACT_ADDRESS"> {
  override readonly name = "DepositContractAddressError";
  constructor(address: string) {
    super("INVALID_DEPOSIT_CONTRACT_ADDRESS", `--deposit-contract ${address}: expected a 0x-prefixed 20-byte address`);
  }
}

/**
 * The network's config with `--deposit-contract` as its DEPOSIT_CONTRACT_ADDRESS, so that everything reading the
 * config (the follower, /eth/v1/config/deposit_contract, /eth/v1/config/spec) names the contract the node follows.
 */
export function withDepositContractAddress(cfg: BeaconConfig, address: string | undefined): BeaconConfig {
  if (address === undefined) return cfg;
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new DepositContractAddressError(address);
  return Object.freeze({ ...cfg, DEPOSIT_CONTRACT_ADDRESS: new Uint8Array(Buffer.from(address.slice(2), "hex")) });
}
