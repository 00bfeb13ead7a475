import { readFile } from "node:fs/promises";
import { loadNetworkConfig } from "../networks/loadNetworkConfig.js";
import { getNetwork } from "../networks/registry.js";
import type { NetworkParams } from "../networks/types.js";
import { CliError, EXIT } from "./exitCodes.js";

/** `--network <name>` or `--network-config <file>` (a custom network; it wins when both are given). */
export async function resolveNetwork(options: { network?: string; networkConfig?: string }): Promise<NetworkParams> {
  if (options.networkConfig) {
    let text: string;
    try {
      text = await readFile(options.networkConfig, "utf8");
    } catch (e) {
      throw new CliError(
        EXIT.FILE_ERROR,
        `cannot read --network-config ${options.networkConfig}: ${(e as Error).message}`,
      );
    }
    return loadNetworkConfig(text);
  }
  return getNetwork(options.network ?? "btc20-mainnet");
}
