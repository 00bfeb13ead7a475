// Deploys the DepositContract from a signer and describes the result as a deployment record
// (deployments/<network>.json): chain id, address, deploy transaction, block, runtime bytecode hash.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ContractFactory, keccak256, type Signer } from "ethers";
import type { DepositContractArtifact } from "./depositContractArtifact.js";
import { DeployError } from "./errors.js";

export interface DeploymentRecord {
  contract: "DepositContract";
  network: string;
  chainId: number;
  address: string;
  deployer: string;
  deployTransaction: string;
  blockNumber: number;
  blockHash: string;
  gasUsed: number;
  /** keccak256 of the code at `address` (what eth_getCode returns): compare it to know the contract is ours. */
  runtimeBytecodeHash: string;
  deployedAt: string;
}

export async function deployDepositContract(
  signer: Signer,
  artifact: DepositContractArtifact,
  networkName: string,
): Promise<DeploymentRecord> {
  const provider = signer.provider;
  if (provider === null) throw new DeployError("DEPLOYMENT_FAILED", "the signer has no provider");
  const { chainId } = await provider.getNetwork();
  const factory = new ContractFactory(artifact.abi as never, artifact.bytecode, signer);
  const contract = await factory.deploy();
  const tx = contract.deploymentTransaction()!;
  const receipt = await tx.wait();
  if (receipt === null || receipt.status !== 1 || receipt.contractAddress === null) {
    throw new DeployError("DEPLOYMENT_FAILED", `deployment transaction ${tx.hash} failed`);
  }
  const code = await provider.getCode(receipt.contractAddress);
  if (code.toLowerCase() !== artifact.deployedBytecode.toLowerCase()) {
    throw new DeployError(
      "CODE_MISMATCH",
      `the code at ${receipt.contractAddress} (${(code.length - 2) / 2} bytes) is not the compiled runtime code`,
    );
  }
  return {
    contract: "DepositContract",
    network: networkName,
    chainId: Number(chainId),
    address: receipt.contractAddress,
    deployer: await signer.getAddress(),
    deployTransaction: tx.hash,
    blockNumber: receipt.blockNumber,
    blockHash: receipt.blockHash,
    gasUsed: Number(receipt.gasUsed),
    runtimeBytecodeHash: keccak256(code),
    deployedAt: new Date().toISOString(),
  };
}

/** Network names become file names: letters, digits, '-' and '_' only. */
export function deploymentRecordPath(directory: string, networkName: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(networkName)) {
    throw new DeployError("BAD_NETWORK_NAME", `network name "${networkName}": use letters, digits, '-' and '_'`);
  }
  return path.join(directory, `${networkName}.json`);
}

/** An existing record is never replaced unless `overwrite` (it may be the only copy): check before deploying. */
export async function assertRecordWritable(file: string, overwrite = false): Promise<void> {
  const existing = await readFile(file, "utf8").catch(() => undefined);
  if (existing !== undefined && !overwrite) {
    throw new DeployError("RECORD_EXISTS", `${file} already exists: pass --force to replace it`);
  }
}

export async function writeDeploymentRecord(file: string, record: DeploymentRecord, overwrite = false): Promise<void> {
  await assertRecordWritable(file, overwrite);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
}
