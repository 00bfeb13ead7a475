// Lodestar 1.22.0's side of `npm run bench:engine -- --vs lodestar` (a child process of vsLodestar/compare.ts). It is
// copied next to the Lodestar install (bench/.cache/lodestar-1.22.0/) because it imports @lodestar/*, and runs on the
// project's Node 22:  node lodestarChild.mjs <dir> <N>   prints READY, then answers each stdin line (run | end) with
// `RESULT {json}`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";

process.env.LODESTAR_PRESET = "mainnet"; // read when @lodestar/params is first imported
// The same native merkleizer as ours (persistent-merkle-tree 0.8 ships it; its default is pure-JS noble)
const { setHasher } = await import("@chainsafe/persistent-merkle-tree/lib/hasher/index.js");
const { hasher } = await import("@chainsafe/persistent-merkle-tree/lib/hasher/hashtree.js");
setHasher(hasher);

const { ACTIVE_PRESET, ForkSeq } = await import("@lodestar/params");
const { ssz } = await import("@lodestar/types");
const { createChainForkConfig, createBeaconConfig } = await import("@lodestar/config");
const { mainnetChainConfig } = await import("@lodestar/config/configs");
const ST = await import("@lodestar/state-transition");
const { processEpoch } = await import("@lodestar/state-transition/epoch");
const { processSlot } = await import("@lodestar/state-transition/slot");

const now = () => performance.now();
const gc = () => globalThis.gc?.();
/** A forced collection, then a pause so that its concurrent sweeping does not overlap the timed work (same in
 * oursChild.ts; SETTLE_MS env, default 1,000; 0 = no pause). */
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1000);
const settle = async () => {
  gc();
  if (SETTLE_MS > 0) await sleep(SETTLE_MS);
};
const hex = (b) => `0x${Buffer.from(b).toString("hex")}`;
const version = (name) => JSON.parse(readFileSync(path.join("node_modules", name, "package.json"), "utf8")).version;

const [dir, nArg] = process.argv.slice(2);
const n = Number(nArg);
const bytes = readFileSync(path.join(dir, `pre-${n}.ssz`));
const meta = JSON.parse(readFileSync(path.join(dir, `meta-${n}.json`), "utf8"));
if (ACTIVE_PRESET !== "mainnet") throw new Error(`Lodestar preset ${ACTIVE_PRESET}, expected mainnet`);
// Our parameters (v1.0.0 mainnet) must be Lodestar's mainnet ones wherever Lodestar has them
const { activePreset } = await import("@lodestar/params");
const differ = Object.entries(meta.params).filter(
  ([k, v]) => k in activePreset && typeof v === "number" && Number(activePreset[k]) !== v,
);
if (differ.length > 0) throw new Error(`parameters differ from Lodestar's mainnet preset: ${JSON.stringify(differ)}`);

// Phase0 only: every later fork off.
const chainConfig = createChainForkConfig({
  ...mainnetChainConfig,
  ALTAIR_FORK_EPOCH: Infinity,
  BELLATRIX_FORK_EPOCH: Infinity,
  CAPELLA_FORK_EPOCH: Infinity,
  DENEB_FORK_EPOCH: Infinity,
  ELECTRA_FORK_EPOCH: Infinity,
});
let config;
const pubkey2index = new ST.PubkeyIndexMap();
const index2pubkey = [];

/** The pre-state as Lodestar holds an imported block's post-state: tree-backed, epoch cache built, nodes loaded, hashed. */
function fresh() {
  const view = ssz.phase0.BeaconState.deserializeToViewDU(bytes);
  config ??= createBeaconConfig(chainConfig, view.genesisValidatorsRoot);
  // skipSyncPubkeys: the synthetic pubkeys are not BLS points and the epoch transition never reads them
  const state = ST.createCachedBeaconState(view, { config, pubkey2index, index2pubkey }, { skipSyncPubkeys: true });
  state.balances.getAll();
  state.validators.getAllReadonlyValues();
  const root = hex(state.hashTreeRoot());
  if (root !== meta.preRoot) throw new Error(`pre-state root ${root} != ${meta.preRoot}`);
  return state;
}

/** Median of `reps` timings of `fn` (the sub-millisecond rows: one timing would be at the mercy of a GC step). */
function medianOf(reps, fn) {
  const xs = Array.from({ length: reps }, fn).sort((x, y) => x - y);
  return xs[xs.length >> 1];
}
const REPS = 21;

async function run() {
  let pre = fresh();
  await settle();
  // The copy, and process_slot of the last slot of E (its state root) on a fresh copy: medians of REPS. clone(true)
  // keeps the pre-state's caches for the next repetition (clone() would move them to the copy); both are O(1).
  const copyMs = medianOf(REPS, () => {
    const t0 = now();
    pre.clone(true);
    return now() - t0;
  });
  const emptySlotMs = medianOf(REPS, () => {
    const c = pre.clone(true);
    const t0 = now();
    processSlot(c);
    return now() - t0;
  });
  // Step by step (the calls of Lodestar's processSlotsWithTransientCache for one slot)
  const s = pre.clone();
  processSlot(s);
  await settle();
  let t = now();
  const cache = ST.beforeProcessEpoch(s);
  processEpoch(ForkSeq.phase0, s, cache);
  s.slot++;
  s.epochCtx.afterProcessEpoch(s, cache);
  s.commit();
  const processEpochMs = now() - t;
  const splitRoot = hex(s.hashTreeRoot());
  // What a node pays per epoch: processSlots (its clone inside) + post-state root; the next epoch's committees are
  // computed inside (afterProcessEpoch)
  pre = fresh();
  await settle();
  t = now();
  const post = ST.processSlots(pre, meta.slot + 1);
  const processSlotsMs = now() - t;
  t = now();
  const postRoot = hex(post.hashTreeRoot());
  const postRootMs = now() - t;
  return {
    copyMs,
    emptySlotMs,
    processEpochMs,
    processSlotsMs,
    postRootMs,
    shufflingMs: 0,
    epochMs: processSlotsMs + postRootMs,
    postRoot,
    roots: [splitRoot, postRoot],
    preUnchanged: true,
  };
}

const answer = (x) => console.log(`RESULT ${JSON.stringify(x)}`);
console.log("READY");
for await (const line of createInterface({ input: process.stdin })) {
  const command = line.trim();
  if (command === "run") answer(await run());
  else if (command === "end") {
    answer({
      engine: "lodestar",
      stateTransition: version("@lodestar/state-transition"),
      ssz: version("@chainsafe/ssz"),
      hasher: "hashtree",
      node: process.version,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    });
    break;
  } else throw new Error(`unknown command ${command}`);
}
process.exit(0);
