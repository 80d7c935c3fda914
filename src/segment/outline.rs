//! Outliner notes: a reader's clippings kept in an outliner (Org mode's `** 标题`
//! headlines with a `:PROPERTIES:` drawer, Logseq's or a Markdown outline's `- ## 标题`
//! bullets with `key:: value` properties under them), one entry a clipped article.
//!
//! One reader serves every such tool: an entry is a headline or bullet whose
//! properties follow it (two entries at least on the page), or a headline or
//! heading bullet with text under it on a page of such entries. The entry's head,
//! without the tool's marks (stars, the bullet, heading marks, a task keyword
//! `TODO`/`DONE`, a priority `[#A]`, tags `:交通:民生:` or `#生态`), is the title;
//! the property whose values are names across the entries is the byline, every
//! other property metadata; the lines under it to the next entry are the text,
//! without their bullets and quote marks (`- > …`). What is no entry (the page's
//! own properties and settings `#+TITLE:`, section headlines over entries, tasks,
//! comments `# …`, a block's `#+BEGIN_QUOTE` markers) is part of no article.
//!
//! The lines are read as the units print them, trimmed: a print that dropped the
//! outline's indents (every extraction style does) is read as the outliner's own
//! file is; a head a hard-wrapped print cut goes on to its properties.

use super::blocks::{DraftField, Markup, Unit, trim};
use super::classify::{count_upto, ends_sentence, is_byline, is_name_line};
use std::borrow::Cow;

/// Entries with properties a page needs, at least, to be outliner notes.
const MIN_ENTRIES: usize = 2;

/// Task keywords an outliner prints before an item's text (Org's defaults and
/// Logseq's workflow).
const TASK_KEYWORDS: [&str; 11] = [
    "TODO",
    "DONE",
    "DOING",
    "LATER",
    "NOW",
    "NEXT",
    "WAITING",
    "WAIT",
    "HOLD",
    "CANCELED",
    "CANCELLED",
];

/// What one line of an outline is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    /// An Org headline (`** 标题`), its text after the stars.
    Headline(String),
    /// A list item (`- …`, `+ …`), its text after the bullet; `heading` when it
    /// carries a Markdown heading's marks (`- ## 标题`).
    Bullet { text: String, heading: bool },
    /// A property (`:AUTHOR: 仉若兰` in a drawer, `author:: 鄢若芷`): key and value.
    Property(String, String),
    /// `:PROPERTIES:` opening a drawer.
    DrawerOpen,
    /// `:END:` closing one.
    DrawerEnd,
    /// A setting or block marker (`#+TITLE: …`, `#+BEGIN_QUOTE`) or a comment
    /// (`# 可跟进：…`): no text.
    Note,
    /// Anything else: text.
    Text,
}

/// `:KEY: value` in a drawer: its key and value.
fn drawer_property(t: &str) -> Option<(&str, &str)> {
    let rest = t.strip_prefix(':')?;
    let close = rest.find(':')?;
    let key = &rest[..close];
    let ok = !key.is_empty()
        && key.len() <= 32
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    ok.then(|| (key, trim(&rest[close + 1..])))
}

/// `author:: 鄢若芷`: a block property as Logseq prints it: key and value.
fn double_colon_property(t: &str) -> Option<(&str, &str)> {
    let at = t.find("::")?;
    let key = &t[..at];
    let ascii = !key.is_empty()
        && key.len() <= 32
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    let han = (1..=6).contains(&count_upto(key, 7)) && key.chars().all(crate::text::is_han);
    let rest = &t[at + 2..];
    (ascii || han)
        .then_some(())
        .filter(|_| rest.is_empty() || rest.starts_with([' ', '\t']))
        .map(|_| (key, trim(rest)))
}

