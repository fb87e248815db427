#!/usr/bin/env python3
"""Write the built-in sample county: data/sample/county.csv (UTF-8, Chinese headers).

A synthetic county (示例县), not real data: 92 schools, primary and junior, urban/town/rural, with
every per-school field of docs/domain.md. Rural schools are smaller and worse equipped, as in the
published monitoring tables. Seeded, so the file is reproducible byte for byte:

    python3 tools/gen_sample.py            # rewrites data/sample/county.csv
    python3 tools/gen_sample.py --check    # exits 1 if the committed file differs
"""
import csv
import io
import random
import sys
from pathlib import Path

SEED = 20261130
OUT = Path(__file__).resolve().parent.parent / "data" / "sample" / "county.csv"

HEADERS = [
    "学校名称", "学校标识码", "学段", "城乡分类", "乡镇", "举办者",
    "在校学生数", "小学部学生数", "初中部学生数", "班级数", "最大班额",
    "专任教师数", "高于规定学历教师数", "县级及以上骨干教师数", "体育、艺术专任教师数",
    "中级及以上职称教师数",
    "教学及辅助用房面积（平方米）", "室内体育用房面积（平方米）", "体育运动场馆面积（平方米）",
    "教学仪器设备值（万元）", "图书册数", "计算机台数", "网络多媒体教室数（间）",
    "校舍建筑面积（平方米）", "占地面积（平方米）", "音乐专用教室（间）", "美术专用教室（间）",
]

TOWNSHIPS = {
    "城区": ["城关街道", "东城街道"],
    "镇区": ["青石镇", "柳河镇", "白杨镇"],
    "乡村": ["石门乡", "桃源乡", "龙潭乡", "双溪乡"],
}

# (level, urban_rural, count, pupils range)
PLAN = [
    ("小学", "城区", 12, (900, 2300)),
    ("初中", "城区", 6, (900, 2100)),
    ("小学", "镇区", 18, (350, 1200)),
    ("初中", "镇区", 9, (400, 1300)),
    ("小学", "乡村", 30, (40, 420)),
    ("初中", "乡村", 8, (150, 600)),
    ("九年一贯制学校", "镇区", 3, (600, 1400)),
    ("九年一贯制学校", "乡村", 4, (200, 600)),
    ("小学教学点", "乡村", 2, (12, 45)),
]

# Equipment multipliers by area: urban schools are richer per pupil.
WEALTH = {"城区": 1.15, "镇区": 0.95, "乡村": 0.75}


def school_rows(rng):
    rows = []
    serial = 1
    for level, area, count, (lo, hi) in PLAN:
        for k in range(count):
            town = rng.choice(TOWNSHIPS[area])
            stem = town.replace("街道", "").replace("镇", "").replace("乡", "")
            kind = {"小学": "小学", "初中": "中学", "九年一贯制学校": "学校", "小学教学点": "教学点"}[level]
            name = f"{stem}{['第一', '第二', '第三', '第四', '第五', '中心', '实验', '育才', '希望', '明德'][k % 10]}{kind}"
            if any(r[0] == name for r in rows):
                name = f"{stem}{k + 1}号{kind}"
            pupils = rng.randint(lo, hi)
            primary, junior = "", ""
            if level == "九年一贯制学校":
                p = int(pupils * rng.uniform(0.55, 0.7))
                primary, junior = p, pupils - p
            junior_share = 1.0 if level == "初中" else (junior / pupils if junior else 0.0)
            w = WEALTH[area] * rng.uniform(0.8, 1.2)
            class_cap = 45 if junior_share < 0.5 else 50
            classes = max(1, round(pupils / rng.uniform(30 if area == "乡村" else 40, class_cap + 3)))
            max_class = min(66, round(pupils / classes * rng.uniform(1.0, 1.2)))
            ratio = (1 / 17 if junior_share < 0.5 else 1 / 13) * rng.uniform(0.85, 1.25)
            if area == "乡村":
                ratio *= 1.15  # small rural schools need more teachers per pupil
            teachers = max(2, round(pupils * ratio))
            above = round(teachers * rng.uniform(0.75 if area == "乡村" else 0.88, 0.99))
            backbone = round(teachers * rng.uniform(0.16, 0.32) * {"城区": 1.2, "镇区": 1.0, "乡村": 0.75}[area])
            pe_arts = round(teachers * rng.uniform(0.15, 0.24) * (1.0 if area != "乡村" else 0.75))
            mid = round(teachers * rng.uniform(0.35, 0.65))
            std_area = 4.5 + 1.3 * junior_share
            teaching_area = round(pupils * std_area * rng.uniform(0.8, 1.5) * (1.0 if area != "乡村" else 1.1), 1)
            gym = round(rng.uniform(0, 1) * 600 * (area != "乡村"), 1)
            sports = round(pupils * (7.5 + 2.7 * junior_share) * rng.uniform(0.8, 1.6) * (1.25 if area == "乡村" else 1.0), 1)
            equipment = round(pupils * (2000 + 500 * junior_share) * w * rng.uniform(0.9, 1.6) / 10000, 2)
            books = round(pupils * (30 + 10 * junior_share) * w * rng.uniform(0.7, 1.5))
            computers = round(pupils * rng.uniform(0.06, 0.18) * w)
            rooms = max(1, round(pupils * rng.uniform(0.024, 0.04) * w))
            building = round(teaching_area * rng.uniform(1.3, 1.7), 1)
            site = round(building * rng.uniform(1.8, 3.2), 1)
            music = max(0, round(classes / 12 + rng.uniform(-0.6, 0.6)))
            art = max(0, round(classes / 12 + rng.uniform(-0.6, 0.6)))
            operator = "民办" if (area == "城区" and k == 5) else "公办"
            code = f"21{36000000 + serial:08d}"
            serial += 1
            rows.append([
                name, code, level, area, town, operator,
                pupils, primary, junior, classes, max_class,
                teachers, above, backbone, pe_arts, mid,
                teaching_area, gym, sports, equipment, books, computers, rooms,
                building, site, music, art,
            ])
    return rows


def render():
    rng = random.Random(SEED)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADERS)
    writer.writerows(school_rows(rng))
    return buf.getvalue()


def main():
    text = render()
    if "--check" in sys.argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("sample is up to date" if same else f"{OUT} differs from tools/gen_sample.py")
        sys.exit(0 if same else 1)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} schools)")


if __name__ == "__main__":
    main()
