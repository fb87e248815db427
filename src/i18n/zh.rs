//! 中文 catalog.

use super::K;

/// The Chinese text of `key`.
pub fn text(key: K) -> &'static str {
    match key {
        K::AppTitle => "均衡 · 县域义务教育校际均衡分析",
        K::Tagline => "在浏览器中计算差异系数、基尼系数、泰尔指数与国家均衡标准",
        K::LanguageSwitch => "English",
        K::DropHere => "把 CSV 或 Excel 文件拖到这里，或",
        K::ChooseFile => "选择文件",
        K::LoadSample => "载入示例数据",
        K::Privacy => "文件只在本机浏览器中处理，不会上传到任何服务器。",
        K::SampleBadge => "示例数据（虚构县）",
        K::Rows => "行",
        K::Columns => "列",
        K::WeightColumn => "权重列（在校学生数）",
        K::Unweighted => "不加权",
        K::CvByColumn => "各列差异系数",
        K::Column => "列",
        K::Missing => "缺失",
        K::Mean => "均值",
        K::Cv => "差异系数",
        K::CvFormula => "差异系数 CV = S / X̄，S = √(Σ Pᵢ(Xᵢ − X̄)² / N)，按在校生数加权",
        K::Preview => "数据预览",
        K::Line => "行号",
        K::FileUnreadable => "无法读取该文件。",
    }
}
