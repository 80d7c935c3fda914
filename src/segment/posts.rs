//! A page of posts: a timeline copied from a social-media account (a Weibo page),
//! each post framed by lines every post repeats in one layout: the account's name
//! and a stamp over its text (`12-7 21:30 来自 微博网页版`), a link and its counters
//! under it (`网页链接`, `转发 23　评论 41　赞 215`). Those lines are the page's
//! furniture and the text between them one post, an article of its own; a head in
//! black lenticular brackets opening a post (`【苔坞区再添三家社区食堂】12月7日，…`,
//! after its topic `#棹州身边事#`) is its title, run in with its text.
//!
//! Nothing here knows a site's words: a layout line is a short line that ends no
//! sentence and whose shape (its figures masked) recurs on the page, and where
//! the posts print them is learned from the page. Cutting the page at each line of
//! one such shape (the opener) gives records; a place counted from a record's
//! opener (its head) or from its end (its tail) where most records print one
//! shape is a slot of the layout, and a line in a slot that reads as no sentence
//! is layout too where the record prints another (a stamp `来自 微博视频号`, a
//! video's link). A record holding a slot of the layout and text is a post; the
//! lines above the first post (the account's head) and under the last (a loading
//! line) are the page's.

use super::blocks::{DraftField, Markup, Unit, trim};
use super::classify::{count_upto, ends_sentence, has_box_drawing};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::HashMap;

/// Fewer posts than this are no page of posts.
const MIN_POSTS: usize = 3;
/// A layout line: at most this many characters.
const MAX_LAYOUT: usize = 40;
/// Slots of a layout counted from a record's opener, or from its end: at most.
const MAX_SLOTS: usize = 4;
/// A post's text: this many lines on average, at most (hard-wrapped too).
const MAX_POST_LINES: usize = 8;
/// A topic (`#棹州身边事#`): at most this many characters between its marks.
const MAX_TOPIC: usize = 16;
/// A bracketed head opening a post: at most this many characters inside.
const MAX_HEAD: usize = 40;

/// The posts of a page, by the source lines of their text (first, last).
#[derive(Debug, Default)]
pub struct Posts {
    texts: Vec<(usize, usize)>,
}

/// The shape of a line that may be a layout line (short, ending no sentence): its
/// text with every run of figures one figure and every run of spaces one space,
/// hashed. `None` for any other line, and for a line of a table drawn in
/// box-drawing characters (`├────┼────┤`, `│ 6月7日 │ …`): a hard-wrapped print cuts
/// such a table's rules into short pieces that recur as a layout's lines would,
/// and a timeline's layout never draws one.
fn shape(text: &str) -> Option<u64> {
    if text.len() > 4 * MAX_LAYOUT
        || count_upto(text, MAX_LAYOUT + 1) > MAX_LAYOUT
        || ends_sentence(text)
        || crate::text::holds_char(text, '。')
        || has_box_drawing(text)
    {
        return None;
    }
    // The shape's bytes (never more than the line's), hashed whole. Read on bytes:
    // an ASCII byte is told as it is, and only a character opening with a byte that
    // a full-width digit (`EF BC 90`-`99`) or a wider space (`C2`, `E1`, `E2`, `E3`)
    // opens with is decoded; the bytes of the characters between the figures and
    // spaces are copied a run at a time.
    let mut bytes = [0u8; 4 * MAX_LAYOUT];
    let mut len = 0;
    // The last character read, when it is a figure or a space (`0`, ` `; 0 for any
    // other).
    let mut last = b' ';
    let t = trim(text);
    let b = t.as_bytes();
    // Where the bytes not yet copied start.
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        let n = match lead {
            0..0x80 => 1,
            0x80..0xE0 => 2,
            0xE0..0xF0 => 3,
            _ => 4,
        };
        let masked = match lead {
            b'0'..=b'9' => b'0',
            b' ' | 0x09..=0x0D => b' ',
            0xEF if b[i + 1] == 0xBC && (0x90..=0x99).contains(&b[i + 2]) => b'0',
            0xC2 | 0xE1 | 0xE2 | 0xE3 if t[i..].starts_with(char::is_whitespace) => b' ',
            _ => 0,
        };
        if masked != 0 {
            if run < i {
                bytes[len..len + (i - run)].copy_from_slice(&b[run..i]);
                len += i - run;
            }
            if masked != last {
                bytes[len] = masked;
                len += 1;
            }
            run = i + n;
        }
        last = masked;
        i += n;
    }
    bytes[len..len + (b.len() - run)].copy_from_slice(&b[run..]);
    len += b.len() - run;
    Some(xxhash_rust::xxh3::xxh3_64(&bytes[..len]))
}

