import type { Adapter, AdapterPayload, ClientMetadata } from 'oidc-provider';

interface Stored {
  payload: AdapterPayload;
  /** Real-time expiry in ms; oidc-provider dates its artifacts by the wall clock. */
  expiresAt: number;
}

/**
 * oidc-provider's persistence, in memory and per simulator. Clients live apart from the rest so
 * that a reset forgets sessions, grants and tokens but keeps registered relying parties, and so
 * that clients can be added after the provider is built: oidc-provider looks up every client it
 * was not configured with through the `Client` model's adapter (docs: "adapter").
 */
export class ProviderStorage {
  readonly #clients = new Map<string, ClientMetadata>();
  readonly #records = new Map<string, Stored>();
  /** Secondary indexes oidc-provider queries: session uid -> key, grant id -> keys. */
  readonly #byUid = new Map<string, string>();
  readonly #byGrant = new Map<string, Set<string>>();

  registerClient(metadata: ClientMetadata): void {
    this.#clients.set(metadata.client_id, structuredClone(metadata));
  }

  hasClient(clientId: string): boolean {
    return this.#clients.has(clientId);
  }

  clientIds(): string[] {
    return [...this.#clients.keys()];
  }

  /** Forgets sessions, interactions, grants and tokens; keeps clients. */
  clear(): void {
    this.#records.clear();
    this.#byUid.clear();
    this.#byGrant.clear();
  }

  /** The `adapter` factory for oidc-provider's configuration. */
  readonly adapter = (model: string): Adapter =>
    model === 'Client' ? this.#clientAdapter() : this.#modelAdapter(model);

  #clientAdapter(): Adapter {
    const clients = this.#clients;
    const unsupported = async () => {
      throw new Error('Failed to change a client: register clients with registerClient()');
    };
    return {
      find: async (id) => structuredClone(clients.get(id)),
      upsert: unsupported,
      findByUid: async () => undefined,
      findByUserCode: async () => undefined,
      consume: unsupported,
      destroy: unsupported,
      revokeByGrantId: async () => undefined,
    };
  }

  #modelAdapter(model: string): Adapter {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => this.#upsert(key(id), payload, expiresIn),
      find: async (id) => this.#find(key(id)),
      findByUid: async (uid) => {
        const found = this.#byUid.get(uid);
        return found === undefined ? undefined : this.#find(found);
      },
      findByUserCode: async () => undefined,
      consume: async (id) => {
        const stored = this.#find(key(id));
        // oidc-provider stores `consumed` in seconds since the epoch (memory_adapter.js).
        if (stored !== undefined) stored.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => this.#destroy(key(id)),
      revokeByGrantId: async (grantId) => {
        for (const member of this.#byGrant.get(grantId) ?? []) this.#destroy(member);
        this.#byGrant.delete(grantId);
      },
    };
  }

  #upsert(key: string, payload: AdapterPayload, expiresIn?: number): void {
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
    this.#records.set(key, { payload, expiresAt });
    if (key.startsWith('Session:') && typeof payload.uid === 'string') {
      this.#byUid.set(payload.uid, key);
    }
    if (typeof payload.grantId === 'string') {
      const members = this.#byGrant.get(payload.grantId) ?? new Set<string>();
      members.add(key);
      this.#byGrant.set(payload.grantId, members);
    }
  }

  #find(key: string): AdapterPayload | undefined {
    const stored = this.#records.get(key);
    if (stored === undefined) return undefined;
    if (stored.expiresAt > Date.now()) return stored.payload;

    this.#destroy(key);
    return undefined;
  }

  #destroy(key: string): void {
    const stored = this.#records.get(key);
    this.#records.delete(key);
    if (stored === undefined) return;

    const { uid, grantId } = stored.payload;
    if (typeof uid === 'string' && this.#byUid.get(uid) === key) this.#byUid.delete(uid);
    if (typeof grantId === 'string') this.#byGrant.get(grantId)?.delete(key);
  }
}
