export * from "./eip2333.js";
export * from "./eip2334.js";
export * from "./errors.js";
export * from "./mnemonic.js";
export * from "./secretKey.js";
export * from "./validatorKeys.js";
