#!/bin/sh
# Makes the workbook corpus of test/corpus with the real producers: exceljs (Node), openpyxl and
# LibreOffice Calc (Debian: apt-get install -y python3-openpyxl libreoffice-calc python3-uno).
set -e
cd "$(dirname "$0")/.."
node --import tsx scripts/make-corpus-exceljs.ts test/corpus
/usr/bin/python3 scripts/make-corpus.py test/corpus
ls -l test/corpus
