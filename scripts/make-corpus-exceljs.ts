/**
 * The exceljs file of the workbook corpus (test/corpus/exceljs-features.xlsx): a members table in the
 * 等线 font with data validation, conditional formats, a defined name, frozen panes, a hidden row, a
 * merged title and a total row. Run by scripts/make-corpus.sh.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";

const out = process.argv[2] ?? "test/corpus";
const wb = new ExcelJS.Workbook();
wb.creator = "tier corpus";
wb.created = new Date(Date.UTC(2025, 0, 1));
wb.modified = wb.created;
const ws = wb.addWorksheet("会员", { views: [{ state: "frozen", ySplit: 2 }] });
const font = { name: "等线", size: 11 };
ws.mergeCells("A1:D1");
ws.getCell("A1").value = "2025年会员消费汇总";
ws.getRow(2).values = ["会员卡号", "姓名", "累计消费金额（元）", "消费次数"];
for (let i = 1; i <= 12; i++)
  ws.getRow(2 + i).values = [
    `VIP${1000 + i}`,
    `会员${i}`,
    Math.round(((i * 37) % 17) * 1000 + i * 13.5),
    (i % 9) + 1,
  ];
ws.getRow(15).values = [
  "合计",
  null,
  { formula: "SUM(C3:C14)", result: 0 } as ExcelJS.CellFormulaValue,
  null,
];
ws.getRow(6).hidden = true;
for (let r = 1; r <= 15; r++) for (let c = 1; c <= 4; c++) ws.getCell(r, c).font = font;
ws.getColumn(3).numFmt = "#,##0";
(ws as unknown as { dataValidations: { add(ref: string, v: object): void } }).dataValidations.add("D3:D14", {
  type: "whole",
  operator: "between",
  formulae: [1, 99],
  allowBlank: true,
});
ws.addConditionalFormatting({
  ref: "C3:C14",
  rules: [
    {
      type: "cellIs",
      operator: "greaterThan",
      formulae: [10000],
      priority: 1,
      style: { font: { bold: true } },
    },
  ],
});
wb.definedNames.add("'会员'!$C$3:$C$14", "Amounts");
// The default font of the workbook is 等线 (the first font of styles.xml), as Chinese Excel writes it.
void wb.xlsx.writeBuffer().then((buf) => {
  writeFileSync(path.join(out, "exceljs-features.xlsx"), Buffer.from(buf as ArrayBuffer));
});
