"use client";
// The ALTCHA widget: with JavaScript it solves a proof of work from our own
// /api/proof-of-work while the supporter fills in the form, and adds the
// solution to the form as the `altcha` field. Without JavaScript it is inert
// and the server applies a stricter rate limit instead.
import { createElement, useEffect, useId } from "react";

type Widget = HTMLElement & { getState?: () => string; verify?: () => Promise<unknown> };

export function ProofOfWorkField() {
  const id = useId();
  useEffect(() => {
    void import("altcha")
      .then(() => customElements.whenDefined("altcha-widget"))
      .then(() => {
        // The widget starts on the form's focus, but it is loaded after the
        // page: a supporter (on a slow phone) may already be in a field.
        const element = document.getElementById(id) as Widget | null;
        if (element?.closest("form")?.contains(document.activeElement) && element.getState?.() === "unverified")
          void element.verify?.();
      });
  }, [id]);
  return createElement("altcha-widget", {
    id,
    challenge: "/api/proof-of-work",
    name: "altcha",
    auto: "onfocus",
    // No artificial floor (the widget's default waits at least 500 ms): the
    // work runs while the supporter types, and what it costs is the work.
    configuration: JSON.stringify({ minDuration: 0 }),
  });
}
