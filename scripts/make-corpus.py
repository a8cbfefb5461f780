#!/usr/bin/python3
"""The workbook corpus of test/corpus: small files written by real producers, so the tests can prove
that a graded copy keeps every part of the user's package.

Run scripts/make-corpus.sh (it calls this with Debian's python3-openpyxl and LibreOffice's
python3-uno). Writes:
- openpyxl-chart.xlsx: a members table, a native bar chart (openpyxl), a hidden first sheet,
  `_x000D_` in a text cell, a formula column with no cached values.
- libreoffice-pivot.xlsx: orders, saved by LibreOffice Calc with a pivot table (DataPilot) and a chart.
- libreoffice-macro.xlsm: members in the 等线 default font with a Basic module, saved by LibreOffice as a
  macro-enabled workbook.
"""
import os
import subprocess
import sys
import time

import openpyxl
from openpyxl.chart import BarChart, Reference

OUT = sys.argv[1] if len(sys.argv) > 1 else "test/corpus"
os.makedirs(OUT, exist_ok=True)
HERE = os.path.abspath(OUT)


def members(ws, n=12):
    ws.append(["客户编号", "姓名", "累计消费金额", "消费次数"])
    for i in range(1, n + 1):
        ws.append([f"C{i:03d}", f"客户{i}", round(1000 * ((i * 37) % 17 + 1) + i * 13.5, 2), (i * 7) % 9 + 1])


def openpyxl_chart():
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "hidden notes"
    notes.sheet_state = "hidden"
    ws = wb.create_sheet("会员")
    members(ws)
    ws["F1"] = "备注"
    ws["F2"] = "line one_x000D_line two"
    ws["G1"] = "double"
    for r in range(2, 14):
        ws[f"G{r}"] = f"=C{r}*2"  # openpyxl never calculates: no cached values
    chart = BarChart()
    chart.title = "Sales"
    chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=13), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=13))
    ws.add_chart(chart, "I2")
    wb.save(os.path.join(OUT, "openpyxl-chart.xlsx"))


def orders_base(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Orders"
    ws.append(["Order ID", "Customer ID", "Order Date", "Amount"])
    import datetime

    for i in range(1, 31):
        ws.append([f"O{i:04d}", f"C{(i * 7) % 9 + 1:02d}", datetime.date(2025, 1 + i % 12, 1 + i % 27), 10.5 * ((i * 13) % 11 + 1)])
    for r in range(2, 32):
        ws[f"C{r}"].number_format = "yyyy-mm-dd"
    wb.save(path)


def libreoffice(base_orders, base_members):
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.awt import Rectangle
    from com.sun.star.table import CellAddress, CellRangeAddress

    port = 2082
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(60):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(1)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

        def prop(name, value):
            p = PropertyValue()
            p.Name, p.Value = name, value
            return p

        hidden = (prop("Hidden", True),)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(base_orders), "_blank", 0, hidden)
        sheets = doc.Sheets
        src = sheets.getByIndex(0)
        sheets.insertNewByName("Pivot", 1)
        pivot_sheet = sheets.getByName("Pivot")
        tables = src.getDataPilotTables()
        desc = tables.createDataPilotDescriptor()
        rng = CellRangeAddress()
        rng.Sheet, rng.StartColumn, rng.StartRow, rng.EndColumn, rng.EndRow = 0, 0, 0, 3, 30
        desc.setSourceRange(rng)
        fields = desc.getDataPilotFields()
        from com.sun.star.sheet.DataPilotFieldOrientation import ROW, DATA
        from com.sun.star.sheet.GeneralFunction import SUM

        cust = fields.getByIndex(1)
        cust.Orientation = ROW
        amount = fields.getByIndex(3)
        amount.Orientation = DATA
        amount.Function = SUM
        dest = CellAddress()
        dest.Sheet, dest.Column, dest.Row = 1, 0, 0
        tables.insertNewByName("SalesPivot", dest, desc)
        rect = Rectangle()
        rect.X, rect.Y, rect.Width, rect.Height = 12000, 1000, 12000, 7000
        chart_range = CellRangeAddress()
        chart_range.Sheet, chart_range.StartColumn, chart_range.StartRow = 0, 3, 0
        chart_range.EndColumn, chart_range.EndRow = 3, 30
        src.getCharts().addNewByName("Amounts", rect, (chart_range,), True, False)
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.join(HERE, "libreoffice-pivot.xlsx")),
            (prop("FilterName", "Calc MS Excel 2007 XML"),),
        )
        doc.close(True)

        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(base_members), "_blank", 0, hidden)
        # 等线 as the default font (the first font of styles.xml), as Chinese Excel writes it.
        default = doc.StyleFamilies.getByName("CellStyles").getByName("Default")
        default.CharFontName = "等线"
        default.CharFontNameAsian = "等线"
        libs = doc.BasicLibraries
        lib = libs.getByName("Standard") if libs.hasByName("Standard") else libs.createLibrary("Standard")
        code = 'Sub Hello\n  MsgBox "hello from the corpus"\nEnd Sub\n'
        if lib.hasByName("Module1"):
            lib.replaceByName("Module1", code)
        else:
            lib.insertByName("Module1", code)
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.join(HERE, "libreoffice-macro.xlsm")),
            (prop("FilterName", "Calc MS Excel 2007 VBA XML"),),
        )
        doc.close(True)

        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        time.sleep(1)
        proc.kill()


if __name__ == "__main__":
    openpyxl_chart()
    tmp = os.path.join(HERE, ".tmp")
    os.makedirs(tmp, exist_ok=True)
    orders = os.path.join(tmp, "orders.xlsx")
    orders_base(orders)
    wb = openpyxl.Workbook()
    members(wb.active)
    wb.active.title = "Members"
    base_members = os.path.join(tmp, "members.xlsx")
    wb.save(base_members)
    libreoffice(orders, base_members)
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    os.rmdir(tmp)
