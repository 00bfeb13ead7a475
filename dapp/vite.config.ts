// Vite config of the staking dApp (`npm run dapp` serves it, `npm run build:dapp` builds it into dist/dapp).
// The SDK is used from its TypeScript sources; its Node-only modules (*.node.ts: native BLS, worker threads, files)
// are replaced by a stub whose import rejects, so the SDK picks its pure-JS back ends, as in scripts/build-browser.ts.
// In development `/beacon/*` is proxied to a node (BTC20_NODE_URL, default the devnet's http://127.0.0.1:5052), so
// `npm run devnet` + `npm run dapp` work without --rest.cors.
import path from "node:path";
import { defineConfig, type Plugin } from "vite";

const NODE_ONLY = "\0node-only:";

const nodeOnlyStub: Plugin = {
  name: "btc20-node-only-stub",
  enforce: "pre",
  resolveId(source) {
    return /\.node\.(js|ts)$/.test(source) ? `${NODE_ONLY}${source}` : null;
  },
  load(id) {
    if (!id.startsWith(NODE_ONLY)) return null;
    const name = JSON.stringify(`${id.slice(NODE_ONLY.length)} is Node-only and not in the dApp`);
    return `throw new Error(${name});`;
  },
};

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [nodeOnlyStub],
  build: {
    outDir: path.resolve(import.meta.dirname, "../dist/dapp"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1200,
  },
  worker: { format: "es", plugins: () => [nodeOnlyStub] },
  optimizeDeps: { exclude: ["@chainsafe/blst"] },
  esbuild: { target: "es2022" },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: {
      "/beacon": {
        target: process.env.BTC20_NODE_URL ?? "http://127.0.0.1:5052",
        changeOrigin: true,
        rewrite: (p) => p.replace(/^\/beacon/, ""),
      },
    },
  },
  preview: { host: "127.0.0.1", port: 4173 },
});
