"use client";
// The ALTCHA widget: with JavaScript it solves a proof of work from our own
// /api/proof-of-work while the supporter fills in the form, and adds the
// solution to the form as the `altcha` field. Without JavaScript it is inert
// and the server applies a stricter rate limit instead.
import { createElement, useEffect } from "react";

export function ProofOfWorkField() {
  useEffect(() => {
    void import("altcha");
  }, []);
  return createElement("altcha-widget", {
    challenge: "/api/proof-of-work",
    name: "altcha",
    auto: "onfocus",
    // No artificial floor (the widget's default waits at least 500 ms): the
    // work runs while the supporter types, and what it costs is the work.
    configuration: JSON.stringify({ minDuration: 0 }),
  });
}
