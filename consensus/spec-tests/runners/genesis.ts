// genesis (tests/formats/genesis/): `initialization` builds the genesis state from eth1 data and deposits and compares
// it with state.ssz; `validity` checks is_valid_genesis_state against is_valid.yaml.
import { UintNum64 } from "../../../sdk/ssz/index.js";
import { initializeBeaconStateFromEth1 } from "../../state-transition/genesis/initializeBeaconStateFromEth1.js";
import { isValidGenesisState } from "../../state-transition/genesis/isValidGenesisState.js";
import { assertEqual, assertSszEqual } from "../assert.js";
import { readSsz, readYaml } from "../caseFiles.js";
import { SpecAssertionError, type SpecCase, type SpecRunner } from "../types.js";

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    const { types } = c.cfg;
    if (c.handler === "initialization") {
      const eth1BlockHash = readSsz(c, "eth1_block_hash", types.BeaconState.fields.genesisValidatorsRoot);
      const eth1Timestamp = readSsz(c, "eth1_timestamp", UintNum64);
      const { deposits_count } = readYaml<{ deposits_count: number }>(c, "meta");
      const deposits = Array.from({ length: deposits_count }, (_, i) => readSsz(c, `deposits_${i}`, types.Deposit));
      const state = initializeBeaconStateFromEth1(c.cfg, eth1BlockHash, eth1Timestamp, deposits);
      assertSszEqual(types.BeaconState, state, readSsz(c, "state", types.BeaconState), "genesis state");
      return;
    }
    if (c.handler === "validity") {
      const genesis = readSsz(c, "genesis", types.BeaconState);
      assertEqual(isValidGenesisState(c.cfg, genesis), readYaml<boolean>(c, "is_valid"), "is_valid_genesis_state");
      return;
    }
    throw new SpecAssertionError(`unknown genesis handler ${c.handler}`);
  },
};
