/**
 * Parameters of one staking network, as the SDK needs them to build, check and send deposits.
 * Amounts are gwei of the deposit data (the `amount` field of DepositMessage), so they already include the
 * network's multiplier; fork versions and roots are raw bytes.
 */
export interface NetworkParams {
  /** Name written as `network_name` into deposit_data files (the reference CLI's chain name). */
  readonly name: string;
  /** Where the parameters come from: our own chain, a public Ethereum-family network, or a user's JSON file. */
  readonly family: "btc20" | "ethereum" | "custom";
  /** Symbol of the staked coin, for messages and the CLI. */
  readonly coinSymbol: string;
  /** EIP-155 chain id of the execution chain holding the deposit contract; null when unknown. */
  readonly chainId: bigint | null;
  /** 4 bytes; deposits are signed over compute_domain(DOMAIN_DEPOSIT, genesisForkVersion). */
  readonly genesisForkVersion: Uint8Array;
  /** 4 bytes; fork version that voluntary exits are signed with (EIP-7044 pins it to Capella on Ethereum). */
  readonly exitForkVersion: Uint8Array;
  /** 32 bytes, or null when the network has no fixed one (e.g. ephemery, a devnet before genesis). */
  readonly genesisValidatorsRoot: Uint8Array | null;
  /** EIP-55 checksummed address of the deposit contract, or null when it comes from a deployment. */
  readonly depositContractAddress: string | null;
  /** Deposit-data gwei per gwei of `--amount` (1 everywhere except Gnosis-style chains: 32). */
  readonly multiplier: number;
  /** Smallest deposit the contract and launchpad accept. */
  readonly minDepositGwei: bigint;
  /** Balance that activates a validator; the largest deposit for 0x00/0x01 credentials (launchpad rule). */
  readonly activationAmountGwei: bigint;
  /** Largest single deposit (0x02 compounding credentials may deposit up to this). */
  readonly maxDepositGwei: bigint;
  /** SLIP-44 coin type in EIP-2334 paths m/12381/<coinType>/<i>/0/0. */
  readonly coinType: number;
}
