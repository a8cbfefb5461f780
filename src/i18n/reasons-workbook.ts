/**
 * Wording of the workbook layer's reasons (files that cannot be read, what the reader noticed, rows
 * left out of grading), merged into REASONS in reasons.ts.
 */
export const FILE_REASONS = {
  "workbook.encrypted": {
    en: '"{file}" is password-protected: save an unprotected copy in Excel (File › Info › Protect Workbook) and grade that',
    zh: "「{file}」设有密码保护：请在 Excel 中另存一份不加密的副本（文件 › 信息 › 保护工作簿）再分级",
  },
  "workbook.oldFormat": {
    en: '"{file}" is an old Excel 97-2003 workbook: save it as .xlsx in Excel',
    zh: "「{file}」是旧版 Excel 97-2003 工作簿：请在 Excel 中另存为 .xlsx",
  },
  "workbook.notAWorkbook": {
    en: '"{file}" is not an Excel workbook: use a .xlsx or .csv file',
    zh: "「{file}」不是 Excel 工作簿：请使用 .xlsx 或 .csv 文件",
  },
  "workbook.truncated": {
    en: '"{file}" is damaged or incomplete (was the download or copy cut short?): open it in Excel, save it again and retry',
    zh: "「{file}」已损坏或不完整（下载或复制是否中断？）：请在 Excel 中打开、重新保存后再试",
  },
  "workbook.noSuchSheet": {
    en: 'there is no sheet "{sheet}" (sheets: {sheets})',
    zh: "没有名为「{sheet}」的工作表（工作表：{sheets}）",
  },
  "workbook.noVisibleSheet": {
    en: '"{file}" has no visible sheet: unhide one in Excel',
    zh: "「{file}」没有可见的工作表：请在 Excel 中取消隐藏",
  },
  "cli.hintSheet": {
    en: "or name a hidden sheet with --sheet",
    zh: "或用 --sheet 指定一个隐藏的工作表",
  },
  "workbook.hiddenSkipped": {
    en: 'hidden sheet(s) {hidden} skipped: graded "{sheet}", the first visible tab (choose another sheet to grade it instead)',
    zh: "已跳过隐藏的工作表 {hidden}：分级的是第一个可见的工作表「{sheet}」（如需分级其他工作表，请另行选择）",
  },
  "workbook.formulasNotCalculated": {
    en: 'sheet "{sheet}", column(s) {columns}: formulas without calculated values (the file was not saved by Excel): open it in Excel, recalculate, save, and grade again',
    zh: "工作表「{sheet}」第 {columns} 列：公式没有计算结果（文件不是由 Excel 保存的）：请在 Excel 中打开、重新计算并保存后再分级",
  },
  "workbook.outExtension": {
    en: '--out must end in .csv, .json or .xlsx (got "{out}")',
    zh: "--out 必须以 .csv、.json 或 .xlsx 结尾（收到「{out}」）",
  },
  "workbook.outFolderMissing": {
    en: 'cannot write "{out}": the folder "{folder}" does not exist',
    zh: "无法写入「{out}」：文件夹「{folder}」不存在",
  },
  "workbook.outIsInput": {
    en: '--out "{out}" is the input file: choose another name, or add --overwrite to replace it',
    zh: "--out「{out}」就是输入文件：请换一个文件名，或加上 --overwrite 覆盖它",
  },
  "workbook.outXlsxNeedsWorkbook": {
    en: "--out {out}: a graded .xlsx is written from a .xlsx, .xlsm or .csv input",
    zh: "--out {out}：只有 .xlsx、.xlsm 或 .csv 输入才能输出分级后的 .xlsx",
  },
  "table.unitsRow": {
    en: "a units row under the header ({units}), not a customer: left out",
    zh: "表头下的单位行（{units}），不是客户：未分级",
  },
  "table.totalRow": {
    en: 'a total row ("{label}"), not a customer: left out',
    zh: "合计行（「{label}」），不是客户：未分级",
  },
  "table.sumRow": {
    en: "a total row (its numbers are the sums of the columns above), not a customer: left out",
    zh: "合计行（其数字是上方各列之和），不是客户：未分级",
  },
  "table.footnote": {
    en: 'a note under the table ("{text}"), not a customer: left out',
    zh: "表格下方的注释（「{text}」），不是客户：未分级",
  },
  "table.duplicateHeader": {
    en: 'columns {columns} are all called "{header}": they are shown with their letters; choose the one to grade in the column list',
    zh: "第 {columns} 列都叫「{header}」：已在列名后标出列字母；请在列映射中选择要分级的那一列",
  },
  "table.decimalComma": {
    en: 'column "{column}" writes decimals with a comma (12,50 = 12.5): read that way throughout, so 1,500 there is 1.5',
    zh: "「{column}」列用逗号作小数点（12,50 即 12.5）：整列都按此读取，其中 1,500 即 1.5",
  },
  "table.decimalMixed": {
    en: 'column "{column}" mixes decimal commas (12,50) and decimal points (1,234.50): check rows {rows}; cells that are not plain numbers are not graded',
    zh: "「{column}」列混用了小数逗号（12,50）和小数点（1,234.50）：请检查第 {rows} 行；不能明确读取的单元格不参与分级",
  },
  "table.blankRow": {
    en: "a blank row: left out",
    zh: "空行：未分级",
  },
  "workbook.notXlsx": {
    en: "cannot read the workbook: it is not a valid .xlsx file ({detail})",
    zh: "无法读取工作簿：这不是有效的 .xlsx 文件（{detail}）",
  },
  "workbook.fileType": {
    en: 'cannot read "{file}": use a .xlsx or .csv file⟦xls| (save it as .xlsx in Excel)⟧',
    zh: "无法读取「{file}」：请使用 .xlsx 或 .csv 文件⟦xls|（请在 Excel 中另存为 .xlsx）⟧",
  },
  "workbook.noFile": {
    en: 'cannot open "{file}": no such file',
    zh: "无法打开「{file}」：文件不存在",
  },
  "workbook.isFolder": {
    en: 'cannot open "{file}": it is a folder, not a file',
    zh: "无法打开「{file}」：这是文件夹，不是文件",
  },
  "workbook.permissionDenied": {
    en: 'cannot open "{file}": permission denied',
    zh: "无法打开「{file}」：没有权限",
  },
  "workbook.cannotOpen": {
    en: 'cannot open "{file}": {detail}',
    zh: "无法打开「{file}」：{detail}",
  },
} as const;
