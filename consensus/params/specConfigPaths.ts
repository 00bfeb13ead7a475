import path from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the repository (two folders above this file). */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Path of an official phase0.yaml in the shared vectors, e.g. specConfigPath("v0.12.3", "minimal"). */
export function specConfigPath(version: "v0.12.3" | "v1.0.0", preset: "minimal" | "mainnet"): string {
  return path.resolve(REPO_ROOT, "../shared/vectors/consensus-configs", version, preset, "phase0.yaml");
}
