//! Jump lines: `（下转第3版）` at the end of a part, `（上接第一版）` at the start of
//! its continuation. Read by their grammar, not from a list: a short marker
//! (bracketed, or a paragraph of its own) naming a page (`第N版`, `N版`, `A3版`,
//! Arabic, full-width or Chinese numerals, `版`, `页` or `面`) with a verb of
//! direction: onward (`转`, `续`, `见`) or back (`接`, `承`).

use crate::article::Article;

/// Which way a jump line points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The story goes on elsewhere (`下转第3版`).
    Onward,
    /// This part continues a story begun elsewhere (`上接第一版`).
    Back,
}

/// A jump line read: its direction and the page it names, as a page label
/// (`3`, `A3`; Chinese numerals turned into digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    pub direction: Direction,
    pub page: String,
}

/// The jumps of an article: where it comes from (at its start) and where it goes
/// on (at its end).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jumps {
    pub back: Option<String>,
    pub onward: Option<String>,
}

/// The jumps of `article`: a back jump in its heading or first paragraph's
/// opening, an onward jump at the end of its last paragraphs.
pub fn jumps_of(article: &Article) -> Jumps {
    // A body left in the corpus cache recorded its jumps when it was stored
    // (by this function): they are not read again from its text.
    if let Some((back, onward)) = article.paragraphs.stored_jump_pages() {
        return Jumps { back, onward };
    }
    let mut jumps = Jumps::default();
    let heads = [&article.kicker, &article.title, &article.subtitle];
    let opening = heads
        .into_iter()
        .chain(article.paragraphs.first())
        .map(|t| first_chars(t, 24))
        .filter(|t| may_hold_a_jump(t));
    for text in opening {
        if let Some(j) = markers(text)
            .into_iter()
            .find(|j| j.direction == Direction::Back)
        {
            jumps.back = Some(j.page);
            break;
        }
    }
    for p in article.paragraphs.iter().rev().take(2) {
        let tail = last_chars(p, 24);
        if !may_hold_a_jump(tail) {
            continue;
        }
        if let Some(j) = markers(tail)
            .into_iter()
            .rev()
            .find(|j| j.direction == Direction::Onward)
        {
            jumps.onward = Some(j.page);
            break;
        }
    }
    jumps
}

/// The first `n` characters of `text`.
fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices()
        .nth(n)
        .map_or(text, |(at, _)| &text[..at])
}

/// The last `n` characters of `text`.
fn last_chars(text: &str, n: usize) -> &str {
    match n.checked_sub(1) {
        Some(k) => text
            .char_indices()
            .rev()
            .nth(k)
            .map_or(text, |(at, _)| &text[at..]),
        None => "",
    }
}

/// True when `text` holds a page unit (`版`, `页`, `面`) and a verb of
/// direction (`接`, `承`, `转`, `续`, `见`): without both it holds no jump
/// marker (see [`read`]), and most texts are ruled out by this scan alone,
/// without folding or allocating.
fn may_hold_a_jump(text: &str) -> bool {
    text.contains(['版', '页', '面']) && text.contains(['接', '承', '转', '续', '见'])
}

/// Every jump marker in `text`: bracketed groups, or the whole text when short.
pub fn markers(text: &str) -> Vec<Jump> {
    let folded: String = text
        .chars()
        .map(crate::text::fold_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let chars: Vec<char> = folded.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' | '[' | '【' | '〔' => open = Some(i + 1),
            ')' | ']' | '】' | '〕' => {
                if let Some(start) = open.take() {
                    let inner: String = chars[start..i].iter().collect();
                    out.extend(read(&inner));
                }
            }
            _ => {}
        }
    }
    if out.is_empty() && chars.len() <= 12 {
        out.extend(read(&folded));
    }
    out
}

/// A marker's inner text (`下转第3版`) read, if it is one.
fn read(inner: &str) -> Option<Jump> {
    let n = inner.chars().count();
    if !(2..=12).contains(&n) {
        return None;
    }
    let unit = inner.find(['版', '页', '面'])?;
    let before = &inner[..unit];
    let direction = if before.contains(['接', '承']) {
        Direction::Back
    } else if before.contains(['转', '续', '见']) {
        Direction::Onward
    } else {
        return None;
    };
    let label: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || chinese_digit(*c).is_some())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let page = page_label(&label)?;
    Some(Jump { direction, page })
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// `3`, `03`, `A3`, `三`, `十二`, `二十` -> a page label (`3`, `A3`, `12`, `20`).
pub fn page_label(s: &str) -> Option<String> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_alphanumeric()) {
        if !s.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        return Some(normalise_page(s));
    }
    let digits: Vec<u32> = s.chars().map(chinese_digit).collect::<Option<_>>()?;
    let value = match digits.as_slice() {
        [10] => 10,
        [10, u] => 10 + u,
        [t, 10] => t * 10,
        [t, 10, u] => t * 10 + u,
        ds if ds.iter().all(|&d| d < 10) => ds.iter().fold(0, |acc, d| acc * 10 + d),
        _ => return None,
    };
    Some(value.to_string())
}

