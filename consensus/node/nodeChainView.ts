// The Beacon API's ChainView over a running node: states from the chain service, time from the slot clock,
// deposit_pending keys, the deposit snapshot and the follower lag from the eth1 side.
import type {
  ApiConfig,
  ChainEventListener,
  ChainView,
  DepositTreeSnapshot,
  FollowerStatus,
  HeaderInfo,
  PendingDeposit,
  StateLookup,
  StateSelector,
  SyncStatus,
} from "../api/chainView.js";
import type { BeaconConfig } from "../params/beaconConfig.js";
import type { BeaconState } from "../types/index.js";
import type { ChainService } from "./chain/chainService.js";
import { fromRootHex, toRootHex } from "./chain/rootHex.js";
import type { SlotClock } from "./clock/slotClock.js";

/** The eth1 side as the API sees it (the deposit follower, or nothing). */
export interface Eth1ApiSource {
  /** deposits read from the contract with index >= fromIndex */
  depositsFrom(fromIndex: number): PendingDeposit[];
  snapshot(): DepositTreeSnapshot | null;
  status(): FollowerStatus | null;
}

export class NodeChainView implements ChainView {
  readonly config: ApiConfig;
  readonly specValues: Record<string, unknown>;
  private syncSource: (() => { isSyncing: boolean; targetSlot: number }) | null = null;

  constructor(
    private readonly cfg: BeaconConfig,
    private readonly chain: ChainService,
    private readonly clock: SlotClock,
    private readonly eth1: Eth1ApiSource | null = null,
  ) {
    this.config = cfg;
    const { types: _types, ...values } = cfg;
    this.specValues = values;
  }

  genesisState(): BeaconState {
    return this.chain.genesisState;
  }

  getState(sel: StateSelector): StateLookup | null {
    return this.getBeaconState(sel);
  }

  /** getState with the engine's full state (for the validator API's committees). */
  getBeaconState(sel: StateSelector): (StateLookup & { state: BeaconState }) | null {
    const chain = this.chain;
    const fc = chain.forkChoice;
    const finalizedSlot = chain.blockState(fc.finalizedCheckpoint.root)?.slot ?? 0;
    const lookup = (blockRoot: string, state: BeaconState | null): (StateLookup & { state: BeaconState }) | null =>
      state
        ? {
            state,
            root: this.cfg.types.BeaconState.hashTreeRoot(state),
            finalized: state.slot <= finalizedSlot && blockRoot !== chain.headRoot,
          }
        : null;
    switch (sel.kind) {
      case "head":
        return lookup(chain.headRoot, chain.headState());
      case "genesis":
        return {
          state: chain.genesisState,
          root: this.cfg.types.BeaconState.hashTreeRoot(chain.genesisState),
          finalized: true,
        };
      case "finalized":
        return lookup(fc.finalizedCheckpoint.root, chain.blockState(fc.finalizedCheckpoint.root));
      case "justified":
        return lookup(fc.justifiedCheckpoint.root, chain.blockState(fc.justifiedCheckpoint.root));
      case "slot": {
        if (sel.slot > this.clock.currentSlot()) return null;
        if (sel.slot === 0) return this.getBeaconState({ kind: "genesis" });
        const found = chain.canonicalStateAtSlot(sel.slot);
        return found ? lookup(found.blockRoot, found.state) : null;
      }
      case "root": {
        const blockRoot = chain.blockRootOfState(toRootHex(sel.root));
        if (!blockRoot) return null;
        if (blockRoot === chain.genesisRoot) return this.getBeaconState({ kind: "genesis" });
        return lookup(blockRoot, chain.blockState(blockRoot));
      }
    }
  }

  headHeader(): HeaderInfo | null {
    const header = this.chain.header(this.chain.headRoot);
    return header ? { root: fromRootHex(this.chain.headRoot), canonical: true, header } : null;
  }

  /** Range sync's state (a node with a network): syncing while it runs. */
  setSyncSource(source: () => { isSyncing: boolean; targetSlot: number }): void {
    this.syncSource = source;
  }

  syncStatus(): SyncStatus {
    const headSlot = this.chain.headState().slot;
    const sync = this.syncSource?.();
    const distance = Math.max(0, this.clock.currentSlot() - headSlot, (sync?.targetSlot ?? 0) - headSlot);
    return {
      headSlot,
      syncDistance: distance,
      isSyncing: (sync?.isSyncing ?? false) || distance > this.cfg.SLOTS_PER_EPOCH,
    };
  }

  currentSlot(): number {
    return this.clock.currentSlot();
  }

  pendingDeposits(): PendingDeposit[] {
    return this.eth1?.depositsFrom(this.chain.headState().eth1DepositIndex) ?? [];
  }

  depositSnapshot(): DepositTreeSnapshot | null {
    return this.eth1?.snapshot() ?? null;
  }

  followerStatus(): FollowerStatus | null {
    return this.eth1?.status() ?? null;
  }

  onEvent(listener: ChainEventListener): () => void {
    return this.chain.onEvent(listener);
  }
}
