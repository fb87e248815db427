//! Canonical fields of a per-school table (docs/domain.md §5.2): the names the engine understands,
//! whatever a county's file calls its columns.

/// Base unit in which a field's values are stored after ingestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Free text (names, codes, categories).
    Text,
    /// Persons: pupils, teachers, staff.
    Persons,
    /// Countable things: classes, computers, rooms, books.
    Count,
    /// Square metres.
    SquareMetres,
    /// Yuan (元). Files in 万元 are scaled × 10 000 on ingestion.
    Yuan,
}

/// A canonical field. The `id` strings are stable: they appear in reports, URLs and standard files.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum Field {
    /// 学校名称.
    SchoolName,
    /// 学校标识码; kept as text (leading zeros).
    SchoolCode,
    /// 学段 / 办学类型: 小学, 初中, 九年一贯制, ...
    Level,
    /// 城乡分类: 城区 / 镇区 / 乡村.
    UrbanRural,
    /// 乡镇 (街道), 学区.
    Township,
    /// 举办者: 公办 / 民办.
    Operator,
    /// 在校生数.
    Students,
    /// 小学部学生数 (schools spanning levels).
    StudentsPrimary,
    /// 初中部学生数.
    StudentsJunior,
    /// 高中部学生数.
    StudentsSenior,
    /// 班级数.
    Classes,
    /// 最大班额.
    MaxClassSize,
    /// 专任教师数.
    Teachers,
    /// 教职工数 (not a 师生比 numerator).
    Staff,
    /// 高于规定学历教师数.
    TeachersAboveQual,
    /// 县级及以上骨干教师数.
    TeachersBackbone,
    /// 体育、艺术（美术、音乐）专任教师数.
    TeachersPeArts,
    /// 中级及以上专业技术职务教师数.
    TeachersMidTitle,
    /// 教学及辅助用房面积, m².
    TeachingArea,
    /// 室内体育用房面积 (体育馆), m².
    GymArea,
    /// 体育运动场（馆）面积, m².
    SportsArea,
    /// 教学仪器设备值, yuan.
    EquipmentValue,
    /// 计算机台数.
    Computers,
    /// 网络多媒体教室数.
    MultimediaRooms,
    /// 图书册数.
    Books,
    /// 校舍建筑面积, m².
    BuildingArea,
    /// 占地面积, m².
    SiteArea,
    /// 音乐专用教室.
    MusicRooms,
    /// 美术专用教室.
    ArtRooms,
    /// 公用经费, yuan.
    PublicFunds,
    /// 音乐专用教室面积 (all music rooms together), m² (G3, docs/domain.md §2.2).
    MusicRoomArea,
    /// 美术专用教室面积 (all art rooms together), m² (G3).
    ArtRoomArea,
    /// 教师培训经费, yuan (Q4).
    TrainingFunds,
    /// 持教师资格证的专任教师数 (G12).
    TeachersCertified,
    /// 46人以上班级数: classes of more than 45 pupils (G5).
    ClassesOver45,
    /// 51人以上班级数: classes of more than 50 pupils (G5).
    ClassesOver50,
    /// 56人以上班级数 (大班额): classes of more than 55 pupils (G5).
    ClassesOver55,
    /// 66人以上班级数 (超大班额): classes of more than 65 pupils (G5).
    ClassesOver65,
    /// 46-50人班级数 (G5).
    Classes46To50,
    /// 51-55人班级数 (G5).
    Classes51To55,
    /// 56-60人班级数 (G5).
    Classes56To60,
    /// 61-65人班级数 (G5).
    Classes61To65,
    /// 县（市、区）: the county of the row, in a city's or a province's file (docs/domain.md §6).
    County,
    /// 年份 / 学年: the year of the row, in a file of several years (docs/domain.md §6.7).
    Year,
}

