//! The header synonyms and units as data (docs/domain.md §5.2): one plain table per kind, so a
//! new field's headers are a new row. Compared after [`super::mapping::header_key`]
//! normalisation of both sides (full width folded, lower case, spaces, punctuation and bracketed
//! parts removed), so each entry is written once, without variants of spacing or width.

use crate::fields::{Field, Unit};

/// Header synonyms, compared after [`header_key`] normalisation of both sides.
pub(super) const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::SchoolName,
        &[
            "学校名称",
            "校名",
            "学校",
            "单位名称",
            "学校全称",
            "学校机构名称",
            "名称",
            "schoolname",
            "school",
            "name",
        ],
    ),
    (
        Field::SchoolCode,
        &[
            "学校标识码",
            "学校代码",
            "标识码",
            "学校识别码",
            "机构代码",
            "学校编码",
            "schoolcode",
            "code",
            "schoolid",
        ],
    ),
    (
        Field::Level,
        &[
            "学段",
            "学校类型",
            "办学类型",
            "学校类别",
            "类别",
            "类型",
            "level",
            "schooltype",
            "type",
            "stage",
        ],
    ),
    (
        Field::UrbanRural,
        &[
            "城乡分类",
            "城乡类型",
            "驻地城乡类型",
            "城乡属性",
            "所在地",
            "城乡",
            "城乡分类代码",
            "urbanrural",
            "urban",
            "location",
        ],
    ),
    (
        Field::Township,
        &[
            "乡镇",
            "所属乡镇",
            "乡镇街道",
            "学区",
            "township",
            "town",
            "district",
        ],
    ),
    (
        Field::Operator,
        &[
            "举办者",
            "办别",
            "办学性质",
            "公办民办",
            "举办者类型",
            "operator",
            "ownership",
        ],
    ),
    (
        Field::Students,
        &[
            "在校生数",
            "在校学生数",
            "学生数",
            "学生总数",
            "学生人数",
            "在籍学生数",
            "在校生",
            "在校学生",
            "学生数合计",
            "在校生数合计",
            "students",
            "enrollment",
            "enrolment",
            "pupils",
            "studentcount",
        ],
    ),
    (
        Field::StudentsPrimary,
        &[
            "小学学生数",
            "小学部学生数",
            "小学在校生数",
            "小学生数",
            "primarystudents",
        ],
    ),
    (
        Field::StudentsJunior,
        &[
            "初中学生数",
            "初中部学生数",
            "初中在校生数",
            "juniorstudents",
        ],
    ),
    (
        Field::StudentsSenior,
        &[
            "高中学生数",
            "高中部学生数",
            "高中在校生数",
            "seniorstudents",
        ],
    ),
    (
        Field::Classes,
        &["班级数", "教学班数", "班数", "班级", "classes"],
    ),
    (
        Field::MaxClassSize,
        &["最大班额", "班额", "maxclasssize", "largestclass"],
    ),
    (
        Field::Teachers,
        &[
            "专任教师数",
            "专任教师",
            "教师数",
            "专任教师合计",
            "专任教师总数",
            "teachers",
            "fulltimeteachers",
        ],
    ),
    (Field::Staff, &["教职工数", "教职工", "教职工总数", "staff"]),
    (
        Field::TeachersAboveQual,
        &[
            "高于规定学历教师数",
            "高于规定学历专任教师数",
            "高于规定学历",
            "本科及以上学历教师数",
            "专科及以上学历教师数",
            "大专及以上学历教师数",
            "高于规定学历教师",
            "teachersabovequal",
        ],
    ),
    (
        Field::TeachersBackbone,
        &[
            "县级及以上骨干教师数",
            "县级以上骨干教师数",
            "骨干教师数",
            "区级及以上骨干教师数",
            "县级及以上骨干",
            "骨干教师",
            "teachersbackbone",
            "backboneteachers",
        ],
    ),
    (
        Field::TeachersPeArts,
        &[
            "体育艺术美术音乐专任教师数",
            "体育艺术专任教师数",
            "体艺教师数",
            "音体美教师数",
            "体育艺术教师数",
            "体育艺术",
            "音体美",
            "teacherspearts",
            "peartsteachers",
        ],
    ),
    (
        Field::TeachersMidTitle,
        &[
            "中级及以上专业技术职务教师数",
            "中级及以上职称教师数",
            "中高级职称教师数",
            "中级及以上职称",
            "中级及以上专业技术职务",
            "teachersmidtitle",
        ],
    ),
    (
        Field::TeachingArea,
        &[
            "教学及辅助用房面积",
            "教学及辅助用房",
            "教辅用房面积",
            "teachingarea",
        ],
    ),
    (
        Field::GymArea,
        &["体育馆面积", "室内体育用房面积", "室内体育用房", "gymarea"],
    ),
    (
        Field::SportsArea,
        &[
            "体育运动场馆面积",
            "体育运动场面积",
            "运动场地面积",
            "体育场馆面积",
            "运动场面积",
            "体育运动场馆",
            "运动场馆",
            "sportsarea",
        ],
    ),
    (
        Field::EquipmentValue,
        &[
            "教学仪器设备值",
            "教学仪器设备资产值",
            "仪器设备值",
            "教学仪器设备总值",
            "教学仪器设备",
            "equipmentvalue",
            "equipment",
        ],
    ),
    (
        Field::Computers,
        &[
            "计算机台数",
            "教学用计算机台数",
            "计算机数",
            "学生用计算机",
            "教学用计算机",
            "计算机",
            "computers",
        ],
    ),
    (
        Field::MultimediaRooms,
        &[
            "网络多媒体教室数",
            "网络多媒体教室",
            "多媒体教室数",
            "多媒体教室",
            "multimediarooms",
        ],
    ),
    (
        Field::Books,
        &[
            "图书册数",
            "图书",
            "藏书量",
            "图书总册数",
            "图书数",
            "books",
            "volumes",
        ],
    ),
    (
        Field::BuildingArea,
        &["校舍建筑面积", "校舍面积", "buildingarea"],
    ),
    (Field::SiteArea, &["占地面积", "学校占地面积", "sitearea"]),
    (
        Field::MusicRooms,
        &["音乐专用教室", "音乐专用教室数", "音乐教室", "musicrooms"],
    ),
    (
        Field::ArtRooms,
        &["美术专用教室", "美术专用教室数", "美术教室", "artrooms"],
    ),
    (
        Field::PublicFunds,
        &[
            "公用经费",
            "公用经费支出",
            "公用经费预算",
            "公用经费预算总额",
            "年度公用经费预算总额",
            "年度公用经费",
            "publicfunds",
        ],
    ),
    // The items of 2017 a school table can settle (docs/domain.md §2.2): G3, G5, G12, Q4.
    (
        Field::MusicRoomArea,
        &[
            "音乐专用教室面积",
            "音乐专用教室总面积",
            "音乐教室面积",
            "musicroomarea",
        ],
    ),
    (
        Field::ArtRoomArea,
        &[
            "美术专用教室面积",
            "美术专用教室总面积",
            "美术教室面积",
            "artroomarea",
        ],
    ),
    (
        Field::TrainingFunds,
        &[
            "教师培训经费",
            "教师培训经费支出",
            "教师培训费",
            "培训经费",
            "trainingfunds",
        ],
    ),
    (
        Field::TeachersCertified,
        &[
            "持教师资格证专任教师数",
            "持教师资格证教师数",
            "持证专任教师数",
            "持证教师数",
            "具有教师资格证的专任教师数",
            "取得教师资格证教师数",
            "持有教师资格证教师数",
            "teacherscertified",
            "certifiedteachers",
        ],
    ),
    // Class-size bands: "以上" includes the number itself (56人以上 = 56 or more), so a band
    // starting at 45 (45人以上) would mix allowed classes of 45 in: no synonym for it.
    (
        Field::ClassesOver45,
        &[
            "46人以上班级数",
            "46人及以上班级数",
            "46人以上",
            "46人及以上",
            "超过45人的班级数",
            "超45人班级数",
        ],
    ),
    (
        Field::ClassesOver50,
        &[
            "51人以上班级数",
            "51人及以上班级数",
            "51人以上",
            "51人及以上",
            "超过50人的班级数",
            "超50人班级数",
        ],
    ),
    (
        Field::ClassesOver55,
        &[
            "56人以上班级数",
            "56人及以上班级数",
            "56人以上",
            "56人及以上",
            "大班额班级数",
            "大班额",
            "大班额数",
        ],
    ),
    (
        Field::ClassesOver65,
        &[
            "66人以上班级数",
            "66人及以上班级数",
            "66人以上",
            "66人及以上",
            "超大班额班级数",
            "超大班额",
        ],
    ),
    (
        Field::Classes46To50,
        &["46-50人班级数", "46-50人", "46至50人", "46至50人班级数"],
    ),
    (
        Field::Classes51To55,
        &["51-55人班级数", "51-55人", "51至55人", "51至55人班级数"],
    ),
    (
        Field::Classes56To60,
        &["56-60人班级数", "56-60人", "56至60人", "56至60人班级数"],
    ),
    (
        Field::Classes61To65,
        &["61-65人班级数", "61-65人", "61至65人", "61至65人班级数"],
    ),
    // A city's or a province's file: the county and the year of each row (crate::slices).
    (Field::County, &COUNTY_HEADERS),
    (Field::Year, &YEAR_HEADERS),
];

