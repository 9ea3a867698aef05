// `npm run admin:create` in a terminal, as an admin runs it: the command runs
// under a pseudo-terminal (util-linux `script`), the test types the password
// once the prompt shows. Before the fix readline erased the prompt (the
// command looked hung) and a broken password rule was printed twice.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";

const prompt = "Password (at least 12 characters, not a common one): ";
const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/** Runs the command in a terminal; types `password` when the prompt has been printed. Resolves with all it printed. */
function runInTerminal(email: string, password: string): Promise<{ output: string; code: number | null }> {
  const command = [
    "npx",
    "tsx",
    "--conditions=react-server",
    "scripts/admin-create.ts",
    "--email",
    email,
    "--name",
    "Sam Admin",
  ]
    .map(quote)
    .join(" ");
  const env = { ...process.env };
  delete env.ADMIN_PASSWORD;
  const child = spawn("script", ["-qec", command, "/dev/null"], { env, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  let typed = false;
  const read = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (!typed && output.includes(prompt)) {
      typed = true;
      child.stdin.write(`${password}\r`);
    }
  };
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ output, code }));
  });
}

/**
 * What the terminal shows, line by line: the cursor moves (ESC [n G, carriage
 * return) and erasures (ESC [0K, ESC [0J) readline writes are applied, so a
 * prompt printed and then erased does not count as shown.
 */
function screen(output: string): string[] {
  const lines: string[] = [];
  let line = "";
  let cursor = 0;
  for (const [token] of output.matchAll(/\x1b\[(\d*)([A-Za-z])|\r|\n|[^\x1b\r\n]/g)) {
    const control = /^\x1b\[(\d*)([A-Za-z])$/.exec(token);
    if (control) {
      const [, n, command] = control;
      if (command === "G") cursor = Math.max(0, Number(n || 1) - 1);
      if (command === "K" || command === "J") line = line.slice(0, cursor);
    } else if (token === "\r") cursor = 0;
    else if (token === "\n") {
      lines.push(line);
      line = "";
      cursor = 0;
    } else {
      line = line.slice(0, cursor).padEnd(cursor) + token + line.slice(cursor + 1);
      cursor += 1;
    }
  }
  return [...lines, line];
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("npm run admin:create", () => {
  it("shows its password prompt, hides what is typed and names a broken rule once", async () => {
    const { output, code } = await runInTerminal(`admin-${randomUUID().slice(0, 8)}@campaigns.example`, "short");
    expect(screen(output).map((line) => line.trimEnd())).toContain(prompt.trimEnd());
    expect(occurrences(output, "password: Use at least 12 characters.")).toBe(1);
    expect(output).not.toContain("short");
    expect(code).toBe(2);
  });

  it("creates the account with the typed password", async () => {
    const email = `admin-${randomUUID().slice(0, 8)}@campaigns.example`;
    const password = "a long unusual passphrase 42";
    const { output, code } = await runInTerminal(email, password);
    expect(output).toContain(`Created the admin account for ${email}.`);
    expect(output).not.toContain(password);
    expect(code).toBe(0);
    expect(await db().staffUser.findUnique({ where: { email }, select: { role: true } })).toEqual({ role: "admin" });
  });
});
