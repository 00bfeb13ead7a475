// Pool submissions (beacon-APIs POST pool/attestations, aggregate_and_proofs): every item is tried, the valid ones
// enter the node; if any failed, 400 with `failures: [{index, message}]` naming each rejected item.
import { ApiError, badRequest, type SubmissionFailure } from "../errors.js";

export function submitEach(body: unknown, submit: (item: unknown, path: string) => void): void {
  if (!Array.isArray(body)) throw badRequest("INVALID_REQUEST_BODY", "Expected a JSON array");
  const failures: SubmissionFailure[] = [];
  body.forEach((item, index) => {
    try {
      submit(item, `[${index}]`);
    } catch (e) {
      failures.push({ index, message: e instanceof Error ? e.message : String(e) });
    }
  });
  if (failures.length > 0) {
    const message =
      failures.length === body.length
        ? "No item was accepted"
        : `${failures.length} of ${body.length} items were rejected`;
    throw new ApiError(400, message, "SUBMISSION_FAILED", failures);
  }
}
