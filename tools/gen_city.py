#!/usr/bin/env python3
"""Write the fixtures of a city and its years (issue 19), for the native tests of `slices` and
the page's e2e tests of the city and monitoring views. Synthetic counties, not real data:

- tests/fixtures/city/three_counties.csv: a city's table, a 县区 column then the sample's
  headers; 青山县, 河口县 and 东湖区 (an urban district), each its own plan and seed, one block
  each. School names and codes repeat across counties (the same generator), as they do in
  real city files: a school is a county's, not a duplicate.
- tests/fixtures/city/two_years.csv: one county's schools in two school years (年份 written
  2022学年 and 2023学年): the same schools, the second year with more equipment, books and
  teachers, and a few more pupils.

The schools come from tools/gen_sample.py's generator. Seeded, so the files are reproducible:

    python3 tools/gen_city.py            # rewrites the files
    python3 tools/gen_city.py --check    # exits 1 if a committed file differs
"""
import csv
import io
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_sample  # noqa: E402  (the same generator as the built-in sample)

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "city"

# (county, seed, plan): plans as gen_sample.PLAN, (level, area, count, pupils range).
COUNTIES = [
    ("青山县", 190301, [
        ("小学", "城区", 4, (900, 2300)), ("初中", "城区", 3, (900, 2100)),
        ("小学", "镇区", 6, (350, 1200)), ("初中", "镇区", 3, (400, 1300)),
        ("小学", "乡村", 9, (40, 420)), ("初中", "乡村", 3, (150, 600)),
        ("九年一贯制学校", "乡村", 2, (200, 600)),
    ]),
    ("河口县", 190302, [
        ("小学", "镇区", 5, (350, 1200)), ("初中", "镇区", 3, (400, 1300)),
        ("小学", "乡村", 12, (40, 420)), ("初中", "乡村", 4, (150, 600)),
        ("小学教学点", "乡村", 2, (12, 45)),
    ]),
    ("东湖区", 190303, [
        ("小学", "城区", 10, (900, 2300)), ("初中", "城区", 6, (900, 2100)),
        ("九年一贯制学校", "镇区", 2, (600, 1400)),
    ]),
]

YEARS_SEED = 190304
YEARS_PLAN = COUNTIES[0][2]
YEARS = ["2022学年", "2023学年"]
# Columns that grow in the second year, and by how much.
GROWTH = {
    "专任教师数": 1.06, "教学仪器设备值（万元）": 1.25, "图书册数": 1.15, "计算机台数": 1.2,
    "网络多媒体教室数（间）": 1.1, "在校学生数": 1.02,
}


def write(rows, headers):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([headers] + rows)
    return buf.getvalue()


def schools(plan, seed):
    gen_sample.PLAN = plan
    return gen_sample.school_rows(random.Random(seed))


def three_counties():
    rows = []
    for county, seed, plan in COUNTIES:
        rows.extend([county] + r for r in schools(plan, seed))
    return write(rows, ["县区"] + gen_sample.HEADERS)


def two_years():
    headers = gen_sample.HEADERS
    first = schools(YEARS_PLAN, YEARS_SEED)
    rng = random.Random(YEARS_SEED + 1)
    second = []
    for row in first:
        row = list(row)
        for name, factor in GROWTH.items():
            c = headers.index(name)
            if row[c] == "":
                continue
            value = row[c] * factor * rng.uniform(0.97, 1.03)
            row[c] = round(value, 2) if isinstance(row[c], float) else round(value)
        # A spanning school's two parts follow its pupils.
        p, j = headers.index("小学部学生数"), headers.index("初中部学生数")
        if row[p] != "":
            total = row[headers.index("在校学生数")]
            row[p] = round(total * row[p] / (row[p] + row[j]))
            row[j] = total - row[p]
        second.append(row)
    rows = [[YEARS[0]] + r for r in first] + [[YEARS[1]] + r for r in second]
    return write(rows, ["年份"] + headers)


FILES = {"three_counties.csv": three_counties, "two_years.csv": two_years}


def main():
    check = "--check" in sys.argv
    stale = []
    for name, render in FILES.items():
        text = render()
        path = OUT / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(text.encode())} bytes)")
    if check:
        print(f"{', '.join(stale)} differ from tools/gen_city.py" if stale else "city fixtures are up to date")
        sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()
