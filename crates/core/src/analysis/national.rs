//! The national indicators, one list: the twelve per-pupil (or per-100-pupil) ratios that the
//! 2012 basic-balance and 2017 high-quality-balance standards judge (docs/domain.md §2). With no
//! indicator named, the analysis computes those whose fields the headers name (`plan.rs`).

use crate::fields::Field;

/// A standard indicator of docs/domain.md §2: `numerator / students`, times 100 for "每百名".
pub struct NationalIndicator {
    /// Stable id, the indicator's name in the report (`books_per_student`).
    pub id: &'static str,
    /// Its name on the national forms.
    pub label_zh: &'static str,
    /// English name, as in the standard tables (`standards/data/*.json`).
    pub label_en: &'static str,
    /// The field divided by the students.
    pub numerator: Field,
    /// Per 100 students (每百名) rather than per student.
    pub per_100: bool,
}

/// The 2012 eight (§2.1), then the 2017 indicators not already among them (§2.2). The shared
/// area and equipment indicators appear once; teachers above the required qualification appear
/// per student (2012) and per 100 students (2017), the unit each standard is stated in.
pub const NATIONAL_INDICATORS: [NationalIndicator; 12] = [
    NationalIndicator {
        id: "teaching_area_per_student",
        label_zh: "生均教学及辅助用房面积",
        label_en: "Teaching and auxiliary floor area per student",
        numerator: Field::TeachingArea,
        per_100: false,
    },
    NationalIndicator {
        id: "sports_area_per_student",
        label_zh: "生均体育运动场馆面积",
        label_en: "Sports ground area per student",
        numerator: Field::SportsArea,
        per_100: false,
    },
    NationalIndicator {
        id: "equipment_value_per_student",
        label_zh: "生均教学仪器设备值",
        label_en: "Teaching equipment value per student",
        numerator: Field::EquipmentValue,
        per_100: false,
    },
    NationalIndicator {
        id: "computers_per_100",
        label_zh: "每百名学生拥有计算机台数",
        label_en: "Computers per 100 students",
        numerator: Field::Computers,
        per_100: true,
    },
    NationalIndicator {
        id: "books_per_student",
        label_zh: "生均图书册数",
        label_en: "Books per student",
        numerator: Field::Books,
        per_100: false,
    },
    NationalIndicator {
        id: "teacher_student_ratio",
        label_zh: "师生比",
        label_en: "Teachers per student",
        numerator: Field::Teachers,
        per_100: false,
    },
    NationalIndicator {
        id: "above_qual_teachers_per_student",
        label_zh: "生均高于规定学历教师数",
        label_en: "Teachers above required qualification per student",
        numerator: Field::TeachersAboveQual,
        per_100: false,
    },
    NationalIndicator {
        id: "mid_title_teachers_per_student",
        label_zh: "生均中级及以上专业技术职务教师数",
        label_en: "Teachers with mid-level title or above per student",
        numerator: Field::TeachersMidTitle,
        per_100: false,
    },
    NationalIndicator {
        id: "above_qual_teachers_per_100",
        label_zh: "每百名学生拥有高于规定学历教师数",
        label_en: "Teachers above required qualification per 100 students",
        numerator: Field::TeachersAboveQual,
        per_100: true,
    },
    NationalIndicator {
        id: "backbone_teachers_per_100",
        label_zh: "每百名学生拥有县级及以上骨干教师数",
        label_en: "County-level or higher backbone teachers per 100 students",
        numerator: Field::TeachersBackbone,
        per_100: true,
    },
    NationalIndicator {
        id: "pe_arts_teachers_per_100",
        label_zh: "每百名学生拥有体育、艺术（美术、音乐）专任教师数",
        label_en: "PE and arts (music, fine arts) teachers per 100 students",
        numerator: Field::TeachersPeArts,
        per_100: true,
    },
    NationalIndicator {
        id: "multimedia_rooms_per_100",
        label_zh: "每百名学生拥有网络多媒体教室数",
        label_en: "Networked multimedia classrooms per 100 students",
        numerator: Field::MultimediaRooms,
        per_100: true,
    },
];
