// Deployment paths of the DepositContract: the deploy script over real JSON-RPC (Hardhat's node on 127.0.0.1), the
// Ignition module, and the genesis predeploy (code + constructor storage) behaving exactly like a deployed contract.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { JsonRpcProvider, keccak256, Wallet } from "ethers";
import { network } from "hardhat";
import DepositContractModule from "../../ignition/modules/DepositContract.js";
import {
  deployDepositContract as deployFromSigner,
  writeDeploymentRecord,
} from "../../scripts/deploy/deployDepositContract.js";
import { loadDepositContractArtifact } from "../../scripts/deploy/depositContractArtifact.js";
import { DeployError } from "../../scripts/deploy/errors.js";
import {
  DEFAULT_DEPOSIT_CONTRACT_ADDRESS,
  depositContractGenesisAlloc,
  runConstructor,
} from "../../scripts/deploy/genesisAlloc.js";
import type { DepositContract } from "../../types/ethers-contracts/index.js";
import {
  deployDepositContract,
  makeDeposit,
  mined,
  rawLogs,
  sendBatch,
  sendDeposit,
  type TestDeposit,
} from "./depositFixtures.js";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
/** Hardhat's first default account (a public test key). */
const HARDHAT_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

describe("DepositContract: deployment", () => {
  let directory: string;
  before(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "btc20-deployments-"));
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("deploys over JSON-RPC with a key and records chain id, address, tx, block and code hash", async () => {
    const server = await network.createServer("default", "127.0.0.1", 0);
    const { address, port } = await server.listen();
    const rpcUrl = `http://${address}:${port}`;
    try {
      const provider = new JsonRpcProvider(rpcUrl, undefined, { staticNetwork: true });
      const signer = new Wallet(HARDHAT_KEY_0, provider);
      const record = await deployFromSigner(signer, await loadDepositContractArtifact(), "local");
      const receipt = await provider.getTransactionReceipt(record.deployTransaction);
      expect(record.chainId).to.equal(31337);
      expect(record.address).to.equal(receipt!.contractAddress);
      expect(record.blockNumber).to.equal(receipt!.blockNumber);
      expect(record.deployer).to.equal(signer.address);
      expect(record.runtimeBytecodeHash).to.equal(keccak256(await provider.getCode(record.address)));
      const file = path.join(directory, "local.json");
      await writeDeploymentRecord(file, record);
      expect(JSON.parse(await readFile(file, "utf8"))).to.deep.equal(record);
      const again = writeDeploymentRecord(file, record);
      await again.then(
        () => expect.fail("an existing record was replaced"),
        (error: unknown) => expect((error as DeployError).code).to.equal("RECORD_EXISTS"),
      );

      // The CLI does the same, with the key from the environment (never a flag).
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "scripts/deploy.ts", "--rpc-url", rpcUrl, "--network", "cli", "--deployments", directory],
        { cwd: REPO_ROOT, env: { ...process.env, BTC20_DEPLOYER_KEY: HARDHAT_KEY_0 } },
      );
      expect(stdout).to.not.include(HARDHAT_KEY_0.slice(2));
      const cliRecord = JSON.parse(await readFile(path.join(directory, "cli.json"), "utf8"));
      expect(cliRecord.runtimeBytecodeHash).to.equal(record.runtimeBytecodeHash);
      expect(await provider.getCode(cliRecord.address)).to.equal(await provider.getCode(record.address));
      provider.destroy();
    } finally {
      await server.close();
    }
  });

  it("the CLI refuses to run without a key, with a stable error code", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, BTC20_RPC_URL: "http://127.0.0.1:1" };
    delete env.BTC20_DEPLOYER_KEY;
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/deploy.ts"], {
      cwd: REPO_ROOT,
      env,
    });
    await run.then(
      () => expect.fail("deploy ran without a key"),
      (error: { code: number; stderr: string }) => {
        expect(error.code).to.equal(1);
        expect(error.stderr).to.include("MISSING_DEPLOYER_KEY");
      },
    );
  });

  it("the Ignition module deploys the same runtime code", async () => {
    const { ethers, ignition } = await network.create();
    const { depositContract } = await ignition.deploy(DepositContractModule);
    const artifact = await loadDepositContractArtifact();
    expect(await ethers.provider.getCode(await depositContract.getAddress())).to.equal(artifact.deployedBytecode);
  });

  it("a genesis predeploy (setCode + setStorageAt) behaves exactly like a deployed contract", async () => {
    const artifact = await loadDepositContractArtifact();
    const builder = await network.create();
    const result = await runConstructor((await builder.ethers.getSigners())[0], artifact);
    await builder.close();
    expect(result.code).to.equal(artifact.deployedBytecode);
    const alloc = depositContractGenesisAlloc(result);
    const [address, account] = Object.entries(alloc)[0];
    expect(address).to.equal(DEFAULT_DEPOSIT_CONTRACT_ADDRESS);

    const deployed = await deployDepositContract();
    const { ethers } = deployed;
    await ethers.provider.send("hardhat_setCode", [address, account.code]);
    for (const [slot, value] of Object.entries(account.storage)) {
      await ethers.provider.send("hardhat_setStorageAt", [address, slot, value]);
    }
    const predeployed = (await ethers.getContractAt("DepositContract", address)) as unknown as DepositContract;

    const deposits: TestDeposit[] = Array.from({ length: 24 }, () => makeDeposit());
    const steps: ((c: DepositContract) => ReturnType<typeof sendDeposit>)[] = [
      ...deposits.slice(0, 5).map((d) => (c: DepositContract) => sendDeposit(c, d)),
      (c) => sendBatch(c, deposits.slice(5, 19)),
      ...deposits.slice(19).map((d) => (c: DepositContract) => sendDeposit(c, d)),
    ];
    expect(await predeployed.get_deposit_root()).to.equal(await deployed.contract.get_deposit_root());
    for (const step of steps) {
      const a = rawLogs(await mined(step(deployed.contract)));
      const b = rawLogs(await mined(step(predeployed)));
      expect(b).to.deep.equal(a);
      expect(await predeployed.get_deposit_root()).to.equal(await deployed.contract.get_deposit_root());
      expect(await predeployed.get_deposit_count()).to.equal(await deployed.contract.get_deposit_count());
    }
    expect(await predeployed.supportsInterface("0x85640907")).to.equal(true);
  });

  it("rejects a predeploy address that is not an address", () => {
    expect(() => depositContractGenesisAlloc({ code: "0x00", codeHash: "0x", storage: {} }, "0x42"))
      .to.throw(DeployError)
      .with.property("code", "BAD_ADDRESS");
  });
});
