/** The server could not be asked to end the session (its refresh endpoint failed): the session lives on. */
export class SignOutNotConfirmedError extends Error {}
