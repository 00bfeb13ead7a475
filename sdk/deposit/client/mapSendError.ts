import { Interface, isError } from "ethers";
import { DEPOSIT_CONTRACT_ABI } from "./depositContractAbi.js";
import { DepositClientError } from "./errors.js";

const depositInterface = new Interface(DEPOSIT_CONTRACT_ABI);

/**
 * Turns whatever a Signer/Provider threw while sending a deposit into a DepositClientError with a stable code.
 * ethers v6 gives ACTION_REJECTED / INSUFFICIENT_FUNDS / CALL_EXCEPTION codes; some nodes only say so in the
 * message, so the message is read too. A contract revert is decoded into the contract's named error.
 */
export function mapSendError(error: unknown, what: string): DepositClientError {
  if (error instanceof DepositClientError) return error;
  const message = errorText(error);
  if (isError(error, "ACTION_REJECTED") || /user (rejected|denied)/i.test(message)) {
    return new DepositClientError("USER_REJECTED", `${what}: the wallet user rejected the request`, { cause: error });
  }
  if (isError(error, "INSUFFICIENT_FUNDS") || /insufficient funds|doesn't have enough funds/i.test(message)) {
    return new DepositClientError(
      "INSUFFICIENT_FUNDS",
      `${what}: the sending account cannot pay the deposit amount plus gas`,
      { cause: error },
    );
  }
  const revertData = findRevertData(error);
  if (isError(error, "CALL_EXCEPTION") || revertData !== null || /revert/i.test(message)) {
    const reason = decodeRevert(revertData);
    return new DepositClientError(
      "REVERTED",
      `${what}: the deposit contract reverted${reason ? ` with ${reason.text}` : ""}`,
      { revertReason: reason?.name, cause: error },
    );
  }
  return new DepositClientError("RPC_ERROR", `${what}: ${message}`, { cause: error });
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const nested = (error as { info?: { error?: { message?: string } } }).info?.error?.message;
    return [error.message, nested].filter(Boolean).join(" | ");
  }
  return String(error);
}

function findRevertData(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const data = (current as { data?: unknown }).data;
    if (typeof data === "string" && /^0x[0-9a-fA-F]{8,}$/.test(data)) return data;
    const next = current as { error?: unknown; cause?: unknown };
    current = next.error ?? next.cause;
  }
  return null;
}

function decodeRevert(data: string | null): { name: string; text: string } | null {
  if (!data) return null;
  try {
    const parsed = depositInterface.parseError(data);
    if (!parsed) return null;
    const args = parsed.fragment.inputs.map((input, i) => `${input.name}=${parsed.args[i]}`).join(", ");
    return { name: parsed.name, text: `${parsed.name}(${args})` };
  } catch {
    return null;
  }
}
