//! A paper's habits, learned from the archive itself.
//!
//! A short head line that recurs across many issues of a corpus (a column label such
//! as 今日关注, a section banner, a slogan, a fixed box title) is a label, not a
//! title; a short name that recurs under titles (a columnist's pen name) is a byline.
//!
//! Three pure steps, so a per-file cache can keep the first and apply the others
//! after it:
//! - [`lines_of_units`] (`segment::page_lines` of a page's text): what one page
//!   tells (its short head lines, once each);
//! - [`Habits::learn`]: what recurs across the pages of a corpus;
//! - [`apply`]: the learned habits as roles of one page's lines, a pass after
//!   `classify` (and [`Habits::affects`] says whether a page needs it at all).
//!
//! A one-file corpus learns nothing and is cut as before; a line must recur in at
//! least `[measures] recurring_min_issues` issues and `recurring_per_mille` per
//! mille of them ([`crate::segment::measures`]), each time
//! over other text: one page printed several ways (a PDF as two tools print it and
//! its web copy, one story in the morning and the evening paper) is one issue, so
//! the heads its prints share are not taken for a recurring label (a label stands
//! among new text each time, a title amid the same).
//!
//! Loading (`corpus::habits`): each file is cut with the habits its corpus had at
//! the last load, and the same pass gives its page lines
//! ([`crate::segment::segment_issue_learning`]; the corpus cache keeps them with the
//! file's articles); once every file is read the habits are learned again and, when
//! they changed, only the files whose lines they change ([`Habits::differ_on`]) are
//! cut again. Lines are kept as 64-bit hashes of their comparison keys.

use super::blocks::{Markup, Unit};
use super::classify::{Class, Role, count_upto, ends_sentence};
use crate::text::comparison_key;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// How many letters and digits either side of a head line tell where it stands.
pub const CONTEXT_CHARS: usize = 12;

/// A head line short enough to be a possible label or name of the paper
/// (`[measures] recurring_line_chars`).
fn short_enough(text: &str) -> bool {
    let most = super::measures::measures().recurring_line_chars;
    count_upto(text, most) <= most
}

/// How many issues of a corpus of `issues` a line must stand in to recur
/// (`[measures] recurring_min_issues` and `recurring_per_mille`).
fn issues_to_recur(issues: u32) -> u32 {
    issues_to_recur_by(issues, super::measures::measures())
}

/// [`issues_to_recur`] by the measures `m` (never overflows: a corpus of any
/// size asks at most every issue).
fn issues_to_recur_by(issues: u32, m: &super::measures::Measures) -> u32 {
    let share = (u64::from(issues) * u64::from(m.recurring_per_mille)).div_ceil(1000);
    m.recurring_min_issues
        .max(u32::try_from(share).unwrap_or(u32::MAX))
}

/// The hash a line is known by here: of its comparison key (NFKC, no whitespace).
pub fn line_hash(key: &str) -> u64 {
    hash_bytes(key.as_bytes())
}

/// The one hash this module uses, of lines, contexts, digests and checksums.
fn hash_bytes(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The short head lines of one page, each once, as hashes of their comparison
/// keys (see [`line_hash`]): a few hundred bytes a page, kept in the corpus cache.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageLines {
    /// Lines of two or three Han characters (a pen name's shape) that stood under
    /// another short head line (a name there signs).
    pub under_head: Vec<u64>,
    /// The other short head lines.
    pub heads: Vec<u64>,
    /// Where each line of `under_head` and `heads` stands, in that order: a hash
    /// of the [`CONTEXT_CHARS`] letters and digits either side of it (see
    /// [`Habits::learn`]). Shards of an older cache (postcard, no defaults) are
    /// never read: the cache's build stamp and format version keep them out.
    pub context: Vec<u64>,
    /// The page's other short lines (other markup, or sentence punctuation),
    /// which are never learned from but which [`apply`] may still find among
    /// learned habits (a head with a comma whose key is another page's label):
    /// what the page's cut may depend on is `heads`, `under_head` and these.
    pub others: Vec<u64>,
}

