import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit's settings: `npm run db:generate` writes a SQL migration into lib/db/migrations for
 * what changed in lib/db/schema.ts. Hangar applies them itself when it starts (lib/db/database.server.ts).
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './lib/db/migrations',
});
