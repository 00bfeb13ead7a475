// All phase0 SSZ containers (phase0 beacon-chain.md "Containers", validator.md "Eth1Block", "AggregateAndProof"),
// built for one configuration because list and vector limits come from it. Field names are Lodestar's (camelCase of
// the spec's names). DepositMessage, DepositData, ForkData, SigningData and the primitives come from the SDK.
import {
  BitListType,
  BitVectorType,
  BooleanType,
  ContainerType,
  ListBasicType,
  ListCompositeType,
  VectorBasicType,
  VectorCompositeType,
} from "@chainsafe/ssz";
import {
  BLSPubkey,
  BLSSignature,
  Bytes32,
  DepositData,
  DepositMessage,
  ForkData,
  Gwei,
  Root,
  SigningData,
  UintNum64,
  Version,
} from "../../sdk/ssz/index.js";
import type { BeaconParams } from "../params/beaconParams.js";
import "./hasher.js";
import { DEPOSIT_CONTRACT_TREE_DEPTH, JUSTIFICATION_BITS_LENGTH } from "../params/constants.js";

const Slot = UintNum64;
const Epoch = UintNum64;
const CommitteeIndex = UintNum64;
const ValidatorIndex = UintNum64;

type Limits = Pick<
  BeaconParams,
  | "MAX_VALIDATORS_PER_COMMITTEE"
  | "SLOTS_PER_HISTORICAL_ROOT"
  | "HISTORICAL_ROOTS_LIMIT"
  | "EPOCHS_PER_ETH1_VOTING_PERIOD"
  | "SLOTS_PER_EPOCH"
  | "VALIDATOR_REGISTRY_LIMIT"
  | "EPOCHS_PER_HISTORICAL_VECTOR"
  | "EPOCHS_PER_SLASHINGS_VECTOR"
  | "MAX_ATTESTATIONS"
  | "MAX_PROPOSER_SLASHINGS"
  | "MAX_ATTESTER_SLASHINGS"
  | "MAX_DEPOSITS"
  | "MAX_VOLUNTARY_EXITS"
>;

const opts = (typeName: string) => ({ typeName, jsonCase: "eth2" as const });

