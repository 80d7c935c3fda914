//! Date and page of an issue, from its header line or its path.

/// Date (`YYYY-MM-DD`) and page found for an issue.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct IssueMeta {
    pub date: Option<String>,
    pub page: Option<String>,
}

/// Look for the date and page in `rel_path` (`2024-03-05`, `20240305`, `第03版`) and
/// in the first lines of `text` (a header such as `《山西日报》1月13日3版刊发`). The
/// archivist's file name wins: a header line may be a reprint note naming another
/// paper's date and page, so it only fills what the path does not tell (the path
/// still gives the year when the header has only month and day).
pub fn issue_meta(text: &str, rel_path: &str) -> IssueMeta {
    let path_date = date_in_path(rel_path);
    let path_page = page_in_path(rel_path);
    if path_date.is_some() && path_page.is_some() {
        return IssueMeta {
            date: path_date,
            page: path_page,
        };
    }
    let header = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .find_map(header_date_page);
    let Some((month, day, header_page)) = header else {
        return IssueMeta {
            date: path_date,
            page: path_page,
        };
    };
    let date = path_date.or_else(|| year_in(rel_path).map(|y| format!("{y}-{month:02}-{day:02}")));
    IssueMeta {
        date,
        page: path_page.or(header_page),
    }
}

/// `《…》1月13日3版刊发` -> (1, 13, Some("3")).
fn header_date_page(line: &str) -> Option<(u32, u32, Option<String>)> {
    let line = line.trim().trim_start_matches('#').trim();
    if line.chars().count() > 40 {
        return None;
    }
    let pos = line.find('月')?;
    let month = trailing_number(&line[..pos])?;
    let rest = &line[pos + '月'.len_utf8()..];
    let (day_str, after) = leading_number(rest)?;
    let after = after.strip_prefix('日')?;
    let day: u32 = day_str.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let page = leading_number(after.trim_start_matches('第'))
        .filter(|(_, tail)| tail.starts_with('版'))
        .map(|(p, _)| p.to_string());
    // A header line is a source note, not a sentence.
    if line.ends_with('。') {
        return None;
    }
    Some((month, day, page))
}

fn trailing_number(s: &str) -> Option<u32> {
    trailing_run(s, |c| c.is_ascii_digit()).parse().ok()
}

/// The longest end of `s` whose characters all satisfy `keep`.
fn trailing_run(s: &str, keep: impl Fn(char) -> bool) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| keep(c))
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

fn leading_number(s: &str) -> Option<(&str, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 {
        return None;
    }
    Some((&s[..end], &s[end..]))
}

/// The first stand-alone run of four digits starting `19` or `20` in `path`.
/// Works on bytes (a path is mostly Chinese: most byte offsets fall inside a
/// character) and slices only around ASCII digits, which are whole characters.
fn year_in(path: &str) -> Option<&str> {
    let b = path.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let run = b.get(i..i + 4)?;
        let bounded = (i == 0 || !digit_at(i - 1)) && !digit_at(i + 4);
        (bounded
            && run.iter().all(u8::is_ascii_digit)
            && (run.starts_with(b"19") || run.starts_with(b"20")))
        .then(|| path.get(i..i + 4))
        .flatten()
    })
}

/// `YYYY-MM-DD`, `YYYY_MM_DD`, `YYYY/MM/DD` or `YYYYMMDD` somewhere in the path.
fn date_in_path(path: &str) -> Option<String> {
    let chars: Vec<char> = path.chars().collect();
    for start in 0..chars.len() {
        if start > 0 && chars[start - 1].is_ascii_digit() {
            continue;
        }
        if let Some(d) = date_at(&chars[start..]) {
            return Some(d);
        }
    }
    None
}

fn date_at(c: &[char]) -> Option<String> {
    let digits = |s: &[char]| s.iter().all(char::is_ascii_digit);
    let num = |s: &[char]| s.iter().collect::<String>().parse::<u32>().ok();
    if c.len() >= 10 && digits(&c[..4]) && digits(&c[5..7]) && digits(&c[8..10]) {
        let sep = c[4];
        if matches!(sep, '-' | '_' | '/' | '.')
            && c[7] == sep
            && c.get(10).is_none_or(|x| !x.is_ascii_digit())
        {
            return valid_date(num(&c[..4])?, num(&c[5..7])?, num(&c[8..10])?);
        }
    }
    if c.len() >= 8 && digits(&c[..8]) && c.get(8).is_none_or(|x| !x.is_ascii_digit()) {
        return valid_date(num(&c[..4])?, num(&c[4..6])?, num(&c[6..8])?);
    }
    None
}

