import { Command } from "commander";
import { generateMnemonic, type MnemonicLanguage, normalizeMnemonic } from "../../keys/mnemonic.js";
import { CliError, EXIT } from "../exitCodes.js";
import { prompt } from "../input.node.js";
import { addKeyOptions, type KeyCommandOptions, runKeyGeneration } from "./keyOptions.node.js";

/** `new-mnemonic`: a fresh 24-word mnemonic, then keystores and deposit data for it. */
export function newMnemonicCommand(): Command {
  return addKeyOptions(
    new Command("new-mnemonic").description(
      "create a new 24-word mnemonic, then validator keystores and deposit data from it (the mnemonic is printed on stdout: store it offline)",
    ),
  ).action(async (options: KeyCommandOptions) => {
    const mnemonic = generateMnemonic((options.mnemonicLanguage as MnemonicLanguage | undefined) ?? "english");
    if (options.nonInteractive) {
      process.stderr.write("New mnemonic (write it down and keep it offline; it is the only backup of your keys):\n");
      process.stdout.write(`${mnemonic}\n`);
    } else {
      process.stderr.write(
        `\nThis is your mnemonic. Write it down and keep it safe; it is the ONLY way to recover your keys:\n\n${mnemonic}\n\n`,
      );
      const typed = await prompt("Type the mnemonic again to confirm: ", { hidden: true });
      if (normalizeMnemonic(typed) !== normalizeMnemonic(mnemonic)) {
        throw new CliError(EXIT.INVALID_INPUT, "the mnemonic typed does not match the one shown");
      }
    }
    await runKeyGeneration(mnemonic, options);
  });
}
