/**
 * Base of every error that carries a stable machine-readable `code` for callers to branch on.
 * Subclasses set `name` themselves with a string literal field (`override readonly name = "BlsError"`), not from
 * `new.target.name`: the browser bundle is minified and would mangle class names.
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code;
  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