fn valid_date(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `第03版`, `03版`, `_p3`, `-A2版` in the file name.
fn page_in_path(path: &str) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if let Some(pos) = name.find('版') {
        let page =
            trailing_run(&name[..pos], |c| c.is_ascii_alphanumeric()).trim_start_matches('0');
        if !page.is_empty() && page.len() <= 4 {
            return Some(page.to_string());
        }
    }
    let lower = name.to_ascii_lowercase();
    for marker in ["_p", "-p", "_page", "-page"] {
        if let Some(pos) = lower.find(marker) {
            let (n, _) = leading_number(&lower[pos + marker.len()..])?;
            return Some(n.trim_start_matches('0').to_string()).filter(|p| !p.is_empty());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn header_gives_month_day_page_and_path_gives_year() {
        let m = issue_meta("\n\n《山西日报》1月13日3版刊发\n\n标题", "2024/0113.txt");
        assert_eq!(m.date.as_deref(), Some("2024-01-13"));
        assert_eq!(m.page.as_deref(), Some("3"));
    }

    /// A reprint note naming another paper's date and page does not override the
    /// date and page in the file's name.
    #[test]
    fn full_date_and_page_in_the_path_win_over_a_reprint_note() {
        let text = "《栖梧日报》3月10日2版刊发\n\n标题";
        let m = issue_meta(text, "栖梧晚报_20250312_p3.txt");
        assert_eq!(m.date.as_deref(), Some("2025-03-12"));
        assert_eq!(m.page.as_deref(), Some("3"));
        let m = issue_meta(text, "2025/栖梧晚报.txt");
        assert_eq!(m.date.as_deref(), Some("2025-03-10"));
        assert_eq!(m.page.as_deref(), Some("2"));
    }

    #[test]
    fn path_dates_in_several_forms() {
        assert_eq!(
            issue_meta("", "a/2024-03-05_第03版.txt").date.as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            issue_meta("", "a/2024-03-05_第03版.txt").page.as_deref(),
            Some("3")
        );
        assert_eq!(
            issue_meta("", "20221025.md").date.as_deref(),
            Some("2022-10-25")
        );
        assert_eq!(
            issue_meta("", "000_4ee8fc8c7f49e001.txt"),
            IssueMeta::default()
        );
    }

    /// A Chinese folder and file name with a header date: the reported crash
    /// (`year_in` sliced the path inside a character), and the year still comes
    /// from the path.
    #[test]
    fn chinese_path_with_a_header_date_does_not_panic() {
        let m = issue_meta(
            "《山西日报》1月13日3版刊发\n\n标题",
            "山西日报/2024年第3版.txt",
        );
        assert_eq!(m.date.as_deref(), Some("2024-01-13"));
        assert_eq!(m.page.as_deref(), Some("3"));
        let m = issue_meta("2024年1月1日 星期一\n", "山西日报/第3版.txt");
        assert_eq!(m.page.as_deref(), Some("3"));
        assert_eq!(year_in("日报2024年"), Some("2024"));
        assert_eq!(year_in("日报12024年"), None);
        assert_eq!(year_in("版20"), None);
    }

    /// Pieces of paths as archives name them: Chinese, digits, date and page
    /// marks, separators, and characters of every UTF-8 length.
    fn path_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "山西日报",
                "年",
                "月",
                "日",
                "第",
                "版",
                "/",
                "_",
                "-",
                ".",
                "txt",
                "md",
                "_p",
                "-page",
                "2024",
                "19",
                "20",
                "0113",
                "2024-03-05",
                "20240305",
                "3",
                "A2",
                "é",
                "𠀀",
                "😀",
                "\u{301}",
                " ",
                "\u{3000}",
                "《",
                "》",
            ])
            .prop_map(String::from),
            "[0-9]{1,9}",
            any::<char>().prop_map(String::from),
        ]
    }

    /// Header lines as issues start: source notes, dates, reprint notes, and
    /// noise around them.
    fn header_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "《山西日报》",
                "1月13日",
                "3版刊发",
                "第3版",
                "2024年1月1日 星期一",
                "月",
                "日",
                "版",
                "第",
                "12",
                "月日",
                "\n",
                "\n\n",
                "# ",
                "。",
                "转载自",
                "（记者王一）",
                "\r\n",
                "\u{feff}",
                "😀",
            ])
            .prop_map(String::from),
            "[0-9]{1,4}",
            any::<char>().prop_map(String::from),
        ]
    }

    proptest! {
        /// Any path and any first lines give an answer, never a panic; a date
        /// found is a real `YYYY-MM-DD`, a page is never empty.
        #[test]
        fn meta_of_any_path_and_header_never_panics(
            path in prop::collection::vec(path_piece(), 0..16).prop_map(|v| v.concat()),
            text in prop::collection::vec(header_piece(), 0..16).prop_map(|v| v.concat()),
        ) {
            let m = issue_meta(&text, &path);
            if let Some(d) = &m.date {
                prop_assert_eq!(d.len(), 10, "{}", d);
                prop_assert!(d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() }), "{}", d);
            }
            if let Some(p) = &m.page {
                prop_assert!(!p.is_empty());
            }
            let _ = year_in(&path);
        }
    }
}
