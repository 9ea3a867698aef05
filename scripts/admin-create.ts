// npm run admin:create -- --email you@example.org --name "Your Name" [--role staff]
// Makes the first admin (or any staff account). The password comes from
// ADMIN_PASSWORD, or is asked for on the terminal (not echoed).
import { parseArgs } from "node:util";
import readline from "node:readline";
import { Writable } from "node:stream";
import "./lib/load-dotenv.ts";
import { createStaffAccount } from "../lib/auth/create-staff-account.ts";
import { disconnectDb } from "../lib/core/db.ts";
import { openDatabaseOrExit } from "./lib/database.ts";
import { localAppSecret } from "./lib/local-secret.ts";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } },
});
if (!values.email || !values.name || (values.role !== "admin" && values.role !== "staff")) {
  console.error('Usage: npm run admin:create -- --email you@example.org --name "Your Name" [--role admin|staff]');
  process.exit(2);
}

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    console.error("Set ADMIN_PASSWORD, or run this in a terminal to type the password.");
    process.exit(2);
  }
  // Typed characters must not show, but the prompt must: readline redraws its
  // line on question() (which erased a prompt written before it), so the
  // prompt goes through readline and only what follows it is muted.
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stdout.write(chunk, encoding);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  const answer = await new Promise<string>((resolve) => {
    rl.question("Password (at least 12 characters, not a common one): ", resolve);
    muted = true;
  });
  rl.close();
  process.stdout.write("\n");
  return answer;
}

const database = await openDatabaseOrExit();
process.env.DATABASE_URL = database.databaseUrl;
process.env.APP_SECRET ||= localAppSecret();
try {
  const result = await createStaffAccount({
    email: values.email,
    name: values.name,
    role: values.role,
    password: await askPassword(),
  });
  if (result.outcome === "invalid") {
    for (const problem of result.problems) console.error(problem);
    process.exitCode = 2;
  } else if (result.outcome === "exists") {
    console.error(`An account for ${values.email} exists already.`);
    process.exitCode = 2;
  } else {
    console.log(`Created the ${values.role} account for ${values.email}. Sign in at /staff/sign-in.`);
  }
} finally {
  await disconnectDb();
  await database.embedded?.stop();
}
