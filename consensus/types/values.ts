// Plain-value types of the phase0 containers (what the state transition reads and mutates).
import type { ValueOf } from "@chainsafe/ssz";
import type { Phase0Types } from "./phase0.js";

export type BeaconState = ValueOf<Phase0Types["BeaconState"]>;
export type BeaconBlock = ValueOf<Phase0Types["BeaconBlock"]>;
export type BeaconBlockBody = ValueOf<Phase0Types["BeaconBlockBody"]>;
export type BeaconBlockHeader = ValueOf<Phase0Types["BeaconBlockHeader"]>;
export type SignedBeaconBlock = ValueOf<Phase0Types["SignedBeaconBlock"]>;
export type SignedBeaconBlockHeader = ValueOf<Phase0Types["SignedBeaconBlockHeader"]>;
export type Validator = ValueOf<Phase0Types["Validator"]>;
export type Fork = ValueOf<Phase0Types["Fork"]>;
export type Checkpoint = ValueOf<Phase0Types["Checkpoint"]>;
export type AttestationData = ValueOf<Phase0Types["AttestationData"]>;
export type Attestation = ValueOf<Phase0Types["Attestation"]>;
export type IndexedAttestation = ValueOf<Phase0Types["IndexedAttestation"]>;
export type PendingAttestation = ValueOf<Phase0Types["PendingAttestation"]>;
export type Eth1Data = ValueOf<Phase0Types["Eth1Data"]>;
export type Deposit = ValueOf<Phase0Types["Deposit"]>;
export type DepositData = ValueOf<Phase0Types["DepositData"]>;
export type DepositMessage = ValueOf<Phase0Types["DepositMessage"]>;
export type ProposerSlashing = ValueOf<Phase0Types["ProposerSlashing"]>;
export type AttesterSlashing = ValueOf<Phase0Types["AttesterSlashing"]>;
export type VoluntaryExit = ValueOf<Phase0Types["VoluntaryExit"]>;
export type SignedVoluntaryExit = ValueOf<Phase0Types["SignedVoluntaryExit"]>;
export type HistoricalBatch = ValueOf<Phase0Types["HistoricalBatch"]>;
export type Eth1Block = ValueOf<Phase0Types["Eth1Block"]>;
