// @ts-check
// Lint that holds the code's shape (README "Code layout"):
//   app/ → components/ → lib/, never back; lib/ never imports scripts/;
//   pages and components never touch the database client (they render view models from lib/);
//   a pure rule module (a lib/ file with a unit test beside it) imports no Prisma and no Next.js.
import fs from "node:fs";
import path from "node:path";
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** lib/**\/x.ts with a unit test x.test.ts beside it: the pure rules. */
function pureRuleModules(dir = "lib") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : pureRuleModules(full);
    const match = /^(.*)\.test\.ts$/.exec(entry.name);
    if (!match || entry.name.endsWith(".integration.test.ts")) return [];
    const rules = path.join(dir, `${match[1]}.ts`);
    return fs.existsSync(rules) ? [rules.split(path.sep).join("/")] : [];
  });
}

const DATABASE = [
  { group: ["@/lib/db/*", "@/lib/generated/prisma/client", "@/lib/generated/prisma/client/*", "@prisma/*", "pg"], message: "Pages and components render view models: load data through a lib/ use case." },
];
const BACK_TO_APP = { group: ["@/app/*", "@/app/**"], message: "components/ and lib/ never import from app/: pass the action as a prop, or keep the component beside its route (app/**/_components)." };

const LIB_BOUNDARIES = [
  BACK_TO_APP,
  { group: ["@/components/*", "@/components/**"], message: "lib/ is below components/: it never imports UI." },
  { group: ["@/scripts/*", "@/scripts/**", "**/scripts/*", "**/scripts/**"], message: "lib/ never imports scripts/: scripts are entry points that use lib/." },
];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", ".test-data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Control characters are what several modules look for on purpose (the redirect gate, COPY text, CSV names).
      "no-control-regex": "off",
      // `import()` type annotations are how a few declaration modules refer to others.
      "@typescript-eslint/consistent-type-imports": ["error", { disallowTypeAnnotations: false }],
    },
  },
  {
    // React code only: elsewhere a `use…` name (useTestDatabase) is no hook.
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    // CommonJS configuration files.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [BACK_TO_APP, ...DATABASE] }] },
  },
  {
    files: ["app/**/page.tsx", "app/**/layout.tsx", "app/**/_components/**/*.{ts,tsx}", "app/**/loading.tsx", "app/**/error.tsx", "app/**/not-found.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: DATABASE }] },
  },
  {
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: LIB_BOUNDARIES,
        },
      ],
    },
  },
  {
    files: pureRuleModules(),
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...LIB_BOUNDARIES,
            ...DATABASE.map((p) => ({ ...p, message: "A pure rule module (it has a unit test) imports no database code: move the query into a use case." })),
            { group: ["next", "next/*", "next-intl/server", "server-only"], message: "A pure rule module imports no Next.js: it runs in unit tests as it is." },
          ],
        },
      ],
    },
  },
  {
    // Tests may reach into scripts/ (the launcher's pure helpers are unit-tested there).
    files: ["**/*.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
