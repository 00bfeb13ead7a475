// The questions several commands share: network, mnemonic language, keystore password, withdrawal credentials.
// Each takes its flag first and asks only when the flag is absent (see Interaction).
import { constants } from "node:fs";
import { access, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { assertDepositAmount, parseDepositAmountCoins } from "../deposit/depositAmount.js";
import { parseWithdrawalAddress } from "../deposit/withdrawalCredentials.js";
import { MNEMONIC_LANGUAGES, type MnemonicLanguage } from "../keys/mnemonic.js";
import { gweiToCoins } from "../networks/coinAmount.js";
import { toHex } from "../networks/hexBytes.js";
import { loadNetworkConfig } from "../networks/loadNetworkConfig.js";
import { getNetwork, KNOWN_NETWORKS } from "../networks/registry.js";
import type { NetworkParams } from "../networks/types.js";
import { CliError, EXIT } from "./exitCodes.js";
import { readPasswordFile } from "./input.node.js";
import { AnswerError, type Interaction } from "./interaction.node.js";

/** Reference CLI rule (validate_password_strength). */
export const MIN_PASSWORD_LENGTH = 12;

export const DEFAULT_NETWORK = "btc20-mainnet";

async function readNetworkConfig(file: string, flag: string): Promise<NetworkParams> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new CliError(EXIT.FILE_ERROR, `cannot read ${flag} ${file}: ${(e as Error).message}`);
  }
  return loadNetworkConfig(text);
}

/**
 * Fails early (exit 6), before any question or mnemonic, when `folder` cannot receive the files: it (or the nearest
 * existing parent, since missing folders are created) must be a writable directory. Nothing is created here.
 */
export async function checkWritableFolder(folder: string, flag: string): Promise<void> {
  let dir = path.resolve(folder);
  for (;;) {
    try {
      if (!(await stat(dir)).isDirectory()) throw new Error("not a directory");
      await access(dir, constants.W_OK);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT" && path.dirname(dir) !== dir) {
        dir = path.dirname(dir);
        continue;
      }
      throw new CliError(EXIT.FILE_ERROR, `cannot write into ${flag} ${folder}: ${(e as Error).message}`);
    }
  }
}

/** `--network-config <file>` (wins), `--network <name>`, or the user's choice among the built-in networks. */
export async function chooseNetwork(
  ia: Interaction,
  options: { network?: string; networkConfig?: string },
  purpose: string,
  defaultNetwork: string = DEFAULT_NETWORK,
): Promise<NetworkParams> {
  if (options.networkConfig) return readNetworkConfig(options.networkConfig, "--network-config");
  const list = KNOWN_NETWORKS.map((n, i) => {
    const what = n.family === "btc20" ? `BTC20 Smart Chain (${n.coinSymbol})` : `Ethereum family (${n.coinSymbol})`;
    return `  ${String(i + 1).padStart(2)}. ${n.name.padEnd(14)} ${what}, fork version 0x${toHex(n.genesisForkVersion)}`;
  });
  return ia.value({
    flag: "--network",
    given: options.network,
    question: "Network (name, number, or a network config .json file)",
    explain: `Which network ${purpose}?\n${list.join("\n")}\nA custom network: give its JSON file here or with --network-config.`,
    default: defaultNetwork,
    parse: async (answer) => {
      const a = answer.trim();
      if (/^\d+$/.test(a)) {
        const n = KNOWN_NETWORKS[Number(a) - 1];
        if (!n) throw new AnswerError(`there is no network number ${a}: expected 1 to ${KNOWN_NETWORKS.length}`);
        return n;
      }
      if (a.endsWith(".json")) return readNetworkConfig(a, "network config");
      return getNetwork(a);
    },
  });
}

export function parseMnemonicLanguage(
  answer: string,
  among: readonly MnemonicLanguage[] = MNEMONIC_LANGUAGES,
): MnemonicLanguage {
  const a = answer
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (/^\d+$/.test(a) && among[Number(a) - 1]) return among[Number(a) - 1]!;
  const found = among.find((l) => l === a);
  if (!found)
    throw new AnswerError(`unknown language ${JSON.stringify(answer.trim())}: expected one of ${among.join(", ")}`);
  return found;
}

/** The mnemonic's word list: `--language`/`--mnemonic-language`, or asked (default English). */
export async function chooseMnemonicLanguage(
  ia: Interaction,
  given: string | undefined,
  among: readonly MnemonicLanguage[] = MNEMONIC_LANGUAGES,
  defaultLanguage: MnemonicLanguage | undefined = "english",
): Promise<MnemonicLanguage> {
  return ia.value({
    flag: "--language",
    given,
    question: "Mnemonic language (name or number)",
    explain: `Word list of the mnemonic:\n${among.map((l, i) => `  ${String(i + 1).padStart(2)}. ${l}`).join("\n")}`,
    default: defaultLanguage,
    parse: (a) => parseMnemonicLanguage(a, among),
  });
}

