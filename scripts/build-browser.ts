// Bundles the SDK's browser entry (sdk/browser.ts) with esbuild for platform=browser and fails if anything
// Node-only gets in: a `node:` module, a Node built-in, a native package (@chainsafe/blst) or a *.node.ts file.
// The SDK reaches its native back ends only through dynamic imports of *.node.js files guarded by try/catch;
// here those resolve to a stub that throws, so the pure-JS back ends are chosen at run time.
//   tsx scripts/build-browser.ts            -> dist/browser/btc20-sdk.js (+ prints the size)
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NATIVE_PACKAGES = ["@chainsafe/blst"];

/** Replaces every *.node.js / *.node.ts module with a stub whose import rejects (the SDK falls back to JS). */
const nodeOnlyStub: Plugin = {
  name: "node-only-stub",
  setup(b) {
    b.onResolve({ filter: /\.node\.(js|ts)$/ }, (args) => ({ path: args.path, namespace: "node-only" }));
    b.onLoad({ filter: /.*/, namespace: "node-only" }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is Node-only and not in the browser bundle`)});`,
      loader: "js",
    }));
  },
};

export interface BrowserBundle {
  file: string;
  bytes: number;
  /** Node-only inputs found in the bundle (empty when the bundle is clean). */
  forbidden: string[];
}

function forbiddenInputs(metafile: Metafile): string[] {
  const bad: string[] = [];
  for (const input of Object.keys(metafile.inputs)) {
    if (input.startsWith("node:") || NATIVE_PACKAGES.some((p) => input.includes(`node_modules/${p}/`))) bad.push(input);
    if (/\.node$/.test(input)) bad.push(input);
  }
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) if (imported.external) bad.push(`external import ${imported.path}`);
  }
  return bad;
}

export async function buildBrowserBundle(
  outfile = path.join(ROOT, "dist/browser/btc20-sdk.js"),
): Promise<BrowserBundle> {
  await mkdir(path.dirname(outfile), { recursive: true });
  let result: Awaited<ReturnType<typeof build<{ metafile: true }>>>;
  try {
    result = await build({
      absWorkingDir: ROOT,
      entryPoints: ["sdk/browser.ts"],
      outfile,
      bundle: true,
      platform: "browser",
      format: "esm",
      target: "es2022",
      minify: true,
      metafile: true,
      plugins: [nodeOnlyStub],
      logLevel: "silent",
    });
  } catch (e) {
    // platform=browser cannot resolve Node built-ins: esbuild fails, naming each one.
    const errors = (e as { errors?: { text: string }[] }).errors ?? [{ text: String(e) }];
    return { file: outfile, bytes: 0, forbidden: errors.map((x) => x.text) };
  }
  const bytes = Object.entries(result.metafile.outputs).find(([name]) => /\.m?js$/.test(name))![1].bytes;
  return { file: outfile, bytes, forbidden: forbiddenInputs(result.metafile) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const bundle = await buildBrowserBundle();
  console.log(`${path.relative(ROOT, bundle.file)}: ${bundle.bytes} bytes (minified)`);
  if (bundle.forbidden.length > 0) {
    console.error(`Node-only modules in the browser bundle:\n  ${bundle.forbidden.join("\n  ")}`);
    process.exit(1);
  }
}
