// Block production (phase0 validator.md, "Block proposal"): a block on the current head for `slot`, with the eth1
// vote, the deposits the state then requires (with proofs), the pooled attestations and slashings; its state root
// comes from running process_block on a copy of the advanced head state.

import { CodedError } from "../../../sdk/errors/codedError.js";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { getBeaconProposerIndex } from "../../state-transition/accessors/getBeaconProposerIndex.js";
import { processBlock } from "../../state-transition/block/processBlock.js";
import { isSlashableValidator } from "../../state-transition/predicates/isSlashableValidator.js";
import type { Attestation, AttesterSlashing, BeaconBlock, BeaconState, Deposit, Eth1Data } from "../../types/index.js";
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
  const epoch = Math.floor(slot / cfg.SLOTS_PER_EPOCH);
  const eth1Data = eth1 ? eth1.getEth1Vote(cfg, state) : state.eth1Data;
  const deposits = eth1
    ? eth1.getDepositsForBlock(eth1DataAfterVote(cfg, state, eth1Data), state.eth1DepositIndex, cfg.MAX_DEPOSITS)
    : [];
  const proposerSlashings = [...chain.proposerSlashings.values()]
    .filter((s) => {
      const v = state.validators[s.signedHeader1.message.proposerIndex];
      return v !== undefined && isSlashableValidator(v, epoch);
    })
    .slice(0, cfg.MAX_PROPOSER_SLASHINGS);
  const attesterSlashings: AttesterSlashing[] = chain.attesterSlashings
    .filter((s) => {
      const second = new Set(s.attestation2.attestingIndices);
      return s.attestation1.attestingIndices.some(
        (i) => second.has(i) && state.validators[i] !== undefined && isSlashableValidator(state.validators[i]!, epoch),
      );
    })
    .slice(0, cfg.MAX_ATTESTER_SLASHINGS);
  const attestations: Attestation[] = chain.pool.getForBlock(state);

  const build = (atts: Attestation[], withSlashings: boolean): BeaconBlock => ({
    slot,
    proposerIndex: 0,
    parentRoot: fromRootHex(parentRoot),
    stateRoot: new Uint8Array(32),
    body: {
      randaoReveal,
      eth1Data,
      graffiti,
      proposerSlashings: withSlashings ? proposerSlashings : [],
      attesterSlashings: withSlashings ? attesterSlashings : [],
      attestations: atts,
      deposits,
      voluntaryExits: [],
    },
  });
  // Try the full block; if an operation turns out invalid against this state, fall back to fewer operations.
  const attempts: [Attestation[], boolean][] = [
    [attestations, true],
    [attestations, false],
    [[], false],
  ];
  let lastError: unknown;
  for (const [atts, withSlashings] of attempts) {
    const block = build(atts, withSlashings);
    block.proposerIndex = getBeaconProposerIndex(cfg, state);
    const post = cfg.types.BeaconState.clone(state);
    try {
      processBlock(cfg, post, block, false);
    } catch (e) {
      lastError = e;
      continue;
    }
    block.stateRoot = cfg.types.BeaconState.hashTreeRoot(post);
    return { block, postState: post };
  }
  throw new BlockProductionError(`cannot build a valid block for slot ${slot}: ${(lastError as Error)?.message}`);
}
