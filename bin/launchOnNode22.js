// Shared by the Node-22-only bins (btc20-node, btc20-validator). Bins run with whatever `node` is on the PATH (the
// system may have Node 20); these programs need Node 22 (node:sqlite, libp2p 3), so this starts their TypeScript
// entry on the repository's pinned Node 22 (node_modules/node) with tsx loaded as an import hook, forwarding
// arguments, signals and the exit code.
//
// tsx is loaded with `--import` rather than through its own CLI on purpose: the CLI is a second process that relays
// SIGTERM and gives the program 30 ms to acknowledge it before killing it (exit 143), which a busy node can miss; with
// the hook there is one process, and SIGTERM reaches the program's own graceful shutdown.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Runs `entry` (a path relative to the repository root) on the pinned Node 22 and mirrors its exit. */
export function launchOnNode22(name, entry) {
  const node22 = path.join(root, "node_modules", "node", "bin", "node");
  const tsxLoader = path.join(root, "node_modules", "tsx", "dist", "loader.mjs");
  for (const [file, what] of [
    [node22, "the pinned Node 22 (npm install)"],
    [tsxLoader, "tsx (npm install)"],
  ]) {
    if (!existsSync(file)) {
      console.error(`${name}: ${what} is missing at ${file}; run \`npm run setup\` in ${root}`);
      process.exit(1);
    }
  }
  const args = ["--no-warnings=ExperimentalWarning", "--import", pathToFileURL(tsxLoader).href];
  const child = spawn(node22, [...args, path.join(root, entry), ...process.argv.slice(2)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}
