// Options, questions and the summary shared by `new-mnemonic` and `existing-mnemonic`.
import { type Command, Option } from "commander";
import { getBls } from "../../crypto/bls/index.js";
import type { KdfOptions } from "../../keys/keystore/kdfParams.js";
import { MNEMONIC_LANGUAGES } from "../../keys/mnemonic.js";
import { gweiToCoins } from "../../networks/coinAmount.js";
import { toHex } from "../../networks/hexBytes.js";
import type { NetworkParams } from "../../networks/types.js";
import { generateValidatorFiles } from "../generateValidatorFiles.node.js";
import { type Interaction, parseInteger } from "../interaction.node.js";
import {
  chooseMnemonicPassphrase,
  chooseNetwork,
  chooseNewKeystorePassword,
  chooseWithdrawal,
  credentialsLabel,
  type WithdrawalChoice,
} from "../questions.node.js";

export interface KeyCommandOptions {
  network?: string;
  networkConfig?: string;
  numValidators?: string;
  startIndex?: string;
  withdrawalAddress?: string;
  compounding?: boolean;
  amount?: string;
  keystorePasswordFile?: string;
  folder: string;
  nonInteractive?: boolean;
  mnemonicLanguage?: string;
  language?: string;
  mnemonicPassphrase?: string;
  askMnemonicPassphrase?: boolean;
  testOnlyWeakKdf?: boolean;
}

export function addKeyOptions(command: Command): Command {
  return command
    .option("--network <name>", "built-in network (btc20-mainnet, btc20-testnet, btc20-devnet, mainnet, hoodi, ...)")
    .option(
      "--network-config <file>",
      "custom network JSON (reference devnet fields + chain_id, deposit_contract_address)",
    )
    .option("--num-validators <n>", "number of validators to create")
    .option("--start-index <i>", "first EIP-2334 key index (default 0)")
    .option("--withdrawal-address <address>", "execution address for 0x01 credentials (EIP-55 checksummed)")
    .option("--compounding", "0x02 compounding credentials (needs --withdrawal-address)")
    .option("--no-compounding", "0x01 credentials without asking")
    .option("--amount <coins>", "deposit per validator in coins (default: the network's activation amount)")
    .option("--keystore-password-file <file>", "file holding the keystore password (at least 12 characters)")
    .option("--folder <dir>", "output folder; files go to <dir>/validator_keys", process.cwd())
    .addOption(new Option("--language <language>", "mnemonic word list (default english)").choices(MNEMONIC_LANGUAGES))
    .addOption(
      new Option("--mnemonic-language <language>", "same as --language").choices(MNEMONIC_LANGUAGES).hideHelp(),
    )
    .option(
      "--mnemonic-passphrase <passphrase>",
      "BIP-39 passphrase (stays in the process list and shell history: prefer --ask-mnemonic-passphrase)",
    )
    .option("--ask-mnemonic-passphrase", "ask for a BIP-39 passphrase (hidden, typed twice)")
    .option("--non-interactive", "never prompt: every value comes from flags, files or stdin; no confirmation")
    .addOption(new Option("--test-only-weak-kdf", "cheap keystore KDF, for the CLI's own tests").hideHelp());
}

export interface KeySettings {
  network: NetworkParams;
  startIndex: number;
  count: number;
  withdrawal: WithdrawalChoice;
  password: string;
  passphrase: string;
  folder: string;
  kdf?: KdfOptions;
  allowWeakKdf?: boolean;
}

/** Every choice after the mnemonic, each from its flag or asked, in the reference CLI's order. */
export async function chooseKeySettings(
  ia: Interaction,
  options: KeyCommandOptions,
  startIndex: number,
  passphrase?: string,
): Promise<KeySettings> {
  const network = await chooseNetwork(ia, options, "are these validators for");
  const count = await ia.value({
    flag: "--num-validators",
    given: options.numValidators,
    question: "Number of validators",
    explain: "How many validators to create (more can be added later from the same mnemonic).",
    parse: (a) => parseInteger(a, 1, 2 ** 32 - startIndex),
  });
  const withdrawal = await chooseWithdrawal(ia, options, network);
  const password = await chooseNewKeystorePassword(ia, options.keystorePasswordFile);
  return {
    network,
    startIndex,
    count,
    withdrawal,
    password,
    passphrase: passphrase ?? (await chooseMnemonicPassphrase(ia, options)),
    folder: options.folder,
    ...(options.testOnlyWeakKdf ? { kdf: { function: "pbkdf2", c: 2 } as const, allowWeakKdf: true } : {}),
  };
}

/** What will be written, shown before the confirmation. */
export async function confirmKeySettings(ia: Interaction, s: KeySettings): Promise<void> {
  const perValidator = s.withdrawal.amountGwei / BigInt(s.network.multiplier);
  const coin = s.network.coinSymbol;
  await ia.confirm(
    "Summary:",
    [
      ["network", `${s.network.name}${s.network.chainId !== null ? ` (chain id ${s.network.chainId})` : ""}`],
      ["fork version", `0x${toHex(s.network.genesisForkVersion)}`],
      ["validators", `${s.count} (key indices ${s.startIndex} to ${s.startIndex + s.count - 1})`],
      ["credentials", credentialsLabel(s.withdrawal)],
      [
        "amount",
        `${gweiToCoins(perValidator)} ${coin} each, ${gweiToCoins(perValidator * BigInt(s.count))} ${coin} in total`,
      ],
      ["passphrase", s.passphrase === "" ? "none" : "set (not shown)"],
      ["output", `${s.folder}/validator_keys`],
    ],
    "Create these keystores and deposit data",
  );
}

/** Writes keystores and deposit data for `seed`; prints what it wrote. */
export async function writeKeyFiles(seed: Uint8Array, s: KeySettings): Promise<void> {
  const written = await generateValidatorFiles({
    bls: await getBls(),
    seed,
    network: s.network,
    startIndex: s.startIndex,
    count: s.count,
    withdrawalAddress: s.withdrawal.address,
    compounding: s.withdrawal.compounding,
    amountGwei: s.withdrawal.amountGwei,
    password: s.password,
    folder: s.folder,
    showProgress: process.stderr.isTTY === true,
    kdf: s.kdf,
    allowWeakKdf: s.allowWeakKdf,
  });
  seed.fill(0);
  process.stdout.write(
    `Wrote ${written.keystoreFiles.length} keystore(s) and ${written.depositDataFile} (verified for ${s.network.name})\n`,
  );
}
