// Drives the real btc20-deposit bin in a pseudo-terminal: a private tmux server (its own socket, so nothing else is
// touched) runs the CLI in a pane; the test types answers, reads the screen and the scrollback, and gets the raw
// bytes the CLI wrote (tmux pipe-pane) to check escape sequences and that secrets were never echoed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BIN } from "./runCli.js";

let counter = 0;

/** True when the tmux binary is installed (the terminal tests skip, saying why, when it is not). */
export function tmuxAvailable(): boolean {
  try {
    execFileSync("tmux", ["-V"]);
    return true;
  } catch {
    return false;
  }
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export class TmuxSession {
  private readonly socket: string;
  private readonly rawFile: string;

  private constructor(socket: string, rawFile: string) {
    this.socket = socket;
    this.rawFile = rawFile;
  }

  /** Starts `btc20-deposit <args>` in a 160x50 terminal; output is recorded from its first byte. */
  static start(args: string[], options: { cwd?: string } = {}): TmuxSession {
    const socket = `btc20-cli-test-${process.pid}-${++counter}`;
    const dir = mkdtempSync(path.join(tmpdir(), "btc20-tmux-"));
    const rawFile = path.join(dir, "raw.log");
    const session = new TmuxSession(socket, rawFile);
    const cli = [process.execPath, BIN, ...args].map(shellQuote).join(" ");
    // The pane waits for one Enter before starting the CLI, so pipe-pane is attached before its first byte; the
    // shell then prints the CLI's exit status (tmux's own pane status can lag or go missing under load).
    const script = `cd ${shellQuote(options.cwd ?? process.cwd())} && read _ && ${cli}; echo "[cli exited $?]"`;
    session.tmux(
      "-f",
      "/dev/null",
      "set-option",
      "-g",
      "remain-on-exit",
      "on",
      ";",
      "set-option",
      "-g",
      "history-limit",
      "20000",
      ";",
      "new-session",
      "-d",
      "-s",
      "cli",
      "-x",
      "160",
      "-y",
      "50",
      `sh -c ${shellQuote(script)}`,
    );
    session.tmux("pipe-pane", "-t", "cli", "-o", `cat >> ${shellQuote(rawFile)}`);
    session.tmux("send-keys", "-t", "cli", "Enter");
    return session;
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
  }

  /** The visible screen. */
  screen(): string {
    return this.tmux("capture-pane", "-p", "-J", "-t", "cli");
  }

  /** The scrollback and the visible screen. */
  history(): string {
    return this.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "cli");
  }

  /** Every byte the pane received so far. */
  raw(): string {
    try {
      return readFileSync(this.rawFile, "utf8");
    } catch {
      return "";
    }
  }

  /** Waits until the raw output (from `from`, a character offset) matches; returns the offset after the match. */
  async waitFor(pattern: RegExp | string, options: { from?: number; timeoutMs?: number } = {}): Promise<number> {
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    const from = options.from ?? 0;
    let deadSince: number | undefined;
    for (;;) {
      const text = this.raw().slice(from);
      const at = typeof pattern === "string" ? text.indexOf(pattern) : text.search(pattern);
      if (at !== -1) {
        const len = typeof pattern === "string" ? pattern.length : (text.slice(at).match(pattern)?.[0].length ?? 0);
        return from + at + len;
      }
      // pipe-pane copies output asynchronously: after the CLI ended, give the last bytes a moment to arrive.
      if (this.dead() !== null) {
        deadSince ??= Date.now();
        if (Date.now() - deadSince > 2_000) {
          throw new Error(`the CLI exited (${this.dead()}) before ${String(pattern)}; screen:\n${this.history()}`);
        }
      }
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(pattern)}; screen:\n${this.history()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Types `text` and Enter. */
  type(text: string): void {
    if (text !== "") this.tmux("send-keys", "-t", "cli", "-l", "--", text);
    this.tmux("send-keys", "-t", "cli", "Enter");
  }

  /** Presses a key by its tmux name ("C-c", "Up"). */
  key(name: string): void {
    this.tmux("send-keys", "-t", "cli", name);
  }

  /** Waits for `prompt` after offset `from`, then answers; returns the offset after the prompt. */
  async answer(prompt: RegExp | string, text: string, from = 0): Promise<number> {
    const at = await this.waitFor(prompt, { from });
    this.type(text);
    return at;
  }

  /** The exit status once the CLI has ended, else null. */
  dead(): number | null {
    const m = this.history().match(/\[cli exited (\d+)\]/);
    return m ? Number(m[1]) : null;
  }

  async exitCode(timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const code = this.dead();
      if (code !== null) return code;
      if (Date.now() > deadline) throw new Error(`the CLI did not exit; screen:\n${this.history()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  close(): void {
    try {
      this.tmux("kill-server");
    } catch {
      // already gone
    }
  }
}
