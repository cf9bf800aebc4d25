// Lint: Next's core-web-vitals rules, typescript-eslint's recommended rules, and the house's
// layers (STYLE.md) as import restrictions: lib/iam is a pure engine; browser code never reaches
// the database; outside lib/iam only its two entries are imported.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

/** Patterns of @typescript-eslint/no-restricted-imports, each with the reason it gives. */
const restrict = (regex, message, options = {}) => ({ regex, message, ...options });

// Modules that only run on the server: the data layer, Prisma, and whatever imports "server-only".
const SERVER_ONLY = [
  restrict("^@/lib/(data|generated)(/|$)", "The data layer runs on the server only: take its results as props or fetch them through lib/queries."),
  restrict("^@/lib/(db|catalog/load|api/(route|body))$", "This module is server-only."),
  restrict("^(@prisma/|prisma$)", "Prisma runs on the server only."),
  restrict("^server-only$", "Browser code cannot import server-only modules."),
];
// Type imports are erased at build time, so they cannot pull server code into a bundle.
const SERVER_ONLY_VALUES = SERVER_ONLY.map((pattern) => ({ ...pattern, allowTypeImports: true }));

// Outside lib/iam the engine has two doors: lib/iam/index.ts (server) and lib/iam/client.ts (browser).
// Its own rule name (the core one) so that its severity stays apart from the layers' errors.
const IAM_INTERNALS = restrict("^(@/lib/iam|(\\.{1,2}/)+(lib/)?iam)/(?!client$)", "Import the engine through @/lib/iam (server) or @/lib/iam/client (browser), not its internals.");
// Browser code takes the engine from its browser entry, which leaves out evaluate, access and sweep.
const IAM_SERVER_ENTRY = restrict("^@/lib/iam$", "Browser code imports the engine from @/lib/iam/client.", { allowTypeImports: true });

// The engine is pure TypeScript: no app module, framework, database or server marker.
const APP_IN_ENGINE = [
  restrict("^@/(?!lib/iam(/|$))", "lib/iam imports nothing from the app: the catalog and documents are handed in."),
  restrict("^(next|react|react-dom)(/|$)", "lib/iam is framework-free."),
  ...SERVER_ONLY,
];
// Engine tests may load the real catalog and the managed-policy fixtures, still without the app.
const APP_IN_ENGINE_TESTS = [
  restrict("^@/(?!lib/iam(/|$)|lib/catalog/load$|prisma/seed/)", "Engine tests import the engine and its fixtures only."),
  ...APP_IN_ENGINE.slice(1).filter((pattern) => !pattern.regex.includes("catalog/load")),
];

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "tests/**"];
const BROWSER = ["components/**", "lib/queries/**", "lib/editor/**"];

/** A file marked "use client" is browser code wherever it lives: it gets the browser's restrictions. */
const clientBoundary = {
  meta: {
    type: "problem",
    docs: { description: "Forbid server-only imports in files marked \"use client\"." },
    schema: [],
    messages: { serverImport: "\"use client\" file imports {{source}}: {{reason}}" },
  },
  create(context) {
    const first = context.sourceCode.ast.body[0];
    const isClient = first?.type === "ExpressionStatement" && first.directive === "use client";
    if (!isClient) return {};
    const patterns = [...SERVER_ONLY, IAM_SERVER_ENTRY].map((p) => ({ ...p, test: new RegExp(p.regex) }));
    const check = (node) => {
      if (node.importKind === "type" || node.exportKind === "type") return;
      const source = node.source?.value;
      if (typeof source !== "string") return;
      const hit = patterns.find((p) => p.test.test(source));
      if (hit) context.report({ node, messageId: "serverImport", data: { source, reason: hit.message } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const SOURCES = ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"];

export default tseslint.config(
  {
    ignores: [
      ".next*/**",
      ".tmp/**",
      "lib/generated/**",
      "lib/iam/catalog/generated/**",
      "public/catalog/**",
      "test-results/**",
      "playwright-report/**",
      "data/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a parameter kept for its signature (lib/api/route.ts's authorize).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.cjs"],
    // CommonJS files (a preload, a Turbopack loader) load their modules with require().
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    name: "layers/iam-entries",
    files: SOURCES,
    ignores: ["lib/iam/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [IAM_INTERNALS] }] },
  },
  {
    name: "layers/use-client",
    files: SOURCES,
    ignores: [...BROWSER, ...TESTS],
    plugins: { layers: { rules: { "client-boundary": clientBoundary } } },
    rules: { "layers/client-boundary": "error" },
  },
  {
    name: "layers/browser",
    files: BROWSER,
    ignores: TESTS,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...SERVER_ONLY_VALUES, IAM_SERVER_ENTRY] }] },
  },
  {
    name: "layers/engine",
    files: ["lib/iam/**"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: APP_IN_ENGINE }],
      // Relative paths too: nothing outside lib/iam but packages (jsonc-parser).
      "import/no-restricted-paths": ["error", { zones: [{ target: "./lib/iam", from: ".", except: ["./lib/iam", "./node_modules"], message: "lib/iam imports nothing from the app." }] }],
    },
  },
  {
    name: "layers/engine-tests",
    files: TESTS.map((glob) => `lib/iam/${glob}`),
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: APP_IN_ENGINE_TESTS }] },
  },
);
