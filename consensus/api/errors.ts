import { CodedError } from "../../sdk/errors/codedError.js";

/** One rejected item of a pool submission (beacon-APIs IndexedErrorMessage). */
export interface SubmissionFailure {
  index: number;
  message: string;
}

/** An error the API answers with `{code, message}` and the HTTP status `code` (beacon-APIs error shape). */
export class ApiError extends CodedError<string> {
  override readonly name = "ApiError";
  constructor(
    readonly statusCode: 400 | 404 | 500 | 503,
    message: string,
    /** stable machine-readable reason, e.g. "INVALID_STATE_ID" */
    code: string,
    /** for pool submissions: which items failed and why (answered as `failures`) */
    readonly failures?: SubmissionFailure[],
  ) {
    super(code, message);
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, message, code);
export const notFound = (code: string, message: string) => new ApiError(404, message, code);
