export * from "./depositDataRoot.js";
export * from "./depositTree.js";
export * from "./errors.js";
export * from "./snapshot.js";
export * from "./zeroHashes.js";
