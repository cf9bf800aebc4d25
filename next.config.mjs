import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A separate build folder lets benchmarks and E2E build beside a running dev build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  turbopack: {
    rules: {
      // Monaco's worker helper pulls in every editor feature: see scripts/monaco-workers-loader.cjs.
      "*.js": {
        condition: { path: /monaco-editor[\\/]esm[\\/]vs[\\/]internal[\\/]common[\\/]workers\.js$/ },
        loaders: [path.join(root, "scripts/monaco-workers-loader.cjs")],
        as: "*.js",
      },
    },
  },
  // The policy editor's catalog lives in content-hashed folders (scripts/build-editor-catalog.mjs):
  // a folder never changes, so browsers may keep it; only /catalog/manifest.json is revalidated.
  async headers() {
    return [
      {
        // Every response, pages and API alike (the pages' CSP comes from proxy.ts with its nonce).
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        source: "/catalog/:version([0-9a-f]{16})/:path*",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
};

export default nextConfig;
