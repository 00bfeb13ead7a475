// Containers used to build signing domains and roots (phase0 beacon-chain.md, "ForkData", "SigningData").
import { ContainerType } from "@chainsafe/ssz";
import { Domain, Root, Version } from "./primitives.js";

export const ForkData = new ContainerType(
  { currentVersion: Version, genesisValidatorsRoot: Root },
  { typeName: "ForkData", jsonCase: "eth2" },
);

export const SigningData = new ContainerType(
  { objectRoot: Root, domain: Domain },
  { typeName: "SigningData", jsonCase: "eth2" },
);
