# syntax=docker/dockerfile:1
# Hearth's container: built in one stage (all dependencies, `npm run build`), run from another that
# holds only the compiled server, the built web app and the production dependencies, as a
# non-root user. `docker build -t hearth .`; compose.yaml runs two instances behind Caddy.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# Compilers for the native modules (better-sqlite3, argon2) when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build -- --force \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    HEARTH_DATA_DIR=/var/lib/hearth
WORKDIR /app
# The code stays owned by root: the user the server runs as can read it, not change it.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /var/lib/hearth && chown node:node /var/lib/hearth
USER node
# The SQLite database when DATABASE_URL is not set (compose.yaml uses PostgreSQL).
VOLUME ["/var/lib/hearth"]
EXPOSE 3000
# Ready = the database answers, accepts a write and is migrated (src/server/modules/health).
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1's only process: SIGTERM reaches the server, which stops within
# HEARTH_SHUTDOWN_TIMEOUT_SECONDS (keep the orchestrator's grace period longer than that).
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/main.js"]
