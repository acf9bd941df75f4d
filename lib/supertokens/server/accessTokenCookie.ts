/** The cookie supertokens-node keeps the access token in. */
export const ACCESS_TOKEN_COOKIE = 'sAccessToken';
