#!/usr/bin/env python3
"""Write the built-in sample county as the files counties really send, for users to try:

- data/sample/county-messy-gbk.csv: GBK, CRLF line ends, a title row
  (某县2023年义务教育学校办学条件统计表), a unit line, a blank line, the header, the schools
  (some 图书册数 written with thousands separators, "121,847") and a 合计 row at the end;
- data/sample/county.xlsx: an Excel workbook with two sheets, 小学 (小学, 小学教学点 and
  九年一贯制学校) and 初中 (初中 and 九年一贯制学校), numbers as numbers, inline strings,
  stored (uncompressed) zip entries with a fixed date so the bytes are reproducible.

Both are made from data/sample/county.csv (tools/gen_sample.py), so they give the same numbers.
Seeded, so the files are reproducible byte for byte:

    python3 tools/gen_sample_variants.py            # rewrites both files
    python3 tools/gen_sample_variants.py --check    # exits 1 if a committed file differs
"""
import csv
import io
import random
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

SEED = 20231130
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample" / "county.csv"
MESSY = ROOT / "data" / "sample" / "county-messy-gbk.csv"
XLSX = ROOT / "data" / "sample" / "county.xlsx"
ZIP_DATE = (2023, 11, 30, 0, 0, 0)

TITLE = "某县2023年义务教育学校办学条件统计表"
UNITS = "单位：人、平方米、万元"
# Columns that are text even when they look like numbers.
TEXT_COLUMNS = {"学校名称", "学校标识码", "学段", "城乡分类", "乡镇", "举办者"}
SHEETS = [
    ("小学", {"小学", "小学教学点", "九年一贯制学校"}),
    ("初中", {"初中", "九年一贯制学校"}),
]


def read_sample():
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def messy_csv(headers, schools):
    rng = random.Random(SEED)
    width = len(headers)
    books = headers.index("图书册数")
    out = [[TITLE] + [""] * (width - 1), [UNITS] + [""] * (width - 1), [""] * width, headers]
    for row in schools:
        row = list(row)
        if row[books] and rng.random() < 0.3:
            row[books] = f"{int(row[books]):,}"
        out.append(row)
    # 合计: the sum of every numeric column, as county sheets end.
    total = ["合计"] + [""] * (width - 1)
    for c, name in enumerate(headers):
        if name in TEXT_COLUMNS:
            continue
        values = [number(r[c]) for r in schools if r[c] != ""]
        values = [v for v in values if v is not None]
        if values:
            s = sum(values)
            total[c] = str(int(s)) if all(float(v).is_integer() for v in values) else f"{s:.2f}"
    out.append(total)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(out)
    return buf.getvalue().encode("gbk")


def col_letter(c):
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def sheet_xml(rows, text_columns):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows):
        out.append(f'<row r="{r + 1}">')
        for c, v in enumerate(row):
            ref = f"{col_letter(c)}{r + 1}"
            if v == "":
                continue
            if r > 0 and c not in text_columns and number(v) is not None:
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def xlsx(headers, schools):
    ns = "http://schemas.openxmlformats.org"
    level = headers.index("学段")
    text_columns = {c for c, h in enumerate(headers) if h in TEXT_COLUMNS}
    sheets = []
    for name, levels in SHEETS:
        rows = [headers] + [r for r in schools if r[level] in levels]
        sheets.append((name, sheet_xml(rows, text_columns)))
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(len(sheets)))
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Types xmlns="{ns}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{overrides}</Types>")
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>")
    sheet_list = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (name, _) in enumerate(sheets))
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships">'
        f"<sheets>{sheet_list}</sheets></workbook>")
    sheet_rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{ns}/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{ns}/package/2006/relationships">{sheet_rels}</Relationships>')
    entries = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_rels),
    ] + [(f"xl/worksheets/sheet{i + 1}.xml", xml) for i, (_, xml) in enumerate(sheets)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"))
    return buf.getvalue()


def generate():
    headers, schools = read_sample()
    return {MESSY: messy_csv(headers, schools), XLSX: xlsx(headers, schools)}


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for path, data in generate().items():
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path.relative_to(ROOT))
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    if check:
        if stale:
            print("stale sample variants (run python3 tools/gen_sample_variants.py):", *stale, sep="\n  ")
            sys.exit(1)
        print("sample variants are up to date")


if __name__ == "__main__":
    main()
