// Deposit containers of the consensus spec (phase0 beacon-chain.md, "Containers").
import { ContainerType } from "@chainsafe/ssz";
import { BLSPubkey, BLSSignature, Bytes32, Gwei } from "./primitives.js";

/** DepositMessage: what the validator's key signs (without the signature). */
export const DepositMessage = new ContainerType(
  { pubkey: BLSPubkey, withdrawalCredentials: Bytes32, amount: Gwei },
  { typeName: "DepositMessage", jsonCase: "eth2" },
);

/** DepositData: the deposit contract's leaf; its hash_tree_root is `deposit_data_root`. */
export const DepositData = new ContainerType(
  { pubkey: BLSPubkey, withdrawalCredentials: Bytes32, amount: Gwei, signature: BLSSignature },
  { typeName: "DepositData", jsonCase: "eth2" },
);
