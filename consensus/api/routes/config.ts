// /eth/v1/beacon/genesis, /eth/v1/config/{spec,deposit_contract}.
import type { FastifyInstance } from "fastify";
import type { ChainView } from "../chainView.js";
import { notFound } from "../errors.js";
import { specValueJson, toHex, toUint } from "../json.js";

export function registerConfigRoutes(app: FastifyInstance, view: ChainView): void {
  app.get("/eth/v1/beacon/genesis", async () => {
    const genesis = view.genesisState();
    if (!genesis) throw notFound("NO_GENESIS", "Chain genesis info is not yet known");
    return {
      data: {
        genesis_time: toUint(genesis.genesisTime),
        genesis_validators_root: toHex(genesis.genesisValidatorsRoot),
        genesis_fork_version: toHex(view.config.GENESIS_FORK_VERSION),
      },
    };
  });

  app.get("/eth/v1/config/spec", async () => {
    const data: Record<string, string> = {};
    for (const [key, value] of Object.entries(view.specValues)) {
      const json = specValueJson(value);
      if (json !== undefined) data[key] = json;
    }
    return { data };
  });

  app.get("/eth/v1/config/deposit_contract", async () => ({
    data: {
      chain_id: toUint(view.config.DEPOSIT_CHAIN_ID),
      address: toHex(view.config.DEPOSIT_CONTRACT_ADDRESS),
    },
  }));
}
