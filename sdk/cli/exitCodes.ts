/** Exit codes of `btc20-deposit`, stable for scripts (documented in README and `--help`). */
export const EXIT = {
  OK: 0,
  /** A bug or an unexpected failure. */
  INTERNAL: 1,
  /** Bad command line: unknown command or flag, missing argument. */
  USAGE: 2,
  /** Bad input value: mnemonic, address, amount, password, network or network config, file content. */
  INVALID_INPUT: 3,
  /** `verify`: the deposit data has at least one invalid deposit. */
  VERIFY_FAILED: 4,
  /** `deposit`: the chain, wallet or contract refused (WRONG_CHAIN, REVERTED, INSUFFICIENT_FUNDS, ...). */
  SEND_FAILED: 5,
  /** Files: the output folder or an input file cannot be read or written. */
  FILE_ERROR: 6,
  /** The user said no at the confirmation, pressed Ctrl-C, or input ended before an answer. */
  ABORTED: 7,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `Exit codes:
  0  success
  1  internal error
  2  usage error (unknown command or flag, missing argument)
  3  invalid input (mnemonic, address, amount, password, network, network config)
  4  verify: the deposit data is invalid
  5  deposit: the chain, wallet or contract refused (wrong chain, reverted, insufficient funds, rejected)
  6  file error (cannot read or write a file or folder)
  7  aborted (answered no at the confirmation, Ctrl-C, or input ended)`;

/** An error the CLI reports as one line on stderr, exiting with `exitCode`. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
  }
}
