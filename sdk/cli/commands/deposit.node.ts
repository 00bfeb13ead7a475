import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { JsonRpcProvider, Wallet } from "ethers";
import { getBls } from "../../crypto/bls/index.js";
import { DepositClient } from "../../deposit/client/depositClient.js";
import { readDepositDataFile } from "../../deposit/depositDataFile.node.js";
import { verifyDepositData } from "../../deposit/verify/verifyDepositData.js";
import { describeWithdrawalCredentials } from "../../deposit/withdrawalCredentials.js";
import { gweiToCoins } from "../../networks/coinAmount.js";
import { withDeployment } from "../../networks/deploymentRecord.js";
import { toHex } from "../../networks/hexBytes.js";
import { CliError, EXIT } from "../exitCodes.js";
import { Interaction } from "../interaction.node.js";
import { chooseNetwork } from "../questions.node.js";

interface DepositOptions {
  rpcUrl: string;
  network?: string;
  networkConfig?: string;
  contractAddress?: string;
  deployment?: string;
  privateKeyFile?: string;
  batchSize: string;
  fromBlock: string;
  nonInteractive?: boolean;
}

/** `deposit <file>`: sends a deposit_data file through an RPC URL, skipping keys already deposited. */
export function depositCommand(): Command {
  return new Command("deposit")
    .description(
      "send the deposits of a deposit_data-*.json file to the deposit contract (resumable: keys already deposited are skipped)",
    )
    .argument("<file>", "deposit_data-*.json")
    .requiredOption("--rpc-url <url>", "JSON-RPC endpoint of the execution chain")
    .option("--network <name>", "built-in network (asked when missing)")
    .option("--network-config <file>", "custom network JSON")
    .option("--contract-address <address>", "deposit contract (default: the network's)")
    .option("--deployment <file>", "deployments/<network>.json record: contract address and first block to scan")
    .option(
      "--private-key-file <file>",
      "file with the paying account's private key (default: env BTC20_DEPOSITOR_KEY)",
    )
    .option("--batch-size <n>", "deposits per transaction (batchDeposit when > 1)", "1")
    .option("--from-block <n>", "block to scan DepositEvent logs from (the contract's deployment block)", "0")
    .option("--non-interactive", "never prompt: no network question, no confirmation before sending")
    .action(async (file: string, options: DepositOptions) => {
      const ia = new Interaction(options.nonInteractive === true);
      try {
        await runDeposit(ia, file, options);
      } finally {
        ia.close();
      }
    });
}

async function runDeposit(ia: Interaction, file: string, options: DepositOptions): Promise<void> {
  const entries = await readDepositDataFile(file);
  let network = await chooseNetwork(ia, options, "do these deposits go to");
  let fromBlock = Number(options.fromBlock);
  if (options.deployment) {
    const deployed = withDeployment(network, await readJsonFile(options.deployment, "--deployment"));
    network = deployed.network;
    if (options.fromBlock === "0") fromBlock = deployed.fromBlock;
  }
  const bls = await getBls();
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
  const key = await privateKey(ia, options.privateKeyFile);
  const payer = new Wallet(key);
  const records = checked.entries.map((e) => e.record!);
  const totalGwei = records.reduce((sum, r) => sum + r.amountGwei, 0n) / BigInt(network.multiplier);
  const kinds = new Set(
    records.map((r) => {
      const d = describeWithdrawalCredentials(r.withdrawalCredentials);
      const prefix = `0x${toHex(r.withdrawalCredentials.subarray(0, 1))}`;
      return d?.address ? `${prefix} to ${d.address}` : prefix;
    }),
  );
  await ia.confirm(
    "Summary:",
    [
      ["network", `${network.name} (chain id ${network.chainId ?? "from the RPC"})`],
      ["fork version", `0x${toHex(network.genesisForkVersion)}`],
      ["deposit contract", options.contractAddress ?? network.depositContractAddress ?? "(none known)"],
      ["deposits", `${records.length} (keys already deposited are skipped)`],
      ["credentials", [...kinds].join("; ")],
      ["total amount", `${gweiToCoins(totalGwei)} ${network.coinSymbol} (plus gas)`],
      ["paid by", `${payer.address} via ${options.rpcUrl}`],
    ],
    "Send these deposits",
  );
  ia.close(); // all answered: Ctrl-C is a plain interrupt again while sending
  // No response cache: with instant mining (devnets) a cached nonce would be reused by the next transaction.
  const signer = payer.connect(new JsonRpcProvider(options.rpcUrl, undefined, { cacheTimeout: -1 }));
  const client = await DepositClient.connect({
    signer,
    network,
    bls,
    contractAddress: options.contractAddress,
    fromBlock,
  });
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

async function privateKey(ia: Interaction, file: string | undefined): Promise<string> {
  let key = process.env.BTC20_DEPOSITOR_KEY;
  if (file) {
    try {
      key = (await readFile(file, "utf8")).trim();
    } catch (e) {
      throw new CliError(EXIT.FILE_ERROR, `cannot read --private-key-file ${file}: ${(e as Error).message}`);
    }
  }
  if (!key && !ia.nonInteractive) {
    key = await ia.value({
      flag: "--private-key-file",
      given: undefined,
      question: "Private key of the paying account (hidden)",
      hidden: true,
      parse: (k) => {
        if (!/^(0x)?[0-9a-fA-F]{64}$/.test(k.trim()))
          throw new CliError(EXIT.INVALID_INPUT, "expected 32 bytes of hex (64 hex digits, optional 0x)");
        return k.trim();
      },
    });
  }
  if (!key)
    throw new CliError(EXIT.INVALID_INPUT, "no paying account: pass --private-key-file or set BTC20_DEPOSITOR_KEY");
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(key)) {
    throw new CliError(EXIT.INVALID_INPUT, "the private key must be 32 bytes of hex (64 hex digits, optional 0x)");
  }
  return key.startsWith("0x") ? key : `0x${key}`;
}
