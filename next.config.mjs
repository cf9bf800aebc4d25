/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A separate build folder lets benchmarks and E2E build beside a running dev build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  // The policy editor's catalog lives in content-hashed folders (scripts/build-editor-catalog.mjs):
  // a folder never changes, so browsers may keep it; only /catalog/manifest.json is revalidated.
  async headers() {
    return [
      {
        source: "/catalog/:version([0-9a-f]{16})/:path*",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
};

export default nextConfig;
