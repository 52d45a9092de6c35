import type { Database } from './database.ts';
import type { AppRegistration } from './reference-target-options.ts';

/** Stores the registered apps, replacing an earlier registration of the same client id. */
export async function registerApps(db: Database, apps: AppRegistration[]): Promise<void> {
  for (const app of apps) {
    await db.query(
      `insert into applications (client_id, client_secret, name, redirect_uris)
        values ($1, $2, $3, $4) on conflict (client_id) do update
        set client_secret = excluded.client_secret, name = excluded.name,
          redirect_uris = excluded.redirect_uris`,
      [app.clientId, app.clientSecret, app.name, app.redirectUris],
    );
  }
}
