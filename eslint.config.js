// Lint: the Office add-in rules (load/sync discipline, prettier) plus the one-way layers of STYLE.md.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const noNodeOrUi = [
  "fs",
  "fs/*",
  "node:*",
  "path",
  "react",
  "react-dom",
  "@fluentui/*",
  "exceljs",
  "papaparse",
];

/** Our layers, and the ones a layer may import besides itself. */
const LAYERS = ["engine", "i18n", "workbook", "functions", "sql", "cli", "taskpane", "standalone"];
const layers = (...allowed) =>
  LAYERS.filter((l) => !allowed.includes(l)).flatMap((l) => [`../${l}`, `../${l}/*`, `**/${l}/**`]);

export default [
  { ignores: ["node_modules/", "dist/", "out/", "test-output/", "samples/", "coverage/"] },
  ...officeAddins.configs.react,
  {
    // Parse .ts and the pane's .tsx files with the project's typescript-eslint parser.
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
  },
  {
    // The Office config gives .ts the TypeScript unused-vars rule; the react preset gives .tsx the base
    // rule, which reads parameter names in function types as unused. Give .tsx the TypeScript one too.
    files: ["**/*.tsx"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: { "no-unused-vars": "off", "@typescript-eslint/no-unused-vars": "error" },
  },
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        performance: "readonly",
        window: "readonly",
        document: "readonly",
        navigator: "readonly",
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        URL: "readonly",
        Blob: "readonly",
        globalThis: "readonly",
        structuredClone: "readonly",
        queueMicrotask: "readonly",
      },
    },
    rules: {
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // The engine is pure: it runs the same in Excel, a browser, Node and tests, and builds no sentence
    // (no i18n): it returns codes and numbers.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...noNodeOrUi, ...layers("engine")] }],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window"],
    },
  },
  {
    // Functions and SQL: the engine only (the functions' wording is installed by the bundle's entry).
    files: ["src/functions/**/*.ts", "src/sql/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...noNodeOrUi, ...layers("engine")] }],
      "no-restricted-globals": ["error", "document", "window"],
    },
  },
  {
    // The workbook layer: the engine only among our layers (Node's fs in the file readers is its job).
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "@fluentui/*", ...layers("engine")] },
      ],
    },
  },
  {
    // The catalogue words what the engine returns; it knows nothing of hosts or pages.
    files: ["src/i18n/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "fs/*", "node:*", "exceljs", "papaparse", "@fluentui/*", ...layers("engine")] },
      ],
      "no-restricted-globals": ["error", "Excel", "Office"],
    },
  },
  {
    // The pane and the standalone page reach Excel and files only through the host interface.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/standalone/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": ["error", "Excel", "Office"],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "fs",
            "fs/*",
            "node:*",
            "exceljs",
            "papaparse",
            "**/cli/**",
            "**/functions/**",
            "**/sql/**",
          ],
        },
      ],
    },
  },
];
