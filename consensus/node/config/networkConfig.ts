// --network: "btc20" (the mainnet preset), "devnet" (the devnet values, see devnetParams.ts) or a phase0.yaml path.
import { type BeaconConfig, createBeaconConfig, loadBeaconConfig } from "../../params/beaconConfig.js";
import { btc20 } from "../../params/presets/btc20.js";
import { createDevnetConfig } from "./devnetParams.js";

export function networkConfig(network: string): BeaconConfig {
  if (network === "btc20" || network === "mainnet") return createBeaconConfig(btc20);
  if (network === "devnet") return createDevnetConfig();
  return loadBeaconConfig(network);
}
