// The devnet's deposits: 1000 BTCC for each key in one batchDeposit transaction, made with the SDK's DepositClient
// against the devnet chain's DepositContract. Shared by the devnets and the tests that start real nodes.
import type { ValidatorKey } from "../../consensus/validator/keystores.js";
import { bls } from "../../sdk/crypto/bls/index.js";
import { DepositClient } from "../../sdk/deposit/client/index.js";
import { BTC20_DEVNET } from "../../sdk/networks/btc20.js";
import { withDepositContract } from "../../sdk/networks/registry.js";
import type { Eth1Chain } from "./eth1Chain.js";
import { devnetDepositRecords } from "./runScenario.js";

/** Deposits for `keys` in one batch; returns the connected client and what it sent. */
export async function depositDevnetKeys(eth1: Eth1Chain, keys: ValidatorKey[]) {
  const network = withDepositContract(BTC20_DEVNET, eth1.contractAddress);
  const client = await DepositClient.connect({ signer: eth1.signer, network, bls, fromBlock: eth1.deployBlock });
  const sent = await client.batchDeposit(devnetDepositRecords(keys));
  return { client, sent };
}
