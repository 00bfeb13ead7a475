// Wire shapes (JSON) of the Beacon API routes a validator client uses (ethereum/beacon-APIs): every integer a decimal
// string, bytes 0x-hex. The SSZ containers (blocks, attestations) stay opaque JSON here; the caller decodes them with
// its own types, so the SDK does not depend on a consensus implementation.

export type Json = Record<string, unknown>;

export interface GenesisJson {
  genesis_time: string;
  genesis_validators_root: string;
  genesis_fork_version: string;
}

export interface ForkJson {
  previous_version: string;
  current_version: string;
  epoch: string;
}

export interface ProposerDutyJson {
  pubkey: string;
  validator_index: string;
  slot: string;
}

export interface AttesterDutyJson {
  pubkey: string;
  validator_index: string;
  committee_index: string;
  committee_length: string;
  committees_at_slot: string;
  validator_committee_index: string;
  slot: string;
}

/** A duties answer: `dependent_root` says which chain the duties were computed from. */
export interface DutiesJson<T> {
  dependent_root: string;
  execution_optimistic?: boolean;
  data: T[];
}

export interface ValidatorJson {
  index: string;
  balance: string;
  status: string;
  validator: {
    pubkey: string;
    withdrawal_credentials: string;
    effective_balance: string;
    slashed: boolean;
    activation_eligibility_epoch: string;
    activation_epoch: string;
    exit_epoch: string;
    withdrawable_epoch: string;
  };
}

export interface BeaconCommitteeSubscriptionJson {
  validator_index: string;
  committee_index: string;
  committees_at_slot: string;
  slot: string;
  is_aggregator: boolean;
}

export interface LivenessJson {
  index: string;
  is_live: boolean;
}

export interface SyncingJson {
  head_slot: string;
  sync_distance: string;
  is_syncing: boolean;
  is_optimistic?: boolean;
  el_offline?: boolean;
}

/** The `head` event (beacon-APIs "Events"). */
export interface HeadEventJson {
  slot: string;
  block: string;
  state: string;
  epoch_transition: boolean;
  previous_duty_dependent_root: string;
  current_duty_dependent_root: string;
  execution_optimistic?: boolean;
}

/** A produced block: `version` (fork name) and the unsigned block JSON. */
export interface ProducedBlockJson {
  version: string;
  data: Json;
}
