#!/usr/bin/env node
// Launcher of the btc20-deposit CLI (sources in sdk/cli). npm runs bins with whatever `node` is on PATH (often
// Node 20), which cannot load TypeScript, so the CLI runs from an esbuild bundle in dist/btc20-deposit/ (the CLI
// and the keystore worker it starts). The bundle is (re)built here with esbuild when it is missing or older than
// a source file; without esbuild (production install) an existing bundle is used as is.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist", "btc20-deposit");
const bundle = path.join(outdir, "bin.node.js");

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

async function ensureBundle() {
  const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < newestSourceTime(path.join(root, "sdk"));
  if (!stale) return;
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    if (existsSync(bundle)) return;
    throw new Error("dist/btc20-deposit is missing and esbuild is not installed to build it (run npm ci)");
  }
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { "bin.node": "sdk/cli/bin.node.ts", keystoreWorker: "sdk/node/keystoreWorker.ts" },
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "error",
    write: false,
  });
  // Each file is written under a temporary name and renamed into place, so a CLI started at the same moment never
  // loads a half-written bundle.
  mkdirSync(outdir, { recursive: true });
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
}

await ensureBundle();
await import(pathToFileURL(bundle).href);
