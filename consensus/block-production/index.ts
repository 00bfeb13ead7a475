export * from "./produceBlock.js";
export * from "./signingRoots.js";
