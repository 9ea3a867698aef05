// What staff read on the dashboard when sending to an address stopped: the
// addressee, the address and why, in their language; only admins get the
// "understood" and "resume sending" buttons.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MailPauseNotice } from "@/components/staff/mail-pause-notice";
import type { MailPause } from "@/lib/bounces/mail-pauses";

const pause: MailPause = {
  address: "ministry@mid.ru",
  addressees: ["Sergey Lavrov"],
  reason: "hard_bounces",
  hardBounces: 3,
  complaints: 0,
  lastDetail: "5.1.1: 550 5.1.1 <[address]>: User unknown",
  pausedAt: new Date("2026-12-04T10:02:00Z"),
  acknowledged: false,
};
const action = async () => {};
const render = (props: Partial<Parameters<typeof MailPauseNotice>[0]>) =>
  renderToStaticMarkup(
    createElement(MailPauseNotice, {
      pauses: [pause],
      locale: "en",
      isAdmin: true,
      understoodAction: action,
      resumeAction: action,
      ...props,
    }),
  ).replace(/<[^>]+>/g, " ");

describe("the paused-address notice", () => {
  it("names the addressee, the address and the reason, with both actions for an admin", () => {
    const text = render({});
    expect(text).toContain("Sending paused to 1 address");
    expect(text).toContain("Addressee: Sergey Lavrov");
    expect(text).toContain("Address: ministry@mid.ru");
    expect(text).toContain("3 letters to this address came back as undeliverable (hard bounce).");
    expect(text).toContain(
      "Last report from the receiving mail server: 5.1.1: 550 5.1.1 &lt;[address]&gt;: User unknown",
    );
    expect(text).toContain("Paused on Dec 4, 10:02 (UTC).");
    expect(text).toContain("Understood");
    expect(text).toContain("Resume sending");
  });

  it("says a complaint in plain words, and leaves the buttons to admins", () => {
    const text = render({ isAdmin: false, pauses: [{ ...pause, reason: "complaint", complaints: 1 }] });
    expect(text).toContain("The recipient reported our mail as spam (a complaint).");
    expect(text).not.toContain("Resume sending");
    expect(text).toContain("An admin can resume sending once the address is checked.");
  });

  it("speaks the reader's language", () => {
    expect(render({ locale: "ru" })).toContain("3 письма на этот адрес вернулись как недоставляемые");
    expect(render({ locale: "fr" })).toContain("Reprendre l’envoi");
    expect(render({ locale: "es" })).toContain("Reanudar el envío");
  });

  it("shows nothing when no address is paused", () => {
    expect(render({ pauses: [] })).toBe("");
  });
});
