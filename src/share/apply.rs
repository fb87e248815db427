//! A link's settings against the loaded file: which column each override names, which level,
//! group and weight fit, and what the file lacks (the link may have been made with another
//! version of the file).

use junheng_core::analysis::WeightSpec;
use junheng_core::Field;

use super::view::SharedView;

/// What to set on the page, and what could not be.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// Mapping changes: field → column index, or unmapped.
    pub mapping: Vec<(Field, Option<usize>)>,
    /// Level value to select (`Some(None)`: every school); `None`: keep the page's.
    pub level: Option<Option<String>>,
    /// Group column (`Some(None)`: no grouping); `None`: keep the page's.
    pub group: Option<Option<String>>,
    /// Weight; `None`: keep the page's.
    pub weight: Option<WeightSpec>,
    /// Headers (and level values) the link names and the file does not have, in link order.
    pub missing: Vec<String>,
}

/// The plan for `view` on a file with `headers`, whose level column (after the mapping
/// overrides) holds `level_values`.
pub fn plan(view: &SharedView, headers: &[String], level_values: &[String]) -> Plan {
    let column = |header: &str| headers.iter().position(|h| h == header);
    let mut lacking: Vec<String> = Vec::new();
    let mut missing = |text: &str| {
        if !lacking.iter().any(|t| t == text) {
            lacking.push(text.to_string());
        }
    };
    let mut mapping = Vec::new();
    for (field, header) in &view.mapping {
        match header {
            None => mapping.push((*field, None)),
            Some(header) => match column(header) {
                Some(index) => mapping.push((*field, Some(index))),
                None => missing(header),
            },
        }
    }
    let settings = &view.settings;
    let level = match &settings.level {
        Some(Some(value)) if !level_values.contains(value) => {
            missing(value);
            None
        }
        other => other.clone(),
    };
    let group = match &settings.group {
        Some(Some(header)) if column(header).is_none() => {
            missing(header);
            None
        }
        other => other.clone(),
    };
    let weight = match &settings.weight {
        Some(WeightSpec::Column(header)) if column(header).is_none() => {
            missing(header);
            None
        }
        other => other.clone(),
    };
    Plan {
        mapping,
        level,
        group,
        weight,
        missing: lacking,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::view::tests::full_view;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_matching_file_takes_every_choice() {
        let view = full_view();
        let headers = strings(&["学校", "学生数（人）", "在校学生数", "学段"]);
        let plan = plan(&view, &headers, &strings(&["小学", "初中"]));
        assert_eq!(
            plan,
            Plan {
                mapping: vec![(Field::Students, Some(1)), (Field::Township, None)],
                level: Some(Some("初中".into())),
                group: Some(None),
                weight: Some(WeightSpec::Column("在校学生数".into())),
                missing: Vec::new(),
            }
        );
    }

    #[test]
    fn another_file_says_what_it_lacks() {
        let mut view = full_view();
        view.settings.group = Some(Some("城乡分类".into()));
        let plan = plan(&view, &strings(&["学校", "学段"]), &strings(&["小学"]));
        assert_eq!(plan.mapping, vec![(Field::Township, None)]);
        assert_eq!((plan.level, plan.group, plan.weight), (None, None, None));
        assert_eq!(
            plan.missing,
            strings(&["学生数（人）", "初中", "城乡分类", "在校学生数"])
        );
    }

    #[test]
    fn an_empty_view_changes_nothing() {
        assert_eq!(plan(&SharedView::default(), &[], &[]), Plan::default());
    }
}
