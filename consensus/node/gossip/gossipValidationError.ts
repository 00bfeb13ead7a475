// A gossip message that failed one of its topic's rules (p2p-interface.md "Global topics", "Attestation subnets"):
// the verdict (IGNORE or REJECT) and the rule, as a stable code.
import { CodedError } from "../../../sdk/errors/codedError.js";

export class GossipValidationError extends CodedError<string> {
  override readonly name = "GossipValidationError";
  constructor(
    readonly result: "IGNORE" | "REJECT",
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}

export const ignore = (code: string, message: string) => new GossipValidationError("IGNORE", code, message);
export const reject = (code: string, message: string) => new GossipValidationError("REJECT", code, message);
