// Genesis allocation of the DepositContract: the runtime code and the storage its constructor writes, so that a
// chain can start with the contract predeployed at a fixed address (no deployment transaction).
//
// Both are taken from a real deployment rather than assumed: the init code runs on a node that can trace
// transactions (Hardhat's simulated network), the code is read back with eth_getCode and the storage writes are the
// constructor's SSTOREs found in the debug_traceTransaction struct logs (each slot's last value wins; slots ending at
// zero are left out, as a genesis state omits them). Each slot is then checked with eth_getStorageAt.
import { ContractFactory, getAddress, keccak256, type Signer, toBeHex, toQuantity, zeroPadValue } from "ethers";
import type { DepositContractArtifact } from "./depositContractArtifact.js";
import { DeployError } from "./errors.js";

/** The address Ethereum devnets and testnets commonly give a predeployed deposit contract. */
export const DEFAULT_DEPOSIT_CONTRACT_ADDRESS = "0x4242424242424242424242424242424242424242";

/** One account of a genesis `alloc` (the geth/EL genesis.json format): hex quantities and 32-byte storage words. */
export interface GenesisAccount {
  balance: string;
  code: string;
  storage: Record<string, string>;
}

export interface ConstructorResult {
  /** Runtime bytecode, as deployed. */
  code: string;
  codeHash: string;
  /** Slot -> value, 32-byte 0x-hex each, of every slot the constructor left non-zero. */
  storage: Record<string, string>;
}

interface StructLog {
  op: string;
  depth: number;
  stack?: string[];
}

const word = (hex: string) => zeroPadValue(toBeHex(BigInt(hex)), 32);

/**
 * Runs the DepositContract's init code from `signer` (on a node with debug_traceTransaction, e.g. Hardhat's
 * simulated network) and returns the runtime code and constructor storage.
 */
export async function runConstructor(signer: Signer, artifact: DepositContractArtifact): Promise<ConstructorResult> {
  const provider = signer.provider as
    | (Signer["provider"] & { send(method: string, params: unknown[]): Promise<unknown> })
    | null;
  if (provider === null || typeof provider.send !== "function") {
    throw new DeployError("DEPLOYMENT_FAILED", "the signer needs a JSON-RPC provider that can trace transactions");
  }
  const contract = await new ContractFactory(artifact.abi as never, artifact.bytecode, signer).deploy();
  const tx = contract.deploymentTransaction()!;
  const receipt = await tx.wait();
  if (receipt === null || receipt.status !== 1 || receipt.contractAddress === null) {
    throw new DeployError("DEPLOYMENT_FAILED", `deployment transaction ${tx.hash} failed`);
  }
  const trace = (await provider.send("debug_traceTransaction", [
    tx.hash,
    { disableMemory: true, disableStorage: true, disableStack: false },
  ])) as { structLogs: StructLog[] };

  // SSTORE pops key (top of stack) then value; struct logs list the stack bottom first.
  const written = new Map<string, string>();
  for (const log of trace.structLogs) {
    if (log.op !== "SSTORE" || log.depth !== 1 || log.stack === undefined) continue;
    const stack = log.stack;
    written.set(word(stack[stack.length - 1]), word(stack[stack.length - 2]));
  }
  const storage: Record<string, string> = {};
  for (const [slot, value] of [...written].sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1))) {
    const stored = await provider.getStorage(receipt.contractAddress, slot);
    if (BigInt(stored) !== BigInt(value)) {
      throw new DeployError("CODE_MISMATCH", `slot ${slot}: traced ${value} but the node holds ${stored}`);
    }
    if (BigInt(value) !== 0n) storage[slot] = value;
  }

  const code = await provider.getCode(receipt.contractAddress);
  if (code.toLowerCase() !== artifact.deployedBytecode.toLowerCase()) {
    throw new DeployError("CODE_MISMATCH", "the deployed code is not the compiled runtime code");
  }
  return { code, codeHash: keccak256(code), storage };
}

/** The genesis `alloc` entry that predeploys the contract at `address` with `balanceWei`. */
export function depositContractGenesisAlloc(
  result: ConstructorResult,
  address: string = DEFAULT_DEPOSIT_CONTRACT_ADDRESS,
  balanceWei = 0n,
): Record<string, GenesisAccount> {
  let checksummed: string;
  try {
    checksummed = getAddress(address);
  } catch {
    throw new DeployError("BAD_ADDRESS", `"${address}" is not an address (0x + 40 hex digits)`);
  }
  return { [checksummed]: { balance: toQuantity(balanceWei), code: result.code, storage: { ...result.storage } } };
}
