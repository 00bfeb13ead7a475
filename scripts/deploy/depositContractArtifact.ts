// The compiled DepositContract (Hardhat artifact) and the compiler settings it was built with.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DeployError } from "./errors.js";

export interface DepositContractArtifact {
  abi: unknown[];
  /** Init code (constructor + runtime). */
  bytecode: string;
  /** Runtime code as the compiler emitted it (the contract has no immutables, so it is the deployed code). */
  deployedBytecode: string;
}

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const ARTIFACT_PATH = path.join(REPO_ROOT, "artifacts/contracts/DepositContract.sol/DepositContract.json");

export async function loadDepositContractArtifact(file = ARTIFACT_PATH): Promise<DepositContractArtifact> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new DeployError(
      "ARTIFACT_NOT_FOUND",
      `no compiled DepositContract at ${file}: run \`npm run build:contracts\` first`,
    );
  }
  const artifact = JSON.parse(text) as DepositContractArtifact;
  return { abi: artifact.abi, bytecode: artifact.bytecode, deployedBytecode: artifact.deployedBytecode };
}