/// What the unit `u` is as a line of an outline.
fn read_line(u: &Unit<'_>) -> Line {
    let t = u.text.as_ref();
    let stars = t.bytes().take_while(|&b| b == b'*').count();
    if stars > 0 && t[stars..].starts_with(' ') {
        return Line::Headline(trim(&t[stars..]).to_string());
    }
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("+ ")) {
        let rest = trim(rest);
        let hashes = rest.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && rest[hashes..].starts_with(' ') {
            return Line::Bullet {
                text: trim(&rest[hashes..]).to_string(),
                heading: true,
            };
        }
        return Line::Bullet {
            text: rest.to_string(),
            heading: false,
        };
    }
    if t.eq_ignore_ascii_case(":PROPERTIES:") {
        return Line::DrawerOpen;
    }
    if t.eq_ignore_ascii_case(":END:") {
        return Line::DrawerEnd;
    }
    if let Some((k, v)) = drawer_property(t).or_else(|| double_colon_property(t)) {
        return Line::Property(k.to_string(), v.to_string());
    }
    // A comment (`# …`, read by `blocks` as a heading) reads as a sentence; a
    // converter's guessed heading never does.
    let comment =
        u.level > 0 && u.markup == Markup::None && (ends_sentence(t) || t.contains(['，', '。']));
    if t.starts_with("#+") || comment {
        return Line::Note;
    }
    Line::Text
}

/// A head's text without the outliner's marks: a task keyword and a priority
/// before it, tags after it (`:交通:民生:`, `#生态`, `#[[城市 更新]]`).
fn head_text(text: &str) -> (String, bool) {
    let mut t = trim(text);
    let mut task = false;
    if let Some((word, rest)) = t.split_once(' ')
        && TASK_KEYWORDS.contains(&word)
    {
        t = trim(rest);
        task = true;
    }
    if let Some(rest) = t.strip_prefix("[#")
        && let Some(close) = rest.find(']')
        && close <= 2
    {
        t = trim(&rest[close + 1..]);
    }
    // Org's tags: `:a:b:` after whitespace, at the end.
    if t.ends_with(':')
        && let Some(space) = t.rfind([' ', '\t'])
    {
        let tags = &t[space + 1..];
        if tags.len() > 2 && tags.starts_with(':') && !tags.contains(' ') {
            t = trim(&t[..space]);
        }
    }
    // Logseq's tags: `#tag` words (or `#[[…]]`) at the end.
    while let Some(hash) = t.rfind('#') {
        let tag = &t[hash..];
        let before = &t[..hash];
        let word = tag.len() > 1 && !tag[1..].contains([' ', '#']);
        let bracketed = tag.starts_with("#[[") && tag.ends_with("]]");
        if hash > 0 && before.ends_with([' ', '\t', '\u{3000}']) && (word || bracketed) {
            t = trim(before);
        } else {
            break;
        }
    }
    (t.to_string(), task)
}

/// A property's value as text: a page link's brackets (`[[嶓原日报]]`) taken off.
fn property_value(value: &str) -> &str {
    let v = trim(value);
    v.strip_prefix("[[")
        .and_then(|v| v.strip_suffix("]]"))
        .unwrap_or(v)
}

/// A text line of an entry without a list item's bullet and a quote's mark.
fn body_text(text: &str) -> &str {
    let mut t = trim(text);
    for mark in ["- ", "+ ", "> ", ">"] {
        if let Some(rest) = t.strip_prefix(mark) {
            t = trim(rest);
        }
    }
    t
}

/// One entry of the page: its head, properties and text, by unit index.
#[derive(Debug)]
struct Entry {
    /// The head's first unit and the units its text went on over (a cut head).
    head: usize,
    head_end: usize,
    title: String,
    /// Each property's unit, key and value.
    properties: Vec<(usize, String, String)>,
    /// The units of the drawer or properties, and of the text (start..end).
    fields_end: usize,
    end: usize,
}

/// Read a page of outliner notes, if it is one: each entry becomes its title, its
/// byline and metadata, and its text's units; every other line furniture.
/// Returns whether the page was read so.
pub fn read_outline(units: &mut Vec<Unit<'_>>) -> bool {
    // Cheap for every other page: properties are rare.
    let may = units
        .iter()
        .filter(|u| {
            let t = u.text.as_ref();
            // (Most lines have no ASCII colon: one SIMD byte search says so.)
            t.starts_with(':')
                || (memchr::memchr(b':', t.as_bytes()).is_some() && t.contains(":: "))
        })
        .take(MIN_ENTRIES * 2)
        .count();
    if may < MIN_ENTRIES * 2 {
        return false;
    }
    let lines: Vec<Line> = units
        .iter()
        .map(|u| {
            if u.markup == Markup::None {
                read_line(u)
            } else {
                Line::Note
            }
        })
        .collect();
    let Some(entries) = entries(units, &lines) else {
        return false;
    };
    rebuild(units, &lines, &entries);
    true
}