/// How the page's records print their layout: the shapes of the head slots
/// (under the opener) and of the tail slots (from the record's end up).
struct Layout {
    head: Vec<u64>,
    tail: Vec<u64>,
}

/// One record as the layout reads it: the positions (in the page's text lines)
/// of its opener, its text and its end.
struct Post {
    opener: usize,
    text: std::ops::Range<usize>,
    end: usize,
}

/// The page holds two or more documents each between document breaks and with a
/// title of its own markup (a web archive's pages, an export's articles): their
/// lines each document repeats (a site's source line, its editor's credit) are no
/// timeline's layout.
fn delimits_its_documents(units: &[Unit<'_>]) -> bool {
    units
        .split(|u| u.markup == Markup::DocBreak)
        .filter(|doc| doc.iter().any(|u| u.markup == Markup::Title))
        .nth(1)
        .is_some()
}

/// Read a page of posts, if it is one: the layout lines become furniture (each
/// post's opener a break: the post above ends there), so do the page's lines over
/// the first post and under the last; each post's text is left as it is, to be
/// unwrapped. Returns where the posts' texts are, for [`Posts::split_heads`].
pub fn read_posts(units: &mut [Unit<'_>]) -> Option<Posts> {
    if delimits_its_documents(units) {
        return None;
    }
    // The page's text lines and their shapes; most pages have no shape that
    // recurs three times: count before anything else.
    let mut lines: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].markup == Markup::None)
        .collect();
    let mut shapes: Vec<Option<u64>> = lines.iter().map(|&i| shape(&units[i].text)).collect();
    let mut counts: FxHashMap<u64, usize> = FxHashMap::default();
    for s in shapes.iter().flatten() {
        *counts.entry(*s).or_default() += 1;
    }
    // A print's page number and running head, repeated at each page break, fall
    // anywhere, between a post's stamp and its text too: they are the page's, no
    // line of a post's layout.
    let frame: Vec<usize> = (0..lines.len())
        .filter(|&k| {
            shapes[k].is_some_and(|s| counts.get(&s).is_some_and(|&n| n >= 2))
                && super::normalise::is_page_frame(&units[lines[k]].text)
        })
        .collect();
    let frame_units: Vec<usize> = frame.iter().map(|&k| lines[k]).collect();
    if !frame.is_empty() {
        for &k in &frame {
            if let Some(s) = shapes[k]
                && let Some(n) = counts.get_mut(&s)
            {
                *n -= 1;
            }
        }
        let keep = |k: &usize| frame.binary_search(k).is_err();
        lines = (0..lines.len()).filter(keep).map(|k| lines[k]).collect();
        shapes = (0..shapes.len()).filter(keep).map(|k| shapes[k]).collect();
    }
    let recurring = |s: u64| counts.get(&s).is_some_and(|&n| n >= MIN_POSTS);
    let mut openers: Vec<u64> = Vec::new();
    for s in shapes.iter().flatten() {
        if recurring(*s) && !openers.contains(s) {
            openers.push(*s);
        }
    }
    if openers.len() < 2 {
        return None;
    }
    // A hard-wrapped print cuts a post's text into lines as short as its layout's:
    // a line filling the page's width, and the line it goes on in, are running
    // text all the same. (Measured only on a page with openers: most have none.)
    let wrap = super::normalise::wrap_width(units);
    let fills = |k: usize| wrap.is_some_and(|w| w.fills(&units[lines[k]].text));
    let running: Vec<bool> = (0..lines.len())
        .map(|k| shapes[k].is_none() || fills(k) || (k > 0 && fills(k - 1)))
        .collect();
    // The opener whose records make the most posts (the first such).
    let posts = openers
        .iter()
        .filter_map(|&o| cut(&shapes, &running, o, &recurring))
        .fold(Vec::new(), |best, this| {
            if this.len() > best.len() { this } else { best }
        });
    // Posts say different things: lines that repeat with the same text between
    // them (a paragraph printed again and again, hard-wrapped) frame no posts.
    let mut firsts: Vec<&str> = posts
        .iter()
        .map(|p| units[lines[p.text.start]].text.as_ref())
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    if posts.len() < MIN_POSTS || firsts.len() * 2 <= posts.len() {
        return None;
    }
    let mut out = Posts::default();
    let set = |units: &mut [Unit<'_>], k: usize, markup: Markup| {
        let u = &mut units[lines[k]];
        u.markup = markup;
        u.level = 0;
    };
    for k in 0..posts[0].opener {
        set(units, k, Markup::Furniture);
    }
    for &i in &frame_units {
        units[i].markup = Markup::Furniture;
        units[i].level = 0;
    }
    for p in &posts {
        set(units, p.opener, Markup::DocBreak);
        for k in (p.opener + 1..p.text.start).chain(p.text.end..p.end) {
            set(units, k, Markup::Furniture);
        }
        // A post's text is no heading: a `#` read as a heading's mark opened its
        // topic (`#棹州身边事# …`, read as `棹州身边事# …` at level 1).
        for k in p.text.clone() {
            let u = &mut units[lines[k]];
            if u.level > 0 {
                u.level = 0;
                if topic(&u.text).is_some_and(|(_, opened, _)| !opened) {
                    u.text = Cow::Owned(format!("#{}", u.text));
                }
            }
        }
        let (first, last) = (lines[p.text.start], lines[p.text.end - 1]);
        out.texts.push((units[first].line, units[last].line));
    }
    let last = posts.last().map_or(0, |p| p.end);
    for k in last..lines.len() {
        set(units, k, Markup::Furniture);
    }
    Some(out)
}

