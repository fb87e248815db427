//! The core's workbook writer, read back by the workbook reader (`junheng-sheets`, calamine):
//! what the page's templates and the dossier write must open as they were written.

use junheng_core::ingest::ReadOptions;
use junheng_core::xlsx_writer::{workbook, Cell, Sheet};
use junheng_sheets::{read, sheet_names};

#[test]
fn a_workbook_reads_back_through_the_core() {
    let rows = vec![
        vec![
            Cell::Text("学校名称".into()),
            Cell::Text("在校学生数".into()),
            Cell::Text("图书册数".into()),
            Cell::Text("备注 <&>".into()),
        ],
        vec![
            Cell::Text("城关第一小学".into()),
            Cell::Number(2096.0),
            Cell::Number(121847.0),
            Cell::Empty,
        ],
        vec![
            Cell::Text("乡村小学".into()),
            Cell::Number(180.0),
            Cell::Number(5400.5),
            Cell::Text("“引号” & 'apostrophe'".into()),
        ],
    ];
    let bytes = workbook(&[
        Sheet::new("模板", rows.clone()),
        Sheet::new("第二页", vec![vec![Cell::Text("x".into())]]),
    ]);
    assert_eq!(sheet_names(&bytes).unwrap(), vec!["模板", "第二页"]);
    let ingested = read(&bytes, &ReadOptions::new("t.xlsx")).unwrap();
    let table = &ingested.table;
    assert_eq!(table.source.format, "xlsx");
    assert_eq!(
        table.headers,
        vec!["学校名称", "在校学生数", "图书册数", "备注 <&>"]
    );
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].cells[0], "城关第一小学");
    assert_eq!(table.rows[0].cells[1], "2096");
    assert_eq!(table.rows[1].cells[2], "5400.5");
    assert_eq!(table.rows[1].cells[3], "“引号” & 'apostrophe'");
    assert!(ingested.mapping.get(junheng_core::Field::Books).is_some());
}
