# Hangar's production image: Next's standalone server on Node 20, run as an unprivileged user.
#   docker build -t hangar .
#   docker run -p 3000:3000 hangar                      # demo mode, built-in GitHub emulator
#   docker run -p 3000:3000 -e GITHUB_ID=… -e GITHUB_SECRET=… -e AUTH_SECRET=… -e AUTH_URL=https://… hangar
# Every setting is read when the container starts; the image itself holds no configuration.
# Policies and the audit log live in /app/.hangar-data (the embedded database) unless DATABASE_URL
# names a PostgreSQL server: keep them across containers with -v hangar-data:/app/.hangar-data.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN HANGAR_STANDALONE=1 npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/scripts/runtime-env.mjs /app/scripts/standalone.mjs ./scripts/
COPY --from=build --chown=node:node /app/lib/auth/scope-check.mjs ./lib/auth/
# The standalone output already holds the database migrations (lib/db/migrations, traced by the build).
RUN mkdir -p /app/.hangar-data && chown node:node /app/.hangar-data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "scripts/standalone.mjs"]