impl PageLines {
    /// Every short line of the page whose learned role may change its cut.
    fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.heads
            .iter()
            .chain(&self.under_head)
            .chain(&self.others)
            .copied()
    }

    pub fn is_empty(&self) -> bool {
        self.heads.is_empty() && self.under_head.is_empty() && self.others.is_empty()
    }
}

/// What one page tells about its paper's habits, from the page's units as the
/// cut prepares them (normalised, furniture left out;
/// [`crate::segment::page_lines`] of a page's text): its short lines that read
/// as heads (no sentence punctuation), each once. A pure function of the text,
/// so a cache can keep it.
pub fn lines_of_units(units: &[Unit<'_>]) -> PageLines {
    let mut out = PageLines::default();
    let mut seen = FxHashSet::default();
    let mut prev_short = false;
    let mut heads_context = Vec::new();
    // The units the first pass took the key of (short text units): the second
    // finds them in `seen` already, and is spared their keys.
    let mut keyed = vec![false; units.len()];
    for (i, u) in units.iter().enumerate() {
        if !is_text(u) {
            continue;
        }
        // A record's title its field names (an export's, a clipping's) is a
        // story's title, never the paper's label however often the story is
        // filed: it is no head to learn from (a head still, for the name under it).
        if u.named_by_field {
            prev_short = true;
            continue;
        }
        let short = short_enough(&u.text)
            && !ends_sentence(&u.text)
            && !u.text.contains(['。', '，', '；']);
        if short {
            keyed[i] = true;
            let key = comparison_key(&u.text);
            if !key.is_empty() && seen.insert(line_hash(&key)) {
                if prev_short && looks_like_name(&key) {
                    out.under_head.push(line_hash(&key));
                    out.context.push(context_hash(units, i));
                } else {
                    out.heads.push(line_hash(&key));
                    heads_context.push(context_hash(units, i));
                }
            }
        }
        prev_short = short;
    }
    out.context.extend(heads_context);
    // Every other short unit, whatever its markup or punctuation: `apply` looks
    // at each short head, so the cut depends on their keys too.
    for (u, keyed) in units.iter().zip(keyed) {
        if !keyed && short_enough(&u.text) {
            let key = comparison_key(&u.text);
            if !key.is_empty() && seen.insert(line_hash(&key)) {
                out.others.push(line_hash(&key));
            }
        }
    }
    out
}

/// A unit of the page's text (not furniture, noise or a banner).
fn is_text(u: &Unit<'_>) -> bool {
    matches!(
        u.markup,
        Markup::None | Markup::Title | Markup::RunIn | Markup::Field(_)
    )
}

/// Where the line `at` of `units` stands: a hash of the last [`CONTEXT_CHARS`]
/// letters and digits of the page's text before it and the first ones after it
/// (full-width forms read as ASCII), the same in every print of one page however
/// it was wrapped, spaced or punctuated.
fn context_hash(units: &[Unit<'_>], at: usize) -> u64 {
    use crate::text::is_alphanumeric;
    // Gathered on the stack (at most four bytes a character), each side read only
    // as far as its letters and digits go.
    let mut back = ['\0'; CONTEXT_CHARS];
    let mut left = CONTEXT_CHARS;
    'back: for u in units[..at].iter().rev().filter(|u| is_text(u)) {
        for c in u.text.chars().rev() {
            if is_alphanumeric(c) {
                left -= 1;
                back[left] = c;
                if left == 0 {
                    break 'back;
                }
            }
        }
    }
    let mut buf = [0u8; 8 * CONTEXT_CHARS + 1];
    let mut len = 0;
    for &c in &back[left..] {
        len += ascii_form(c).encode_utf8(&mut buf[len..]).len();
    }
    buf[len] = b'|';
    len += 1;
    let mut taken = 0;
    'ahead: for u in units[at + 1..].iter().filter(|u| is_text(u)) {
        for c in u.text.chars() {
            if taken == CONTEXT_CHARS {
                break 'ahead;
            }
            if is_alphanumeric(c) {
                len += ascii_form(c).encode_utf8(&mut buf[len..]).len();
                taken += 1;
            }
        }
    }
    // `line_hash` of the same text.
    hash_bytes(&buf[..len])
}

