import { APIError } from "better-auth/api";

/**
 * Calls better-auth, which answers a refusal (a wrong password or code, a
 * step already done) with an APIError: that becomes `refused(error)`. Any
 * other error (the database down) goes on up.
 */
export async function unlessRefused<T, R>(call: () => Promise<T>, refused: (error: APIError) => R): Promise<T | R> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof APIError) return refused(error);
    throw error;
  }
}

/** A better-auth step whose own answer does not matter: `done` when it passes, `refused` when it is refused. */
export async function outcomeOf<T extends string, R extends string>(
  call: () => Promise<unknown>,
  done: T,
  refused: R,
): Promise<T | R> {
  return unlessRefused(
    async () => {
      await call();
      return done;
    },
    () => refused,
  );
}
