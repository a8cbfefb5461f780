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
  "functions.notSingleCell": {
    en: "{name} must be a single cell, not a range",
    zh: "{name}必须是单个单元格，不能是区域",
  },
  "functions.columnMissing": {
    en: "{name} is missing: select a column of cells",
    zh: "缺少{name}：请选择一列单元格",
  },
  "functions.notRange": {
    en: "{name} must be a range (one column of cells)",
    zh: "{name}必须是区域（一列单元格）",
  },
  "functions.notOneColumn": {
    en: "{name} must be one column, not {columns} columns: select a single column",
    zh: "{name}必须是一列，而不是{columns}列：请只选择一列",
  },
  "functions.rowsDiffer": {
    en: "{first} has {rows} rows but {name} has {other}: select ranges of the same rows (e.g. B2:B100 and C2:C100)",
    zh: "{first}有{rows}行，但{name}有{other}行：请选择行数相同的区域（如 B2:B100 和 C2:C100）",
  },
  "functions.badLang": {
    en: 'lang must be "en" or "zh" (got "{lang}")',
    zh: "lang 必须是“en”或“zh”（收到“{lang}”）",
  },
  "functions.notRowOrColumn": {
    en: "{name} must be one row or one column, not {rows} rows × {columns} columns",
    zh: "{name}必须是一行或一列，而不是{rows}行 × {columns}列",
  },
  "functions.listValue": {
    en: "{name}: value {k} is not usable ({reason})",
    zh: "{name}：第{k}个值无法使用（{reason}）",
  },
  "functions.emptyList": {
    en: "{name} is empty: give at least one number",
    zh: "{name}为空：请至少给出一个数字",
  },
  "functions.blankName": {
    en: "{name}: name {k} is blank",
    zh: "{name}：第{k}个名称为空",
  },
  "functions.fixedNeedsThresholds": {
    en: "method fixed needs its thresholds: give a range of 3 rows (R in days, F, M) × bins-1 columns instead of the word",
    zh: "fixed 方法需要门槛值：请给出 3 行（R 以天计、F、M）× (bins-1) 列的区域，而不是这个词",
  },
  "functions.badMethod": {
    en: 'method must be "quantile", "rfm-r" or a range of thresholds (got "{method}")',
    zh: "method 必须是“quantile”、“rfm-r”或门槛值区域（收到“{method}”）",
  },
  "functions.thresholdRows": {
    en: "fixed thresholds must be 3 rows (R in days, F, M) × bins-1 columns (got {rows} rows)",
    zh: "固定门槛必须是 3 行（R 以天计、F、M）× (bins-1) 列（实际为{rows}行）",
  },
  "functions.tableNotRange": {
    en: "table must be a range with columns name, r_min, r_max, f_min, f_max, m_min, m_max",
    zh: "table 必须是包含 name、r_min、r_max、f_min、f_max、m_min、m_max 列的区域",
  },
  "functions.tableWidth": {
    en: "table must have 7 columns (name, r_min, r_max, f_min, f_max, m_min, m_max) or 8 (a Chinese name last); got {columns}",
    zh: "table 必须有 7 列（name、r_min、r_max、f_min、f_max、m_min、m_max）或 8 列（最后一列为中文名）；实际为{columns}列",
  },
  "functions.tableCell": {
    en: "segment table row {row}: {column} is {reason}",
    zh: "分群表第{row}行：{column}为{reason}",
  },
  "functions.tableEmpty": {
    en: "table has no segment rows",
    zh: "table 中没有分群行",
  },
  "functions.pyramidNames": {
    en: "{cuts} cuts make {levels} levels: give {levels} names",
    zh: "{cuts}个分界点分出{levels}层：请给出{levels}个名称",
  },
  "functions.pyramidNameCount": {
    en: "{cuts} cuts make {levels} levels, but there are {names} names",
    zh: "{cuts}个分界点分出{levels}层，但有{names}个名称",
  },
  "functions.levelNames": {
    en: "there are {thresholds} thresholds but {names} names: give one name per threshold",
    zh: "有{thresholds}个门槛，但有{names}个名称：请为每个门槛给出一个名称",
  },
  "functions.ratingsNotRange": {
    en: "ratings must be a range: one row per customer, one column per criterion",
    zh: "ratings 必须是区域：每位客户一行，每项标准一列",
  },
  "functions.gridCuts": {
    en: "{name} must be 2 numbers [low, high] (got {count})",
    zh: "{name}必须是 2 个数字 [低, 高]（实际为{count}个）",
  },
  "functions.windowsCells": {
    en: "windows has {cells} cells; give at most 5: lost days, at-risk days, new days, loyal purchases, regular purchases",
    zh: "windows 有{cells}个单元格；最多 5 个：流失天数、风险天数、新客天数、忠诚购买次数、常客购买次数",
  },
  "functions.windowValue": {
    en: "windows: {key} is {reason}",
    zh: "windows：{key}为{reason}",
  },
  "functions.badUnit": {
    en: 'unit must be "week", "day" or "month" (got "{unit}")',
    zh: "unit 必须是“week”、“day”或“month”（收到“{unit}”）",
  },
  "workbook.noSheetNamed": {
    en: 'there is no sheet named "{sheet}"',
    zh: "没有名为「{sheet}」的工作表",
  },
  "workbook.headerCount": {
    en: "{headers} headers for {columns} output columns",
    zh: "{headers}个表头对应{columns}个输出列",
  },
  "workbook.columnLengths": {
    en: "the output columns do not all have the same number of rows",
    zh: "各输出列的行数不一致",
  },
  "workbook.outputTooLarge": {
    en: 'the output does not fit on sheet "{sheet}"',
    zh: "工作表「{sheet}」放不下输出结果",
  },
} as const;
