"use client";
import { startTransition, type FormEvent } from "react";

/**
 * React resets a form after its action runs, even on a refused save, and a
 * reset puts selects back to their first option. Submitting through this
 * handler runs the same action without the reset, so nothing typed is lost.
 * Without JavaScript the form still posts to the action.
 */
export function keepValuesOnSubmit(formAction: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(formData));
  };
}
