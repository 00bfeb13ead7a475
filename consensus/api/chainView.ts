// What the Beacon API reads from the node. The node's chain service implements it; tests build it from real states.
// The shapes are the engine's phase0 values (consensus/types), not copies of them.
import type { BeaconConfig } from "../params/beaconConfig.js";
import type { BeaconBlockHeader, BeaconState } from "../types/index.js";

export type { BeaconBlockHeader, Checkpoint, Eth1Data, Fork, Validator as ValidatorRecord } from "../types/index.js";

/** The part of a phase0 BeaconState the API serves. */
export type ApiState = Pick<
  BeaconState,
  | "slot"
  | "genesisTime"
  | "genesisValidatorsRoot"
  | "fork"
  | "eth1Data"
  | "eth1DepositIndex"
  | "validators"
  | "balances"
  | "previousJustifiedCheckpoint"
  | "currentJustifiedCheckpoint"
  | "finalizedCheckpoint"
>;

export interface HeaderInfo {
  root: Uint8Array;
  canonical: boolean;
  header: { message: BeaconBlockHeader; signature: Uint8Array };
}

/** A state_id of the Beacon API, parsed. */
export type StateSelector =
  | { kind: "head" }
  | { kind: "genesis" }
  | { kind: "finalized" }
  | { kind: "justified" }
  | { kind: "slot"; slot: number }
  | { kind: "root"; root: Uint8Array };

export interface StateLookup {
  state: ApiState;
  /** hash_tree_root of the state */
  root: Uint8Array;
  /** true when the state is at or before the finalized checkpoint of the head */
  finalized: boolean;
}

export interface SyncStatus {
  headSlot: number;
  syncDistance: number;
  isSyncing: boolean;
}

/** A deposit seen on the deposit contract (past the follow distance) but not yet processed into the head state. */
export interface PendingDeposit {
  index: number;
  pubkey: Uint8Array;
  amountGwei: number;
}

/** EIP-4881 deposit tree snapshot. */
export interface DepositTreeSnapshot {
  finalized: Uint8Array[];
  depositRoot: Uint8Array;
  depositCount: number;
  executionBlockHash: Uint8Array;
  executionBlockHeight: number;
}

export interface FollowerStatus {
  /** latest execution block the follower has processed */
  followedBlock: number;
  /** execution head seen from the endpoint */
  headBlock: number;
  depositsProcessed: number;
}

/** Config values the API needs typed (the engine's BeaconConfig names); `specValues` has every value for /eth/v1/config/spec. */
export type ApiConfig = Pick<
  BeaconConfig,
  | "SLOTS_PER_EPOCH"
  | "SECONDS_PER_SLOT"
  | "MAX_SEED_LOOKAHEAD"
  | "MIN_PER_EPOCH_CHURN_LIMIT"
  | "CHURN_LIMIT_QUOTIENT"
  | "MAX_EFFECTIVE_BALANCE"
  | "EPOCHS_PER_ETH1_VOTING_PERIOD"
  | "ETH1_FOLLOW_DISTANCE"
  | "SECONDS_PER_ETH1_BLOCK"
  | "GENESIS_FORK_VERSION"
  | "DEPOSIT_CHAIN_ID"
  | "DEPOSIT_CONTRACT_ADDRESS"
>;

export type ChainEvent =
  | {
      topic: "head";
      slot: number;
      block: Uint8Array;
      state: Uint8Array;
      epochTransition: boolean;
      previousDutyDependentRoot: Uint8Array;
      currentDutyDependentRoot: Uint8Array;
    }
  | { topic: "block"; slot: number; block: Uint8Array }
  | { topic: "finalized_checkpoint"; block: Uint8Array; state: Uint8Array; epoch: number }
  /** a valid attestation received from gossip or the API; `json()` is its beacon-APIs JSON, made only if asked */
  | { topic: "attestation"; slot: number; json: () => unknown };

export type ChainEventListener = (event: ChainEvent) => void;

export interface ChainView {
  readonly config: ApiConfig;
  /** every config value, for /eth/v1/config/spec (numbers, bigints, strings or bytes) */
  readonly specValues: Record<string, unknown>;
  /** null before genesis */
  genesisState(): ApiState | null;
  getState(selector: StateSelector): StateLookup | null;
  headHeader(): HeaderInfo | null;
  syncStatus(): SyncStatus;
  currentSlot(): number;
  pendingDeposits(): PendingDeposit[];
  depositSnapshot(): DepositTreeSnapshot | null;
  followerStatus(): FollowerStatus | null;
  /** subscribe to chain events; returns the unsubscribe function */
  onEvent(listener: ChainEventListener): () => void;
}