impl Field {
    /// Every field, in the order of the template's columns (the class-size bands, alternatives
    /// of 最大班额, are not in the template: [`Field::is_class_band`]; the county and the year
    /// last: a county's own file leaves them out). New variants are declared last, so that the
    /// order of the older ones (`Ord`) never changes.
    pub const ALL: [Field; 44] = [
        Field::SchoolName,
        Field::SchoolCode,
        Field::Level,
        Field::UrbanRural,
        Field::Township,
        Field::Operator,
        Field::Students,
        Field::StudentsPrimary,
        Field::StudentsJunior,
        Field::StudentsSenior,
        Field::Classes,
        Field::MaxClassSize,
        Field::ClassesOver45,
        Field::ClassesOver50,
        Field::ClassesOver55,
        Field::ClassesOver65,
        Field::Classes46To50,
        Field::Classes51To55,
        Field::Classes56To60,
        Field::Classes61To65,
        Field::Teachers,
        Field::Staff,
        Field::TeachersAboveQual,
        Field::TeachersBackbone,
        Field::TeachersPeArts,
        Field::TeachersMidTitle,
        Field::TeachersCertified,
        Field::TeachingArea,
        Field::GymArea,
        Field::SportsArea,
        Field::EquipmentValue,
        Field::Computers,
        Field::MultimediaRooms,
        Field::Books,
        Field::BuildingArea,
        Field::SiteArea,
        Field::MusicRooms,
        Field::MusicRoomArea,
        Field::ArtRooms,
        Field::ArtRoomArea,
        Field::PublicFunds,
        Field::TrainingFunds,
        Field::County,
        Field::Year,
    ];

