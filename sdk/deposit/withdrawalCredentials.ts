import { digest } from "@chainsafe/as-sha256";
import { getAddress, isAddress } from "ethers";
import { DepositError } from "./errors.js";

// Withdrawal credential prefixes (phase0 beacon-chain.md "Withdrawal prefixes"; 0x01 Capella, 0x02 EIP-7251).
export const BLS_WITHDRAWAL_PREFIX = 0x00;
export const EXECUTION_ADDRESS_WITHDRAWAL_PREFIX = 0x01;
export const COMPOUNDING_WITHDRAWAL_PREFIX = 0x02;

export type WithdrawalCredentialsType = "bls" | "execution" | "compounding";

/** 0x00 credentials: BLS_WITHDRAWAL_PREFIX ++ sha256(withdrawal_pubkey)[1:] (validator.md "BLS withdrawal"). */
export function blsWithdrawalCredentials(withdrawalPubkey: Uint8Array): Uint8Array {
  if (withdrawalPubkey.length !== 48) {
    throw new DepositError("BAD_KEY", `withdrawal public key must be 48 bytes, got ${withdrawalPubkey.length}`);
  }
  const credentials = digest(withdrawalPubkey);
  credentials[0] = BLS_WITHDRAWAL_PREFIX;
  return credentials;
}

/**
 * 0x01 (or 0x02 when `compounding`) credentials: prefix ++ 11 zero bytes ++ the 20-byte execution address.
 * The address must carry a valid EIP-55 checksum (see `parseWithdrawalAddress`).
 */
export function executionWithdrawalCredentials(address: string, compounding = false): Uint8Array {
  const checksummed = parseWithdrawalAddress(address);
  const credentials = new Uint8Array(32);
  credentials[0] = compounding ? COMPOUNDING_WITHDRAWAL_PREFIX : EXECUTION_ADDRESS_WITHDRAWAL_PREFIX;
  for (let i = 0; i < 20; i++) credentials[12 + i] = Number.parseInt(checksummed.slice(2 + 2 * i, 4 + 2 * i), 16);
  return credentials;
}

/**
 * A withdrawal address as the reference deposit CLI accepts it: 0x + 40 hex digits written exactly in its EIP-55
 * checksum form (an all-lower-case address with letters is refused too: a typo there would lose the funds
 * unnoticed). Returns the checksummed address; throws BAD_WITHDRAWAL_ADDRESS naming the expected form.
 */
export function parseWithdrawalAddress(address: string): string {
  if (typeof address !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(address) || !isAddress(address.toLowerCase())) {
    throw new DepositError(
      "BAD_WITHDRAWAL_ADDRESS",
      `withdrawal address ${JSON.stringify(address)} is not an execution address: expected 0x followed by 40 hex digits`,
    );
  }
  const checksummed = getAddress(address.toLowerCase());
  if (address !== checksummed) {
    throw new DepositError(
      "BAD_WITHDRAWAL_ADDRESS",
      `withdrawal address ${address} does not carry a valid EIP-55 checksum; expected ${checksummed} ` +
        "(check that this is the address you meant before copying it)",
    );
  }
  return checksummed;
}

/** Which kind of credentials these are, and the execution address for 0x01/0x02; null if the prefix is unknown. */
export function describeWithdrawalCredentials(
  credentials: Uint8Array,
): { type: WithdrawalCredentialsType; address: string | null } | null {
  if (credentials.length !== 32) return null;
  switch (credentials[0]) {
    case BLS_WITHDRAWAL_PREFIX:
      return { type: "bls", address: null };
    case EXECUTION_ADDRESS_WITHDRAWAL_PREFIX:
    case COMPOUNDING_WITHDRAWAL_PREFIX: {
      const hex = Array.from(credentials.subarray(12), (b) => b.toString(16).padStart(2, "0")).join("");
      return {
        type: credentials[0] === COMPOUNDING_WITHDRAWAL_PREFIX ? "compounding" : "execution",
        address: getAddress(`0x${hex}`),
      };
    }
    default:
      return null;
  }
}