function checkPasswordStrength(password: string): string {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AnswerError(`the keystore password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return password;
}

/** A new keystore password: `--keystore-password-file`, or typed twice (hidden), at least 12 characters. */
export async function chooseNewKeystorePassword(ia: Interaction, file: string | undefined): Promise<string> {
  if (file) {
    try {
      return checkPasswordStrength(await readPasswordFile(file));
    } catch (e) {
      if (e instanceof AnswerError) throw new CliError(EXIT.INVALID_INPUT, e.message);
      throw e;
    }
  }
  return ia.value({
    flag: "--keystore-password-file",
    given: undefined,
    question: `Keystore password (at least ${MIN_PASSWORD_LENGTH} characters, hidden)`,
    explain:
      "The keystores are encrypted with this password; your validator client needs it to load them. It is not\n" +
      "written anywhere: remember it (the mnemonic can always re-create the keystores).",
    hidden: true,
    confirm: "Repeat the keystore password",
    parse: checkPasswordStrength,
  });
}

/** The optional BIP-39 passphrase: `--mnemonic-passphrase`, or asked (hidden, twice) with `--ask-mnemonic-passphrase`. */
export async function chooseMnemonicPassphrase(
  ia: Interaction,
  options: { mnemonicPassphrase?: string; askMnemonicPassphrase?: boolean },
): Promise<string> {
  if (options.mnemonicPassphrase !== undefined) return options.mnemonicPassphrase;
  if (!options.askMnemonicPassphrase) return "";
  return ia.value({
    flag: "--mnemonic-passphrase",
    given: undefined,
    question: "Mnemonic passphrase (hidden; NOT the keystore password)",
    explain:
      'The BIP-39 passphrase ("25th word") changes every key derived from the mnemonic. Without the exact same\n' +
      "passphrase the keys cannot be recovered.",
    hidden: true,
    confirm: "Repeat the mnemonic passphrase",
    parse: (p) => p,
  });
}

export interface WithdrawalChoice {
  address: string | null;
  compounding: boolean;
  amountGwei: bigint;
}

export function credentialsLabel(w: { address: string | null; compounding: boolean }): string {
  if (!w.address) return "0x00 (BLS withdrawal key from the mnemonic)";
  return `${w.compounding ? "0x02 (compounding)" : "0x01"} to ${w.address}`;
}

/** Withdrawal credentials and deposit amount: flags, or asked with the consequences explained. */
export async function chooseWithdrawal(
  ia: Interaction,
  options: { withdrawalAddress?: string; compounding?: boolean; amount?: string },
  network: NetworkParams,
): Promise<WithdrawalChoice> {
  const coin = network.coinSymbol;
  const activation = gweiToCoins(network.activationAmountGwei / BigInt(network.multiplier));
  const maxCompounding = gweiToCoins(network.maxDepositGwei / BigInt(network.multiplier));
  const btc20 =
    network.family === "btc20"
      ? "\nBTC20 today runs the phase0 rules: no withdrawals are processed yet for any credential type, so the\n" +
        "credentials only decide where funds go once a fork enables withdrawals, and 0x02 compounding is recorded but\n" +
        `the effective balance stays capped at ${activation} ${coin} until then. 0x01 is the usual choice.`
      : "";
  const address = await ia.value<string | null>({
    flag: "--withdrawal-address",
    given: options.withdrawalAddress,
    question: "Withdrawal address (empty for 0x00 BLS credentials)",
    explain:
      "Withdrawal credentials say who receives the stake when the validator exits; they cannot be changed\n" +
      "afterwards by a deposit.\n" +
      "  0x01: an execution address you control (give it here, in its EIP-55 checksummed form).\n" +
      `  0x02: the same address, compounding: one validator may hold up to ${maxCompounding} ${coin}.\n` +
      "  0x00: a BLS withdrawal key derived from this mnemonic (leave empty); it must later be changed to an\n" +
      `       address with a signed message before anything can be withdrawn.${btc20}`,
    default: "",
    confirm: "Repeat the withdrawal address",
    confirmWhen: (value) => value !== null,
    parse: (a) => {
      if (a.trim() !== "") return parseWithdrawalAddress(a.trim());
      if (options.compounding && !ia.nonInteractive) {
        throw new AnswerError("--compounding was given: 0x02 credentials need an address");
      }
      return null;
    },
  });
  if (!address) {
    if (options.compounding) {
      throw new CliError(
        EXIT.INVALID_INPUT,
        "--compounding needs --withdrawal-address (0x02 credentials pay to an address)",
      );
    }
  }
  const compounding =
    address === null
      ? false
      : await ia.yesNo(
          "--compounding",
          options.compounding,
          `Compounding 0x02 credentials (up to ${maxCompounding} ${coin} per validator)? "no" gives 0x01`,
          false,
        );
  const type = address === null ? "bls" : compounding ? "compounding" : "execution";
  const parseAmount = (a: string): bigint => {
    const gwei = parseDepositAmountCoins(a.trim(), network);
    assertDepositAmount(gwei, type, network);
    return gwei;
  };
  if (options.amount !== undefined || !compounding) {
    return {
      address,
      compounding,
      amountGwei: options.amount !== undefined ? parseAmount(options.amount) : network.activationAmountGwei,
    };
  }
  const amountGwei = await ia.value({
    flag: "--amount",
    given: undefined,
    question: `Deposit per validator in ${coin}`,
    explain: `Each deposit may be ${gweiToCoins(network.minDepositGwei / BigInt(network.multiplier))} to ${maxCompounding} ${coin} (whole gwei); ${activation} ${coin} activates a validator.`,
    default: activation,
    parse: parseAmount,
  });
  return { address, compounding, amountGwei };
}
