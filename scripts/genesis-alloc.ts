// Prints (or writes) the genesis `alloc` entry that predeploys the BTC20 DepositContract at a fixed address: its
// runtime bytecode and the storage its constructor writes, found by running the init code on an in-process Hardhat
// network. Run `tsx scripts/genesis-alloc.ts --help` (after `npm run build:contracts`).
import { writeFile } from "node:fs/promises";
import { Command } from "commander";
import { network } from "hardhat";
import { loadDepositContractArtifact } from "./deploy/depositContractArtifact.js";
import { DeployError } from "./deploy/errors.js";
import {
  DEFAULT_DEPOSIT_CONTRACT_ADDRESS,
  depositContractGenesisAlloc,
  runConstructor,
} from "./deploy/genesisAlloc.js";

const program = new Command()
  .name("genesis-alloc")
  .description("Genesis alloc entry (code + constructor storage) of the BTC20 DepositContract")
  .option("--address <address>", "predeploy address", DEFAULT_DEPOSIT_CONTRACT_ADDRESS)
  .option("--out <file>", "write the JSON there instead of stdout");

async function main(): Promise<void> {
  const options = program.parse().opts<{ address: string; out?: string }>();
  const artifact = await loadDepositContractArtifact();
  const connection = await network.create();
  const [signer] = await connection.ethers.getSigners();
  const result = await runConstructor(signer, artifact);
  await connection.close();
  const alloc = depositContractGenesisAlloc(result, options.address);
  const json = `${JSON.stringify(alloc, null, 2)}\n`;
  if (options.out === undefined) process.stdout.write(json);
  else await writeFile(options.out, json);
  const slots = Object.keys(result.storage).length;
  console.error(
    `DepositContract at ${Object.keys(alloc)[0]}: ${(result.code.length - 2) / 2} bytes of code (keccak ${result.codeHash}), ${slots} storage slot(s)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof DeployError ? `error [${error.code}]: ${error.message}` : error);
  process.exitCode = 1;
});