/// Cut the page's text lines at each line of shape `opener` and read the layout
/// its records share; `None` when they share no slot after the text (a post is
/// framed by its layout, as a stamp over it and counters under it frame it).
fn cut(
    shapes: &[Option<u64>],
    running: &[bool],
    opener: u64,
    recurring: &dyn Fn(u64) -> bool,
) -> Option<Vec<Post>> {
    let starts: Vec<usize> = (0..shapes.len())
        .filter(|&k| shapes[k] == Some(opener))
        .collect();
    let mut ranges: Vec<std::ops::Range<usize>> = starts
        .iter()
        .enumerate()
        .map(|(j, &s)| s..starts.get(j + 1).copied().unwrap_or(shapes.len()))
        .collect();
    // The slot's shape, when most of the records that printed the slot before it
    // print it: (the shape, the records that do).
    let dominant = |ranges: &[std::ops::Range<usize>],
                    at: &dyn Fn(&std::ops::Range<usize>) -> Option<usize>,
                    holders: &[usize]|
     -> Option<(u64, Vec<usize>)> {
        let mut tally: HashMap<u64, Vec<usize>> = HashMap::new();
        for &r in holders {
            if let Some(k) = at(&ranges[r])
                && let Some(s) = shapes[k]
                && s != opener
                && recurring(s)
            {
                tally.entry(s).or_default().push(r);
            }
        }
        let (s, rs) = tally.into_iter().max_by_key(|(_, rs)| rs.len())?;
        (rs.len() * 2 > holders.len()).then_some((s, rs))
    };
    let mut head = Vec::new();
    let mut holders: Vec<usize> = (0..ranges.len()).collect();
    for slot in 1..=MAX_SLOTS {
        let at = |r: &std::ops::Range<usize>| (r.start + slot < r.end).then_some(r.start + slot);
        let Some((s, rs)) = dominant(&ranges, &at, &holders) else {
            break;
        };
        head.push(s);
        holders = rs;
    }
    // Tail slots: over every record but the last, whose end runs on into the
    // page's own lines under the posts, until the last slot's shape says where
    // the last record ends.
    let mut tail = Vec::new();
    let mut holders: Vec<usize> = (0..ranges.len().saturating_sub(1)).collect();
    for slot in 1..=MAX_SLOTS {
        let at = |r: &std::ops::Range<usize>| (r.end > r.start + slot).then_some(r.end - slot);
        let Some((s, mut rs)) = dominant(&ranges, &at, &holders) else {
            break;
        };
        if slot == 1
            && let Some(last) = ranges.last_mut()
            && let Some(k) = (last.start + 1..last.end)
                .rev()
                .find(|&k| shapes[k] == Some(s))
        {
            last.end = k + 1;
            rs.push(ranges.len() - 1);
        }
        tail.push(s);
        holders = rs;
    }
    if tail.is_empty() {
        return None;
    }
    let layout = Layout { head, tail };
    let posts: Vec<Post> = ranges
        .iter()
        .filter_map(|r| read_record(shapes, running, r.clone(), &layout))
        .collect();
    // A post is a few lines: what a printed page's running head and footer frame
    // (a page of stories) is no post.
    let lines: usize = posts.iter().map(|p| p.text.len()).sum();
    (lines <= MAX_POST_LINES * posts.len()).then_some(posts)
}

