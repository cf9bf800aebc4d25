// Publishes the compiled catalog to public/catalog/ for the policy editor, which fetches it from
// our own origin on demand: public/catalog/<hash>/catalog.json (names, access levels, resource
// types, condition keys) and public/catalog/<hash>/descriptions/<service>.json. The folder name
// is a hash of the content, so next.config.mjs can let browsers cache it for good; only the tiny
// public/catalog/manifest.json, which names the current folder, is revalidated. Runs at
// postinstall after scripts/build-catalog.mjs.
// Usage: node scripts/build-editor-catalog.mjs
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sourceDir = path.join(repoRoot, "lib/iam/catalog/generated");
const sourceCatalog = path.join(sourceDir, "catalog.json");
const sourceDescriptions = path.join(sourceDir, "descriptions");
const publicDir = path.join(repoRoot, "public/catalog");

if (!existsSync(sourceCatalog)) {
  console.error("editor catalog: lib/iam/catalog/generated/catalog.json is missing; run node scripts/build-catalog.mjs first");
  process.exit(1);
}

const catalogText = readFileSync(sourceCatalog);
const descriptionFiles = readdirSync(sourceDescriptions).filter((name) => name.endsWith(".json")).sort();
const hash = createHash("sha256").update(catalogText);
for (const name of descriptionFiles) hash.update(name).update(readFileSync(path.join(sourceDescriptions, name)));
const version = hash.digest("hex").slice(0, 16);
const versionDir = path.join(publicDir, version);

if (existsSync(path.join(versionDir, "catalog.json")) && existsSync(path.join(publicDir, "manifest.json"))) {
  console.log(`editor catalog: up to date (public/catalog/${version})`);
} else {
  rmSync(publicDir, { recursive: true, force: true });
  mkdirSync(path.join(versionDir, "descriptions"), { recursive: true });
  copyFileSync(sourceCatalog, path.join(versionDir, "catalog.json"));
  for (const name of descriptionFiles) {
    copyFileSync(path.join(sourceDescriptions, name), path.join(versionDir, "descriptions", name));
  }
  const manifest = { version, catalog: `/catalog/${version}/catalog.json`, descriptions: `/catalog/${version}/descriptions/` };
  // Written last: an interrupted run leaves no manifest pointing at a half-written folder.
  writeFileSync(path.join(publicDir, "manifest.json"), JSON.stringify(manifest));
  const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
  console.log(
    `editor catalog: public/catalog/${version}: catalog.json ${kb(catalogText.length)} ` +
      `(${kb(gzipSync(catalogText).length)} gzip), ${descriptionFiles.length} description files`,
  );
}
