export * from "./create.js";
export * from "./decrypt.js";
export * from "./errors.js";
export * from "./fileName.js";
export * from "./kdfParams.js";
export * from "./parse.js";
export * from "./password.js";
export type * from "./types.js";
