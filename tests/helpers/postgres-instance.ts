// A private PostgreSQL server the test controls: its own data folder in the
// temporary directory, its own port, started, stopped and crashed with
// pg_ctl. For tests that restart the database under a running app.
// PostgreSQL refuses to run as root, so under root every command runs as the
// `postgres` system user (runuser), which then owns the data folder.
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port";
import { postgresAnswers } from "./test-database";

const run = promisify(execFile);

/** The folder holding initdb, pg_ctl and postgres: PG_BIN, pg_config, or Debian's /usr/lib/postgresql/<version>/bin. */
export function postgresBinaries(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  try {
    candidates.push(
      execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(),
    );
  } catch {
    // no pg_config on the PATH
  }
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

export type StopMode = "fast" | "immediate";

export class PostgresInstance {
  readonly dataDir: string;
  private readonly asPostgres = process.getuid?.() === 0;

  private constructor(
    private readonly bin: string,
    readonly port: number,
  ) {
    this.dataDir = mkdtempSync(path.join(tmpdir(), "lc-reliability-pg-"));
    if (this.asPostgres) chownSync(this.dataDir, userId("postgres"), groupId("postgres"));
  }

  /** initdb into a fresh temporary folder, then start on `port` (a free one by default). */
  static async create(port?: number): Promise<PostgresInstance> {
    const bin = postgresBinaries();
    if (!bin) throw new Error("No PostgreSQL binaries found (set PG_BIN to the folder holding initdb and pg_ctl).");
    const instance = new PostgresInstance(bin, port ?? (await freePort()));
    await instance.command("initdb", [
      "-D",
      instance.dataDir,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--no-sync",
      "--locale=C",
    ]);
    await instance.start();
    return instance;
  }

  /** Superuser URL of the `postgres` database (trust authentication, loopback only). */
  get adminUrl(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  urlOf(database: string): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server and returns once pg_ctl says it accepts connections. */
  async start(): Promise<void> {
    // Unix socket in the data folder: never collides with the machine's own server.
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dataDir} -c max_connections=100`;
    await this.command("pg_ctl", [
      "start",
      "-w",
      "-t",
      "60",
      "-D",
      this.dataDir,
      "-l",
      path.join(this.dataDir, "server.log"),
      "-o",
      options,
    ]);
  }

  /**
   * "fast" ends every session and shuts down cleanly; "immediate" kills the
   * server processes like a crash (recovery from the WAL at the next start).
   */
  async stop(mode: StopMode = "fast"): Promise<void> {
    await this.command("pg_ctl", ["stop", "-w", "-t", "60", "-D", this.dataDir, "-m", mode]);
  }

  /** True once a new connection gets an answer to SELECT 1. */
  async accepts(): Promise<boolean> {
    return postgresAnswers(this.adminUrl, 1_000);
  }

  async query(sql: string, database = "postgres"): Promise<void> {
    const client = new pg.Client({ connectionString: this.urlOf(database) });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  /** Stops the server (if running) and deletes its data folder. */
  async destroy(): Promise<void> {
    await this.command("pg_ctl", ["stop", "-w", "-D", this.dataDir, "-m", "immediate"]).catch(() => {});
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async command(name: string, args: string[]): Promise<string> {
    const file = path.join(this.bin, name);
    const [command, commandArgs] = this.asPostgres
      ? ["runuser", ["-u", "postgres", "--", file, ...args]]
      : [file, args];
    try {
      const { stdout } = await run(command, commandArgs, { encoding: "utf8", cwd: tmpdir() });
      return stdout;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`${name} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`, { cause: error });
    }
  }
}

function userId(name: string): number {
  return Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
}

function groupId(name: string): number {
  return Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
}
