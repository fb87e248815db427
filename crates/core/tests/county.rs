//! The county of a report (`source.county`): prefilled from the file where it says, set or
//! overridden by the user. One line per case.

use junheng_core::analysis::{self, AnalysisConfig, Filter};
use junheng_core::county::{CountyGiven, Origin};
use junheng_core::ingest::{self, ReadOptions};
use junheng_core::Error;

type Expected<'a> = (
    Option<(&'a str, Origin, Option<u64>)>,
    Option<(u32, Origin)>,
    Option<(&'a str, Origin)>,
);

fn check(csv: &str, config: &AnalysisConfig, expected: Expected) {
    let ingested = ingest::read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
    let report = analysis::run(&ingested, config).unwrap();
    let county = &report.source.county;
    let got: Expected = (
        county
            .name
            .as_ref()
            .map(|f| (f.value.as_str(), f.from, f.line)),
        county.year.as_ref().map(|f| (f.value, f.from)),
        county.unit.as_ref().map(|f| (f.value.as_str(), f.from)),
    );
    assert_eq!(got, expected, "{csv}");
}

const SCHOOLS: &str = "学校名称,学段,在校学生数,图书册数\n一小,小学,500,2000\n二小,小学,400,1500\n";

#[test]
fn from_the_file() {
    let plain = AnalysisConfig::new();
    check(SCHOOLS, &plain, (None, None, None));
    check(
        &format!("青山县2023年义务教育学校办学条件统计表\n填报单位：青山县教育局 单位：人、册\n{SCHOOLS}"),
        &plain,
        (
            Some(("青山县", Origin::Title, Some(1))),
            Some((2023, Origin::Title)),
            Some(("青山县教育局", Origin::UnitLine)),
        ),
    );
    // The name from the reporting unit when the title has none.
    check(
        &format!("2022年义务教育学校办学条件统计表\n填报单位：石门县教育体育局\n{SCHOOLS}"),
        &plain,
        (
            Some(("石门县", Origin::UnitLine, Some(2))),
            Some((2022, Origin::Title)),
            Some(("石门县教育体育局", Origin::UnitLine)),
        ),
    );
    // A 县 column with one value.
    check(
        "县（市、区）,学校名称,学段,在校学生数,图书册数\n柳河县,一小,小学,500,2000\n柳河县,二小,小学,400,1500\n",
        &plain,
        (Some(("柳河县", Origin::Column, Some(2))), None, None),
    );
}

#[test]
fn a_city_file_filtered_to_one_county() {
    let city = "县区,学校名称,学段,在校学生数,图书册数\n柳河县,一小,小学,500,2000\n白杨区,二小,小学,400,1500\n白杨区,三小,小学,300,900\n";
    check(city, &AnalysisConfig::new(), (None, None, None));
    let one = AnalysisConfig {
        filters: vec![Filter {
            column: "县区".into(),
            value: "白杨区".into(),
        }],
        ..AnalysisConfig::new()
    };
    check(
        city,
        &one,
        (Some(("白杨区", Origin::Column, Some(3))), None, None),
    );
}

#[test]
fn set_by_the_user() {
    let given = AnalysisConfig {
        county: CountyGiven {
            name: Some(" 桃源县 ".into()),
            year: Some(2024),
            unit: Some("桃源县教育局".into()),
        },
        ..AnalysisConfig::new()
    };
    check(
        &format!("青山县2023年义务教育学校办学条件统计表\n{SCHOOLS}"),
        &given,
        (
            Some(("桃源县", Origin::Given, None)),
            Some((2024, Origin::Given)),
            Some(("桃源县教育局", Origin::Given)),
        ),
    );
    let ingested = ingest::read(SCHOOLS.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
    let bad = AnalysisConfig {
        county: CountyGiven {
            year: Some(20234),
            ..CountyGiven::none()
        },
        ..AnalysisConfig::new()
    };
    assert_eq!(
        analysis::run(&ingested, &bad),
        Err(Error::BadOption {
            option: "year".into(),
            value: "20234".into()
        })
    );
}
