// Reading secrets and answers for the CLI from files and stdin (prompts: terminal.node.ts, interaction.node.ts).
import { readFile } from "node:fs/promises";
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