/** Builds every phase0 container for the given limits. */
export function createPhase0Types(p: Limits) {
  const Fork = new ContainerType({ previousVersion: Version, currentVersion: Version, epoch: Epoch }, opts("Fork"));
  const Checkpoint = new ContainerType({ epoch: Epoch, root: Root }, opts("Checkpoint"));
  const Validator = new ContainerType(
    {
      pubkey: BLSPubkey,
      withdrawalCredentials: Bytes32,
      effectiveBalance: Gwei,
      slashed: new BooleanType(),
      activationEligibilityEpoch: Epoch,
      activationEpoch: Epoch,
      exitEpoch: Epoch,
      withdrawableEpoch: Epoch,
    },
    opts("Validator"),
  );
  const AttestationData = new ContainerType(
    { slot: Slot, index: CommitteeIndex, beaconBlockRoot: Root, source: Checkpoint, target: Checkpoint },
    opts("AttestationData"),
  );
  const CommitteeIndices = new ListBasicType(ValidatorIndex, p.MAX_VALIDATORS_PER_COMMITTEE);
  const CommitteeBits = new BitListType(p.MAX_VALIDATORS_PER_COMMITTEE);
  const IndexedAttestation = new ContainerType(
    { attestingIndices: CommitteeIndices, data: AttestationData, signature: BLSSignature },
    opts("IndexedAttestation"),
  );
  const PendingAttestation = new ContainerType(
    { aggregationBits: CommitteeBits, data: AttestationData, inclusionDelay: Slot, proposerIndex: ValidatorIndex },
    opts("PendingAttestation"),
  );
  const Eth1Data = new ContainerType(
    { depositRoot: Root, depositCount: UintNum64, blockHash: Bytes32 },
    opts("Eth1Data"),
  );
  const HistoricalBlockRoots = new VectorCompositeType(Root, p.SLOTS_PER_HISTORICAL_ROOT);
  const HistoricalStateRoots = new VectorCompositeType(Root, p.SLOTS_PER_HISTORICAL_ROOT);
  const HistoricalBatch = new ContainerType(
    { blockRoots: HistoricalBlockRoots, stateRoots: HistoricalStateRoots },
    opts("HistoricalBatch"),
  );
  const Deposit = new ContainerType(
    { proof: new VectorCompositeType(Bytes32, DEPOSIT_CONTRACT_TREE_DEPTH + 1), data: DepositData },
    opts("Deposit"),
  );
  const BeaconBlockHeader = new ContainerType(
    { slot: Slot, proposerIndex: ValidatorIndex, parentRoot: Root, stateRoot: Root, bodyRoot: Root },
    opts("BeaconBlockHeader"),
  );
  const SignedBeaconBlockHeader = new ContainerType(
    { message: BeaconBlockHeader, signature: BLSSignature },
    opts("SignedBeaconBlockHeader"),
  );
  const ProposerSlashing = new ContainerType(
    { signedHeader1: SignedBeaconBlockHeader, signedHeader2: SignedBeaconBlockHeader },
    opts("ProposerSlashing"),
  );
  const AttesterSlashing = new ContainerType(
    { attestation1: IndexedAttestation, attestation2: IndexedAttestation },
    opts("AttesterSlashing"),
  );
  const Attestation = new ContainerType(
    { aggregationBits: CommitteeBits, data: AttestationData, signature: BLSSignature },
    opts("Attestation"),
  );
  const VoluntaryExit = new ContainerType({ epoch: Epoch, validatorIndex: ValidatorIndex }, opts("VoluntaryExit"));
  const SignedVoluntaryExit = new ContainerType(
    { message: VoluntaryExit, signature: BLSSignature },
    opts("SignedVoluntaryExit"),
  );
  const BeaconBlockBody = new ContainerType(
    {
      randaoReveal: BLSSignature,
      eth1Data: Eth1Data,
      graffiti: Bytes32,
      proposerSlashings: new ListCompositeType(ProposerSlashing, p.MAX_PROPOSER_SLASHINGS),
      attesterSlashings: new ListCompositeType(AttesterSlashing, p.MAX_ATTESTER_SLASHINGS),
      attestations: new ListCompositeType(Attestation, p.MAX_ATTESTATIONS),
      deposits: new ListCompositeType(Deposit, p.MAX_DEPOSITS),
      voluntaryExits: new ListCompositeType(SignedVoluntaryExit, p.MAX_VOLUNTARY_EXITS),
    },
    opts("BeaconBlockBody"),
  );
  const BeaconBlock = new ContainerType(
    { slot: Slot, proposerIndex: ValidatorIndex, parentRoot: Root, stateRoot: Root, body: BeaconBlockBody },
    opts("BeaconBlock"),
  );
  const SignedBeaconBlock = new ContainerType(
    { message: BeaconBlock, signature: BLSSignature },
    opts("SignedBeaconBlock"),
  );
  const BeaconState = new ContainerType(
    {
      genesisTime: UintNum64,
      genesisValidatorsRoot: Root,
      slot: Slot,
      fork: Fork,
      latestBlockHeader: BeaconBlockHeader,
      blockRoots: HistoricalBlockRoots,
      stateRoots: HistoricalStateRoots,
      historicalRoots: new ListCompositeType(Root, p.HISTORICAL_ROOTS_LIMIT),
      eth1Data: Eth1Data,
      eth1DataVotes: new ListCompositeType(Eth1Data, p.EPOCHS_PER_ETH1_VOTING_PERIOD * p.SLOTS_PER_EPOCH),
      eth1DepositIndex: UintNum64,
      validators: new ListCompositeType(Validator, p.VALIDATOR_REGISTRY_LIMIT),
      balances: new ListBasicType(Gwei, p.VALIDATOR_REGISTRY_LIMIT),
      randaoMixes: new VectorCompositeType(Bytes32, p.EPOCHS_PER_HISTORICAL_VECTOR),
      slashings: new VectorBasicType(Gwei, p.EPOCHS_PER_SLASHINGS_VECTOR),
      previousEpochAttestations: new ListCompositeType(PendingAttestation, p.MAX_ATTESTATIONS * p.SLOTS_PER_EPOCH),
      currentEpochAttestations: new ListCompositeType(PendingAttestation, p.MAX_ATTESTATIONS * p.SLOTS_PER_EPOCH),
      justificationBits: new BitVectorType(JUSTIFICATION_BITS_LENGTH),
      previousJustifiedCheckpoint: Checkpoint,
      currentJustifiedCheckpoint: Checkpoint,
      finalizedCheckpoint: Checkpoint,
    },
    opts("BeaconState"),
  );
  const Eth1Block = new ContainerType(
    { timestamp: UintNum64, depositRoot: Root, depositCount: UintNum64 },
    opts("Eth1Block"),
  );
  const AggregateAndProof = new ContainerType(
    { aggregatorIndex: ValidatorIndex, aggregate: Attestation, selectionProof: BLSSignature },
    opts("AggregateAndProof"),
  );
  const SignedAggregateAndProof = new ContainerType(
    { message: AggregateAndProof, signature: BLSSignature },
    opts("SignedAggregateAndProof"),
  );

  return {
    Fork,
    ForkData,
    Checkpoint,
    Validator,
    AttestationData,
    IndexedAttestation,
    PendingAttestation,
    Eth1Data,
    HistoricalBatch,
    DepositMessage,
    DepositData,
    BeaconBlockHeader,
    SigningData,
    ProposerSlashing,
    AttesterSlashing,
    Attestation,
    Deposit,
    VoluntaryExit,
    BeaconBlockBody,
    BeaconBlock,
    BeaconState,
    SignedVoluntaryExit,
    SignedBeaconBlock,
    SignedBeaconBlockHeader,
    Eth1Block,
    AggregateAndProof,
    SignedAggregateAndProof,
  };
}

/** The phase0 SSZ types of one configuration. */
export type Phase0Types = ReturnType<typeof createPhase0Types>;