/// One record as a post: its layout lines at the head and the tail and its text
/// between; `None` when it holds no slot of the layout as the others print it, or
/// no text.
fn read_record(
    shapes: &[Option<u64>],
    running: &[bool],
    r: std::ops::Range<usize>,
    layout: &Layout,
) -> Option<Post> {
    let slots: Vec<u64> = layout.head.iter().chain(&layout.tail).copied().collect();
    let mut exact = 0;
    let end = r.end;
    let mut start = r.start + 1;
    for &s in &layout.head {
        if start >= end {
            break;
        }
        match shapes[start] {
            Some(x) if x == s => exact += 1,
            // A line in the slot that ends no sentence is the slot's, as printed
            // for this post (a stamp of another client).
            Some(_) => {}
            None => break,
        }
        start += 1;
    }
    let mut stop = end;
    for &s in &layout.tail {
        if stop <= start {
            break;
        }
        match shapes[stop - 1] {
            Some(x) if x == s => exact += 1,
            Some(_) => {}
            None => break,
        }
        stop -= 1;
    }
    // A line of a slot's shape printed out of its place is layout too.
    while start < stop && shapes[start].is_some_and(|s| slots.contains(&s)) {
        start += 1;
    }
    while stop > start && shapes[stop - 1].is_some_and(|s| slots.contains(&s)) {
        stop -= 1;
    }
    // A post's text opens and closes with running text: a head or a label at its
    // edge (a story's title under a column label, over the next one's byline) is
    // a story's, and the lines around it no post's layout.
    if exact == 0 || start >= stop || !running[start] || !running[stop - 1] {
        return None;
    }
    Some(Post {
        opener: r.start,
        text: start..stop,
        end,
    })
}

impl Posts {
    /// A bracketed head opening a post's text is its title, its topic before it
    /// its kicker (`#棹州身边事# 【苔坞区再添三家社区食堂】12月7日，…`): each its own
    /// unit, the text after it the post's. Run after the page is unwrapped (a
    /// hard-wrapped print cut the head with its line).
    pub fn split_heads(&self, units: &mut Vec<Unit<'_>>) {
        for &(first, last) in self.texts.iter().rev() {
            let Some(i) = units
                .iter()
                .position(|u| u.markup == Markup::None && (first..=last).contains(&u.line))
            else {
                continue;
            };
            let Some((topic, title, rest)) = run_in_head(&units[i].text) else {
                continue;
            };
            let u = &units[i];
            let head = |text: String, markup: Markup, gap: usize| {
                Unit::new(u.line, gap, markup, Cow::Owned(text))
            };
            let mut new = Vec::with_capacity(3);
            if let Some(t) = topic {
                new.push(head(t, Markup::Field(DraftField::Kicker), u.gap));
            }
            let gap = if new.is_empty() { u.gap } else { 0 };
            new.push(head(title, Markup::Title, gap));
            let mut body = u.clone();
            body.gap = 0;
            body.level = 0;
            body.page_break = false;
            body.text = Cow::Owned(rest);
            new.push(body);
            units.splice(i..=i, new);
        }
    }
}

