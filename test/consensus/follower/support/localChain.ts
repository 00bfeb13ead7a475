// A real JSON-RPC node on 127.0.0.1 for the follower tests and benchmark: Hardhat 3's own server
// (`network.createServer`, HTTP + WebSocket on a free port), with the DepositContract deployed over that HTTP endpoint.
import { Contract, ContractFactory, type InterfaceAbi, JsonRpcProvider, type JsonRpcSigner } from "ethers";
import { artifacts, network, tasks } from "hardhat";
import { loadDepositContractArtifact } from "../../../../scripts/deploy/depositContractArtifact.js";

export interface LocalChain {
  url: string;
  wsUrl: string;
  chainId: number;
  provider: JsonRpcProvider;
  signer: JsonRpcSigner;
  contract: Contract;
  address: string;
  deployBlock: number;
  mine(blocks: number): Promise<void>;
  snapshot(): Promise<string>;
  revert(id: string): Promise<void>;
  blockNumber(): Promise<number>;
  close(): Promise<void>;
}

export async function startLocalChain(chainId = 31337): Promise<LocalChain> {
  const server = await network.createServer(
    { network: "hardhat", override: { chainId, allowUnlimitedContractSize: false } },
    "127.0.0.1",
    0,
  );
  const { port } = await server.listen();
  const url = `http://127.0.0.1:${port}`;
  const provider = new JsonRpcProvider(url, chainId, { staticNetwork: true, batchMaxCount: 1, cacheTimeout: -1 });
  const signer = await provider.getSigner(0);
  // Deposits move real value: give the deployer far more than any test or benchmark sends.
  await provider.send("hardhat_setBalance", [await signer.getAddress(), `0x${(10n ** 40n).toString(16)}`]);
  // Compiles first when run outside `hardhat test` (the benchmark) on a fresh checkout; a no-op when up to date. The
  // artifact is then read from its file: Hardhat's artifact manager keeps the (empty) listing it read before the build.
  if (!(await artifacts.artifactExists("DepositContract"))) await tasks.getTask("build").run({ quiet: true });
  const loaded = await loadDepositContractArtifact();
  const artifact = { abi: loaded.abi as InterfaceAbi, bytecode: loaded.bytecode };
  const factory = new ContractFactory(artifact.abi, artifact.bytecode, signer);
  const deployed = await factory.deploy();
  const receipt = await deployed.deploymentTransaction()!.wait();
  const address = await deployed.getAddress();
  const contract = new Contract(address, artifact.abi, signer);
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    chainId,
    provider,
    signer,
    contract,
    address,
    deployBlock: receipt!.blockNumber,
    // evm_mine one block at a time: blocks made by hardhat_mine in bulk answer eth_call at their height with "0x"
    // (no state), which would turn the follower's contract-state check off for them.
    mine: async (blocks) => {
      for (let i = 0; i < blocks; i++) await provider.send("evm_mine", []);
    },
    snapshot: async () => (await provider.send("evm_snapshot", [])) as string,
    revert: async (id) => {
      const ok = await provider.send("evm_revert", [id]);
      if (ok !== true) throw new Error(`evm_revert(${id}) failed`);
    },
    blockNumber: async () => Number(await provider.send("eth_blockNumber", [])),
    close: async () => {
      provider.destroy();
      await server.close();
    },
  };
}
