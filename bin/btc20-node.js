#!/usr/bin/env node
// btc20-node: the beacon node (consensus/node/cli.ts) on the repository's pinned Node 22.
import { launchOnNode22 } from "./launchOnNode22.js";

launchOnNode22("btc20-node", "consensus/node/cli.ts");
