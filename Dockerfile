# Tổ Dân Bot. Not built in CI (Docker does not run on the project's machines);
# test/e2e/process.test.ts runs this file's ENTRYPOINT + CMD outside Docker, and
# docs/deploy.md says what else was and was not checked.

# Production dependencies, compiled where needed (better-sqlite3 falls back to
# compiling when its prebuilt binary cannot be fetched).
FROM node:20-bookworm-slim AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/todan-bot
COPY package.json package-lock.json ./
# postinstall generates the Prisma clients; prisma/ and prisma.config.ts must be there first.
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --omit=dev && npm cache clean --force

# dist/: the TypeScript compiled, with the dev dependencies (TypeScript) on top.
FROM deps AS build
RUN npm ci && npm cache clean --force
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# What runs: Node, tini as PID 1 (it hands SIGTERM to the bot and reaps),
# the production dependencies, dist/, the migrations with the shim, the texts.
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/todan-bot
COPY --from=deps /opt/todan-bot/node_modules ./node_modules
COPY --from=build /opt/todan-bot/dist ./dist
COPY package.json prisma.config.ts ./
COPY prisma ./prisma
COPY locales ./locales

RUN useradd --system --home /opt/todan-bot todan && mkdir -p data && chown todan:todan data
USER todan

ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080
EXPOSE 8080
VOLUME ["/opt/todan-bot/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:8080/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# One process gets the signals: dist/start.js applies pending migrations (a child it waits for),
# then runs the bot itself, which stops cleanly on SIGTERM. Without tini: `docker run --init`.
# The V8 heap flags keep the process near 220 MiB with 10,000 flows open instead of about 480;
# the same flags are in deploy/todan-bot.service and package.json (docs/deploy.md, "Memory").
ENTRYPOINT ["tini", "--"]
CMD ["node", "--max-semi-space-size=1", "--max-old-space-size=256", "dist/start.js"]
