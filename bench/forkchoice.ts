// Fork-choice benchmark (npm run bench:forkchoice): head recomputation with 1,000,000 validators and 1,000 blocks
// in the tree (btc20 sizes: 32-slot epochs, 12 s slots, 1000 BTCC stakes counted in 1 BTCC increments; a main chain
// with a side branch every ~10 blocks).
//  - updateHeadMs: get_head after one slot's worth of new votes (1/32 of the validators move their latest message
//    to the previous slot's block) and the slot's timely block (which takes the proposer boost; every 4th slot an
//    equivocating second timely block follows and gets none, fork-choice.md v1.4.0), i.e. the per-slot work of a
//    node: vote deltas over all validators + proto-array sweep with the boost;
//  - fullRecomputeMs: get_head when every validator's weight must be (re)applied (first run, or a new justified
//    checkpoint with new balances);
//  - onAttestationsMs: recording one slot's latest messages (update_latest_messages for 31,250 validators).
// Anchor: Lodestar's fork-choice code notes ~400 ms per head update at this size (2021). Target: <= 100 ms.
// Writes bench/results/forkchoice.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ForkChoice } from "../consensus/fork-choice/forkChoice.js";
import type { BlockSummary, Checkpoint, JustifiedBalances } from "../consensus/fork-choice/types.js";

const VALIDATORS = Number(process.env.FC_BENCH_VALIDATORS ?? 1_000_000);
const BLOCKS = Number(process.env.FC_BENCH_BLOCKS ?? 1_000);
const SLOTS_TIMED = 32;
const LODESTAR_ANCHOR_MS = 400;
const TARGET_MS = 100;

const cfg = { SLOTS_PER_EPOCH: 32, SECONDS_PER_SLOT: 12, EFFECTIVE_BALANCE_INCREMENT: 1_000_000_000 };
/** 1000 BTCC per validator, in 1 BTCC increments */
const STAKE_INCREMENTS = 1000;
const GENESIS_TIME = 1_600_000_000;

