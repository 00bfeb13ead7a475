import { getAddress } from "ethers";
import { BTC20_DEVNET, BTC20_MAINNET, BTC20_TESTNET } from "./btc20.js";
import { NetworkError } from "./errors.js";
import { ETHEREUM_NETWORKS } from "./ethereum.js";
import { toHex } from "./hexBytes.js";
import type { NetworkParams } from "./types.js";

/** Every built-in network: BTC20 first, then the Ethereum-family ones. */
export const KNOWN_NETWORKS: readonly NetworkParams[] = [
  BTC20_MAINNET,
  BTC20_TESTNET,
  BTC20_DEVNET,
  ...ETHEREUM_NETWORKS,
];

/** Short aliases accepted by `getNetwork` for the BTC20 networks. */
const ALIASES: Readonly<Record<string, string>> = {
  btc20: "btc20-mainnet",
  testnet: "btc20-testnet",
  devnet: "btc20-devnet",
};

/** The built-in network called `name` (case-insensitive; "btc20", "testnet", "devnet" are BTC20 aliases). */
export function getNetwork(name: string): NetworkParams {
  const wanted = name.trim().toLowerCase();
  const canonical = ALIASES[wanted] ?? wanted;
  const found = KNOWN_NETWORKS.find((n) => n.name === canonical);
  if (!found) {
    throw new NetworkError(
      "UNKNOWN_NETWORK",
      `unknown network "${name}"; expected one of ${KNOWN_NETWORKS.map((n) => n.name).join(", ")} (or --network-config <file>)`,
    );
  }
  return found;
}

/** Names of the built-in networks, in registry order. */
export function listNetworkNames(): string[] {
  return KNOWN_NETWORKS.map((n) => n.name);
}

/** Built-in networks whose deposits are signed with this genesis fork version. */
export function networksByForkVersion(forkVersion: Uint8Array): NetworkParams[] {
  const hex = toHex(forkVersion);
  return KNOWN_NETWORKS.filter((n) => toHex(n.genesisForkVersion) === hex);
}

/** A copy of `network` whose deposit contract lives at `address` (e.g. the devnet's deployment). */
export function withDepositContract(network: NetworkParams, address: string): NetworkParams {
  return { ...network, depositContractAddress: getAddress(address) };
}
