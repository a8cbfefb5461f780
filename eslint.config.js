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
    // The engine is pure: it runs the same in Excel, a browser, Node and tests.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...noNodeOrUi, "../workbook/*", "../taskpane/*", "../functions/*", "../cli/*"] },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window"],
    },
  },
  {
    // Functions: the engine and the custom functions runtime only.
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...noNodeOrUi, "../workbook/*", "../taskpane/*", "../cli/*"] },
      ],
    },
  },
  {
    // The pane never talks to Excel itself: it goes through the workbook layer.
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": ["error", "Excel"],
      "no-restricted-imports": ["error", { patterns: ["fs", "node:*", "../cli/*"] }],
    },
  },
];
