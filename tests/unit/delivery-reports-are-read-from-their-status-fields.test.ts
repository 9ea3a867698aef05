// Reports that come back are read from their machine-readable part (RFC 3464
// message/delivery-status, ARF message/feedback-report), as Postfix, Exim and
// Gmail write them; what they quote of the letter is never read or kept.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readReport, reportDetail } from "@/lib/bounces/read-report";

const fixture = (name: string) => readFileSync(`tests/fixtures/mail-reports/${name}`);

describe("reading a report that came back", () => {
  it("reads Postfix's unknown user as a permanent failure, without the address", async () => {
    const report = await readReport(fixture("postfix-user-unknown.eml"));
    expect(report).toEqual({
      kind: "bounce",
      permanent: true,
      status: "5.1.1",
      action: "failed",
      diagnostic: "550 5.1.1 <[address]>: Recipient address rejected: User unknown in virtual mailbox table",
    });
    if (report.kind === "bounce") expect(reportDetail(report)).toMatch(/^5\.1\.1: 550 5\.1\.1 <\[address\]>/);
  });

  it("reads Exim's full mailbox as a temporary failure, and keeps nothing of the letter", async () => {
    const report = await readReport(fixture("exim-mailbox-full.eml"));
    expect(report).toMatchObject({
      kind: "bounce",
      permanent: false,
      status: "4.2.2",
      diagnostic: "452 4.2.2 Mailbox full",
    });
    expect(JSON.stringify(report)).not.toContain("Prosecutor");
  });

  it("reads Gmail's report with its folded diagnostic", async () => {
    const report = await readReport(fixture("gmail-no-such-user.eml"));
    expect(report).toMatchObject({ kind: "bounce", permanent: true, status: "5.1.1" });
    if (report.kind !== "bounce") throw new Error("expected a bounce");
    expect(report.diagnostic).toMatch(/^550-5\.1\.1 The email account that you tried to reach does not exist\. /);
    expect(report.diagnostic).not.toContain("\n");
    expect(report.diagnostic!.length).toBeLessThanOrEqual(300);
  });

  it("reads an ARF report as a complaint", async () => {
    expect(await readReport(fixture("arf-abuse.eml"))).toEqual({ kind: "complaint", feedbackType: "abuse" });
  });

  it("leaves a delay notice alone: the relay is still trying", async () => {
    expect(await readReport(fixture("postfix-delayed.eml"))).toEqual({ kind: "delay", status: "4.4.1" });
  });

  it("does not read the human text of a message that is not a report", async () => {
    const plain = "From: someone@example.org\nSubject: Re: your letter\n\n550 5.1.1 User unknown, said the server.\n";
    expect(await readReport(plain)).toEqual({ kind: "other" });
    expect(await readReport("\u0000not mail at all")).toEqual({ kind: "other" });
  });
});
