# syntax=docker/dockerfile:1
#
# The app as a team deploys it: Next's standalone server (NEXT_OUTPUT=standalone), built in one
# stage and run in a slim one with production dependencies only. The SuperTokens core is not in
# this image: run a real core (docker-compose.yml runs one with PostgreSQL). The browser spec
# e2e/specs/34-standalone-server.spec.ts runs the same server layout without Docker.
#
#   docker build --build-arg NEXT_PUBLIC_WEBSITE_DOMAIN=https://app.example.com -t ssr-session-flow .
#   docker run -p 3000:3000 -e SUPERTOKENS_CONNECTION_URI=… -e SUPERTOKENS_API_KEY=… \
#     -e SUPERTOKENS_EMAIL_DELIVERY=smtp -e SMTP_HOST=… -e SMTP_PORT=… -e SMTP_FROM=… -e SMTP_PASSWORD=… ssr-session-flow
#
# Without SUPERTOKENS_CONNECTION_URI or SUPERTOKENS_EMAIL_DELIVERY the container stops at start
# and says what to set.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# NEXT_PUBLIC_* values are inlined into the client bundle: the origin users open, and whether
# email verification is required, are build arguments, not run-time settings.
ARG NEXT_PUBLIC_WEBSITE_DOMAIN=http://localhost:3000
ARG NEXT_PUBLIC_API_DOMAIN=
ARG NEXT_PUBLIC_EMAIL_VERIFICATION=
ENV NEXT_PUBLIC_WEBSITE_DOMAIN=${NEXT_PUBLIC_WEBSITE_DOMAIN} \
    NEXT_PUBLIC_API_DOMAIN=${NEXT_PUBLIC_API_DOMAIN} \
    NEXT_PUBLIC_EMAIL_VERIFICATION=${NEXT_PUBLIC_EMAIL_VERIFICATION} \
    NEXT_OUTPUT=standalone \
    NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# The standalone folder holds server.js and the traced node_modules; static files go beside it.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/about').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
