import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconBlock, BeaconState } from "../../types/index.js";
import { getBeaconProposerIndex } from "../accessors/getBeaconProposerIndex.js";
import { check } from "../errors.js";
import { toHex } from "./toHex.js";

/** process_block_header (phase0 beacon-chain.md, "Block header"). */
export function processBlockHeader(cfg: BeaconConfig, state: BeaconState, block: BeaconBlock): void {
  const { types } = cfg;
  check(
    block.slot === state.slot,
    "INVALID_BLOCK_SLOT",
    () => `block slot ${block.slot} must equal state slot ${state.slot}`,
  );
  check(
    block.slot > state.latestBlockHeader.slot,
    "BLOCK_NOT_NEWER_THAN_PARENT",
    () => `block slot ${block.slot} must be after the latest block header's slot ${state.latestBlockHeader.slot}`,
  );
  const proposerIndex = getBeaconProposerIndex(cfg, state);
  check(
    block.proposerIndex === proposerIndex,
    "INVALID_PROPOSER_INDEX",
    () => `block proposer ${block.proposerIndex} is not the slot's proposer ${proposerIndex}`,
  );
  const parentRoot = types.BeaconBlockHeader.hashTreeRoot(state.latestBlockHeader);
  check(
    Buffer.from(block.parentRoot).equals(Buffer.from(parentRoot)),
    "INVALID_PARENT_ROOT",
    () => `block parent root ${toHex(block.parentRoot)} must be the latest block header's root ${toHex(parentRoot)}`,
  );
  check(
    !state.validators[block.proposerIndex].slashed,
    "PROPOSER_SLASHED",
    () => `proposer ${block.proposerIndex} is slashed`,
  );
  state.latestBlockHeader = {
    slot: block.slot,
    proposerIndex: block.proposerIndex,
    parentRoot: block.parentRoot,
    stateRoot: new Uint8Array(32),
    bodyRoot: types.BeaconBlockBody.hashTreeRoot(block.body),
  };
}
