// The BTC20 preset: the phase0 rules with the values BTC20 promises its stakers. Units: gwei = 1e-9 BTCC
// (BTCC has 18 decimals, so 1 gwei = 1e9 wei, as on Ethereum). Every value says why it was chosen; values copied
// from Ethereum's mainnet phase0 configuration (v1.0.0) are marked "as Ethereum".
import type { BeaconParams } from "../beaconParams.js";

const BTCC = 1_000_000_000; // gwei per BTCC

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "hex"));

export const btc20: BeaconParams = {
  CONFIG_NAME: "btc20",

  // --- Misc ---
  /** As Ethereum: up to 64 committees per slot, so large validator sets split into many small aggregates. */
  MAX_COMMITTEES_PER_SLOT: 64,
  /** As Ethereum: 128 members keeps the chance of a dishonest committee majority negligible. */
  TARGET_COMMITTEE_SIZE: 128,
  /** As Ethereum: bounds the aggregation bitfield of one attestation. */
  MAX_VALIDATORS_PER_COMMITTEE: 2048,
  /** Churn is count-based as in phase0: at least 4 validators may enter and 4 leave per epoch... */
  MIN_PER_EPOCH_CHURN_LIMIT: 4,
  /** ...or 1/65536 of the active set if larger: 225 epochs a day move at most ~0.34% of the set (or 900 validators). */
  CHURN_LIMIT_QUOTIENT: 65536,
  /** As Ethereum: 90 swap-or-not rounds make the shuffle unbiasable. */
  SHUFFLE_ROUND_COUNT: 90,
  /** 16384 = 32 slots x 4 committees x 128 members: enough validators for full committees from the first epoch. */
  MIN_GENESIS_ACTIVE_VALIDATOR_COUNT: 16384,
  /** Earliest genesis: 2027-01-01 00:00:00 UTC. Devnets override it. */
  MIN_GENESIS_TIME: 1798761600,
  /** As Ethereum: hysteresis of 1/4 increment, so small reward/penalty noise does not rewrite effective balances. */
  HYSTERESIS_QUOTIENT: 4,
  /** Effective balance goes down once the balance is 0.25 increment (6.25 BTCC) below it. */
  HYSTERESIS_DOWNWARD_MULTIPLIER: 1,
  /** Effective balance goes up once the balance is 1.25 increments (31.25 BTCC) above it. */
  HYSTERESIS_UPWARD_MULTIPLIER: 5,
  /**
   * Correlation penalty multiplier 3 (the phase0 design value): if a third of the stake is slashed within the
   * 36-day window, each slashed validator loses its whole stake.
   */
  PROPORTIONAL_SLASHING_MULTIPLIER: 3,

  // --- Fork choice ---
  /** As Ethereum: the justified checkpoint may only be switched in the first 8 slots of an epoch. */
  SAFE_SLOTS_TO_UPDATE_JUSTIFIED: 8,

  // --- Validator ---
  /**
   * Deposits are read 2048 execution blocks behind the head (at 12 s blocks ~6.8 hours): far deeper than any
   * plausible reorg of the BTC20 Smart Chain, so a counted deposit never disappears. As Ethereum.
   */
  ETH1_FOLLOW_DISTANCE: 2048,
  /** As Ethereum: 16 aggregators expected per committee. */
  TARGET_AGGREGATORS_PER_COMMITTEE: 16,
  /** As Ethereum: each validator subscribes to one random attestation subnet. */
  RANDOM_SUBNETS_PER_VALIDATOR: 1,
  /** As Ethereum: the random subnet is kept for 256 epochs (~27 hours). */
  EPOCHS_PER_RANDOM_SUBNET_SUBSCRIPTION: 256,
  /** The BTC20 Smart Chain targets 12 s blocks; used to estimate which block is ETH1_FOLLOW_DISTANCE deep. */
  SECONDS_PER_ETH1_BLOCK: 12,

  // --- Deposit contract ---
  /** Chain id of the BTC20 Smart Chain mainnet (the SDK's network registry, sdk/networks BTC20_MAINNET). */
  DEPOSIT_CHAIN_ID: 20200,
  /** Network id of the BTC20 Smart Chain mainnet (same as the chain id). */
  DEPOSIT_NETWORK_ID: 20200,
  /** The deposit contract is predeployed in the execution genesis at this fixed address (SDK's registry). */
  DEPOSIT_CONTRACT_ADDRESS: hex("4242424242424242424242424242424242424242"),

  // --- Gwei values ---
  /** 1 BTCC: the smallest deposit the contract and the consensus rules accept (top-ups included). */
  MIN_DEPOSIT_AMOUNT: 1 * BTCC,
  /** 1000 BTCC: the stake of one validator; rewards, penalties and voting weight are capped at it. */
  MAX_EFFECTIVE_BALANCE: 1000 * BTCC,
  /** 500 BTCC, half the stake: a validator whose effective balance falls this low is ejected. */
  EJECTION_BALANCE: 500 * BTCC,
  /**
   * 25 BTCC (1/40 of the stake; Ethereum uses 1/32). The increment bounds uint64 arithmetic: process_slashings computes
   * `effective_balance // increment * adjusted_total_slashing_balance`, i.e. up to (1000 / 25) x the total stake, which
   * stays below 2**64 gwei for up to ~461M BTCC staked. A 1 BTCC increment would overflow uint64 (and so halt every
   * spec-conformant client) once ~18.4M BTCC were staked and someone were slashed. 25 BTCC still ejects at exactly
   * half the stake (500 is a multiple of 25) and keeps effective-balance updates (which rehash the validator) rare.
   */
  EFFECTIVE_BALANCE_INCREMENT: 25 * BTCC,

  // --- Initial values ---
  /**
   * 0x20200000, BTC20 mainnet's fork version in the SDK's network registry: distinct from every Ethereum network, so
   * no Ethereum signature (deposit, block, attestation) is valid here. Testnet/devnet use 0x20200001/0x20200002.
   */
  GENESIS_FORK_VERSION: hex("20200000"),
  /** As Ethereum: 0x00 credentials commit to a BLS withdrawal key. */
  BLS_WITHDRAWAL_PREFIX: hex("00"),

  // --- Time parameters ---
  /** 7 days between the genesis state being known and genesis, so stakers can start their nodes. As Ethereum. */
  GENESIS_DELAY: 604800,
  /** 12 s slots (promised). */
  SECONDS_PER_SLOT: 12,
  /** As Ethereum: an attestation may be included from the next slot on. */
  MIN_ATTESTATION_INCLUSION_DELAY: 1,
  /** 32-slot epochs (promised): 6.4 minutes. */
  SLOTS_PER_EPOCH: 32,
  /** As Ethereum: committees are known one epoch ahead. */
  MIN_SEED_LOOKAHEAD: 1,
  /** As Ethereum: an activation/exit takes effect at most 4 epochs ahead (bounds seed grinding). */
  MAX_SEED_LOOKAHEAD: 4,
  /** As Ethereum: eth1 data voting periods of 64 epochs (~6.8 hours). */
  EPOCHS_PER_ETH1_VOTING_PERIOD: 64,
  /** As Ethereum: 8192 slots (~27 hours) of block and state roots kept in the state. */
  SLOTS_PER_HISTORICAL_ROOT: 8192,
  /** As Ethereum: an exited validator becomes withdrawable 256 epochs (~27 hours) later. */
  MIN_VALIDATOR_WITHDRAWABILITY_DELAY: 256,
  /** As Ethereum: a validator must be active 256 epochs before it may exit voluntarily. */
  SHARD_COMMITTEE_PERIOD: 256,
  /** The inactivity leak starts after 4 epochs without finality (promised). */
  MIN_EPOCHS_TO_INACTIVITY_PENALTY: 4,

  // --- State vector lengths ---
  /** As Ethereum: 65536 epochs of RANDAO mixes. */
  EPOCHS_PER_HISTORICAL_VECTOR: 65536,
  /**
   * 8192 epochs = 8192 x 32 x 12 s ~ 36.4 days: a slashed validator pays the correlation penalty halfway through and
   * becomes withdrawable at the end of this window (slash_validator sets withdrawable_epoch to epoch + 8192).
   */
  EPOCHS_PER_SLASHINGS_VECTOR: 8192,
  /** As Ethereum. */
  HISTORICAL_ROOTS_LIMIT: 16777216,
  /** As Ethereum: 2**40 validator slots. */
  VALIDATOR_REGISTRY_LIMIT: 1099511627776,

  // --- Rewards and penalties ---
  /** As Ethereum: sets the yield scale (base reward ~ 64 / sqrt(total stake) per epoch). */
  BASE_REWARD_FACTOR: 64,
  /** As Ethereum: a whistleblower gets 1/512 of the slashed effective balance (~1.95 BTCC). */
  WHISTLEBLOWER_REWARD_QUOTIENT: 512,
  /** As Ethereum: the proposer gets 1/8 of the attesters' inclusion rewards. */
  PROPOSER_REWARD_QUOTIENT: 8,
  /**
   * 2**24, the phase0 design value: when more than 1/3 of the stake is offline, the leak drains it fast enough to
   * restore a 2/3 supermajority (and finality) within a few weeks. (Ethereum launched with 2**26 as a temporary margin.)
   */
  INACTIVITY_PENALTY_QUOTIENT: 16777216,
  /** 1024: the immediate slashing penalty is 1000 BTCC / 1024 = 0.977 BTCC, at most 1 BTCC (promised). */
  MIN_SLASHING_PENALTY_QUOTIENT: 1024,

  // --- Max operations per block (as Ethereum) ---
  MAX_PROPOSER_SLASHINGS: 16,
  MAX_ATTESTER_SLASHINGS: 2,
  MAX_ATTESTATIONS: 128,
  MAX_DEPOSITS: 16,
  MAX_VOLUNTARY_EXITS: 16,

  // --- Signature domains (as the spec) ---
  DOMAIN_BEACON_PROPOSER: hex("00000000"),
  DOMAIN_BEACON_ATTESTER: hex("01000000"),
  DOMAIN_RANDAO: hex("02000000"),
  DOMAIN_DEPOSIT: hex("03000000"),
  DOMAIN_VOLUNTARY_EXIT: hex("04000000"),
  DOMAIN_SELECTION_PROOF: hex("05000000"),
  DOMAIN_AGGREGATE_AND_PROOF: hex("06000000"),
};
