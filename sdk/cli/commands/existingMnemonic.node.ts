import { Command } from "commander";
import { CliError, EXIT } from "../exitCodes.js";
import { prompt, readStdin } from "../input.node.js";
import { addKeyOptions, type KeyCommandOptions, runKeyGeneration } from "./keyOptions.node.js";

/** `existing-mnemonic`: keystores and deposit data from a mnemonic given by flag, stdin or prompt. */
export function existingMnemonicCommand(): Command {
  return addKeyOptions(
    new Command("existing-mnemonic")
      .description("create validator keystores and deposit data from an existing mnemonic")
      .option("--mnemonic <words>", "the mnemonic (or pipe it on stdin; visible in the process list if given here)"),
  ).action(async (options: KeyCommandOptions & { mnemonic?: string }) => {
    let mnemonic = options.mnemonic;
    if (!mnemonic && !process.stdin.isTTY) mnemonic = await readStdin();
    if (!mnemonic && !options.nonInteractive) mnemonic = await prompt("Mnemonic: ", { hidden: true });
    if (!mnemonic?.trim()) {
      throw new CliError(EXIT.INVALID_INPUT, "no mnemonic: pass --mnemonic or pipe it on stdin");
    }
    await runKeyGeneration(mnemonic, options);
  });
}
