# One image for every node: the client is built at image build time.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build-if-stale.mjs
EXPOSE 3000
USER node
CMD ["node", "scripts/start.mjs"]
