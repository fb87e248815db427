//! A school entered twice: rows with the same name, level and code, which would count twice.
//! In a city's file or a file of several years, the same name in another county or year is
//! another school (or the same school another year): the county and year cells are part of the
//! key, so the file's duplicates are those of its slices (`crate::slices`).

use super::mapping::Mapping;
use super::table::{Row, Table};
use crate::error::Issue;
use crate::fast_hash::FastMap;
use crate::fields::Field;

/// Most duplicated names listed: a file where every name repeats (codes in another column the
/// mapping missed) needs one message to be understood, not thousands.
const MAX_DUPLICATE_NAMES: usize = 20;

/// Names that appear on more than one row with the same level, school code, county and year
/// (each empty when unmapped): one issue per name, in order of its second row. O(rows).
pub(super) fn duplicate_schools(table: &Table, mapping: &Mapping) -> Vec<Issue> {
    let Some(name) = mapping.get(Field::SchoolName).map(|m| m.column) else {
        return Vec::new();
    };
    fn cell<'a>(row: &'a Row, mapping: &Mapping, field: Field) -> &'a str {
        mapping
            .get(field)
            .and_then(|m| row.cells.get(m.column))
            .map_or("", |c| c.trim())
    }
    type Key<'a> = [&'a str; 5];
    let mut seen: FastMap<Key, usize> = FastMap::default();
    let mut groups: Vec<(String, Vec<u64>)> = Vec::new();
    let mut first_line: FastMap<Key, u64> = FastMap::default();
    for row in &table.rows {
        let school = row.cells.get(name).map_or("", |c| c.trim());
        if school.is_empty() {
            continue;
        }
        let key = [
            school,
            cell(row, mapping, Field::Level),
            cell(row, mapping, Field::SchoolCode),
            cell(row, mapping, Field::County),
            cell(row, mapping, Field::Year),
        ];
        if let Some(&group) = seen.get(&key) {
            groups[group].1.push(row.line);
        } else if let Some(&first) = first_line.get(&key) {
            if groups.len() < MAX_DUPLICATE_NAMES {
                seen.insert(key, groups.len());
                groups.push((school.to_string(), vec![first, row.line]));
            }
        } else {
            first_line.insert(key, row.line);
        }
    }
    groups
        .into_iter()
        .map(|(name, lines)| Issue::DuplicateSchool { name, lines })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read, ReadOptions};

    #[test]
    fn a_school_entered_twice_is_flagged_once_per_name() {
        let csv = "学校名称,学段,学校标识码,在校学生数\n\
            甲小学,小学,1,100\n乙小学,小学,2,50\n甲小学 ,小学,1,100\n\
            中心小学,小学,3,40\n中心小学,小学,4,60\n\
            九年一贯,小学,5,10\n九年一贯,初中,5,20\n甲小学,小学,1,100\n";
        let ingested = read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
        let duplicates: Vec<&Issue> = ingested
            .issues
            .iter()
            .filter(|i| matches!(i, Issue::DuplicateSchool { .. }))
            .collect();
        // Same name with another code, or another level (a spanning school's sections): not listed.
        assert_eq!(
            duplicates,
            [&Issue::DuplicateSchool {
                name: "甲小学".into(),
                lines: vec![2, 4, 9],
            }]
        );
        assert_eq!(duplicates[0].line(), Some(4));
        assert!(duplicates[0]
            .message(crate::Lang::Zh)
            .contains("第 2、4、9 行"));
        // Every row is still read: the user decides.
        assert_eq!(ingested.table.rows.len(), 8);
    }

    #[test]
    fn the_same_name_in_another_county_or_year_is_no_duplicate() {
        let csv = "县区,年份,学校名称,在校学生数\n\
            青山县,2023,中心小学,100\n河口县,2023,中心小学,90\n青山县,2024,中心小学,110\n\
            青山县,2023,中心小学,100\n";
        let ingested = read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
        let duplicates: Vec<&Issue> = ingested
            .issues
            .iter()
            .filter(|i| matches!(i, Issue::DuplicateSchool { .. }))
            .collect();
        assert_eq!(
            duplicates,
            [&Issue::DuplicateSchool {
                name: "中心小学".into(),
                lines: vec![2, 5],
            }]
        );
    }

    #[test]
    fn duplicate_names_are_listed_up_to_a_bound() {
        let mut csv = String::from("学校名称,在校学生数\n");
        for i in 0..100 {
            csv.push_str(&format!("校{i},1\n校{i},1\n"));
        }
        let ingested = read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
        let n = ingested
            .issues
            .iter()
            .filter(|i| matches!(i, Issue::DuplicateSchool { .. }))
            .count();
        assert_eq!(n, MAX_DUPLICATE_NAMES);
    }
}
