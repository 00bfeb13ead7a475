// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Many deposits in one transaction
/// @notice BTC20 extension of the deposit contract for staking pools and dApps. Deposit `i` is
///         (pubkeys[48i:48i+48], withdrawal_credentials[32i:32i+32], signatures[96i:96i+96], amounts[i],
///         deposit_data_roots[i]). Fields are packed back to back (no per-item ABI offsets) to keep calldata small.
interface IBatchDepositContract {
    /// @notice Make `deposit_data_roots.length` deposits; `msg.value` must equal the sum of `amounts` (wei).
    ///         All-or-nothing: any bad item reverts the whole batch. Each deposit is checked and logged exactly as a
    ///         single `deposit` call with the same data would be.
    function batchDeposit(
        bytes calldata pubkeys,
        bytes calldata withdrawal_credentials,
        bytes calldata signatures,
        bytes32[] calldata deposit_data_roots,
        uint256[] calldata amounts
    ) external payable;
}
