/**
 * The one workbook worker: the standalone page's file and the Excel pane's grading run here, so the
 * page keeps answering (and its progress bar moving) while a large sheet is graded. What it does is
 * `worker-api.ts`; the page reaches it through Comlink (`src/standalone/worker-host.ts`,
 * `worker-grader.ts`).
 */
import * as Comlink from "comlink";
import { api } from "./worker-api";

Comlink.expose(api);
