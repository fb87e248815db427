#!/usr/bin/env python3
"""Write benchmark files: realistic county, province and national per-school tables.

    python3 tools/gen_bench.py [--sizes 1000,10000,100000,200000,1000000] [--out bench-data]

For each size N it writes bench-data/schools-N.csv (UTF-8) and bench-data/schools-N-gbk.csv
(GB18030 with CRLF, as Excel on Chinese Windows saves), with the canonical Chinese headers of
the sample county. Seeded: the same N gives the same bytes. Files are not committed (see
.gitignore); BENCHMARKS.md says how they were used.
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,200000,1000000")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "bench-data"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
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
