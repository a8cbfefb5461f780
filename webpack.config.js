// Builds the shared-runtime page (task pane + custom functions), functions.json from JSDoc, and the
// standalone page. Office.js itself is the only script loaded from outside (see taskpane.html).
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FunctionsJsonPlugin } from "./scripts/functions-json.js";

const dir = path.dirname(fileURLToPath(import.meta.url));
const devCerts = async () => {
  // Only the dev server needs the localhost certificate Office trusts for sideloading.
  const certs = await import("office-addin-dev-certs");
  const options = await certs.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
};

export default async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = process.env.WEBPACK_SERVE === "true";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // The functions word their errors with the reasons catalogue, installed by its own module: the
      // functions layer itself imports only the engine.
      functions: ["./src/i18n/reasons.ts", "./src/functions/functions.ts"],
      taskpane: "./src/taskpane/index.tsx",
      standalone: "./src/standalone/index.tsx",
    },
    output: {
      path: path.resolve(dir, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000, hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // allowErrorForDataTypeAny on, allowCustomDataForDataTypeAny off (scripts/functions-json.js).
      new FunctionsJsonPlugin("functions.json"),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "standalone.html",
        template: "./src/standalone/standalone.html",
        chunks: ["standalone"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The fallback copy of Office.js (taskpane.html loads it when Microsoft's CDN cannot be
          // reached): the loader, the Excel hosts' scripts and the zh-CN and en-US strings only.
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: {
              ignore: ["**/*.debug.js", "**/*.d.ts"],
            },
            filter: (file) =>
              /[\\/](office|o15apptofilemappingtable|custom-functions-runtime|es6-promise|excel[\w.-]*)\.js$/i.test(
                file,
              ) || /[\\/](en-us|zh-cn)[\\/]office_strings\.js$/i.test(file),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: path.join(dir, "dist") },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await devCerts() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
  };
};
