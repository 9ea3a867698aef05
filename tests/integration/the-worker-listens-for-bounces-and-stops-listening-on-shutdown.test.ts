// `npm run worker` (and so `npm start`, which runs it) starts the bounce
// listener on BOUNCE_LISTEN_HOST:BOUNCE_LISTEN_PORT beside the delivery
// worker: a letter it sent and that bounces is marked, through that port; on
// SIGTERM the worker closes the listener and exits.
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BounceListener } from "@/lib/bounces/bounce-listener";
import { db } from "@/lib/core/db";
import { returnPathAddress } from "@/lib/delivery/return-path";
import { deliveryReport, sendReport } from "../helpers/bounces";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { freePort } from "../helpers/free-port";
import { SmtpSink } from "../helpers/smtp-sink";
import { waitFor } from "../helpers/worker-process";

process.env.MAIL_RETURN_PATH_DOMAIN = "campaigns.example";

const sink = new SmtpSink();
let worker: ChildProcess;
let output = "";

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });

describe("the worker's bounce listener", () => {
  beforeAll(async () => {
    await sink.start();
    await resetDatabase();
  });
  afterAll(async () => {
    if (worker.exitCode === null) worker.kill("SIGKILL");
    await sink.stop();
  });

  it("takes a bounce for a letter the worker sent, then closes with the worker", async () => {
    const port = await freePort();
    worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
      env: {
        NODE_ENV: "production",
        PATH: process.env.PATH,
        DATABASE_URL: process.env.DATABASE_URL,
        EMBEDDED_DATABASE: process.env.TEST_EMBEDDED_DB === "1" ? "true" : "false",
        APP_SECRET: process.env.APP_SECRET,
        PUBLIC_URL: "http://localhost:3000",
        MAIL_RETURN_PATH_DOMAIN: "campaigns.example",
        SMTP_URL: sink.url,
        MAIL_FROM_ADDRESS: "letters@campaigns.example",
        DELIVERY_PER_DOMAIN_PER_MINUTE: "10000",
        DELIVERY_HOURS: "0-24",
        DELIVERY_PACING: "off",
        BOUNCE_LISTEN_HOST: "127.0.0.1",
        BOUNCE_LISTEN_PORT: String(port),
        NODE_OPTIONS: "",
        ...Object.fromEntries(
          ["TZ", "LANG", "LC_ALL", "LD_PRELOAD", "FAKETIME", "FAKETIME_DONT_FAKE_MONOTONIC"]
            .filter((name) => process.env[name])
            .map((name) => [name, process.env[name]]),
        ),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    worker.stdout!.on("data", (chunk: Buffer) => (output += chunk));
    worker.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    await waitFor("the bounce listener", () => output.includes(`Bounce listener on 127.0.0.1:${port}`));

    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign);
    const message = await db().deliveryMessage.findFirstOrThrow({ where: { signatureId, toAddress: "fsb@fsb.ru" } });
    await waitFor(
      "the worker to send the letter",
      async () => (await db().deliveryMessage.findUniqueOrThrow({ where: { id: message.id } })).status === "sent",
    );
    const returnPath = returnPathAddress({ kind: "delivery", id: message.id });
    expect(sink.received.find((m) => m.parsed.messageId === message.messageIdHeader)?.envelopeFrom).toBe(returnPath);

    const listener = { port } as BounceListener;
    await sendReport(listener, returnPath, deliveryReport({ returnPath, recipient: "fsb@fsb.ru", status: "5.1.1" }));
    expect(await db().deliveryMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "failed",
      outcome: "bounced_hard",
    });

    const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await refused(port)).toBe(true);
    // What it logged names no address.
    expect(output).not.toContain("fsb@fsb.ru");
  });
});
