// The zero-setup database: PostgreSQL compiled to WASM (PGlite), served over
// the ordinary wire protocol on a loopback port, so the app, Prisma's
// migrations and psql talk to it exactly as they talk to a real server.
//
// PGlite is one single-user backend. Its socket server can multiplex clients
// over that backend, but then two clients' transactions interleave, so we
// allow one connection at a time and run the app with a pool of one.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = {
  databaseUrl: string;
  stop(): Promise<void>;
};

export async function startEmbeddedPostgres(options: {
  /** Folder that keeps the data between runs; omit for an in-memory database. */
  dataDir?: string;
  port: number;
  host?: string;
}): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = new PGLiteSocketServer({ db: pglite, port: options.port, host, maxConnections: 16 });
  await server.start();
  return {
    databaseUrl: `postgresql://postgres:postgres@${host}:${options.port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
