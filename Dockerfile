# relief-bot: one image for every transport. Build: docker build -t relief-bot .
# `npm ci` bundles the TypeScript into dist/ (the prepare script); the image keeps only runtime dependencies.

# --- build: native modules (better-sqlite3) need a compiler when no prebuilt binary fits ---
# Node 24 is the current LTS (Node 20 reached end of life in April 2026); the code also runs on 20.12+ and 22.
FROM node:24-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# whatsapp-web.js pulls in puppeteer; the runtime uses Debian's chromium instead of a downloaded one.
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .puppeteerrc.cjs ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
COPY data/locales ./data/locales
COPY data/areas ./data/areas
COPY data/drill ./data/drill
COPY tsconfig.json README.md ./
# Development dependencies (esbuild) only for the build, which `npm ci` runs; then dropped.
RUN npm ci && npm prune --omit=dev && npm cache clean --force

# --- runtime ---
FROM node:24-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-color-emoji tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    CHROMIUM_PATH=/usr/bin/chromium \
    PUPPETEER_SKIP_DOWNLOAD=true \
    PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium \
    DATABASE_PATH=/var/lib/relief-bot/relief.db \
    WHATSAPP_SESSION_DIR=/var/lib/relief-bot/wwebjs \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080
WORKDIR /app
COPY --from=build /app /app
# Shipped data (locales, areas, the drill) stays in the image under /app/data, so an upgrade brings the new catalogs.
# State (the ledger, exports written next to it, the WhatsApp session) lives in its own volume.
RUN mkdir -p /var/lib/relief-bot/exports /var/lib/relief-bot/wwebjs && chown -R node:node /var/lib/relief-bot
USER node
VOLUME ["/var/lib/relief-bot"]
EXPOSE 8080
# node:*-slim has no curl; Node's own fetch does the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini forwards SIGTERM to node, which stops gracefully (intake off, in-flight work finished, database closed).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "src/relief-bot.js", "start"]
