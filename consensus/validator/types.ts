import type { ValueOf } from "@chainsafe/ssz";
import type { Phase0Types } from "../types/index.js";

export type AggregateAndProofValue = ValueOf<Phase0Types["AggregateAndProof"]>;
export type SignedAggregateAndProofValue = ValueOf<Phase0Types["SignedAggregateAndProof"]>;
