#!/usr/bin/env python3
"""Writes the ingestion fixtures of junheng-core to tests/fixtures/ingest/.

Every fixture is derived from one clean twin (clean.csv, eight schools): the same records
written the way county files arrive (GBK with CRLF, UTF-16 with BOM, semicolons and decimal
commas, title rows, two-row merged headers, 合计 rows, placeholders, full-width digits, 万元,
.xlsx, .xls, .ods). crates/core/tests/ingest_fixtures.rs checks that each loads to the same
numbers as the twin.

Seeded: the output is the same on every run. Standard library only, except xlwt for .xls,
installed with pip only when absent.

    python3 tools/gen_fixtures.py          # write the fixtures
    python3 tools/gen_fixtures.py --check  # exit 1 if the committed fixtures differ
"""

import csv
import io
import os
import random
import subprocess
import sys
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "ingest")
SEED = 2023
ZIP_DATE = (2024, 1, 1, 0, 0, 0)

TITLE = "某县2023年义务教育学校办学条件统计表"

# (header, key) of the clean twin, in order.
COLUMNS = [
    ("学校名称", "name"),
    ("学段", "level"),
    ("城乡分类", "ur"),
    ("乡镇", "town"),
    ("在校学生数", "students"),
    ("专任教师数", "teachers"),
    ("高于规定学历教师数", "above"),
    ("教学及辅助用房面积（平方米）", "teach_area"),
    ("体育运动场馆面积（平方米）", "sports_area"),
    ("教学仪器设备值（元）", "equip"),
    ("图书册数", "books"),
    ("计算机台数", "computers"),
]
NUMERIC = ["students", "teachers", "above", "teach_area", "sports_area", "equip", "books", "computers"]

SCHOOLS = [
    ("城关第一小学", "小学", "城区", "城关镇"),
    ("城关第二小学", "小学", "城区", "城关镇"),
    ("东关小学", "小学", "镇区", "城关镇"),
    ("河口镇中心小学", "小学", "镇区", "河口镇"),
    ("柳林乡小学", "小学", "乡村", "柳林乡"),
    ("城关中学", "初中", "城区", "城关镇"),
    ("河口镇初级中学", "初中", "镇区", "河口镇"),
    ("柳林乡中学", "初中", "乡村", "柳林乡"),
]

# Cells left empty in the clean twin: (school index, key).
MISSING = [(1, "books"), (2, "sports_area"), (4, "computers"), (6, "above"), (7, "equip")]


def records():
    rng = random.Random(SEED)
    out = []
    for i, (name, level, ur, town) in enumerate(SCHOOLS):
        students = rng.randint(150, 2400)
        teachers = max(8, round(students / rng.uniform(14, 19)))
        r = {
            "name": name,
            "level": level,
            "ur": ur,
            "town": town,
            "students": students,
            "teachers": teachers,
            "above": round(teachers * rng.uniform(0.8, 0.98)),
            "teach_area": round(students * rng.uniform(3.5, 7.5), 1),
            "sports_area": round(students * rng.uniform(5.0, 12.0), 1),
            "equip": round(students * rng.uniform(1500, 3500) / 100) * 100,
            "books": round(students * rng.uniform(20, 45)),
            "computers": round(students * rng.uniform(0.08, 0.2)),
        }
        for j, key in MISSING:
            if j == i:
                r[key] = None
        out.append(r)
    return out


