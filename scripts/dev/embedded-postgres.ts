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
//
// PGlite itself accepts any user and any password as superuser, so any local
// process could read or rewrite the database. The server therefore asks each
// client for the password with SCRAM-SHA-256 (what PostgreSQL does), before a
// single byte reaches PGlite.
import { chmodSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { ScramVerifier } from "./scram-server.ts";

export type EmbeddedPostgres = {
  databaseUrl: string;
  port: number;
  stop(): Promise<void>;
};

/** The one role the embedded server knows. */
export const EMBEDDED_USER = "postgres";

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
  /** 0 lets the system pick a free port; the chosen one is returned. */
  port: number;
  host?: string;
  /** Every client must give it (SCRAM-SHA-256). */
  password: string;
}): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  if (options.dataDir) {
    // PGlite creates its files 0666; the owner alone may read the database.
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(options.dataDir, 0o700);
  }
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  // A new data folder is unpacked with explicit 0666/0777 modes, past the umask.
  if (options.dataDir) restrictToOwner(options.dataDir);
  const verifier = new ScramVerifier(options.password);
  const gate = new BackendGate();
  const sockets = new Set<net.Socket>();
  let nextClient = 1;

  const server = net.createServer((socket) => {
    const client = nextClient++;
    sockets.add(socket);
    socket.setNoDelay(true); // small replies must not wait for Nagle's algorithm
    let buffer = Buffer.alloc(0);
    let started = false;
    let startup: Uint8Array | null = null;
    let scram: ReturnType<ScramVerifier["exchange"]> | null = null;
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
            const user = startupParameter(message, "user");
            if (user !== EMBEDDED_USER) {
              refuse(
                socket,
                "28000",
                `role "${user ?? ""}" does not exist (the embedded database has only "${EMBEDDED_USER}")`,
              );
              return;
            }
            startup = new Uint8Array(message);
            scram = verifier.exchange();
            socket.write(authenticationMessage(10, Buffer.from("SCRAM-SHA-256\0\0")));
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
        if (scram) {
          // Nothing but the password exchange until it succeeds.
          const answer = type === "p" ? scram.receive(Buffer.from(message.subarray(5))) : null;
          if (!answer || answer.kind === "refused") {
            refuse(socket, "28P01", `password authentication failed for user "${EMBEDDED_USER}"`);
            return;
          }
          if (answer.kind === "continue") {
            socket.write(authenticationMessage(11, answer.data));
            continue;
          }
          socket.write(authenticationMessage(12, answer.data));
          scram = null;
          const accepted = startup!;
          work = work.then(() => run(accepted, true));
          continue;
        }
        if (type === "X") {
          socket.end(); // Terminate: the backend is shared, so it stays up
          return;
        }
        work = work
          .then(() => run(message, type === "S" || type === "Q"))
          .catch((error: unknown) => {
            socket.destroy(error instanceof Error ? error : undefined);
          });
      }
    });
    socket.on("close", () => void leave());
    socket.on("error", () => socket.destroy());
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, host, () => resolve());
    });
  } catch (error) {
    await pglite.close();
    throw error;
  }
  const port = (server.address() as net.AddressInfo).port;

  return {
    databaseUrl: `postgresql://${EMBEDDED_USER}:${encodeURIComponent(options.password)}@${host}:${port}/postgres?sslmode=disable`,
    port,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pglite.close();
    },
  };
}

/** A value from the startup message (user, database, ...). */
function startupParameter(message: Buffer, name: string): string | undefined {
  const fields = message.subarray(8).toString("utf8").split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

/** AuthenticationSASL (10), SASLContinue (11) or SASLFinal (12). */
function authenticationMessage(code: number, data: Buffer): Buffer {
  const message = Buffer.alloc(9 + data.length);
  message.write("R", 0);
  message.writeInt32BE(8 + data.length, 1);
  message.writeInt32BE(code, 5);
  data.copy(message, 9);
  return message;
}

/** A FATAL ErrorResponse, as PostgreSQL sends it, then the connection ends. */
function refuse(socket: net.Socket, sqlState: string, text: string): void {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${sqlState}\0M${text}\0\0`);
  const message = Buffer.alloc(5 + fields.length);
  message.write("E", 0);
  message.writeInt32BE(4 + fields.length, 1);
  fields.copy(message, 5);
  socket.end(message);
}

/** Takes group and other permissions off a file or folder and, unless shallow, everything below it. */
export function restrictToOwner(target: string, options: { shallow?: boolean } = {}): void {
  const stats = statSync(target);
  if ((stats.mode & 0o077) !== 0) chmodSync(target, stats.mode & 0o700);
  if (!stats.isDirectory()) return;
  for (const name of readdirSync(target)) {
    const child = path.join(target, name);
    if (options.shallow && statSync(child).isDirectory()) continue;
    restrictToOwner(child);
  }
}
