// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IBatchDepositContract} from "./IBatchDepositContract.sol";
import {IDepositContract} from "./IDepositContract.sol";

/// @title BTC20 deposit contract
/// @notice Takes BTCC deposits for BTC20 validators and keeps the depth-32 incremental Merkle tree of
///         hash_tree_root(DepositData) leaves, whose root (with the deposit count mixed in) equals the consensus
///         spec's hash_tree_root(List[DepositData, 2**32]). The interface and the DepositEvent log are Ethereum's
///         (byte-identical log data, 576 bytes), so existing launchpads, indexers and consensus clients work unchanged.
///
///         BTC20 rules: the deposit is the chain's native coin (18 decimals); at least 1 BTCC, a whole number of gwei,
///         at most 2**64-1 gwei. Top-ups for a known key are ordinary deposits. The consensus layer activates a
///         validator once 1000 BTCC are deposited for its key. There is no owner, no pause, no upgrade and no way to take
///         funds out: deposited coins are only accounted for on the consensus layer.
///
///         Batch deposits live in this contract (`batchDeposit`), not in a separate contract. A separate batcher has to
///         make one value-carrying CALL per deposit (9,000 gas for the value transfer alone, plus re-encoding the
///         arguments, the callee's dispatch and checks, and its storage accesses). Inside the contract a
///         batch reads each tree node it needs from storage once, updates the tree in memory, emits exactly the logs of
///         the single deposits, and writes each touched storage slot once at the end. Measured at N = 100 (bench/gas.ts):
///         ~13,500 gas per deposit here against ~22,000 for a separate batcher calling `deposit` (contracts/bench/
///         SeparateBatcher.sol) and ~47,000 for single deposits; a target of 18,000 is out of reach from outside.
///
///         Gas notes: the leaf hash and the log are built in one 576-byte memory buffer laid out exactly as the log
///         data, and the seven SHA-256 calls of hash_tree_root(DepositData) read their inputs in place from that buffer
///         (see `_hashAndLog`). The zero hashes of the tree are constants in code, so `get_deposit_root` reads only the
///         count and the tree nodes it needs from storage.
/// @dev Storage layout (relied on by the genesis-allocation generator and the tests): branch[h] at slot h for
///      h = 0..31, deposit_count at slot 32. The constructor writes nothing.
contract DepositContract is IDepositContract, IBatchDepositContract, IERC165 {
    uint256 private constant DEPOSIT_CONTRACT_TREE_DEPTH = 32;
    /// @dev As on Ethereum, one leaf less than the tree holds, so the count always fits in 32 bits.
    uint256 private constant MAX_DEPOSIT_COUNT = 2 ** DEPOSIT_CONTRACT_TREE_DEPTH - 1;

    uint256 private constant PUBKEY_LENGTH = 48;
    uint256 private constant WITHDRAWAL_CREDENTIALS_LENGTH = 32;
    uint256 private constant SIGNATURE_LENGTH = 96;

    /// @dev 1 BTCC (18 decimals, like ether).
    uint256 private constant MIN_DEPOSIT_AMOUNT = 1 ether;
    /// @dev Amounts are uint64 gwei on the consensus layer.
    uint256 private constant MAX_DEPOSIT_AMOUNT = uint256(type(uint64).max) * 1 gwei;

    /// @dev zero_hashes[h] = root of a depth-h subtree of zero leaves: zero_hashes[0] = 0,
    ///      zero_hashes[h+1] = sha256(zero_hashes[h] ++ zero_hashes[h]). Kept in code, not storage, so reading them is
    ///      cheap; the tests check them against an independent SSZ implementation.
    bytes private constant ZERO_HASHES =
        hex"0000000000000000000000000000000000000000000000000000000000000000" // 0
        hex"f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b" // 1
        hex"db56114e00fdd4c1f85c892bf35ac9a89289aaecb1ebd0a96cde606a748b5d71" // 2
        hex"c78009fdf07fc56a11f122370658a353aaa542ed63e44c4bc15ff4cd105ab33c" // 3
        hex"536d98837f2dd165a55d5eeae91485954472d56f246df256bf3cae19352a123c" // 4
        hex"9efde052aa15429fae05bad4d0b1d7c64da64d03d7a1854a588c2cb8430c0d30" // 5
        hex"d88ddfeed400a8755596b21942c1497e114c302e6118290f91e6772976041fa1" // 6
        hex"87eb0ddba57e35f6d286673802a4af5975e22506c7cf4c64bb6be5ee11527f2c" // 7
        hex"26846476fd5fc54a5d43385167c95144f2643f533cc85bb9d16b782f8d7db193" // 8
        hex"506d86582d252405b840018792cad2bf1259f1ef5aa5f887e13cb2f0094f51e1" // 9
        hex"ffff0ad7e659772f9534c195c815efc4014ef1e1daed4404c06385d11192e92b" // 10
        hex"6cf04127db05441cd833107a52be852868890e4317e6a02ab47683aa75964220" // 11
        hex"b7d05f875f140027ef5118a2247bbb84ce8f2f0f1123623085daf7960c329f5f" // 12
        hex"df6af5f5bbdb6be9ef8aa618e4bf8073960867171e29676f8b284dea6a08a85e" // 13
        hex"b58d900f5e182e3c50ef74969ea16c7726c549757cc23523c369587da7293784" // 14
        hex"d49a7502ffcfb0340b1d7885688500ca308161a7f96b62df9d083b71fcc8f2bb" // 15
        hex"8fe6b1689256c0d385f42f5bbe2027a22c1996e110ba97c171d3e5948de92beb" // 16
        hex"8d0d63c39ebade8509e0ae3c9c3876fb5fa112be18f905ecacfecb92057603ab" // 17
        hex"95eec8b2e541cad4e91de38385f2e046619f54496c2382cb6cacd5b98c26f5a4" // 18
        hex"f893e908917775b62bff23294dbbe3a1cd8e6cc1c35b4801887b646a6f81f17f" // 19
        hex"cddba7b592e3133393c16194fac7431abf2f5485ed711db282183c819e08ebaa" // 20
        hex"8a8d7fe3af8caa085a7639a832001457dfb9128a8061142ad0335629ff23ff9c" // 21
        hex"feb3c337d7a51a6fbf00b9e34c52e1c9195c969bd4e7a0bfd51d5c5bed9c1167" // 22
        hex"e71f0aa83cc32edfbefa9f4d3e0174ca85182eec9f3a09f6a6c0df6377a510d7" // 23
        hex"31206fa80a50bb6abe29085058f16212212a60eec8f049fecb92d8c8e0a84bc0" // 24
        hex"21352bfecbeddde993839f614c3dac0a3ee37543f9b412b16199dc158e23b544" // 25
        hex"619e312724bb6d7c3153ed9de791d764a366b389af13c58bf8a8d90481a46765" // 26
        hex"7cdd2986268250628d0c10e385c58c6191e6fbe05191bcc04f133f2cea72c1c4" // 27
        hex"848930bd7ba8cac54661072113fb278869e07bb8587f91392933374d017bcbe1" // 28
        hex"8869ff2c22b28cc10510d9853292803328be4fb0e80495e8bb8d271f5b889636" // 29
        hex"b5fe28e79f1b850f8658246ce9b6a1e7b49fc06db7143e8fe0b4f2b0c5523a5c" // 30
        hex"985e929f70af28d0bdd1a90a808f977f597c7c778c489e98d3bd8910d31ac0f7"; // 31

    /// @dev branch[h]: the root of the last complete depth-h subtree on the tree's left edge (incremental Merkle tree).
    bytes32[DEPOSIT_CONTRACT_TREE_DEPTH] private branch;
    uint256 private deposit_count;

    /// @notice `pubkey` (or the batch's `pubkeys`) has `length` bytes; `expected` bytes were required.
    error InvalidPubkeyLength(uint256 length, uint256 expected);
    /// @notice `withdrawal_credentials` has `length` bytes; `expected` bytes were required.
    error InvalidWithdrawalCredentialsLength(uint256 length, uint256 expected);
    /// @notice `signature` (or the batch's `signatures`) has `length` bytes; `expected` bytes were required.
    error InvalidSignatureLength(uint256 length, uint256 expected);
    /// @notice A batch has `length` amounts for `expected` deposit data roots.
    error InvalidAmountsLength(uint256 length, uint256 expected);
    /// @notice A batch without deposits.
    error EmptyBatch();
    /// @notice The deposit `value` (wei) is below the minimum of 1 BTCC.
    error DepositValueTooLow(uint256 value, uint256 minimum);
    /// @notice The deposit `value` (wei) is not a whole number of gwei.
    error DepositValueNotMultipleOfGwei(uint256 value);
    /// @notice The deposit `value` (wei) is above 2**64-1 gwei.
    error DepositValueTooHigh(uint256 value, uint256 maximum);
    /// @notice hash_tree_root of the deposit data is `computed`, but the caller gave `given`.
    error DepositDataRootMismatch(bytes32 computed, bytes32 given);
    /// @notice A batch's `msg.value` (`value`) differs from the sum of its amounts (`total`).
    error BatchValueMismatch(uint256 value, uint256 total);
    /// @notice The tree holds its maximum of 2**32-1 deposits (or the batch would exceed it).
    error DepositTreeFull();

    /// @inheritdoc IDepositContract
    function get_deposit_root() external view override returns (bytes32 root) {
        bytes memory zeroHashes = ZERO_HASHES;
        uint256 count = deposit_count;
        bytes32 countLittleEndian = _toLittleEndian64(count);
        assembly ("memory-safe") {
            // The node being hashed up stays in scratch word 0x00, where each sha256 writes its output; its sibling
            // goes into 0x20 (an empty right subtree, zero_hashes[h]) or the node moves there and the complete left
            // subtree branch[h] comes into 0x00. The walk starts from the zero leaf.
            mstore(0x00, 0)
            let ok := 1
            let size := count
            let zeroHash := add(zeroHashes, 0x20) // zero_hashes[h]
            for {
                let h := 0
            } lt(h, DEPOSIT_CONTRACT_TREE_DEPTH) {
                h := add(h, 1)
                zeroHash := add(zeroHash, 0x20)
                size := shr(1, size)
            } {
                switch and(size, 1)
                case 0 {
                    mstore(0x20, mload(zeroHash))
                }
                default {
                    mstore(0x20, mload(0x00))
                    mstore(0x00, sload(add(branch.slot, h)))
                }
                ok := and(ok, staticcall(gas(), 0x02, 0x00, 0x40, 0x00, 0x20))
            }
            // mix_in_length: sha256(tree root ++ count as uint256 little-endian)
            mstore(0x20, countLittleEndian)
            ok := and(ok, staticcall(gas(), 0x02, 0x00, 0x40, 0x00, 0x20))
            if iszero(ok) {
                revert(0, 0)
            }
            root := mload(0x00)
        }
    }

    /// @inheritdoc IDepositContract
    function get_deposit_count() external view override returns (bytes memory) {
        return abi.encodePacked(bytes8(_toLittleEndian64(deposit_count)));
    }

    /// @notice ERC-165: IERC165, IDepositContract (Ethereum's id) and IBatchDepositContract.
    function supportsInterface(bytes4 interfaceId) external pure override returns (bool) {
        return
            interfaceId == type(IERC165).interfaceId ||
            interfaceId == type(IDepositContract).interfaceId ||
            interfaceId == type(IBatchDepositContract).interfaceId;
    }

    /// @inheritdoc IDepositContract
    function deposit(
        bytes calldata pubkey,
        bytes calldata withdrawal_credentials,
        bytes calldata signature,
        bytes32 deposit_data_root
    ) external payable override {
        if (pubkey.length != PUBKEY_LENGTH) revert InvalidPubkeyLength(pubkey.length, PUBKEY_LENGTH);
        if (withdrawal_credentials.length != WITHDRAWAL_CREDENTIALS_LENGTH)
            revert InvalidWithdrawalCredentialsLength(withdrawal_credentials.length, WITHDRAWAL_CREDENTIALS_LENGTH);
        if (signature.length != SIGNATURE_LENGTH) revert InvalidSignatureLength(signature.length, SIGNATURE_LENGTH);
        uint256 amountGwei = _checkedGwei(msg.value);

        uint256 index = deposit_count;
        uint256 count = index + 1;
        if (count > MAX_DEPOSIT_COUNT) revert DepositTreeFull();

        uint256 logBuffer = _allocateLogBuffer();
        bytes32 node = _hashAndLog(logBuffer, pubkey, withdrawal_credentials, signature, amountGwei, index);
        if (node != deposit_data_root) revert DepositDataRootMismatch(node, deposit_data_root);

        deposit_count = count;
        _insert(node, count);
    }

    /// @inheritdoc IBatchDepositContract
    function batchDeposit(
        bytes calldata pubkeys,
        bytes calldata withdrawal_credentials,
        bytes calldata signatures,
        bytes32[] calldata deposit_data_roots,
        uint256[] calldata amounts
    ) external payable override {
        uint256 n = deposit_data_roots.length;
        if (n == 0) revert EmptyBatch();
        if (pubkeys.length != n * PUBKEY_LENGTH) revert InvalidPubkeyLength(pubkeys.length, n * PUBKEY_LENGTH);
        if (withdrawal_credentials.length != n * WITHDRAWAL_CREDENTIALS_LENGTH)
            revert InvalidWithdrawalCredentialsLength(withdrawal_credentials.length, n * WITHDRAWAL_CREDENTIALS_LENGTH);
        if (signatures.length != n * SIGNATURE_LENGTH)
            revert InvalidSignatureLength(signatures.length, n * SIGNATURE_LENGTH);
        if (amounts.length != n) revert InvalidAmountsLength(amounts.length, n);

        uint256 first = deposit_count;
        if (n > MAX_DEPOSIT_COUNT - first) revert DepositTreeFull();

        uint256 logBuffer = _allocateLogBuffer();
        uint256 cache = _allocateBranchCache();
        uint256 cached; // bit h set: the cache holds branch[h]
        uint256 dirty; // bit h set: the cache's branch[h] differs from storage
        uint256 total;
        for (uint256 i = 0; i < n; ++i) {
            uint256 amount = amounts[i];
            bytes32 node = _hashAndLog(
                logBuffer,
                pubkeys[i * PUBKEY_LENGTH:(i + 1) * PUBKEY_LENGTH],
                withdrawal_credentials[i * WITHDRAWAL_CREDENTIALS_LENGTH:(i + 1) * WITHDRAWAL_CREDENTIALS_LENGTH],
                signatures[i * SIGNATURE_LENGTH:(i + 1) * SIGNATURE_LENGTH],
                _checkedGwei(amount),
                first + i
            );
            if (node != deposit_data_roots[i]) revert DepositDataRootMismatch(node, deposit_data_roots[i]);
            (cached, dirty) = _insertCached(cache, cached, dirty, node, first + i + 1);
            unchecked {
                total += amount; // each amount < 2**94 and n < 2**32: no overflow
            }
        }
        if (total != msg.value) revert BatchValueMismatch(msg.value, total);

        deposit_count = first + n;
        _writeBack(cache, dirty);
    }

    /// @dev The deposit amount in gwei, after the BTC20 checks on its value in wei.
    function _checkedGwei(uint256 value) private pure returns (uint256) {
        if (value < MIN_DEPOSIT_AMOUNT) revert DepositValueTooLow(value, MIN_DEPOSIT_AMOUNT);
        if (value % 1 gwei != 0) revert DepositValueNotMultipleOfGwei(value);
        if (value > MAX_DEPOSIT_AMOUNT) revert DepositValueTooHigh(value, MAX_DEPOSIT_AMOUNT);
        return value / 1 gwei;
    }

    /// @dev Memory for one DepositEvent's data (576 bytes) plus 128 bytes of hashing scratch, with the words that never
    ///      change between deposits already written. Layout (offsets from the start, as in Ethereum's log data):
    ///        0x000  five head words: offsets of the five `bytes` fields (0xa0, 0x100, 0x140, 0x180, 0x200)
    ///        0x0a0  48   pubkey length      0x0c0  pubkey, 48 bytes + 16 zero bytes
    ///        0x100  32   credentials length 0x120  withdrawal_credentials
    ///        0x140  8    amount length      0x160  amount, 8 bytes little-endian + 24 zero bytes
    ///        0x180  96   signature length   0x1a0  signature, 96 bytes
    ///        0x200  8    index length       0x220  index, 8 bytes little-endian + 24 zero bytes
    ///        0x240  scratch: [left, right] of the leaf hash
    ///        0x280  scratch: [sha256(signature[0:64]), sha256(signature[64:96] ++ 32 zero bytes)]
    function _allocateLogBuffer() private pure returns (uint256 buffer) {
        assembly ("memory-safe") {
            buffer := mload(0x40)
            mstore(0x40, add(buffer, 0x2c0))
            mstore(buffer, 0xa0)
            mstore(add(buffer, 0x20), 0x100)
            mstore(add(buffer, 0x40), 0x140)
            mstore(add(buffer, 0x60), 0x180)
            mstore(add(buffer, 0x80), 0x200)
            mstore(add(buffer, 0xa0), 48)
            mstore(add(buffer, 0xe0), 0) // pubkey's zero padding (memory may be dirty)
            mstore(add(buffer, 0x140), 8)
        }
    }

    /// @dev Emits the DepositEvent of one deposit and returns its hash_tree_root(DepositData), hashed from the very
    ///      bytes that were logged. The three length words at 0x100, 0x180 and 0x200 double as hashing space and are
    ///      written last. The three fields have their exact lengths (checked by the callers).
    ///      Hashes:
    ///        pubkey_root    = sha256(pubkey ++ 16 zero bytes)               in place at 0x0c0, into 0x100
    ///        left           = sha256(pubkey_root ++ withdrawal_credentials)  in place at 0x100
    ///        signature_root = sha256(sha256(signature[0:64]) ++ sha256(signature[64:96] ++ 32 zero bytes))
    ///                         (the second chunk hashed in place at 0x1e0 while 0x200 is still zero), into 0x180
    ///        right          = sha256(amount ++ 24 zero bytes ++ signature_root) in place at 0x160
    ///        node           = sha256(left ++ right)
    function _hashAndLog(
        uint256 buffer,
        bytes calldata pubkey,
        bytes calldata withdrawalCredentials,
        bytes calldata signature,
        uint256 amountGwei,
        uint256 index
    ) private returns (bytes32 node) {
        bytes32 amountLittleEndian = _toLittleEndian64(amountGwei);
        bytes32 indexLittleEndian = _toLittleEndian64(index);
        bytes32 topic = DepositEvent.selector;
        assembly ("memory-safe") {
            calldatacopy(add(buffer, 0xc0), pubkey.offset, 48)
            calldatacopy(add(buffer, 0x120), withdrawalCredentials.offset, 32)
            mstore(add(buffer, 0x160), amountLittleEndian)
            calldatacopy(add(buffer, 0x1a0), signature.offset, 96)
            mstore(add(buffer, 0x200), 0)
            mstore(add(buffer, 0x220), indexLittleEndian)

            let scratch := add(buffer, 0x240)
            let ok := staticcall(gas(), 0x02, add(buffer, 0xc0), 0x40, add(buffer, 0x100), 0x20)
            ok := and(ok, staticcall(gas(), 0x02, add(buffer, 0x100), 0x40, scratch, 0x20))
            ok := and(ok, staticcall(gas(), 0x02, add(buffer, 0x1a0), 0x40, add(scratch, 0x40), 0x20))
            ok := and(ok, staticcall(gas(), 0x02, add(buffer, 0x1e0), 0x40, add(scratch, 0x60), 0x20))
            ok := and(ok, staticcall(gas(), 0x02, add(scratch, 0x40), 0x40, add(buffer, 0x180), 0x20))
            ok := and(ok, staticcall(gas(), 0x02, add(buffer, 0x160), 0x40, add(scratch, 0x20), 0x20))
            ok := and(ok, staticcall(gas(), 0x02, scratch, 0x40, scratch, 0x20))
            if iszero(ok) {
                revert(0, 0)
            }
            node := mload(scratch)

            mstore(add(buffer, 0x100), 32)
            mstore(add(buffer, 0x180), 96)
            mstore(add(buffer, 0x200), 8)
            log1(buffer, 0x240, topic)
        }
    }

    /// @dev Adds leaf `node` as the tree's `size`-th leaf, in storage: hash it with the complete left subtrees below the
    ///      lowest 1 bit of `size`, and store the result there (the incremental Merkle tree of Ethereum's contract).
    function _insert(bytes32 node, uint256 size) private {
        assembly ("memory-safe") {
            // As in get_deposit_root: the node in scratch word 0x00, its left sibling branch[h] moved in before it.
            mstore(0x00, node)
            for {
                let h := 0
            } 1 {
                h := add(h, 1)
            } {
                if and(size, 1) {
                    sstore(add(branch.slot, h), mload(0x00))
                    break
                }
                mstore(0x20, mload(0x00))
                mstore(0x00, sload(add(branch.slot, h)))
                if iszero(staticcall(gas(), 0x02, 0x00, 0x40, 0x00, 0x20)) {
                    revert(0, 0)
                }
                size := shr(1, size)
            }
        }
    }

    /// @dev 32 words for branch[0..31].
    function _allocateBranchCache() private pure returns (uint256 cache) {
        assembly ("memory-safe") {
            cache := mload(0x40)
            mstore(0x40, add(cache, 0x400))
        }
    }

    /// @dev `_insert` on the memory copy of `branch`: a node is read from storage the first time it is needed and
    ///      every write stays in memory (marked dirty) until `_writeBack`.
    function _insertCached(
        uint256 cache,
        uint256 cached,
        uint256 dirty,
        bytes32 node,
        uint256 size
    ) private view returns (uint256, uint256) {
        assembly ("memory-safe") {
            mstore(0x00, node)
            for {
                let h := 0
            } 1 {
                h := add(h, 1)
            } {
                let bit := shl(h, 1)
                let word := add(cache, shl(5, h))
                if and(size, 1) {
                    mstore(word, mload(0x00))
                    cached := or(cached, bit)
                    dirty := or(dirty, bit)
                    break
                }
                if iszero(and(cached, bit)) {
                    mstore(word, sload(add(branch.slot, h)))
                    cached := or(cached, bit)
                }
                mstore(0x20, mload(0x00))
                mstore(0x00, mload(word))
                if iszero(staticcall(gas(), 0x02, 0x00, 0x40, 0x00, 0x20)) {
                    revert(0, 0)
                }
                size := shr(1, size)
            }
        }
        return (cached, dirty);
    }

    /// @dev Stores every dirty node of the memory copy of `branch`, once.
    function _writeBack(uint256 cache, uint256 dirty) private {
        assembly ("memory-safe") {
            for {
                let h := 0
            } dirty {
                h := add(h, 1)
                dirty := shr(1, dirty)
            } {
                if and(dirty, 1) {
                    sstore(add(branch.slot, h), mload(add(cache, shl(5, h))))
                }
            }
        }
    }

    /// @dev The low 8 bytes of `value` in little-endian order, left-aligned in a word (the SSZ encoding of a uint64,
    ///      padded with zeros to 32 bytes). Byte swap by halves: bytes, then 2-byte pairs, then 4-byte halves.
    function _toLittleEndian64(uint256 value) private pure returns (bytes32 word) {
        assembly {
            let v := and(value, 0xffffffffffffffff)
            v := or(shr(8, and(v, 0xff00ff00ff00ff00)), shl(8, and(v, 0x00ff00ff00ff00ff)))
            v := or(shr(16, and(v, 0xffff0000ffff0000)), shl(16, and(v, 0x0000ffff0000ffff)))
            v := or(shr(32, v), shl(32, and(v, 0xffffffff)))
            word := shl(192, v)
        }
    }
}
