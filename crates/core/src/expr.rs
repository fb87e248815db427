//! The expression of an indicator, parsed: a column, or columns and numbers joined by `*` and `/`.
//!
//! ```text
//! expr    = operand ( ("*" | "/") operand )*
//! operand = number | "[" any text without "]" "]" | bare name
//! ```
//!
//! A bare name runs up to the next `*` or `/` and is trimmed, so headers with spaces and
//! full-width parentheses need no quoting: `教学及辅助用房面积（平方米）/在校学生数`. A header that
//! contains `*` or `/`, or that looks like a number, is written in brackets: `[图书/册]/学生数`.
//! Operators apply left to right; there are no parentheses, so `a/b*100` is (a ÷ b) × 100.
//!
//! Parsing checks the syntax only; which column a name denotes is decided by the analysis
//! (`analysis/validate.rs`), which knows the table.

use crate::Lang;

/// An operator between two operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `*`
    Mul,
    /// `/`
    Div,
}

/// One operand of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    /// A column, by header text or canonical field id (resolved later).
    Column(String),
    /// A finite constant. Dividing by the constant 0 is a parse error.
    Number(f64),
}

/// A parsed indicator expression: `first (op operand)*`, evaluated left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// The first operand.
    pub first: Operand,
    /// The following operators and operands, in order.
    pub rest: Vec<(Op, Operand)>,
}

impl Expr {
    /// Every operand, first to last.
    pub fn operands(&self) -> impl Iterator<Item = &Operand> {
        std::iter::once(&self.first).chain(self.rest.iter().map(|(_, o)| o))
    }
}

/// What is wrong with an expression; positions count characters from 1.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprError {
    /// Nothing but spaces.
    Empty,
    /// A column or number was expected at `position` (after an operator, or at the start).
    ExpectedOperand {
        /// Character position, from 1.
        position: usize,
    },
    /// `[` at `position` has no matching `]`.
    UnclosedBracket {
        /// Character position of the `[`, from 1.
        position: usize,
    },
    /// `[]` with nothing inside.
    EmptyBracket {
        /// Character position of the `[`, from 1.
        position: usize,
    },
    /// Something other than `*` or `/` follows a bracketed name.
    ExpectedOperator {
        /// Character position, from 1.
        position: usize,
        /// The character found there.
        found: char,
    },
    /// A number that is too large to represent.
    NumberTooLarge {
        /// Character position of the number, from 1.
        position: usize,
    },
    /// A division by the constant 0.
    DivideByZero {
        /// Character position of the 0, from 1.
        position: usize,
    },
}

impl ExprError {
    /// The message in the given language: what, where (character position), and what to do.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ExprError::Empty, Lang::Zh) => {
                "表达式是空的。请写一个列名，或用 * 和 / 连接的列名和数字，如 图书册数/在校学生数。"
                    .into()
            }
            (ExprError::Empty, Lang::En) => "The expression is empty. Write a column name, or column names and numbers joined by * and /, like books/students.".into(),
            (ExprError::ExpectedOperand { position }, Lang::Zh) => format!(
                "第 {position} 个字符处缺少列名或数字。请在 * 或 / 两侧各写一个列名或数字。"
            ),
            (ExprError::ExpectedOperand { position }, Lang::En) => format!(
                "Character {position}: a column name or number is missing. Put a column name or number on both sides of each * and /."
            ),
            (ExprError::UnclosedBracket { position }, Lang::Zh) => format!(
                "第 {position} 个字符处的 [ 没有对应的 ]。请在列名后加上 ]。"
            ),
            (ExprError::UnclosedBracket { position }, Lang::En) => format!(
                "Character {position}: this [ has no matching ]. Add ] after the column name."
            ),
            (ExprError::EmptyBracket { position }, Lang::Zh) => {
                format!("第 {position} 个字符处的 [] 是空的。请在方括号中写列名。")
            }
            (ExprError::EmptyBracket { position }, Lang::En) => format!(
                "Character {position}: [] is empty. Write a column name inside the brackets."
            ),
            (ExprError::ExpectedOperator { position, found }, Lang::Zh) => format!(
                "第 {position} 个字符“{found}”处应为 * 或 /。方括号中的列名后只能接 * 或 /。"
            ),
            (ExprError::ExpectedOperator { position, found }, Lang::En) => format!(
                "Character {position}: expected * or / but found “{found}”. Only * or / may follow a bracketed column name."
            ),
            (ExprError::NumberTooLarge { position }, Lang::Zh) => {
                format!("第 {position} 个字符处的数字太大。请使用较小的数字。")
            }
            (ExprError::NumberTooLarge { position }, Lang::En) => {
                format!("Character {position}: the number is too large. Use a smaller number.")
            }
            (ExprError::DivideByZero { position }, Lang::Zh) => {
                format!("第 {position} 个字符处除以 0。请删去“/0”或改用其他数字。")
            }
            (ExprError::DivideByZero { position }, Lang::En) => format!(
                "Character {position}: division by 0. Remove “/0” or divide by another number."
            ),
        }
    }
}