/// A page label as written in a path or header, compared across issues:
/// leading zeros dropped, letters upper-case (`03` -> `3`, `a3` -> `A3`).
pub fn normalise_page(s: &str) -> String {
    let upper = s.trim().to_ascii_uppercase();
    let letters: String = upper.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let digits = upper[letters.len()..].trim_start_matches('0');
    let digits = if digits.is_empty() && upper.len() > letters.len() {
        "0"
    } else {
        digits
    };
    format!("{letters}{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<(Direction, String)> {
        markers(text)
            .into_iter()
            .next()
            .map(|j| (j.direction, j.page))
    }

    /// Jump lines are read by their grammar in the forms papers print them.
    #[test]
    fn markers_are_read_in_many_forms() {
        use Direction::*;
        let cases = [
            ("（下转第3版）", Some((Onward, "3"))),
            ("(转3版)", Some((Onward, "3"))),
            ("（转第十二版）", Some((Onward, "12"))),
            ("【下转A3版】", Some((Onward, "A3"))),
            ("(下转第 ３ 版)", Some((Onward, "3"))),
            ("（续见第2页）", Some((Onward, "2"))),
            ("（上接第一版）", Some((Back, "1"))),
            ("(上接1版)", Some((Back, "1"))),
            ("（接第二十版）", Some((Back, "20"))),
            ("上接第一版", Some((Back, "1"))),
            ("（第3版）", None),
            ("（记者张三）", None),
            ("据悉，改版后转入新阶段的工作正在推进中", None),
        ];
        for (text, want) in cases {
            let want = want.map(|(d, p)| (d, p.to_string()));
            assert_eq!(one(text), want, "{text}");
        }
    }

    /// `jumps_of` as it was written before it learnt to skip texts naming no
    /// page unit: every window folded and read.
    fn jumps_of_every_window(article: &Article) -> Jumps {
        let mut jumps = Jumps::default();
        let heads = [&article.kicker, &article.title, &article.subtitle];
        for text in heads.into_iter().chain(article.paragraphs.first()) {
            let text: String = text.chars().take(24).collect();
            if let Some(j) = markers(&text)
                .into_iter()
                .find(|j| j.direction == Direction::Back)
            {
                jumps.back = Some(j.page);
                break;
            }
        }
        for p in article.paragraphs.iter().rev().take(2) {
            let chars: Vec<char> = p.chars().collect();
            let tail: String = chars[chars.len().saturating_sub(24)..].iter().collect();
            if let Some(j) = markers(&tail)
                .into_iter()
                .rev()
                .find(|j| j.direction == Direction::Onward)
            {
                jumps.onward = Some(j.page);
                break;
            }
        }
        jumps
    }

    proptest::proptest! {
        /// Any article, jump lines anywhere in it or not, has the jumps it had
        /// when every window was read.
        #[test]
        fn skipping_texts_without_unit_and_verb_changes_nothing(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("（下转第3版）".to_string()),
                    proptest::strategy::Just("(上接第一版)".to_string()),
                    proptest::strategy::Just("【转A3版】".to_string()),
                    proptest::strategy::Just("续见第２页".to_string()),
                    proptest::strategy::Just("版面".to_string()),
                    "[第接转见续上下版页面0-9一三十()（）【】 　a]{0,14}",
                    "\\PC{0,30}",
                ],
                0..12,
            ),
            cut in proptest::collection::vec(0..4usize, 0..12),
        ) {
            let mut fields = [String::new(), String::new(), String::new()];
            let mut paragraphs = vec![String::new()];
            for (part, at) in parts.iter().zip(cut.iter().chain(std::iter::repeat(&3))) {
                match at {
                    0..=2 => fields[*at].push_str(part),
                    _ if part.len() % 3 == 0 => paragraphs.push(part.clone()),
                    _ => paragraphs.last_mut().into_iter().for_each(|p| p.push_str(part)),
                }
            }
            let [kicker, title, subtitle] = fields;
            let article = Article { kicker, title, subtitle, paragraphs: paragraphs.into(), ..Article::default() };
            proptest::prop_assert_eq!(jumps_of(&article), jumps_of_every_window(&article));
        }
    }

    /// A part ends with its onward jump and opens with its back jump.
    #[test]
    fn jumps_of_articles() {
        let a = Article {
            title: "老街新貌".into(),
            paragraphs: vec!["正文。".into(), "商铺陆续开业。（下转第3版）".into()].into(),
            ..Article::default()
        };
        assert_eq!(jumps_of(&a).onward.as_deref(), Some("3"));
        assert_eq!(jumps_of(&a).back, None);
        let b = Article {
            paragraphs: vec!["（上接第一版）".into(), "据介绍……".into()].into(),
            ..Article::default()
        };
        assert_eq!(jumps_of(&b).back.as_deref(), Some("1"));
        assert_eq!(normalise_page("03"), "3");
        assert_eq!(normalise_page("a03"), "A3");
    }
}
