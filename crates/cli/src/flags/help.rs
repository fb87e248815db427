//! `junheng --help`: the usage lines, then each flag's own lines from its definition, by block.

use super::defs::{Section, FLAGS};

/// The usage lines and the heading of the first block of flags.
const USAGE: &str = "\
junheng — balance of compulsory education across a county's schools (义务教育均衡发展)

Usage / 用法:
  junheng analyze FILE [OPTIONS]     analyze a per-school table (CSV, TSV, XLSX, XLS, ODS);
                                     FILE may be - for stdin
  junheng plan FILE --standard ID [OPTIONS]
                                     the gap-to-standard plan: shortfalls per school, county
                                     totals, floor and top-k plans (CSV, UTF-8 with BOM)
  junheng report FILE -o OUT.xlsx|OUT.html [OPTIONS]
                                     the acceptance dossier: both national standards, page 1
                                     summary and 表1–表4, as an Excel workbook or a printable
                                     A4 page (the reading, filter, scope and county options;
                                     --research adds an appendix)
  junheng profile FILE               numeric columns with their pupil-weighted CV
  junheng --help | --version

Options of analyze / analyze 的选项:
";

/// The heading of the standards' block.
const STANDARDS: &str = "\nNational standards / 国家均衡标准 (analyze and plan):\n";

/// After the flags.
const END: &str = "  plan: -f, --format csv|json (default csv)

Options of report / report 的选项:
";

/// After the report block.
const EXIT: &str = "

Exit status / 退出码: 0 success, 2 usage error (fix the command), 3 input error (fix the file).
";

/// The full help text, in both languages (the flags are the same).
pub fn help() -> String {
    let mut out = String::from(USAGE);
    let block = |section| FLAGS.iter().filter(move |f| f.section == section);
    block(Section::Analyze).for_each(|flag| out.push_str(flag.help));
    out.push_str(STANDARDS);
    block(Section::Standards).for_each(|flag| out.push_str(flag.help));
    out.push_str(END);
    block(Section::Report).for_each(|flag| out.push_str(flag.help));
    out.push_str(EXIT);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_flag_once_in_its_block() {
        let text = help();
        let standards = text.find("National standards").unwrap();
        let report = text.find("Options of report").unwrap();
        for flag in FLAGS {
            let at = text.find(flag.help).unwrap();
            assert_eq!(text.matches(flag.help).count(), 1, "{}", flag.long);
            assert_eq!(
                at > standards && at < report,
                flag.section == Section::Standards
            );
            assert_eq!(at > report, flag.section == Section::Report);
        }
        assert!(text.ends_with("3 input error (fix the file).\n"));
    }
}
