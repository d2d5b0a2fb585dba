/** Query keys of sign-in and the session: the signed-in person (`session`) and the server's health, which the sign-in page shows. */
export const authKeys = {
  session: ['session'] as const,
  health: ['health'] as const,
};