def plain(value):
    """A number as the clean twin writes it."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def to_csv(rows, delimiter=",", newline="\n"):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    for row in rows:
        writer.writerow(row)
    return buf.getvalue()


def clean_rows(recs, fmt=plain, headers=None):
    rows = [headers or [h for h, _ in COLUMNS]]
    for r in recs:
        rows.append([fmt(r[k]) if k in NUMERIC else r[k] for _, k in COLUMNS])
    return rows


# --- Number writers -------------------------------------------------------------------------

FULL = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.,-"}
FULL["."] = "．"
FULL[","] = "，"


def grouped(value, sep=","):
    """1234567.5 → 1,234,567.5"""
    text = plain(value)
    if not text:
        return text
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sep.join(groups) + ("." + frac if frac else "")


def fullwidth(value):
    return "".join(FULL.get(c, c) for c in grouped(value))


def decimal_comma(value):
    text = grouped(value, ".")
    if isinstance(value, float):
        head, _, frac = text.rpartition(".")
        return head + "," + frac
    return text


# --- Delimited fixtures ----------------------------------------------------------------------


def gen_text(recs):
    files = {}
    clean = to_csv(clean_rows(recs))
    files["clean.csv"] = clean.encode("utf-8")
    files["gbk_crlf.csv"] = to_csv(clean_rows(recs), newline="\r\n").encode("gbk")
    files["utf8_bom.csv"] = b"\xef\xbb\xbf" + to_csv(clean_rows(recs), newline="\r\n").encode("utf-8")
    files["utf16le_bom_tab.txt"] = b"\xff\xfe" + to_csv(
        clean_rows(recs), delimiter="\t", newline="\r\n"
    ).encode("utf-16-le")
    files["semicolon_decimal_comma.csv"] = to_csv(
        clean_rows(recs, fmt=decimal_comma), delimiter=";"
    ).encode("utf-8")
    files["fullwidth.csv"] = to_csv(clean_rows(recs, fmt=fullwidth)).encode("utf-8")

    # Placeholders for missing cells, thousands separators of several kinds, padding spaces.
    placeholders = ["—", "/", "无", "#DIV/0!", "N/A", "空", "-", "#N/A", "#VALUE!"]
    rows = [[h for h, _ in COLUMNS]]
    k = 0
    for i, r in enumerate(recs):
        row = []
        for _, key in COLUMNS:
            v = r[key]
            if key not in NUMERIC:
                row.append(f" {v} " if i % 2 else v)
            elif v is None:
                row.append(placeholders[k % len(placeholders)])
                k += 1
            elif key == "students":
                row.append(grouped(v, ","))
            elif key == "teach_area":
                row.append(grouped(v, "\u2009"))
            elif key == "books":
                row.append(grouped(v, "\u00a0"))
            elif key == "equip":
                row.append(grouped(v, " "))
            else:
                row.append(f"{plain(v)}  ")
        rows.append(row)
    files["placeholders.csv"] = to_csv(rows).encode("utf-8")

    # Money in 万元 and books in 万册 (headers say so), areas in m².
    headers = [h for h, _ in COLUMNS]
    headers[7] = "教学及辅助用房面积(m²)"
    headers[8] = "体育运动场馆面积 (㎡)"
    headers[9] = "教学仪器设备值（万元）"
    headers[10] = "图书（万册）"

    def wan(r, key):
        v = r[key]
        if v is None:
            return ""
        if key == "equip":
            return f"{v / 10000:.2f}"
        if key == "books":
            return f"{v / 10000:.4f}"
        return plain(v)

    rows = [headers] + [[wan(r, k) if k in NUMERIC else r[k] for _, k in COLUMNS] for r in recs]
    files["wanyuan.csv"] = to_csv(rows).encode("utf-8")

    # Title rows, unit line (money header without unit, 万元 from the unit line), code row,
    # 合计 rows, notes below, urban-rural codes, 初级中学. GBK with CRLF, as Excel saves it.
    codes = {"城区": "111", "镇区": "121", "乡村": "220"}
    headers = [h for h, _ in COLUMNS]
    headers[9] = "教学仪器设备值"
    width = len(headers)
    pad = lambda cells: cells + [""] * (width - len(cells))  # noqa: E731
    rows = [
        pad([TITLE]),
        pad(["单位：人、平方米、万元"]),
        pad(["填报单位：某县教育局", "", "", "", "", "", "", "", "", "填报日期：2023年9月20日"]),
        pad([]),
        headers,
        ["甲", "乙", "丙", "丁"] + [f"L{i}" for i in range(1, width - 3)],
    ]
    for r in recs:
        row = []
        for _, key in COLUMNS:
            v = r[key]
            if key == "ur":
                row.append(codes[v])
            elif key == "level":
                row.append("初级中学" if v == "初中" else v)
            elif key == "equip":
                row.append("" if v is None else f"{v / 10000:.2f}")
            elif key in NUMERIC:
                row.append(plain(v))
            else:
                row.append(v)
        rows.append(row)
    total_students = sum(r["students"] for r in recs)
    rows.append(pad(["合计", "", "", "", str(total_students)]))
    rows.append(pad(["全县平均值", "", "", "", str(round(total_students / len(recs), 2))]))
    rows.append(pad(["差异系数", "", "", "", "0.512"]))
    rows.append(pad([]))
    rows.append(pad(["注：1. 数据截至2023年9月1日。"]))
    rows.append(pad(["填表人：张三", "", "", "审核人：李四"]))
    files["title_rows.csv"] = to_csv(rows, newline="\r\n").encode("gbk")

    # Summary rows between schools, a derived column and a trailing empty column.
    headers = [h for h, _ in COLUMNS] + ["生均教学及辅助用房面积", ""]
    rows = [headers]
    for i, r in enumerate(recs):
        per = "" if r["teach_area"] is None else f"{r['teach_area'] / r['students']:.2f}"
        rows.append([plain(r[k]) if k in NUMERIC else r[k] for _, k in COLUMNS] + [per, ""])
        if i == 4:
            rows.append(["小计", "", "", "", str(sum(x["students"] for x in recs[:5]))] + [""] * 9)
    rows.append(["总计", "", "", "", str(sum(x["students"] for x in recs))] + [""] * 9)
    rows.append(["全县平均值"] + [""] * 13)
    rows.append(["标准差"] + [""] * 13)
    rows.append(["差异系数"] + [""] * 13)
    rows.append(["综合"] + [""] * 13)
    rows.append(["Total"] + [""] * 13)
    files["totals.csv"] = to_csv(rows).encode("utf-8")

    files["two_row_header.csv"] = to_csv(two_row_grid(recs)).encode("gbk")

    # Money column without a unit, values in 万元: flagged, not scaled.
    headers = [h for h, _ in COLUMNS]
    headers[9] = "教学仪器设备值"
    rows = [headers] + [
        [("" if r[k] is None else f"{r[k] / 10000:.2f}") if k == "equip" else (plain(r[k]) if k in NUMERIC else r[k]) for _, k in COLUMNS]
        for r in recs
    ]
    files["extra/money_no_unit.csv"] = to_csv(rows).encode("utf-8")

    # Bad inputs: each must give an error or issue, never a panic.
    files["bad/empty.csv"] = b""
    files["bad/header_only.csv"] = to_csv([[h for h, _ in COLUMNS]]).encode("utf-8")
    rng = random.Random(SEED)
    files["bad/binary.bin"] = bytes(rng.randrange(256) for _ in range(2048))
    files["bad/unbalanced_quotes.csv"] = (
        "学校名称,在校学生数,专任教师数\n一小,100,8\n\"二小,200,9\n三小,300,10\n".encode("utf-8")
    )
    files["bad/huge_field.csv"] = (
        "学校名称,在校学生数\n一小,100\n二小," + "9" * 300_000 + "\n"
    ).encode("utf-8")
    rows = clean_rows(recs)
    rows[2][4] = "三百"
    files["bad/bad_number.csv"] = to_csv(rows).encode("utf-8")
    files["bad/ragged.csv"] = (
        "学校名称,在校学生数,专任教师数\n一小,100,8\n二小,200\n三小,300,10,多余\n".encode("utf-8")
    )
    return files


# --- Two-row header layout (CSV, xlsx, xls, ods share it) -------------------------------------

PARENTS = ["乡镇", "学校名称", "城乡分类", "在校学生数", "专任教师", "", "面积（平方米）", "", "教学仪器设备值（元）", "图书册数", "计算机台数"]
CHILDREN = ["", "", "", "", "合计", "高于规定学历", "教学及辅助用房", "体育运动场馆", "", "", ""]
TWO_ROW_KEYS = ["town", "name", "ur", "students", "teachers", "above", "teach_area", "sports_area", "equip", "books", "computers"]
# Horizontal merges of the parent row: (first column, last column).
PARENT_SPANS = [(4, 5), (6, 7)]


def two_row_layout(recs):
    """Rows as typed values (str, int, float or None), with what is merged.

    Returns (rows, kinds): kinds[i] is 'title', 'unit', 'parent', 'child', 'codes', 'section',
    'school', 'summary' or 'note'. Townships are written only on the first row of their group
    (merged down the first column).
    """
    width = len(PARENTS)
    rows, kinds = [], []

    def add(cells, kind):
        rows.append(list(cells) + [None] * (width - len(cells)))
        kinds.append(kind)

    add([TITLE], "title")
    add(["单位：人、平方米、元"], "unit")
    add(PARENTS, "parent")
    add(CHILDREN, "child")
    add(["甲", "乙", "丙"] + [f"L{i}" for i in range(1, width - 2)], "codes")
    for level, section in [("小学", "一、小学"), ("初中", "二、初中")]:
        add([section], "section")
        group = [r for r in recs if r["level"] == level]
        last_town = None
        for r in group:
            cells = [r[k] for k in TWO_ROW_KEYS]
            if r["town"] == last_town:
                cells[0] = None
            last_town = r["town"]
            add(cells, "school")
        add(["小计", None, None, sum(r["students"] for r in group)], "summary")
    add(["全县合计", None, None, sum(r["students"] for r in recs)], "summary")
    add(["注：专任教师“高于规定学历”指小学专科、初中本科及以上。"], "note")
    add(["填表人：张三", None, None, None, "审核人：李四"], "note")
    return rows, kinds


def two_row_grid(recs):
    rows, _ = two_row_layout(recs)
    return [[plain(c) if isinstance(c, (int, float)) else (c or "") for c in row] for row in rows]


def merges(recs):
    """Merged regions (r1, c1, r2, c2), 0-based, of the two-row layout."""
    rows, kinds = two_row_layout(recs)
    width = len(PARENTS)
    out = [(0, 0, 0, width - 1), (1, 0, 1, width - 1)]
    parent = kinds.index("parent")
    for c1, c2 in PARENT_SPANS:
        out.append((parent, c1, parent, c2))
    for c in range(width):
        if PARENTS[c] and not CHILDREN[c]:
            out.append((parent, c, parent + 1, c))
    # Townships merged down the first column.
    i = 0
    while i < len(rows):
        if kinds[i] == "school" and rows[i][0] is not None:
            j = i + 1
            while j < len(rows) and kinds[j] == "school" and rows[j][0] is None:
                j += 1
            if j - 1 > i:
                out.append((i, 0, j - 1, 0))
            i = j
        else:
            i += 1
    return out


# --- xlsx by hand ------------------------------------------------------------------------------


def col_letter(c):
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def sheet_xml(rows, merged=(), formulas=None, dates=None):
    formulas = formulas or {}
    dates = dates or {}
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows):
        out.append(f'<row r="{r + 1}">')
        for c, v in enumerate(row):
            ref = f"{col_letter(c)}{r + 1}"
            if (r, c) in dates:
                out.append(f'<c r="{ref}" s="1"><v>{dates[(r, c)]}</v></c>')
            elif v is None or v == "":
                continue
            elif isinstance(v, (int, float)):
                f = formulas.get((r, c))
                fx = f"<f>{escape(f)}</f>" if f else ""
                out.append(f'<c r="{ref}">{fx}<v>{v}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData>")
    if merged:
        out.append(f'<mergeCells count="{len(merged)}">')
        for r1, c1, r2, c2 in merged:
            out.append(f'<mergeCell ref="{col_letter(c1)}{r1 + 1}:{col_letter(c2)}{r2 + 1}"/>')
        out.append("</mergeCells>")
    out.append("</worksheet>")
    return "".join(out)


def write_zip(entries, stored_first=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def gen_xlsx(recs):
    rows, kinds = two_row_layout(recs)
    width = len(PARENTS)
    # Column L: a date per school, to check dates stay dates (serial 20699 = 1956-09-01).
    rows = [row + [None] for row in rows]
    rows[kinds.index("parent")][width] = "建校日期"
    dates = {}
    formulas = {}
    for n, i in enumerate(i for i, k in enumerate(kinds) if k == "school"):
        dates[(i, width)] = 20699 + n
    for i, k in enumerate(kinds):
        if k == "summary":
            # 合计 rows as formulas with their cached value.
            formulas[(i, 3)] = f"SUM(D6:D{i})"
    # One school's student count is a formula too.
    first_school = kinds.index("school")
    formulas[(first_school, 3)] = f"{rows[first_school][3]}*1"
    merged = merges(recs)
    merged = [(r1, c1, r2, c2 + (1 if r1 <= 1 and c2 == width - 1 else 0)) for r1, c1, r2, c2 in merged]
    merged.append((kinds.index("parent"), width, kinds.index("parent") + 1, width))
    sheet1 = sheet_xml(rows, merged, formulas, dates)
    plain_rows = [[h for h, _ in COLUMNS]] + [[r[k] for _, k in COLUMNS] for r in recs]
    sheet2 = sheet_xml(plain_rows)
    ns = "http://schemas.openxmlformats.org"
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Types xmlns="{ns}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships">'
        '<sheets><sheet name="学校数据" sheetId="1" r:id="rId1"/><sheet name="简表" sheetId="2" r:id="rId2"/></sheets>'
        "</workbook>"
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
        f'<Relationship Id="rId3" Type="{ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    styles = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<styleSheet xmlns="{ns}/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        "</styleSheet>"
    )
    return write_zip([
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_rels),
        ("xl/styles.xml", styles),
        ("xl/worksheets/sheet1.xml", sheet1),
        ("xl/worksheets/sheet2.xml", sheet2),
    ])


# --- ods by hand -------------------------------------------------------------------------------


def gen_ods(recs):
    rows, kinds = two_row_layout(recs)
    spans = {(kinds.index("parent"), c1): c2 - c1 + 1 for c1, c2 in PARENT_SPANS}
    covered = {(kinds.index("parent"), c) for c1, c2 in PARENT_SPANS for c in range(c1 + 1, c2 + 1)}
    out = []
    for r, row in enumerate(rows):
        out.append("<table:table-row>")
        for c, v in enumerate(row):
            if (r, c) in covered:
                out.append("<table:covered-table-cell/>")
                continue
            span = f' table:number-columns-spanned="{spans[(r, c)]}"' if (r, c) in spans else ""
            if v is None or v == "":
                out.append(f"<table:table-cell{span}/>")
            elif isinstance(v, (int, float)):
                out.append(f'<table:table-cell office:value-type="float" office:value="{v}"{span}><text:p>{v}</text:p></table:table-cell>')
            else:
                out.append(f'<table:table-cell office:value-type="string"{span}><text:p>{escape(v)}</text:p></table:table-cell>')
        out.append("</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="学校数据">'
        + "".join(out)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return write_zip(
        [
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("META-INF/manifest.xml", manifest),
            ("content.xml", content),
        ],
        stored_first="mimetype",
    )


# --- xls through xlwt ------------------------------------------------------------------------


def gen_xls(recs):
    try:
        import xlwt
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "xlwt"], check=True)
        import xlwt
    rows, kinds = two_row_layout(recs)
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("学校数据")
    merged = merges(recs)
    in_merge = {}
    for r1, c1, r2, c2 in merged:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                in_merge[(r, c)] = (r1, c1, r2, c2)
    for r1, c1, r2, c2 in merged:
        v = rows[r1][c1]
        sheet.write_merge(r1, r2, c1, c2, "" if v is None else v)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if (r, c) in in_merge or v is None:
                continue
            sheet.write(r, c, v)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def generate():
    recs = records()
    files = gen_text(recs)
    files["twin.xlsx"] = gen_xlsx(recs)
    files["twin.ods"] = gen_ods(recs)
    files["twin.xls"] = gen_xls(recs)
    return files


def main():
    check = "--check" in sys.argv[1:]
    files = generate()
    stale = []
    for name, data in sorted(files.items()):
        path = os.path.join(OUT, name)
        if check:
            try:
                with open(path, "rb") as f:
                    if f.read() != data:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    if check:
        if stale:
            print("stale fixtures (run python3 tools/gen_fixtures.py):", *stale, sep="\n  ")
            sys.exit(1)
        print(f"{len(files)} fixtures up to date")
    else:
        print(f"wrote {len(files)} fixtures to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