/// A full-width form (`１`, `Ａ`) as its ASCII character.
fn ascii_form(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

/// The habits learned from a corpus: recurring labels and recurring names (as
/// [`line_hash`]es of their comparison keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Habits {
    labels: HashSet<u64>,
    names: HashSet<u64>,
}

/// How often one line stood alone and under another head line.
#[derive(Default)]
struct Seen {
    alone: u32,
    under: u32,
}

impl Habits {
    /// Learn from the pages of a corpus (one entry a page). A line that recurs in
    /// enough issues is a label, or a name when it has a name's shape and mostly
    /// stands under another head line. Issues where the line stands amid the same
    /// text (prints of one page) count once.
    pub fn learn<'a>(pages: impl IntoIterator<Item = &'a PageLines>) -> Habits {
        let mut issues = 0u32;
        // (line, the text either side of it, under a head): each once.
        let mut stood: HashSet<(u64, u64, bool)> = HashSet::new();
        for page in pages {
            issues += 1;
            let lines = page
                .under_head
                .iter()
                .map(|&k| (k, true))
                .chain(page.heads.iter().map(|&k| (k, false)));
            for (i, (k, under)) in lines.enumerate() {
                // A line without its context (none is made so) counts once per issue.
                let context = page
                    .context
                    .get(i)
                    .copied()
                    .unwrap_or(u64::from(issues) | 1 << 63);
                stood.insert((k, context, under));
            }
        }
        let mut counts: HashMap<u64, Seen> = HashMap::new();
        for (k, _, under) in stood {
            let seen = counts.entry(k).or_default();
            if under {
                seen.under += 1;
            } else {
                seen.alone += 1;
            }
        }
        let need = issues_to_recur(issues);
        let mut habits = Habits::default();
        for (key, seen) in counts {
            if seen.alone + seen.under < need {
                continue;
            }
            // A short line that mostly stands under another head line signs it.
            if seen.under * 2 > seen.alone + seen.under {
                habits.names.insert(key);
            } else {
                habits.labels.insert(key);
            }
        }
        habits
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.names.is_empty()
    }

    /// The line (comparison key) recurs as a label.
    pub fn is_label(&self, key: &str) -> bool {
        !self.labels.is_empty() && self.labels.contains(&line_hash(key))
    }

    /// The line (comparison key) recurs under titles (a name there signs them).
    pub fn is_name(&self, key: &str) -> bool {
        !self.names.is_empty() && self.names.contains(&line_hash(key))
    }

    /// True when [`apply`] would change something on the page `lines` came from.
    pub fn affects(&self, lines: &PageLines) -> bool {
        !self.is_empty()
            && lines
                .keys()
                .any(|k| self.labels.contains(&k) || self.names.contains(&k))
    }

    /// True when the page `lines` came from may be cut differently with `self`
    /// than with `other`: a line of it is a label or a name in one and not the other.
    pub fn differ_on(&self, other: &Habits, lines: &PageLines) -> bool {
        lines.keys().any(|k| {
            self.labels.contains(&k) != other.labels.contains(&k)
                || self.names.contains(&k) != other.names.contains(&k)
        })
    }

    /// A digest of the habits that bear on the page `lines` came from (those
    /// of its lines that are a label or a name here): two habits with the same
    /// digest on a page cut it the same way; 0 when none bears on it. A cache of
    /// one page's cut is keyed by this, so that habits learned anew leave valid
    /// the cut of every page they do not change.
    pub fn digest_on(&self, lines: &PageLines) -> u64 {
        if self.is_empty() {
            return 0;
        }
        let mut keys: Vec<(u64, u8)> = lines
            .keys()
            .filter_map(|k| {
                let tag =
                    u8::from(self.labels.contains(&k)) | u8::from(self.names.contains(&k)) << 1;
                (tag != 0).then_some((k, tag))
            })
            .collect();
        if keys.is_empty() {
            return 0;
        }
        keys.sort_unstable();
        keys.dedup();
        let mut bytes = Vec::with_capacity(keys.len() * 9);
        for (k, tag) in keys {
            bytes.extend_from_slice(&k.to_le_bytes());
            bytes.push(tag);
        }
        hash_bytes(&bytes) | 1
    }

    /// A digest of what was learned (equal habits, equal digests), for cache keys;
    /// 0 for no habits.
    pub fn digest(&self) -> u64 {
        if self.is_empty() {
            return 0;
        }
        let mut keys: Vec<(u8, u64)> = self
            .labels
            .iter()
            .map(|&k| (0, k))
            .chain(self.names.iter().map(|&k| (1, k)))
            .collect();
        keys.sort_unstable();
        let mut bytes = Vec::with_capacity(keys.len() * 9);
        for (tag, k) in keys {
            bytes.push(tag);
            bytes.extend_from_slice(&k.to_le_bytes());
        }
        hash_bytes(&bytes)
    }

    /// Counts of labels and names learned.
    pub fn counts(&self) -> (usize, usize) {
        (self.labels.len(), self.names.len())
    }
}

