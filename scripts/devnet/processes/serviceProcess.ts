// One devnet OS process (btc20-node or btc20-validator) on the repository's pinned Node 22 with tsx's loader, as the
// bins start them, but without the bin launcher in between: the pid we hold is the process that runs the node, so a
// SIGKILL really kills it (the crash scenario) and nothing is left behind. stdout/stderr go to a log file; stdout's
// pino JSON lines are parsed for the orchestrator (startup line, events). Every child is killed when the devnet
// process exits, or on SIGTERM/SIGHUP (and SIGINT unless the caller handles it).
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { CodedError } from "../../../sdk/errors/codedError.js";

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
export const NODE22 = path.join(ROOT, "node_modules", "node", "bin", "node");
export const NODE_CLI = path.join(ROOT, "consensus", "node", "cli.ts");

export class DevnetProcessError extends CodedError<"PROCESS_FAILED" | "PROCESS_TIMEOUT"> {
  override readonly name = "DevnetProcessError";
}

/** A pino line (anything JSON on stdout) with the time it was read. */
export interface LogLine {
  msg?: string;
  level?: number;
  time?: number;
  [key: string]: unknown;
}

const live = new Set<ChildProcess>();
let hooksInstalled = false;

function killAllChildren(): void {
  for (const c of live) c.kill("SIGKILL");
  live.clear();
}

/** Kills every child on exit and on termination signals; SIGINT only when `sigint` (devnet.ts handles its own). */
export function installChildCleanup(sigint = true): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", killAllChildren);
  const signals: NodeJS.Signals[] = ["SIGTERM", "SIGHUP", ...(sigint ? (["SIGINT"] as const) : [])];
  for (const signal of signals) {
    process.on(signal, () => {
      killAllChildren();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

export interface ServiceProcessOptions {
  name: string;
  /** the .ts entry (consensus/node/cli.ts, the validator client's cli) */
  entry: string;
  args: string[];
  logFile: string;
}

export class ServiceProcess {
  readonly name: string;
  private child: ChildProcess | null = null;
  private log: WriteStream | null = null;
  private readonly listeners = new Set<(line: LogLine) => void>();
  private readonly tail: string[] = [];
  private exitPromise: Promise<number | null> = Promise.resolve(null);
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;

  constructor(private readonly o: ServiceProcessOptions) {
    this.name = o.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** the last lines of output, for failure reports */
  lastLines(n = 15): string[] {
    return this.tail.slice(-n);
  }

  start(extraArgs: string[] = []): void {
    if (this.running) throw new DevnetProcessError("PROCESS_FAILED", `${this.name} is already running`);
    installChildCleanup();
    this.log = createWriteStream(this.o.logFile, { flags: "a" });
    // The log file is a convenience copy (the tail above is what failure reports use): a log directory removed
    // while the stream is still opening (stop() right after a restart) must not become an uncaught error.
    this.log.on("error", (err) => this.tail.push(`log file ${this.o.logFile} unavailable: ${err.message}`));
    const child = spawn(
      NODE22,
      ["--no-warnings=ExperimentalWarning", "--import", "tsx", this.o.entry, ...this.o.args, ...extraArgs],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, FORCE_COLOR: "0" },
      },
    );
    this.child = child;
    this.exitCode = null;
    this.exitSignal = null;
    live.add(child);
    const log = this.log;
    const keep = (text: string) => {
      this.tail.push(text);
      if (this.tail.length > 200) this.tail.shift();
    };
    createInterface({ input: child.stdout! }).on("line", (text) => {
      log.write(`${text}\n`);
      keep(text);
      if (!text.startsWith("{")) return;
      let line: LogLine;
      try {
        line = JSON.parse(text);
      } catch {
        return;
      }
      for (const l of this.listeners) l(line);
    });
    createInterface({ input: child.stderr! }).on("line", (text) => {
      log.write(`${text}\n`);
      keep(text);
    });
    this.exitPromise = new Promise((resolve) => {
      child.on("exit", (code, signal) => {
        live.delete(child);
        this.exitCode = code;
        this.exitSignal = signal;
        log.end();
        resolve(code);
      });
    });
  }

  onLine(listener: (line: LogLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first stdout JSON line matching `pred`; rejects on timeout or if the process exits first. */
  waitForLine(pred: (line: LogLine) => boolean, timeoutMs: number, what: string): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        off();
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new DevnetProcessError(
            "PROCESS_TIMEOUT",
            `${this.name}: no "${what}" within ${timeoutMs / 1000} s; last output:\n${this.lastLines().join("\n")}`,
          ),
        );
      }, timeoutMs);
      const off = this.onLine((line) => {
        if (!pred(line)) return;
        done();
        resolve(line);
      });
      this.exitPromise.then(() => {
        if (this.running) return;
        done();
        reject(
          new DevnetProcessError(
            "PROCESS_FAILED",
            `${this.name} exited (${this.exitSignal ?? `code ${this.exitCode}`}) before "${what}"; last output:\n${this.lastLines().join("\n")}`,
          ),
        );
      });
    });
  }

  /** Sends `signal`; resolves once the process is gone. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return;
    this.child!.kill(signal);
    await this.exitPromise;
  }

  /** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    const timer = setTimeout(() => this.child?.kill("SIGKILL"), graceMs);
    await this.kill("SIGTERM");
    clearTimeout(timer);
  }

  exited(): Promise<number | null> {
    return this.exitPromise;
  }
}
