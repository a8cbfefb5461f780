// The post-build step on functions.json. custom-functions-metadata-plugin writes the file from the
// JSDoc of src/functions/functions.ts, but two top-level flags cannot be said in JSDoc:
// - allowErrorForDataTypeAny: true. Without it Excel never calls a function whose range holds an error
//   value, so one #N/A from a VLOOKUP turns the whole spill into #N/A; with it the error arrives as an
//   error object and only that row fails. The docs say the flag "can only be used with manually
//   created JSON metadata" (custom-functions-errors, "Errors as custom function inputs"), hence this step.
// - allowCustomDataForDataTypeAny, which the plugin adds on its own: it belongs to
//   CustomFunctionsRuntime 1.4 (data types), which Excel 2021 and 2024 do not have, and Tier takes and
//   returns plain values only, so it is removed.

/**
 * The metadata as Excel should load it: the plugin's output with the two flags set right.
 *
 * @param {Record<string, unknown>} metadata the parsed functions.json
 * @returns {Record<string, unknown>} a new object; `metadata` is left as it is
 * @example finishFunctionsJson({ allowCustomDataForDataTypeAny: true, functions: [] })
 *   // { allowErrorForDataTypeAny: true, functions: [] }
 */
export function finishFunctionsJson(metadata) {
  const rest = { ...metadata };
  delete rest.allowCustomDataForDataTypeAny;
  return { allowErrorForDataTypeAny: true, ...rest };
}

const NAME = "FunctionsJsonPlugin";

/** Rewrites the emitted `file` (functions.json) with {@link finishFunctionsJson}; a missing file fails the build. */
export class FunctionsJsonPlugin {
  /** @param {string} file */
  constructor(file = "functions.json") {
    this.file = file;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.file);
          if (!asset) {
            compilation.errors.push(new WebpackError(`${NAME}: ${this.file} was not emitted`));
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          const text = JSON.stringify(finishFunctionsJson(metadata), null, 2);
          compilation.updateAsset(this.file, new sources.RawSource(text));
        },
      );
    });
  }
}
