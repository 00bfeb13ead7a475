import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconBlockBody, BeaconState } from "../../types/index.js";
import { pushListItem } from "../caches/copyOnWrite.js";

/** process_eth1_data (phase0 beacon-chain.md, "Eth1 data"): records the vote; a majority of the period adopts it. */
export function processEth1Data(cfg: BeaconConfig, state: BeaconState, body: BeaconBlockBody): void {
  const { Eth1Data } = cfg.types;
  pushListItem(state, "eth1DataVotes", Eth1Data.clone(body.eth1Data));
  let count = 0;
  for (const vote of state.eth1DataVotes) if (Eth1Data.equals(vote, body.eth1Data)) count++;
  if (count * 2 > cfg.EPOCHS_PER_ETH1_VOTING_PERIOD * cfg.SLOTS_PER_EPOCH)
    state.eth1Data = Eth1Data.clone(body.eth1Data);
}
