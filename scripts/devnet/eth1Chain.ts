// The devnet's execution chain: Hardhat's simulated network served over JSON-RPC on 127.0.0.1 from this process
// (Hardhat 3 `network.createServer`), the DepositContract deployed on it, a funded signer, and block mining tied to
// the beacon clock (one block per slot, timestamped with the clock's time, so eth1 voting sees consistent times in
// virtual time too).
import { existsSync } from "node:fs";
import path from "node:path";
import { ContractFactory, JsonRpcProvider, type JsonRpcSigner } from "ethers";
import { CodedError } from "../../sdk/errors/codedError.js";
import { ARTIFACT_PATH, loadDepositContractArtifact } from "../deploy/depositContractArtifact.js";

export interface Eth1Chain {
  url: string;
  chainId: number;
  provider: JsonRpcProvider;
  signer: JsonRpcSigner;
  contractAddress: string;
  deployBlock: number;
  /** mines one empty block with timestamp max(last + 1, floor(time)) */
  mineAt(time: number): Promise<void>;
  latestTimestamp(): Promise<number>;
  close(): Promise<void>;
}

/** The btc20-node flags that point a node at this chain's deposit contract (--execution-endpoint, --deposit-contract*). */
export function eth1NodeArgs(eth1: Pick<Eth1Chain, "url" | "contractAddress" | "deployBlock">): string[] {
  return [
    "--execution-endpoint",
    eth1.url,
    "--deposit-contract",
    eth1.contractAddress,
    "--deposit-contract-block",
    String(eth1.deployBlock),
  ];
}

export class Eth1ChainError extends CodedError<"ETH1_CHAIN_FAILED"> {
  override readonly name = "Eth1ChainError";
  constructor(message: string) {
    super("ETH1_CHAIN_FAILED", message);
  }
}

/** Compiles the contract with Hardhat if its artifact is missing (first run after a clean checkout). */
async function ensureArtifact(): Promise<void> {
  if (existsSync(ARTIFACT_PATH)) return;
  const hre = await import("hardhat");
  await hre.tasks.getTask("build").run({ quiet: true });
  if (!existsSync(ARTIFACT_PATH))
    throw new Eth1ChainError(`compilation did not produce ${path.basename(ARTIFACT_PATH)}`);
}

export async function startEth1Chain(
  opts: { chainId?: number; port?: number; startTime?: number } = {},
): Promise<Eth1Chain> {
  const chainId = opts.chainId ?? 31337;
  await ensureArtifact();
  const { network } = await import("hardhat");
  const server = await network.createServer({ network: "hardhat", override: { chainId } }, "127.0.0.1", opts.port ?? 0);
  const { port } = await server.listen();
  const url = `http://127.0.0.1:${port}`;
  const provider = new JsonRpcProvider(url, chainId, { staticNetwork: true, batchMaxCount: 1, cacheTimeout: -1 });
  const signer = await provider.getSigner(0);
  await provider.send("hardhat_setBalance", [await signer.getAddress(), `0x${(10n ** 40n).toString(16)}`]);
  let last = Number((await provider.getBlock("latest"))!.timestamp);
  if (opts.startTime && opts.startTime > last) {
    await provider.send("evm_mine", [opts.startTime]);
    last = opts.startTime;
  }
  const artifact = await loadDepositContractArtifact();
  const factory = new ContractFactory(artifact.abi as never, artifact.bytecode, signer);
  const deployed = await factory.deploy();
  const receipt = await deployed.deploymentTransaction()!.wait();
  const latestTimestamp = async () => Number((await provider.getBlock("latest"))!.timestamp);
  return {
    url,
    chainId,
    provider,
    signer,
    contractAddress: await deployed.getAddress(),
    deployBlock: receipt!.blockNumber,
    async mineAt(time: number) {
      const latest = await latestTimestamp();
      await provider.send("evm_mine", [Math.max(latest + 1, Math.floor(time))]);
    },
    latestTimestamp,
    async close() {
      provider.destroy();
      await server.close();
    },
  };
}
