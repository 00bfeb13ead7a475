// Options and checks shared by `new-mnemonic` and `existing-mnemonic`.
import { type Command, Option } from "commander";
import { getBls } from "../../crypto/bls/index.js";
import { parseDepositAmountCoins } from "../../deposit/depositAmount.js";
import { parseWithdrawalAddress } from "../../deposit/withdrawalCredentials.js";
import { MNEMONIC_LANGUAGES, type MnemonicLanguage, mnemonicToSeed } from "../../keys/mnemonic.js";
import { gweiToCoins } from "../../networks/coinAmount.js";
import { CliError, EXIT } from "../exitCodes.js";
import { generateValidatorFiles } from "../generateValidatorFiles.node.js";
import { prompt, readPasswordFile } from "../input.node.js";
import { resolveNetwork } from "../resolveNetwork.node.js";

/** Reference CLI rule (validate_password_strength). */
const MIN_PASSWORD_LENGTH = 12;

export interface KeyCommandOptions {
  network?: string;
  networkConfig?: string;
  numValidators?: string;
  startIndex: string;
  withdrawalAddress?: string;
  compounding?: boolean;
  amount?: string;
  keystorePasswordFile?: string;
  folder: string;
  nonInteractive?: boolean;
  mnemonicLanguage?: string;
}

export function addKeyOptions(command: Command): Command {
  return command
    .option(
      "--network <name>",
      "built-in network (btc20-mainnet, btc20-testnet, btc20-devnet, mainnet, hoodi, ...)",
      "btc20-mainnet",
    )
    .option(
      "--network-config <file>",
      "custom network JSON (reference devnet fields + chain_id, deposit_contract_address)",
    )
    .option("--num-validators <n>", "number of validators to create")
    .option("--start-index <i>", "first EIP-2334 account index", "0")
    .option("--withdrawal-address <address>", "execution address for 0x01 credentials (EIP-55 checksummed)")
    .option("--compounding", "0x02 compounding credentials (needs --withdrawal-address)")
    .option("--amount <coins>", "deposit per validator in coins (default: the network's activation amount)")
    .option("--keystore-password-file <file>", "file holding the keystore password (at least 12 characters)")
    .option("--folder <dir>", "output folder; files go to <dir>/validator_keys", process.cwd())
    .addOption(new Option("--mnemonic-language <language>", "mnemonic word list").choices(MNEMONIC_LANGUAGES))
    .option("--non-interactive", "never prompt: every value comes from flags, files or stdin");
}

function parseCount(value: string | undefined, flag: string, min: number): number {
  if (
    value === undefined ||
    !/^\d+$/.test(value.trim()) ||
    Number(value) < min ||
    !Number.isSafeInteger(Number(value))
  ) {
    throw new CliError(EXIT.INVALID_INPUT, `${flag} must be an integer >= ${min}, got ${JSON.stringify(value ?? "")}`);
  }
  return Number(value);
}

async function keystorePassword(options: KeyCommandOptions): Promise<string> {
  let password: string;
  if (options.keystorePasswordFile) password = await readPasswordFile(options.keystorePasswordFile);
  else if (options.nonInteractive) {
    throw new CliError(EXIT.INVALID_INPUT, "--non-interactive needs --keystore-password-file <file>");
  } else {
    password = await prompt("Keystore password (at least 12 characters): ", { hidden: true });
    if ((await prompt("Repeat the password: ", { hidden: true })) !== password) {
      throw new CliError(EXIT.INVALID_INPUT, "the two passwords differ");
    }
  }
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new CliError(
      EXIT.INVALID_INPUT,
      `the keystore password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  return password;
}

/** Validates every option, then writes keystores and deposit data for `mnemonic`; prints what it wrote. */
export async function runKeyGeneration(mnemonic: string, options: KeyCommandOptions): Promise<void> {
  const network = await resolveNetwork(options);
  const numValidators = options.numValidators
    ? parseCount(options.numValidators, "--num-validators", 1)
    : options.nonInteractive
      ? parseCount(undefined, "--num-validators", 1)
      : parseCount(await prompt("Number of validators: "), "--num-validators", 1);
  const startIndex = parseCount(options.startIndex, "--start-index", 0);
  const withdrawalAddress = options.withdrawalAddress ? parseWithdrawalAddress(options.withdrawalAddress) : null;
  if (options.compounding && !withdrawalAddress) {
    throw new CliError(
      EXIT.INVALID_INPUT,
      "--compounding needs --withdrawal-address (0x02 credentials pay to an address)",
    );
  }
  const amountGwei = options.amount ? parseDepositAmountCoins(options.amount, network) : network.activationAmountGwei;
  const password = await keystorePassword(options);
  const seed = await mnemonicToSeed(mnemonic, { language: options.mnemonicLanguage as MnemonicLanguage | undefined });

  const credentialType = withdrawalAddress ? (options.compounding ? "0x02" : "0x01") : "0x00";
  process.stderr.write(
    `Creating ${numValidators} validator(s) for ${network.name} from index ${startIndex}: ${credentialType} credentials, ` +
      `${gweiToCoins(amountGwei / BigInt(network.multiplier))} ${network.coinSymbol} each\n`,
  );
  const written = await generateValidatorFiles({
    bls: await getBls(),
    seed,
    network,
    startIndex,
    count: numValidators,
    withdrawalAddress,
    compounding: options.compounding ?? false,
    amountGwei,
    password,
    folder: options.folder,
    showProgress: process.stderr.isTTY === true,
  });
  seed.fill(0);
  process.stdout.write(
    `Wrote ${written.keystoreFiles.length} keystore(s) and ${written.depositDataFile} (verified for ${network.name})\n`,
  );
}
