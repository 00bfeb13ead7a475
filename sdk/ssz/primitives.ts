// SSZ primitive types of the consensus spec (phase0 "Custom types"), shared by the SDK and the consensus engine.
import { ByteVectorType, UintBigintType, UintNumberType } from "@chainsafe/ssz";

export const Bytes4 = new ByteVectorType(4);
export const Bytes32 = new ByteVectorType(32);
export const Bytes48 = new ByteVectorType(48);
export const Bytes96 = new ByteVectorType(96);

export const Root = Bytes32;
export const Version = Bytes4;
export const DomainType = Bytes4;
export const Domain = Bytes32;
export const BLSPubkey = Bytes48;
export const BLSSignature = Bytes96;

/** uint64 as a JS number; 2**64-1 (FAR_FUTURE_EPOCH) reads as Infinity. Safe for slots, epochs, indices and gwei. */
export const UintNum64 = new UintNumberType(8, { clipInfinity: true });
/** uint64 as a bigint, for values that may exceed 2**53 (exact round trips of arbitrary data). */
export const UintBn64 = new UintBigintType(8);
/** Amounts in gwei are uint64. */
export const Gwei = UintNum64;
