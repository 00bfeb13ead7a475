// Block production (phase0 validator.md, "Block proposal"): a block on the current head for `slot`, with the eth1
// vote, the deposits the state then requires (with proofs), the pooled attestations, slashings and exits; its state root
// comes from running process_block on a copy of the advanced head state.

import { CodedError } from "../../../sdk/errors/codedError.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { getBeaconProposerIndex } from "../../state-transition/accessors/getBeaconProposerIndex.js";
import { processBlock } from "../../state-transition/block/processBlock.js";
import { cloneBeaconState } from "../../state-transition/caches/cloneBeaconState.js";
import { hashBeaconState } from "../../state-transition/caches/stateRoot.js";
import type { Attestation, BeaconBlock, BeaconState, Deposit, Eth1Data } from "../../types/index.js";
import type { ChainService } from "./chainService.js";
import { fromRootHex, type RootHex } from "./rootHex.js";

/** Where eth1 votes and deposits come from (the deposit follower implements it). */
export interface Eth1ForBlocks {
  getEth1Vote(cfg: BeaconConfig, state: BeaconState): Eth1Data;
  getDepositsForBlock(eth1Data: Eth1Data, eth1DepositIndex: number, maxDeposits: number): Deposit[];
}

export class BlockProductionError extends CodedError<"BLOCK_PRODUCTION_FAILED"> {
  override readonly name = "BlockProductionError";
  constructor(message: string) {
    super("BLOCK_PRODUCTION_FAILED", message);
  }
}

/** The eth1 data the state will hold after this block's vote is counted (process_eth1_data). */
function eth1DataAfterVote(cfg: BeaconConfig, state: BeaconState, vote: Eth1Data): Eth1Data {
  const votes = state.eth1DataVotes.filter((v) => cfg.types.Eth1Data.equals(v, vote)).length + 1;
  return votes * 2 > cfg.EPOCHS_PER_ETH1_VOTING_PERIOD * cfg.SLOTS_PER_EPOCH ? vote : state.eth1Data;
}

export function produceBlock(
  chain: ChainService,
  eth1: Eth1ForBlocks | null,
  slot: number,
  randaoReveal: Uint8Array,
  graffiti: Uint8Array = new Uint8Array(32),
  /** the parent block (default: the head) */
  parentRoot: RootHex = chain.headRoot,
): { block: BeaconBlock; postState: BeaconState } {
  const cfg = chain.cfg;
  const state = chain.blockStateAtSlot(parentRoot, slot);
  if (!state) throw new BlockProductionError(`unknown parent block ${parentRoot}`);
  const eth1Data = eth1 ? eth1.getEth1Vote(cfg, state) : state.eth1Data;
  const deposits = eth1
    ? eth1.getDepositsForBlock(eth1DataAfterVote(cfg, state, eth1Data), state.eth1DepositIndex, cfg.MAX_DEPOSITS)
    : [];
  // exits and slashings that pass their process_* checks on this state, in process_operations order, within MAX_*
  const ops = chain.opPool.getForBlock(state);
  const attestations: Attestation[] = chain.pool.getForBlock(state);

  const build = (atts: Attestation[], withOps: boolean): BeaconBlock => ({
    slot,
    proposerIndex: 0,
    parentRoot: fromRootHex(parentRoot),
    stateRoot: new Uint8Array(32),
    body: {
      randaoReveal,
      eth1Data,
      graffiti,
      proposerSlashings: withOps ? ops.proposerSlashings : [],
      attesterSlashings: withOps ? ops.attesterSlashings : [],
      attestations: atts,
      deposits,
      voluntaryExits: withOps ? ops.voluntaryExits : [],
    },
  });
  // Try the full block; if an operation turns out invalid against this state, fall back to fewer operations.
  const attempts: [Attestation[], boolean][] = [
    [attestations, true],
    [attestations, false],
    [[], false],
  ];
  let lastError: unknown;
  for (const [atts, withOps] of attempts) {
    const block = build(atts, withOps);
    block.proposerIndex = getBeaconProposerIndex(cfg, state);
    const post = cloneBeaconState(cfg, state);
    try {
      processBlock(cfg, post, block, false);
    } catch (e) {
      lastError = e;
      continue;
    }
    block.stateRoot = hashBeaconState(cfg, post);
    return { block, postState: post };
  }
  throw new BlockProductionError(`cannot build a valid block for slot ${slot}: ${(lastError as Error)?.message}`);
}
