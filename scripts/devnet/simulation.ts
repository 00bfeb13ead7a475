// Builds the devnet's nodes in one process: each with its own chain service over the shared genesis, its validator
// client for a share of the keys, and the simulated gossip network between them, all driven by one scheduler.
import type { Logger } from "pino";
import { BeaconNode } from "../../consensus/node/beaconNode.js";
import { ChainService } from "../../consensus/node/chain/chainService.js";
import type { Eth1ForBlocks } from "../../consensus/node/chain/produceBlock.js";
import type { Scheduler } from "../../consensus/node/clock/scheduler.js";
import { SlotClock } from "../../consensus/node/clock/slotClock.js";
import { SimNetwork, type SimNetworkOptions } from "../../consensus/node/network/simNetwork.js";
import type { NodeDb } from "../../consensus/node/storage/nodeDb.js";
import type { BeaconConfig } from "../../consensus/params/beaconConfig.js";
import type { BeaconState } from "../../consensus/types/index.js";
import type { ValidatorKey } from "../../consensus/validator/keystores.js";
import { ValidatorSigner } from "../../consensus/validator/signer.js";
import { SlashingProtectionDb } from "../../consensus/validator/slashing-protection/index.js";
import { type Misbehaviour, ValidatorClient } from "../../consensus/validator/validatorClient.js";

export interface DevnetNodesOptions {
  cfg: BeaconConfig;
  genesisState: BeaconState;
  /** keys, split into contiguous shares, one per node */
  keys: ValidatorKey[];
  nodeCount: number;
  /** how many keys each node runs (default: equal shares) */
  shares?: number[];
  /** keys node 0 also runs, for validators deposited after genesis */
  extraKeys?: ValidatorKey[];
  scheduler: Scheduler;
  network?: SimNetworkOptions;
  eth1?: Eth1ForBlocks | null;
  logger?: Logger;
  misbehaviour?: Misbehaviour;
  /** databases per node (index) */
  db?: (nodeIndex: number) => NodeDb | undefined;
  verifySignatures?: boolean;
}

export interface DevnetNodes {
  nodes: BeaconNode[];
  clients: ValidatorClient[];
  network: SimNetwork;
  clock: SlotClock;
}

export function createDevnetNodes(o: DevnetNodesOptions): DevnetNodes {
  const { cfg, genesisState } = o;
  const clock = new SlotClock(o.scheduler, genesisState.genesisTime, cfg.SECONDS_PER_SLOT, cfg.SLOTS_PER_EPOCH);
  const network = new SimNetwork(o.scheduler, o.network ?? {});
  const nodes: BeaconNode[] = [];
  const clients: ValidatorClient[] = [];
  const equal = Math.ceil(o.keys.length / o.nodeCount);
  const shares = o.shares ?? Array.from({ length: o.nodeCount }, () => equal);
  let next = 0;
  for (let n = 0; n < o.nodeCount; n++) {
    const id = `node-${n}`;
    const logger = o.logger?.child({ node: id });
    const chain = new ChainService({
      cfg,
      anchorState: genesisState,
      now: () => o.scheduler.now(),
      db: o.db?.(n),
      logger,
      verifySignatures: o.verifySignatures,
    });
    const node = new BeaconNode({ id, chain, clock, eth1: o.eth1, network: network.connect(id), logger });
    const keys = o.keys.slice(next, next + (shares[n] ?? 0));
    next += keys.length;
    if (n === 0 && o.extraKeys) keys.push(...o.extraKeys);
    if (keys.length > 0) {
      const protection = new SlashingProtectionDb(":memory:");
      protection.setGenesisValidatorsRoot(genesisState.genesisValidatorsRoot);
      const vc = new ValidatorClient(node, new ValidatorSigner(cfg, keys, protection), {
        logger,
        misbehaviour: o.misbehaviour,
      });
      node.addValidatorClient(vc);
      clients.push(vc);
    }
    nodes.push(node);
  }
  return { nodes, clients, network, clock };
}
