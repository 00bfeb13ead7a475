// Signing for the validator duties (phase0 validator.md): every message is signed over its spec domain, and blocks
// and attestations pass slashing protection first (check and record in one transaction, then sign).

import { bls } from "../../sdk/crypto/bls/index.js";
import { CodedError } from "../../sdk/errors/codedError.js";
import { UintNum64 } from "../../sdk/ssz/index.js";
import type { BeaconConfig } from "../params/beaconConfig.js";
import { getDomain } from "../state-transition/accessors/getDomain.js";
import { computeEpochAtSlot } from "../state-transition/misc/computeEpochAtSlot.js";
import { computeSigningRoot } from "../state-transition/misc/computeSigningRoot.js";
import type { AttestationData, BeaconBlock, BeaconState, VoluntaryExit } from "../types/index.js";
import type { ValidatorKey } from "./keystores.js";
import type { SlashingProtectionDb } from "./slashing-protection/index.js";
import type { AggregateAndProofValue } from "./types.js";

/**
 * What a signature's domain depends on (get_domain): the fork and the genesis validators root. A BeaconState has
 * them; a remote validator client builds this from the Beacon API (genesis + states/head/fork).
 */
export type SigningContext = Pick<BeaconState, "fork" | "genesisValidatorsRoot" | "slot">;

export class SignerError extends CodedError<"UNKNOWN_KEY"> {
  override readonly name = "SignerError";
}

export class ValidatorSigner {
  private readonly byPubkey = new Map<string, ValidatorKey>();

  constructor(
    private readonly cfg: BeaconConfig,
    keys: ValidatorKey[],
    private readonly protection: SlashingProtectionDb,
  ) {
    for (const k of keys) this.byPubkey.set(Buffer.from(k.publicKey).toString("hex"), k);
  }

  get pubkeys(): Uint8Array[] {
    return [...this.byPubkey.values()].map((k) => k.publicKey);
  }

  hasKey(pubkey: Uint8Array): boolean {
    return this.byPubkey.has(Buffer.from(pubkey).toString("hex"));
  }

  /** Adds a key while running (Keymanager import). */
  addKey(key: ValidatorKey): void {
    this.byPubkey.set(Buffer.from(key.publicKey).toString("hex"), key);
  }

  /** Removes a key: nothing is signed with it from now on (Keymanager delete). */
  removeKey(pubkey: Uint8Array): boolean {
    return this.byPubkey.delete(Buffer.from(pubkey).toString("hex"));
  }

  private key(pubkey: Uint8Array): ValidatorKey {
    const k = this.byPubkey.get(Buffer.from(pubkey).toString("hex"));
    if (!k)
      throw new SignerError("UNKNOWN_KEY", `no secret key for validator 0x${Buffer.from(pubkey).toString("hex")}`);
    return k;
  }

  /**
   * Runs several signings with one slashing-protection commit. Signatures made inside must only be published after
   * this returns (the records are durable then).
   */
  batch<T>(fn: () => T): T {
    return this.protection.transaction(fn);
  }

  /** get_epoch_signature: the RANDAO reveal. */
  signRandao(state: SigningContext, pubkey: Uint8Array, epoch: number): Uint8Array {
    const domain = getDomain(this.cfg, state, this.cfg.DOMAIN_RANDAO, epoch);
    return bls.sign(this.key(pubkey).secretKey, computeSigningRoot(UintNum64, epoch, domain));
  }

  /** get_block_signature, after slashing protection accepted the block. */
  signBlock(state: SigningContext, pubkey: Uint8Array, block: BeaconBlock): Uint8Array {
    const domain = getDomain(
      this.cfg,
      state,
      this.cfg.DOMAIN_BEACON_PROPOSER,
      computeEpochAtSlot(this.cfg, block.slot),
    );
    const root = computeSigningRoot(this.cfg.types.BeaconBlock, block, domain);
    // the key first: a key removed meanwhile (Keymanager delete) leaves no record it never signed
    const { secretKey } = this.key(pubkey);
    this.protection.checkAndInsertBlockProposal(pubkey, block.slot, root);
    return bls.sign(secretKey, root);
  }

  /** get_attestation_signature, after slashing protection accepted the vote. */
  signAttestation(state: SigningContext, pubkey: Uint8Array, data: AttestationData): Uint8Array {
    const domain = getDomain(this.cfg, state, this.cfg.DOMAIN_BEACON_ATTESTER, data.target.epoch);
    const root = computeSigningRoot(this.cfg.types.AttestationData, data, domain);
    const { secretKey } = this.key(pubkey);
    this.protection.checkAndInsertAttestation(pubkey, data.source.epoch, data.target.epoch, root);
    return bls.sign(secretKey, root);
  }

  /** get_slot_signature: the aggregator selection proof. */
  signSelectionProof(state: SigningContext, pubkey: Uint8Array, slot: number): Uint8Array {
    const domain = getDomain(this.cfg, state, this.cfg.DOMAIN_SELECTION_PROOF, computeEpochAtSlot(this.cfg, slot));
    return bls.sign(this.key(pubkey).secretKey, computeSigningRoot(UintNum64, slot, domain));
  }

  /** get_aggregate_and_proof_signature */
  signAggregateAndProof(state: SigningContext, pubkey: Uint8Array, message: AggregateAndProofValue): Uint8Array {
    const domain = getDomain(
      this.cfg,
      state,
      this.cfg.DOMAIN_AGGREGATE_AND_PROOF,
      computeEpochAtSlot(this.cfg, message.aggregate.data.slot),
    );
    return bls.sign(this.key(pubkey).secretKey, computeSigningRoot(this.cfg.types.AggregateAndProof, message, domain));
  }

  /** get_voluntary_exit_signature (phase0 validator.md "Voluntary exits"): domain at the exit's epoch. */
  signVoluntaryExit(state: SigningContext, pubkey: Uint8Array, exit: VoluntaryExit): Uint8Array {
    const domain = getDomain(this.cfg, state, this.cfg.DOMAIN_VOLUNTARY_EXIT, exit.epoch);
    return bls.sign(this.key(pubkey).secretKey, computeSigningRoot(this.cfg.types.VoluntaryExit, exit, domain));
  }

  /** For the slashing scenario only: a signature that skips slashing protection (a misbehaving validator). */
  signUnprotected<T>(
    state: SigningContext,
    pubkey: Uint8Array,
    type: { hashTreeRoot(v: T): Uint8Array },
    value: T,
    domainType: Uint8Array,
    epoch: number,
  ): Uint8Array {
    const domain = getDomain(this.cfg, state, domainType, epoch);
    const root = computeSigningRoot(type as never, value as never, domain);
    return bls.sign(this.key(pubkey).secretKey, root);
  }
}
