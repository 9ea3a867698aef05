// The zero-setup database: PostgreSQL compiled to WASM (PGlite), served over
// the ordinary wire protocol on a loopback port, so the app, Prisma's
// migrations and psql talk to it exactly as they talk to a real server.
//
// PGlite is one single-user backend. @electric-sql/pglite-socket multiplexes
// clients message by message, which interleaves one client's Parse/Bind/
// Execute with another's ("unnamed prepared statement does not exist"). So we
// serve it ourselves through a gate: a client holds the backend from its
// first message to the end of the cycle (Sync or a simple Query), and for the
// whole of a transaction. Other clients wait their turn.
import { mkdirSync } from "node:fs";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";

export type EmbeddedPostgres = {
  databaseUrl: string;
  stop(): Promise<void>;
};

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const SYNC_MESSAGE = new Uint8Array([0x53, 0, 0, 0, 4]);

/** One owner at a time; the owner may re-enter. */
class BackendGate {
  private owner: number | null = null;
  private waiting: (() => void)[] = [];

  async acquire(client: number): Promise<void> {
    while (this.owner !== null && this.owner !== client) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.owner = client;
  }

  holds(client: number): boolean {
    return this.owner === client;
  }

  release(client: number): void {
    if (this.owner !== client) return;
    this.owner = null;
    this.waiting.shift()?.();
  }
}

export async function startEmbeddedPostgres(options: {
  /** Folder that keeps the data between runs; omit for an in-memory database. */
  dataDir?: string;
  port: number;
  host?: string;
}): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const gate = new BackendGate();
  const sockets = new Set<net.Socket>();
  let nextClient = 1;

  const server = net.createServer((socket) => {
    const client = nextClient++;
    sockets.add(socket);
    socket.setNoDelay(true); // small replies must not wait for Nagle's algorithm
    let buffer = Buffer.alloc(0);
    let started = false;
    let work = Promise.resolve();

    const run = async (message: Uint8Array, endsCycle: boolean) => {
      await gate.acquire(client);
      const reply = await pglite.execProtocolRaw(message);
      if (reply.length > 0 && socket.writable) socket.write(reply);
      if (endsCycle && !pglite.isInTransaction()) gate.release(client);
    };

    // A client that leaves mid-cycle or mid-transaction must not leave the
    // shared backend waiting for its Sync or holding its transaction open.
    const leave = async () => {
      sockets.delete(socket);
      await work.catch(() => {});
      if (!gate.holds(client)) return;
      try {
        await pglite.execProtocolRaw(SYNC_MESSAGE);
        if (pglite.isInTransaction()) await pglite.exec("ROLLBACK");
      } finally {
        gate.release(client);
      }
    };

    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (buffer.length < length) return;
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write("N"); // no encryption on loopback
          } else if (code === CANCEL_REQUEST) {
            socket.end(); // nothing to cancel in a single in-process backend
            return;
          } else if (code === PROTOCOL_3) {
            started = true;
            const startup = new Uint8Array(message);
            work = work.then(() => run(startup, true));
          } else {
            socket.destroy();
            return;
          }
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const message = new Uint8Array(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        const type = String.fromCharCode(message[0]!);
        if (type === "X") {
          socket.end(); // Terminate: the backend is shared, so it stays up
          return;
        }
        work = work.then(() => run(message, type === "S" || type === "Q")).catch((error: unknown) => {
          socket.destroy(error instanceof Error ? error : undefined);
        });
      }
    });
    socket.on("close", () => void leave());
    socket.on("error", () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });

  return {
    databaseUrl: `postgresql://postgres:postgres@${host}:${options.port}/postgres?sslmode=disable`,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pglite.close();
    },
  };
}
