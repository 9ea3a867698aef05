# syntax=docker/dockerfile:1
# One image for the three processes of a deployment (compose.yaml, docs/DEPLOY.md):
#   web      scripts/serve.ts: Next.js behind the per-process page cache (the default command below)
#   worker   scripts/worker.ts through tsx (what `npm run worker` runs)
#   migrate  npm run db:migrate (one-off, before web and worker start)
# Build: docker build -t letter-campaigns .
# This project's CI does not build it (no access to image registries there).

ARG NODE_IMAGE=node:24-bookworm-slim

# --- dependencies --------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
# What `npm ci` needs, its postinstall included (which generates the
# Prisma client from prisma/schema.prisma through scripts/prisma.ts).
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
# Exactly the locked versions, for this platform (linux x64 or arm64): the
# lock file is complete (README.md, "The lock file and install scripts").
RUN npm ci --no-audit --no-fund

# --- build ---------------------------------------------------------------------
FROM deps AS build
# Everything a clean clone has (.dockerignore): `next build` type-checks the
# whole project, tests and benchmarks included.
COPY . .
RUN npm run build && rm -rf .next/cache

# --- runtime -------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# No telemetry, and no update checks to outside hosts from production.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
# The whole built tree, node_modules included: the worker and the migration
# step run TypeScript through tsx and migrate with the Prisma CLI, both
# devDependencies, so they cannot be pruned. Owned by root: the app never
# writes to its own folder (only Next.js's cache folder is left writable).
COPY --from=build /app /app
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
# The web process. Migrations are NOT applied here: run the `migrate` step
# first (compose.yaml does). Health check: GET /api/campaigns (compose.yaml).
# What `npm start` runs too: `next start` with public pages rendered at most
# about once a second per address and language, each answer with a fresh CSP
# nonce (scripts/serve.ts, docs/DEPLOY.md). tsx runs the TypeScript.
CMD ["node", "--import", "tsx", "scripts/serve.ts", "--hostname", "0.0.0.0", "--port", "3000"]
