import { getAddress } from "ethers";
import { NetworkError } from "./errors.js";
import type { NetworkParams } from "./types.js";

/** The fields of a `deployments/<network>.json` record (scripts/deploy.ts) that deposits need. */
export interface DeploymentRecord {
  contract: string;
  chainId: number | string;
  address: string;
  /** Block of the deployment: DepositEvent logs start there. */
  blockNumber: number;
}

/**
 * `network` with its deposit contract taken from a deployment record (e.g. the devnet's), plus the block to scan
 * logs from. Refuses a record of another contract or of another chain than the network's (BAD_NETWORK_CONFIG).
 */
export function withDeployment(network: NetworkParams, record: unknown): { network: NetworkParams; fromBlock: number } {
  const r = record as Partial<DeploymentRecord> | null;
  if (!r || typeof r !== "object" || r.contract !== "DepositContract" || typeof r.address !== "string") {
    throw new NetworkError(
      "BAD_NETWORK_CONFIG",
      'not a DepositContract deployment record: expected { "contract": "DepositContract", "address", "chainId", "blockNumber" }',
    );
  }
  const chainId = BigInt(r.chainId ?? -1);
  if (network.chainId !== null && chainId !== network.chainId) {
    throw new NetworkError(
      "BAD_NETWORK_CONFIG",
      `the deployment record is for chain id ${chainId}, but ${network.name} is chain id ${network.chainId}`,
    );
  }
  const fromBlock = Number.isSafeInteger(r.blockNumber) && r.blockNumber! >= 0 ? r.blockNumber! : 0;
  return {
    network: { ...network, chainId: network.chainId ?? chainId, depositContractAddress: getAddress(r.address) },
    fromBlock,
  };
}
