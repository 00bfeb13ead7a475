import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { build } from "esbuild";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("browser bundle of keys, keystores and BLS", () => {
  it("bundles for the browser with no node: module and no native package", async () => {
    const entry = ["sdk/keys/index.ts", "sdk/keys/keystore/index.ts", "sdk/crypto/bls/index.ts"]
      .map((file) => `export * from ${JSON.stringify(path.join(repoRoot, file))};`)
      .join("\n");
    const result = await build({
      stdin: { contents: entry, resolveDir: repoRoot, loader: "ts" },
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      // Node-only implementations are loaded lazily behind a runtime check and left out of browser bundles.
      external: ["*.node.js"],
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.includes("@noble/curves"))).to.equal(true);
    expect(inputs.filter((file) => file.includes("@chainsafe/blst") || file.endsWith(".node.ts"))).to.deep.equal([]);
    const code = result.outputFiles[0].text;
    expect(code).to.not.match(/from\s*["']node:/);
    expect(code).to.not.match(/require\(["']node:/);
  });
});
