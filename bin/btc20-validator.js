#!/usr/bin/env node
// btc20-validator launcher. Bins run with whatever `node` is on the PATH (the system may have Node 20); the client
// needs Node 22 (node:sqlite, Hardhat 3's deps), so this starts consensus/validator-client/cli.ts on the repository's pinned
// Node 22 (node_modules/node) through tsx, forwarding arguments, signals and the exit code.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const node22 = path.join(root, "node_modules", "node", "bin", "node");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const cli = path.join(root, "consensus", "validator-client", "cli.ts");

for (const [file, what] of [
  [node22, "the pinned Node 22 (npm install)"],
  [tsx, "tsx (npm install)"],
]) {
  if (!existsSync(file)) {
    console.error(`btc20-validator: ${what} is missing at ${file}; run \`npm run setup\` in ${root}`);
    process.exit(1);
  }
}

const child = spawn(node22, ["--no-warnings=ExperimentalWarning", tsx, cli, ...process.argv.slice(2)], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
