// Deploys the BTC20 DepositContract to any EVM network given by RPC URL and deployer key, and writes
// deployments/<network>.json. Run `tsx scripts/deploy.ts --help` (after `npm run build:contracts`).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { JsonRpcProvider, Wallet } from "ethers";
import {
  assertRecordWritable,
  deployDepositContract,
  deploymentRecordPath,
  writeDeploymentRecord,
} from "./deploy/deployDepositContract.js";
import { loadDepositContractArtifact } from "./deploy/depositContractArtifact.js";
import { DeployError } from "./deploy/errors.js";

const program = new Command()
  .name("deploy")
  .description("Deploy the BTC20 DepositContract and record it under deployments/<network>.json")
  .option("--rpc-url <url>", "JSON-RPC endpoint (default: $BTC20_RPC_URL)")
  .option("--key-file <file>", "file holding the deployer key (default: $BTC20_DEPLOYER_KEY)")
  .option("--network <name>", "name of the record file (default: chain-<chainId>)")
  .option("--deployments <dir>", "directory of the records", path.resolve(import.meta.dirname, "../deployments"))
  .option("--force", "replace an existing record of the same network", false)
  .addHelpText(
    "after",
    "\nThe deployer key (0x + 64 hex digits) comes from --key-file or $BTC20_DEPLOYER_KEY and is never printed; there" +
      "\nis no flag taking the key itself, so that it stays out of shell history and process lists.\n" +
      "\nExample:\n  BTC20_RPC_URL=http://127.0.0.1:8545 BTC20_DEPLOYER_KEY=0x... tsx scripts/deploy.ts --network devnet\n",
  );

async function main(): Promise<void> {
  const options = program.parse().opts<{
    rpcUrl?: string;
    keyFile?: string;
    network?: string;
    deployments: string;
    force: boolean;
  }>();
  const rpcUrl = options.rpcUrl ?? process.env.BTC20_RPC_URL;
  if (!rpcUrl) throw new DeployError("MISSING_RPC_URL", "no RPC URL: pass --rpc-url or set BTC20_RPC_URL");
  const key =
    options.keyFile === undefined ? process.env.BTC20_DEPLOYER_KEY : (await readFile(options.keyFile, "utf8")).trim();
  if (!key) throw new DeployError("MISSING_DEPLOYER_KEY", "no deployer key: pass --key-file or set BTC20_DEPLOYER_KEY");
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) {
    throw new DeployError("BAD_DEPLOYER_KEY", "the deployer key must be 0x followed by 64 hex digits");
  }

  const artifact = await loadDepositContractArtifact();
  const provider = new JsonRpcProvider(rpcUrl, undefined, { staticNetwork: true });
  const signer = new Wallet(key, provider);
  const { chainId } = await provider.getNetwork();
  const networkName = options.network ?? `chain-${chainId}`;
  const file = deploymentRecordPath(options.deployments, networkName);
  await assertRecordWritable(file, options.force);
  console.log(`deploying DepositContract to chain ${chainId} from ${signer.address} ...`);
  const record = await deployDepositContract(signer, artifact, networkName);
  await writeDeploymentRecord(file, record, options.force);
  console.log(`deployed at ${record.address} (tx ${record.deployTransaction}, block ${record.blockNumber})`);
  console.log(`record: ${path.relative(process.cwd(), file)}`);
  provider.destroy();
}

main().catch((error: unknown) => {
  if (error instanceof DeployError) {
    console.error(`error [${error.code}]: ${error.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
