import { Command } from "commander";
import { generateMnemonic, mnemonicToSeed, normalizeMnemonic, resolveMnemonic } from "../../keys/mnemonic.js";
import { CliError, EXIT } from "../exitCodes.js";
import { Interaction, parseInteger } from "../interaction.node.js";
import { checkWritableFolder, chooseMnemonicLanguage } from "../questions.node.js";
import type { Terminal } from "../terminal.node.js";
import {
  addKeyOptions,
  chooseKeySettings,
  confirmKeySettings,
  type KeyCommandOptions,
  writeKeyFiles,
} from "./keyOptions.node.js";

/** Typed-back attempts before the mnemonic is shown again (it is never thrown away). */
const CONFIRM_TRIES = 3;

/** `new-mnemonic`: a fresh 24-word mnemonic, then keystores and deposit data from it. */
export function newMnemonicCommand(): Command {
  return addKeyOptions(
    new Command("new-mnemonic").description(
      "create a new 24-word mnemonic, then validator keystores and deposit data from it (asks for every missing choice; with --non-interactive the mnemonic is printed on stdout: store it offline)",
    ),
  ).action(async (options: KeyCommandOptions) => {
    const ia = new Interaction(options.nonInteractive === true);
    try {
      await checkWritableFolder(options.folder, "--folder");
      const language = await chooseMnemonicLanguage(ia, options.language ?? options.mnemonicLanguage);
      const startIndex = options.startIndex === undefined ? 0 : parseStartIndex(options.startIndex);
      const settings = await chooseKeySettings(ia, options, startIndex);
      await confirmKeySettings(ia, settings);
      const mnemonic = generateMnemonic(language);
      if (ia.nonInteractive) {
        process.stderr.write("New mnemonic (write it down and keep it offline; it is the only backup of your keys):\n");
        process.stdout.write(`${mnemonic}\n`);
      } else {
        await showAndConfirmMnemonic(ia.terminal("the mnemonic confirmation"), mnemonic, language);
      }
      ia.close(); // all answered: Ctrl-C is a plain interrupt again while the files are made
      await writeKeyFiles(await mnemonicToSeed(mnemonic, { language, passphrase: settings.passphrase }), settings);
    } finally {
      ia.close();
    }
  });
}

export function parseStartIndex(text: string): number {
  try {
    return parseInteger(text, 0, 2 ** 32 - 1);
  } catch (e) {
    throw new CliError(EXIT.INVALID_INPUT, `--start-index ${(e as Error).message}`);
  }
}

/**
 * Shows the mnemonic, waits until the user has written it down, clears the screen and the scrollback, then asks for
 * it back. A wrong answer is re-asked; after a few, the mnemonic is shown again. It is never discarded.
 */
async function showAndConfirmMnemonic(term: Terminal, mnemonic: string, language: string): Promise<void> {
  const expected = normalizeMnemonic(mnemonic).split(" ");
  for (;;) {
    term.clearScreen();
    term.say(
      "This is your mnemonic (seed phrase). Write it down on paper and keep it offline and safe: it is the ONLY way\n" +
        "to recover your validator keys and 0x00 withdrawal credentials. Never type it into a website.\n\n" +
        `${mnemonic}\n\n`,
    );
    await term.ask("Press Enter once you have written it down (the screen will be cleared)... ");
    term.clearScreen();
    for (let tries = CONFIRM_TRIES; tries > 0; tries--) {
      const typed = await term.ask("Type your mnemonic, words separated by spaces, to confirm you wrote it down:\n");
      const problem = mismatch(typed, expected, language);
      if (problem === null) {
        term.clearScreen();
        term.say("Mnemonic confirmed.\n");
        return;
      }
      term.clearScreen();
      term.say(
        `  ✗ ${problem}. ${tries > 1 ? `${tries - 1} more ${tries > 2 ? "tries" : "try"} before it is shown again.` : ""}\n`,
      );
    }
    await term.ask("Press Enter to see the mnemonic again... ");
  }
}

/** Why `typed` is not the mnemonic (never quoting it), or null. Four-letter abbreviations count, as in the reference CLI. */
function mismatch(typed: string, expected: string[], language: string): string | null {
  let words = normalizeMnemonic(typed).split(" ").filter(Boolean);
  try {
    words = resolveMnemonic(typed, language as Parameters<typeof resolveMnemonic>[1]).mnemonic.split(" ");
  } catch {
    // not a valid mnemonic: compare word by word below to say where it differs
  }
  if (words.length !== expected.length) {
    return `that is ${words.length} word(s); the mnemonic has ${expected.length}`;
  }
  const wrong = expected.findIndex((w, i) => words[i] !== w);
  return wrong === -1 ? null : `word ${wrong + 1} does not match`;
}
