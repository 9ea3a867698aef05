// A pooled send has been seen never to settle after its connection was cut;
// the mailer gives such a send up at a deadline, so the message is tried
// again instead of being held by its job for hours.
import { describe, expect, it, vi } from "vitest";
import { sendDeadlineMs, withinDeadline } from "@/lib/delivery/mailer";

describe("a mail send's deadline", () => {
  it("gives up a send that never settles, after reopening the connections", async () => {
    vi.useFakeTimers();
    try {
      const reopen = vi.fn();
      const send = withinDeadline(new Promise<never>(() => {}), sendDeadlineMs, reopen);
      const outcome = expect(send).rejects.toThrow("No answer from the mail server within 120 s.");
      await vi.advanceTimersByTimeAsync(sendDeadlineMs - 1);
      expect(reopen).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await outcome;
      expect(reopen).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it("passes on a send's answer and leaves no timer behind", async () => {
    const reopen = vi.fn();
    await expect(withinDeadline(Promise.resolve("250 OK"), sendDeadlineMs, reopen)).resolves.toBe("250 OK");
    await expect(withinDeadline(Promise.reject(new Error("421 busy")), sendDeadlineMs, reopen)).rejects.toThrow(
      "421 busy",
    );
    expect(reopen).not.toHaveBeenCalled();
  });
});
