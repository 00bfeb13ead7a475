// How a command gets each value: from its flag when given (checked once, an error ends the command), else from the
// user at the terminal (checked at once, re-asked with a precise message until valid), else - with
// --non-interactive - from the default or not at all (an error naming the flag). Also the summary and the
// confirmation shown before anything is written or sent.
import { CodedError } from "../errors/codedError.js";
import { CliError, EXIT } from "./exitCodes.js";
import { Terminal } from "./terminal.node.js";

/** A rejected answer: `message` says what is wrong and what is expected, without repeating a secret. */
export class AnswerError extends Error {
  override readonly name = "AnswerError";
}

export interface ValueSpec<T> {
  /** The flag that gives this value, e.g. "--num-validators". */
  flag: string;
  /** The flag's value, undefined when absent. */
  given: string | undefined;
  /** The question, without the default or the colon. */
  question: string;
  /** Shown once before the first question (choices, consequences). */
  explain?: string;
  /** Used for an empty answer and under --non-interactive; shown in brackets. */
  default?: string;
  hidden?: boolean;
  /** Ask a second time with this question and require the same answer (new passwords, addresses). */
  confirm?: string;
  /** Ask the confirmation only for values this accepts (default: all). */
  confirmWhen?: (value: T) => boolean;
  /** The answer's value, or AnswerError / a coded error saying what is wrong. */
  parse: (answer: string) => T | Promise<T>;
}

function isAnswerProblem(error: unknown): error is Error {
  return (
    error instanceof AnswerError ||
    error instanceof CodedError ||
    (error instanceof CliError && error.exitCode === EXIT.INVALID_INPUT)
  );
}

export class Interaction {
  private term: Terminal | null = null;

  constructor(readonly nonInteractive: boolean) {}

  /** The terminal, opened on first use; a usage error when there is none to ask `what`. */
  terminal(what: string): Terminal {
    if (this.term) return this.term;
    if (!Terminal.available()) {
      throw new CliError(
        EXIT.USAGE,
        `${what}: there is no terminal to ask it on; pass it as a flag (see --help), with --non-interactive`,
      );
    }
    this.term = new Terminal();
    return this.term;
  }

  say(text: string): void {
    if (this.term) this.term.say(text);
    else process.stderr.write(text);
  }

  async value<T>(spec: ValueSpec<T>): Promise<T> {
    if (spec.given !== undefined) return this.parseFlag(spec, spec.given);
    if (this.nonInteractive) {
      if (spec.default !== undefined) return this.parseFlag(spec, spec.default);
      throw new CliError(EXIT.INVALID_INPUT, `--non-interactive needs ${spec.flag}`);
    }
    const term = this.terminal(`${spec.flag} was not given`);
    if (spec.explain) term.say(`\n${spec.explain}\n`);
    const shownDefault = spec.default !== undefined && spec.default !== "" ? ` [${spec.default}]` : "";
    for (;;) {
      let answer = await term.ask(`${spec.question}${shownDefault}: `, { hidden: spec.hidden });
      if (answer.trim() === "" && spec.default !== undefined) answer = spec.default;
      let value: T;
      try {
        value = await spec.parse(answer);
      } catch (error) {
        if (!isAnswerProblem(error)) throw error;
        term.say(`  ✗ ${error.message}. Please try again.\n`);
        continue;
      }
      if (spec.confirm && (spec.confirmWhen?.(value) ?? true)) {
        const again = await term.ask(`${spec.confirm}: `, { hidden: spec.hidden });
        if (again.trim() !== answer.trim()) {
          term.say("  ✗ The two entries differ. Please type it again.\n");
          continue;
        }
      }
      return value;
    }
  }

  /** y/n question; under --non-interactive the default. */
  async yesNo(flag: string, given: boolean | undefined, question: string, defaultYes: boolean): Promise<boolean> {
    if (given !== undefined) return given;
    return this.value({
      flag,
      given: undefined,
      question: `${question} (yes/no)`,
      default: defaultYes ? "yes" : "no",
      parse: parseYesNo,
    });
  }

  /**
   * Prints what is about to happen; unless --non-interactive, asks to go on. "no" ends the command (exit 7) before
   * anything is written or sent.
   */
  async confirm(title: string, rows: [string, string][], action: string): Promise<void> {
    const width = Math.max(...rows.map(([k]) => k.length));
    const text = rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join("\n");
    this.say(`\n${title}\n${text}\n\n`);
    if (this.nonInteractive) return;
    const term = this.terminal("the confirmation");
    for (;;) {
      const answer = (await term.ask(`${action}? (yes/no): `)).trim();
      try {
        if (parseYesNo(answer)) return;
      } catch (error) {
        if (!(error instanceof AnswerError)) throw error;
        term.say(`  ✗ ${error.message}.\n`);
        continue;
      }
      throw new CliError(EXIT.ABORTED, "cancelled at the confirmation; nothing was written or sent");
    }
  }

  close(): void {
    this.term?.close();
    this.term = null;
  }

  private async parseFlag<T>(spec: ValueSpec<T>, text: string): Promise<T> {
    try {
      return await spec.parse(text);
    } catch (error) {
      if (error instanceof AnswerError) throw new CliError(EXIT.INVALID_INPUT, `${spec.flag} ${error.message}`);
      throw error;
    }
  }
}

export function parseYesNo(answer: string): boolean {
  const a = answer.trim().toLowerCase();
  if (a === "y" || a === "yes") return true;
  if (a === "n" || a === "no") return false;
  throw new AnswerError(`answer "yes" or "no", got ${JSON.stringify(answer.trim())}`);
}

/** A whole number >= min (and <= max when given). */
export function parseInteger(text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const t = text.trim();
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(Number(t)) || Number(t) < min || Number(t) > max) {
    throw new AnswerError(
      `must be an integer >= ${min}${max < Number.MAX_SAFE_INTEGER ? ` and <= ${max}` : ""}, got ${JSON.stringify(t)}`,
    );
  }
  return Number(t);
}
