/**
 * Wording of the reasons raised where Tier meets real Excel (issue 19): the custom functions' limits
 * and the workbook host's refusals (a protected sheet, a cell being edited, a range too large).
 * Spread into `REASONS` (`./reasons.ts`), which checks each wording.
 */
export const WORKBOOK_REASONS = {
  "workbook.outsideExcel": {
    en: "Tier's pane runs inside Excel: open the workbook in Excel and start Tier from the Home tab, or use the tier command line",
    zh: "Tier 任务窗格只能在 Excel 中运行：请在 Excel 中打开工作簿，从“开始”选项卡启动 Tier，或使用 tier 命令行",
  },
  "workbook.unsupported": {
    en: "Tier needs Excel 2021 or later, Microsoft 365 (version 2002 or later), Excel for Mac 16.35 or later, or Excel on the web; this Excel lacks {need} (Excel 2019 and Excel on iPad do not run Tier): update Excel, open the workbook in Excel on the web, or use the tier command line",
    zh: "Tier 需要 Excel 2021 或更高版本、Microsoft 365（版本 2002 或更高）、Mac 版 Excel 16.35 或更高版本，或 Excel 网页版；此 Excel 缺少{need}（Excel 2019 和 iPad 版 Excel 无法运行 Tier）：请更新 Excel，在 Excel 网页版中打开工作簿，或使用 tier 命令行",
  },
  "functions.errorArgument": {
    en: "{name} is the error {error}: fix the cell it comes from",
    zh: "{name}是错误值{error}：请修正它引用的单元格",
  },
  "functions.tooManyRows": {
    en: "{name} has {rows} rows; a TIER function takes at most {limit}: grade a list this long in the Tier pane or with the tier command line",
    zh: "{name}有{rows}行，TIER 函数最多处理{limit}行：这么长的名单请用 Tier 任务窗格或 tier 命令行分级",
  },
  "workbook.protected": {
    en: 'sheet "{sheet}" is protected, so Tier cannot write to it: unprotect it (Review › Unprotect Sheet) and run again; nothing was changed',
    zh: "工作表「{sheet}」受保护，Tier 无法写入：请先撤销保护（审阅 › 撤消工作表保护），再运行；未做任何改动",
  },
  "workbook.accessDenied": {
    en: 'Excel did not let Tier change sheet "{sheet}": the sheet or the workbook structure is protected, or the file is read-only. Unprotect it (Review › Unprotect Sheet, Review › Protect Workbook) and run again',
    zh: "Excel 不允许 Tier 修改工作表「{sheet}」：工作表或工作簿结构受保护，或文件为只读。请撤销保护（审阅 › 撤消工作表保护、审阅 › 保护工作簿）后再运行",
  },
  "workbook.cellEdit": {
    en: "Excel is waiting for the cell you are editing: press Enter or Esc, then run Tier again",
    zh: "Excel 正在等待您正在编辑的单元格：请按 Enter 或 Esc，然后重新运行 Tier",
  },
  "workbook.rowTooLarge": {
    en: 'row {row} of sheet "{sheet}" is too large for Excel to hand to an add-in ({columns} columns): delete the stray cells far to the right, or use the tier command line on the saved file',
    zh: "工作表「{sheet}」第{row}行太大，Excel 无法交给加载项（{columns}列）：请删除右侧远处的零散单元格，或对保存的文件使用 tier 命令行",
  },
  "workbook.hiddenRows": {
    en: "{rows} hidden or filtered-out rows are graded like the others",
    zh: "有{rows}行被隐藏或筛选掉，这些行也会照常分级",
  },
  "workbook.totalRow": {
    en: "the table's total row (row {row}) is not a customer and is not graded",
    zh: "表格的汇总行（第{row}行）不是客户，不参与分级",
  },
  "workbook.settings": {
    en: "Tier could not read or save its settings in the workbook: {message}",
    zh: "Tier 无法读取或保存工作簿中的设置：{message}",
  },
} as const;