/// `木禾`, `晓岚`: two or three Han characters, all a pen name may be.
fn looks_like_name(text: &str) -> bool {
    let n = count_upto(text, 4);
    (2..=3).contains(&n) && text.chars().all(crate::text::is_han)
}

/// The learned habits as roles of one page's lines: a recurring name among head
/// lines is a byline; a recurring head line is a label (the assembler never makes
/// it the title while another head line stands with it). A head whose field label
/// names its role (a record's title field, a draft's `主题：`) keeps it: a story
/// filed in two issues of the corpus recurs without being a label. A head only
/// markup printed (an HTML `<h2>`, a page's `<title>`, a link's text) names no
/// role: a column's name every saved page repeats (`<h2>要闻</h2>`) is a label.
pub fn apply(habits: &Habits, units: &[Unit<'_>], classes: &mut [Class]) {
    if habits.is_empty() {
        return;
    }
    for (u, c) in units.iter().zip(classes.iter_mut()) {
        let named = matches!(u.markup, Markup::Field(_)) || u.named_by_field;
        if named || c.role != Role::Head || !short_enough(&u.text) {
            continue;
        }
        let key = comparison_key(&u.text);
        if habits.is_name(&key) {
            c.role = Role::Byline;
            c.rule = "byline: a name that recurs under titles across the corpus";
        } else if habits.is_label(&key) {
            c.label = true;
            c.rule = "head: a label that recurs across the corpus's issues";
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::blocks::units;
    use crate::segment::classify::classify;

    /// `context_hash` as the letters and digits either side gathered into a
    /// string and hashed: what the one on the stack must equal.
    fn context_hash_of_strings(units: &[Unit<'_>], at: usize) -> u64 {
        let alnum = |c: &char| crate::text::is_alphanumeric(*c);
        let mut back: Vec<char> = units[..at]
            .iter()
            .rev()
            .filter(|u| is_text(u))
            .flat_map(|u| u.text.chars().rev())
            .filter(alnum)
            .take(CONTEXT_CHARS)
            .collect();
        back.reverse();
        let mut s: String = back.into_iter().map(ascii_form).collect();
        s.push('|');
        s.extend(
            units[at + 1..]
                .iter()
                .filter(|u| is_text(u))
                .flat_map(|u| u.text.chars())
                .filter(alnum)
                .take(CONTEXT_CHARS)
                .map(ascii_form),
        );
        line_hash(&s)
    }

    proptest::proptest! {
        #[test]
        fn context_hash_reads_the_letters_and_digits_either_side(
            text in "([社区治理ＡＢ１２ab9，。 \u{3000}𠀀]{0,30}\n{1,2}){1,8}"
        ) {
            let units = units(&text);
            for at in 0..units.len() {
                proptest::prop_assert_eq!(
                    context_hash(&units, at),
                    context_hash_of_strings(&units, at)
                );
            }
        }
    }

    #[test]
    fn the_issues_a_line_must_recur_in_never_overflow() {
        use crate::segment::measures::Measures;
        let most = Measures {
            recurring_per_mille: 1000,
            ..Measures::default()
        };
        assert_eq!(issues_to_recur_by(u32::MAX, &most), u32::MAX);
        assert_eq!(issues_to_recur_by(5_000_000, &most), 5_000_000);
        let built_in = Measures::default();
        assert_eq!(issues_to_recur_by(10, &built_in), 3);
        assert_eq!(issues_to_recur_by(1000, &built_in), 10);
        assert_eq!(issues_to_recur_by(1001, &built_in), 11);
    }

    fn lines_of(text: &str) -> PageLines {
        crate::segment::page_lines(text)
    }

    const BODY: &str = "村里新修的水渠通了水，三百亩麦田赶上了春灌，村民们说今年的收成有了指望。";

    fn page(title: &str) -> String {
        format!("今日关注\n\n{title}\n\n木禾\n\n{BODY}\n")
    }

    #[test]
    fn lines_recurring_across_issues_are_learned() {
        let pages: Vec<PageLines> = ["水渠通到了田间", "夜校开到了村口", "老街装上了电梯"]
            .iter()
            .map(|t| lines_of(&page(t)))
            .collect();
        let h = Habits::learn(&pages);
        assert!(h.is_label("今日关注"));
        assert!(h.is_name("木禾"));
        assert!(!h.is_label("水渠通到了田间"));
        assert!(h.affects(&pages[0]));
        // Two issues are no habit; one file learns nothing.
        assert!(Habits::learn(&pages[..2]).is_empty());
        assert!(Habits::learn(&pages[..1]).is_empty());
    }

    #[test]
    fn a_big_corpus_needs_a_share_of_its_issues() {
        let rare = lines_of(&page("水渠通到了田间"));
        let mut pages = vec![rare; 3];
        // 997 issues, each with other news under the label.
        pages.extend((0..997).map(|i| lines_of(&format!("夜校开到了村口\n\n第{i}期：{BODY}\n"))));
        let h = Habits::learn(&pages);
        assert!(!h.is_label("今日关注"), "3 of 1000 issues is no habit");
        assert!(h.is_label("夜校开到了村口"));
    }

    #[test]
    fn applying_habits_relabels_lines() {
        let pages: Vec<PageLines> = ["水渠通到了田间", "夜校开到了村口", "老街装上了电梯"]
            .iter()
            .map(|t| lines_of(&page(t)))
            .collect();
        let h = Habits::learn(&pages);
        let text = page("春耕备耕忙");
        let u = units(&text);
        let mut c: Vec<Class> = u.iter().map(classify).collect();
        apply(&h, &u, &mut c);
        assert!(c[0].label && c[0].role == Role::Head);
        assert_eq!(c[2].role, Role::Byline);
        assert!(!c[1].label);
    }

    /// A recurring label set below the title (or a pen name under it) no longer
    /// takes the title's place once the corpus has taught it.
    #[test]
    fn a_learned_label_is_never_the_title() {
        let pages: Vec<PageLines> = ["水渠通到了田间", "夜校开到了村口", "老街装上了电梯"]
            .iter()
            .map(|t| lines_of(&page(t)))
            .collect();
        let h = Habits::learn(&pages);
        let text = format!("春耕备耕忙\n今日关注\n\n木禾\n\n{BODY}\n");
        let before = crate::segment::segment_issue(&text, "x");
        assert_ne!(before[0].title, "春耕备耕忙", "{before:?}");
        let after = crate::segment::segment_issue_with(&text, "x", &h);
        assert_eq!(after[0].title, "春耕备耕忙");
        assert_eq!(after[0].kicker, "今日关注");
        assert_eq!(after[0].byline, "木禾");
        assert_eq!(after[0].line, 1);
    }

    /// A story filed in three issues of a corpus recurs, but where a record's
    /// title field names it the title it stays the title, its column the kicker.
    #[test]
    fn a_title_field_is_never_a_learned_label() {
        let title = "老街装上了电梯";
        let pages: Vec<PageLines> = ["水渠通到了田间", "夜校开到了村口", "春耕备耕忙"]
            .iter()
            .map(|t| lines_of(&format!("{title}\n\n{t}\n\n{BODY}\n")))
            .collect();
        let h = Habits::learn(&pages);
        assert!(h.is_label(title), "{h:?}");
        let rows = format!(
            "序号\t标题\t栏目\t正文\n1\t{title}\t城事\t{BODY}\n2\t夜校开到了村口\t民生\t{BODY}\n"
        );
        let articles = crate::segment::segment_issue_with(&rows, "x", &h);
        let heads: Vec<[&str; 2]> = articles
            .iter()
            .map(|a| [a.kicker.as_str(), a.title.as_str()])
            .collect();
        assert_eq!(heads, [["城事", title], ["民生", "夜校开到了村口"]]);
    }

    /// A story printed as the head of two papers' pages and as a record of a
    /// database's export is filed three times, but the export's title field is no
    /// head the corpus learns from: the story's title is no label.
    #[test]
    fn a_title_field_is_never_learned_from() {
        let title = "老街装上了电梯";
        let mut pages: Vec<PageLines> = ["今日关注", "民生"]
            .iter()
            .map(|k| lines_of(&format!("{k}\n\n{title}\n\n{BODY}\n")))
            .collect();
        pages.push(lines_of(&format!(
            "序号\t标题\t栏目\t正文\n1\t{title}\t城事\t{BODY}\n2\t夜校开到了村口\t民生\t{BODY}\n"
        )));
        let h = Habits::learn(&pages);
        assert!(!h.is_label(title), "{h:?}");
        // A head on three pages is a label, as before.
        pages.push(lines_of(&format!("要闻\n\n{title}\n\n{BODY}\n")));
        assert!(Habits::learn(&pages).is_label(title));
    }

    /// One page printed three ways (a PDF as two tools print it, and its web copy
    /// without blank lines) is one issue, not three: the kicker and title the
    /// prints share are no recurring label, and every print keeps its title.
    #[test]
    fn prints_of_one_page_are_one_issue() {
        let body = "老城区三条河道的清淤工程昨日全线完工，共清出淤泥四万余立方米，沿岸二十多个小区的居民从此告别了夏季的异味。";
        let plain = format!(
            "清淤治水，还河于民\n\n老城河道清淤工程全线完工\n\n本报讯（记者 柯雨桐）\n\n{body}\n"
        );
        let wrapped: String = {
            let chars: Vec<char> = body.chars().collect();
            let lines: Vec<String> = chars.chunks(18).map(|c| c.iter().collect()).collect();
            format!(
                "清淤治水，还河于民\n\n老城河道清淤工程全线完工\n本报讯（记者 柯雨桐）\n{}\n",
                lines.join("\n")
            )
        };
        let noblank = plain.replace("\n\n", "\n");
        let prints = [plain, wrapped, noblank];
        let pages: Vec<PageLines> = prints.iter().map(|p| lines_of(p)).collect();
        let h = Habits::learn(&pages);
        assert!(!h.is_label("老城河道清淤工程全线完工"), "{h:?}");
        for print in &prints {
            let articles = crate::segment::segment_issue_with(print, "x", &h);
            assert_eq!(articles[0].title, "老城河道清淤工程全线完工", "{print}");
            assert_eq!(articles[0].kicker, "清淤治水，还河于民", "{print}");
        }
        // Three issues that print the label over other stories still teach it.
        let mut more = pages.clone();
        more.extend(
            ["水渠通到了田间", "夜校开到了村口", "老街装上了电梯"]
                .iter()
                .map(|t| lines_of(&format!("擦亮城市底色\n\n{t}\n\n{BODY}\n"))),
        );
        assert!(Habits::learn(&more).is_label("擦亮城市底色"));
    }

    #[test]
    fn digest_depends_on_what_was_learned_only() {
        // Three issues with the same column over other stories each.
        let learn = |label: &str| {
            let pages: Vec<PageLines> = ["水渠通到了田间", "夜校开到了村口", "老街装上了电梯"]
                .iter()
                .map(|t| lines_of(&format!("{label}\n\n{t}\n\n{BODY}\n")))
                .collect();
            Habits::learn(&pages)
        };
        let (a, b) = (learn("甲乙丙丁戊己"), learn("庚辛壬癸子丑"));
        assert_ne!(a.digest(), b.digest());
        assert_eq!(a.digest(), a.clone().digest());
    }
}