/// The page's entries, when two of them or more have properties.
fn entries(units: &[Unit<'_>], lines: &[Line]) -> Option<Vec<Entry>> {
    let wrap = super::normalise::wrap_width(units);
    let fills = |t: &str| wrap.is_some_and(|w| w.fills(t));
    let n = units.len();
    let mut found: Vec<Entry> = Vec::new();
    let mut i = 0;
    while i < n {
        let (text, org, heading) = match &lines[i] {
            Line::Headline(t) => (t.clone(), true, true),
            Line::Bullet { text, heading } => (text.clone(), false, *heading),
            _ => {
                i += 1;
                continue;
            }
        };
        // A head a hard-wrapped print cut goes on over the lines below it (an
        // outline's head is one line): to its properties, or while each fills
        // the page's width.
        let mut head = text;
        let mut j = i + 1;
        let mut last = units[i].text.as_ref();
        while j < n && lines[j] == Line::Text && units[j].gap == 0 {
            let to_props = (j + 1..n)
                .find(|&k| lines[k] != Line::Text)
                .is_some_and(|k| {
                    matches!(lines[k], Line::DrawerOpen | Line::Property(..))
                        && k - j <= 2
                        && units[j..k].iter().all(|u| u.gap == 0)
                });
            if !(to_props || fills(last)) {
                break;
            }
            head.push_str(&units[j].text);
            last = units[j].text.as_ref();
            j += 1;
        }
        let head_end = j;
        // Its properties: a drawer, or property lines under it.
        let mut properties = Vec::new();
        if j < n && lines[j] == Line::DrawerOpen {
            j += 1;
            while j < n && lines[j] != Line::DrawerEnd && !matches!(lines[j], Line::Headline(_)) {
                if let Line::Property(k, v) = &lines[j] {
                    properties.push((j, k.clone(), v.clone()));
                }
                j += 1;
            }
            if j < n && lines[j] == Line::DrawerEnd {
                j += 1;
            }
        } else {
            while j < n
                && let Line::Property(k, v) = &lines[j]
            {
                properties.push((j, k.clone(), v.clone()));
                j += 1;
            }
        }
        let fields_end = j;
        // Its text: to the next headline, or the next bullet that heads an entry
        // of its own (a heading bullet, a task, a bullet with properties).
        while j < n {
            let next_head = match &lines[j] {
                Line::Headline(_) => true,
                Line::Bullet { text, heading } => {
                    !org && (*heading || head_text(text).1 || bullet_has_properties(lines, j))
                }
                _ => false,
            };
            if next_head {
                break;
            }
            j += 1;
        }
        let (title, task) = head_text(&head);
        let has_text = (fields_end..j).any(|k| {
            matches!(lines[k], Line::Text | Line::Bullet { .. })
                && !body_text(&units[k].text).is_empty()
        });
        let is_entry = !title.is_empty()
            && has_text
            && (!properties.is_empty() || (heading && !task))
            && count_upto(&title, 81) <= 80;
        if is_entry {
            found.push(Entry {
                head: i,
                head_end,
                title,
                properties,
                fields_end,
                end: j,
            });
        }
        i = j.max(i + 1);
    }
    let with_properties = found.iter().filter(|e| !e.properties.is_empty()).count();
    (with_properties >= MIN_ENTRIES).then_some(found)
}

/// Whether the bullet at `i` has properties under it (its head may be cut).
fn bullet_has_properties(lines: &[Line], i: usize) -> bool {
    lines[i + 1..]
        .iter()
        .take(3)
        .find(|l| **l != Line::Text)
        .is_some_and(|l| matches!(l, Line::Property(..) | Line::DrawerOpen))
}

/// The keys whose values are names across the entries (most of those that give
/// the key): the byline's.
fn byline_keys(entries: &[Entry]) -> Vec<String> {
    let mut keys: Vec<(String, usize, usize)> = Vec::new();
    for (_, key, value) in entries.iter().flat_map(|e| &e.properties) {
        let key = key.to_ascii_lowercase();
        let v = property_value(value);
        if v.is_empty() {
            continue;
        }
        let n = count_upto(v, 81);
        let names = is_byline(v, n)
            || (n <= 12 && is_name_line(v))
            || (v.contains([',', '，', '、', ';', '；'])
                && v.split([',', '，', '、', ';', '；'])
                    .map(trim)
                    .filter(|s| !s.is_empty())
                    .all(is_name_line));
        match keys.iter_mut().find(|(k, _, _)| *k == key) {
            Some(k) => {
                k.1 += 1;
                k.2 += usize::from(names);
            }
            None => keys.push((key, 1, usize::from(names))),
        }
    }
    keys.into_iter()
        .filter(|(_, present, names)| names * 2 > *present)
        .map(|(k, _, _)| k)
        .collect()
}

/// Put each entry's units in place: title, byline, metadata as furniture, then
/// its text; everything outside the entries furniture.
fn rebuild<'t>(units: &mut Vec<Unit<'t>>, lines: &[Line], entries: &[Entry]) {
    let bylines = byline_keys(entries);
    let old = std::mem::take(units);
    let mut out: Vec<Unit<'t>> = Vec::with_capacity(old.len() + entries.len());
    let furniture = |u: &Unit<'t>| {
        let mut u = u.clone();
        u.markup = Markup::Furniture;
        u.level = 0;
        u
    };
    let mut next = 0;
    for e in entries {
        out.extend(old[next..e.head].iter().map(furniture));
        let head = &old[e.head];
        out.push(Unit {
            indent: head.indent,
            page_break: head.page_break,
            joined: old[e.head_end - 1].line - head.line,
            ..Unit::title_field(head.line, head.gap, Cow::Owned(e.title.clone()))
        });
        let byline = e.properties.iter().find(|(_, k, v)| {
            bylines.contains(&k.to_ascii_lowercase()) && !property_value(v).is_empty()
        });
        if let Some((b, _, value)) = byline {
            let mut u = old[*b].clone();
            u.markup = Markup::Field(DraftField::Byline);
            u.level = 0;
            u.text = Cow::Owned(property_value(value).to_string());
            out.push(u);
        }
        for (k, u) in old.iter().enumerate().take(e.fields_end).skip(e.head_end) {
            if byline.is_none_or(|(b, _, _)| *b != k) {
                out.push(furniture(u));
            }
        }
        for k in e.fields_end..e.end {
            let u = &old[k];
            match &lines[k] {
                Line::Text | Line::Bullet { .. } if u.markup == Markup::None => {
                    let text = body_text(&u.text);
                    if text.is_empty() {
                        out.push(furniture(u));
                        continue;
                    }
                    let mut u = u.clone();
                    u.level = 0;
                    u.bullet = None;
                    u.text = Cow::Owned(text.to_string());
                    out.push(u);
                }
                // (Furniture a print added, a page break's running head: as it was.)
                _ if u.markup != Markup::None => out.push(u.clone()),
                _ => out.push(furniture(u)),
            }
        }
        next = e.end;
    }
    out.extend(old[next..].iter().map(furniture));
    *units = out;
}