/// Headers of a column naming the county, compared after `mapping::header_key` (which drops
/// brackets, so 县（市、区） is 县). The synonyms of [`Field::County`].
pub const COUNTY_HEADERS: [&str; 14] = [
    "县",
    "区",
    "县区",
    "区县",
    "县市区",
    "县市",
    "所属县",
    "所属县区",
    "所在县",
    "县名",
    "县名称",
    "县区名称",
    "county",
    "countyname",
];

/// Headers of a column holding the year of each row (年份, 学年, 统计年度 …), compared after
/// `mapping::header_key`. The synonyms of [`Field::Year`]; a bare 年 inside a longer header
/// (年级, 年龄) is not one.
pub const YEAR_HEADERS: [&str; 12] = [
    "年份",
    "年度",
    "学年",
    "学年度",
    "统计年度",
    "统计年份",
    "数据年份",
    "年",
    "year",
    "schoolyear",
    "academicyear",
    "统计学年",
];

/// Prefixes of derived (per-student) columns: values, not counts (docs/domain.md §3.3).
pub(super) const DERIVED_PREFIXES: &[&str] = &[
    "生均",
    "每百名",
    "每百生",
    "每百人",
    "每百个",
    "百名学生",
    "师生比",
    "生师比",
    "per",
];

/// Words marking a computed statistic or a verdict, never a data field.
pub(super) const NOT_DATA: &[&str] = &[
    "差异系数",
    "标准差",
    "是否达标",
    "达标值",
    "基本值",
    "实际值",
    "序号",
    "备注",
    "平均值",
];

