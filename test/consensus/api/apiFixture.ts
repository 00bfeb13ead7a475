// A ChainView over hand-built phase0 state values, for the API tests (no engine needed).
import type {
  ApiConfig,
  ApiState,
  ChainEvent,
  ChainEventListener,
  ChainView,
  PendingDeposit,
  StateSelector,
  ValidatorRecord,
} from "../../../consensus/api/chainView.js";

export const FAR = Number.POSITIVE_INFINITY;
export const GWEI_STAKE = 1000_000_000_000;

export const testConfig: ApiConfig = {
  SLOTS_PER_EPOCH: 8,
  SECONDS_PER_SLOT: 2,
  MAX_SEED_LOOKAHEAD: 1,
  MIN_PER_EPOCH_CHURN_LIMIT: 2,
  CHURN_LIMIT_QUOTIENT: 65536,
  MAX_EFFECTIVE_BALANCE: GWEI_STAKE,
  EPOCHS_PER_ETH1_VOTING_PERIOD: 2,
  ETH1_FOLLOW_DISTANCE: 4,
  SECONDS_PER_ETH1_BLOCK: 1,
  GENESIS_FORK_VERSION: Uint8Array.of(0, 0, 0x20, 0x20),
  DEPOSIT_CHAIN_ID: 31337,
  DEPOSIT_CONTRACT_ADDRESS: new Uint8Array(20).fill(0x42),
};

export const pubkeyOf = (i: number) => new Uint8Array(48).fill(i + 1);
const root = (b: number) => new Uint8Array(32).fill(b);

export function validator(i: number, over: Partial<ValidatorRecord> = {}): ValidatorRecord {
  return {
    pubkey: pubkeyOf(i),
    withdrawalCredentials: new Uint8Array(32),
    effectiveBalance: GWEI_STAKE,
    slashed: false,
    activationEligibilityEpoch: 0,
    activationEpoch: 0,
    exitEpoch: FAR,
    withdrawableEpoch: FAR,
    ...over,
  };
}

export function makeState(slot: number, validators: ValidatorRecord[]): ApiState {
  return {
    slot,
    genesisTime: 1_700_000_000,
    genesisValidatorsRoot: root(0xaa),
    fork: {
      previousVersion: testConfig.GENESIS_FORK_VERSION,
      currentVersion: testConfig.GENESIS_FORK_VERSION,
      epoch: 0,
    },
    eth1Data: { depositRoot: root(1), depositCount: validators.length, blockHash: root(2) },
    eth1DepositIndex: validators.length,
    validators,
    balances: validators.map((v) => v.effectiveBalance + 7),
    previousJustifiedCheckpoint: { epoch: 1, root: root(3) },
    currentJustifiedCheckpoint: { epoch: 2, root: root(4) },
    finalizedCheckpoint: { epoch: 1, root: root(3) },
  };
}

export class FixtureChainView implements ChainView {
  readonly config = testConfig;
  readonly specValues: Record<string, unknown> = { ...testConfig, CONFIG_NAME: "test" };
  pending: PendingDeposit[] = [];
  private listeners = new Set<ChainEventListener>();

  constructor(
    public head: ApiState | null,
    readonly genesis: ApiState | null = head,
  ) {}

  genesisState() {
    return this.genesis;
  }
  getState(sel: StateSelector) {
    if (!this.head || !this.genesis) return null;
    switch (sel.kind) {
      case "head":
        return { state: this.head, root: root(9), finalized: false };
      case "genesis":
        return { state: this.genesis, root: root(8), finalized: true };
      case "slot":
        if (sel.slot === this.head.slot) return { state: this.head, root: root(9), finalized: false };
        if (sel.slot === 0) return { state: this.genesis, root: root(8), finalized: true };
        return null;
      case "root":
        if (sel.root.every((b) => b === 9)) return { state: this.head, root: root(9), finalized: false };
        return null;
      default:
        return null; // finalized/justified states are not kept in this fixture
    }
  }
  headHeader() {
    if (!this.head) return null;
    return {
      root: root(5),
      canonical: true,
      header: {
        message: { slot: this.head.slot, proposerIndex: 3, parentRoot: root(6), stateRoot: root(9), bodyRoot: root(7) },
        signature: new Uint8Array(96).fill(0xcc),
      },
    };
  }
  syncStatus() {
    return { headSlot: this.head?.slot ?? 0, syncDistance: 0, isSyncing: false };
  }
  currentSlot() {
    return this.head?.slot ?? 0;
  }
  pendingDeposits() {
    return this.pending;
  }
  depositSnapshot() {
    return null;
  }
  followerStatus() {
    return { followedBlock: 90, headBlock: 100, depositsProcessed: 12 };
  }
  onEvent(listener: ChainEventListener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(e: ChainEvent) {
    for (const l of this.listeners) l(e);
  }
  get listenerCount() {
    return this.listeners.size;
  }
}
