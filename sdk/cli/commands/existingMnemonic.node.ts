import { Command } from "commander";
import {
  detectMnemonicLanguages,
  type MnemonicLanguage,
  mnemonicToSeed,
  resolveMnemonic,
} from "../../keys/mnemonic.js";
import { readStdin } from "../input.node.js";
import { Interaction, parseInteger } from "../interaction.node.js";
import { checkWritableFolder, chooseMnemonicLanguage, parseMnemonicLanguage } from "../questions.node.js";
import {
  addKeyOptions,
  chooseKeySettings,
  confirmKeySettings,
  type KeyCommandOptions,
  writeKeyFiles,
} from "./keyOptions.node.js";

/** The mnemonic from `--mnemonic`, stdin (when not a terminal) or a hidden prompt (re-asked until valid). */
export async function chooseMnemonic(
  ia: Interaction,
  options: { mnemonic?: string; language?: string; mnemonicLanguage?: string },
): Promise<{ mnemonic: string; language: MnemonicLanguage }> {
  let given = options.mnemonic;
  if (given === undefined && !process.stdin.isTTY) given = await readStdin();
  const flagLanguage = options.language ?? options.mnemonicLanguage;
  const language = flagLanguage === undefined ? undefined : parseMnemonicLanguage(flagLanguage);
  const found = await ia.value({
    flag: "--mnemonic",
    given: given?.trim() === "" ? undefined : given,
    question: "Your mnemonic (words separated by spaces; hidden)",
    hidden: true,
    parse: (text) => {
      if (language) return { text, languages: [resolveMnemonic(text, language).language] };
      const languages = detectMnemonicLanguages(text);
      if (languages.length === 0) resolveMnemonic(text); // throws INVALID_MNEMONIC with the reason
      return { text, languages };
    },
  });
  // Valid in several word lists (the two Chinese ones share words): the user says which.
  const chosen =
    found.languages.length === 1
      ? found.languages[0]!
      : await chooseMnemonicLanguage(ia, undefined, found.languages, undefined);
  return { mnemonic: found.text, language: chosen };
}

/** `existing-mnemonic`: keystores and deposit data from a mnemonic given by flag, stdin or prompt. */
export function existingMnemonicCommand(): Command {
  return addKeyOptions(
    new Command("existing-mnemonic")
      .description(
        "create validator keystores and deposit data from an existing mnemonic (asks for every missing choice)",
      )
      .option(
        "--mnemonic <words>",
        "the mnemonic (or pipe it on stdin; given here it stays in the process list and shell history: prefer the hidden prompt or stdin)",
      ),
  ).action(async (options: KeyCommandOptions & { mnemonic?: string }) => {
    const ia = new Interaction(options.nonInteractive === true);
    try {
      await checkWritableFolder(options.folder, "--folder");
      const { mnemonic, language } = await chooseMnemonic(ia, options);
      const startIndex = await ia.value({
        flag: "--start-index",
        given: options.startIndex,
        question: "First key index",
        explain:
          "The key index to start from: 0 for the first keys of this mnemonic, or the number of validators you\n" +
          "already created from it to make new ones.",
        default: "0",
        parse: (a) => parseInteger(a, 0, 2 ** 32 - 1),
      });
      const settings = await chooseKeySettings(ia, options, startIndex);
      await confirmKeySettings(ia, settings);
      ia.close(); // all answered: Ctrl-C is a plain interrupt again while the files are made
      await writeKeyFiles(await mnemonicToSeed(mnemonic, { language, passphrase: settings.passphrase }), settings);
    } finally {
      ia.close();
    }
  });
}