/// Child headers that mean "the parent's total" (`专任教师 / 合计`).
pub(super) const TOTAL_CHILDREN: &[&str] = &[
    "合计", "小计", "总计", "计", "总数", "数量", "总量", "total",
];

/// Units recognised in headers: text, kind, scale to the base unit. Longest first.
pub(super) const HEADER_UNITS: &[(&str, Unit, f64)] = &[
    ("万平方米", Unit::SquareMetres, 10_000.0),
    ("平方米", Unit::SquareMetres, 1.0),
    ("平方", Unit::SquareMetres, 1.0),
    ("平米", Unit::SquareMetres, 1.0),
    ("m²", Unit::SquareMetres, 1.0),
    ("m2", Unit::SquareMetres, 1.0),
    ("㎡", Unit::SquareMetres, 1.0),
    ("亿元", Unit::Yuan, 100_000_000.0),
    ("万元", Unit::Yuan, 10_000.0),
    ("千元", Unit::Yuan, 1_000.0),
    ("元", Unit::Yuan, 1.0),
    ("yuan", Unit::Yuan, 1.0),
    ("万册", Unit::Count, 10_000.0),
    ("册", Unit::Count, 1.0),
    ("万人", Unit::Persons, 10_000.0),
    ("人", Unit::Persons, 1.0),
    ("名", Unit::Persons, 1.0),
    ("台", Unit::Count, 1.0),
    ("间", Unit::Count, 1.0),
    ("个", Unit::Count, 1.0),
    ("所", Unit::Count, 1.0),
    ("套", Unit::Count, 1.0),
    ("班", Unit::Count, 1.0),
];
