// Reading secrets and answers for the CLI: from files, stdin or an interactive prompt (hidden for secrets).
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { CliError, EXIT } from "./exitCodes.js";

/** All of stdin as text (for `--mnemonic` piped in). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The keystore password from a file: its content without the trailing line break. */
export async function readPasswordFile(file: string): Promise<string> {
  try {
    return (await readFile(file, "utf8")).replace(/\r?\n$/, "");
  } catch (e) {
    throw new CliError(EXIT.FILE_ERROR, `cannot read --keystore-password-file ${file}: ${(e as Error).message}`);
  }
}

/** Asks one question on the terminal (stderr), optionally without echoing the answer. */
export async function prompt(question: string, options: { hidden?: boolean } = {}): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new CliError(
      EXIT.USAGE,
      `cannot ask "${question.trim()}" without a terminal; use --non-interactive and flags`,
    );
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, (answer) => resolve(answer));
      muted = options.hidden ?? false;
    });
  } finally {
    rl.close();
    if (options.hidden) process.stderr.write("\n");
  }
}
