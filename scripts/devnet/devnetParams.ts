// The devnet configuration lives with the node (`btc20-node --network devnet` uses it too).
export * from "../../consensus/node/config/devnetParams.js";
