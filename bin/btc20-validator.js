#!/usr/bin/env node
// btc20-validator: the validator client (consensus/validator-client/cli.ts) on the repository's pinned Node 22.
import { launchOnNode22 } from "./launchOnNode22.js";

launchOnNode22("btc20-validator", "consensus/validator-client/cli.ts");
