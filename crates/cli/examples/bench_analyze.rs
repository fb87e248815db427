//! Timing of a large county: 200 000 schools, the 12 standard indicators with every measure,
//! grouped by 城乡分类 (urban/rural). Run in release:
//!
//! ```text
//! cargo run --release -p junheng-cli --example bench_analyze [ROWS]
//! ```
//!
//! The table is generated in memory (deterministic), so the figure covers CSV reading and the
//! analysis, not the disk. Prints the fastest of five runs.

use std::fmt::Write;
use std::time::Instant;

use junheng_core::analysis::{run, AnalysisConfig, WeightSpec};
use junheng_core::ingest::{read, ReadOptions};
use junheng_core::measures::MedianRule;

/// A small deterministic generator (64-bit LCG, Knuth's constants): no dependency needed.
struct Lcg(u64);

impl Lcg {
    /// Uniform in [0, 1).
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn main() {
    let rows: usize = std::env::args()
        .nth(1)
        .map_or(200_000, |n| n.parse().expect("ROWS is a number"));
    let mut rng = Lcg(20261130);
    let mut csv = String::from(
        "学校名称,学段,城乡分类,在校学生数,专任教师数,高于规定学历教师数,县级及以上骨干教师数,\
体育、艺术专任教师数,中级及以上职称教师数,教学及辅助用房面积（平方米）,体育运动场馆面积（平方米）,\
教学仪器设备值（万元）,图书册数,计算机台数,网络多媒体教室数（间）\n",
    );
    let classes = ["城区", "镇区", "乡村"];
    for i in 0..rows {
        let class = classes[i % 3];
        let pupils = (30.0 + rng.next() * 2000.0).round();
        let p = pupils / 100.0;
        let teachers = (p * (5.0 + rng.next() * 3.0)).ceil();
        writeln!(
            csv,
            "学校{i},小学,{class},{pupils},{teachers},{},{},{},{},{:.1},{:.1},{:.2},{},{},{}",
            (teachers * (0.85 + rng.next() * 0.15)).floor(),
            (p * rng.next() * 1.5).floor(),
            (p * (0.5 + rng.next())).floor(),
            (teachers * (0.3 + rng.next() * 0.4)).floor(),
            pupils * (3.5 + rng.next() * 3.0),
            pupils * (5.0 + rng.next() * 8.0),
            pupils * (0.15 + rng.next() * 0.25),
            (pupils * (20.0 + rng.next() * 30.0)).round(),
            (p * (5.0 + rng.next() * 15.0)).round(),
            (p * (1.5 + rng.next() * 2.0)).round(),
        )
        .expect("writing to a String");
    }
    let config = AnalysisConfig {
        indicators: Vec::new(),
        extra: Vec::new(),
        weight: WeightSpec::Auto,
        group: Some("城乡分类".into()),
        filters: Vec::new(),
        median_rule: MedianRule::AtOrBelow,
        ..AnalysisConfig::new()
    };

    // The fastest of five runs: the machine may be shared, and the minimum is the figure
    // least disturbed by other work.
    let mut best = [f64::INFINITY; 4];
    let mut report = None;
    for _ in 0..5 {
        let start = Instant::now();
        let ingested =
            read(csv.as_bytes(), &ReadOptions::new("bench.csv")).expect("generated CSV reads");
        let read = start.elapsed().as_secs_f64();
        let cpu_before = cpu_seconds();
        let r = run(&ingested, &config).expect("generated table analyzes");
        let analyzed = start.elapsed().as_secs_f64() - read;
        let analyzed_cpu = cpu_seconds() - cpu_before;
        let json = r.to_json();
        let total = start.elapsed().as_secs_f64();
        assert!(json.contains("junheng.report/1"));
        for (b, t) in best.iter_mut().zip([read, analyzed, total, analyzed_cpu]) {
            *b = b.min(t);
        }
        report = Some(r);
    }
    let report = report.expect("five runs");
    println!(
        "{rows} rows ({:.1} MB), {} indicators × all measures, grouped by 城乡分类, best of 5: \
read {:.3} s, analyze {:.3} s (CPU time over all threads {:.2} s), total with JSON {:.3} s \
({} threads)",
        csv.len() as f64 / 1e6,
        report.indicators.len(),
        best[0],
        best[1],
        best[3],
        best[2],
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    );
    assert_eq!(report.indicators[0].n, rows);
}

/// CPU time of the whole process so far (user + system, every thread, joined ones included),
/// from /proc/self/stat in units of USER_HZ = 100 per second; NaN where unavailable. Shows
/// the work done when the wall clock is disturbed by other processes.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return f64::NAN;
    };
    // Fields after the command name in parentheses; utime and stime are fields 14 and 15.
    let Some((_, after)) = stat.rsplit_once(')') else {
        return f64::NAN;
    };
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    match (ticks(11), ticks(12)) {
        (Some(user), Some(system)) => (user + system) / 100.0,
        _ => f64::NAN,
    }
}
