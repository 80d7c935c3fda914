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

/// The day-`i` title of [`write_archive`]: four of ten characters, then a deed,
/// so every day's title is its own.
fn archive_title(i: usize) -> String {
    const DIGITS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    const DEEDS: [&str; 4] = ["修通了水渠", "开起了夜校", "装上了电梯", "建成了书屋"];
    let name: String = [i / 1000, i / 100, i / 10, i]
        .iter()
        .map(|d| DIGITS[d % 10])
        .collect();
    format!("{name}村{}", DEEDS[i % DEEDS.len()])
}

/// An archive of the paper, `n` issues (`晨报_0000.txt`, ...; at least 700),
/// whose habits an evenly spread sample of its pages may tell wrong: most days
/// the label 今日关注 over the title and 木禾 signing; twelve days (the 2nd,
/// 5th, ... page: none a multiple of three) the label 民生热线 under the title,
/// a habit in a corpus of up to 1,200 issues; eight days (multiples of three from
/// the 600th) 记者手记 under it, too rare for one there.
pub fn write_archive(dir: &Path, n: usize) {
    for i in 0..n {
        let title = archive_title(i);
        let text = if i % 3 == 1 && i < 36 {
            format!("{title}\n民生热线\n\n木禾\n\n{BODY}\n")
        } else if i % 3 == 0 && (600..624).contains(&i) {
            format!("{title}\n记者手记\n\n木禾\n\n{BODY}\n")
        } else {
            format!("今日关注\n\n{title}\n\n木禾\n\n{BODY}\n")
        };
        std::fs::write(dir.join(format!("晨报_{i:04}.txt")), text).unwrap();
    }
}

/// The cut of every issue file in `dir` (by file name, in name order) by the
/// definition of a corpus's habits: every page first cut with none, the habits
/// learned from all their lines, then every page cut with them.
pub fn cut_in_two_passes(dir: &Path) -> Vec<(String, Vec<newstag::article::Article>)> {
    use newstag::segment::habits::Habits;
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(dir.join(n)).unwrap())
        .collect();
    let key = |name: &str| newstag::corpus::issue_key(name);
    let lines: Vec<_> = names
        .iter()
        .zip(&texts)
        .map(|(n, t)| newstag::segment::segment_issue_learning(t, &key(n), &Habits::default()).1)
        .collect();
    let learned = Habits::learn(&lines);
    names
        .iter()
        .zip(&texts)
        .map(|(n, t)| {
            let articles = newstag::segment::segment_issue_with(t, &key(n), &learned);
            (n.clone(), articles)
        })
        .collect()
}