function rootOf(n: number): string {
  // spread roots so their order is unrelated to the tree order
  return `0x${((n * 2654435761) >>> 0).toString(16).padStart(8, "0")}${n.toString(16).padStart(56, "0")}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function justifiedBalances(): JustifiedBalances {
  const increments = new Uint32Array(VALIDATORS).fill(STAKE_INCREMENTS);
  const total = BigInt(VALIDATORS) * BigInt(STAKE_INCREMENTS) * BigInt(cfg.EFFECTIVE_BALANCE_INCREMENT);
  return { effectiveBalanceIncrements: increments, totalActiveBalance: total };
}

/** Slots timed at the end, each adding a timely block; every 4th also an equivocating sibling. */
const EQUIVOCATION_EVERY = 4;
const TIMED_BLOCKS = SLOTS_TIMED + Math.floor(SLOTS_TIMED / EQUIVOCATION_EVERY);

function slotStart(slot: number): number {
  return GENESIS_TIME + slot * cfg.SECONDS_PER_SLOT;
}

/** The tree before the timed slots: BLOCKS - TIMED_BLOCKS blocks, all arrived late (no boost). */
function buildForkChoice(): { fc: ForkChoice; roots: string[]; anchor: BlockSummary } {
  const genesis = rootOf(0);
  const genesisCheckpoint: Checkpoint = { epoch: 0, root: genesis };
  const anchor: BlockSummary = {
    root: genesis,
    parentRoot: `0x${"00".repeat(32)}`,
    slot: 0,
    justifiedCheckpoint: genesisCheckpoint,
    finalizedCheckpoint: genesisCheckpoint,
    unrealizedJustifiedCheckpoint: genesisCheckpoint,
    unrealizedFinalizedCheckpoint: genesisCheckpoint,
  };
  const balances = justifiedBalances();
  const fc = new ForkChoice(
    cfg,
    { block: anchor, epoch: 0, genesisTime: GENESIS_TIME, time: GENESIS_TIME },
    () => balances,
  );
  const prebuilt = BLOCKS - TIMED_BLOCKS;
  fc.onTick(slotStart(prebuilt - 1) + cfg.SECONDS_PER_SLOT - 1);
  const roots = [genesis];
  for (let i = 1; i < prebuilt; i++) {
    // a main chain; every 10th block branches off the block 3 back
    const parent = i % 10 === 0 && i > 3 ? roots[i - 3] : roots[i - 1];
    const summary: BlockSummary = { ...anchor, root: rootOf(i), parentRoot: parent, slot: i };
    fc.onBlock(summary);
    roots.push(summary.root);
  }
  return { fc, roots, anchor };
}

function main(): void {
  const { fc, roots, anchor } = buildForkChoice();
  // every validator votes for one of the last 64 blocks
  const byBlock = new Map<string, number[]>();
  for (let v = 0; v < VALIDATORS; v++) {
    const blockRoot = roots[roots.length - 1 - (v % 64)];
    const list = byBlock.get(blockRoot);
    if (list === undefined) byBlock.set(blockRoot, [v]);
    else list.push(v);
  }
  for (const [blockRoot, indices] of byBlock) fc.updateLatestMessages(indices, blockRoot, 0);

  let t = performance.now();
  const firstHead = fc.getHead();
  const fullRecomputeMs = performance.now() - t;

  const perSlot = Math.floor(VALIDATORS / cfg.SLOTS_PER_EPOCH);
  const updateTimes: number[] = [];
  const attestationTimes: number[] = [];
  let head = firstHead;
  let boostedHeads = 0;
  const firstTimedSlot = roots.length;
  for (let s = 0; s < SLOTS_TIMED; s++) {
    const slot = firstTimedSlot + s;
    fc.onTick(slotStart(slot));
    // this slot's committee votes for the previous slot's block (newer target epoch than its genesis-era votes)
    const committee = new Array<number>(perSlot);
    for (let k = 0; k < perSlot; k++) committee[k] = s * perSlot + k;
    const voted = roots[roots.length - 1];
    t = performance.now();
    fc.updateLatestMessages(committee, voted, Math.floor((slot - 1) / cfg.SLOTS_PER_EPOCH));
    attestationTimes.push(performance.now() - t);
    // the slot's block, timely: it takes the boost; an equivocating twin after it does not
    const block: BlockSummary = { ...anchor, root: rootOf(BLOCKS + 2 * s), parentRoot: voted, slot };
    fc.onBlock(block);
    if (s % EQUIVOCATION_EVERY === EQUIVOCATION_EVERY - 1) {
      fc.onBlock({ ...block, root: rootOf(BLOCKS + 2 * s + 1) });
    }
    t = performance.now();
    head = fc.getHead();
    updateTimes.push(performance.now() - t);
    if (fc.proposerBoostRoot === block.root && head === block.root) boostedHeads++;
    roots.push(block.root);
  }
  if (boostedHeads !== SLOTS_TIMED) {
    throw new Error(`expected each slot's first timely block boosted and head, got ${boostedHeads} of ${SLOTS_TIMED}`);
  }

  const updateHeadMs = median(updateTimes);
  const onAttestationsMs = median(attestationTimes);
  const rows = [
    ["measure", "ms", "Lodestar anchor ms", "anchor / ours", "target ms", "meets target"],
    [
      "updateHead (1/32 of votes moved)",
      updateHeadMs.toFixed(2),
      String(LODESTAR_ANCHOR_MS),
      `${(LODESTAR_ANCHOR_MS / updateHeadMs).toFixed(1)}x`,
      String(TARGET_MS),
      updateHeadMs <= TARGET_MS ? "yes" : "NO",
    ],
    [
      "full recompute (all votes applied)",
      fullRecomputeMs.toFixed(2),
      String(LODESTAR_ANCHOR_MS),
      `${(LODESTAR_ANCHOR_MS / fullRecomputeMs).toFixed(1)}x`,
      String(TARGET_MS),
      fullRecomputeMs <= TARGET_MS ? "yes" : "NO",
    ],
    ["update_latest_messages (one slot)", onAttestationsMs.toFixed(2), "-", "-", "-", "-"],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`fork choice: ${VALIDATORS} validators, ${fc.protoArray.length} blocks, median of ${SLOTS_TIMED} slots`);
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join(" | "));
  console.log(`head: ${head}`);

  const result = {
    validators: VALIDATORS,
    blocks: fc.protoArray.length,
    slotsTimed: SLOTS_TIMED,
    votesMovedPerSlot: perSlot,
    updateHeadMs,
    updateHeadMaxMs: Math.max(...updateTimes),
    fullRecomputeMs,
    onAttestationsMs,
    lodestarAnchorMs: LODESTAR_ANCHOR_MS,
    targetMs: TARGET_MS,
    ratioVsAnchor: LODESTAR_ANCHOR_MS / updateHeadMs,
    meetsTarget: updateHeadMs <= TARGET_MS,
    node: process.version,
    date: new Date().toISOString(),
  };
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "results/forkchoice.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

main();
