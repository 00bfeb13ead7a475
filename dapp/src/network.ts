// The network the dApp stakes on, with its deposit contract and the block to scan its logs from:
// ?contract= > deployments/<network>.json (bundled at build time) > the network's predeployed address.
import { getNetwork, type NetworkParams, withDeployment, withDepositContract } from "../../sdk/browser.js";
import { CodedError } from "../../sdk/errors/codedError.js";
import type { AppConfig } from "./config.js";

const DEPLOYMENTS = import.meta.glob<Record<string, unknown>>("../../deployments/*.json", {
  eager: true,
  import: "default",
});

export interface ResolvedNetwork {
  network: NetworkParams;
  /** first block of the contract's DepositEvent logs */
  fromBlock: number;
  /** where the contract address came from, shown to the user */
  source: string;
}

export class DappConfigError extends CodedError<"NO_DEPOSIT_CONTRACT"> {
  override readonly name = "DappConfigError";
  constructor(message: string) {
    super("NO_DEPOSIT_CONTRACT", message);
  }
}

export function resolveNetwork(cfg: AppConfig): ResolvedNetwork {
  const base = getNetwork(cfg.networkName);
  if (cfg.contract) {
    return {
      network: withDepositContract(base, cfg.contract),
      fromBlock: cfg.fromBlock ?? 0,
      source: "the page's ?contract= parameter",
    };
  }
  const file = `../../deployments/${base.name}.json`;
  const record = DEPLOYMENTS[file];
  if (record) {
    const { network, fromBlock } = withDeployment(base, record);
    return { network, fromBlock, source: `deployments/${base.name}.json` };
  }
  if (base.depositContractAddress) {
    return { network: base, fromBlock: cfg.fromBlock ?? 0, source: `${base.name}'s predeployed contract` };
  }
  throw new DappConfigError(
    `${base.name} has no deposit contract address: add ?contract=0x…&fromBlock=N to the URL (npm run devnet prints them)`,
  );
}
