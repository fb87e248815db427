#!/usr/bin/env python3
"""Write tests/fixtures/items/: a county that meets the whole 2017 evaluation (issue 18), for the
CLI tests of --county-values and the page's later e2e test. Synthetic (明德县 is not a real
county's data).

- schools.csv: 12 schools (8 小学, 4 初中; one village primary of 80 pupils for G6), every
  resource indicator above its 2017 standard with a small spread (every CV far below its limit),
  and the columns of the computed items: 班级数, 最大班额 (G5), 音乐/美术专用教室 with their
  areas (G3), 持教师资格证专任教师数 (G12), 公用经费 and 教师培训经费 (G6, Q4).
- county_values.csv: the county sheet 县级指标, one row per value the county enters, in the
  order and with the labels of the blank sheet (CountyValues::to_rows), every value meeting its
  threshold, every 不予认定 condition answered 否; the per-school rows are left blank (the table
  decides them).
- county.xlsx: both as one workbook, sheets 学校 and 县级指标.

With the sheet, `junheng analyze schools.csv --standard quality-2017 --county-values
county_values.csv` gives `recognized: true`; without it, null.

Seeded, so the files are reproducible byte for byte:

    python3 tools/gen_items_county.py            # rewrites the files
    python3 tools/gen_items_county.py --check    # exits 1 if a committed file differs
"""
import csv
import io
import json
import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_bad_corpus import sheet_xml, workbook  # noqa: E402  (the same minimal xlsx writer)

SEED = 20261207
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "items"
STANDARD = ROOT / "crates" / "core" / "src" / "standards" / "data" / "quality-2017.json"

# Per-pupil public-funds benchmark (元), the county's G6 input, by level.
BENCHMARK = {"小学": 720, "初中": 940}

HEADER = [
    "学校名称", "学段", "城乡分类", "在校学生数", "班级数", "最大班额", "专任教师数",
    "持教师资格证专任教师数", "高于规定学历教师数", "县级及以上骨干教师数", "体育、艺术专任教师数",
    "教学及辅助用房面积", "体育运动场馆面积", "教学仪器设备值（元）", "网络多媒体教室数",
    "音乐专用教室", "音乐专用教室面积", "美术专用教室", "美术专用教室面积",
    "公用经费（元）", "教师培训经费（元）",
]

# (name, level, urban/rural, pupils)
SCHOOLS = [
    ("明德县实验小学", "小学", "城区", 1680),
    ("明德县城关小学", "小学", "城区", 1420),
    ("东关镇中心小学", "小学", "镇区", 960),
    ("西河镇中心小学", "小学", "镇区", 870),
    ("南岭乡中心小学", "小学", "乡村", 430),
    ("北坡乡中心小学", "小学", "乡村", 390),
    ("石门村小学", "小学", "乡村", 160),
    ("柳沟村小学", "小学", "乡村", 80),
    ("明德县第一中学", "初中", "城区", 1560),
    ("东关镇初级中学", "初中", "镇区", 880),
    ("西河镇初级中学", "初中", "镇区", 640),
    ("南岭乡初级中学", "初中", "乡村", 420),
]

# 2017 per-school standards (quality-2017.json), per level.
STD = {
    "小学": dict(above=4.2, backbone=1.0, pe=0.9, area=4.5, sports=7.5, equip=2000, media=2.3),
    "初中": dict(above=5.3, backbone=1.0, pe=0.9, area=5.8, sports=10.2, equip=2500, media=2.4),
}


def school_row(rng, name, level, urban, pupils):
    s = STD[level]
    up = lambda: 1.15 + rng.random() * 0.2  # 15–35 % above each standard
    size = 45 if level == "小学" else 50
    classes = math.ceil(pupils / (size - 5))
    teachers = math.ceil(pupils / (17 if level == "小学" else 13)) + 2
    rooms = max(1, math.ceil(classes / 12))
    funds = max(pupils, 100) * BENCHMARK[level] + rng.randrange(0, 20) * 100
    return [
        name, level, urban, pupils, classes, min(size, math.ceil(pupils / classes) + 2), teachers,
        teachers,
        math.ceil(pupils * s["above"] / 100 * up()),
        math.ceil(pupils * s["backbone"] / 100 * up()),
        math.ceil(pupils * s["pe"] / 100 * up()),
        round(pupils * s["area"] * up()),
        round(pupils * s["sports"] * up()),
        round(pupils * s["equip"] * up()),
        math.ceil(pupils * s["media"] / 100 * up()),
        rooms, rooms * (96 + rng.randrange(0, 30)),
        rooms, rooms * (90 + rng.randrange(0, 30)),
        funds, round(funds * (0.05 + rng.random() * 0.03)),
    ]


def county_rows():
    """The county sheet: labels as CountyValues::to_rows writes them (county.rs `slots`)."""
    items = json.loads(STANDARD.read_text(encoding="utf-8"))["items"]
    rows = [["指标", "值", "说明", "佐证材料"]]
    for item in items:
        values = [v for v in item.get("values", []) if v.get("entered", item["kind"] != "per_school")]
        if not values:
            hint = "（学校表无相应列时填写）" if item["kind"] == "per_school" else ""
            answer = "" if item["kind"] == "per_school" else ("否" if item["part"] == "veto" else "是")
            note = "未发现该情形" if item["part"] == "veto" else ""
            rows.append([f"{item['id']} {item['name_zh']}{hint}", answer, note, ""])
            continue
        for v in values:
            threshold = v.get("threshold")
            per_level = v.get("per_level", False) or isinstance(threshold, dict)
            for level in (["小学", "初中"] if per_level else [None]):
                label = f"{item['id']} {v['name_zh']}" + (f"（{level}）" if level else "")
                t = threshold[{"小学": "primary", "初中": "junior"}[level]] if isinstance(threshold, dict) else threshold
                rows.append([label, value_text(v, t, level), "", f"{item['id']}佐证材料.pdf"])
    return rows


def value_text(v, t, level):
    if v["op"] == "yes":
        return "是"
    if v["op"] == "input":
        return str(BENCHMARK[level])
    if v["unit"] == "percent":
        pct = 100 if t >= 0.99 else round(t * 100 + 4, 1)
        return f"{pct:g}%"
    if v["op"] == "below":
        return f"{t * 0.8:g}"
    return f"{t * 1.1:g}"


def csv_bytes(rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def files():
    rng = random.Random(SEED)
    schools = [HEADER] + [school_row(rng, *s) for s in SCHOOLS]
    county = county_rows()
    book = workbook([("学校", "visible", sheet_xml(schools)), ("县级指标", "visible", sheet_xml(county))])
    return {"schools.csv": csv_bytes(schools), "county_values.csv": csv_bytes(county), "county.xlsx": book}


def main():
    check = "--check" in sys.argv[1:]
    differ = []
    for name, data in files().items():
        path = OUT / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                differ.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    if differ:
        print(f"tests/fixtures/items: {', '.join(differ)} differ from tools/gen_items_county.py; rerun it")
        sys.exit(1)


if __name__ == "__main__":
    main()
