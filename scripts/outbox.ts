// npm run outbox [-- <count>]: prints the newest emails in the local outbox,
// where mail goes when SMTP_URL is not set, so the whole flow (confirmation
// links included) can be tried on a laptop. Connects to DATABASE_URL, or to
// the embedded database of a running `npm start`.
import "./lib/load-dotenv.ts";
import { simpleParser } from "mailparser";
import { readLocalOutbox } from "../lib/delivery/read-local-outbox.ts";
import { disconnectDb } from "../lib/core/db.ts";
import { openDatabaseOrExit } from "./lib/database.ts";
import { localAppSecret } from "./lib/local-secret.ts";

// The running app's embedded database, or the data folder opened here.
const database = await openDatabaseOrExit();
process.env.DATABASE_URL = database.databaseUrl;
process.env.APP_SECRET ||= localAppSecret();
const count = Number(process.argv[2] ?? 5);
try {
  const mails = await readLocalOutbox(count);
  if (mails.length === 0) console.log("The local outbox is empty.");
  for (const mail of mails.reverse()) {
    const parsed = await simpleParser(mail.raw);
    console.log(
      `\n===== ${mail.createdAt.toISOString()}\nFrom: ${parsed.from?.text ?? ""}\nTo: ${mail.toAddress}\nReply-To: ${parsed.replyTo?.text ?? "-"}\nMessage-ID: ${parsed.messageId ?? ""}\nSubject: ${parsed.subject ?? ""}\n\n${parsed.text ?? ""}`,
    );
  }
} catch (error) {
  console.error(
    `Could not read the outbox: ${error instanceof Error ? error.message : error}\nHas \`npm start\` run here once (embedded database), or is DATABASE_URL set?`,
  );
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await database.embedded?.stop();
}
