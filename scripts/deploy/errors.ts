// Typed errors of the deployment and genesis-allocation scripts: a stable `code` and a message that says what was
// wrong and what was expected.
import { CodedError } from "../../sdk/errors/codedError.js";

export type DeployErrorCode =
  | "MISSING_RPC_URL"
  | "MISSING_DEPLOYER_KEY"
  | "BAD_DEPLOYER_KEY"
  | "BAD_ADDRESS"
  | "BAD_NETWORK_NAME"
  | "ARTIFACT_NOT_FOUND"
  | "RECORD_EXISTS"
  | "DEPLOYMENT_FAILED"
  | "CODE_MISMATCH";

export class DeployError extends CodedError<DeployErrorCode> {
  override readonly name = "DeployError";
}
