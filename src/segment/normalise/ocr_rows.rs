//! A page printed by an OCR engine as one row a detected line, the line's box of
//! corner points and its text with a confidence (PaddleOCR's demo print:
//! `[[[52.0, 40.0], [184.0, 40.0], [184.0, 86.0], [52.0, 86.0]], ('茆山报', 0.97)]`).
//! The box is no text; where it stands tells what the print of a text page would
//! tell: a line starting further right than the page's left edge opens a
//! paragraph (its indent), and a line taller than the page's usual lines is set
//! in a larger type, a head.

use crate::segment::blocks::{Unit, trim};
use std::borrow::Cow;

/// One detected line: its text, left edge, top and height.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    text: String,
    left: f32,
    height: f32,
}

/// A head's box is at least this much taller than the page's usual line.
const HEAD_HEIGHT: f32 = 1.2;

/// Read a page of OCR rows as its lines: when most of the page's lines are rows,
/// each row's unit takes the row's text, indented when its box starts at least a
/// line's height right of the page's left edge, and marked a head (level 1) when
/// its box is taller than the page's usual line by a fifth.
pub(super) fn read_ocr_rows(units: &mut [Unit<'_>]) {
    // Most pages have no row at all: count the lines opening like one first.
    if units.iter().filter(|u| u.text.starts_with("[[[")).count() * 5 < units.len() * 4 {
        return;
    }
    let rows: Vec<Option<Row>> = units.iter().map(|u| row(&u.text)).collect();
    let found: Vec<&Row> = rows.iter().flatten().collect();
    if found.len() * 5 < units.len() * 4 || found.len() < 3 {
        return;
    }
    let mut heights: Vec<f32> = found.iter().map(|r| r.height).collect();
    heights.sort_by(f32::total_cmp);
    let usual = heights[heights.len() / 2];
    let edge = found.iter().map(|r| r.left).fold(f32::INFINITY, f32::min);
    for (u, r) in units.iter_mut().zip(rows) {
        let Some(r) = r else { continue };
        u.indent = r.left - edge >= usual;
        if r.height > usual * HEAD_HEIGHT {
            u.level = 1;
        }
        u.text = Cow::Owned(r.text);
    }
}

/// `[[[x, y], [x, y], [x, y], [x, y]], ('text', 0.97)]`: a row's text (unquoted,
/// trimmed), its box's left edge and height; `None` for any other line.
fn row(line: &str) -> Option<Row> {
    let inner = trim(line).strip_prefix('[')?.strip_suffix(")]")?;
    let (boxed, rest) = inner.rsplit_once("], (")?;
    let (quoted, confidence) = rest.rsplit_once(',')?;
    trim(confidence).parse::<f32>().ok()?;
    let quoted = trim(quoted);
    let q = quoted.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let text = quoted.strip_prefix(q)?.strip_suffix(q)?;
    let numbers: Vec<f32> = boxed
        .split(['[', ']', ','])
        .map(trim)
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    if numbers.len() < 4 || numbers.len() % 2 == 1 {
        return None;
    }
    let xs = numbers.iter().step_by(2);
    let ys = numbers.iter().skip(1).step_by(2);
    let left = xs.copied().fold(f32::INFINITY, f32::min);
    let (top, bottom) = ys.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &y| {
        (lo.min(y), hi.max(y))
    });
    Some(Row {
        text: trim(text).to_string(),
        left,
        height: bottom - top,
    })
}

#[cfg(test)]
mod tests {
    use super::row;
    use crate::segment::segment_issue;

    #[test]
    fn a_row_gives_its_text_and_box() {
        let r = row("[[[114.0, 247.0], [672.0, 247.0], [672.0, 280.0], [114.0, 280.0]], ('蓼渡镇建起养老服务站，', 0.9968)]").unwrap();
        assert_eq!(r.text, "蓼渡镇建起养老服务站，");
        assert_eq!((r.left, r.height), (114.0, 33.0));
        let quoted = row("[[[1, 2], [3, 2], [3, 9], [1, 9]], (\"他说'好'\", 0.9)]").unwrap();
        assert_eq!(quoted.text, "他说'好'");
        assert_eq!(row("蓼渡镇建起养老服务站"), None);
        assert_eq!(row("[[[1, 2], [3, 2]], ('x')]"), None);
    }

    /// PaddleOCR's rows: the boxes and confidences are no text, a taller line is
    /// a head, a line starting right of the edge opens a paragraph, and the lines
    /// between go on in their paragraph.
    #[test]
    fn ocr_rows_are_read_as_lines_by_their_boxes() {
        let rows = [
            (52, 40, 584, 86, "蓼渡镇建起村级养老服务站"),
            (52, 95, 300, 128, "本报记者　佴晓东"),
            (114, 137, 672, 170, "蓼渡镇今年在十二个村建起养老服务站，"),
            (
                52,
                179,
                672,
                212,
                "为村里的老人提供助餐、理发、健康检查等服",
            ),
            (52, 221, 114, 254, "务。"),
            (114, 263, 672, 296, "葭坪村的养老服务站每天中午开饭，八十"),
            (
                52,
                305,
                672,
                338,
                "岁以上的老人免费就餐，其他老人每餐只需交",
            ),
            (52, 347, 176, 380, "三元钱。"),
            (52, 389, 536, 435, "菖塘村清淤扩塘蓄水过冬"),
            (
                114,
                444,
                672,
                477,
                "本报讯　连日来，菖塘村组织村民对村里的五",
            ),
            (
                52,
                486,
                672,
                519,
                "口山塘清淤扩容，新增蓄水两万多立方米，明",
            ),
            (52, 528, 400, 561, "年春灌用水有了保障。"),
        ];
        let page: String = rows
            .iter()
            .map(|(x0, y0, x1, y1, t)| {
                format!("[[[{x0}.0, {y0}.0], [{x1}.0, {y0}.0], [{x1}.0, {y1}.0], [{x0}.0, {y1}.0]], ('{t}', 0.95)]\n")
            })
            .collect();
        let articles = segment_issue(&page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        let a = &articles[0];
        assert_eq!(a.title, "蓼渡镇建起村级养老服务站");
        assert_eq!(a.byline, "本报记者　佴晓东");
        assert_eq!(
            a.paragraphs,
            [
                "蓼渡镇今年在十二个村建起养老服务站，为村里的老人提供助餐、理发、健康检查等服务。",
                "葭坪村的养老服务站每天中午开饭，八十岁以上的老人免费就餐，其他老人每餐只需交三元钱。"
            ]
        );
        assert_eq!(articles[1].title, "菖塘村清淤扩塘蓄水过冬");
        assert!(!articles[1].body().contains("0.95"), "{articles:#?}");
    }
}
