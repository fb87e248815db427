#!/usr/bin/env python3
"""Write benchmark files: realistic county, province and national per-school tables.

    python3 tools/gen_bench.py [--sizes 1000,10000,100000,200000,1000000] [--out bench-data]

For each size N it writes bench-data/schools-N.csv (UTF-8) and bench-data/schools-N-gbk.csv
(GB18030 with CRLF, as Excel on Chinese Windows saves), with the canonical Chinese headers of
the sample county. Seeded: the same N gives the same bytes. Files are not committed (see
.gitignore); BENCHMARKS.md says how they were used.

    python3 tools/gen_bench.py --province 100x300x10 [--out bench-data]

writes instead bench-data/province-100x300x10.csv: a province's monitoring file (issue 19), a
县区 and a 年份 column before the same headers, C counties × S schools × Y school years
(2014学年 …), each county's schools the same every year with their numbers drifting. Seeded by
the shape.
"""
import argparse
import random
from pathlib import Path

HEADERS = [
    "学校名称", "学段", "城乡分类", "乡镇", "在校学生数", "专任教师数", "高于规定学历教师数",
    "县级及以上骨干教师数", "体育、艺术专任教师数", "中级及以上职称教师数",
    "教学及辅助用房面积（平方米）", "体育运动场馆面积（平方米）", "教学仪器设备值（万元）",
    "图书册数", "计算机台数", "网络多媒体教室数（间）",
]
AREAS = ["城区", "镇区", "乡村"]
WEALTH = {"城区": 1.15, "镇区": 0.95, "乡村": 0.75}


def rows(n, seed):
    rng = random.Random(seed)
    for i in range(n):
        area = AREAS[rng.randrange(3)]
        junior = rng.random() < 0.3
        lo, hi = (40, 600) if area == "乡村" else (300, 2200)
        pupils = rng.randint(lo, hi)
        w = WEALTH[area] * rng.uniform(0.8, 1.2)
        teachers = max(2, round(pupils / (13 if junior else 17) * rng.uniform(0.85, 1.25)))
        yield [
            f"县{i // 120:04d}第{i % 120 + 1}{'中学' if junior else '小学'}",
            "初中" if junior else "小学",
            area,
            f"乡镇{i // 12:05d}",
            pupils,
            teachers,
            round(teachers * rng.uniform(0.8, 0.99)),
            round(teachers * rng.uniform(0.1, 0.3)),
            round(teachers * rng.uniform(0.1, 0.2)),
            round(teachers * rng.uniform(0.35, 0.65)),
            round(pupils * (5.8 if junior else 4.5) * rng.uniform(0.8, 1.5), 1),
            round(pupils * (10.2 if junior else 7.5) * rng.uniform(0.7, 1.6), 1),
            round(pupils * 2200 * w * rng.uniform(0.8, 1.5) / 10000, 2),
            round(pupils * 35 * w * rng.uniform(0.7, 1.5)),
            round(pupils * rng.uniform(0.06, 0.18) * w),
            max(1, round(pupils * rng.uniform(0.02, 0.04) * w)),
        ]


def province(out, shape):
    counties, schools, years = (int(x) for x in shape.split("x"))
    path = out / f"province-{shape}.csv"
    if path.exists():
        return path
    rng = random.Random(f"province-{shape}")
    with path.open("w", encoding="utf-8") as f:
        f.write(",".join(["县区", "年份"] + HEADERS) + "\n")
        for c in range(counties):
            county = f"第{c + 1:03d}县"
            base = list(rows(schools, seed=c + 1))
            for y in range(years):
                year = f"{2014 + y}学年"
                for r in base:
                    r = list(r)
                    r[0] = r[0].replace("县", county, 1)
                    # Counts and resources drift by a few percent a year.
                    for i in range(4, len(r)):
                        drift = rng.uniform(0.97, 1.06)
                        r[i] = round(r[i] * drift, 2) if isinstance(r[i], float) else max(1, round(r[i] * drift))
                    f.write(",".join(map(str, [county, year] + r)) + "\n")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,200000,1000000")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "bench-data"))
    parser.add_argument("--province", help="COUNTIESxSCHOOLSxYEARS, e.g. 100x300x10")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.province:
        path = province(out, args.province)
        print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
        return
    for n in [int(s) for s in args.sizes.split(",")]:
        lines = [",".join(HEADERS)] + [",".join(map(str, r)) for r in rows(n, seed=n)]
        utf8 = out / f"schools-{n}.csv"
        gbk = out / f"schools-{n}-gbk.csv"
        if not utf8.exists():
            utf8.write_text("\n".join(lines) + "\n", encoding="utf-8")
        if not gbk.exists():
            gbk.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
        print(f"{utf8} ({utf8.stat().st_size / 1e6:.1f} MB), {gbk.name} ({gbk.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
