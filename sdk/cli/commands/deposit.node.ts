import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { JsonRpcProvider, Wallet } from "ethers";
import { getBls } from "../../crypto/bls/index.js";
import { DepositClient } from "../../deposit/client/depositClient.js";
import { readDepositDataFile } from "../../deposit/depositDataFile.node.js";
import { verifyDepositData } from "../../deposit/verify/verifyDepositData.js";
import { withDeployment } from "../../networks/deploymentRecord.js";
import { CliError, EXIT } from "../exitCodes.js";
import { resolveNetwork } from "../resolveNetwork.node.js";

interface DepositOptions {
  rpcUrl: string;
  network?: string;
  networkConfig?: string;
  contractAddress?: string;
  deployment?: string;
  privateKeyFile?: string;
  batchSize: string;
  fromBlock: string;
}

/** `deposit <file>`: sends a deposit_data file through an RPC URL, skipping keys already deposited. */
export function depositCommand(): Command {
  return new Command("deposit")
    .description(
      "send the deposits of a deposit_data-*.json file to the deposit contract (resumable: keys already deposited are skipped)",
    )
    .argument("<file>", "deposit_data-*.json")
    .requiredOption("--rpc-url <url>", "JSON-RPC endpoint of the execution chain")
    .option("--network <name>", "built-in network", "btc20-mainnet")
    .option("--network-config <file>", "custom network JSON")
    .option("--contract-address <address>", "deposit contract (default: the network's)")
    .option("--deployment <file>", "deployments/<network>.json record: contract address and first block to scan")
    .option(
      "--private-key-file <file>",
      "file with the paying account's private key (default: env BTC20_DEPOSITOR_KEY)",
    )
    .option("--batch-size <n>", "deposits per transaction (batchDeposit when > 1)", "1")
    .option("--from-block <n>", "block to scan DepositEvent logs from (the contract's deployment block)", "0")
    .action(async (file: string, options: DepositOptions) => {
      let network = await resolveNetwork(options);
      let fromBlock = Number(options.fromBlock);
      if (options.deployment) {
        const deployed = withDeployment(network, await readJsonFile(options.deployment, "--deployment"));
        network = deployed.network;
        if (options.fromBlock === "0") fromBlock = deployed.fromBlock;
      }
      const bls = await getBls();
      const entries = await readDepositDataFile(file);
      const checked = verifyDepositData(entries, network, { bls });
      if (!checked.ok) {
        const first = checked.entries.find((e) => !e.ok);
        const detail = first ? `#${first.index}: ${first.issues.map((i) => `${i.code}: ${i.message}`).join("; ")}` : "";
        throw new CliError(EXIT.VERIFY_FAILED, `${file} is not valid for ${network.name}; nothing was sent. ${detail}`);
      }
      const batchSize = Number(options.batchSize);
      if (!Number.isSafeInteger(batchSize) || batchSize < 1 || !Number.isSafeInteger(fromBlock) || fromBlock < 0) {
        throw new CliError(EXIT.INVALID_INPUT, "--batch-size must be >= 1 and --from-block >= 0 (integers)");
      }
      const key = await privateKey(options.privateKeyFile);
      // No response cache: with instant mining (devnets) a cached nonce would be reused by the next transaction.
      const signer = new Wallet(key, new JsonRpcProvider(options.rpcUrl, undefined, { cacheTimeout: -1 }));
      const client = await DepositClient.connect({
        signer,
        network,
        bls,
        contractAddress: options.contractAddress,
        fromBlock,
      });
      const records = checked.entries.map((e) => e.record!);
      const result = await client.depositMany(records, {
        batchSize,
        onProgress: (e) => {
          const where = e.depositIndex !== undefined ? ` deposit #${e.depositIndex}` : "";
          const tx = e.txHash ? ` tx ${e.txHash}` : "";
          process.stderr.write(`[${e.position}] ${e.pubkey.slice(0, 12)}… ${e.status}${where}${tx}\n`);
        },
      });
      process.stdout.write(
        `Sent ${result.sent.length} deposit(s), skipped ${result.skipped.length} already deposited, on ${network.name}\n`,
      );
      signer.provider?.destroy();
    });
}

async function readJsonFile(file: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new CliError(EXIT.FILE_ERROR, `cannot read ${flag} ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(EXIT.INVALID_INPUT, `${flag} ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

async function privateKey(file: string | undefined): Promise<string> {
  let key = process.env.BTC20_DEPOSITOR_KEY;
  if (file) {
    try {
      key = (await readFile(file, "utf8")).trim();
    } catch (e) {
      throw new CliError(EXIT.FILE_ERROR, `cannot read --private-key-file ${file}: ${(e as Error).message}`);
    }
  }
  if (!key)
    throw new CliError(EXIT.INVALID_INPUT, "no paying account: pass --private-key-file or set BTC20_DEPOSITOR_KEY");
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(key)) {
    throw new CliError(EXIT.INVALID_INPUT, "the private key must be 32 bytes of hex (64 hex digits, optional 0x)");
  }
  return key.startsWith("0x") ? key : `0x${key}`;
}
