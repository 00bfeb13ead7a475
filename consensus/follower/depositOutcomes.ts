// process_deposit's effect on the registry (phase0 beacon-chain.md, "Deposits"), without the state: a deposit for a
// key with no validator needs a valid proof of possession and creates the validator, else it is skipped (never
// fatal); a deposit for a key that already has a validator is a top-up, credited without any signature check.
import type { DepositDataValue } from "./depositLog.js";
import type { DepositOutcome } from "./followerStore.js";

const keyOf = (pubkey: Uint8Array) => Buffer.from(pubkey).toString("hex");

/**
 * Outcomes of consecutive deposits, in order. `hasValidator` answers for deposits before this batch (it is asked
 * before this function first awaits); `verify` checks proofs of possession in bulk. Only the first deposit of each
 * unknown key is checked up front; a key whose first deposit fails is checked again at its next deposit (that one
 * may carry a valid signature).
 */
export async function depositOutcomes(
  deposits: readonly DepositDataValue[],
  hasValidator: (pubkey: Uint8Array) => boolean,
  verify: (deposits: readonly DepositDataValue[]) => Promise<boolean[]> | boolean[],
): Promise<DepositOutcome[]> {
  const firstOfUnknownKey = new Map<string, number>();
  for (const [i, d] of deposits.entries()) {
    const key = keyOf(d.pubkey);
    if (!firstOfUnknownKey.has(key) && !hasValidator(d.pubkey)) firstOfUnknownKey.set(key, i);
  }
  const upFront = [...firstOfUnknownKey.values()];
  const upFrontValid = await verify(upFront.map((i) => deposits[i]));
  const checked = new Map<number, boolean>(upFront.map((i, k) => [i, upFrontValid[k]]));

  const created = new Set<string>();
  const outcomes: DepositOutcome[] = [];
  for (const [i, d] of deposits.entries()) {
    const key = keyOf(d.pubkey);
    if (created.has(key) || !firstOfUnknownKey.has(key)) {
      outcomes.push("top_up");
      continue;
    }
    const valid = checked.get(i) ?? (await verify([d]))[0];
    if (valid) created.add(key);
    outcomes.push(valid ? "new_validator" : "invalid_signature");
  }
  return outcomes;
}
