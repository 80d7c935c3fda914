//! A paper whose habits only its archive tells: issues of one paper with its
//! column label 今日关注 over each day's title, signed by its columnist 木禾, and
//! one day where the label was printed under the title instead.

use std::path::Path;

/// The body every article of the paper prints.
pub const BODY: &str = "村里新修的水渠通了水，三百亩麦田赶上了春灌，村民们说今年的收成有了指望。";

/// Write the paper's issues into `dir`: three days with the label over the title,
/// then one (`晨报_2025-03-04_第2版.txt`) with the label under it.
pub fn write_paper(dir: &Path) {
    for (day, title) in ["水渠通到了田间", "夜校开到了村口", "老街装上了电梯"]
        .iter()
        .enumerate()
    {
        std::fs::write(
            dir.join(format!("晨报_2025-03-0{}_第2版.txt", day + 1)),
            format!("今日关注\n\n{title}\n\n木禾\n\n{BODY}\n"),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("晨报_2025-03-04_第2版.txt"),
        format!("春耕备耕忙\n今日关注\n\n木禾\n\n{BODY}\n"),
    )
    .unwrap();
}
