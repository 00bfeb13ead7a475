// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IDepositContract} from "../IDepositContract.sol";

/// @title The batch design not taken: a batcher beside the deposit contract
/// @notice Not deployed. It exists only so that bench/gas.ts can measure the alternative to `batchDeposit` living
///         inside the deposit contract: one value-carrying `deposit` call per item, same packed arguments.
contract SeparateBatcher {
    IDepositContract private immutable DEPOSIT_CONTRACT;

    constructor(IDepositContract depositContract_) {
        DEPOSIT_CONTRACT = depositContract_;
    }

    function batchDeposit(
        bytes calldata pubkeys,
        bytes calldata withdrawal_credentials,
        bytes calldata signatures,
        bytes32[] calldata deposit_data_roots,
        uint256[] calldata amounts
    ) external payable {
        for (uint256 i = 0; i < deposit_data_roots.length; ++i) {
            DEPOSIT_CONTRACT.deposit{value: amounts[i]}(
                pubkeys[i * 48:(i + 1) * 48],
                withdrawal_credentials[i * 32:(i + 1) * 32],
                signatures[i * 96:(i + 1) * 96],
                deposit_data_roots[i]
            );
        }
    }
}
