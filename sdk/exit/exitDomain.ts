// The signing domain of voluntary exits: compute_domain(DOMAIN_VOLUNTARY_EXIT, fork_version, genesis_validators_root)
// (phase0 beacon-chain.md, "process_voluntary_exit"; EIP-7044 fixes fork_version to Capella's on Ethereum from Deneb).
import { fixedHexToBytes, toHex } from "../networks/hexBytes.js";
import type { NetworkParams } from "../networks/types.js";
import { computeDomain, DOMAIN_VOLUNTARY_EXIT } from "../ssz/computeDomain.js";
import { ExitError } from "./errors.js";

/** What a voluntary exit's domain depends on. */
export interface ExitDomainParams {
  /** 4 bytes: the network's exit fork version (BTC20: genesis fork version; Ethereum: Capella, EIP-7044). */
  exitForkVersion: Uint8Array;
  /** 32 bytes: hash_tree_root(genesis_state.validators). */
  genesisValidatorsRoot: Uint8Array;
}

/**
 * The exit domain parameters of `network`. A network without a fixed genesis validators root (the BTC20 networks
 * before genesis, ephemery, a custom network without `genesis_validator_root`) needs `genesisValidatorsRoot`
 * (bytes or hex); given for a network that has one, it must be the same.
 */
export function exitDomainParams(
  network: NetworkParams,
  genesisValidatorsRoot?: Uint8Array | string | null,
): ExitDomainParams {
  let root: Uint8Array | null = network.genesisValidatorsRoot;
  if (genesisValidatorsRoot !== undefined && genesisValidatorsRoot !== null) {
    let given: Uint8Array;
    try {
      given =
        typeof genesisValidatorsRoot === "string"
          ? fixedHexToBytes(genesisValidatorsRoot.trim(), 32, "genesis validators root")
          : fixedHexToBytes(toHex(genesisValidatorsRoot), 32, "genesis validators root");
    } catch (e) {
      throw new ExitError("MISSING_GENESIS_VALIDATORS_ROOT", (e as Error).message);
    }
    if (root !== null && !equal(root, given)) {
      throw new ExitError(
        "MISSING_GENESIS_VALIDATORS_ROOT",
        `the genesis validators root given differs from ${network.name}'s (0x${toHex(root)})`,
      );
    }
    root = given;
  }
  if (root === null) {
    throw new ExitError(
      "MISSING_GENESIS_VALIDATORS_ROOT",
      `${network.name} has no fixed genesis validators root: give it (0x + 64 hex digits, from the node's /eth/v1/beacon/genesis)`,
    );
  }
  return { exitForkVersion: network.exitForkVersion, genesisValidatorsRoot: root };
}

/** compute_domain(DOMAIN_VOLUNTARY_EXIT, exit fork version, genesis validators root). */
export function voluntaryExitDomain(params: ExitDomainParams): Uint8Array {
  return computeDomain(DOMAIN_VOLUNTARY_EXIT, params.exitForkVersion, params.genesisValidatorsRoot);
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