#[cfg(test)]
mod tests {
    use crate::segment::segment_issue;

    /// Title, byline and paragraphs of each article of `page`.
    fn read(page: &str) -> Vec<(String, String, Vec<String>)> {
        segment_issue(page, "notes")
            .into_iter()
            .map(|a| (a.title, a.byline, a.paragraphs.to_vec()))
            .collect()
    }

    const ORG: &str = "#+TITLE: 剪报笔记\n#+STARTUP: overview\n\n\
        * 城市\n\
        ** TODO 沙湾区开通五条社区巴士    :交通:民生:\n\
        :PROPERTIES:\n:SOURCE:   沙湾晚报 2026-12-09 A05\n:AUTHOR:   晚报记者 蒲青禾\n\
        :CAPTURED: [2026-12-09 Wed 22:14]\n:END:\n\n\
        12月8日起，沙湾区开通五条社区巴士，连接十六个小区和两所医院。\n\n\
        # 可跟进：运行一个月后的客流。\n\n\
        ** 老街的灯笼又亮了\n\
        :PROPERTIES:\n:SOURCE:   沙湾日报 2026-12-10 第6版\n:AUTHOR:   岑晚秋\n:END:\n\n\
        晚上八点，老街的灯笼一盏盏亮起，游客举着手机边走边拍。\n\n\
        #+BEGIN_QUOTE\n“今年生意最好。”摊主说。\n#+END_QUOTE\n\n\
        * 文化\n\
        ** DONE 草编进了博物馆    :非遗:\n\
        :PROPERTIES:\n:AUTHOR:   麻若溪\n:END:\n\n\
        十二件草编作品入选省博物馆的展览，其中一件由三位老艺人编成。\n";