/// `#话题# …`: a topic opening a post, its name and the text after it. A topic
/// whose opening mark was read as a Markdown heading's (`话题# …`) is one too
/// (`opened` says whether the mark is printed).
fn topic(text: &str) -> Option<(&str, bool, &str)> {
    let opened = text.starts_with('#');
    let inner = text.strip_prefix('#').unwrap_or(text);
    let close = inner.find('#')?;
    let name = &inner[..close];
    ((1..=MAX_TOPIC).contains(&count_upto(name, MAX_TOPIC + 1))
        && !name.contains(|c: char| c.is_whitespace() || "#，。：【】".contains(c)))
    .then(|| (name, opened, trim(&inner[close + 1..])))
}

/// `#话题# 【标题】正文`: a post's topic as printed (if any), its bracketed head and
/// the text after it, when the head opens the post and text follows.
fn run_in_head(text: &str) -> Option<(Option<String>, String, String)> {
    let (topic, t) = match topic(text) {
        Some((name, opened, rest)) => {
            let mark = if opened { "#" } else { "" };
            (Some(format!("{mark}{name}#")), rest)
        }
        None => (None, text),
    };
    let rest = t.strip_prefix('【')?;
    let close = rest.find('】')?;
    let n = count_upto(&rest[..close], MAX_HEAD + 1);
    let after = trim(&rest[close + '】'.len_utf8()..]);
    // A head alone on its line is no head run in with its text.
    if !(1..=MAX_HEAD).contains(&n) || after.is_empty() {
        return None;
    }
    let title = t[..'【'.len_utf8() + close + '】'.len_utf8()].to_string();
    Some((topic, title, after.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment_issue;

    /// [`shape`] as it read a character at a time.
    fn shape_by_chars(text: &str) -> Option<u64> {
        if text.len() > 4 * MAX_LAYOUT
            || count_upto(text, MAX_LAYOUT + 1) > MAX_LAYOUT
            || ends_sentence(text)
            || text.contains('。')
            || has_box_drawing(text)
        {
            return None;
        }
        let mut bytes = [0u8; 4 * MAX_LAYOUT];
        let mut len = 0;
        let mut last = ' ';
        for c in trim(text).chars() {
            let c = if crate::text::is_digit(c) {
                '0'
            } else if c.is_whitespace() {
                ' '
            } else {
                c
            };
            if (c == '0' || c == ' ') && c == last {
                continue;
            }
            len += c.encode_utf8(&mut bytes[len..]).len();
            last = c;
        }
        Some(xxhash_rust::xxh3::xxh3_64(&bytes[..len]))
    }

    proptest::proptest! {
        /// Read on bytes, a line's shape is what reading it a character at a time
        /// gives: figures (half- and full-width) and spaces (ASCII, ideographic,
        /// no-break, thin) each run one, everything else as it is.
        #[test]
        fn shapes_read_on_bytes_are_shapes_read_by_characters(
            s in "[09０９ａ\t\u{a0}\u{2009}\u{3000}\u{feff}\u{ff1a}转发评论赞a:é𠀀・\u{2014}]{0,45}"
        ) {
            proptest::prop_assert_eq!(shape(&s), shape_by_chars(&s));
        }
    }

    const TIMELINE: &str = "篁溪日报 \n篁溪日报官方微博\n粉丝 41万　关注 210　微博 3.2万\n\n全部微博\n\n\
        篁溪日报 \n3-2 09:15 来自 微博网页版\n#篁溪民生# 【老城区新增两处公共停车场】3月1日，老城区鼓楼东、柳巷口两处公共停车场投入使用，共新增车位三百二十个。（记者　冉秋池）\n网页链接\n转发 12　　评论 30　　赞 188\n\n\
        篁溪日报 \n3-1 20:40 来自 iPhone客户端\n【柳河湿地迎来首批候鸟】今天下午，数百只野鸭和白鹭落脚柳河湿地。（记者　阙明远）\n柳河湿地的微博视频\n转发 40　　评论 12　　赞 906\n\n\
        篁溪日报 \n3-1 18:02 来自 微博网页版\n周末气温回升，适合踏青，记得带好雨具。\n转发 5　　评论 19　　赞 77\n\n\
        篁溪日报 \n3-1 08:30 来自 微博网页版\n#篁溪文化# 【非遗剪纸展在市文化馆开幕】剪纸展展出作品一百二十件，展期一个月。\n展览免费开放，每周一闭馆。（记者　冉秋池）\n网页链接\n转发 9　　评论 3　　赞 64\n\n\
        篁溪日报 \n2-28 21:10 来自 微博网页版\n#篁溪民生# 【城南菜市场改造完工】城南菜市场改造完工，摊位由一百个增至一百六十个。（记者　阙明远）\n网页链接\n转发 3　　评论 8　　赞 51\n\n\
        正在加载中，请稍候...\n";

    /// A timeline: each post an article, its stamp, link and counters furniture,
    /// the account's head and the loading line too; a bracketed head opening a
    /// post is its title and the topic before it its kicker; a post without one
    /// is an untitled item, not a part of the post above.
    #[test]
    fn a_timelines_posts_are_articles_titled_by_their_bracketed_heads() {
        let articles = segment_issue(TIMELINE, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "【老城区新增两处公共停车场】",
                "【柳河湿地迎来首批候鸟】",
                "",
                "【非遗剪纸展在市文化馆开幕】",
                "【城南菜市场改造完工】"
            ],
            "{articles:#?}"
        );
        let a = &articles[0];
        assert_eq!(a.kicker, "#篁溪民生#");
        assert_eq!(a.byline, "（记者　冉秋池）");
        assert_eq!(
            a.paragraphs,
            [
                "3月1日，老城区鼓楼东、柳巷口两处公共停车场投入使用，共新增车位三百二十个。（记者　冉秋池）"
            ]
        );
        // Another client's stamp and a video's link line are the post's layout.
        assert_eq!(
            articles[1].paragraphs,
            ["今天下午，数百只野鸭和白鹭落脚柳河湿地。（记者　阙明远）"]
        );
        assert_eq!(
            articles[2].paragraphs,
            ["周末气温回升，适合踏青，记得带好雨具。"]
        );
        assert_eq!(articles[3].kicker, "#篁溪文化#");
        assert_eq!(articles[3].paragraphs.len(), 2, "{articles:#?}");
        let all: String = articles.iter().map(|a| a.body()).collect();
        for furniture in ["网页链接", "转发", "来自", "加载", "粉丝"] {
            assert!(!all.contains(furniture), "{furniture}: {articles:#?}");
        }
    }

    /// The same timeline as other tools print it: page breaks (a page number and
    /// a running head) falling inside posts, between a stamp and its text, and
    /// every line hard-wrapped at 24 characters (a post's lines as short as its
    /// layout's). The posts and their titles are the same.
    #[test]
    fn a_timeline_cut_by_page_breaks_or_hard_wrapped_keeps_its_posts() {
        let titles = |page: &str| -> Vec<String> {
            segment_issue(page, "p")
                .into_iter()
                .map(|a| a.title)
                .collect()
        };
        let printed = titles(TIMELINE);
        let broken = TIMELINE
            .replacen(
                "3-1 20:40 来自 iPhone客户端\n",
                "3-1 20:40 来自 iPhone客户端\n第 1 页\n篁溪日报  2026年3月2日  要闻\n",
                1,
            )
            .replacen(
                "2-28 21:10 来自 微博网页版\n",
                "2-28 21:10 来自 微博网页版\n第 2 页\n篁溪日报  2026年3月2日  要闻\n",
                1,
            );
        let articles = segment_issue(&broken, "p");
        let got: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(got, printed, "{articles:#?}");
        let all: String = articles.iter().map(|a| a.body()).collect();
        assert!(
            !all.contains("要闻") && !all.contains("第 1 页"),
            "{articles:#?}"
        );
        let wrapped: String = TIMELINE
            .lines()
            .flat_map(|line| {
                let chars: Vec<char> = line.chars().collect();
                if chars.is_empty() {
                    return vec![String::new()];
                }
                chars.chunks(24).map(|c| c.iter().collect()).collect()
            })
            .map(|line: String| line + "\n")
            .collect();
        assert_eq!(titles(&wrapped), printed, "{wrapped}");
    }

    /// A table drawn in box-drawing characters in a hard-wrapped print, each of
    /// its rules cut in two (the pieces recur, short and ending no sentence, as a
    /// timeline's layout lines do), frames no posts: the notices above it keep
    /// their titles and their text.
    #[test]
    fn a_wrapped_table_of_rules_frames_no_posts() {
        let page = "筱川晚报 2030年3月2日 第9版\n\
         \n\
         桃林路片区停水通知\n\
         \n\
         因供水管道维修，3月4日上午9时至下午5时，桃林路、杏花巷及周边\n\
         小区将暂停供水，请提前储水。\n\
         \n\
         筱川市供水公司\n\
         \n\
         三月周末急诊值班医院\n\
         \n\
         三月周末期间，以下医院急诊科全天接诊：\n\
         \n\
         ┌───────────────┬─────────────\n\
         ───────┬──────────────┐\n\
         │     日期      │        医院        │     电话     │\n\
         ├───────────────┼─────────────\n\
         ───────┼──────────────┤\n\
         │ 3月6日至7日   │ 筱川市第一人民医院 │ 0000-6621120 │\n\
         ├───────────────┼─────────────\n\
         ───────┼──────────────┤\n\
         │ 3月13日至14日 │ 筱川市中医医院     │ 0000-6622120 │\n\
         ├───────────────┼─────────────\n\
         ───────┼──────────────┤\n\
         │ 3月20日至21日 │ 筱川市第二人民医院 │ 0000-6623120 │\n\
         ├───────────────┼─────────────\n\
         ───────┼──────────────┤\n\
         │ 3月27日至28日 │ 桃林区人民医院     │ 0000-6624120 │\n\
         └───────────────┴─────────────\n\
         ───────┴──────────────┘\n\
         \n\
         各医院门诊周末照常开放半天。\n\
         ";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert!(
            titles.contains(&"桃林路片区停水通知") && titles.contains(&"三月周末急诊值班医院"),
            "{articles:#?}"
        );
        let notice = articles
            .iter()
            .find(|a| a.title == "桃林路片区停水通知")
            .unwrap();
        assert!(notice.body().contains("请提前储水"), "{articles:#?}");
    }

    /// Lines that recur around the stories of a page (a column label over each
    /// title, the same reporter's credit under each text) frame no posts: a
    /// post's text opens with running text, and the stories are read as printed.
    #[test]
    fn recurring_lines_around_stories_are_no_posts() {
        let page = "〔民生热线〕\n老城区新增两处公共停车场\n3月1日，老城区鼓楼东、柳巷口两处公共停车场投入使用。\n（记者　冉秋池）\n\
            〔民生热线〕\n柳河湿地迎来首批候鸟\n今天下午，数百只野鸭和白鹭落脚柳河湿地。\n（记者　冉秋池）\n\
            〔民生热线〕\n非遗剪纸展在市文化馆开幕\n剪纸展展出作品一百二十件，展期一个月。\n（记者　冉秋池）\n";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "老城区新增两处公共停车场",
                "柳河湿地迎来首批候鸟",
                "非遗剪纸展在市文化馆开幕"
            ],
            "{articles:#?}"
        );
    }
}
