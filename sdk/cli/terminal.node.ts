// The interactive terminal of btc20-deposit: one readline over stdin for the whole command, questions and messages
// on stderr (stdout stays for results), hidden answers for secrets, no line history (an up-arrow must never bring
// back a mnemonic or a password), Ctrl-C and end of input as a clean abort.
import { createInterface, type Interface } from "node:readline";
import { Writable } from "node:stream";
import { CliError, EXIT } from "./exitCodes.js";

/** Erase the screen (2J), the scrollback where the terminal supports it (3J), and home the cursor (H). */
export const CLEAR_SCREEN_AND_SCROLLBACK = "\x1b[2J\x1b[3J\x1b[H";

export class Terminal {
  private readonly rl: Interface;
  private muted = false;
  private pending: ((error: Error) => void) | null = null;

  constructor(
    private readonly input: NodeJS.ReadStream = process.stdin,
    private readonly output: NodeJS.WriteStream = process.stderr,
  ) {
    const sink = new Writable({
      write: (chunk, _encoding, done) => {
        if (!this.muted) this.output.write(chunk);
        done();
      },
    });
    this.rl = createInterface({ input: this.input, output: sink, terminal: true, historySize: 0 });
    this.rl.on("SIGINT", () => this.abort("aborted with Ctrl-C"));
    this.rl.on("close", () => this.abort("input ended before an answer was given"));
  }

  /** True when both ends are a terminal (prompts are possible). */
  static available(): boolean {
    return process.stdin.isTTY === true;
  }

  /** One answer; with `hidden`, nothing typed is echoed (secrets). */
  ask(question: string, options: { hidden?: boolean } = {}): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.pending = reject;
      this.rl.question(question, (answer) => {
        this.pending = null;
        if (this.muted) {
          this.muted = false;
          this.output.write("\n");
        }
        resolve(answer);
      });
      this.muted = options.hidden === true;
    });
  }

  /** Text for the user (questions' explanations, summaries, re-ask messages). */
  say(text: string): void {
    this.output.write(text);
  }

  /** Clears the screen and the scrollback, so a mnemonic shown before is gone from view. */
  clearScreen(): void {
    this.output.write(CLEAR_SCREEN_AND_SCROLLBACK);
  }

  close(): void {
    this.pending = null;
    this.rl.close();
  }

  private abort(reason: string): void {
    const reject = this.pending;
    this.pending = null;
    if (this.muted) {
      this.muted = false;
      this.output.write("\n");
    }
    reject?.(new CliError(EXIT.ABORTED, `${reason}; nothing more was written`));
  }
}
