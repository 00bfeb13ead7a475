// genesis (tests/formats/genesis/): `initialization` builds the genesis state from eth1 data and deposits and compares
// it with state.ssz (eth1 data as SSZ parts, or eth1.yaml from v1.1.0); `validity` checks is_valid_genesis_state against is_valid.yaml.
import { UintNum64 } from "../../../sdk/ssz/index.js";
import { initializeBeaconStateFromEth1 } from "../../state-transition/genesis/initializeBeaconStateFromEth1.js";
import { isValidGenesisState } from "../../state-transition/genesis/isValidGenesisState.js";
import { assertEqual, assertSszEqual } from "../assert.js";
import { exists, readSsz, readYaml } from "../caseFiles.js";
import { SpecAssertionError, type SpecCase, type SpecRunner } from "../types.js";

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    const { types } = c.cfg;
    if (c.handler === "initialization") {
      const { eth1BlockHash, eth1Timestamp } = readEth1(c);
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

/** Up to v1.0.x: eth1_block_hash and eth1_timestamp as SSZ parts; from v1.1.0: both in eth1.yaml. */
function readEth1(c: SpecCase): { eth1BlockHash: Uint8Array; eth1Timestamp: number } {
  if (!exists(c, "eth1")) {
    return {
      eth1BlockHash: readSsz(c, "eth1_block_hash", c.cfg.types.BeaconState.fields.genesisValidatorsRoot),
      eth1Timestamp: readSsz(c, "eth1_timestamp", UintNum64),
    };
  }
  const eth1 = readYaml<{ eth1_block_hash: string; eth1_timestamp: number | bigint }>(c, "eth1");
  if (!/^0x[0-9a-fA-F]{64}$/.test(eth1.eth1_block_hash)) {
    throw new SpecAssertionError(`eth1.yaml eth1_block_hash must be 32 bytes of 0x-hex, got ${eth1.eth1_block_hash}`);
  }
  return {
    eth1BlockHash: Uint8Array.from(Buffer.from(eth1.eth1_block_hash.slice(2), "hex")),
    eth1Timestamp: Number(eth1.eth1_timestamp),
  };
}
