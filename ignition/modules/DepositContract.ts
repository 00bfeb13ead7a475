// Hardhat Ignition module of the BTC20 deposit contract (no constructor arguments, no owner):
//   BTC20_RPC_URL=... BTC20_DEPLOYER_KEY=... npx hardhat ignition deploy ignition/modules/DepositContract.ts --network custom
// scripts/deploy.ts does the same with plain ethers and also writes the record under deployments/.
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

export default buildModule("DepositContractModule", (m) => {
  const depositContract = m.contract("DepositContract");
  return { depositContract };
});
