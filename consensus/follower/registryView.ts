// The registry as the deposit chain shows it, for the API and the node: which keys have deposits that the beacon
// state has not processed yet (`deposit_pending`), and which deposits process_deposit will skip.
import type { DepositOutcome, FollowerStore } from "./followerStore.js";

export interface PendingDeposit {
  index: number;
  pubkey: Uint8Array;
  amountGwei: number;
}

export interface PubkeyDeposit {
  index: number;
  amountGwei: number;
  blockNumber: number;
  outcome: DepositOutcome;
}

/**
 * Per key: `deposit_pending` when it has deposits at or after the state's eth1_deposit_index that will credit stake
 * (the state does not know them yet); `deposit_invalid` when its only such deposits carry an invalid proof of
 * possession and will be skipped.
 */
export interface PubkeyDepositStatus {
  status: "deposit_pending" | "deposit_invalid";
  pubkey: Uint8Array;
  /** Deposits not yet in the state, in index order. */
  deposits: PubkeyDeposit[];
  /** Sum of the pending deposits that will be credited. */
  pendingAmountGwei: number;
}

export interface InvalidDeposit {
  index: number;
  pubkey: Uint8Array;
  blockNumber: number;
  amount: number;
}

export interface DepositRegistryView {
  /** Deposits read so far (all past the follow distance). */
  depositCount(): number;
  /** Deposits from `eth1DepositIndex` (the state's) on that will credit stake, in index order. */
  pendingDeposits(eth1DepositIndex: number): PendingDeposit[];
  /** The key's deposit-chain status relative to a state, or null if the key has no deposit the state lacks. */
  getPubkeyStatus(pubkey: Uint8Array, eth1DepositIndex: number): PubkeyDepositStatus | null;
  /** One deposit by its index (null if not read yet, or pruned into the finalized snapshot). */
  getDeposit(index: number): (PubkeyDeposit & { pubkey: Uint8Array }) | null;
  /** Deposits skipped for an invalid proof of possession (reported, never fatal). */
  invalidDeposits(fromIndex?: number): InvalidDeposit[];
}

export class StoreRegistryView implements DepositRegistryView {
  constructor(private readonly store: FollowerStore) {}

  depositCount(): number {
    return this.store.nextDepositIndex();
  }

  pendingDeposits(eth1DepositIndex: number): PendingDeposit[] {
    return this.store
      .getDeposits(eth1DepositIndex, Number.MAX_SAFE_INTEGER)
      .filter((d) => d.outcome !== "invalid_signature")
      .map((d) => ({ index: d.index, pubkey: d.depositData.pubkey, amountGwei: d.depositData.amount }));
  }

  getPubkeyStatus(pubkey: Uint8Array, eth1DepositIndex: number): PubkeyDepositStatus | null {
    const deposits = this.store
      .getDepositsByPubkey(pubkey)
      .filter((d) => d.index >= eth1DepositIndex)
      .map((d) => ({
        index: d.index,
        amountGwei: d.depositData.amount,
        blockNumber: d.blockNumber,
        outcome: d.outcome,
      }));
    if (deposits.length === 0) return null;
    const credited = deposits.filter((d) => d.outcome !== "invalid_signature");
    return {
      status: credited.length > 0 ? "deposit_pending" : "deposit_invalid",
      pubkey,
      deposits,
      pendingAmountGwei: credited.reduce((sum, d) => sum + d.amountGwei, 0),
    };
  }

  getDeposit(index: number): (PubkeyDeposit & { pubkey: Uint8Array }) | null {
    const d = this.store.getDeposit(index);
    return d
      ? {
          index,
          pubkey: d.depositData.pubkey,
          amountGwei: d.depositData.amount,
          blockNumber: d.blockNumber,
          outcome: d.outcome,
        }
      : null;
  }

  invalidDeposits(fromIndex = 0): InvalidDeposit[] {
    return this.store.getInvalidDeposits(fromIndex);
  }
}
