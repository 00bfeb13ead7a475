// operations (tests/formats/operations/): apply one operation to pre.ssz; with post.ssz the result must equal it,
// without it the operation must be rejected. meta.yaml's bls_setting 2 turns signature checks off.
import type { Type } from "@chainsafe/ssz";
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { processAttestation } from "../../state-transition/block/processAttestation.js";
import { processAttesterSlashing } from "../../state-transition/block/processAttesterSlashing.js";
import { processBlockHeader } from "../../state-transition/block/processBlockHeader.js";
import { processDeposit } from "../../state-transition/block/processDeposit.js";
import { processProposerSlashing } from "../../state-transition/block/processProposerSlashing.js";
import { processVoluntaryExit } from "../../state-transition/block/processVoluntaryExit.js";
import type { BeaconState } from "../../types/index.js";
import { assertSszEqual, assertThrows } from "../assert.js";
import { exists, readSsz, shouldVerifySignatures } from "../caseFiles.js";
import { onEngineCopy } from "../engineCopy.js";
import { SpecAssertionError, type SpecCase, type SpecRunner } from "../types.js";

export interface Handler {
  /** Name of the operation's part file. */
  part: string;
  type(cfg: BeaconConfig): Type<unknown>;
  apply(cfg: BeaconConfig, state: BeaconState, op: unknown, verifySignatures: boolean): void;
}

export const operationHandlers: Record<string, Handler> = {
  attestation: {
    part: "attestation",
    type: (cfg) => cfg.types.Attestation as Type<unknown>,
    apply: (cfg, state, op, v) => processAttestation(cfg, state, op as never, v),
  },
  attester_slashing: {
    part: "attester_slashing",
    type: (cfg) => cfg.types.AttesterSlashing as Type<unknown>,
    apply: (cfg, state, op, v) => processAttesterSlashing(cfg, state, op as never, v),
  },
  block_header: {
    part: "block",
    type: (cfg) => cfg.types.BeaconBlock as Type<unknown>,
    apply: (cfg, state, op) => processBlockHeader(cfg, state, op as never),
  },
  deposit: {
    part: "deposit",
    type: (cfg) => cfg.types.Deposit as Type<unknown>,
    apply: (cfg, state, op, v) => processDeposit(cfg, state, op as never, v),
  },
  proposer_slashing: {
    part: "proposer_slashing",
    type: (cfg) => cfg.types.ProposerSlashing as Type<unknown>,
    apply: (cfg, state, op, v) => processProposerSlashing(cfg, state, op as never, v),
  },
  voluntary_exit: {
    part: "voluntary_exit",
    type: (cfg) => cfg.types.SignedVoluntaryExit as Type<unknown>,
    apply: (cfg, state, op, v) => processVoluntaryExit(cfg, state, op as never, v),
  },
};

export const runner: SpecRunner = {
  runCase(c: SpecCase): void {
    const handler = operationHandlers[c.handler];
    if (!handler) throw new SpecAssertionError(`unknown operations handler ${c.handler}`);
    const { types } = c.cfg;
    const pre = readSsz(c, "pre", types.BeaconState);
    const op = readSsz(c, handler.part, handler.type(c.cfg));
    const verify = shouldVerifySignatures(c);
    const apply = () => onEngineCopy(c.cfg, pre, (state) => handler.apply(c.cfg, state, op, verify));
    if (!exists(c, "post")) {
      assertThrows(apply, c.handler);
      return;
    }
    const state = apply();
    assertSszEqual(types.BeaconState, state, readSsz(c, "post", types.BeaconState), "post state");
  },
};
