# Tổ Dân Bot. Not built in CI (Docker does not run on the project's machines);
# see docs/deploy.md for what was and was not checked.
FROM node:20-bookworm-slim

# better-sqlite3 falls back to compiling when its prebuilt binary cannot be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/todan-bot
COPY package.json package-lock.json ./
# postinstall generates the Prisma clients; prisma/ and prisma.config.ts must be there first.
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
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
CMD ["npm", "start"]
