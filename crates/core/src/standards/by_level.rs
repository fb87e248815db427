//! Values by level (小学, 初中), and the size limits of G4 and G5 built from them.

use super::input::Level;

/// One value per level (小学, 初中).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ByLevel<T> {
    /// 小学.
    pub primary: T,
    /// 初中.
    pub junior: T,
}

impl<T: Copy> ByLevel<T> {
    /// The value of a level.
    pub fn get(&self, level: Level) -> T {
        match level {
            Level::Primary => self.primary,
            Level::Junior => self.junior,
        }
    }
}

/// Limits of the computable 2017 items of other dimensions (政府保障程度, docs/domain.md §2.2).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SizeLimits {
    /// Largest school (pupils) for 小学 / 初中 schools.
    pub school_students: ByLevel<f64>,
    /// Largest 九年/十二年一贯制 school (compulsory-stage pupils).
    pub spanning_students: f64,
    /// Largest class per level.
    pub class_size: ByLevel<f64>,
}