    #[test]
    fn an_org_entry_is_an_article_titled_by_its_headline() {
        let got = read(ORG);
        let titles: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(
            titles,
            [
                "沙湾区开通五条社区巴士",
                "老街的灯笼又亮了",
                "草编进了博物馆"
            ]
        );
        assert_eq!(got[0].1, "晚报记者 蒲青禾");
        assert_eq!(got[1].1, "岑晚秋");
        // The comment, the drawer and the block's markers are no text.
        assert_eq!(
            got[0].2,
            ["12月8日起，沙湾区开通五条社区巴士，连接十六个小区和两所医院。"]
        );
        assert_eq!(got[1].2.len(), 2, "{:?}", got[1].2);
        assert!(got[1].2[1].starts_with("“今年生意最好。”"));
    }

    const LOGSEQ: &str = "title:: 剪报/12月\ntags:: 剪报\n\n\
        - 本页收存本月的报道原文。\n\
        - ## 湿地保护条例实施细则出台\n  source:: [[沙湾日报]]\n  date:: [[2026-12-15]]\n  author:: 鄢若溪\n\
        \t- 本报讯　省政府日前印发湿地保护条例实施细则，自明年1月1日起施行。\n\
        \t- 细则明确，重要湿地名录每五年评估调整一次。\n\
        - TODO 联系省林业局\n\
        - ## 退渔还湖三年：水清了，鸟来了 #生态\n  source:: [[沙湾晚报]]\n  author:: 甘禾苗\n\
        \t- > 清晨六点，湖北岸的观鸟台上已经架起了十几台长焦相机。\n\
        \t- > 三年前，这里还是连片的养殖围网。\n";

    #[test]
    fn a_logseq_block_with_properties_is_an_article() {
        let got = read(LOGSEQ);
        let titles: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(
            titles,
            ["湿地保护条例实施细则出台", "退渔还湖三年：水清了，鸟来了"]
        );
        assert_eq!(got[0].1, "鄢若溪");
        assert_eq!(got[1].1, "甘禾苗");
        assert_eq!(got[0].2.len(), 2, "{:?}", got[0].2);
        assert!(got[0].2[0].starts_with("本报讯"));
        // The task is no text of the article above it; a quote's mark is no text.
        assert!(got[0].2.iter().all(|p| !p.contains("TODO")));
        assert!(got[1].2[0].starts_with("清晨六点"));
    }

    #[test]
    fn an_outline_without_indents_or_cut_at_a_width_reads_the_same() {
        // Every line flush, as extraction tools print it.
        let flush: String = LOGSEQ.lines().map(|l| format!("{}\n", l.trim())).collect();
        assert_eq!(read(&flush), read(LOGSEQ));
        let titles: Vec<String> = read(ORG).into_iter().map(|a| a.0).collect();
        // No blank lines.
        let dense: String = ORG
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("{l}\n"))
            .collect();
        let got: Vec<String> = read(&dense).into_iter().map(|a| a.0).collect();
        assert_eq!(got, titles);
    }

    #[test]
    fn a_page_with_one_entry_or_none_is_left_to_the_page_reader() {
        use crate::segment::blocks::units;
        let one = "** 老街的灯笼又亮了\n:PROPERTIES:\n:AUTHOR:   岑晚秋\n:END:\n\n晚上八点，老街的灯笼一盏盏亮起。\n";
        assert!(!super::read_outline(&mut units(one)));
        let page = "老街的灯笼又亮了\n\n本报记者　岑晚秋\n\n记者：怎么看？\n\n答：游客很多。\n\n问：明年呢？\n\n答：还要办。\n";
        assert!(!super::read_outline(&mut units(page)));
        assert!(super::read_outline(&mut units(ORG)));
    }
}