/// Parses an indicator expression.
///
/// ```
/// use junheng_core::expr::{parse, Expr, Op, Operand};
/// let expr = parse("computers / students * 100").unwrap();
/// assert_eq!(expr.first, Operand::Column("computers".into()));
/// assert_eq!(expr.rest[1], (Op::Mul, Operand::Number(100.0)));
/// ```
pub fn parse(text: &str) -> Result<Expr, ExprError> {
    let chars: Vec<char> = text.chars().collect();
    if chars.iter().all(|c| c.is_whitespace()) {
        return Err(ExprError::Empty);
    }
    let mut at = 0;
    let first = parse_operand(&chars, &mut at)?;
    let mut rest = Vec::new();
    loop {
        skip_spaces(&chars, &mut at);
        let Some(&c) = chars.get(at) else { break };
        let op = match c {
            '*' => Op::Mul,
            '/' => Op::Div,
            found => {
                return Err(ExprError::ExpectedOperator {
                    position: at + 1,
                    found,
                })
            }
        };
        at += 1;
        skip_spaces(&chars, &mut at);
        let operand_position = at + 1;
        let operand = parse_operand(&chars, &mut at)?;
        if op == Op::Div && operand == Operand::Number(0.0) {
            return Err(ExprError::DivideByZero {
                position: operand_position,
            });
        }
        rest.push((op, operand));
    }
    Ok(Expr { first, rest })
}

fn skip_spaces(chars: &[char], at: &mut usize) {
    while chars.get(*at).is_some_and(|c| c.is_whitespace()) {
        *at += 1;
    }
}

/// Reads one operand starting at `*at` (spaces allowed before it) and leaves `*at` after it.
fn parse_operand(chars: &[char], at: &mut usize) -> Result<Operand, ExprError> {
    skip_spaces(chars, at);
    let start = *at;
    match chars.get(start) {
        None | Some('*') | Some('/') => Err(ExprError::ExpectedOperand {
            position: start + 1,
        }),
        Some('[') => {
            let Some(close) = chars[start + 1..].iter().position(|&c| c == ']') else {
                return Err(ExprError::UnclosedBracket {
                    position: start + 1,
                });
            };
            let name: String = chars[start + 1..start + 1 + close].iter().collect();
            *at = start + close + 2;
            let name = name.trim();
            if name.is_empty() {
                return Err(ExprError::EmptyBracket {
                    position: start + 1,
                });
            }
            Ok(Operand::Column(name.to_string()))
        }
        Some(_) => {
            let end = chars[start..]
                .iter()
                .position(|&c| c == '*' || c == '/')
                .map_or(chars.len(), |i| start + i);
            *at = end;
            let token: String = chars[start..end].iter().collect();
            let token = token.trim();
            if looks_numeric(token) {
                if let Ok(v) = token.parse::<f64>() {
                    return if v.is_finite() {
                        Ok(Operand::Number(v))
                    } else {
                        Err(ExprError::NumberTooLarge {
                            position: start + 1,
                        })
                    };
                }
            }
            Ok(Operand::Column(token.to_string()))
        }
    }
}

