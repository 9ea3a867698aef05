// The zero-setup database on a laptop: another local process cannot get in
// without the generated password or read its files, a second copy of the
// app takes another port instead of dying, and a command run beside the app
// uses the running server instead of opening the same folder twice.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_EMBEDDED_PORT, embeddedFiles, openDatabase, type DatabaseHandle } from "../../scripts/lib/database";

const folders: string[] = [];
const opened: DatabaseHandle[] = [];

function freshFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "lc-embedded-"));
  folders.push(folder);
  return path.join(folder, "pglite");
}

async function open(
  dataDir: string,
  extra: Record<string, string | undefined> = {},
  command?: string,
): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    command,
    environment: { EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: "0", ...extra },
  });
  opened.push(handle);
  return handle;
}

async function connectError(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

function everythingBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true }).map((name) => path.join(folder, String(name)));
}

afterAll(async () => {
  for (const handle of opened.reverse()) await handle.embedded?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("the embedded database", () => {
  it("lets in only a client with the generated password", async () => {
    const dataDir = freshFolder();
    const database = await open(dataDir);
    const password = readFileSync(embeddedFiles(dataDir).password, "utf8").trim();
    expect(password.length).toBeGreaterThanOrEqual(40);
    expect(database.databaseUrl).toContain(encodeURIComponent(password));

    expect(await connectError(database.databaseUrl)).toBeNull();
    expect(await connectError(withCredentials(database.databaseUrl, "postgres", "postgres"))).toBe(
      'password authentication failed for user "postgres"',
    );
    expect(await connectError(withCredentials(database.databaseUrl, "intruder", password))).toMatch(
      /role "intruder" does not exist/,
    );
  });

  it("keeps its folder and every file in it readable by their owner alone", async () => {
    const dataDir = freshFolder();
    await open(dataDir);
    const files = embeddedFiles(dataDir);
    const exposed = [dataDir, files.password, files.running, ...everythingBelow(dataDir)].filter(
      (file) => (statSync(file).mode & 0o077) !== 0,
    );
    expect(exposed).toEqual([]);
  });

  it("takes another port when its usual one is busy, and says so", async () => {
    const blocker = net.createServer();
    const blocked = await new Promise<boolean>((resolve) => {
      blocker.once("error", () => resolve(false)); // already taken: by another run, which proves the point too
      blocker.listen(DEFAULT_EMBEDDED_PORT, "127.0.0.1", () => resolve(true));
    });
    try {
      const database = await open(freshFolder(), { EMBEDDED_DB_PORT: undefined });
      expect(database.embedded?.port).not.toBe(DEFAULT_EMBEDDED_PORT);
      expect(database.describe).toContain(`port ${DEFAULT_EMBEDDED_PORT} is busy`);
      expect(await connectError(database.databaseUrl)).toBeNull();
    } finally {
      if (blocked) await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("names the busy port plainly when EMBEDDED_DB_PORT asks for it", async () => {
    const first = await open(freshFolder());
    await expect(open(freshFolder(), { EMBEDDED_DB_PORT: String(first.embedded!.port) })).rejects.toThrow(
      `Port ${first.embedded!.port} (EMBEDDED_DB_PORT) is taken by another program.`,
    );
  });

  it("is found by a command run beside the app, and refuses a second app on the same folder", async () => {
    const dataDir = freshFolder();
    const app = await open(dataDir, {}, "start");
    const command = await open(dataDir);
    expect(command.embedded).toBeNull();
    expect(command.describe).toBe(`the embedded PostgreSQL of the running app (port ${app.embedded!.port})`);
    expect(await connectError(command.databaseUrl)).toBeNull();
    await expect(open(dataDir, {}, "start")).rejects.toThrow(
      /The app of this folder is already running \(process \d+, database port \d+\)/,
    );
  });

  it("refuses to run a production campaign unless asked explicitly", async () => {
    await expect(open(freshFolder(), { NODE_ENV: "production" })).rejects.toThrow(
      /NODE_ENV=production but DATABASE_URL is not set\. The embedded database is for trying the app/,
    );
    const allowed = await open(freshFolder(), { NODE_ENV: "production", EMBEDDED_DB_IN_PRODUCTION: "true" });
    expect(await connectError(allowed.databaseUrl)).toBeNull();
  });
});