    /// Stable id, as in docs/domain.md §5.2.
    pub fn id(self) -> &'static str {
        self.info().0
    }

    /// Chinese name, as in the national template.
    pub fn name_zh(self) -> &'static str {
        self.info().1
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        self.info().2
    }

    /// Base unit of the stored values.
    pub fn unit(self) -> Unit {
        self.info().3
    }

    /// A count of classes in a size band (46人以上, 51-55人, 大班额, …): what a file gives
    /// instead of, or besides, the largest class (G5, docs/domain.md §2.2).
    pub fn is_class_band(self) -> bool {
        self.class_band().is_some()
    }

    /// The class sizes a band counts, inclusive: (46, None) for 46人以上, (51, Some(55)) for
    /// 51-55人. `None` for any other field.
    pub fn class_band(self) -> Option<(u32, Option<u32>)> {
        Some(match self {
            Field::ClassesOver45 => (46, None),
            Field::ClassesOver50 => (51, None),
            Field::ClassesOver55 => (56, None),
            Field::ClassesOver65 => (66, None),
            Field::Classes46To50 => (46, Some(50)),
            Field::Classes51To55 => (51, Some(55)),
            Field::Classes56To60 => (56, Some(60)),
            Field::Classes61To65 => (61, Some(65)),
            _ => return None,
        })
    }

    /// The field with this id.
    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    fn info(self) -> (&'static str, &'static str, &'static str, Unit) {
        use Unit::*;
        match self {
            Field::SchoolName => ("school_name", "学校名称", "School name", Text),
            Field::SchoolCode => ("school_code", "学校标识码", "School code", Text),
            Field::Level => ("level", "学段", "Level", Text),
            Field::UrbanRural => ("urban_rural", "城乡分类", "Urban/rural", Text),
            Field::Township => ("township", "乡镇", "Township", Text),
            Field::Operator => ("operator", "举办者", "Operator", Text),
            Field::Students => ("students", "在校学生数", "Students", Persons),
            Field::StudentsPrimary => (
                "students_primary",
                "小学部学生数",
                "Primary-section students",
                Persons,
            ),
            Field::StudentsJunior => (
                "students_junior",
                "初中部学生数",
                "Junior-section students",
                Persons,
            ),
            Field::StudentsSenior => (
                "students_senior",
                "高中部学生数",
                "Senior-section students",
                Persons,
            ),
            Field::Classes => ("classes", "班级数", "Classes", Count),
            Field::MaxClassSize => ("max_class_size", "最大班额", "Largest class", Persons),
            Field::Teachers => ("teachers", "专任教师数", "Full-time teachers", Persons),
            Field::Staff => ("staff", "教职工数", "Staff", Persons),
            Field::TeachersAboveQual => (
                "teachers_above_qual",
                "高于规定学历教师数",
                "Teachers above required qualification",
                Persons,
            ),
            Field::TeachersBackbone => (
                "teachers_backbone",
                "县级及以上骨干教师数",
                "County-level backbone teachers",
                Persons,
            ),
            Field::TeachersPeArts => (
                "teachers_pe_arts",
                "体育、艺术专任教师数",
                "PE and arts teachers",
                Persons,
            ),
            Field::TeachersMidTitle => (
                "teachers_mid_title",
                "中级及以上职称教师数",
                "Teachers with mid-level title or above",
                Persons,
            ),
            Field::TeachingArea => (
                "teaching_area",
                "教学及辅助用房面积",
                "Teaching and auxiliary floor area",
                SquareMetres,
            ),
            Field::GymArea => (
                "gym_area",
                "室内体育用房面积",
                "Indoor gym area",
                SquareMetres,
            ),
            Field::SportsArea => (
                "sports_area",
                "体育运动场馆面积",
                "Sports ground area",
                SquareMetres,
            ),
            Field::EquipmentValue => (
                "equipment_value",
                "教学仪器设备值",
                "Teaching equipment value",
                Yuan,
            ),
            Field::Computers => ("computers", "计算机台数", "Computers", Count),
            Field::MultimediaRooms => (
                "multimedia_rooms",
                "网络多媒体教室数",
                "Multimedia classrooms",
                Count,
            ),
            Field::Books => ("books", "图书册数", "Books", Count),
            Field::BuildingArea => (
                "building_area",
                "校舍建筑面积",
                "Building floor area",
                SquareMetres,
            ),
            Field::SiteArea => ("site_area", "占地面积", "Site area", SquareMetres),
            Field::MusicRooms => ("music_rooms", "音乐专用教室", "Music rooms", Count),
            Field::ArtRooms => ("art_rooms", "美术专用教室", "Art rooms", Count),
            Field::PublicFunds => ("public_funds", "公用经费", "Public funds", Yuan),
            Field::MusicRoomArea => (
                "music_room_area",
                "音乐专用教室面积",
                "Music room area",
                SquareMetres,
            ),
            Field::ArtRoomArea => (
                "art_room_area",
                "美术专用教室面积",
                "Art room area",
                SquareMetres,
            ),
            Field::TrainingFunds => (
                "training_funds",
                "教师培训经费",
                "Teacher training funds",
                Yuan,
            ),
            Field::TeachersCertified => (
                "teachers_certified",
                "持教师资格证专任教师数",
                "Certified full-time teachers",
                Persons,
            ),
            Field::ClassesOver45 => (
                "classes_over_45",
                "46人以上班级数",
                "Classes over 45 pupils",
                Count,
            ),
            Field::ClassesOver50 => (
                "classes_over_50",
                "51人以上班级数",
                "Classes over 50 pupils",
                Count,
            ),
            Field::ClassesOver55 => (
                "classes_over_55",
                "56人以上班级数",
                "Classes over 55 pupils",
                Count,
            ),
            Field::ClassesOver65 => (
                "classes_over_65",
                "66人以上班级数",
                "Classes over 65 pupils",
                Count,
            ),
            Field::Classes46To50 => (
                "classes_46_50",
                "46-50人班级数",
                "Classes of 46-50 pupils",
                Count,
            ),
            Field::Classes51To55 => (
                "classes_51_55",
                "51-55人班级数",
                "Classes of 51-55 pupils",
                Count,
            ),
            Field::Classes56To60 => (
                "classes_56_60",
                "56-60人班级数",
                "Classes of 56-60 pupils",
                Count,
            ),
            Field::Classes61To65 => (
                "classes_61_65",
                "61-65人班级数",
                "Classes of 61-65 pupils",
                Count,
            ),
            Field::County => ("county", "县（市、区）", "County", Text),
            Field::Year => ("year", "年份", "Year", Text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::from_id(f.id()), Some(f));
        }
        let mut ids: Vec<_> = Field::ALL.iter().map(|f| f.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Field::ALL.len());
    }
}
