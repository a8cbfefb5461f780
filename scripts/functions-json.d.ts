import type { Compiler } from "webpack";

export function finishFunctionsJson(metadata: Record<string, unknown>): Record<string, unknown>;
export class FunctionsJsonPlugin {
  constructor(file?: string);
  readonly file: string;
  apply(compiler: Compiler): void;
}
