// Runs the `btc20-deposit` program and turns every failure into one clear line on stderr and a documented exit
// code (see exitCodes.ts). The bin's entry is bin.node.ts.
import { CommanderError } from "commander";
import { DepositClientError } from "../deposit/client/errors.js";
import { DepositError } from "../deposit/errors.js";
import { ExitError } from "../exit/errors.js";
import { KeyError } from "../keys/errors.js";
import { KeystoreError } from "../keys/keystore/errors.js";
import { CoinAmountError } from "../networks/coinAmount.js";
import { NetworkError } from "../networks/errors.js";
import { CliError, EXIT, type ExitCode } from "./exitCodes.js";
import { buildProgram } from "./program.node.js";

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof DepositClientError) return EXIT.SEND_FAILED;
  if (
    error instanceof DepositError ||
    error instanceof ExitError ||
    error instanceof KeyError ||
    error instanceof KeystoreError ||
    error instanceof NetworkError ||
    error instanceof CoinAmountError
  ) {
    return EXIT.INVALID_INPUT;
  }
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && /^E(NOENT|ACCES|EXIST|ISDIR|NOTDIR|PERM|ROFS|NOSPC)$/.test(code))
    return EXIT.FILE_ERROR;
  return EXIT.INTERNAL;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with a CommanderError too; commander already printed what is needed.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    const exitCode = exitCodeFor(error);
    const code = (error as { code?: unknown }).code;
    const label = typeof code === "string" ? `${code}: ` : "";
    process.stderr.write(`btc20-deposit: ${label}${(error as Error)?.message ?? String(error)}\n`);
    if (exitCode === EXIT.INTERNAL && process.env.BTC20_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return exitCode;
  }
}
