// Voluntary exit containers of the consensus spec (phase0 beacon-chain.md, "VoluntaryExit", "SignedVoluntaryExit").
import { ContainerType } from "@chainsafe/ssz";
import { BLSSignature, UintNum64 } from "./primitives.js";

export const VoluntaryExit = new ContainerType(
  { epoch: UintNum64, validatorIndex: UintNum64 },
  { typeName: "VoluntaryExit", jsonCase: "eth2" },
);

export const SignedVoluntaryExit = new ContainerType(
  { message: VoluntaryExit, signature: BLSSignature },
  { typeName: "SignedVoluntaryExit", jsonCase: "eth2" },
);
