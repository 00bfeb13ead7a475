// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title The Ethereum deposit contract's external interface
/// @notice Kept exactly as Ethereum's (names, argument types, event layout) so that launchpads, indexers and
///         consensus clients work unchanged. Its ERC-165 id is the XOR of the three function selectors: 0x85640907.
interface IDepositContract {
    /// @notice One log per deposit. Every field is raw bytes: `amount` (gwei) and `index` are uint64 little-endian.
    event DepositEvent(bytes pubkey, bytes withdrawal_credentials, bytes amount, bytes signature, bytes index);

    /// @notice Deposit `msg.value` for the validator `pubkey`.
    /// @param pubkey BLS12-381 public key, 48 bytes.
    /// @param withdrawal_credentials commitment to the withdrawal key or address, 32 bytes.
    /// @param signature BLS12-381 signature of the DepositMessage, 96 bytes (checked by the consensus layer, not here).
    /// @param deposit_data_root hash_tree_root(DepositData); protects against malformed input.
    function deposit(
        bytes calldata pubkey,
        bytes calldata withdrawal_credentials,
        bytes calldata signature,
        bytes32 deposit_data_root
    ) external payable;

    /// @notice hash_tree_root of the List[DepositData, 2**32] of all deposits so far (tree root with the count mixed in).
    function get_deposit_root() external view returns (bytes32);

    /// @notice The number of deposits so far, as 8 bytes little-endian.
    function get_deposit_count() external view returns (bytes memory);
}