/// True for tokens made of digits with an optional point and exponent (`100`, `1e4`, `0.5`);
/// `inf`, `NaN` and similar words stay column names.
fn looks_numeric(token: &str) -> bool {
    let first = token.chars().next();
    first.is_some_and(|c| c.is_ascii_digit() || c == '.')
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(name: &str) -> Operand {
        Operand::Column(name.into())
    }

    /// Parses `input` and compares with `expected`: `Ok` with the operands, or `Err` with the
    /// exact English and Chinese messages.
    fn check(input: &str, expected: Result<Expr, (&str, &str)>) {
        let got = parse(input);
        match (&got, &expected) {
            (Ok(g), Ok(e)) => assert_eq!(g, e, "input {input:?}"),
            (Err(g), Err((en, zh))) => {
                assert_eq!(g.message(Lang::En), *en, "input {input:?}");
                assert_eq!(g.message(Lang::Zh), *zh, "input {input:?}");
            }
            _ => panic!("input {input:?}: got {got:?}, expected {expected:?}"),
        }
    }

    fn ok(first: Operand, rest: Vec<(Op, Operand)>) -> Result<Expr, (&'static str, &'static str)> {
        Ok(Expr { first, rest })
    }

    #[test]
    fn good_expressions() {
        check("students", ok(col("students"), vec![]));
        check("  在校学生数  ", ok(col("在校学生数"), vec![]));
        check(
            "教学及辅助用房面积（平方米）/在校学生数",
            ok(
                col("教学及辅助用房面积（平方米）"),
                vec![(Op::Div, col("在校学生数"))],
            ),
        );
        check(
            "computer/students*100",
            ok(
                col("computer"),
                vec![
                    (Op::Div, col("students")),
                    (Op::Mul, Operand::Number(100.0)),
                ],
            ),
        );
        check(
            "equipment_value * 1e4 / students",
            ok(
                col("equipment_value"),
                vec![
                    (Op::Mul, Operand::Number(10000.0)),
                    (Op::Div, col("students")),
                ],
            ),
        );
        check(
            "[图书/册] / [学生*数]",
            ok(col("图书/册"), vec![(Op::Div, col("学生*数"))]),
        );
        check("[2023]", ok(col("2023"), vec![]));
        check("0.5*x", ok(Operand::Number(0.5), vec![(Op::Mul, col("x"))]));
        check("面积 (m2)", ok(col("面积 (m2)"), vec![]));
        check("inf", ok(col("inf"), vec![]));
        check(
            "a/0.0001",
            ok(col("a"), vec![(Op::Div, Operand::Number(0.0001))]),
        );
    }

    #[test]
    fn bad_expressions() {
        check(
            "",
            Err((
                "The expression is empty. Write a column name, or column names and numbers joined by * and /, like books/students.",
                "表达式是空的。请写一个列名，或用 * 和 / 连接的列名和数字，如 图书册数/在校学生数。",
            )),
        );
        check(
            "books/",
            Err((
                "Character 7: a column name or number is missing. Put a column name or number on both sides of each * and /.",
                "第 7 个字符处缺少列名或数字。请在 * 或 / 两侧各写一个列名或数字。",
            )),
        );
        check(
            "*books",
            Err((
                "Character 1: a column name or number is missing. Put a column name or number on both sides of each * and /.",
                "第 1 个字符处缺少列名或数字。请在 * 或 / 两侧各写一个列名或数字。",
            )),
        );
        check(
            "图书册数 // 学生数",
            Err((
                "Character 7: a column name or number is missing. Put a column name or number on both sides of each * and /.",
                "第 7 个字符处缺少列名或数字。请在 * 或 / 两侧各写一个列名或数字。",
            )),
        );
        check(
            "a/[图书",
            Err((
                "Character 3: this [ has no matching ]. Add ] after the column name.",
                "第 3 个字符处的 [ 没有对应的 ]。请在列名后加上 ]。",
            )),
        );
        check(
            "[ ]/a",
            Err((
                "Character 1: [] is empty. Write a column name inside the brackets.",
                "第 1 个字符处的 [] 是空的。请在方括号中写列名。",
            )),
        );
        check(
            "[图书]册/a",
            Err((
                "Character 5: expected * or / but found “册”. Only * or / may follow a bracketed column name.",
                "第 5 个字符“册”处应为 * 或 /。方括号中的列名后只能接 * 或 /。",
            )),
        );
        check(
            "a*1e999",
            Err((
                "Character 3: the number is too large. Use a smaller number.",
                "第 3 个字符处的数字太大。请使用较小的数字。",
            )),
        );
        check(
            "a / 0",
            Err((
                "Character 5: division by 0. Remove “/0” or divide by another number.",
                "第 5 个字符处除以 0。请删去“/0”或改用其他数字。",
            )),
        );
    }
}
