// What the orchestrator reads from a node over its Beacon API (the same API other clients use): peers, head,
// justified and finalized checkpoints, sync status; and the debug route that partitions the network.

export interface NodeStatus {
  /** connected peers (distinct peer ids); null when the node has no peer API (no p2p layer) */
  peers: number | null;
  /** their peer ids */
  peerIds: string[];
  headSlot: number;
  headRoot: string;
  justifiedEpoch: number;
  finalizedEpoch: number;
  finalizedRoot: string;
  isSyncing: boolean;
  syncDistance: number;
}

const TIMEOUT_MS = 5_000;

async function getJson<T>(url: string): Promise<T | null> {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Data<T> = { data: T };

/** Reads the node's status; throws if the API does not answer. */
export async function readNodeStatus(restUrl: string): Promise<NodeStatus> {
  const [peers, head, fin, syncing] = await Promise.all([
    getJson<Data<{ peer_id: string }[]>>(`${restUrl}/eth/v1/node/peers?state=connected`),
    getJson<Data<{ root: string; header: { message: { slot: string } } }>>(`${restUrl}/eth/v1/beacon/headers/head`),
    getJson<Data<{ current_justified: { epoch: string }; finalized: { epoch: string; root: string } }>>(
      `${restUrl}/eth/v1/beacon/states/head/finality_checkpoints`,
    ),
    getJson<Data<{ is_syncing: boolean; sync_distance: string }>>(`${restUrl}/eth/v1/node/syncing`),
  ]);
  if (!head || !fin) throw new Error(`${restUrl}: no head or finality checkpoints`);
  // one entry per connection: two nodes that dialled each other are one peer
  const peerIds = [...new Set((peers?.data ?? []).map((p) => p.peer_id))];
  return {
    peers: peers ? peerIds.length : null,
    peerIds,
    headSlot: Number(head.data.header.message.slot),
    headRoot: head.data.root,
    justifiedEpoch: Number(fin.data.current_justified.epoch),
    finalizedEpoch: Number(fin.data.finalized.epoch),
    finalizedRoot: fin.data.finalized.root,
    isSyncing: syncing?.data.is_syncing ?? false,
    syncDistance: Number(syncing?.data.sync_distance ?? 0),
  };
}

/** The node's libp2p peer id and listen addresses (/eth/v1/node/identity). */
export async function readIdentity(restUrl: string): Promise<{ peerId: string; p2pAddresses: string[] } | null> {
  const id = await getJson<Data<{ peer_id: string; p2p_addresses: string[] }>>(`${restUrl}/eth/v1/node/identity`);
  return id ? { peerId: id.data.peer_id, p2pAddresses: id.data.p2p_addresses } : null;
}

/**
 * POST /btc20/v1/debug/network/deny (btc20-node --debug-api): disconnects and refuses these peers until the next
 * call; an empty list heals. Returns the denied list the node reports.
 */
export async function denyPeers(restUrl: string, peerIds: string[]): Promise<string[]> {
  const res = await fetch(`${restUrl}/btc20/v1/debug/network/deny`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ peer_ids: peerIds }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`POST ${restUrl}/btc20/v1/debug/network/deny: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as Data<{ denied: string[] }>).data.denied;
}

/** Balances (gwei) of validators `indices` in the node's state at `stateId` (head, a slot, ...). */
export async function readBalances(restUrl: string, stateId: string, indices: number[]): Promise<number[]> {
  const q = indices.map((i) => `id=${i}`).join("&");
  const r = await getJson<Data<{ index: string; balance: string }[]>>(
    `${restUrl}/eth/v1/beacon/states/${stateId}/validator_balances?${q}`,
  );
  if (!r) throw new Error(`${restUrl}: no state ${stateId}`);
  const byIndex = new Map(r.data.map((b) => [Number(b.index), Number(b.balance)]));
  return indices.map((i) => byIndex.get(i) ?? Number.NaN);
}
