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
    const form = document.getElementById(id)?.closest("form");
    if (!form) return;
    // The widget's code is fetched when the supporter first enters the form,
    // not with the page: a phone's first seconds go to showing the form.
    const start = () => {
      form.removeEventListener("focusin", start);
      void import("altcha")
        .then(() => customElements.whenDefined("altcha-widget"))
        .then(() => {
          const widget = document.getElementById(id) as Widget | null;
          // It starts on the form's focus itself, but that focus came before it was there.
          if (widget?.getState?.() === "unverified") void widget.verify?.();
        });
    };
    if (form.contains(document.activeElement)) start();
    else form.addEventListener("focusin", start);
    return () => form.removeEventListener("focusin", start);
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
