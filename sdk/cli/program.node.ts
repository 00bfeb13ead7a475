import { Command } from "commander";
import { depositCommand } from "./commands/deposit.node.js";
import { existingMnemonicCommand } from "./commands/existingMnemonic.node.js";
import { exitTransactionKeystoreCommand } from "./commands/exitTransactionKeystore.node.js";
import { exitTransactionMnemonicCommand } from "./commands/exitTransactionMnemonic.node.js";
import { newMnemonicCommand } from "./commands/newMnemonic.node.js";
import { verifyCommand } from "./commands/verify.node.js";
import { EXIT_CODES_HELP } from "./exitCodes.js";

/** The `btc20-deposit` command line. */
export function buildProgram(): Command {
  const program = new Command("btc20-deposit")
    .description("BTC20 staking: validator keys (EIP-2333/2334/2335), deposit data, verification and deposits")
    .version("0.1.0")
    .showHelpAfterError()
    .addHelpText("after", `\n${EXIT_CODES_HELP}\n`);
  for (const command of [
    newMnemonicCommand(),
    existingMnemonicCommand(),
    verifyCommand(),
    depositCommand(),
    exitTransactionMnemonicCommand(),
    exitTransactionKeystoreCommand(),
  ]) {
    command.addHelpText("after", `\n${EXIT_CODES_HELP}\n`);
    program.addCommand(command);
  }
  return program;
}
