#!/usr/bin/env python3
"""Write tests/fixtures/dossier/county85.csv: an 85-school county file as counties send it, for
the acceptance dossier's tests (issue 17). Synthetic (青山县 is not a real county's data).

The schools come from tools/gen_sample.py's generator with its own plan and seed; the file is
laid out as a real county sheet:
- GBK, CRLF line ends;
- a title row (青山县2023年义务教育学校办学条件统计表) and a 填报单位 / 单位 line above the header;
- eleven teaching points recognisable only by their names ("…教学点") while the level column
  says 小学 (docs/domain.md §6), one 民办 primary and one 民办 junior school (举办者 column);
- a 合计 row at the end.

Seeded, so the file is reproducible byte for byte:

    python3 tools/gen_dossier_county.py            # rewrites the file
    python3 tools/gen_dossier_county.py --check    # exits 1 if the committed file differs
"""
import csv
import io
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_sample  # noqa: E402  (the same generator as the built-in sample)

SEED = 20231207
OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "dossier" / "county85.csv"
TITLE = "青山县2023年义务教育学校办学条件统计表"
UNIT_LINE = "填报单位：青山县教育局    单位：人、平方米、万元"

# (level, urban_rural, count, pupils range): 85 schools.
PLAN = [
    ("小学", "城区", 8, (900, 2300)),
    ("初中", "城区", 6, (900, 2100)),
    ("小学", "镇区", 14, (350, 1200)),
    ("初中", "镇区", 7, (400, 1300)),
    ("小学", "乡村", 26, (40, 420)),
    ("初中", "乡村", 7, (150, 600)),
    ("九年一贯制学校", "镇区", 3, (600, 1400)),
    ("九年一贯制学校", "乡村", 3, (200, 600)),
    ("小学教学点", "乡村", 11, (12, 45)),
]


def render():
    gen_sample.PLAN = PLAN
    rows = gen_sample.school_rows(random.Random(SEED))
    headers = gen_sample.HEADERS
    level = headers.index("学段")
    for row in rows:
        # Teaching points named only by their suffix: the level column says 小学.
        if row[level] == "小学教学点":
            row[level] = "小学"
    width = len(headers)
    out = [[TITLE] + [""] * (width - 1), [UNIT_LINE] + [""] * (width - 1), headers]
    out.extend(rows)
    text_columns = {"学校名称", "学校标识码", "学段", "城乡分类", "乡镇", "举办者"}
    total = ["合计"] + [""] * (width - 1)
    for c, name in enumerate(headers):
        if name in text_columns:
            continue
        values = [float(r[c]) for r in rows if r[c] != ""]
        if values:
            s = sum(values)
            total[c] = str(int(s)) if all(v.is_integer() for v in values) else f"{s:.2f}"
    out.append(total)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(out)
    return buf.getvalue().encode("gbk")


def main():
    data = render()
    if "--check" in sys.argv:
        same = OUT.exists() and OUT.read_bytes() == data
        print("dossier fixture is up to date" if same else f"{OUT} differs from tools/gen_dossier_county.py")
        sys.exit(0 if same else 1)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
