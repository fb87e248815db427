#!/usr/bin/env python3
"""Write tests/fixtures/dossier/county85.xlsx: the 85-school county of county85.csv
(tools/gen_dossier_county.py) as a workbook, for the page's dossier tests (issue 17):
- a title row (青山县2023年义务教育学校办学条件统计表) above the header, no 填报单位 line;
- a 县（市、区） column, 青山县 on every row;
- the eleven teaching points named only by their suffix ("…教学点", level column 小学);
- numbers as numeric cells, codes and names as text; the 合计 row kept.

Reproducible byte for byte (stored zip, fixed dates):

    python3 tools/gen_dossier_workbook.py            # rewrites the file
    python3 tools/gen_dossier_workbook.py --check    # exits 1 if the committed file differs
"""
import csv
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "fixtures" / "dossier" / "county85.csv"
OUT = ROOT / "tests" / "fixtures" / "dossier" / "county85.xlsx"
ZIP_DATE = (2023, 12, 7, 0, 0, 0)
COUNTY_HEADER = "县（市、区）"
TEXT_COLUMNS = {"学校名称", "学校标识码", "学段", "城乡分类", "乡镇", "举办者", COUNTY_HEADER}
NS = "http://schemas.openxmlformats.org"


def col_letter(c):
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def is_number(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


def rows():
    text = SOURCE.read_bytes().decode("gbk")
    lines = list(csv.reader(io.StringIO(text)))
    title = [lines[0][0]]
    header = lines[2]
    body = [r for r in lines[3:] if any(r)]
    out = [title, [COUNTY_HEADER] + header]
    for r in body:
        out.append(["" if r[0].startswith("合计") else "青山县"] + r)
    return out


def sheet_xml(table):
    header = table[1]
    text_columns = {c for c, h in enumerate(header) if h in TEXT_COLUMNS}
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           f'<worksheet xmlns="{NS}/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(table):
        out.append(f'<row r="{r + 1}">')
        for c, v in enumerate(row):
            if v == "":
                continue
            ref = f"{col_letter(c)}{r + 1}"
            if r > 1 and c not in text_columns and is_number(v):
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def workbook():
    entries = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         f'<Types xmlns="{NS}/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         f'<Relationships xmlns="{NS}/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>'),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         f'<workbook xmlns="{NS}/spreadsheetml/2006/main" xmlns:r="{NS}/officeDocument/2006/relationships">'
         '<sheets><sheet name="学校办学条件" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         f'<Relationships xmlns="{NS}/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
         '</Relationships>'),
        ("xl/worksheets/sheet1.xml", sheet_xml(rows())),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"))
    return buf.getvalue()


def main():
    data = workbook()
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_bytes() != data:
            print(f"{OUT.relative_to(ROOT)} is stale: run python3 tools/gen_dossier_workbook.py")
            sys.exit(1)
        return
    OUT.write_bytes(data)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
