// Read-merge-write of bench/results/<name>.json, for benchmarks that share one results file (bench/sdk.ts and
// bench/sdk-keystores.ts both write sdk.json): keys already in the file are kept unless `values` replaces them.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

const RESULTS_DIR = path.join(import.meta.dirname, "results");

/** Merges `values` into bench/results/<name>.json (atomically, via a temp file) and returns the file's path. */
export async function writeBenchResults(name: string, values: object): Promise<string> {
  const file = path.join(RESULTS_DIR, `${name}.json`);
  await mkdir(RESULTS_DIR, { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(await readFile(file, "utf8"));
  } catch {
    // first writer
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ ...current, ...values }, null, 2)}\n`);
  await rename(tmp, file);
  return file;
}
