import { Command } from "commander";
import { getBls } from "../../crypto/bls/index.js";
import { mnemonicToSeed } from "../../keys/mnemonic.js";
import { deriveValidatorKeys } from "../../keys/validatorKeys.js";
import { AnswerError, Interaction, parseInteger } from "../interaction.node.js";
import { chooseMnemonicPassphrase } from "../questions.node.js";
import { chooseMnemonic } from "./existingMnemonic.node.js";
import {
  addExitOptions,
  chooseExitSettings,
  confirmExits,
  type ExitCommandOptions,
  signAndWriteExits,
} from "./exitOptions.node.js";

/** "1,2 3" / "[1, 2, 3]" -> [1, 2, 3] (the reference CLI's list forms); distinct integers >= 0. */
export function parseValidatorIndices(text: string): number[] {
  const items = text
    .replace(/[[\](){}]/g, " ")
    .split(/[\s,]+/)
    .filter(Boolean);
  if (items.length === 0) throw new AnswerError("give at least one validator index");
  const indices = items.map((item) => parseInteger(item, 0));
  const dup = indices.find((x, i) => indices.indexOf(x) !== i);
  if (dup !== undefined) throw new AnswerError(`validator index ${dup} is listed twice`);
  return indices;
}

/** `exit-transaction-mnemonic`: signed voluntary exits for validators whose keys come from a mnemonic. */
export function exitTransactionMnemonicCommand(): Command {
  return addExitOptions(
    new Command("exit-transaction-mnemonic")
      .description(
        "sign voluntary exits offline with keys from a mnemonic: one signed_exit_transaction-<index>-<ts>.json per validator",
      )
      .option(
        "--mnemonic <words>",
        "the mnemonic (or pipe it on stdin; given here it stays in the process list and shell history: prefer the hidden prompt or stdin)",
      )
      .option("--language <language>", "mnemonic word list when the words fit several")
      .option(
        "--mnemonic-passphrase <passphrase>",
        "BIP-39 passphrase used when the keys were made (stays in shell history)",
      )
      .option("--ask-mnemonic-passphrase", "ask for the BIP-39 passphrase (hidden, typed twice)")
      .option("--start-index <i>", "EIP-2334 key index of the first validator listed")
      .option(
        "--validator-indices <list>",
        'beacon-chain validator indices, in key order from --start-index (e.g. "12,13,14")',
      ),
  ).action(
    async (
      options: ExitCommandOptions & {
        mnemonic?: string;
        language?: string;
        mnemonicPassphrase?: string;
        askMnemonicPassphrase?: boolean;
        startIndex?: string;
        validatorIndices?: string;
      },
    ) => {
      const ia = new Interaction(options.nonInteractive === true);
      try {
        const { mnemonic, language } = await chooseMnemonic(ia, options);
        const passphrase = await chooseMnemonicPassphrase(ia, options);
        const settings = await chooseExitSettings(ia, options);
        const startIndex = await ia.value({
          flag: "--start-index",
          given: options.startIndex,
          question: "Key index of the first validator",
          explain: "The key index (key number) of the first validator to exit, as when the keys were created.",
          default: "0",
          parse: (a) => parseInteger(a, 0, 2 ** 32 - 1),
        });
        const indices = await ia.value({
          flag: "--validator-indices",
          given: options.validatorIndices,
          question: "Validator indices (separated by spaces or commas)",
          explain:
            "The beacon-chain index of each validator to exit (see a block explorer or GET /eth/v1/beacon/states/head/\n" +
            `validators/<pubkey>), in key order: the first is key ${startIndex}, the next key ${startIndex + 1}, ...`,
          parse: (a) => {
            const list = parseValidatorIndices(a);
            if (startIndex + list.length - 1 > 2 ** 32 - 1) throw new AnswerError("too many indices for the key range");
            return list;
          },
        });
        const bls = await getBls();
        const seed = await mnemonicToSeed(mnemonic, { language, passphrase });
        const keys = deriveValidatorKeys(seed, settings.network.coinType, startIndex, indices.length);
        seed.fill(0);
        const signers = keys.map((k, i) => {
          k.withdrawalSecretKey.fill(0);
          return {
            validatorIndex: indices[i]!,
            secretKey: k.signingSecretKey,
            pubkey: bls.secretKeyToPublicKey(k.signingSecretKey),
            source: `key ${k.signingKeyPath}`,
          };
        });
        await confirmExits(ia, settings, signers);
        ia.close();
        await signAndWriteExits(bls, settings, signers);
      } finally {
        ia.close();
      }
    },
  );
}
