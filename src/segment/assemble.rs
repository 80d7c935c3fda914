//! Assembling classified units into articles.
//!
//! One pass over the units with a little state:
//! - consecutive head lines, `——` subtitles and bylines form a *stack*; a stack
//!   opens a new article when it is clearly a heading (two or more lines, a
//!   subtitle or byline, a Markdown level at or above the current title's, a
//!   dateline right after it) or when the current article was closed (trailing
//!   credit, jump marker, caption); otherwise a lone short line is an intertitle,
//!   or the title of a dateline-opened article whose title sits inside its body;
//! - a head stack that gets no body before the next article (its body was
//!   displaced by layout) waits, and takes the next headless text after that
//!   article as its body;
//! - paragraphs cut mid-sentence wait for their continuation, which may come after
//!   other articles' paragraphs (see `rethread`).

use super::blocks::{Unit, leading_bullet};
use super::classify::{
    Class, Role, caption_credit, count_upto, is_complete, is_contact_line, is_date_alone,
    is_name_line, is_notice_title, is_notice_word, is_question_label, is_rule_line, is_verse_line,
    pen_name_chars, reads_as_signer, starts_section_number,
};
use super::lexicon::{KindList, NewsDayWords, lexicon};
use super::news_day::{Reach, tells_news_day};
use super::rethread::{
    BigramSet, Dangling, bigrams, cohesion, is_field_row, opens_mid_sentence, probe,
};
use crate::text::is_han;

/// Longest head line that titles the photo caption right below it (`白鹭翩翩`,
/// `昙水两岸麦飘香`) rather than closing the article above as its last section.
const PHOTO_TITLE_CHARS: usize = 16;

/// Text no longer than a photo's caption runs (a sentence or two under the
/// picture, `[measures] caption_chars`); a longer paragraph above a credit is a
/// story's, not a caption.
fn fits_a_caption(text: &str) -> bool {
    let most = super::measures::measures().caption_chars;
    count_upto(text, most) <= most
}

/// An article being built.
#[derive(Debug, Default, Clone)]
pub struct Draft {
    /// The line of the file a reader is taken to: the first line of its head stack
    /// and opening as printed (a head printed below its text, moved above it,
    /// starts where the text's byline or first line is).
    pub line: usize,
    /// The line of its first unit in segmentation's order (where `articles
    /// --explain` shows the start).
    pub shown_at: usize,
    pub kicker: String,
    pub title: String,
    pub subtitle: String,
    pub byline: String,
    /// Markdown level of the title (0 = unmarked).
    pub level: u8,
    pub paragraphs: Vec<String>,
    /// Which paragraphs are intertitles (or section labels).
    pub intertitles: Vec<usize>,
    /// Closed by a trailing credit, a jump marker or a closing byline.
    pub closed: bool,
    /// Its head was displaced from its body; it gathers headless text.
    pub absorbing: bool,
    /// Opened by a dateline lede.
    pub dateline: bool,
    /// A stand-alone photo caption.
    pub caption: bool,
    /// A timeline item (title is a date line).
    pub date_item: bool,
    /// Opened by `（上接…）`.
    pub jump_in: bool,
    /// A box of rows under its label (a league table, a round's results): each
    /// row is whole, and no text below goes on in its last.
    pub box_of_rows: bool,
    /// Ends its part on this page with `(下转…)`.
    pub jump_out: bool,
    /// The title was found inside the body.
    pub adopted_title: bool,
    /// Bylines came from a trailing credit.
    pub credit: bool,
    /// A byline printed on a line of its own under the head, before the text.
    pub own_byline: bool,
    /// Text was joined to it, away from the article it followed, on shared wording
    /// only (a dictionary word or shared bigrams across a cut, no punctuation).
    pub wording: bool,
    /// The bullet its title was printed with (`▲省图书馆冬季延时开放`): the page's
    /// items open with it, so a finished paragraph opening with it is the next item.
    pub item_bullet: Option<char>,
    /// Why the article was opened (shown by `articles --explain`).
    pub why: &'static str,
    /// The kicker may be a label displaced from this earlier article (see
    /// `reattach_displaced_labels`), and whether Markdown marked it at the title's level.
    label_owner: Option<(usize, bool)>,
    /// Bigram keys of the head and first paragraphs (see `rethread::cohesion`),
    /// and how many paragraphs they were built from.
    bigrams: BigramSet,
    bigrams_for: usize,
}

impl Draft {
    /// This draft is a photo, closed, its picture credited to `credit` (its byline).
    fn close_as_photo(&mut self, credit: String) {
        self.caption = true;
        self.closed = true;
        self.byline = credit;
    }

    fn new(line: usize) -> Draft {
        Draft {
            line,
            shown_at: line,
            ..Draft::default()
        }
    }

    /// Title the article with a head, printed with `bullet` (dropped from its text):
    /// the bullet its items open with.
    fn entitle(&mut self, title: String, bullet: Option<char>) {
        self.title = title;
        self.item_bullet = bullet;
    }

    fn has_body(&self) -> bool {
        self.paragraphs.len() > self.intertitles.len()
    }

    /// A titled story set out with its own `——` subtitle or reporter's byline line
    /// (`本报记者 某某`, `文/本报通讯员 某某`), with no more than its lede yet (one paragraph).
    fn lede_only(&self) -> bool {
        !self.title.is_empty()
            && !self.caption
            && !self.date_item
            && (!self.subtitle.is_empty()
                || (self.own_byline
                    && !self.credit
                    && (self.byline.contains("记者")
                        || self.byline.contains("通讯员")
                        || self.byline.starts_with("文/"))))
            && self.intertitles.is_empty()
            && self.paragraphs.len() == 1
    }

    /// An official notice (`…关于…的公告`, `停电通知`) with text, still open: what
    /// comes next may be its signature (issuer, date).
    fn is_open_notice(&self) -> bool {
        self.is_open() && self.has_body() && is_notice_title(&self.title)
    }

    fn is_open(&self) -> bool {
        !self.closed || self.absorbing
    }

    /// `text` numbers the next clause of this article's numbered run (`二、报名办法`
    /// after its `一、招生专业`, `（三）` after its `（二）`: the last paragraph
    /// numbered in the same form holds the number before), or opens such a run
    /// (`一、`, `（一）`) in a titled text still open that has none of its form.
    fn continues_numbered_run(&self, text: &str) -> bool {
        if self.caption || self.date_item || self.title.is_empty() || !self.has_body() {
            return false;
        }
        let Some((bracketed, value)) = clause_number(text) else {
            return false;
        };
        // A notice's clause is named in a few words (`二、报名办法`, `三、报到`);
        // numbered items that each tell news (`三、农村供水工程惠及一百八十万人`,
        // a year's top ten) are items of their own, unless the text is a notice.
        let label = text
            .split_once(['、', ')', '）'])
            .map_or(text, |(_, rest)| rest);
        if count_upto(label, 9) > 8 && !is_notice_title(&self.title) {
            return false;
        }
        let before = self
            .paragraphs
            .iter()
            .rev()
            .find_map(|p| clause_number(p).filter(|&(b, _)| b == bracketed));
        match before {
            Some((_, v)) => value == v + 1,
            None => value == 1 && self.is_open(),
        }
    }

    /// `text` is numbered next after this item of a numbered digest (`2．…` after
    /// `1．岵阳建成首个零碳服务区` over its paragraph, or after the untitled item
    /// `1.全省基层医疗机构…。`), the item's text finished and short (three
    /// paragraphs at most, no sections): the number of its title or, untitled, of
    /// its first paragraph, in the same form.
    fn numbers_item_before(&self, text: &str) -> bool {
        if self.caption
            || !self.has_body()
            || !self.intertitles.is_empty()
            || self.paragraphs.len() > 3
            || !self.paragraphs.last().is_some_and(|p| is_complete(p))
        {
            return false;
        }
        let own = if self.title.is_empty() {
            self.paragraphs.first().map_or("", String::as_str)
        } else {
            self.title.as_str()
        };
        numbered_next(list_number, own, text)
    }

    /// A titled text, still open, whose last paragraph is finished (no caption):
    /// what comes next may be its signature.
    fn is_finished_text(&self) -> bool {
        self.is_open()
            && self.has_body()
            && !self.caption
            && !self.title.is_empty()
            && self.paragraphs.last().is_some_and(|p| is_complete(p))
    }

    /// The bullet this article's items open with: its title's, or, untitled, the
    /// one its first paragraph opens with (`▲全省首批十家…`).
    pub(super) fn opening_bullet(&self) -> Option<char> {
        if !self.title.is_empty() {
            return self.item_bullet;
        }
        (0..self.paragraphs.len())
            .find(|p| !self.intertitles.contains(p))
            .and_then(|p| leading_bullet(&self.paragraphs[p]))
    }

    /// Lexical cohesion of `text` with this article's head and first paragraphs.
    fn cohesion(&mut self, probe: &[u64]) -> usize {
        let n = self.paragraphs.len().min(2);
        if self.bigrams_for != n || self.bigrams.is_empty() {
            // At most one key per character: reserve once instead of growing.
            let chars = |s: &str, limit: usize| s.len().min(3 * limit) / 3 + 1;
            let room = chars(&self.kicker, 60)
                + chars(&self.title, 60)
                + self.paragraphs[..n]
                    .iter()
                    .map(|p| chars(p, 400))
                    .sum::<usize>();
            let mut keys = Vec::with_capacity(room);
            bigrams(&self.kicker, 60, &mut keys);
            bigrams(&self.title, 60, &mut keys);
            for p in &self.paragraphs[..n] {
                bigrams(p, 400, &mut keys);
            }
            self.bigrams.fill(&keys);
            self.bigrams_for = n;
        }
        cohesion(probe, &self.bigrams)
    }
}

struct Assembler {
    drafts: Vec<Draft>,
    /// The article text currently flows into.
    cur: Option<usize>,
    /// The article whose heading was the last thing seen (its body comes next).
    headed: Option<usize>,
    /// A headed article still waiting for its displaced body.
    pending: Option<usize>,
    /// Articles opened since `pending` was set.
    since_pending: usize,
    /// The other article of an interleaved pair (text may flow back to it).
    rival: Option<usize>,
    dangling: Dangling,
    /// Under a banner over a run of items (`热线速递`, `简　讯`): each untitled
    /// paragraph after a finished one is an item of its own, until a head.
    items: bool,
    /// `items` held when the head stack being read began: a head after an
    /// untitled item under a banner titles the next item.
    items_before_head: bool,
    /// The last bare item number set apart on a line of its own (`01`, `02`, …),
    /// and whether it came right after the one numbered before it with nothing
    /// but its item between: a head right after it opens the next item.
    item_number: Option<u32>,
    numbered: bool,
    /// Under a banner over a run of items (`城事速递`), heads or not, until the
    /// next break.
    banner: bool,
    /// Lines filed as the page's furniture, which no article holds: a page's or
    /// section's label over a story's kicker (see [`Assembler::home_over_kicker`]),
    /// a jump marker alone under its jump head.
    set_aside: Vec<usize>,
}

/// Assemble units (with their classes) into drafts, in reading order, and the
/// units filed as the page's furniture on the way (labels over a story's kicker
/// that head the page or a section): every other unit lands in some draft.
pub fn assemble(units: &[Unit<'_>], classes: &[Class]) -> (Vec<Draft>, Vec<usize>) {
    let mut a = Assembler {
        drafts: Vec::new(),
        cur: None,
        headed: None,
        pending: None,
        since_pending: 0,
        rival: None,
        dangling: Dangling::default(),
        items: false,
        items_before_head: false,
        item_number: None,
        numbered: false,
        banner: false,
        set_aside: Vec::new(),
    };
    let mut i = 0;
    while i < units.len() {
        let class = &classes[i];
        if class.role != Role::Noise && class.role != Role::Head {
            a.numbered = false;
        }
        match class.role {
            Role::Noise => {
                if let Some(n) = bare_item_number(&units[i].text) {
                    a.numbered = a.item_number.is_some_and(|m| m + 1 == n);
                    a.item_number = Some(n);
                }
                i += 1;
            }
            Role::DocBreak => {
                a.items = units[i].markup == super::blocks::Markup::Banner;
                a.banner = a.items;
                if let Some(c) = a.cur {
                    a.drafts[c].closed = true;
                }
                a.cur = None;
                a.headed = None;
                a.pending = None;
                a.dangling.clear();
                i += 1;
            }
            Role::Head => {
                a.items_before_head = std::mem::take(&mut a.items);
                i = a.stack(units, classes, i);
                a.items_before_head = false;
                a.numbered = false;
            }
            Role::Subtitle if a.headed.is_some_and(|h| !a.drafts[h].has_body()) => {
                let h = a.headed.unwrap_or_default();
                if a.drafts[h].subtitle.is_empty() {
                    a.drafts[h].subtitle = units[i].text.to_string();
                } else {
                    a.body(&units[i], class);
                }
                i += 1;
            }
            Role::Byline => {
                a.byline(&units[i]);
                i += 1;
            }
            Role::Caption => {
                a.caption(units, classes, i);
                i += 1;
            }
            Role::Date if !a.date_opens_item(units, classes, i) => {
                let signs_notice = a.cur.is_some_and(|c| a.drafts[c].is_open_notice());
                a.body(&units[i], class);
                // The date signs the notice: what follows is no text of it, but for
                // a bracketed note printed under the date (`（此件公开发布）`).
                if signs_notice && let Some(c) = a.cur {
                    a.drafts[c].closed = true;
                    if let Some(note) = units.get(i + 1).filter(|u| is_release_note(&u.text)) {
                        a.drafts[c].paragraphs.push(note.text.to_string());
                        i += 1;
                    }
                }
                i += 1;
            }
            Role::Date => {
                let d = a.open(units[i].line, "a timeline date line over text");
                a.drafts[d].entitle(units[i].text.to_string(), units[i].bullet);
                a.drafts[d].date_item = true;
                a.headed = Some(d);
                i += 1;
            }
            Role::JumpOut => {
                if let Some(c) = a.cur {
                    let d = &mut a.drafts[c];
                    d.paragraphs.push(units[i].text.to_string());
                    d.closed = true;
                    d.absorbing = false;
                    d.jump_out = true;
                }
                a.headed = None;
                i += 1;
            }
            // `◀上接A01版` alone under a jump head still waiting for its text: the
            // head titles the continuation; the marker is no text of it, and is
            // filed as the page's furniture. (One with text after it,
            // `（上接第一版）开发区管委会把`, `◀上接A01版开发区管委会把`, is not: left
            // as it was, no article's; see [`super::classify::jump_marker_ends_line`].)
            Role::JumpIn
                if a.headed
                    .is_some_and(|h| !a.drafts[h].has_body() && !a.drafts[h].title.is_empty()) =>
            {
                let h = a.headed.unwrap_or_default();
                a.drafts[h].jump_in = true;
                if super::classify::jump_marker_ends_line(units[i].text.trim()) {
                    a.set_aside.push(i);
                }
                i += 1;
            }
            Role::JumpIn => {
                let d = a.open(units[i].line, "(上接…) alone: a continuation");
                a.drafts[d].jump_in = true;
                a.drafts[d].paragraphs.push(units[i].text.to_string());
                a.drafts[d].intertitles.push(0);
                a.headed = Some(d);
                i += 1;
            }
            // `——溱原市文物局` under a written reply signs it.
            Role::Subtitle if a.signs_current(&units[i]) => {
                if let Some(c) = a.cur {
                    let d = &mut a.drafts[c];
                    d.byline = units[i].text.to_string();
                    d.closed = true;
                }
                a.headed = None;
                i += 1;
            }
            Role::Subtitle | Role::Body => {
                // A dateline lede with its own title printed inside its text, in a
                // cut sentence, opens an article.
                let title_cut_in =
                    class.dateline.is_some() && title_cut_in_ahead(units, classes, i);
                a.paragraph(&units[i], class, title_cut_in);
                i += 1;
            }
        }
    }
    reattach_displaced_labels(&mut a.drafts);
    if let Some(label) = set_aside_section_over_notices(units, classes, &mut a.drafts, &a.set_aside)
    {
        a.set_aside.push(label);
    }
    (a.drafts, a.set_aside)
}

/// A label printed at the top of a page, over its first notice (`公告·服务` /
/// `…关于…的通告`, `便民·生活` / `停水通知`), with more articles under it, names the
/// page's section (its band of notices and services), not a column of that one
/// notice: no kicker. A notice has no column of its own; a column's label over one
/// piece (`回音` over a written reply) stands inside the page, not at its top.
/// So does a label at the top over a first service box (`生活服务` over
/// `未来三天天气` and its rows): in the open gold no page's first notice or box
/// has a kicker. The label's unit, set aside as the page's furniture, is returned;
/// `set_aside`: units already set aside (a page's label over a kicker), no top.
fn set_aside_section_over_notices(
    units: &[Unit<'_>],
    classes: &[Class],
    drafts: &mut [Draft],
    set_aside: &[usize],
) -> Option<usize> {
    // The page's first line that is no furniture, or the first that no rule
    // set aside (the first article opens at one of them).
    let text = |i: &usize| !matches!(classes[*i].role, Role::Noise | Role::DocBreak);
    let top = (0..units.len()).find(text)?;
    let kept = (0..units.len()).find(|i| text(i) && !set_aside.contains(i))?;
    let mut shown = (0..drafts.len())
        .filter(|&d| !drafts[d].paragraphs.is_empty() || !drafts[d].title.is_empty());
    let (Some(first), Some(_)) = (shown.next(), shown.next()) else {
        return None;
    };
    let d = &mut drafts[first];
    if (d.line == units[top].line || d.line == units[kept].line)
        && !d.kicker.is_empty()
        && (d.box_of_rows || is_notice_title(&d.title))
    {
        let label = (0..units.len())
            .find(|&i| classes[i].role == Role::Head && units[i].text == d.kicker.as_str());
        d.kicker.clear();
        return label;
    }
    None
}

/// A lede opening on when the news happened or where the reporter learned it, as a
/// news story's first sentence does and a section of a longer story seldom does: a
/// month and day (`12月8日起，`, `10 月 10日,`, `2026年5月10日，`) or a word of the
/// lexicon's `news_days.lede_openers` (`近日`, `日前`), see `news_day`; or `记者从…获悉` in
/// its first clause.
fn opens_on_news_time(lede: &str) -> bool {
    let head = super::classify::head(lede, 24);
    // (Borrowed when there is nothing to drop or mend, as in nearly every lede.)
    let h: std::borrow::Cow<'_, str> =
        if head.contains(|c: char| c.is_whitespace() || matches!(c, '\u{2F49}' | '\u{2F47}')) {
            head.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| match c {
                    // A PDF's copied text may print 月 and 日 as their Kangxi radicals.
                    '\u{2F49}' => '月',
                    '\u{2F47}' => '日',
                    c => c,
                })
                .collect()
        } else {
            std::borrow::Cow::Borrowed(head)
        };
    if h.starts_with("记者从") {
        let clause = h.split(['，', ',', '。']).next().unwrap_or("");
        return clause.ends_with("获悉") || clause.ends_with("了解到");
    }
    tells_news_day(
        &h,
        NewsDayWords::LedeOpeners,
        Reach::Opening,
        Reach::Opening,
    )
}

/// A head's shape: each run of Han characters, of digits and of Latin letters as
/// one mark, spaces dropped, every other character as written (`缑念祖（1903—1978）`
/// -> `H（D—D）`).
fn shape(text: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let mark = if is_han(c) {
            'H'
        } else if c.is_ascii_digit() {
            'D'
        } else if c.is_ascii_alphabetic() {
            'A'
        } else {
            c
        };
        if !(matches!(mark, 'H' | 'D' | 'A') && mark == last) {
            out.push(mark);
        }
        last = mark;
    }
    out
}

/// Two heads of one distinctive shape: figures inside brackets or dashes, in the
/// same places (the entries of a run of lives, `…（1903—1978）`).
fn same_shape(a: &str, b: &str) -> bool {
    let shape_a = shape(a);
    shape_a.contains('D')
        && shape_a.contains(['（', '(', '【', '[', '—', '－'])
        && shape_a == shape(b)
}

/// A box's label: a few Han characters and nothing else (`战报`, `赛况`, `今日菜价`).
fn is_box_label(text: &str) -> bool {
    let n = text.chars().count();
    (2..=6).contains(&n) && text.chars().all(is_han)
}

/// A table's label: a box's, or longer (`省女排联赛积分榜`): two to `most` Han
/// characters, and nothing else but what the table holds in brackets after them
/// (`积分榜（前六名）`, `奖牌榜(前五名)`: a few Han characters or figures).
fn is_table_label(text: &str, most: usize) -> bool {
    let label = text
        .strip_suffix(['）', ')'])
        .and_then(|t| t.rsplit_once(['（', '(']))
        .filter(|(_, held)| {
            (1..=6).contains(&held.chars().count())
                && held.chars().all(|c| is_han(c) || crate::text::is_digit(c))
        })
        .map_or(text, |(label, _)| label);
    let n = label.chars().count();
    (2..=most).contains(&n) && label.chars().all(is_han)
}

/// The shape of a list's row (`桤林区:仁济大药房(楝苑路88号)`, `4月9日上午 杞园社区
/// 卫生服务站`): the separator between its key and its value, a colon (1) or a
/// space (2), with at least two characters either side; `None` for a line of no
/// such shape (a title).
fn list_row_shape(text: &str) -> Option<(u8, usize)> {
    let (at, sep) = text
        .char_indices()
        .find(|&(_, c)| matches!(c, ':' | '：' | ' ' | '\u{3000}' | '\t'))?;
    let key = text[..at].trim();
    let value = text[at + sep.len_utf8()..].trim();
    // A key opens with a word or a figure, not a table's rule (`│岗位　│人数`).
    let word = key
        .chars()
        .next()
        .is_some_and(|c| is_han(c) || c.is_alphanumeric());
    if !word || key.chars().count() < 2 || value.chars().count() < 2 {
        return None;
    }
    // Rows of one list split into as many fields (`今天　多云　3℃～9℃` is no row
    // of a list of `日期 地点`).
    Some(if matches!(sep, ':' | '：') {
        (1, 2)
    } else {
        (2, text.split_whitespace().count())
    })
}

/// How many of `heads` from the first are rows of one list shape.
fn list_rows(units: &[Unit<'_>], heads: &[usize]) -> usize {
    let Some(shape) = heads.first().and_then(|&h| list_row_shape(&units[h].text)) else {
        return 0;
    };
    heads
        .iter()
        .take_while(|&&h| list_row_shape(&units[h].text) == Some(shape))
        .count()
}

/// The shape of a row of a service box (`8日 阵雨转多云 20-26℃`, `排列3第31151期:4 7
/// 2`, `市民服务热线 0000-12345`): a list's row's ([`list_row_shape`]), or three
/// fields or more apart by spaces; `None` for a line of neither.
fn box_row_shape(text: &str) -> Option<(u8, usize)> {
    list_row_shape(text).or_else(|| {
        let n = cells(text);
        (n >= 3).then_some((3, n))
    })
}

fn is_box_row(text: &str) -> bool {
    box_row_shape(text).is_some()
}

/// The most head lines over a run of service boxes that make their kicker.
const BOX_KICKER_LINES: usize = 2;

/// The most characters a line of a service box's kicker has.
const BOX_KICKER_MAX: usize = 12;

/// A line of a service box's kicker (`便民服务`, `本周生活信息一览`, `公告·服务`):
/// short, with no sentence's or clause's punctuation.
fn is_box_kicker(text: &str) -> bool {
    count_upto(text, BOX_KICKER_MAX + 1) <= BOX_KICKER_MAX
        && !text.contains([
            '。', '，', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?',
        ])
}

/// A service box's label: a head of no row's shape, with no space inside it
/// (`黏川天气`, `6月8日至14日社区卫生服务中心夜间值班表`).
fn is_service_label(text: &str) -> bool {
    !is_box_row(text)
        && cells(text) == 1
        && count_upto(text, 25) <= 24
        && !text.contains(['。', '，', '；', ',', ';'])
}

/// The service boxes in a run of head lines: for each, the index of its label and
/// the index after its rows (two or more rows under every label, each of the first
/// row's shape or carrying figures: a head of two phrases apart by a space under a
/// forecast's rows, `周末有小雨　出行带好伞`, is no row of it).
fn service_boxes(units: &[Unit<'_>], heads: &[usize]) -> Vec<(usize, usize)> {
    let shape = |k: usize| heads.get(k).and_then(|&h| box_row_shape(&units[h].text));
    let mut boxes = Vec::new();
    let mut k = 0;
    while k < heads.len() {
        let first = shape(k + 1);
        // A row carries figures or has the first row's shape.
        let row = |k: usize| {
            shape(k).is_some()
                && (shape(k) == first || heads.get(k).is_some_and(|&h| has_figures(&units[h].text)))
        };
        if is_service_label(&units[heads[k]].text) && first.is_some() && row(k + 2) {
            let mut end = k + 1;
            while row(end) {
                end += 1;
            }
            boxes.push((k, end));
            k = end;
        } else {
            k += 1;
        }
    }
    boxes
}

/// A record's field (`pub_time: '2026-12-15 18:02'`): a key of Latin letters (and
/// figures or `_`) before a colon. A row that only opens with Latin letters
/// (`PM2.5 35 良`) is none.
fn is_record_field(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.find([':', '：']).is_some_and(|at| {
            text[..at]
                .trim_end()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// A line carrying a figure (`2：1`, `５～１２℃`, `3.5元`).
fn has_figures(text: &str) -> bool {
    text.chars().any(crate::text::is_digit)
}

/// The cells of a table's row (`鼃桥渔港队 0∶0 鼆川山鹰队`, `1 鼋江港务队 10 8 1 1
/// 25`): its fields between spaces.
fn cells(text: &str) -> usize {
    text.split_whitespace().count()
}

/// How many of `heads` from the first make a box of figures: a label (a few Han
/// characters), then lines that each carry figures (`战报` / `芃湾队 2：1 桤林队` /
/// …). Where the lines are a table's rows, each of as many cells (three or more),
/// the label may be longer (`省女排联赛积分榜`), a row of the table's column names
/// may stand under it (`名次　队名　胜负　积分`), and heads after the rows (no row
/// of the table) are the next article's. `None` when `heads` open no such box.
fn figure_box(units: &[Unit<'_>], heads: &[usize]) -> Option<usize> {
    if heads.len() < 3 {
        return None;
    }
    let label = &units[heads[0]].text;
    // A row of column names (no figures) under the label, of the cells the rows
    // under it have. Over such a row the label may be a longer name of the
    // table (`省男篮联赛常规赛积分榜`).
    let second = &units[heads[1]].text;
    let header = !has_figures(second) && cells(second) >= 3;
    if !is_table_label(label, if header { 16 } else { 10 }) {
        return None;
    }
    let first_row = 1 + usize::from(header);
    let row_cells = cells(&units[*heads.get(first_row)?].text);
    let table_rows = heads[first_row..]
        .iter()
        .take_while(|&&h| has_figures(&units[h].text) && cells(&units[h].text) == row_cells)
        .count();
    // (A forecast's rows, `12月1日 晴 -1℃ 10℃ 西北风2级`, are a weather box: the
    // page's furniture, or the text of the weather story they stand in.)
    let table = row_cells >= 3
        && table_rows >= 2
        && !heads[first_row..first_row + table_rows]
            .iter()
            .any(|&h| units[h].text.contains('℃'));
    if table && (!header || cells(second) == row_cells) {
        return Some(first_row + table_rows);
    }
    // Rows of any shape: the whole run, under a short label.
    (!header && is_box_label(label) && heads[1..].iter().all(|&h| has_figures(&units[h].text)))
        .then_some(heads.len())
}

/// Unit `n`, a line of text, is a photo's caption: a short finished line over its
/// credit alone on the next line (`6月7日晚，…突破上篮。` / `晚报记者 … 摄`).
fn is_caption_over_credit(units: &[Unit<'_>], classes: &[Class], n: usize) -> bool {
    let text: &str = &units[n].text;
    classes[n].role == Role::Body
        && fits_a_caption(text)
        && is_complete(text)
        && next_significant(classes, n + 1).is_some_and(|m| {
            classes[m].role == Role::Caption && classes[m].credit.as_deref() == Some(&units[m].text)
        })
}

/// How many paragraphs of a dateline lede's text are searched for its title.
const CUT_IN_PARAGRAPHS: usize = 3;

/// A lone head printed inside the first paragraphs of the text from `i` on, in a
/// sentence the layout cut (`…课程三百` / `全省老年大学组建联盟` / `余门，…`): the
/// head interrupts this text, so it is this text's title set into its column, not
/// an intertitle of the article above.
fn title_cut_in_ahead(units: &[Unit<'_>], classes: &[Class], i: usize) -> bool {
    let mut paragraphs = 0;
    let mut last_body = i;
    for j in i + 1..units.len() {
        match classes[j].role {
            Role::Noise => {}
            Role::Body if classes[j].dateline.is_none() && !classes[j].jump_in => {
                paragraphs += 1;
                if paragraphs >= CUT_IN_PARAGRAPHS {
                    return false;
                }
                last_body = j;
            }
            Role::Head => {
                let next = (j + 1..units.len()).find(|&k| classes[k].role != Role::Noise);
                return !classes[last_body].complete
                    && next.is_some_and(|k| {
                        classes[k].role == Role::Body
                            && super::rethread::bond(&units[last_body].text, &units[k].text)
                    });
            }
            _ => return false,
        }
    }
    false
}

/// A label printed after a finished article, directly above the next title and at
/// the same level (`为民创城不停步` after `…进行展播。(张慧)`), looks like the next
/// article's kicker but belongs to the article above: in plain text when it shares
/// wording with that article and none with its own; under Markdown, where a real
/// kicker sits at another level than its title, unless it shares more with its own.
/// A slogan over the article above (`深化基层治理 建设美好家园`: [`is_slogan`]) is the
/// page's banner, not its kicker: the label it printed below takes its place.
fn reattach_displaced_labels(drafts: &mut [Draft]) {
    for d in 0..drafts.len() {
        let Some((owner, marked)) = drafts[d].label_owner else {
            continue;
        };
        if drafts[d].kicker.is_empty()
            || !(drafts[owner].kicker.is_empty() || is_slogan(&drafts[owner].kicker))
        {
            continue;
        }
        let label = label_bigrams(&drafts[d].kicker);
        let here = shared_bigrams(&label, &drafts[d]);
        let there = shared_bigrams(&label, &drafts[owner]);
        // Markdown puts a kicker at another level than its title, so a label marked
        // at the title's own level goes up unless it speaks of the article below.
        let displaced = if marked {
            here <= there
        } else {
            here == 0 && there >= 1
        };
        if displaced {
            drafts[owner].kicker = std::mem::take(&mut drafts[d].kicker);
        }
    }
}

/// How the number a head opens with is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NumberForm {
    /// `1.`, `１２．`, `3、`: one or two digits, ASCII or full-width.
    Digits,
    /// `三、`: a Han numeral of one to ten.
    Han,
    /// `（四）`: a Han numeral of one to ten in brackets.
    Bracketed,
}

/// The number a head opens with: its value, the mark that sets it off (`.`, `．`
/// or `、` after digits or a Han numeral; `（` for a bracketed numeral), how it is
/// written, and the character after the number.
struct LeadingNumber {
    value: u32,
    mark: char,
    form: NumberForm,
    next: Option<char>,
}

fn leading_number(text: &str) -> Option<LeadingNumber> {
    const NUMERALS: &str = "一二三四五六七八九十";
    let han_numeral = |c: char| NUMERALS.chars().position(|h| h == c).map(|i| i as u32 + 1);
    if let Some(rest) = text.strip_prefix('（') {
        let (numeral, after) = rest.split_once('）')?;
        let mut chars = numeral.chars();
        let value = han_numeral(chars.next()?).filter(|_| chars.next().is_none())?;
        return Some(LeadingNumber {
            value,
            mark: '（',
            form: NumberForm::Bracketed,
            next: after.chars().next(),
        });
    }
    let mut chars = text.chars().peekable();
    let (mut value, mut digits) = (0u32, 0);
    while let Some(d) = chars.peek().copied().and_then(crate::text::digit_value) {
        if digits == 2 {
            return None;
        }
        value = value * 10 + d;
        digits += 1;
        chars.next();
    }
    let form = if digits > 0 {
        NumberForm::Digits
    } else {
        value = han_numeral(chars.next()?)?;
        NumberForm::Han
    };
    let mark = chars.next().filter(|c| matches!(c, '.' | '．' | '、'))?;
    Some(LeadingNumber {
        value,
        mark,
        form,
        next: chars.next(),
    })
}

/// The number of a clause of a notice or an essay that `text` opens with: `三、`
/// (Han numerals before an enumeration comma) or `（二）`, `(十二)` (in brackets,
/// `true`), and its value; a head that asks (`…？`) is no clause.
fn clause_number(text: &str) -> Option<(bool, u32)> {
    if !starts_section_number(text) {
        return None;
    }
    let (bracketed, numeral) = match text.strip_prefix(['（', '(']) {
        Some(rest) => (true, rest.split([')', '）']).next()?),
        None => (false, text.split('、').next()?),
    };
    han_numeral_value(numeral).map(|v| (bracketed, v))
}

/// `三` -> 3, `十` -> 10, `十二` -> 12, `二十` -> 20, `二十一` -> 21 (to 99).
fn han_numeral_value(numeral: &str) -> Option<u32> {
    const DIGITS: &str = "一二三四五六七八九";
    let digit = |c: char| DIGITS.chars().position(|d| d == c).map(|i| i as u32 + 1);
    let chars: Vec<char> = numeral.chars().collect();
    match chars.as_slice() {
        [d] if *d == '十' => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// How many of `heads` from the first (two at most) name who issues a text, an
/// office or a signer with no date on the line (`classify::names_an_issuer`): 0 when
/// the next head after them opens with a subject word (`lexicon().subject_words`,
/// `关于`: an issuer over its notice's title, `鼌阳市人民政府` / `关于…的通告`, is one
/// title), is a box's row or is the date the signature goes on with
/// (`2O26年5月6日`, as a scan prints it).
fn undated_issuers(units: &[Unit<'_>], heads: &[usize]) -> usize {
    let k = heads
        .iter()
        .take(2)
        .take_while(|&&h| {
            let t: &str = &units[h].text;
            super::classify::names_an_issuer(t) && !is_date_alone(t)
        })
        .count();
    // (Nor is a name over a box's rows, `本周夜间急诊医院` over its hospitals.)
    let signs_nothing = heads.get(k).is_some_and(|&h| {
        let t: &str = &units[h].text;
        super::lexicon::lexicon().opens_a_subject(t) || is_box_row(t) || is_date_alone(t)
    });
    if signs_nothing { 0 } else { k }
}

/// `1.`, `２．`, `3、`, `（四）`: the number a head of a numbered list opens with,
/// and the mark that sets it off (a number written in digits is followed by a
/// point or `、` and a Han character, so `3.5亿元…` is no item).
fn list_number(text: &str) -> Option<(u32, char)> {
    leading_number(text)
        .filter(|n| match n.form {
            NumberForm::Digits => n.next.is_some_and(is_han),
            NumberForm::Han => false,
            NumberForm::Bracketed => true,
        })
        .map(|n| (n.value, n.mark))
}

/// The number a head opens with and the mark after it (`2.`, `２．`, `三、`): a
/// number of one or two digits (ASCII or full-width) or a Han numeral of one to
/// ten, then a point or an enumeration comma, then more of the head.
fn head_number(text: &str) -> Option<(u32, char)> {
    leading_number(text)
        .filter(|n| n.form != NumberForm::Bracketed && n.next.is_some())
        .map(|n| (n.value, n.mark))
}

/// `01`, `2`: an item's number printed alone on its line (one or two digits).
fn bare_item_number(text: &str) -> Option<u32> {
    (matches!(text.len(), 1 | 2) && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `2.汧湖迎来…` over `3.楮城至漷源…`: the second head is numbered next after the
/// first, in the same way, as `number` reads them ([`list_number`] or
/// [`head_number`]).
fn numbered_next(number: fn(&str) -> Option<(u32, char)>, title: &str, head: &str) -> bool {
    // The head is read first: most heads and paragraphs open with no number at all.
    number(head).is_some_and(|(b, n)| number(title).is_some_and(|(a, m)| m == n && b == a + 1))
}

/// A slogan set as a line: two phrases or more apart by spaces, each of two to
/// eight Han characters and nothing else (`深化基层治理 建设美好家园`, `文明绶阳 从我做起`).
fn is_slogan(text: &str) -> bool {
    let mut phrases = 0;
    for phrase in text.split_whitespace() {
        let n = count_upto(phrase, 9);
        if !(2..=8).contains(&n) || !phrase.chars().all(is_han) {
            return false;
        }
        phrases += 1;
    }
    phrases >= 2
}

/// The distinct two-character Han words of a label, as text.
fn label_bigrams(label: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let chars: Vec<(usize, char)> = label.char_indices().collect();
    for w in chars.windows(2) {
        let ((i, a), (j, b)) = (w[0], w[1]);
        let pair = &label[i..j + b.len_utf8()];
        if is_han(a) && is_han(b) && !out.contains(&pair) {
            out.push(pair);
        }
    }
    out
}

/// A short line all in brackets, as a notice prints under its signing date a
/// note of its release or its contact (`（此件公开发布）`, `（联系人：…）`).
fn is_release_note(text: &str) -> bool {
    let inner = text
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']));
    inner.is_some_and(|t| {
        !t.is_empty() && count_upto(t, 41) <= 40 && !t.contains(['（', '(', '）', ')'])
    })
}

/// How many of the label's bigrams occur in the draft's heads and body.
fn shared_bigrams(label: &[&str], draft: &Draft) -> usize {
    label
        .iter()
        .filter(|pair| {
            [&draft.title, &draft.subtitle]
                .into_iter()
                .chain(&draft.paragraphs)
                .any(|text| text.contains(**pair))
        })
        .count()
}

/// A line that is nothing but a bracketed credit (`（蓟望舒）`): the end of the text
/// above it, wrapped onto a line of its own.
fn is_credit_alone(text: &str) -> bool {
    text.starts_with(['(', '（'])
        && super::classify::trailing_credit(text).is_some_and(|c| c.len() == text.len())
}

/// Two head lines that are the halves of a couplet title: of one length (give or
/// take a character), five to twelve characters each, no spaces, colons or digits
/// in them (`第287期` over `母亲的菜园` is an issue line over a title).
fn is_couplet(a: &str, b: &str) -> bool {
    let half = |t: &str| {
        let n = count_upto(t, 13);
        ((5..=12).contains(&n)
            && !t.contains(char::is_whitespace)
            && !t.contains(['：', ':', '，'])
            && !t.contains(|c: char| c.is_ascii_digit()))
        .then_some(n)
    };
    matches!((half(a), half(b)), (Some(x), Some(y)) if x.abs_diff(y) <= 1)
}

/// The text's first sentence (`lede`: its first [`LEDE_SENTENCE_CHARS`]
/// characters, to the first full stop) restates head line `upper` word for word,
/// and not as the start of `upper` and `lower` read as one: `upper` is a whole head
/// of its own, the event the text reports (a kicker), no half of a title printed on
/// two lines (`市民足球联赛第五轮` over `芃湾队补时绝杀桤林队`, the text opening
/// `6月14日晚，筠渚市民足球联赛第五轮在市体育中心进行，…`; `市政协召开专题协商会`
/// over `为老年助餐服务建言献策`, the text `本报讯 4月5日,市政协召开专题协商会,…`).
fn lede_restates(upper: &str, lower: &str, lede: &str) -> bool {
    let sentence = super::classify::head(lede, LEDE_SENTENCE_CHARS)
        .split(['。', '！', '？', '!', '?'])
        .next()
        .unwrap_or_default();
    let on = format!("{upper}{}", super::classify::head(lower, 2));
    sentence.contains(upper) && !sentence.contains(&on)
}

/// How far into a text its first sentence is read for a head it restates
/// ([`lede_restates`]).
const LEDE_SENTENCE_CHARS: usize = 80;

/// `仉穗宁　图`: an illustrator's credit, the verb after a space (a pen name
/// `宏图` is none).
fn is_drawing_credit(byline: &str) -> bool {
    byline
        .trim_end()
        .strip_suffix('图')
        .is_some_and(|name| name.ends_with(char::is_whitespace))
}

/// A head that is the editors' own word to the reader, alone (`编后`, `编者的话`:
/// a word of the lexicon's kind_words.editor_notes, perhaps spaced out).
fn is_editor_note(text: &str) -> bool {
    let bare: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    lexicon()
        .kind_words(KindList::EditorNotes)
        .any(|w| !w.is_empty() && bare == w)
}

/// The credit of a drawing on a line of its own: a drawing's label before the
/// artist (`漫画/仉小满`, `漫画 拓跋青禾 作`: the lexicon's `drawing_labels`), or the
/// artist's name and the verb of the work (`仉小满 作`, `柯蓝　绘`).
fn credits_a_drawing(text: &str) -> bool {
    let t = text.trim();
    let labelled = lexicon().kind_words(KindList::DrawingLabels).any(|w| {
        !w.is_empty()
            && t.strip_prefix(w).is_some_and(|rest| {
                rest.starts_with(['/', '／', '｜', '|', ':', '：'])
                    || rest.starts_with(char::is_whitespace)
            })
    });
    labelled
        || (count_upto(t, 11) <= 10
            && t.strip_suffix(['作', '绘'])
                .and_then(|name| name.strip_suffix(char::is_whitespace))
                .is_some_and(|name| is_name_line(name.trim())))
}

/// A head line that may be one of a kicker's two lines: `least` to twelve
/// characters, no spaces, digits, middle dot or clause punctuation (a section's
/// label `经济·民生`, a date, a running line are none).
fn is_kicker_line(text: &str, least: usize) -> bool {
    let n = count_upto(text, 13);
    (least..=12).contains(&n)
        && !text.contains(char::is_whitespace)
        && !text.contains(|c: char| c.is_ascii_digit() || c.is_numeric() && !c.is_alphabetic())
        && !text.contains([
            '·', '•', '・', '：', ':', '，', ',', '。', '；', '、', '|', '｜',
        ])
}

/// The longest line, in characters, of a title broken over two lines under a
/// column's label ([`title_under_column_label`]).
const TITLE_LINE_CHARS: usize = 13;

/// Three head lines: a column's label (`今日关注`, `民生热线`: the lexicon's
/// `column_label_endings`) over a title broken over two lines, each no longer
/// than [`TITLE_LINE_CHARS`], the upper at least half as wide as the lower
/// (`溆水两岸百座冷库` / `“冻”住了山里的好收成`). A short line over a much longer
/// one is a kicker over its title (`法治在线` / `守护“钱袋子”` / `轫阳警方一周追回…`),
/// and a column's label in the middle (`城事` / `民生热线` / title) is the
/// story's kicker under the page's section.
fn title_under_column_label(units: &[Unit<'_>], heads: &[usize]) -> bool {
    let [label, upper, lower] = heads else {
        return false;
    };
    let lex = lexicon();
    let (upper, lower) = (&units[*upper].text, &units[*lower].text);
    let n = |t: &str| count_upto(t, TITLE_LINE_CHARS + 1);
    lex.is_column_label(&units[*label].text)
        && !lex.is_column_label(upper)
        && !lex.is_column_label(lower)
        && n(upper) <= TITLE_LINE_CHARS
        && n(lower) <= TITLE_LINE_CHARS
        && 2 * n(upper) >= n(lower)
}

/// How many of the head lines `above` a title (top to bottom) make its kicker: the
/// line right over the title, or two parallel halves of one slogan right over it
/// (`优化营商环境` / `服务市场主体`), none when there is no line.
fn kicker_lines(units: &[Unit<'_>], above: &[usize]) -> usize {
    match above {
        [] => 0,
        [.., a, b] if is_couplet(&units[*a].text, &units[*b].text) => 2,
        _ => 1,
    }
}

/// Four short heads, the middle two able to be a kicker's two lines (Markdown
/// marks neither): a page's label over a kicker printed on two lines and the title
/// (`经济·民生` / `轶水两岸夜市重开` / `老街烟火又升腾` / title, `人物·访谈` / `对话`
/// / `手艺人` / title). At a page's top and closed by a subtitle or a byline, such a
/// stack is one head stack, not a list, and the two lines are one kicker.
fn kicker_on_two_lines(units: &[Unit<'_>], heads: &[usize]) -> bool {
    heads.len() == 4
        && heads[1..3]
            .iter()
            .all(|&h| units[h].level == 0 && is_kicker_line(&units[h].text, 2))
}

/// A letter's signature on a line of its own, who wrote it and from where, apart
/// by spaces (`桐冈县岭下乡　蒲长春`, `楸原市民 訾春燕`, `谈秋禾　檀溪区　退休教师`,
/// `箬岙县读者　苎麻老汉`): two fields or more, the first or the last a person's
/// name or one holding a reader's word (the lexicon's `kind_words.reader_words`);
/// no figures, no punctuation of a sentence or a field, at most
/// `LETTER_SIGNATURE_CHARS` characters.
fn signs_a_letter(text: &str) -> bool {
    let fields: Vec<&str> = text.split_whitespace().collect();
    let (Some(first), Some(last)) = (fields.first(), fields.last()) else {
        return false;
    };
    fields.len() >= 2
        && count_upto(text, LETTER_SIGNATURE_CHARS + 1) <= LETTER_SIGNATURE_CHARS
        && !text.contains(|c: char| c.is_ascii_digit() || crate::text::is_digit(c))
        && !text.contains(['。', '，', '；', '！', '？', '：', ',', ':', '、'])
        && (is_name_line(first)
            || is_name_line(last)
            || fields
                .iter()
                .any(|f| lexicon().holds_kind_word(KindList::ReaderWords, f)))
}

/// The most characters of a letter's signature line ([`signs_a_letter`]).
const LETTER_SIGNATURE_CHARS: usize = 24;

/// A short head that may title a photo: two or more Han characters, at most
/// `PHOTO_TITLE_CHARS`, not ending in a person's name after a space (a letter's
/// signature, `苕岗县松垭乡　杜守成`).
fn is_photo_title(text: &str) -> bool {
    let signed = text.split_whitespace().nth(1).is_some()
        && text.split_whitespace().last().is_some_and(is_name_line);
    count_upto(text, PHOTO_TITLE_CHARS + 1) <= PHOTO_TITLE_CHARS
        && text.chars().filter(|&c| is_han(c)).nth(1).is_some()
        && !signed
}

/// A group of photo captions (see [`photo_group`]).
struct PhotoGroup {
    /// The captions' units.
    captions: Vec<usize>,
    /// The credit, glued to the last caption or alone on the line after it.
    credit: String,
    /// The unit after the group.
    end: usize,
}

/// Most captions one head titles as a group.
const PHOTO_GROUP_CAPTIONS: usize = 6;

/// The captions from unit `from` on, when they are a photo group: one to
/// `PHOTO_GROUP_CAPTIONS` finished sentences no longer than a caption, the photo
/// credit (`… 摄`) glued to the last or alone on the line below it; several
/// captions each say which picture they describe (`上图：`, `左一:`, `①`), so
/// that the short last paragraphs of a story over its photo's credit are none.
fn photo_group(units: &[Unit<'_>], classes: &[Class], from: usize) -> Option<PhotoGroup> {
    let mut captions = Vec::new();
    let mut k = next_significant(classes, from)?;
    loop {
        let class = &classes[k];
        let text: &str = &units[k].text;
        if !matches!(class.role, Role::Body | Role::Caption)
            || class.dateline.is_some()
            || class.jump_in
            || class.jump_out
        {
            return None;
        }
        let credit = class
            .credit
            .as_ref()
            .filter(|_| caption_credit(text).is_some());
        if let Some(credit) = credit
            && credit.as_str() == text
        {
            if captions.is_empty() {
                return None;
            }
            return names_its_pictures(units, &captions).then(|| PhotoGroup {
                captions,
                credit: credit.clone(),
                end: k + 1,
            });
        }
        if !fits_a_caption(text) || !is_complete(text) || captions.len() == PHOTO_GROUP_CAPTIONS {
            return None;
        }
        captions.push(k);
        if let Some(credit) = credit {
            return names_its_pictures(units, &captions).then(|| PhotoGroup {
                captions,
                credit: credit.clone(),
                end: k + 1,
            });
        }
        k = next_significant(classes, k + 1)?;
    }
}

/// One caption, or several that each open by naming their picture: a circled
/// number, or a place of one to four Han characters before a colon (`上图：`,
/// `左下图：`, `左一:`, `右:`).
fn names_its_pictures(units: &[Unit<'_>], captions: &[usize]) -> bool {
    let names = |text: &str| {
        let text = text.trim_start();
        if text.starts_with(CIRCLED) {
            return true;
        }
        text.find(['：', ':']).is_some_and(|colon| {
            let place = &text[..colon];
            (1..=4).contains(&place.chars().count()) && place.chars().all(is_han)
        })
    };
    captions.len() == 1 || captions.iter().all(|&k| names(&units[k].text))
}

/// How many lines at the end of a run of verse (`heads`, more than three) are the
/// next piece's head: its title, and the line over it as its kicker when that line
/// is a label's length (four characters at most: `开卷`, `小小说`, `石砚书简`) or
/// not of the verse's length (within a character of the other lines'); else it is
/// the verse's last line (`都藏进了白茫茫`). Over a title of three characters or
/// fewer, two or three Han characters (`插秧`, `鼄溪谣`; not a mark alone, `○`, cut
/// from its pen name), the line may also be the first part of a head wrapped over
/// two lines (`开卷` / `一本书里的` / `老瑨州`): it is the verse's last line only when
/// it is no shorter than half the verse's lines (less a character; a poem's inner
/// title `琮湖晚钓` does not make a short line of the verse's length) and does not
/// run on into the title (`等着黄昏替它说完` / `插秧`); it may be longer than every
/// other line of the verse (a poem's last line often is: `只留下一圈慢慢变大的涟漪`
/// over `春耕谣`).
fn verse_tail(units: &[Unit<'_>], heads: &[usize]) -> usize {
    let n = heads.len();
    let lens = || {
        heads[..n - 2]
            .iter()
            .map(|&h| count_upto(&units[h].text, 21))
    };
    let max = lens().max().unwrap_or(0);
    let upper = &units[heads[n - 2]].text;
    let lower = &units[heads[n - 1]].text;
    let above = count_upto(upper, 21);
    let of_verse = |min: usize| above > 4 && above + 1 >= min && above <= max + 1;
    let last_of_verse = if count_upto(lower, 4) > 3 {
        of_verse(lens().min().unwrap_or(usize::MAX))
    } else {
        let title: Vec<char> = lower.chars().filter(|c| !c.is_whitespace()).collect();
        title.len() >= 2
            && title.iter().all(|&c| is_han(c))
            && above > 4
            && 2 * lens().filter(|&l| l <= above + 1).count() >= n - 2
            && !crate::segment::rethread::bond(upper, lower)
    };
    if last_of_verse { 1 } else { 2 }
}

/// Two or three Han characters and nothing else, perhaps spaced out (`竹　溪`), not a
/// place (`石门县`).
///
/// The page's own words for a notice, a banner, a column or a box (`公　告`,
/// `简　讯`, `短评`, `链接`), spaced out or not, are no pen name.
fn is_pen_name(text: &str) -> bool {
    // Its shape first (no words to gather for most lines).
    let mut n = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if !is_han(c) || n == 3 {
            return false;
        }
        n += 1;
    }
    let lex = lexicon();
    if n < 2 || lex.ends_like_place(text) {
        return false;
    }
    let bare: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    !(is_notice_title(&bare)
        || lex.is_banner(&bare)
        || lex.is_column_label(&bare)
        || lex.is_box_head(&bare))
}

/// Head line `l` (the stack ends before `after`) is the first of a run of parallel
/// labels: short (at most six characters), over one or two paragraphs, and the next
/// head after them is a lone line of its length (within one character) and Markdown
/// level, over text of its own.
fn opens_label_run(units: &[Unit<'_>], classes: &[Class], l: usize, after: usize) -> bool {
    let len = |u: &Unit<'_>| count_upto(&u.text, 7);
    let n = len(&units[l]);
    if n > 6 {
        return false;
    }
    let (mut k, mut paragraphs) = (after, 0);
    while let Some(m) = next_significant(classes, k) {
        match classes[m].role {
            Role::Body if paragraphs < 2 => {
                paragraphs += 1;
                k = m + 1;
            }
            Role::Head => {
                let sibling = &units[m];
                return paragraphs >= 1
                    && sibling.level == units[l].level
                    && len(sibling) <= 6
                    && len(sibling).abs_diff(n) <= 1
                    && next_significant(classes, m + 1)
                        .is_some_and(|b| classes[b].role == Role::Body);
            }
            _ => return false,
        }
    }
    false
}

/// Head `lower`, printed with a bullet, under head `upper`, printed without one, and
/// naming no place (`周末去哪儿` / `◆织云山夜游`): the first item of a run under its
/// banner, not the first of a round-up's labels (`◆澜亭区`).
fn bulleted_under_unbulleted(units: &[Unit<'_>], upper: usize, lower: usize) -> bool {
    units[lower].bullet.is_some()
        && units[upper].bullet.is_none()
        && !lexicon().is_place_label(&units[lower].text)
}

/// `讣　告`, `鸣　谢`, `注 销 公 告`: two to four Han characters set apart by spaces,
/// the way a notice's head is printed: letter-spaced display type, no line of text.
fn is_letter_spaced(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let mut hans = 0;
    let mut gap = true;
    for c in t.chars() {
        if is_han(c) {
            if !gap {
                return false;
            }
            hans += 1;
            gap = false;
        } else if c == ' ' || c == '\u{3000}' {
            gap = true;
        } else {
            return false;
        }
    }
    (2..=4).contains(&hans)
}

/// Circled numbers that open the captions of a photo group.
const CIRCLED: [char; 10] = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];

/// A paragraph that stops after a clause (`…，`, `…、`, `…；`): its sentence goes on
/// elsewhere.
fn cut_at_a_clause(p: &str) -> bool {
    p.trim_end().ends_with(['，', '、', '；', ',', ';'])
}

/// A notice's closing formula ends the paragraph (`…特此更正。`, `特此声明作废。`,
/// `特此公告`): its last sentence opens with `特此`.
fn ends_with_formula(p: &str) -> bool {
    let t = p.trim_end_matches(['。', '.', ' ', '\u{3000}', '！']);
    let last = t
        .rsplit(['。', '，', '；', '：', ',', '！'])
        .next()
        .unwrap_or(t);
    last.starts_with("特此") && count_upto(last, 9) <= 8
}

/// A byline that signs a piece at its end (`·濮阳青禾·`, `韦一苇 廖星`): a name
/// or two, dotted or alone, no photo credit.
/// Undotted, one name only: a row of names (`王芳　李强　赵敏`) under a story's
/// last section may be that story's.
fn is_closing_signature(text: &str) -> bool {
    let marked = text.starts_with(['·', '•', '◎', '□', '■', '●', '○']);
    let t = text
        .trim_start_matches(['◎', '□', '■', '●', '○'])
        .trim_matches(['·', '•', ' ', '\u{3000}']);
    count_upto(text, 17) <= 16
        && !t.is_empty()
        && !t.contains(['：', ':', '（', '('])
        && !lexicon().holds_kind_word(KindList::PhotoVerbs, t)
        && (marked || !t.contains(char::is_whitespace))
        && (text.starts_with(['·', '•']) || is_name_line(t))
}

/// A pen name printed after a pen mark (`◇一蓑`, `■ 麦穗禾`): the mark taken off as
/// the unit's bullet, a name left ([`super::classify::is_pen_signed_name`]).
fn is_marked_pen_name(unit: &Unit<'_>) -> bool {
    unit.bullet
        .is_some_and(|b| super::blocks::PEN_MARKS.contains(&b))
        && super::classify::is_pen_signed_name(&unit.text)
}

/// A byline's text as printed: a pen name keeps the pen mark it was printed after
/// (`◇江上舟子`, `■麦穗禾`), which [`is_marked_pen_name`] tells; any other as is.
fn byline_text<'u>(unit: &'u Unit<'_>) -> std::borrow::Cow<'u, str> {
    match unit.bullet {
        Some(b) if is_marked_pen_name(unit) => {
            std::borrow::Cow::Owned(format!("{b}{}", unit.text.trim()))
        }
        _ => std::borrow::Cow::Borrowed(unit.text.as_ref()),
    }
}

/// A title over one short text that opens on no dateline, and no byline yet: a
/// photo's caption, or its first, may be all there is. (A brief's text opens on its
/// dateline, `本报讯 …`; a caption's does not.)
fn is_titled_photo(d: &Draft) -> bool {
    d.paragraphs.len() == 1
        && d.byline.is_empty()
        && !d.title.is_empty()
        && fits_a_caption(&d.paragraphs[0])
        && super::classify::dateline(&d.paragraphs[0]).is_none()
}

/// The next unit that is not noise, from `i`.
pub(super) fn next_significant(classes: &[Class], mut i: usize) -> Option<usize> {
    while i < classes.len() {
        if classes[i].role != Role::Noise {
            return Some(i);
        }
        i += 1;
    }
    None
}

impl Assembler {
    /// The article running is a titled and signed head with no text yet: a poem
    /// whose verse, set in short lines, the next lines are.
    fn awaits_verse(&self) -> bool {
        self.cur.is_some_and(|c| {
            let d = &self.drafts[c];
            d.is_open()
                && !d.title.is_empty()
                && !d.byline.is_empty()
                && !d.has_body()
                && !d.caption
                && !d.date_item
        })
    }

    /// Where the title stands in a run of short lines over a name alone that is a
    /// poem signed under its verse: heads of four lines or more (a title over three
    /// lines of verse at least), every line after the title one a verse is set in
    /// ([`is_verse_line`]), one byline that is a name and nothing else (a pen name's
    /// shape, [`pen_name_chars`]: two to four Han characters, perhaps after a pen
    /// mark, no words parted by a space as in `记者 王芳`, no outlet), no text right
    /// below it (a name over text signs that text, the run over it being its heads),
    /// and no poem above still waiting for its verse. The run's last line is no
    /// shorter than every verse line above it: a shorter one is the next poem's
    /// title, its poet's name the byline under it (`崟屏山听雪` / `甘露白` when a
    /// page's furniture cut the run of the poem above from its title). The title is
    /// the run's first line, or its second when the first is a label's length (four
    /// characters at most) and the second shorter still than a verse line (three
    /// characters at most, and shorter than every line below it): `诗苑` / `秧田`,
    /// the column's label, then the title.
    fn poem_signed_below(
        &self,
        units: &[Unit<'_>],
        classes: &[Class],
        heads: &[usize],
        subtitle: Option<usize>,
        bylines: &[usize],
        j: usize,
    ) -> Option<usize> {
        let [name] = bylines else {
            return None;
        };
        let name = units[*name]
            .text
            .trim_start_matches(super::blocks::PEN_MARKS)
            .trim();
        if heads.len() < 4
            || subtitle.is_some()
            || name.contains(char::is_whitespace)
            || pen_name_chars(name).is_none()
            || self.awaits_verse()
            || next_significant(classes, j).is_some_and(|n| classes[n].role == Role::Body)
        {
            return None;
        }
        let len = |h: &usize| count_upto(&units[*h].text, 21);
        let shortest_below = |k: usize| heads[k + 1..].iter().map(len).min().unwrap_or(0);
        let t = usize::from(
            len(&heads[0]) <= 4 && len(&heads[1]) <= 3 && len(&heads[1]) < shortest_below(1),
        );
        let verse = &heads[t + 1..];
        let (last, lines) = verse.split_last()?;
        (lines.len() >= 2
            && verse.iter().all(|&h| {
                units[h].level == 0 && !classes[h].explicit && is_verse_line(&units[h].text)
            })
            && lines.iter().map(len).min().is_some_and(|m| len(last) >= m))
        .then_some(t)
    }

    /// A short `——` line after an article's finished text, with no byline yet.
    fn signs_current(&self, unit: &Unit<'_>) -> bool {
        self.headed.is_none()
            && count_upto(&unit.text, 19) <= 18
            && self.cur.is_some_and(|c| {
                let d = &self.drafts[c];
                d.has_body()
                    && d.byline.is_empty()
                    && !d.caption
                    && d.paragraphs.last().is_some_and(|p| is_complete(p))
            })
    }

    /// A date line heads a timeline item when text follows it; a date line closing
    /// an article (a notice's signature date) is part of that article, and so is one
    /// with a rule (`━━━━`) between it and the text below, which the rule sets apart.
    fn date_opens_item(&self, units: &[Unit<'_>], classes: &[Class], i: usize) -> bool {
        let next_is_text = next_significant(classes, i + 1).is_some_and(|n| {
            classes[n].role == Role::Body
                && classes[n].dateline.is_none()
                && !units[i + 1..n].iter().any(|u| is_rule_line(&u.text))
        });
        let cur_open = self
            .cur
            .is_some_and(|c| self.drafts[c].is_open() && !self.drafts[c].date_item);
        // The date under a notice's text (and its issuer) signs the notice, whatever
        // the page prints after it.
        let signs_notice = self.cur.is_some_and(|c| self.drafts[c].is_open_notice());
        (next_is_text && !signs_notice) || !cur_open
    }

    /// The kicker of a title printed under the head lines `above` (top to bottom):
    /// the line right over the title, or two halves of one slogan ([`kicker_lines`]).
    /// A line over that one heads more than the story (a page's or a section's
    /// label, `体育` over `鼋超联赛第十轮`, `法治·平安` over `以案说法`) or ends the
    /// piece above (the signature of the letter before): it is none of the story's
    /// head, and [`Assembler::home_over_kicker`] gives it its place. Call before
    /// the story's draft is opened.
    fn kicker_over_title(&mut self, units: &[Unit<'_>], above: &[usize]) -> String {
        let keep = kicker_lines(units, above);
        let (over, kicker) = above.split_at(above.len() - keep);
        self.home_over_kicker(units, over);
        kicker
            .iter()
            .map(|&h| units[h].text.as_ref())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A place for each head line stacked over a story's kicker (`over`, top to
    /// bottom), so that none is silently dropped: a letter's signature
    /// ([`signs_a_letter`], `桐冈县岭下乡　蒲长春` over the next letter's `回音` /
    /// title) signs the text running above when that text has no byline yet; any
    /// other line there (a page's or a section's label, `便民服务` over service
    /// boxes, a page's slogan, a label of the band below, a rule, a column's line
    /// read as a head) is filed as the page's furniture, and the explanation shows
    /// it so. (Given to the text above as its last paragraph, such lines changed
    /// that text's kind and ran two gold articles together on an unseen page.)
    fn home_over_kicker(&mut self, units: &[Unit<'_>], over: &[usize]) {
        let above = self.cur.filter(|&c| self.drafts[c].has_body());
        for &h in over {
            let text = &units[h].text;
            match above {
                Some(c) if self.drafts[c].byline.is_empty() && signs_a_letter(text) => {
                    let d = &mut self.drafts[c];
                    d.byline = text.to_string();
                    d.own_byline = true;
                    d.closed = true;
                }
                _ => self.set_aside.push(h),
            }
        }
    }

    /// Open an article at `line` under the head `text`, the head that later
    /// heads and bylines stack onto.
    fn open_headed(&mut self, line: usize, why: &'static str, text: String, bullet: Option<char>) {
        let n = self.open(line, why);
        self.drafts[n].entitle(text, bullet);
        self.headed = Some(n);
    }

    /// Open a box of rows (or an item of whole lines, a label over its day): the
    /// first of `lines` is its label (the title), the rest its rows, a paragraph each. No text goes on in its last row (a remark under
    /// it is a paragraph of its own); text below joins it only when not `closed`.
    fn open_box(&mut self, units: &[Unit<'_>], why: &'static str, lines: &[usize], closed: bool) {
        let Some((&label, rows)) = lines.split_first() else {
            return;
        };
        let head = &units[label];
        self.open_headed(head.line, why, head.text.to_string(), head.bullet);
        let d = self.cur.unwrap_or_default();
        let draft = &mut self.drafts[d];
        draft
            .paragraphs
            .extend(rows.iter().map(|&h| units[h].text.to_string()));
        draft.closed = closed;
        draft.box_of_rows = true;
        self.headed = None;
    }

    /// Start a new article; the one before stops receiving text.
    fn open(&mut self, line: usize, why: &'static str) -> usize {
        // A headed article that got no body before this one waits for its body.
        if let Some(c) = self.cur {
            let d = &self.drafts[c];
            if !d.has_body() && !d.title.is_empty() && !d.caption && !d.date_item {
                self.pending = Some(c);
                self.since_pending = 0;
            } else if self.pending.is_some() {
                self.since_pending += 1;
                if self.since_pending > 1 {
                    self.pending = None;
                }
            }
        }
        self.rival = None;
        // Only the article just left may still be continued after this one starts.
        if let Some(c) = self.cur {
            self.dangling.keep_only(c);
        }
        let mut draft = Draft::new(line);
        draft.why = why;
        self.drafts.push(draft);
        let d = self.drafts.len() - 1;
        self.cur = Some(d);
        d
    }

    /// A heading stack starting at `i`; returns the index after it.
    fn stack(&mut self, units: &[Unit<'_>], classes: &[Class], i: usize) -> usize {
        let mut heads: Vec<usize> = Vec::new();
        let mut subtitle: Option<usize> = None;
        let mut bylines: Vec<usize> = Vec::new();
        let mut j = i;
        // The title printed after its `——` subtitle (a PDF's content order).
        let mut late_title = false;
        while j < units.len() {
            match classes[j].role {
                Role::Noise => {}
                Role::Head if subtitle.is_none() && bylines.is_empty() => heads.push(j),
                // `省足球超级联赛第四轮` / `——潆州青枫主场3比1逆转…` / `下半场连进三球…` /
                // `晚报记者…`: one head line after the subtitle, right over a byline, is
                // the title the subtitle belongs to.
                Role::Head
                    if subtitle.is_some()
                        && bylines.is_empty()
                        && !late_title
                        && !heads.is_empty()
                        && !classes[j].explicit
                        && count_upto(&units[j].text, 4) >= 4
                        && next_significant(classes, j + 1)
                            .is_some_and(|n| classes[n].role == Role::Byline) =>
                {
                    heads.push(j);
                    late_title = true;
                }
                Role::Subtitle if subtitle.is_none() && bylines.is_empty() => subtitle = Some(j),
                Role::Byline => bylines.push(j),
                _ => break,
            }
            j += 1;
        }
        // A cartoon's caption: one head line right over the credit of a drawing
        // (`“借”来的伞` / `漫画/仉小满`; `为了一个证明，跑了五个窗口` / `仉小满 作`
        // with no text of its own below) is the picture's caption, an untitled photo,
        // not a title over its byline: a cartoon prints no head over its caption. (A
        // head over a caption over the credit, `漫画：“打卡”` / `报表少了…。` /
        // `朱小满 作`, titles the picture; a painting's title over `闻一舟　作` and
        // its note keeps its note.)
        if let [h] = heads[..]
            && subtitle.is_none()
            && let Some(credit) = match bylines[..] {
                [b] => Some(b).filter(|&b| credits_a_drawing(&units[b].text)),
                [] => Some(j).filter(|&k| {
                    k < units.len()
                        && classes[k].role == Role::Caption
                        && classes[k].credit.as_deref() == Some(units[k].text.as_ref())
                        && credits_a_drawing(&units[k].text)
                        && next_significant(classes, k + 1)
                            .is_none_or(|n| classes[n].role != Role::Body)
                }),
                _ => None,
            }
        {
            let pending = self.pending;
            let d = self.open(
                units[h].line,
                "a cartoon's caption over its artist's credit",
            );
            self.pending = pending;
            let draft = &mut self.drafts[d];
            draft.close_as_photo(byline_text(&units[credit]).trim().to_string());
            draft.paragraphs.push(units[h].text.to_string());
            self.headed = None;
            return j.max(credit + 1);
        }
        // A notice's numbered clauses (`一、招生专业` / `（一）…` / … / `二、报名办法`)
        // are its text: a head that numbers the next clause of a run in the article
        // above (`二、` after its `一、`, `（三）` after its `（二）`), or the first
        // clause (`一、`, `（一）`) under a titled text still open, is that article's
        // section, however it is marked (a Markdown heading, a notice's word at its
        // end, `…办法`). The article ends only where the run does.
        if subtitle.is_none() && bylines.is_empty() {
            while let Some(&h) = heads.first()
                && let Some(c) = self.cur
                && self.drafts[c].continues_numbered_run(&units[h].text)
            {
                heads.remove(0);
                let d = &mut self.drafts[c];
                d.intertitles.push(d.paragraphs.len());
                d.paragraphs.push(units[h].text.to_string());
                d.closed = false;
                d.box_of_rows = false;
                self.headed = None;
            }
            if heads.is_empty() {
                return j;
            }
        }
        // Who signs a finished text, undated, on a line of its own (`鹛湖公园管理处`,
        // `郜棠秋先生治丧小组`, `…村民 郗若木及家人`; two offices one under another),
        // over the next item's head: the text's signature, which ends it, no kicker
        // or title of the next item. Over no head, it signs only where no text of
        // its own and no date follow it (those are the signed-and-dated rules').
        let k = if subtitle.is_none() {
            undated_issuers(units, &heads)
        } else {
            0
        };
        if k > 0
            && let Some(c) = self.cur
            && self.drafts[c].is_finished_text()
        {
            let next = next_significant(classes, j);
            // A photo's caption over its credit (`11月18日，…拍照。` / `本报记者 某 摄`)
            // is no text of the signer's own: an office's name over it signs the
            // answer above (`绫州市住房和城乡建设局` under `答：…`).
            let over_photo = next.is_some_and(|n| {
                classes[n].role == Role::Body
                    && next_significant(classes, n + 1).is_some_and(|m| {
                        classes[m].role == Role::Caption && classes[m].credit.is_some()
                    })
            });
            // Never over a byline: a title or kicker over its story's byline that
            // ends as an office does (`重返老棉纺厂` / `一座县城的工业记忆` / `记者 …`)
            // heads that story.
            let takes = bylines.is_empty()
                && (k < heads.len()
                    || over_photo
                    || next.is_none_or(|n| {
                        !matches!(classes[n].role, Role::Body | Role::Date | Role::Caption)
                    }));
            if takes {
                let d = &mut self.drafts[c];
                // The office that answers, under its answer (`答：…`), is the
                // answer's byline; a notice's signer is its text.
                let answers = d.byline.is_empty()
                    && k == 1
                    && over_photo
                    && d.paragraphs.iter().any(|p| super::opens_voice(p));
                if answers {
                    d.byline = units[heads[0]].text.to_string();
                    d.own_byline = true;
                } else {
                    for &h in &heads[..k] {
                        d.paragraphs.push(units[h].text.to_string());
                    }
                }
                d.closed = true;
                d.absorbing = false;
                self.headed = None;
                heads.drain(..k);
                if heads.is_empty() {
                    return j;
                }
            }
        }
        // A short label over a run of lines that each carry figures (`战报` / `芃湾队
        // 2：1 桤林队` / `菡萏队 0：0 柘桑队`; a price list, a weather box), with no
        // text of its own below: a box, which the label titles and the lines fill. It
        // is no section of the story above, whose text a box's label never heads.
        // Boxes printed one under another (a league table, then a round's results)
        // are each a box; a title (under its kicker) after the last box's rows,
        // with the subtitle and bylines under it, is the next article's head. A
        // photo's caption over its credit line below the rows is no text of the
        // box's.
        let headed_below = subtitle.is_some() || !bylines.is_empty();
        let mut sizes = Vec::new();
        let mut end = 0;
        while end < heads.len()
            && let Some(size) = figure_box(units, &heads[end..])
        {
            sizes.push(size);
            end += size;
        }
        // Whether each box is taken: the last when what stands under its rows is
        // a head of at most two lines, or no text of its own; one above it when
        // the box below is taken, or no subtitle or byline waits under the run.
        let mut taken = vec![false; sizes.len()];
        let mut tail_taken = false;
        for (k, &size) in sizes.iter().enumerate().rev() {
            let after = sizes[..k].iter().sum::<usize>() + size;
            taken[k] = if k + 1 < sizes.len() {
                tail_taken || !headed_below
            } else if after < heads.len() {
                heads.len() - after <= 2 || !headed_below
            } else {
                !headed_below
                    && next_significant(classes, j).is_none_or(|n| {
                        classes[n].role != Role::Body || is_caption_over_credit(units, classes, n)
                    })
            };
            tail_taken = taken[k];
        }
        for size in sizes
            .into_iter()
            .zip(taken)
            .take_while(|&(_, t)| t)
            .map(|(s, _)| s)
        {
            self.open_box(
                units,
                "a short label over lines of figures (a results box, a price list)",
                &heads[..size],
                true,
            );
            // The heads under the box's rows stack for the next article.
            heads.drain(..size);
            if heads.is_empty() {
                return j;
            }
        }
        // A list's rows, each a short line of one shape (`桤林区:仁济大药房(…)`,
        // `4月9日上午 杞园社区卫生服务站`), are the body of the list: its title's when
        // the run opens with one, else the article running above (the list's intro).
        // The heads after the rows, of another shape, stack for the next article.
        if heads.len() > 3 && subtitle.is_none() && bylines.is_empty() {
            let title = &units[heads[0]].text;
            let titled = list_row_shape(title).is_none();
            let start = usize::from(titled);
            let rows = list_rows(units, &heads[start..]);
            let row_heads = &heads[start..start + rows];
            // A title: no numbered section of a text (`一、招聘岗位及人数` over a
            // table's lines), nor a box's short label over figures (`天气预报` over
            // the days' forecasts), which the box's own rules read.
            let title_ok = titled
                && !starts_section_number(title)
                && !(is_box_label(title) && row_heads.iter().all(|&h| has_figures(&units[h].text)));
            // Untitled, the rows follow the intro of a titled list running above,
            // which announces them with a colon (`…请携带身份证预约后前往:`).
            let running = !titled
                && self.cur.is_some_and(|c| {
                    let d = &self.drafts[c];
                    d.is_open()
                        && d.has_body()
                        && !d.title.is_empty()
                        && d.paragraphs
                            .last()
                            .is_some_and(|p| p.ends_with([':', '：']))
                });
            if rows >= 3 && (title_ok || running) {
                if titled {
                    let first = &units[heads[0]];
                    self.open_headed(
                        first.line,
                        "a list's title over rows of one shape",
                        first.text.to_string(),
                        first.bullet,
                    );
                }
                for &h in &heads[start..start + rows] {
                    self.body(&units[h], &classes[h]);
                }
                heads.drain(..start + rows);
                if heads.is_empty() {
                    return j;
                }
                // A head of another shape under the rows ends the list: it is the
                // next article's, no section of the list.
                if titled && let Some(c) = self.cur {
                    self.drafts[c].closed = true;
                    self.headed = None;
                }
            }
        }
        // Service boxes run together in one column of short lines (`黏川天气` / `8日
        // 阵雨转多云 20-26℃` / … / `体彩开奖` / `排列3第31151期:4 7 2` / …): each label
        // over two or more rows (fields apart by a space or after a colon) is a box
        // of its own, the rows its text; one line above the first label that reads
        // as a signer signs the text running above, other lines there are the first
        // box's kicker, and the heads under the last box's rows stack for the next
        // article.
        if heads.len() >= 3 && subtitle.is_none() && bylines.is_empty() {
            let boxes = service_boxes(units, &heads);
            let running = self
                .cur
                .is_some_and(|c| self.drafts[c].is_open() && self.drafts[c].has_body());
            let first = boxes.first().map_or(heads.len(), |b| b.0);
            // The last box's text runs on below its rows only into a paragraph (a
            // remark, `限行时间为每天7时至20时…`), not into a photo's caption.
            let text_below =
                next_significant(classes, j).is_some_and(|n| classes[n].role == Role::Body);
            // Rows alone under running text (a forecast's days inside a weather
            // story, `5月19日 多云 19℃～28℃`) are that text's; a record's fields
            // (`pub_time: '2026-12-15 18:02'`, keys in Latin letters) are no rows.
            let rows_only = boxes.is_empty()
                && running
                && heads.iter().all(|&h| {
                    let t: &str = &units[h].text;
                    is_box_row(t) && !is_record_field(t)
                });
            if rows_only {
                for &h in &heads {
                    self.body(&units[h], &classes[h]);
                }
                return j;
            }
            // At a page's top or after a finished article, the line right over the
            // first label (`生活服务`) is the boxes' kicker as well.
            let after_closed = self.cur.is_none_or(|c| !self.drafts[c].is_open());
            if !boxes.is_empty() && (first == 0 || running || after_closed) {
                // One or two short heads right over the first label that sign
                // nothing (`便民服务` / `本周生活信息一览`) label the boxes below, no
                // text of the story above: the lower is the first box's kicker,
                // the upper the section's label (the page's furniture).
                let kick = heads[..first]
                    .iter()
                    .rev()
                    .take(BOX_KICKER_LINES)
                    .take_while(|&&h| {
                        let t: &str = &units[h].text;
                        is_box_kicker(t) && !reads_as_signer(t)
                    })
                    .count();
                let above = &heads[..first - kick];
                // The lines over them: lines that read as signers (`蘧州交警支队`)
                // sign the text running above, and any line goes on in a text
                // running unfinished; two lines or more over the boxes, else (a
                // short text's title and its lines, `县城新添三座口袋公园` /
                // `今年以来，…` / `蘧州公路管理站`), are that text, no kicker, unless
                // the first is a row of a box: rows whose label was read as
                // something else (a name that recurs, `天气`) are a box of their
                // own, untitled. One line alone there is the boxes' kicker, or the
                // section's label over their kicker.
                let signers = above.iter().all(|&h| reads_as_signer(&units[h].text));
                let finished = self.cur.is_some_and(|c| self.drafts[c].is_finished_text());
                let kick = if !above.is_empty() && running && (signers || !finished) {
                    for &h in above {
                        self.body(&units[h], &classes[h]);
                    }
                    kick
                } else if above.len() >= 2 && !is_box_row(&units[above[0]].text) {
                    let title = &units[above[0]];
                    self.open_headed(
                        title.line,
                        "heads over a service box's label: a short text of its own",
                        title.text.to_string(),
                        title.bullet,
                    );
                    let d = self.cur.unwrap_or_default();
                    self.drafts[d]
                        .paragraphs
                        .extend(above[1..].iter().map(|&h| units[h].text.to_string()));
                    self.drafts[d].closed = true;
                    self.headed = None;
                    kick
                } else if above.len() >= 2 {
                    let row = &units[above[0]];
                    let d = self.open(row.line, "rows of a service box over the next box's label");
                    self.drafts[d]
                        .paragraphs
                        .extend(above.iter().map(|&h| units[h].text.to_string()));
                    self.drafts[d].closed = true;
                    self.drafts[d].box_of_rows = true;
                    self.headed = None;
                    kick
                } else {
                    first
                };
                let kicker = self.kicker_over_title(units, &heads[first - kick..first]);
                let last_end = boxes.last().map_or(0, |b| b.1);
                for (k, &(label, end)) in boxes.iter().enumerate() {
                    let closed = end < heads.len() || !text_below;
                    self.open_box(
                        units,
                        "a service box: a label over two rows of fields or more",
                        &heads[label..end],
                        closed,
                    );
                    if k == 0 && !kicker.is_empty() {
                        let d = self.cur.unwrap_or_default();
                        self.drafts[d].kicker.clone_from(&kicker);
                        self.drafts[d].line = units[heads[first - kick]].line;
                    }
                    // The lines between a box's rows and the next box's label
                    // (`福彩3D` / `第2026150期:5 8 1`, a label over one row) are a
                    // box of their own, no rows of the box above.
                    // (One line alone there, `数据:黏川市气象台`, is the box's credit:
                    // the box above keeps it.)
                    let next = boxes.get(k + 1).map_or(end, |b| b.0);
                    if next == end + 1 {
                        let d = self.cur.unwrap_or_default();
                        self.drafts[d]
                            .paragraphs
                            .push(units[heads[end]].text.to_string());
                    } else if end < next {
                        self.open_box(
                            units,
                            "a head between service boxes, over the lines up to the next box",
                            &heads[end..next],
                            true,
                        );
                    }
                }
                heads.drain(..last_end);
                if heads.is_empty() {
                    return j;
                }
            }
        }
        // A poem signed under its verse (`秧田` / `父亲退着走` / `秧苗向前走` / … /
        // `谯禾生`, then the next piece's head): a run of short lines over a name
        // alone, with no text below the name, is a title (under its column's label
        // when the run opens with two lines of a label's length) over its verse.
        if let Some(t) = self.poem_signed_below(units, classes, &heads, subtitle, &bylines, j) {
            let kicker = self.kicker_over_title(units, &heads[..t]);
            let first = &units[heads[t]];
            self.open_headed(
                first.line,
                "a short title over lines of verse and the poet's name under them",
                first.text.to_string(),
                first.bullet,
            );
            let d = self.cur.unwrap_or_default();
            let draft = &mut self.drafts[d];
            draft.line = units[heads[0]].line;
            draft.level = first.level;
            draft.kicker = kicker;
            draft
                .paragraphs
                .extend(heads[t + 1..].iter().map(|&h| units[h].text.to_string()));
            draft.byline = byline_text(&units[bylines[0]]).into_owned();
            draft.own_byline = true;
            draft.closed = true;
            self.headed = None;
            return j;
        }
        // A poem's verse: a run of short lines right under a titled and signed head
        // that has no text yet (`崟屏山听雪` / `甘露白` / `雪落在松枝上` / …), up to
        // the next piece's head, which a byline or subtitle below shows. That head
        // keeps a kicker only when the line over it is not of the verse's length
        // (`开卷` over `一本书里的老瑨州`; not the last line `都藏进了白茫茫`).
        if heads.len() > 3
            && (subtitle.is_some() || !bylines.is_empty())
            && self.awaits_verse()
            && heads[..heads.len() - 1]
                .iter()
                .all(|&h| is_verse_line(&units[h].text))
        {
            let keep = verse_tail(units, &heads);
            let rest = heads.split_off(heads.len() - keep);
            for &h in &heads {
                self.body(&units[h], &classes[h]);
            }
            heads = rest;
        }
        // A long run of short lines is a list, not a heading: keep the last two.
        // (At a page's top, four short heads closed by a subtitle or a byline are a
        // head stack: the page's label over a kicker printed on two lines and the
        // title, `经济·民生` / `轶水两岸夜市重开` / `老街烟火又升腾` / title.)
        let top_stack = self.drafts.is_empty()
            && (subtitle.is_some() || !bylines.is_empty())
            && kicker_on_two_lines(units, &heads);
        if heads.len() > 3 && !top_stack {
            let keep = heads.split_off(heads.len() - 2);
            for &h in &heads {
                self.body(&units[h], &classes[h]);
            }
            heads = keep;
        }
        // A short Markdown label one level below the title opens the body (a roundup's
        // district label), unless the upper line is itself a short section label.
        let mut label: Option<usize> = None;
        if heads.len() >= 2 && subtitle.is_none() {
            let last = heads[heads.len() - 1];
            let prev = heads[heads.len() - 2];
            let (lu, pu) = (&units[last], &units[prev]);
            if lu.level > pu.level && pu.level > 0 {
                let last_short = count_upto(&lu.text, 9) <= 8;
                let prev_short = count_upto(&pu.text, 7) <= 6;
                if last_short && !prev_short {
                    label = heads.pop();
                }
            }
        }
        // The last line of the stack is the first of a run of parallel short labels,
        // each over its paragraph (a roundup's `澜亭区` / text / `鹭溪县` / text): it
        // opens the body of the item titled above. (Labels printed with a bullet the
        // line above is printed without, `周末去哪儿` / `◆织云山夜游`, are the heads of
        // items under their banner, unless they name places.)
        if label.is_none()
            && heads.len() >= 2
            && subtitle.is_none()
            && bylines.is_empty()
            && !bulleted_under_unbulleted(units, heads[heads.len() - 2], heads[heads.len() - 1])
            && opens_label_run(units, classes, heads[heads.len() - 1], j)
        {
            label = heads.pop();
        }
        // A numbered section head (`一、…`, `（一）…`) under the title opens the
        // article's first section: an intertitle, never the title itself.
        if label.is_none()
            && heads.len() >= 2
            && subtitle.is_none()
            && bylines.is_empty()
            && starts_section_number(&units[heads[heads.len() - 1]].text)
            && !starts_section_number(&units[heads[heads.len() - 2]].text)
        {
            label = heads.pop();
        }
        let next = next_significant(classes, j);
        // Head lines over nothing but contact details (`金秋家居城 年终清仓` /
        // `实木家具 全场五折起` / `地址:… 电话:…`) are an advertisement, no title.
        if subtitle.is_none()
            && bylines.is_empty()
            && next.is_some_and(|n| {
                classes[n].role == Role::Body
                    && is_contact_line(&units[n].text)
                    && next_significant(classes, n + 1)
                        .is_none_or(|m| classes[m].role != Role::Body)
            })
            && heads.iter().all(|&h| !is_notice_title(&units[h].text))
        {
            for &h in &heads {
                self.body(&units[h], &classes[h]);
            }
            return j;
        }
        // A pen name under its title (`“微更新”贵在“微”` / `木禾`): two or three Han
        // characters below a longer head line, with text right after, sign the text.
        if heads.len() >= 2
            && subtitle.is_none()
            && bylines.is_empty()
            && next.is_some_and(|n| classes[n].role == Role::Body)
        {
            let last = heads[heads.len() - 1];
            let above = heads[heads.len() - 2];
            if is_pen_name(&units[last].text)
                && units[last].level == 0
                && count_upto(&units[above].text, 6) >= 6
            {
                heads.pop();
                bylines.push(last);
            }
        }
        let next_dateline =
            next.is_some_and(|n| classes[n].role == Role::Body && classes[n].dateline.is_some());
        // A letter's signature (place over name) after its text, with no text of its
        // own below: it closes the letter instead of opening an article.
        // (A numbered section head below opens the text of an essay.)
        let next_is_text = next.is_some_and(|n| {
            matches!(classes[n].role, Role::Body | Role::Caption | Role::JumpIn)
                || (classes[n].role == Role::Head && starts_section_number(&units[n].text))
        });
        if heads.len() == 1
            && subtitle.is_none()
            && !bylines.is_empty()
            && !next_is_text
            && !classes[heads[0]].explicit
            && let Some(c) = self.cur
            && self.drafts[c].has_body()
            && !self.drafts[c].closed
            && self.drafts[c].byline.is_empty()
        {
            let d = &mut self.drafts[c];
            d.paragraphs.push(units[heads[0]].text.to_string());
            d.byline = bylines
                .iter()
                .map(|&b| byline_text(&units[b]))
                .collect::<Vec<_>>()
                .join(" ");
            d.closed = true;
            self.headed = None;
            return j;
        }
        // Who signed the text above and when, on one line after its finished last
        // paragraph (`笪鹤年先生治丧小组　2026年12月9日`), ends that text: it is no
        // kicker of the head below it (the next notice's `讣　告`), even when that head
        // reads as a byline (a letter-spaced `讣　告`) or a label (`寻人启事`).
        if super::classify::is_signature_line(&units[heads[0]].text)
            && !classes[heads[0]].explicit
            && let Some(c) = self.cur
            && self.drafts[c].is_open()
            && self.drafts[c]
                .paragraphs
                .last()
                .is_some_and(|p| is_complete(p))
            && (heads.len() >= 2
                || label.is_some()
                || !bylines.is_empty()
                || next.is_none_or(|n| classes[n].role != Role::Body))
        {
            // Signed without a date (`…全体师生　敬启`), the date may stand alone
            // on the line below: it is the signature's too.
            let dated = match heads.get(1) {
                Some(&h) => Some(h).filter(|&h| is_date_alone(&units[h].text)),
                None if label.is_none() && subtitle.is_none() && bylines.is_empty() => {
                    next.filter(|&n| classes[n].role == Role::Date)
                }
                None => None,
            };
            let d = &mut self.drafts[c];
            for &h in std::iter::once(&heads[0]).chain(&dated) {
                d.paragraphs.push(units[h].text.to_string());
            }
            d.closed = true;
            d.absorbing = false;
            self.headed = None;
            return dated.unwrap_or(heads[0]) + 1;
        }
        // A notice's signature after its text: the issuer (perhaps under a contact
        // line) over the date end the notice's text instead of opening an article.
        let date_below = next.filter(|&n| classes[n].role == Role::Date);
        // Any text signed so (`谯北辰先生治丧小组` over `2031年5月30日` under an
        // obituary, `某某及家人` under a letter of thanks), the date with no text of
        // its own below it, is a signed box that ends there: a dated line under a
        // section head opens that section's text instead (a timeline's entry).
        let dated_head = date_below.is_some_and(|n| {
            next_significant(classes, n + 1).is_none_or(|m| classes[m].role != Role::Body)
        }) && heads.len() == 1
            && !classes[heads[0]].explicit
            && leading_number(&units[heads[0]].text).is_none();
        // Who signs: an office, a family, a name. Another head over such a date
        // (`网络问政` / `2026年6月1日`, then the next title) signs nothing; it is
        // no section of the finished text above either, which ends there.
        let signed_and_dated = dated_head && reads_as_signer(&units[heads[0]].text);
        if dated_head
            && !signed_and_dated
            && subtitle.is_none()
            && bylines.is_empty()
            && let Some(n) = date_below
            && let Some(c) = self.cur
            && self.drafts[c].is_finished_text()
            && !self.drafts[c].is_open_notice()
        {
            self.drafts[c].closed = true;
            self.drafts[c].absorbing = false;
            // An item of its own, its label the title and its day the one line,
            // which no text below goes on in.
            self.open_box(
                units,
                "a head over a date alone under a finished text (an item's label and day)",
                &[heads[0], n],
                true,
            );
            return n + 1;
        }
        if heads.len() <= 2
            && subtitle.is_none()
            && bylines.is_empty()
            && (date_below.is_some() || is_date_alone(&units[heads[heads.len() - 1]].text))
            && let Some(c) = self.cur
            && (self.drafts[c].is_open_notice()
                || (signed_and_dated && self.drafts[c].is_finished_text()))
        {
            let d = &mut self.drafts[c];
            for &h in heads.iter().chain(&date_below) {
                d.paragraphs.push(units[h].text.to_string());
            }
            // Signed and dated, the notice ends: a head below opens the next
            // article (`本周无偿献血点` under a notice's date), no section of it.
            d.closed = true;
            self.headed = None;
            // A bracketed note under the date (`（此件公开发布）`) is its last line.
            let end = date_below.map_or(j, |n| n + 1);
            if let Some(note) = units.get(end).filter(|u| is_release_note(&u.text)) {
                d.paragraphs.push(note.text.to_string());
                return end + 1;
            }
            return end;
        }
        let first = &units[heads[0]];
        // A short head over a group of photo captions closed by their credit
        // (`峿山初雪` / `左图：…` / `右图：…` / `本报记者 某某 摄`) titles the photo,
        // wherever it stands: the captions are no section of the article above.
        if heads.len() == 1
            && subtitle.is_none()
            && bylines.is_empty()
            && label.is_none()
            && is_photo_title(&first.text)
            && !first.text.contains(['，', '、', ','])
            && let Some(group) = photo_group(units, classes, j)
        {
            let d = self.open(
                first.line,
                "a short head over photo captions and their credit",
            );
            let draft = &mut self.drafts[d];
            draft.entitle(first.text.to_string(), first.bullet);
            draft.level = first.level;
            draft.close_as_photo(group.credit);
            draft
                .paragraphs
                .extend(group.captions.iter().map(|&k| units[k].text.to_string()));
            self.headed = None;
            return group.end;
        }
        let explicit = classes[heads[0]].explicit;
        let cur_level = self.cur.map_or(0, |c| self.drafts[c].level);
        // A head over a caption that carries its credit titles that photo.
        let photo_title = heads.len() == 1
            && !first.text.contains(['，', '、', ','])
            && !first.text.starts_with("图")
            && first.text.chars().filter(|&c| is_han(c)).nth(1).is_some();
        let next_credited_caption = photo_title
            && next.is_some_and(|n| {
                classes[n].role == Role::Caption
                    && classes[n].credit.as_deref() != Some(units[n].text.as_ref())
                    && classes[n].credit.is_some()
            });
        // A head over a letter's salutation (`编辑同志：`, then the letter) titles the
        // letter: a section of an article does not open by addressing someone.
        let over_salutation = next.is_some_and(|n| {
            let t: &str = &units[n].text;
            classes[n].role == Role::Body
                && count_upto(t, 9) <= 8
                && t.ends_with(['：', ':'])
                && next_significant(classes, n + 1).is_some_and(|m| {
                    classes[m].role == Role::Body && count_upto(&units[m].text, 20) >= 20
                })
        });
        // A rule (`━━━━`) right above sets what follows apart from what went before.
        let under_rule = i > 0 && is_rule_line(&units[i - 1].text);
        // A box's fixed head (`人物档案`) over its text opens the box: a sidebar of
        // its own, not a section of the story beside it. So does the editors' own
        // word to the reader under its head alone (`编后`, `编者的话`, `编者按`: the
        // lexicon's kind_words.editor_notes), after the pieces it speaks of or before.
        let box_head = heads.len() == 1
            && subtitle.is_none()
            && bylines.is_empty()
            && (lexicon().is_box_head(&first.text) || is_editor_note(&first.text))
            && next.is_some_and(|n| classes[n].role == Role::Body);
        // A letter-spaced head over text (`鸣　谢` after a story) opens a notice.
        let spaced_head = heads.len() == 1
            && subtitle.is_none()
            && bylines.is_empty()
            && is_letter_spaced(&first.text)
            && next.is_some_and(|n| classes[n].role == Role::Body);
        let strong = heads.len() >= 2
            || spaced_head
            || classes[heads[0]].flush
            || super::stacked_heads::moved(&classes[heads[0]])
            || box_head
            || is_notice_title(&first.text)
            || under_rule
            || over_salutation
            || next_credited_caption
            || subtitle.is_some()
            || !bylines.is_empty()
            || next_dateline
            || label.is_some()
            || (explicit && (cur_level == 0 || first.level <= cur_level));
        if !strong {
            let text = first.text.to_string();
            // The one paragraph of a short item under it (a section runs on longer),
            // perhaps with its credit alone on the line after (`（蓟望舒）`, where a
            // narrow column wrapped it off the paragraph's end).
            let no_more_text = |k: usize| {
                next_significant(classes, k).is_none_or(|m| classes[m].role != Role::Body)
            };
            let below = next
                .filter(|&n| {
                    classes[n].role == Role::Body
                        && classes[n].dateline.is_none()
                        && next_significant(classes, n + 1).is_none_or(|m| {
                            classes[m].role != Role::Body
                                || (is_credit_alone(&units[m].text) && no_more_text(m + 1))
                        })
                })
                .map(|n| units[n].text.as_ref());
            // The first paragraph under it, however long the text runs on.
            let lede = next
                .filter(|&n| classes[n].role == Role::Body && classes[n].dateline.is_none())
                .map(|n| units[n].text.as_ref());
            // The text under it runs, paragraphs only, to a byline of its own
            // (`·濮阳青禾·`): a signed piece.
            let signed_below = next
                .filter(|&n| classes[n].role == Role::Body)
                .is_some_and(|n| {
                    let mut k = n;
                    while let Some(m) = next_significant(classes, k) {
                        match classes[m].role {
                            Role::Body if classes[m].dateline.is_none() => k = m + 1,
                            // ...and the signature ends it. A name alone over a line
                            // of clauses heads the next
                            // piece with its author's note (`阚守正` / `瀼江大学法学院
                            // 副教授，研究方向为…`); a dotted one signs what is above.
                            // A pen name printed after a mark (`◇一蓑`, the mark
                            // kept as the unit's bullet) signs it as a dotted one does.
                            Role::Byline => {
                                let t: &str = &units[m].text;
                                let pen = is_marked_pen_name(&units[m]);
                                return (is_closing_signature(t) || pen)
                                    && next_significant(classes, m + 1).is_none_or(|n| {
                                        classes[n].role != Role::Body
                                            && (t.starts_with(['·', '•'])
                                                || pen
                                                || !units[n].text.contains(['，', ',']))
                                    });
                            }
                            _ => return false,
                        }
                    }
                    false
                });
            // Over a lede that opens on when the news happened (`12月8日起，…`,
            // `近日，…`) or where the reporter learned it (`记者从…获悉`), after the
            // finished text of an article not cut into sections: a news story's
            // first sentence, which a section of the story above does not open with.
            // (Text closed by a photo credit is left to the photo rules: a photo's
            // caption opens on its date too; so is a head that is a photo's credit
            // (`郜晓川摄`). A column's label (`科技观察`) or a round-up's place label
            // (`茅坪乡`) over such a lede names no story of its own.)
            let names_no_story = classes[heads[0]].label
                || lexicon().is_column_label(&first.text)
                || lexicon().is_place_label(&first.text)
                || (lexicon().ends_with_kind_word(KindList::PhotoVerbs, first.text.trim_end())
                    && count_upto(&first.text, 9) <= 8);
            let news_lede = !names_no_story
                && lede.is_some_and(opens_on_news_time)
                && next.is_some_and(|n| {
                    let mut k = n;
                    while let Some(m) = next_significant(classes, k + 1) {
                        if classes[m].role != Role::Body {
                            return classes[m].role != Role::Caption;
                        }
                        k = m;
                    }
                    true
                });
            if news_lede
                && self.cur.is_some_and(|c| {
                    let d = &self.drafts[c];
                    d.is_open()
                        && d.has_body()
                        && !d.caption
                        && d.intertitles.is_empty()
                        && d.paragraphs.last().is_some_and(|p| is_complete(p))
                })
            {
                self.open_headed(
                    first.line,
                    "a lone head over a lede opening on the news's date (N月N日, 近日, 记者从…获悉)",
                    text,
                    first.bullet,
                );
                return j;
            }
            // Over a reader's question (`问：…？`) and its answer (`答：…`), after the
            // finished text of an article that is no exchange itself: the head of a
            // column of questions and answers (`医保政策热点问题解答`), not a section
            // of the item above, whatever that item is (an interview's turns under
            // its own section heads stay its sections).
            let opens_exchange = next.is_some_and(|n| {
                classes[n].role == Role::Body
                    && super::opens_voice(&units[n].text)
                    && super::asks(&units[n].text)
                    && next_significant(classes, n + 1).is_some_and(|m| {
                        classes[m].role == Role::Body && super::opens_voice(&units[m].text)
                    })
            });
            if opens_exchange
                && self.cur.is_some_and(|c| {
                    let d = &self.drafts[c];
                    d.is_open()
                        && d.has_body()
                        && !d.caption
                        && d.paragraphs.last().is_some_and(|p| is_complete(p))
                        && !d.paragraphs.iter().any(|p| super::opens_voice(p))
                })
            {
                self.open_headed(
                    first.line,
                    "a lone head over a question and its answer, after an article that is no exchange",
                    text,
                    first.bullet,
                );
                return j;
            }
            // Over a lede whose first clause tells when the news happened anywhere in
            // it (`8月3日夜，`, `这几天，`, `…古厝日前获得…`, `（新港村10日讯）`) and
            // whose first sentence restates the head's words more than the finished
            // article above says them (`荪水公园新添百株桂花树` over `这几天，荪水公园
            // 东门一带新栽的一百棵桂花树开了花`): the next story, as above, not a
            // section, whose lede tells a scene or a person rather than a day.
            if !names_no_story
                && next.is_some_and(|n| {
                    next_significant(classes, n + 1)
                        .is_none_or(|m| classes[m].role != Role::Caption)
                })
                && lede.is_some_and(|l| {
                    let sentence = super::classify::head(l, 60)
                        .split(['。', '！', '？'])
                        .next()
                        .unwrap_or("");
                    let clause = sentence.split(['，', ',']).next().unwrap_or("");
                    if !tells_news_day(
                        clause,
                        NewsDayWords::LedeClause,
                        Reach::Anywhere,
                        Reach::Anywhere,
                    ) {
                        return false;
                    }
                    let label = label_bigrams(&first.text);
                    let named = label.iter().filter(|w| sentence.contains(**w)).count();
                    named >= 1
                        && self.cur.is_some_and(|c| {
                            let d = &self.drafts[c];
                            d.is_open()
                                && d.has_body()
                                && !d.caption
                                && d.intertitles.is_empty()
                                && d.paragraphs.last().is_some_and(|p| is_complete(p))
                                && named > shared_bigrams(&label, d)
                        })
                })
            {
                self.open_headed(
                    first.line,
                    "a lone head restated by a lede that tells the news's day in its first clause",
                    text,
                    first.bullet,
                );
                return j;
            }
            let placed = super::rehome::placed(&classes[heads[0]]);
            // The one paragraph under it is the last text of the page (nothing
            // follows but a document's end): a short item closing the page, perhaps
            // not the last section of the story above.
            let closing_item = next
                .filter(|&n| classes[n].role == Role::Body && classes[n].dateline.is_none())
                .is_some_and(|n| {
                    next_significant(classes, n + 1)
                        .is_none_or(|m| classes[m].role == Role::DocBreak)
                });
            self.lone_head(
                first.line,
                text,
                first.bullet,
                (below, lede),
                (signed_below, closing_item),
                placed,
            );
            return j;
        }
        // Title: the highest-ranked Markdown line (the last of equals), else the
        // last line; lines above are kickers, a line below is a subtitle.
        let min_level = heads
            .iter()
            .map(|&h| units[h].level)
            .filter(|&l| l > 0)
            .min();
        let mut t = heads.len() - 1;
        // A label the corpus's habits know is never the title while another head
        // line stands with it: the last other line is, labels go to the kicker.
        let labels: Vec<usize> = heads
            .iter()
            .copied()
            .filter(|&h| classes[h].label)
            .collect();
        if !labels.is_empty() && labels.len() < heads.len() {
            let rest: Vec<usize> = heads
                .iter()
                .copied()
                .filter(|&h| !classes[h].label)
                .collect();
            heads = labels.into_iter().chain(rest).collect();
            t = heads.len() - 1;
        } else if let Some(min) = min_level
            && heads.iter().all(|&h| units[h].level > 0)
        {
            t = heads
                .iter()
                .rposition(|&h| units[h].level == min)
                .unwrap_or(t);
            // A short section label above a longer item title: the item is the title.
            if t + 1 < heads.len() && count_upto(&units[heads[t]].text, 7) <= 6 {
                t = heads.len() - 1;
            }
        }
        // One kicker at the title's own level right after a finished article may be
        // a label displaced from that article: after a closing credit or jump marker,
        // or, when Markdown marks both lines alike, after a complete paragraph.
        let marked = units[heads[0]].level > 0;
        let label_owner = self
            .cur
            .filter(|&c| {
                let prev = &self.drafts[c];
                let finished = prev.closed
                    || (marked && prev.paragraphs.last().is_some_and(|p| is_complete(p)));
                t == 1
                    && units[heads[0]].level == units[heads[1]].level
                    && finished
                    && prev.has_body()
                    && !prev.title.is_empty()
                    && !prev.caption
                    && !prev.date_item
            })
            .map(|c| (c, marked));
        let why = if heads.len() >= 2 {
            "two or more head lines stacked"
        } else if subtitle.is_some() {
            "a head over a —— subtitle"
        } else if !bylines.is_empty() {
            "a head over a byline"
        } else if next_dateline {
            "a head over a dateline lede"
        } else if is_notice_title(&first.text) {
            "an official notice's title"
        } else if spaced_head {
            "a letter-spaced head over text (a notice's)"
        } else if label.is_some() {
            "a head over a section label"
        } else if over_salutation {
            "a head over a letter's salutation"
        } else if box_head {
            "a box's fixed head over its text (lexicon box_heads)"
        } else if classes[heads[0]].flush {
            "a head printed flush on a page that indents its intertitles"
        } else {
            "a Markdown head at or above the current title's level"
        };
        let start = heads
            .iter()
            .map(|&h| units[h].line)
            .min()
            .unwrap_or(first.line);
        // A couplet: the title set as two parallel halves of one length, one a line,
        // under a kicker (`奋力推进城市有机更新` / `老街巷焕发新容颜` / `新业态激活新动能`):
        // the halves are one title. Not when the text's first sentence restates
        // the upper half alone: that is a kicker naming the event, over the title.
        let lede = next
            .filter(|&n| classes[n].role == Role::Body)
            .map_or("", |n| units[n].text.as_ref());
        let couplet = t + 1 == heads.len()
            && t >= 2
            && heads.iter().all(|&h| units[h].level == 0)
            && is_couplet(&units[heads[t - 1]].text, &units[heads[t]].text)
            && !lede_restates(&units[heads[t - 1]].text, &units[heads[t]].text, lede);
        // A title broken over two lines under a column's label, over its subtitle
        // or byline (`今日关注` / `溆水两岸百座冷库` / `“冻”住了山里的好收成` /
        // `——…见闻`): the label is the story's kicker, the two lines one title,
        // joined as a couplet's halves are.
        let couplet = couplet
            || (t == 2
                && heads.len() == 3
                && heads.iter().all(|&h| units[h].level == 0)
                && (subtitle.is_some() || !bylines.is_empty())
                && title_under_column_label(units, &heads));
        // A kicker printed on two lines at a page's top under the page's label, over
        // a title with its subtitle or byline (the stack of four kept above): one
        // kicker, its lines joined with nothing, as a title's lines are; the label
        // is the page's furniture.
        let kicker = if !couplet
            && t == 3
            && self.drafts.is_empty()
            && (subtitle.is_some() || !bylines.is_empty())
            && units[heads[t]].level == 0
            && kicker_on_two_lines(units, &heads)
        {
            self.home_over_kicker(units, &heads[..1]);
            format!("{}{}", units[heads[1]].text, units[heads[2]].text)
        } else {
            self.kicker_over_title(units, &heads[..t - usize::from(couplet)])
        };
        let d = self.open(start, why);
        let draft = &mut self.drafts[d];
        // Where the article is printed: its stack and its opening, wherever the head
        // went (a head moved from the page's foot starts at its text's byline).
        draft.line =
            subtitle
                .iter()
                .chain(&bylines)
                .chain(next.iter().filter(|&&n| {
                    matches!(classes[n].role, Role::Body | Role::JumpIn | Role::Caption)
                }))
                .map(|&k| units[k].line)
                .fold(start, usize::min);
        draft.label_owner = label_owner;
        draft.entitle(units[heads[t]].text.to_string(), units[heads[t]].bullet);
        if couplet {
            draft.title.insert_str(0, &units[heads[t - 1]].text);
            draft.item_bullet = units[heads[t - 1]].bullet.or(draft.item_bullet);
            t -= 1;
        }
        draft.level = units[heads[t]].level;
        draft.kicker = kicker;
        let below: Vec<&str> = heads[t + 1 + usize::from(couplet)..]
            .iter()
            .map(|&h| units[h].text.as_ref())
            .collect();
        if let Some(s) = subtitle {
            draft.subtitle = units[s].text.to_string();
        } else if !below.is_empty() {
            draft.subtitle = below.join(" ");
        }
        if !bylines.is_empty() {
            draft.byline = bylines
                .iter()
                .map(|&b| byline_text(&units[b]))
                .collect::<Vec<_>>()
                .join(" ");
            draft.own_byline = true;
        }
        if let Some(l) = label {
            draft.intertitles.push(draft.paragraphs.len());
            draft.paragraphs.push(units[l].text.to_string());
        }
        self.headed = Some(d);
        j
    }

    /// A single short line that is not clearly a new heading.
    fn lone_head(
        &mut self,
        line: usize,
        text: String,
        bullet: Option<char>,
        (below, lede): (Option<&str>, Option<&str>),
        (signed_below, closing_item): (bool, bool),
        placed: bool,
    ) {
        // `▲省图书馆冬季延时开放` after a finished item opened by `▲`, over a finished
        // paragraph: the head of the next item of the run, printed with the bullet
        // every item opens with. (A bulleted line over an unfinished one is the
        // first line of a brief an OCR page printed wrapped.)
        if let Some(b) = bullet
            && lede.is_some_and(is_complete)
            && self.ends_an_item_of_bullet(b)
        {
            self.open_headed(
                line,
                "a head printed with the bullet of the items before it",
                text,
                bullet,
            );
            return;
        }
        // `3.楮城至漷源高速全线贯通` after the finished item `2.…`: the next item of a
        // numbered list of briefs, whatever its words share with the one before.
        if let Some(c) = self.cur
            && {
                let d = &self.drafts[c];
                d.has_body()
                    && !d.caption
                    && d.paragraphs.last().is_some_and(|p| is_complete(p))
                    && (numbered_next(list_number, &d.title, &text)
                        || (d.title.is_empty()
                            && d.paragraphs
                                .first()
                                .is_some_and(|p| numbered_next(list_number, p, &text)))
                        || self.numbered)
            }
        {
            self.open_headed(
                line,
                "a numbered head after the item numbered before it",
                text,
                bullet,
            );
            return;
        }
        // `鄞湖湿地迎来越冬候鸟` over its text after an untitled brief under a
        // banner (`城事速递`), its text finished: the next brief's title, not a
        // section of an item that has no title.
        // (Under a banner whose first item had a head, the untitled item must
        // open with a bullet, `■…`: a run of plain paragraphs there is more
        // likely a story whose head a column print set elsewhere.)
        if (self.items_before_head
            || (self.banner
                && self
                    .cur
                    .is_some_and(|c| self.drafts[c].opening_bullet().is_some())))
            && self.finished_untitled_item()
        {
            self.open_headed(
                line,
                "a head after an untitled item under a banner",
                text,
                bullet,
            );
            return;
        }
        // A head after text closed by a notice's formula (`…特此更正。`, `特此声明作废。`):
        // the notice has said all it says; the head opens the next item.
        if lede.is_some()
            && let Some(c) = self.cur
            && {
                let d = &self.drafts[c];
                d.has_body()
                    && !d.caption
                    && d.paragraphs.last().is_some_and(|p| ends_with_formula(p))
            }
        {
            self.open_headed(
                line,
                "a head after a notice closed by its formula (特此…)",
                text,
                bullet,
            );
            return;
        }
        // A head after the one finished paragraph of a box titled with a notice's
        // word alone (`更正`, `声明`, `公告`): such a box says one thing, and a head
        // under it (`今日天气` after a correction; a box's label or short title, twelve
        // characters at most) opens the next box, not a section
        // of it (a notice set out in sections numbers them, `一、招聘岗位`; nor the
        // notice's signature, `某某有限公司　2026年9月11日`).
        // A service box under its fixed head (`温馨提示`, `讣告`: the lexicon's
        // `box_heads`) has no sections either: a head under its finished text opens
        // the next article (`儿童节游园活动期间交通管制` under a tip box).
        if lede.is_some()
            && leading_number(&text).is_none()
            && !super::classify::is_signature_line(&text)
            && let Some(c) = self.cur
            && let Some(why) = {
                let d = &self.drafts[c];
                let notice_box = d.paragraphs.len() == 1
                    && count_upto(&text, 13) <= 12
                    && is_notice_word(&d.title);
                // A box is signed by no reporter: a signed story whose title ends as a
                // box's head does (`今冬筱州为何多雾天气` / `本报记者 …`) keeps its sections.
                let service_box = count_upto(&text, 21) <= 20
                    && d.byline.is_empty()
                    && lexicon().is_box_head(&d.title);
                let finished = !d.caption
                    && d.has_body()
                    && d.intertitles.is_empty()
                    && d.paragraphs.iter().all(|p| is_complete(p));
                if !finished {
                    None
                } else if notice_box {
                    Some("a head after the one paragraph of a box titled with a notice's word")
                } else if service_box {
                    Some(
                        "a head after the finished text of a service box's fixed head (lexicon box_heads)",
                    )
                } else {
                    None
                }
            }
        {
            self.open_headed(line, why, text, bullet);
            return;
        }
        // A head after a finished story signed at its top (`□ 司空望舒` under its
        // title), over text that ends in a signature of its own (`·濮阳青禾·`): the
        // next signed piece, not a section of the story above, which has its
        // signature already.
        if signed_below
            && !text.starts_with(['【', '〔', '[', '［'])
            && let Some(c) = self.cur
            && {
                let d = &self.drafts[c];
                d.has_body()
                    && !d.byline.is_empty()
                    && !d.credit
                    && !d.caption
                    && !d.title.is_empty()
                    && d.intertitles.is_empty()
                    && d.paragraphs.last().is_some_and(|p| is_complete(p))
            }
        {
            self.open_headed(
                line,
                "a head over text signed at its end, after a story signed at its top",
                text,
                bullet,
            );
            return;
        }
        // A head of words only (no question, date, signature or spacing) over one
        // finished paragraph of clauses that closes the page, after a finished story
        // of two paragraphs or more not cut into sections, the paragraph naming
        // nothing of that story's title: a short item of its own (`春季晨练不宜过早`
        // over one tip at the foot of a city page), not the story's one and last
        // section (`商户回来了` over `…陆续回到老街` under `老街换新颜`).
        if closing_item
            && !placed
            && text.chars().filter(|&c| is_han(c)).count() >= 4
            && text.chars().all(|c| is_han(c) || "“”‘’《》、·".contains(c))
            && lede.is_some_and(|l| is_complete(l) && l.contains(['，', ',']))
            && let Some(c) = self.cur
            && {
                let d = &self.drafts[c];
                d.is_open()
                    && d.has_body()
                    && !d.caption
                    && !d.title.is_empty()
                    && d.intertitles.is_empty()
                    && !d.lede_only()
                    && d.paragraphs.len() >= 2
                    && d.paragraphs.last().is_some_and(|p| is_complete(p))
                    && lede.is_some_and(|l| label_bigrams(&d.title).iter().all(|w| !l.contains(*w)))
            }
        {
            self.open_headed(
                line,
                "a head over the one paragraph closing the page, after a finished story",
                text,
                bullet,
            );
            return;
        }
        // A short head under a story's lede (a stack with its own `——` subtitle or
        // byline line over one paragraph) that only picks up words of the
        // text below it (`钱花在了“看不见”的地方` over `钱花在了哪里？…`, `老支书当起
        // 调解员` over `调解员是村里的老支书…`) is that story's first intertitle: a
        // story so set out rarely ends after its lede, and a next story's lede
        // restates its head, a run of five characters or more of it. (Not a head the
        // rehome pass paired with the text below it from a run of heads.)
        let under_lede = !placed
            && self
                .cur
                .is_some_and(|c| self.drafts[c].is_open() && self.drafts[c].lede_only())
            && {
                let opening = super::rehome::keys(lede.or(below).unwrap_or(""), 60);
                super::rehome::naming(&super::rehome::keys(&text, 40), &opening).2 < 5
            };
        if let Some(c) = self.cur {
            // A head that breaks into a sentence cut at a clause (`…志愿者轮流来帮厨，`
            // / `栖林区新建口袋公园六个` / `今年以来，栖林区…新建口袋公园六个…`) over a
            // lede restating a run of five characters of it titles a story of its own
            // set inside the column of the story above, which goes on after it: no
            // section head breaks a sentence, and a story's lede restates its head.
            let d = &self.drafts[c];
            if !placed
                && d.has_body()
                && !d.caption
                && d.paragraphs.len().checked_sub(1).is_some_and(|k| {
                    !d.intertitles.contains(&k) && cut_at_a_clause(&d.paragraphs[k])
                })
                && count_upto(&text, 6) >= 6
                && lede.is_some_and(|l| {
                    super::rehome::naming(
                        &super::rehome::keys(&text, 40),
                        &super::rehome::keys(l, 60),
                    )
                    .2 >= 5
                })
            {
                self.open_headed(
                    line,
                    "a head breaking into a sentence cut at a clause, restated by the text below",
                    text,
                    bullet,
                );
                return;
            }
            // A head that names the text below it and nothing of the finished article
            // above (`市青少年游泳锦标赛落幕` over `为期三天的…游泳锦标赛…`) titles a
            // short item of its own, not a section of the article above.
            // (Gathered when first asked: most heads fail the tests before it.)
            let label_pairs = std::cell::OnceCell::new();
            let label = || label_pairs.get_or_init(|| label_bigrams(&text)).as_slice();
            // (A roundup's short labels, `南渠区`, stay labels: a title is longer.)
            if !under_lede
                && d.has_body()
                && count_upto(&text, 8) >= 8
                && !d.title.is_empty()
                && !d.caption
                && d.paragraphs.last().is_some_and(|p| is_complete(p))
                && below.is_some_and(|b| {
                    let opening = super::classify::head(b, 40);
                    label().iter().filter(|w| opening.contains(**w)).count() >= 2
                })
                && shared_bigrams(label(), d) == 0
            {
                self.open_headed(
                    line,
                    "a lone head that names the text below, not the article above",
                    text,
                    bullet,
                );
                return;
            }
            // A head whose words open the text below it far more than they occur in
            // the finished article above (`多家银行下调大额存单利率` over `近日，多家
            // 银行下调大额存单利率…`, after a commentary on savings that says `银行` and
            // `利率`) titles the next story, however long it runs: a lede restates its
            // head, while a section's head shares the story's words above it too.
            // (Three pairs at least: a section's `从“臭水沟”到“景观带”` over `…一条臭水沟…`
            // names two.)
            if !under_lede
                && d.has_body()
                && text.chars().filter(|&c| is_han(c)).count() >= 8
                && !d.title.is_empty()
                && !d.caption
                && d.paragraphs.last().is_some_and(|p| is_complete(p))
            {
                let opening = super::classify::head(lede.unwrap_or(""), 40);
                let named = label().iter().filter(|w| opening.contains(**w)).count();
                if named >= 3 && named > 3 * shared_bigrams(label(), d) {
                    self.open_headed(line, "a lone head whose words open the text below, far more than the article above", text, bullet);
                    return;
                }
            }
            // A head numbered next after the title above it (`2.…` under an item
            // titled `1.…`, its text finished) is the next item's title: the numbers
            // run through the titles of a numbered digest.
            if d.has_body()
                && !d.caption
                && d.paragraphs.last().is_some_and(|p| is_complete(p))
                && d.intertitles.is_empty()
                && numbered_next(head_number, &d.title, &text)
            {
                self.open_headed(
                    line,
                    "a head numbered next after the title above",
                    text,
                    bullet,
                );
                return;
            }
            // A head of the very shape of the title above, figures and brackets in
            // the same places (`阚素芹（1911—1996）` after the text of `缑念祖
            // （1903—1978）`: a name and the years of a life), is the next entry of a
            // run of such entries, not a section of the one above.
            if d.has_body()
                && !d.caption
                && d.paragraphs.last().is_some_and(|p| is_complete(p))
                && d.intertitles.is_empty()
                && d.title != text
                && same_shape(&d.title, &text)
            {
                self.open_headed(
                    line,
                    "a head of the same shape as the title above",
                    text,
                    bullet,
                );
                return;
            }
            let d = &mut self.drafts[c];
            if d.is_open() {
                if d.title.is_empty() && d.dateline && d.paragraphs.len() <= 3 && !d.caption {
                    d.entitle(text, bullet);
                    d.adopted_title = true;
                } else {
                    d.intertitles.push(d.paragraphs.len());
                    d.paragraphs.push(text);
                }
                self.headed = Some(c);
                return;
            }
        }
        if let Some(p) = self.pending.take() {
            let d = &mut self.drafts[p];
            d.absorbing = true;
            d.intertitles.push(d.paragraphs.len());
            d.paragraphs.push(text);
            self.cur = Some(p);
            self.headed = Some(p);
            return;
        }
        self.open_headed(
            line,
            "a lone head line after a closed article",
            text,
            bullet,
        );
    }

    /// A byline on its own line, not under a head.
    fn byline(&mut self, unit: &Unit<'_>) {
        let text = byline_text(unit).into_owned();
        match self.cur {
            // `编者按：…` between a head and its byline introduces the story: the
            // byline is the story's, and its text follows.
            Some(c)
                if self.drafts[c].paragraphs.len() == 1
                    && self.drafts[c].byline.is_empty()
                    && self.drafts[c].paragraphs[0].starts_with("编者按") =>
            {
                self.drafts[c].byline = text;
                self.headed = Some(c);
            }
            Some(c) if self.drafts[c].has_body() => {
                let d = &mut self.drafts[c];
                if d.byline.is_empty() || d.credit {
                    d.byline = text;
                    d.credit = false;
                } else {
                    d.paragraphs.push(text);
                }
                if !d.absorbing {
                    d.closed = true;
                }
                self.headed = None;
            }
            Some(c) => {
                let d = &mut self.drafts[c];
                d.own_byline = true;
                if d.byline.is_empty() {
                    d.byline = text;
                } else {
                    d.byline.push(' ');
                    d.byline.push_str(&text);
                }
            }
            None => {
                let d = self.open(unit.line, "a byline before any article");
                self.drafts[d].byline = text;
                self.headed = Some(d);
            }
        }
    }

    /// A photo credit alone on its line (`本报记者 冯一鸣 摄`) credits the caption
    /// above it: a titled article that is only that caption is a photo; a short
    /// last paragraph of a longer article is a photo of its own.
    fn photo_credit(&mut self, unit: &Unit<'_>, credit: &str) -> bool {
        let Some(c) = self.cur else {
            return false;
        };
        let d = &self.drafts[c];
        if d.caption || !d.has_body() || d.intertitles.last() == Some(&(d.paragraphs.len() - 1)) {
            return false;
        }
        let last = d.paragraphs.len() - 1;
        let caption = &d.paragraphs[last];
        let short = fits_a_caption(caption) && is_complete(caption);
        if !short {
            return false;
        }
        // A photo group (`①…` / `②…` under one title): the credit is the group's.
        let group = last > 0
            && d.intertitles.is_empty()
            && d.paragraphs.iter().all(|p| p.starts_with(CIRCLED));
        // A writer's name on its own line under the head (`□ 稻畦生`, `庹栎安`; no
        // reporter's, no credit) signs the piece, not its one paragraph: that is a
        // caption printed under the head (a PDF's columns read out of order), a
        // photo of its own, and the piece keeps its heads and its writer.
        let signed = d.own_byline
            && !d.credit
            && !d.title.is_empty()
            && !lexicon().holds_kind_word(KindList::NewsroomWords, &d.byline)
            && !is_drawing_credit(&d.byline);
        if (last == 0 && d.intertitles.is_empty() && !signed) || group {
            self.drafts[c].close_as_photo(credit.to_string());
            self.headed = None;
            return true;
        }
        // A photo group at the article's end (`①…` / `②…` under a head of its own,
        // the credit under the last): the group's captions from the first.
        let mut first = last;
        if caption.starts_with(CIRCLED) {
            while first > 0
                && !d.intertitles.contains(&(first - 1))
                && d.paragraphs[first - 1].starts_with(CIRCLED)
                && fits_a_caption(&d.paragraphs[first - 1])
            {
                first -= 1;
            }
            if !d.paragraphs[first].starts_with('①') {
                first = last;
            }
        }
        // A short head right above the caption (`白鹭翩翩` / `6月7日，…` / `… 摄`)
        // titles the photo rather than ending the article above as a section.
        // (Not a letter's signature, `苕岗县松垭乡　杜守成`, nor a stray character.)
        let titled = first > 0
            && d.intertitles.last() == Some(&(first - 1))
            && is_photo_title(&d.paragraphs[first - 1]);
        // A group is a photo of its own only under such a head.
        if first < last && !titled {
            first = last;
        }
        let text: Vec<String> = self.drafts[c].paragraphs.drain(first..).collect();
        for k in first..=last {
            self.dangling.remove(c, k);
        }
        let title = if titled {
            let d = &mut self.drafts[c];
            d.intertitles.pop();
            self.dangling.remove(c, first - 1);
            d.paragraphs.pop().unwrap_or_default()
        } else {
            String::new()
        };
        let line = unit.line;
        let pending = self.pending;
        let p = self.open(line, "a caption over its photo credit line");
        self.pending = pending;
        let draft = &mut self.drafts[p];
        draft.close_as_photo(credit.to_string());
        draft.title = title;
        draft.paragraphs.extend(text);
        self.headed = None;
        true
    }

    /// A photo caption: its own article when it stands apart.
    fn caption(&mut self, units: &[Unit<'_>], classes: &[Class], i: usize) {
        let unit = &units[i];
        if let Some(credit) = &classes[i].credit
            && credit.as_str() == unit.text.as_ref()
            && self.photo_credit(unit, credit)
        {
            return;
        }
        let cur_open = self
            .cur
            .is_some_and(|c| self.drafts[c].is_open() && self.drafts[c].has_body());
        // The current article's last paragraph is finished (and it is no titled
        // photo, whose first caption's credit closes the photo's group); and what
        // stands below the caption.
        let after_finished = self.cur.is_some_and(|c| {
            let d = &self.drafts[c];
            d.paragraphs.last().is_some_and(|p| is_complete(p)) && !is_titled_photo(d)
        });
        let below = next_significant(classes, i + 1);
        let picture_note =
            classes[i].credit.is_none() && super::classify::starts_picture_note(&unit.text);
        // A credited caption after an article's last paragraph, the next story's
        // head (or the page's end) right below it, is a photo of its own.
        let ends_run = classes[i].credit.is_some()
            && after_finished
            && below.is_none_or(|n| matches!(classes[n].role, Role::Head | Role::DocBreak));
        // A `图为…` caption over its picture's credit on a line of its own (`图/文
        // 晚报记者 蒲公英`, `本报记者 … 摄`) is a photo of its own.
        let credited_below = picture_note
            && below.is_some_and(|n| {
                let text: &str = &units[n].text;
                classes[n].credit.as_deref() == Some(text)
                    || text
                        .strip_prefix('图')
                        .is_some_and(super::classify::sets_off_picture_credit)
            });
        // An uncredited `图为…` caption after an article's finished paragraph, the
        // page's end or the next story's head right below it, is a photo of its own
        // too: pages printed without blank lines keep nothing else between them.
        let note_ends_run = picture_note
            && after_finished
            && below.is_none_or(|n| match classes[n].role {
                // (Not over a lone character: a credit torn by the width, `晚` / `报记者 … 摄`.)
                Role::Head => units[n]
                    .text
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .nth(1)
                    .is_some(),
                Role::DocBreak => true,
                _ => false,
            });
        // A credited caption right under the mark a print left for its picture
        // (`![新闻图片](pic4.jpg)`, `[pic]`), the next story's head (or the page's
        // end) right below it, is that picture's: a photo of its own, whatever the
        // text above it was (an unfinished item of a list too). (Text of the story
        // below it makes it the story's own picture.)
        let under_picture = classes[i].credit.is_some()
            && i > 0
            && matches!(classes[i - 1].role, Role::Noise)
            && super::blocks::is_picture_mark(&units[i - 1].text)
            && below.is_none_or(|n| matches!(classes[n].role, Role::Head | Role::DocBreak));
        let ends_run = ends_run || credited_below || note_ends_run || under_picture;
        // A caption set close inside a running article is that article's photo.
        if unit.gap < 2 && cur_open && !ends_run {
            let mut class = classes[i].clone();
            let credit = class.credit.take();
            // The last caption of a titled photo group credits the group.
            let group = self.cur.filter(|&c| is_titled_photo(&self.drafts[c]));
            let size = |d: &Draft| d.paragraphs.iter().map(String::len).sum::<usize>();
            let before = group.map(|c| size(&self.drafts[c]));
            self.body(unit, &class);
            // (Only when the caption went to that photo: `body` may bond it elsewhere.)
            let group = group.filter(|&c| Some(size(&self.drafts[c])) > before);
            if let (Some(c), Some(credit)) = (group, credit) {
                self.drafts[c].close_as_photo(credit);
            }
            return;
        }
        // A caption right under a head with no text yet is that head's photo.
        if let Some(h) = self.headed
            && !self.drafts[h].has_body()
            && !self.drafts[h].title.is_empty()
            && classes[i].credit.is_some()
        {
            let draft = &mut self.drafts[h];
            draft.caption = true;
            draft.closed = true;
            if draft.byline.is_empty() {
                draft.byline = classes[i].credit.clone().unwrap_or_default();
            }
            draft.paragraphs.push(unit.text.to_string());
            self.headed = None;
            return;
        }
        let pending = self.pending;
        let d = self.open(unit.line, "a photo caption standing apart");
        self.pending = pending;
        let draft = &mut self.drafts[d];
        draft.close_as_photo(classes[i].credit.clone().unwrap_or_default());
        draft.paragraphs.push(unit.text.to_string());
        self.headed = None;
    }

    /// A body paragraph.
    fn body(&mut self, unit: &Unit<'_>, class: &Class) {
        self.paragraph(unit, class, false);
    }

    /// A body paragraph; `title_cut_in`: a dateline lede that has its own title
    /// printed inside its text, in a cut sentence (see [`title_cut_in_ahead`]), so
    /// it opens an article rather than going on with the one running.
    fn paragraph(&mut self, unit: &Unit<'_>, class: &Class, title_cut_in: bool) {
        let text: &str = &unit.text;
        let headed = self.headed.take();
        let target = if class.dateline.is_some() || class.jump_in {
            match headed {
                Some(h) if !self.drafts[h].has_body() && !self.drafts[h].caption => h,
                // A further dispatch of a titled article still running (a roundup of
                // reports from several places) stays in it.
                _ if !class.jump_in && self.runs_on() && !title_cut_in => {
                    self.cur.unwrap_or_default()
                }
                _ => {
                    let why = if class.jump_in {
                        "a paragraph opening with (上接…)"
                    } else {
                        "a dateline lede (本报讯…) with no head waiting"
                    };
                    let d = self.open(unit.line, why);
                    self.drafts[d].jump_in = class.jump_in;
                    d
                }
            }
        } else {
            match headed {
                Some(h) if !self.drafts[h].has_body() => h,
                _ => match self
                    .continuation(text, headed)
                    .or_else(|| self.cohesive_resume(text))
                {
                    Some((d, p)) => {
                        if self.cur.is_some_and(|c| c != d) && !opens_mid_sentence(text) {
                            self.drafts[d].wording = true;
                        }
                        self.join(d, p, unit, class);
                        return;
                    }
                    None => self.flow_target(unit.line, text),
                },
            }
        };
        self.push(target, unit, class);
    }

    /// The current article is titled, open and its last paragraph complete.
    fn runs_on(&self) -> bool {
        self.cur.is_some_and(|c| {
            let d = &self.drafts[c];
            !d.closed
                && !d.title.is_empty()
                && !d.caption
                && !d.date_item
                && d.has_body()
                && d.paragraphs
                    .last()
                    .is_some_and(|p| is_complete(p) || caption_credit(p).is_some())
        })
    }

    /// Which dangling paragraph (if any) `text` continues.
    fn continuation(&mut self, text: &str, headed: Option<usize>) -> Option<(usize, usize)> {
        let drafts = &self.drafts;
        let cur_dangling = self.cur.and_then(|c| {
            let d = &drafts[c];
            let last = d.paragraphs.len().checked_sub(1)?;
            // A caption ended by its photo credit (`…秧苗。本报记者 郦晓岚 摄`) is
            // finished: the next caption below it is a photo of its own.
            (!d.intertitles.contains(&last)
                && !d.box_of_rows
                && !is_complete(&d.paragraphs[last])
                && !is_field_row(&d.paragraphs[last])
                && caption_credit(&d.paragraphs[last]).is_none())
            .then_some((c, last))
            .or_else(|| self.dangling.last_of(c))
        });
        let prefer = headed.or(self.cur);
        let bonded = self.dangling.best(text, prefer, |d, p| {
            drafts
                .get(d)
                .and_then(|x| x.paragraphs.get(p))
                .map(String::as_str)
        });
        if bonded.is_some() {
            return bonded;
        }
        // Two cut paragraphs and no word across either cut (`电线穿|管改造` next to
        // `处以|2000元`): the text continues the one whose article it reads like.
        if let Some((c, _)) = cur_dangling
            && let Some(other) = self.dangling.last_other(c)
        {
            let probe = probe(text);
            let here = self.drafts[c].cohesion(&probe);
            let there = self.drafts[other.0].cohesion(&probe);
            if there >= 2 && there > here {
                return Some(other);
            }
        }
        cur_dangling
    }

    /// A paragraph that bonds with no cut paragraph may still resume the article
    /// just left (interleaved layout) when it reads more like that article.
    fn cohesive_resume(&mut self, text: &str) -> Option<(usize, usize)> {
        let c = self.cur?;
        let (d, p) = self.dangling.last_other(c)?;
        // Interleaving shows soon after the other article starts.
        let cd = &self.drafts[c];
        if cd.paragraphs.len().saturating_sub(cd.intertitles.len()) > 3 {
            return None;
        }
        let probe = probe(text);
        let here = self.drafts[c].cohesion(&probe);
        let there = self.drafts[d].cohesion(&probe);
        (there >= 2 && there > here).then_some((d, p))
    }

    /// The current article is an untitled item (no title, no kicker, no caption)
    /// whose last paragraph is finished.
    fn finished_untitled_item(&self) -> bool {
        self.cur.is_some_and(|c| {
            let d = &self.drafts[c];
            d.title.is_empty()
                && d.kicker.is_empty()
                && !d.caption
                && d.has_body()
                && d.paragraphs.last().is_some_and(|p| is_complete(p))
        })
    }

    /// The current article is a brief (one or two paragraphs, no sections) and its
    /// last paragraph is finished.
    fn ends_brief(&self) -> bool {
        self.cur.is_some_and(|c| {
            let d = &self.drafts[c];
            d.has_body()
                && d.intertitles.is_empty()
                && d.paragraphs.len() <= 2
                && d.paragraphs.last().is_some_and(|p| is_complete(p))
        })
    }

    /// The current article is an item of a run whose items open with `b`, and its
    /// last paragraph is finished: what opens with `b` next is the next item. A
    /// caption's `▲图为…` lines are the caption's, not items.
    fn ends_an_item_of_bullet(&self, b: char) -> bool {
        self.cur.is_some_and(|c| {
            let d = &self.drafts[c];
            d.has_body()
                && !d.caption
                && d.opening_bullet() == Some(b)
                && d.paragraphs.last().is_some_and(|p| is_complete(p))
        })
    }

    /// `text` opens with the bullet the current article's items open with, after
    /// its finished paragraph (`▲潏川至岵阳高铁完成静态验收` over its paragraph,
    /// then `▲全省首批十家老年助餐示范点近日挂牌，…`): it is the next item.
    fn next_bulleted_item(&self, text: &str) -> bool {
        leading_bullet(text).is_some_and(|b| self.ends_an_item_of_bullet(b))
    }

    /// Where a paragraph that continues nothing goes.
    fn flow_target(&mut self, line: usize, text: &str) -> usize {
        if self.next_bulleted_item(text) {
            return self.open(line, "a paragraph opening with the bullet of its items");
        }
        // `2．潏川省公布第三批…。` after the finished item `1．岵阳建成…` (its title or,
        // untitled, its paragraph so numbered): the next item of a numbered digest,
        // untitled, whatever its words share with the one before.
        if let Some(c) = self.cur
            && self.drafts[c].numbers_item_before(text)
        {
            return self.open(
                line,
                "a paragraph numbered next after the numbered item before it",
            );
        }
        // An untitled item under a banner ends with its paragraph.
        if self.items && self.finished_untitled_item() {
            return self.open(line, "an untitled item under a banner");
        }
        // Under a banner, a paragraph opening with a bullet after a brief's
        // finished text (`■樗城市档案馆近日…` below a titled brief) is the next item.
        // (`▲图为…` is a caption of the story's picture; items that open with another
        // bullet keep it. A head over bulleted lines, `数据` over `■1月8日，…`, is
        // a list: its lines are its text.)
        if self.banner
            && let Some(b) = leading_bullet(text)
            && !super::classify::starts_picture_note(&text[b.len_utf8()..])
            && self.ends_brief()
            && self.cur.is_some_and(|c| {
                let d = &self.drafts[c];
                d.opening_bullet().is_none_or(|o| o == b)
                    && d.paragraphs
                        .first()
                        .is_none_or(|p| leading_bullet(p).is_none())
            })
        {
            return self.open(line, "a bulleted item under a banner");
        }
        if let Some(c) = self.cur
            && self.drafts[c].is_open()
            && !self.drafts[c].caption
        {
            if let Some(r) = self.rival
                && r != c
                && self.drafts[r].is_open()
            {
                let probe = probe(text);
                let here = self.drafts[c].cohesion(&probe);
                let there = self.drafts[r].cohesion(&probe);
                if there > here {
                    self.rival = Some(c);
                    self.cur = Some(r);
                    self.drafts[r].wording = true;
                    return r;
                }
            }
            return c;
        }
        if let Some(p) = self.pending.take() {
            self.drafts[p].absorbing = true;
            self.cur = Some(p);
            return p;
        }
        self.open(line, "text with no open article to join")
    }

    /// Append `unit` to paragraph `p` of draft `d` (a column break is healed).
    fn join(&mut self, d: usize, p: usize, unit: &Unit<'_>, class: &Class) {
        if let Some(c) = self.cur
            && c != d
        {
            self.rival = Some(c);
        }
        let draft = &mut self.drafts[d];
        draft.paragraphs[p].push_str(&unit.text);
        self.dangling.remove(d, p);
        // A box's row of fields that ends the paragraph leaves nothing cut.
        if !class.complete && !is_field_row(&unit.text) {
            self.dangling.push(d, p);
        }
        self.after_text(d, p, class);
        self.cur = Some(d);
    }

    fn push(&mut self, d: usize, unit: &Unit<'_>, class: &Class) {
        let draft = &mut self.drafts[d];
        if draft.paragraphs.is_empty() && draft.title.is_empty() && draft.kicker.is_empty() {
            draft.line = unit.line;
            draft.shown_at = unit.line;
        }
        if let Some(dl) = &class.dateline
            && !draft.has_body()
        {
            draft.dateline = true;
            if draft.byline.is_empty() && !dl.is_empty() {
                draft.byline = dl.clone();
            }
        }
        draft.paragraphs.push(unit.text.to_string());
        let p = draft.paragraphs.len() - 1;
        if !class.complete && !is_field_row(&unit.text) {
            self.dangling.push(d, p);
        }
        self.after_text(d, p, class);
        self.cur = Some(d);
    }

    /// Close an article on a trailing credit or a jump marker (paragraph `p` of
    /// draft `d` just took the text). A reader's question (`问：…？（某某镇 读者
    /// 某某）`) names who asks, not who wrote: its answer follows.
    fn after_text(&mut self, d: usize, p: usize, class: &Class) {
        let draft = &mut self.drafts[d];
        let asks = draft
            .paragraphs
            .get(p)
            .is_some_and(|t| is_question_label(t));
        if let Some(credit) = class.credit.as_ref().filter(|_| !asks) {
            // (A reprint note, `(《某报》11月3日2版刊发)`, ends the text, signing nothing.)
            let reprint = super::classify::is_reprint_note(credit);
            if (draft.byline.is_empty() || draft.credit) && !reprint {
                draft.byline = credit.clone();
                draft.credit = true;
            }
            draft.closed = true;
            draft.absorbing = false;
        }
        if class.jump_out {
            draft.closed = true;
            draft.absorbing = false;
            draft.jump_out = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::segment::segment_issue;

    /// A page's articles and their titles, in the page's order.
    fn titles_of(page: &str) -> (Vec<Article>, Vec<String>) {
        let a = segment_issue(page, "k");
        let titles = a.iter().map(|a| a.title.clone()).collect();
        (a, titles)
    }

    /// Each article's kicker and title, in the page's order.
    fn heads(a: &[Article]) -> Vec<(&str, &str)> {
        a.iter()
            .map(|a| (a.kicker.as_str(), a.title.as_str()))
            .collect()
    }

    /// Each article's kicker, title and byline, in the page's order.
    fn kicker_title_byline(a: &[Article]) -> Vec<(&str, &str, &str)> {
        a.iter()
            .map(|a| (a.kicker.as_str(), a.title.as_str(), a.byline.as_str()))
            .collect()
    }

    /// A calendar box's last row of fields (`节气：大雪第六天`) ends no sentence, yet
    /// nothing goes on from it: the serial's text below, under a head of its own,
    /// stays the serial's though `…第六天` / `天还没亮…` makes a word (天天).
    #[test]
    fn a_box_row_of_fields_takes_no_text_from_below() {
        let page = "今日黄历\n\n2026年12月12日　星期六　农历冬月初三\n\n宜：出行　会友　纳财　　忌：动土　安葬\n\n节气：大雪第六天\n\n长篇连载\n\n《江上谣》\n\n禹南枝\n\n上期回顾：老艄公病倒了，渡船停了三天。\n\n第十四章　冬渡\n\n天还没亮，阿满就到了渡口。江面上起了雾。\n\n他解开缆绳，竹篙往江底一点，渡船慢慢离了岸。\n";
        let a = segment_issue(page, "k");
        let body = |t: &str| {
            a.iter()
                .find(|x| x.title == t)
                .map(|x| x.paragraphs.concat())
                .unwrap_or_default()
        };
        assert!(!body("今日黄历").contains("天还没亮"), "{a:#?}");
        assert!(body("《江上谣》").contains("天还没亮"), "{a:#?}");
    }

    /// A head after the one finished paragraph of a box titled with a notice's word
    /// alone (`更正`) opens the next box; a numbered head under a notice's first
    /// paragraph stays its section.
    #[test]
    fn a_head_after_a_one_paragraph_notice_box_opens_the_next_box() {
        let page = "更正\n\n本报昨日第三版《蘧湖新添观鸟台》一文，“南岸”应为“北岸”。\n\n今日天气\n\n多云转晴，东南风二级，气温15℃到24℃。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["更正", "今日天气"], "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 1, "{a:#?}");
        let page = "公告\n\n本中心面向社会招聘编外工作人员五名，有关事项如下。\n\n一、招聘岗位\n\n全科医生两名，护士三名。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
    }

    /// Service boxes set one under another as short lines (a label over rows of
    /// fields apart by spaces or after a colon) are one box each, the rows their
    /// text; the signature above the first label closes the notice above, and the
    /// head under the last box's rows opens the next article.
    #[test]
    fn service_boxes_in_a_run_of_short_lines_are_one_box_each() {
        let page = "蘧桥夜间封桥检测\n\n为保障桥梁安全，6月10日至14日每晚封桥检测。\n\n蘧州交警支队\n\n蘧州天气\n\n8日 阵雨转多云 20-26℃\n\n9日 多云 21-29℃\n\n体彩开奖\n\n排列3第31151期:4 7 2\n\n七星彩第31064期:8 1 5 0 6 3\n\n寻物启事\n\n本人于5月31日下午在蘧州公园南门遗失黑色背包一个，请拾到者联系。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["蘧桥夜间封桥检测", "蘧州天气", "体彩开奖", "寻物启事"],
            "{a:#?}"
        );
        assert_eq!(
            a[1].paragraphs,
            ["8日 阵雨转多云 20-26℃", "9日 多云 21-29℃"]
        );
        assert_eq!(a[3].paragraphs.len(), 1, "{a:#?}");
        // A box's label over its rows and a remark: the remark is the box's.
        let page = "本周限号\n\n6月2日（周一） 1和6\n\n6月3日（周二） 2和7\n\n6月4日（周三） 3和8\n\n6月5日（周四） 4和9\n\n限行时间为每天7时至20时，范围为二环路以内。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].title, "本周限号");
        assert_eq!(a[0].paragraphs.len(), 5, "{a:#?}");
        assert_eq!(a[0].paragraphs[3], "6月5日（周四） 4和9", "{a:#?}");
        assert_eq!(
            a[0].paragraphs[4], "限行时间为每天7时至20时，范围为二环路以内。",
            "{a:#?}"
        );
    }

    /// A list's rows under its title end where a head of another shape stands: that
    /// head opens the next article, no section of the list.
    #[test]
    fn a_head_under_a_lists_rows_opens_the_next_article() {
        let page = "县城至各乡镇班车夏季时刻\n\n县城—蘧村镇　首班6时10分　末班18时\n\n县城—蘧田乡　首班6时40分　末班17时30分\n\n县城—蘧岭景区　首班7时30分　末班17时\n\n致全县献血志愿者的感谢信\n\n5月以来，全县共有六百多名市民参加无偿献血。\n\n县中心血站向每一位献血者表示感谢。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["县城至各乡镇班车夏季时刻", "致全县献血志愿者的感谢信"],
            "{a:#?}"
        );
    }

    /// A kicker printed on two lines at a page's top under the page's section label,
    /// over a title with its subtitle or byline, is one kicker, its lines joined with
    /// nothing; the label is none of it, and the four lines stay one head stack (no
    /// untitled text of the label and the kicker's first line). Two lines alone over
    /// the title keep the line right over it as the kicker.
    #[test]
    fn a_kicker_on_two_lines_at_a_pages_top_is_one_kicker() {
        let page = "\n菘原日报 2033年3月8日 星期二 第4版\n\n城乡·建设\n\n老渡口边的早市\n\n又热闹了\n\n菘水东岸早市三个月迎客二十万人次\n\n——一个渡口集市的新生\n\n本报记者 蔺秋帆\n\n清晨六点，菘水东岸的早市已经摆开了摊位，卖菜的、卖鱼的、卖竹器的沿着老渡口排出一里多长。\n\n早市去年冬天由街道牵头重新规划，摊位统一编号，每天收市后有专人清扫。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].kicker, "老渡口边的早市又热闹了", "{a:#?}");
        assert_eq!(a[0].title, "菘水东岸早市三个月迎客二十万人次", "{a:#?}");
        let page = page.replace("城乡·建设\n\n", "");
        let a = segment_issue(&page, "k");
        assert_eq!(a[0].kicker, "又热闹了", "{a:#?}");
    }

    /// A section's name at a page's top (`澹水·副刊`, two words of two characters
    /// joined by a middle dot) heads the page, not its first piece; a column's label
    /// over a later piece stays that piece's kicker. A jumped story's continuation
    /// under a page's label (`乡村振兴` over `（上接第1版）…`) carries no kicker.
    #[test]
    fn a_section_name_at_the_top_and_a_continuations_label_are_no_kickers() {
        let page = "菘水·副刊\n\n外婆的竹椅\n\n蔺小禾\n\n外婆的竹椅是外公年轻时亲手编的，用了五十多年，扶手早就被磨得发亮。\n\n每年夏天，外婆都坐在竹椅上摇着蒲扇，给我们讲菘水边的老故事。\n\n走读菘原\n\n古桥下的石板路\n\n文/图 蔺秋帆\n\n古桥建于明代，桥下的石板路通向当年的码头，如今成了游客最爱走的一段路。\n\n沿着石板路往东，还能看到两座清代的石牌坊。\n";
        let a = segment_issue(page, "k");
        assert_eq!(
            heads(&a),
            [("", "外婆的竹椅"), ("走读菘原", "古桥下的石板路")],
            "{a:#?}"
        );
        let page = "乡村振兴\n\n全县八万亩油菜进入花期\n\n本报记者 蔺秋帆\n\n（上接第1版）县农业农村局组织农技人员下田指导，帮助种植户防治菌核病。\n\n县里还将在花期举办油菜花节，带动乡村旅游。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a[0].title, "全县八万亩油菜进入花期", "{a:#?}");
        assert_eq!(a[0].kicker, "", "{a:#?}");
    }

    /// A kind's bare name printed once at a page's top (`评论`, `读者来信`) names
    /// the band of pieces under it: no kicker of the first (whose kind stays the
    /// band's), and filed as the page's furniture; a column's own label in the band
    /// stays its piece's kicker. Printed again over a later piece, the name is each
    /// piece's kicker; over a page of two pieces, or of pieces parted by another
    /// kind's name under the first, it is the first one's.
    #[test]
    fn a_kinds_name_over_a_band_is_the_pages_label() {
        let page = "评论\n\n老街改造要留住烟火气\n\n本报评论员\n\n老街改造，改的是房子，留的是人情。拆掉重建容易，留住烟火气难。\n\n筠水短评\n\n分类投放要成习惯\n\n渚石\n\n垃圾分类推行三年，小区里的分类桶已经配齐，可投放习惯还没养成。\n\n社区养老需要更多专业力量\n\n太史砚田\n\n社区养老服务站越建越多，缺的是懂护理的专业人员。\n\n共享单车也要守规矩\n\n麦穗生\n\n共享单车方便了出行，乱停乱放却让人头疼。\n";
        let a = segment_issue(page, "k");
        assert_eq!(
            heads(&a),
            [
                ("", "老街改造要留住烟火气"),
                ("筠水短评", "分类投放要成习惯"),
                ("", "社区养老需要更多专业力量"),
                ("", "共享单车也要守规矩"),
            ],
            "{a:#?}"
        );
        assert_eq!(a[0].kind, crate::article::Kind::Commentary, "{a:#?}");
        assert_every_line_held(page);
        let twice = page.replace("筠水短评", "评论");
        let a = segment_issue(&twice, "k");
        assert_eq!(a[0].kicker, "评论", "{a:#?}");
        assert_eq!(a[1].kicker, "评论", "{a:#?}");
        // Another kind's name under the first piece (`编后`, `来信摘登`) ends the
        // name's reach: it heads only the pieces over that one, no band.
        let parted = page.replace("筠水短评", "编后");
        let a = segment_issue(&parted, "k");
        assert_eq!(a[0].kicker, "评论", "{a:#?}");
        // One letter and its reply are no band: the label stays the letter's.
        let (one, _) = page.split_at(page.find("社区养老").unwrap_or(page.len()));
        let a = segment_issue(one, "k");
        assert_eq!(a[0].kicker, "评论", "{a:#?}");
    }

    /// A title broken over two lines under a column's label, over its subtitle and
    /// byline, is one title under that label; a short line over a much longer title
    /// under a page's label stays the kicker, and a column's label under the page's
    /// section is the kicker of a one-line title.
    #[test]
    fn a_title_on_two_lines_under_a_column_label_is_one_title() {
        let page = "今日关注\n\n菘水两岸百座冷库\n\n“冻”住了山里的好收成\n\n——菘亭县建设产地冷链设施见闻\n\n本报记者　禤砚池\n\n本报菘亭11月17日讯　天刚亮，菘亭县桧坪乡的冷库门口已排起了三轮车。\n";
        let a = segment_issue(page, "k");
        assert_eq!(
            heads(&a),
            [("今日关注", "菘水两岸百座冷库“冻”住了山里的好收成")],
            "{a:#?}"
        );
        assert_eq!(a[0].subtitle, "——菘亭县建设产地冷链设施见闻", "{a:#?}");
        let page = page
            .replace("今日关注", "法治在线")
            .replace("菘水两岸百座冷库", "守护“钱袋子”")
            .replace("“冻”住了山里的好收成", "菘阳警方一周追回电诈资金三百余万元");
        let a = segment_issue(&page, "k");
        assert_eq!(
            heads(&a),
            [("守护“钱袋子”", "菘阳警方一周追回电诈资金三百余万元")],
            "{a:#?}"
        );
        let page = "城事\n\n民生热线\n\n苜蓿巷积水问题解决了\n\n晚报记者 段干泊舟\n\n前几天的一场大雨过后，菘榈区苜蓿巷口不再积水了。\n";
        let a = segment_issue(page, "k");
        assert_eq!(heads(&a), [("民生热线", "苜蓿巷积水问题解决了")], "{a:#?}");
    }

    /// Of the head lines stacked over a title, the one right over it is the story's
    /// kicker; a page's or section's label over that one is none of the story's
    /// (`体育` over `苘超联赛第十轮`). Two parallel halves of a slogan stay one kicker.
    #[test]
    fn the_label_over_a_kicker_is_no_part_of_it() {
        let page = "\n苘城晚报 2031年5月16日 星期五 第15版\n\n体育\n\n苘超联赛第十轮\n\n苘洲队主场逆转蓟阳队\n\n晚报记者 栾一舟\n\n5月15日晚，蓟城足球联赛第十轮在市体育中心进行，蓟城队主场2比1逆转苘口队。\n\n下一轮，蓟城队将客场挑战苕溪队。\n\n优化营商环境\n\n服务市场主体\n\n一张网办成开办企业全部事项\n\n本报记者 葛青岚\n\n记者从市政务服务中心获悉，开办企业全部事项已实现一网通办，平均用时不到一天。\n";
        let a = segment_issue(page, "k");
        assert_eq!(
            heads(&a),
            [
                ("苘超联赛第十轮", "苘洲队主场逆转蓟阳队"),
                ("优化营商环境 服务市场主体", "一张网办成开办企业全部事项"),
            ],
            "{a:#?}"
        );
    }

    /// A service box's fixed head (`温馨提示`, `天气`, `讣告`) over text after a
    /// finished notice opens a box of its own; under such a box, a head opens the
    /// next article, no section of the box.
    #[test]
    fn a_service_boxs_head_opens_a_box_and_a_head_under_it_the_next() {
        let page = "遗失声明\n\n蘧州市蘧滨区味香园餐馆营业执照副本遗失，声明作废。\n\n仉书语遗失蘧州职业技术学院学生证一本，特此声明。\n\n天气\n\n今天多云到阴，傍晚前后有阵雨，气温22℃至29℃。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["遗失声明", "天气"], "{a:#?}");
        let page = "温馨提示\n\n进入汛期，请不要到河道、水库游泳。\n\n遇到山洪、塌方等险情，请第一时间撤离。\n\n儿童节游园活动期间交通管制\n\n6月1日上午7时至12时，蘧水大桥东桥头至县文化广场禁止机动车通行。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["温馨提示", "儿童节游园活动期间交通管制"], "{a:#?}");
    }

    /// Text signed on a line of its own over a date alone, with no text under the
    /// date, ends there (an obituary, a letter of thanks): the head below opens the
    /// next article.
    #[test]
    fn a_signature_over_a_date_closes_any_text() {
        let page = "讣告\n\n蘧山县第一中学原语文教师谯北辰先生，因病于2031年5月28日逝世，享年八十六岁。\n\n谯北辰先生从教四十一年，桃李满天下。\n\n谯北辰先生治丧小组\n\n2031年5月30日\n\n感谢信\n\n5月20日傍晚，我父亲在集市上突发疾病，一位护士及时施救。\n\n事后我们多方打听才找到这位护士。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["讣告", "感谢信"], "{a:#?}");
    }

    /// A box's head that a pattern of the lexicon's `box_heads` matches (`…天气`:
    /// `今明两天天气`) after a finished story opens the box, an article of its own,
    /// as the fixed heads do: no section of the story above.
    #[test]
    fn a_head_a_box_pattern_matches_opens_the_box() {
        let page = "筱州日报 2030年4月2日 星期二 第3版\n\n筱湖大桥夜间半幅封闭\n\n因桥面维修，4月3日至6日每晚22时至次日5时，筱湖大桥南半幅封闭施工。\n\n封闭期间，夜班公交改经筱湖隧道。市交警支队提醒驾驶员提前安排好线路。\n\n今明两天天气\n\n今天白天多云，夜里有小雨，气温12℃至19℃。\n\n明天小雨转阴，气温11℃至17℃。(筱州市气象台)\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["筱湖大桥夜间半幅封闭", "今明两天天气"], "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 2, "{a:#?}");
    }

    /// A signed story whose title ends as a box's head does (`…天气`) is no service box:
    /// its intertitles stay its sections.
    #[test]
    fn a_signed_story_titled_like_a_box_keeps_its_sections() {
        let page = "筱州日报 2030年1月8日 星期二 第3版\n\n今冬筱州为何多雾天气\n\n本报记者 钟叙\n\n入冬以来，筱州已出现十二个大雾天，比常年同期多五天。市气象台专家说，这与今冬冷空气偏弱有关。\n\n冷空气偏弱\n\n专家介绍，今冬影响我市的冷空气次数少、强度弱，近地面风力小，水汽不易扩散。\n\n湿度偏高\n\n十二月以来全市平均相对湿度达百分之八十五，比常年偏高六个百分点。\n\n专家提醒，大雾天气出行要减速慢行。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["今冬筱州为何多雾天气"], "{a:#?}");
    }

    /// A label at the top of a page over its first notice names the page's section
    /// (its notices and services below): no kicker of that notice. The same label
    /// over a story at the top stays the story's kicker, and a column's label over a
    /// notice inside the page stays that notice's.
    #[test]
    fn a_label_at_the_top_over_a_notice_is_the_pages_section() {
        let page = "筱州日报 2030年4月2日 星期二 第8版\n\n便民·资讯\n\n筱湖路片区停水通知\n\n因供水管道改造，4月4日8时至18时，筱湖路一带停止供水，请用户提前储水。\n\n筱州市自来水公司\n\n2030年4月1日\n\n更正\n\n本报3月30日第2版《春季植树》一文中“三千株”应为“三万株”，特此更正。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["筱湖路片区停水通知", "更正"], "{a:#?}");
        assert_eq!(a[0].kicker, "", "{a:#?}");
        let story = page
            .replace("筱湖路片区停水通知", "筱湖路老水管换新了")
            .replace("便民·资讯", "民生关注");
        let a = segment_issue(&story, "k");
        assert_eq!(a[0].title, "筱湖路老水管换新了", "{a:#?}");
        assert_eq!(a[0].kicker, "民生关注", "{a:#?}");
        // A label at the top over a first service box (its label over rows of
        // fields) names the page's section too.
        let page = "筱州晚报 2030年4月2日 星期二 第8版\n\n生活服务\n\n筱州未来三天天气\n\n3日 多云 12-20℃\n\n4日 小雨 11-17℃\n\n5日 晴 13-22℃\n\n寻物启事\n\n本人于4月1日下午在筱湖公园南门遗失黑色背包一个，请拾到者联系。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a[0].title, "筱州未来三天天气", "{a:#?}");
        assert_eq!(a[0].kicker, "", "{a:#?}");
    }

    /// Heads over the first of a run of service boxes that do not read as a signer
    /// (`便民服务` / `本周生活信息一览`) label the boxes: no text of the story above;
    /// the one right over the first box's label is its kicker.
    /// One that reads as a signer (`蘧州公路管理站`) signs the text running above,
    /// here an untitled one (the rest of a story from the column before), which
    /// no undated issuer's rule signs: only the service boxes' rule does.
    #[test]
    fn heads_over_service_boxes_sign_the_story_above_only_as_a_signer() {
        let page = "蘧桥夜间封桥检测\n\n为保障桥梁安全，6月10日至14日每晚封桥检测。\n\n便民服务\n\n本周生活信息一览\n\n蘧州天气\n\n8日 阵雨转多云 20-26℃\n\n9日 多云 21-29℃\n\n体彩开奖\n\n排列3第31151期:4 7 2\n\n七星彩第31064期:8 1 5 0 6 3\n\n寻物启事\n\n本人于5月31日下午在蘧州公园南门遗失黑色背包一个，请拾到者联系。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["蘧桥夜间封桥检测", "蘧州天气", "体彩开奖", "寻物启事"],
            "{a:#?}"
        );
        assert_eq!(a[0].paragraphs.len(), 1, "{a:#?}");
        assert_eq!(a[1].kicker, "本周生活信息一览", "{a:#?}");
        assert!(
            a.iter()
                .all(|a| !a.paragraphs.iter().any(|p| p == "便民服务")),
            "{a:#?}"
        );
        let page = page
            .replace("便民服务\n\n本周生活信息一览", "蘧州公路管理站")
            .replace("蘧桥夜间封桥检测\n\n", "");
        let (a, titles) = titles_of(&page);
        assert_eq!(titles, ["", "蘧州天气", "体彩开奖", "寻物启事"], "{a:#?}");
        assert_eq!(
            a[0].paragraphs.last().map(String::as_str),
            Some("蘧州公路管理站")
        );
        assert!(a[1].kicker.is_empty(), "{a:#?}");
    }

    /// The lines [`crate::segment::misheld_lines`] reports, as `text: printed n,
    /// held m`.
    fn misheld(articles: &[Article], e: &crate::segment::Explanation) -> Vec<String> {
        crate::segment::misheld_lines(articles, e)
            .iter()
            .map(|m| format!("{}: printed {}, held {}", m.line.text, m.printed, m.held))
            .collect()
    }

    /// Every line of `page`, as segmentation cuts it, is held as often as it is
    /// printed ([`crate::segment::misheld_lines`]): the page is cut once.
    fn assert_every_line_held(page: &str) {
        let (a, e) = crate::segment::explain_issue(page, "k");
        let found = misheld(&a, &e);
        assert!(found.is_empty(), "{found:?}\n{page}\n{a:#?}");
    }

    /// The check finds a line lost, a line split between two articles and a line
    /// held twice, which a check that each line is somewhere in some article's
    /// text let through.
    #[test]
    fn the_line_check_finds_a_line_lost_split_or_held_twice() {
        let page = "乡里的公路该修一修了\n\n我家住在菘口镇苎麻村，去县城的公路坑坑洼洼。\n\n桐岗县松垭乡　杜守成\n\n回音\n\n苎麻村公路下月动工\n\n记者从县交通运输局获悉，苎麻村公路改造工程下月动工。\n";
        let (a, e) = crate::segment::explain_issue(page, "k");
        assert!(misheld(&a, &e).is_empty(), "{a:#?}");
        assert_eq!(a.len(), 2, "{a:#?}");
        let mut lost = a.clone();
        lost[0].byline.clear();
        let mut split = a.clone();
        split[1].title = "苎麻村公路".into();
        split[1].paragraphs.insert(0, "下月动工".into());
        let mut twice = a.clone();
        twice[0].paragraphs.push("回音".into());
        for (broken, line) in [
            (lost, "桐岗县松垭乡　杜守成"),
            (split, "苎麻村公路下月动工"),
            (twice, "回音"),
        ] {
            let found = misheld(&broken, &e);
            assert!(
                found.len() == 1 && found[0].starts_with(line),
                "{found:?}\n{broken:#?}"
            );
        }
    }

    /// Lines of small pages of letters, replies, stories and service boxes: labels,
    /// titles, a letter's signature, bylines, text and a box's rows.
    const PIECES: [&str; 16] = [
        "读者来信",
        "回音",
        "公告·服务",
        "便民服务",
        "乡里的公路该修一修了",
        "苎麻村客车将增至每天四班",
        "全县八万亩油菜进入花期",
        "桐岗县松垭乡　杜守成",
        "菘原市民 蔺晓岚",
        "本报记者 蔺秋帆",
        "编辑同志：",
        "我家住在菘口镇苎麻村，去县城只有早晚两班客车，村里老人看病很不方便。",
        "记者从县交通运输局获悉，苎麻村客车下月起增至每天四班。",
        "菘原天气",
        "8日 阵雨转多云 20-26℃",
        "9日 多云 21-29℃",
    ];

    proptest::proptest! {
        /// Whatever the stack of heads under a page's first story, each time a
        /// line is printed it lands whole in one piece of one article, or is filed
        /// as the page's furniture: none vanishes, none is split, none is held
        /// twice (a label printed twice is held twice). (A byline alone over heads
        /// at the very top of a page, before any story, is still lost: left.)
        #[test]
        fn every_line_lands_in_an_article_or_the_furniture(
            picks in proptest::collection::vec(0..PIECES.len(), 1..20)
        ) {
            let page: String = std::iter::once("菘桥夜间封桥检测\n\n为保障桥梁安全，6月10日至14日每晚封桥检测。\n\n".to_string())
                .chain(picks.iter().map(|&i| format!("{}\n\n", PIECES[i])))
                .collect();
            assert_every_line_held(&page);
        }
    }

    /// A letter's signature (place and name on one line) under its text, over the
    /// next piece's kicker and title, signs the letter above (its byline); a page's
    /// label over the first kicker at the top is the page's furniture. No line is
    /// lost on the way.
    #[test]
    fn a_signature_over_the_next_kicker_signs_the_letter_above() {
        let page = "读者来信\n\n回音\n\n乡里的公路该修一修了\n\n编辑同志：\n\n我家住在菘口镇苎麻村，去县城的公路坑坑洼洼，一下雨就没法走。\n\n希望有关部门早日把这条路修好。\n\n桐岗县松垭乡　杜守成\n\n回音\n\n苎麻村公路下月动工\n\n本报记者 蔺秋帆\n\n记者从县交通运输局获悉，苎麻村公路改造工程下月动工，年底前完工。\n";
        let a = segment_issue(page, "k");
        assert_eq!(
            kicker_title_byline(&a),
            [
                ("回音", "乡里的公路该修一修了", "桐岗县松垭乡　杜守成"),
                ("回音", "苎麻村公路下月动工", "本报记者 蔺秋帆"),
            ],
            "{a:#?}"
        );
        assert_every_line_held(page);
    }

    /// A continuation's marker alone under its jump head (`（上接第1版）`,
    /// `◀上接A01版`): the head titles the continuation, and the marker, no text of
    /// it, is filed as the page's furniture, never lost.
    #[test]
    fn a_jump_marker_alone_under_its_head_is_the_furniture() {
        let page = "菘桥夜间封桥检测 全城保暖保供\n（上接第1版）\n　　市民出行要注意防寒保暖，驾车出行要注意路面结冰。\n　　记者从市城管局了解到，全市出动除冰车辆86台次。\n";
        let (a, e) = crate::segment::explain_issue(page, "k");
        assert_eq!(a[0].title, "菘桥夜间封桥检测 全城保暖保供", "{a:#?}");
        assert!(
            e.lines
                .iter()
                .any(|l| l.text == "（上接第1版）" && l.role == "noise"),
            "{e:#?}"
        );
        assert!(misheld(&a, &e).is_empty(), "{a:#?}");
        // A marker with text after it on its line is no furniture: its text is kept.
        let page = "菘桥夜间封桥检测 全城保暖保供\n◀上接A01版开发区管委会把\n　　菘桥改造方案已报市政府审定，下月开工。\n";
        let (_, e) = crate::segment::explain_issue(page, "k");
        assert!(
            e.lines
                .iter()
                .all(|l| !(l.text.contains("开发区管委会把") && l.role == "noise")),
            "{e:#?}"
        );
    }

    /// A paper's name the lexicon's endings do not know (`菘塬报`, `菘　山　报`) at a
    /// page's top, over the page's date and number, is the masthead: no byline.
    #[test]
    fn an_unknown_papers_name_over_the_pages_date_is_the_masthead() {
        for name in ["菘塬报", "菘　山　报"] {
            let page = format!(
                "{name}\n\n2031年6月9日 第4版 公告\n\n菘塬路片区停水通知\n\n因供水管道改造，6月10日8时至18时，菘塬路一带停止供水，请用户提前储水。\n\n菘塬市自来水公司\n"
            );
            let a = segment_issue(&page, "k");
            assert!(
                a.iter().all(|a| a.byline != name && a.kicker != name),
                "{a:#?}"
            );
            assert_every_line_held(&page);
        }
    }

    /// A writer's name under a literary piece's head (`□ 菘畦生`) signs the piece;
    /// a caption and its credit printed under them (a PDF's columns read out of
    /// order) are a photo of their own, and the writer is not lost to the credit.
    #[test]
    fn a_caption_under_a_writers_name_is_a_photo_of_its_own() {
        let page = "乡土笔记\n\n腊月的碾房\n\n□ 菘畦生\n\n国画《菘乡冬日》，描绘了腊月里农家晾晒年货的场景。\n\n仉菘宁 作\n\n祖父的算盘\n\n祖父当了一辈子生产队会计，留下一把老算盘。\n\n如今算盘挂在我的书房里。\n";
        let a = segment_issue(page, "k");
        let piece = a.iter().find(|a| a.title == "腊月的碾房");
        assert_eq!(piece.map(|a| a.byline.as_str()), Some("□ 菘畦生"), "{a:#?}");
        assert!(
            a.iter().any(|a| a.byline == "仉菘宁 作"
                && a.paragraphs.first().is_some_and(|p| p.starts_with("国画"))),
            "{a:#?}"
        );
        assert_every_line_held(page);
    }

    /// Rows of a service box whose label was read as something else, over the next
    /// box's label, are a box of their own (no kicker of the next box, and none of
    /// them lost).
    #[test]
    fn rows_over_a_box_label_are_a_box_of_their_own() {
        let page = "菘桥夜间封桥检测\n\n为保障桥梁安全，6月10日至14日每晚封桥检测。\n\n菘阳 多云转阵雨 22至29℃ 东南风3级\n\n菘川 阵雨 21至27℃ 偏南风2级\n\n菘江 晴转多云 24至32℃ 南风3级\n\n6月6日夜间售药点\n\n菘坊区：仁和堂大药房 禾市街16号 0000-6012301\n\n菘桥区：百草园药店 菘湖东路208号 0000-6012302\n\n寻物启事\n\n本人于5月31日下午在菘州公园南门遗失黑色背包一个，请拾到者联系。\n";
        let a = segment_issue(page, "k");
        assert_every_line_held(page);
        let rows = a
            .iter()
            .find(|a| a.paragraphs.iter().any(|p| p.starts_with("菘阳")))
            .unwrap_or_else(|| panic!("{a:#?}"));
        assert!(
            rows.paragraphs.iter().any(|p| p.starts_with("菘江")),
            "{a:#?}"
        );
        assert!(a.iter().all(|a| a.kicker.is_empty()), "{a:#?}");
    }

    /// Over the first of a run of service boxes after a finished story, a short
    /// text's title over its lines and signer (`县城新添三座口袋公园` / `今年以来，…`
    /// / `蘧州公路管理站`) is a text of its own: no kicker of the first box, which
    /// takes one or two short heads at most.
    #[test]
    fn a_short_text_over_service_boxes_is_no_kicker() {
        let page = "蘧州老街改造完工\n\n历时八个月，蘧州老街改造工程日前完工，沿街商铺陆续开门迎客。\n\n县城新添三座口袋公园\n\n今年以来，县城见缝插绿\n\n蘧州公路管理站\n\n蘧州天气\n\n8日 阵雨转多云 20-26℃\n\n9日 多云 21-29℃\n\n体彩开奖\n\n排列3第31151期:4 7 2\n\n七星彩第31064期:8 1 5 0 6 3\n\n寻物启事\n\n本人于5月31日下午在蘧州公园南门遗失黑色背包一个，请拾到者联系。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            [
                "蘧州老街改造完工",
                "县城新添三座口袋公园",
                "蘧州天气",
                "体彩开奖",
                "寻物启事"
            ],
            "{a:#?}"
        );
        assert_eq!(
            a[1].paragraphs,
            ["今年以来，县城见缝插绿", "蘧州公路管理站"],
            "{a:#?}"
        );
        assert!(a[2].kicker.is_empty(), "{a:#?}");
    }

    /// A box's rows end where its shape ends: a head with one row under it between
    /// two boxes (`福彩3D` / `第2026150期:5 8 1`) is a box of its own, not rows of
    /// the box above.
    #[test]
    fn lines_between_service_boxes_are_a_box_of_their_own() {
        let page = "蘧桥夜间封桥检测\n\n为保障桥梁安全，6月10日至14日每晚封桥检测。\n\n蘧州天气\n\n8日 阵雨转多云 20-26℃\n\n9日 多云 21-29℃\n\n福彩3D\n\n第2026150期:5 8 1\n\n体彩开奖\n\n排列3第31151期:4 7 2\n\n七星彩第31064期:8 1 5 0 6 3\n\n寻物启事\n\n本人于5月31日下午在蘧州公园南门遗失黑色背包一个，请拾到者联系。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            [
                "蘧桥夜间封桥检测",
                "蘧州天气",
                "福彩3D",
                "体彩开奖",
                "寻物启事"
            ],
            "{a:#?}"
        );
        assert_eq!(
            a[1].paragraphs,
            ["8日 阵雨转多云 20-26℃", "9日 多云 21-29℃"]
        );
        assert_eq!(a[2].paragraphs, ["第2026150期:5 8 1"], "{a:#?}");
    }

    /// A head over a date under a finished story signs it only when it reads as a
    /// signer: `网络问政` over a date is the next item's head.
    #[test]
    fn only_a_signer_over_a_date_signs_a_finished_story() {
        let page = "蘧州老街改造完工\n\n历时八个月，蘧州老街改造工程日前完工，沿街商铺陆续开门迎客。\n\n网络问政\n\n2026年6月1日\n\n小区路灯何时修\n\n市民留言：小区门口的路灯坏了很久，什么时候修？\n\n区城管局答复：已安排维修，本周内修好。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["蘧州老街改造完工", "网络问政", "小区路灯何时修"],
            "{a:#?}"
        );
        assert_eq!(a[0].paragraphs.len(), 1, "{a:#?}");
        assert_eq!(a[1].paragraphs, ["2026年6月1日"], "{a:#?}");
        let page = page.replace("网络问政", "蘧州老街改造指挥部");
        let a = segment_issue(&page, "k");
        assert!(
            a[0].paragraphs.iter().any(|p| p == "蘧州老街改造指挥部"),
            "{a:#?}"
        );
    }

    /// A title that ends as an office's name (`重返老棉纺厂`, `…第一中学`) over its
    /// deck and byline heads its own story: it is no undated signature of the
    /// finished story above.
    #[test]
    fn a_title_over_a_byline_is_no_signature_above() {
        let page = "蘧州老街改造完工\n\n历时八个月，蘧州老街改造工程日前完工，沿街商铺陆续开门迎客。\n\n重返老棉纺厂\n\n一座县城的工业记忆\n\n记者 郗晓梅\n\n老棉纺厂的车间如今改成了展馆，来参观的多是当年的老工人。\n";
        let a = segment_issue(page, "k");
        assert!(
            a[0].paragraphs.iter().all(|p| p != "重返老棉纺厂"),
            "{a:#?}"
        );
        assert!(
            a.iter()
                .any(|a| a.title.contains("重返老棉纺厂") || a.kicker == "重返老棉纺厂"),
            "{a:#?}"
        );
    }

    /// A short title that ends with a signer's word (`我们全家`, four characters) or
    /// a title that ends as a factory's name (`重返老棉纺厂`) over its story, with
    /// no byline, heads that story: no undated signature of the finished story
    /// above, which an office's name of five characters or more still signs.
    #[test]
    fn a_short_title_ending_as_a_signer_is_no_signature_above() {
        let page = "蘧州老街改造完工\n\n历时八个月，蘧州老街改造工程日前完工，沿街商铺陆续开门迎客。\n\n我们全家\n\n去看海\n\n暑假第一天，我们全家坐上了去海边的大巴，一路上孩子们唱个不停。\n";
        for (head, deck) in [
            ("我们全家", "去看海"),
            ("重返老棉纺厂", "一座县城的工业记忆"),
        ] {
            let page = page.replace("我们全家\n\n去看海", &format!("{head}\n\n{deck}"));
            let a = segment_issue(&page, "k");
            assert_eq!(a[0].paragraphs.len(), 1, "{a:#?}");
            assert!(
                a.iter().any(|a| a.title.contains(head) || a.kicker == head),
                "{a:#?}"
            );
        }
        let page = page.replace(
            "我们全家\n\n去看海",
            "蘧州老街改造指挥部\n\n暑期出游人数创新高",
        );
        let a = segment_issue(&page, "k");
        assert_eq!(
            a[0].paragraphs.last().map(String::as_str),
            Some("蘧州老街改造指挥部"),
            "{a:#?}"
        );
    }

    /// A works named by what it works (`…自来水厂`) signs its notice, undated, as an
    /// office does: no kicker of the story under it.
    #[test]
    fn a_waterworks_signs_its_notice() {
        let page = "筱州日报 2030年4月2日 星期二 第8版\n\n桃林路片区停水通知\n\n因供水管道改造，4月4日8时至18时，桃林路一带停止供水，请用户提前储水。\n\n筱州市第二自来水厂\n\n春季植树活动本周末举行\n\n本报讯 本周六上午，市园林局将在滨江公园组织市民义务植树，欢迎市民报名参加。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["桃林路片区停水通知", "春季植树活动本周末举行"],
            "{a:#?}"
        );
        assert_eq!(a[1].kicker, "", "{a:#?}");
    }

    /// A notice's numbered clauses are its text, however they are printed: `二、报名
    /// 办法` after the notice's `一、招生专业` (and its `（一）`, `（二）` lines) is its
    /// next section, no notice of its own, with a Markdown heading's mark too.
    #[test]
    fn a_notices_numbered_clauses_are_its_sections() {
        let page = "县第二职业中学2031年招生简章\n\n我校今年面向全县应届初中毕业生招收新生三百人。\n\n一、招生专业\n\n（一）数控技术应用，八十人；\n\n（二）电子商务，一百二十人。\n\n二、报名办法\n\n考生在中考志愿填报期间登录县中招平台填报。\n\n三、录取办法\n\n按志愿和中考成绩从高到低录取。\n\n停水通知\n\n因管网改造，6月3日8时至18时县城东片停水。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["县第二职业中学2031年招生简章", "停水通知"],
            "{a:#?}"
        );
        let marked = page
            .replace("一、", "## 一、")
            .replace("二、", "## 二、")
            .replace("三、", "## 三、")
            .replace("县第二", "## 县第二")
            .replace("停水", "## 停水");
        let (a, titles) = titles_of(&marked);
        assert_eq!(
            titles,
            ["县第二职业中学2031年招生简章", "停水通知"],
            "{a:#?}"
        );
    }

    /// An office's or a signer's name alone under a finished notice, undated, over
    /// the next item's head, signs the notice: no kicker of the item below.
    #[test]
    fn an_undated_office_under_a_notice_signs_it() {
        let page = "停水通知\n\n因管网改造，6月3日8时至18时鹛湖路沿线停水，请提前储水。\n\n鹛湖区供水管理处\n\n更正\n\n本报昨日第三版《鹛湖新添观鸟台》一文，“南岸”应为“北岸”。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["停水通知", "更正"], "{a:#?}");
        assert_eq!(a[1].kicker, "", "{a:#?}");
        assert_eq!(
            a[0].paragraphs.last().map(String::as_str),
            Some("鹛湖区供水管理处"),
            "{a:#?}"
        );
    }

    /// The short lines of a poem under its titled and signed head are its verse, up
    /// to the next piece's head (shown by the byline under it); a label's length
    /// over that head is its kicker, a line of the verse's length is no kicker.
    #[test]
    fn a_poems_short_lines_are_its_verse_up_to_the_next_head() {
        let page = "崟屏山听雪\n\n甘露白\n\n雪落在松枝上\n\n没有一点声响\n\n山把所有的话\n\n都藏进了白茫茫\n\n写给一条江的情书\n\n——读散文集《琤江两岸》\n\n钮清远\n\n《琤江两岸》是作家蔺怀瑾的新作，收录散文四十篇。\n\n书里没有宏大的叙事，只有渡口、老街、窑火和炊烟。\n";
        let a = segment_issue(page, "k");
        assert_eq!(
            kicker_title_byline(&a),
            [
                ("", "崟屏山听雪", "甘露白"),
                ("", "写给一条江的情书", "钮清远")
            ],
            "{a:#?}"
        );
        let verse = "雪落在松枝上没有一点声响山把所有的话都藏进了白茫茫";
        assert_eq!(a[0].paragraphs.concat(), verse, "{a:#?}");
        // A label's length over the next head is its kicker.
        let page = page.replace("都藏进了白茫茫\n\n写给", "都藏进了白茫茫\n\n开卷\n\n写给");
        let a = segment_issue(&page, "k");
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(a[1].kicker, "开卷", "{a:#?}");
        assert_eq!(a[0].paragraphs.concat(), verse, "{a:#?}");
    }

    /// The last line of a poem, of the verse's length, over the next poem's short
    /// title (`等着黄昏替它说完` / `插秧`) is the verse's, not that title's kicker; a
    /// head wrapped over two lines (`一本书里的` / `老瑨州`) stays whole.
    #[test]
    fn a_poems_last_line_over_a_short_title_is_its_verse() {
        let page = "五月的鼅湖\n\n韦疏桐\n\n风从湖心走来\n\n把芦苇一根根叫醒\n\n白鹭站在浅水里\n\n像一句没说完的话\n\n等着黄昏替它说完\n\n插秧\n\n邝月笙\n\n父亲弯下腰\n\n把春天一行一行\n\n按进泥土里\n\n直起身时\n\n田野已经绿到了天边\n\n外公的船\n\n听涛客\n\n外公年轻时在鼋江上跑船，从鼍洲到下游的鼃桥，一趟要走两天一夜。\n\n他的船叫“顺昌号”，船头漆着一对大眼睛。\n";
        let a = segment_issue(page, "k");
        assert_eq!(heads(&a)[..2], [("", "五月的鼅湖"), ("", "插秧")], "{a:#?}");
        assert_eq!(
            a[0].paragraphs.concat(),
            "风从湖心走来把芦苇一根根叫醒白鹭站在浅水里像一句没说完的话等着黄昏替它说完",
            "{a:#?}"
        );
        // A label and a head wrapped short over a three-character line stay heads.
        let page = "秋日登瑶屏山\n\n易南归\n\n石阶一级一级往上走\n\n把山下的人声留在身后\n\n风从松林里穿过来\n\n替我数着剩下的路\n\n开卷\n\n一本书里的\n\n老瑨州\n\n○ 柏听檐\n\n这是一本写老瑨州的小书，写得不紧不慢，像在茶馆里听老人讲古。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 2, "{a:#?}");
        assert!(!a[0].paragraphs.concat().contains("一本书里的"), "{a:#?}");
        assert!(a[1].title.contains("老瑨州"), "{a:#?}");
    }

    /// A poem signed under its verse (title, short lines, the poet's name, then the
    /// next piece's head) is one article: the title over the verse, the name its
    /// byline, a column's label over the first title its kicker. A run of short
    /// heads over a name with text below stays a headed story signed by that name.
    #[test]
    fn a_poem_signed_under_its_verse_is_titled_by_its_first_line() {
        let page = "诗廊\n\n稻浪\n\n风从田埂上走过\n\n稻子一垄一垄低头\n\n母亲在地头站着\n\n数着今年的收成\n\n禹青禾\n\n蝉鸣\n\n午后的树荫很浅\n\n蝉声把院子填满\n\n祖父摇着蒲扇\n\n把夏天摇得很长\n\n尉迟风\n\n老井\n\n冼石泉\n\n村口的老井已经用了两百多年，井台上的青石被绳子磨出了一道道深槽。\n";
        let a = segment_issue(page, "k");
        assert_eq!(
            kicker_title_byline(&a),
            [
                ("诗廊", "稻浪", "禹青禾"),
                ("", "蝉鸣", "尉迟风"),
                ("", "老井", "冼石泉")
            ],
            "{a:#?}"
        );
        assert_eq!(
            a[1].paragraphs.concat(),
            "午后的树荫很浅蝉声把院子填满祖父摇着蒲扇把夏天摇得很长",
            "{a:#?}"
        );
        // Text under the name: the name signs that text, which the short lines
        // head; they are no verse of a poem the name signs.
        let page = "稻浪\n\n风从田埂上走过\n\n稻子一垄一垄低头\n\n母亲在地头站着\n\n禹青禾\n\n村口的老井已经用了两百多年，井台上的青石被绳子磨出了一道道深槽。\n";
        let a = segment_issue(page, "k");
        let signed = a.iter().find(|a| a.byline == "禹青禾").expect("signed");
        assert!(
            signed.paragraphs.concat().starts_with("村口的老井"),
            "{a:#?}"
        );
        // A pen mark before the name (`◇ 禹青禾`) signs the poem all the same.
        let page = "稻浪\n\n风从田埂上走过\n\n稻子一垄一垄低头\n\n母亲在地头站着\n\n数着今年的收成\n\n◇ 禹青禾\n\n蝉鸣\n\n午后的树荫很浅\n\n蝉声把院子填满\n\n祖父摇着蒲扇\n\n把夏天摇得很长\n\n尉迟风\n";
        let a = segment_issue(page, "k");
        assert_eq!(a[0].title, "稻浪", "{a:#?}");
        assert!(a[0].byline.contains("禹青禾"), "{a:#?}");
        assert!(
            a[0].paragraphs.concat().starts_with("风从田埂上走过"),
            "{a:#?}"
        );
        // A run that ends shorter than its verse ends at the next poem's title,
        // signed by the name under it; its poet above is no title.
        let page = "窗\n\n听蝉客\n\n石阶被雨水洗得发亮\n\n窗台上落着半片槐叶\n\n卖花人的吆喝拐过街角\n\n把我的夏天叫回了故乡\n\n夜泊\n\n万俟川\n\n江水把灯火推得很远\n\n船头的人不说话\n\n只听见桨声一下一下\n";
        let a = segment_issue(page, "k");
        assert!(a.iter().all(|a| a.title != "听蝉客"), "{a:#?}");
        assert!(
            a.iter().any(|a| a.title == "夜泊" && a.byline == "万俟川"),
            "{a:#?}"
        );
    }

    /// A head set into a sentence cut at a clause, over a lede that restates it,
    /// titles a story of its own; a section head there that its text restates
    /// nothing of stays the story's own.
    #[test]
    fn a_head_breaking_a_sentence_cut_at_a_clause_titles_its_own_story() {
        let page = "菱塘社区开起“共享书房”\n\n晚报记者 甄小满\n\n每天下午三点，菱塘社区的“共享书房”就坐满了孩子。\n\n社区主任介绍，书房由闲置的会议室改造而成，图书都是居民捐赠的，\n\n栖林区新建口袋公园六个\n\n今年以来，栖林区把路边空地用起来，新建口袋公园六个，每个公园都配了座椅和遮阳棚。\n\n区园林部门表示，年底前还将再建四个。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["菱塘社区开起“共享书房”", "栖林区新建口袋公园六个"],
            "{a:#?}"
        );
        // A section head after a cut clause whose text restates none of it stays
        // the story's own.
        let page = "菱塘社区开起“共享书房”\n\n晚报记者 甄小满\n\n每天下午三点，菱塘社区的“共享书房”就坐满了孩子。\n\n社区主任介绍，书房由闲置的会议室改造而成，图书都是居民捐赠的，\n\n志愿者轮流值守书房\n\n每逢周末，附近的大学生会来给孩子们讲故事。\n\n区图书馆表示，年底前还将送来新书。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
    }

    /// A dateline lede (`本报（记者…）`) whose own title is set inside its cut
    /// sentence opens an article, and the cut sentence is whole again under it; a
    /// dateline lede with no title set into it stays a dispatch of the roundup.
    #[test]
    fn a_lede_whose_title_is_set_inside_its_cut_sentence_opens_an_article() {
        let page = "嵚云山古道沿线发现明代石刻\n\n本报讯（记者宓晚汀）近日，省文物考古部门在古道沿线新发现明代摩崖题刻二十三处。\n\n目前，题刻已全部完成拓印和数字化建档。\n\n本报（记者蒯望舒）12月14日，全省首家老年大学联盟在榅城成立。\n\n联盟成立后，成员单位将共享课程资源，目前已整合书法、摄影等课程三百\n\n全省老年大学组建联盟\n\n余门，明年春季学期起向社会开放报名。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["嵚云山古道沿线发现明代石刻", "全省老年大学组建联盟"],
            "{a:#?}"
        );
        assert_eq!(a[0].paragraphs.len(), 2, "{a:#?}");
        assert!(
            a[1].paragraphs[0].starts_with("本报（记者蒯望舒）"),
            "{a:#?}"
        );
        assert!(
            a[1].paragraphs.iter().any(|p| p.contains("课程三百余门")),
            "the cut sentence is whole again: {a:#?}"
        );
        // A further dispatch with no title set into it stays in the roundup.
        let roundup = page.replace("\n\n全省老年大学组建联盟", "");
        let a = segment_issue(&roundup, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
    }

    /// A table's rows under a label, each of as many cells, fill the label's box
    /// however long the label (`省女排联赛积分榜`) and with the table's column names
    /// under it; a head after the rows is the next article's, not the box's last row
    /// read as its kicker.
    #[test]
    fn a_tables_rows_fill_its_box_and_the_head_after_them_opens_the_next() {
        let page = "渔港队点球胜出晋级四强\n\n晚报讯 5月18日，渔港队在点球大战中胜出，晋级四强。\n\n杯赛战报\n\n渔港队 1∶1 造船厂队\n\n校友队 3∶0 海员队\n\n港区联队 2∶1 城东队\n\n本周前期阴雨 周末转晴\n\n晚报讯 本周我市天气先雨后晴，周末气温回升到二十八度。\n\n省女排联赛积分榜\n\n名次　队名　胜负　积分\n\n1　渔港女排　5胜1负　15分\n\n2　校友女排　4胜2负　12分\n\n少儿游泳免费培训报名\n\n市游泳馆暑期少儿免费游泳培训即日起报名，名额三百个。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            [
                "渔港队点球胜出晋级四强",
                "杯赛战报",
                "本周前期阴雨 周末转晴",
                "省女排联赛积分榜",
                "少儿游泳免费培训报名"
            ],
            "{a:#?}"
        );
        assert_eq!(a[1].paragraphs.len(), 3, "{a:#?}");
        assert_eq!(a[2].kicker, "", "{a:#?}");
        assert_eq!(a[3].paragraphs.len(), 3, "{a:#?}");
    }

    /// A table's label with what the table holds in brackets after it
    /// (`积分榜（前六名）`) titles the table's box as a bare label does: the rows are
    /// its text, not a section of the report above.
    #[test]
    fn a_tables_label_with_a_bracketed_qualifier_titles_its_box() {
        let page = "渔港队主场二比一逆转造船厂队\n\n晚报讯 5月29日晚，渔港队主场以二比一逆转造船厂队，近五轮保持不败。\n\n积分榜（前六名）\n\n位次 队名 已赛 胜 平 负 积分\n\n1 渔港队 9 6 2 1 20\n\n2 造船厂队 9 6 1 2 19\n\n3 海员队 9 5 3 1 18\n\n少儿游泳免费培训报名\n\n市游泳馆暑期少儿免费游泳培训即日起报名，名额三百个。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            [
                "渔港队主场二比一逆转造船厂队",
                "积分榜（前六名）",
                "少儿游泳免费培训报名"
            ],
            "{a:#?}"
        );
        assert_eq!(a[0].paragraphs.len(), 1, "{a:#?}");
        assert_eq!(a[1].paragraphs.len(), 4, "{a:#?}");
    }

    /// A short label over lines of figures with no text below is a box the label
    /// titles (a results box after a story), not the story's last section.
    #[test]
    fn a_label_over_lines_of_figures_titles_its_box() {
        let page = "中学生游泳锦标赛破两项市纪录\n\n晚报讯（记者麦穗生）6月13日，市中学生游泳锦标赛在市游泳馆结束全部比赛。\n\n市第一中学代表队获得团体总分第一名。\n\n战报\n\n芃湾队 2：1 桤林队\n\n菡萏队 0：0 柘桑队\n\n筠水队 3：2 岑嵎队\n\n芃湾队队员庆祝进球。晚报记者 宇文枕石 摄\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles[..2],
            ["中学生游泳锦标赛破两项市纪录", "战报"],
            "{a:#?}"
        );
        assert_eq!(a[1].paragraphs.len(), 3, "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 2, "{a:#?}");
    }

    /// Boxes printed one under another after a report: a league
    /// table (a long label over its column names) and a round's results are each a
    /// box, and the story head under the last box's rows, with its byline, opens
    /// the next story, not a section of the report above.
    #[test]
    fn boxes_one_under_another_and_the_head_under_them() {
        let page = "蘅州队主场完胜苕溪队\n\n晚报记者 麦穗生\n\n6月6日晚，省城市足球联赛第七轮，蘅州队主场三比零战胜苕溪队。\n\n赛后，主教练表示球队会稳住状态。\n\n省城市足球联赛常规赛积分榜\n\n位次 球队 已赛 胜 平 负 积分\n\n1 芃湾队 7 6 0 1 18\n\n2 蘅州队 7 5 1 1 16\n\n3 苕溪队 7 4 2 1 14\n\n第七轮其他赛果\n\n芃湾队 2：1 桤林队\n\n菡萏队 0：0 柘桑队\n\n周末前后多阵雨\n\n晚报记者 宇文枕石\n\n市气象台昨天发布消息说，周末前后我市多阵雨。\n\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            [
                "蘅州队主场完胜苕溪队",
                "省城市足球联赛常规赛积分榜",
                "第七轮其他赛果",
                "周末前后多阵雨"
            ],
            "{a:#?}"
        );
        assert_eq!(a[0].paragraphs.len(), 2, "{a:#?}");
        assert_eq!(a[1].paragraphs.len(), 4, "{a:#?}");
        assert_eq!(a[2].paragraphs.len(), 2, "{a:#?}");
        assert_eq!(a[3].byline, "晚报记者 宇文枕石", "{a:#?}");
    }

    /// A results box with a photo's caption over its credit line right below its
    /// rows: the caption is a photo of its own, no text of the box nor of a row.
    #[test]
    fn a_caption_under_a_box_is_a_photo_of_its_own() {
        let page = "蘅州男篮主场险胜苕溪\n\n晚报记者 麦穗生\n\n6月7日晚，省男子篮球联赛第九轮，蘅州队主场以一分险胜苕溪队。\n\n篮球联赛赛果\n\n蘅州队 88：86 苕溪队\n\n芃湾队 91：79 桤林队\n\n菡萏队 74：80 柘桑队\n\n6月7日晚，蘅州队球员突破上篮。\n\n晚报记者 宇文枕石 摄\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["蘅州男篮主场险胜苕溪", "篮球联赛赛果", ""],
            "{a:#?}"
        );
        assert_eq!(a[1].paragraphs.len(), 3, "{a:#?}");
        assert_eq!(a[1].paragraphs[2], "菡萏队 74：80 柘桑队", "{a:#?}");
        assert_eq!(
            a[2].paragraphs[0], "6月7日晚，蘅州队球员突破上篮。",
            "{a:#?}"
        );
    }

    /// A page of short lives: each head of the title's shape (a name and the years
    /// of a life) opens the next life; each writer's line after a life, a name with
    /// what the person did (`缑小满　整理`), signs it.
    #[test]
    fn lives_of_one_shape_and_their_credits() {
        let page = "蒟溪乡贤录\n\n缑念祖（1903—1978）\n\n文／宓怀远\n\n缑念祖，筼坪镇人，早年在榅城读师范，毕业后回乡办学。\n\n晚年编成《蒟溪乡土志》手稿四卷，今藏县档案馆。\n\n阚素芹（1911—1996）\n\n阚素芹，筼坪镇檵林村人，著名竹编艺人。\n\n上世纪五十年代，她带徒四十余人。\n\n栾守朴\n\n方言拾零\n\n蒟溪话里的“竹”\n\n竹篙子：撑船用的长竹竿。\n\n篾青：竹子表皮一层的篾片，编细活用。\n\n缑小满　整理\n\n征稿启事\n\n本版长期征集反映蒟溪历史人物、地名掌故的稿件和老照片。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            [
                "缑念祖（1903—1978）",
                "阚素芹（1911—1996）",
                "蒟溪话里的“竹”",
                "征稿启事"
            ],
            "{a:#?}"
        );
        assert_eq!(a[1].byline, "栾守朴", "{a:#?}");
        assert_eq!(a[2].byline, "缑小满　整理", "{a:#?}");
        assert_eq!(a[2].kicker, "方言拾零", "{a:#?}");
        assert!(super::same_shape(
            "缑念祖（1903—1978）",
            "阚素芹（1911—1996）"
        ));
        assert!(!super::same_shape(
            "从“分段管”到“全域管”",
            "从“事后处罚”到“事前预防”"
        ));
        assert!(!super::same_shape("缑念祖（1903—1978）", "阚素芹（1911—）"));
    }

    /// A head of words over the one paragraph that closes the page, after a
    /// finished story: a short tip of its own, not the story's last section; a
    /// question or a sign-off over the page's last paragraph is not one.
    #[test]
    fn a_head_over_the_pages_last_paragraph_opens_a_short_item() {
        let page = "消费提示\n\n预付卡消费要留好凭证\n\n市市场监督管理局近日提醒，办理预付卡前要查看商家资质。\n\n消费者应与商家签订书面合同，保存好付款凭证。\n\n春季晨练不宜过早\n\n医生提醒，春天早晚温差大，老年人晨练最好等太阳出来以后。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["预付卡消费要留好凭证", "春季晨练不宜过早"],
            "{a:#?}"
        );
        assert_eq!(a[0].paragraphs.len(), 2, "{a:#?}");
        for head in ["问：试水时还漏水怎么办？", "父字　十一月十五日夜"] {
            let page = format!(
                "暖气片漏水怎么办\n\n市热力公司介绍，入冬前可以预约上门检修。\n\n检修时家中要留人，提前清理暖气片周围的杂物。\n\n{head}\n\n答：可以再拨打热线，维修人员会在当天上门处理。\n"
            );
            let a = segment_issue(&page, "k");
            assert_eq!(a.len(), 1, "{head}: {a:#?}");
        }
    }

    /// Items printed with a bullet under a banner printed without one (`周末去哪儿` /
    /// `◆织云山夜游`, no blank lines, no indents): each item is an article titled
    /// by its head, not a section label of one article titled by the banner; a
    /// round-up's places so printed (`◆澜亭区`) stay its labels.
    #[test]
    fn bulleted_heads_under_an_unbulleted_banner_are_items() {
        let page = "周末去哪儿\n◆织云山夜游\n织云山景区7月起推出夜游线路，每晚限流800人，需提前预约。\n◆缂丝体验课\n经纶区缂丝工作室每周六下午开设体验课，每期招收15名市民。\n◆绢湖荷花节\n第十二届绢湖荷花节正在举行，活动持续到8月10日。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["织云山夜游", "缂丝体验课", "绢湖荷花节"], "{a:#?}");
        let page = "各地秋收进展\n◆澜亭区\n全区秋粮收获过半，机收率超过九成。\n◆鹭溪县\n全县水稻开镰，预计本周收获完毕。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["各地秋收进展"], "{a:#?}");
    }

    /// Notices signed without a date on the signature's line, their heads centred as
    /// a notices page prints them: who signs and the verb they sign with
    /// (`…率全家泣告`, `…　敬启`) ends the notice, a date alone under it too, and the
    /// next head opens the next notice rather than taking it as kicker.
    #[test]
    fn a_signoff_without_a_date_ends_its_notice() {
        let page = "　　　　　　讣　告\n\n　　退休工程师柯长林先生因病医治无效，于2031年3月2日逝世，享年八十一岁。\n\n　　遵照其生前遗愿，丧事从简。\n\n　　子　柯向东　女　柯向红　率全家泣告\n\n　　　　　　致岚山各界热心人士的感谢信\n\n　　岚山小学义卖会承蒙各界热心人士支持，圆满成功，谨此致谢。\n\n　　岚山小学家长委员会　敬启\n\n　　2031年3月5日\n\n春季植树活动报名开始\n\n　　市园林局昨日发布通知，今年春季义务植树活动即日起接受报名，各单位可登录网站预约。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            [
                "讣　告",
                "致岚山各界热心人士的感谢信",
                "春季植树活动报名开始"
            ],
            "{a:#?}"
        );
        assert_eq!(
            a[0].paragraphs.last().map(String::as_str),
            Some("子　柯向东　女　柯向红　率全家泣告")
        );
        assert!(a[1].kicker.is_empty(), "{a:#?}");
        assert_eq!(
            a[1].paragraphs[a[1].paragraphs.len() - 2..],
            ["岚山小学家长委员会　敬启", "2031年3月5日"],
            "{a:#?}"
        );
        assert!(a[2].kicker.is_empty(), "{a:#?}");
        // A head that ends with such a verb but reads as a sentence, or reads on
        // into it, is no signature.
        for head in [
            "家属泣告：丧事从简，恕不另告",
            "老兵向英烈深深鞠躬",
            "致读者的敬告",
        ] {
            assert!(!crate::segment::classify::is_signature_line(head), "{head}");
        }
        assert!(crate::segment::classify::is_signature_line(
            "隗长庚家属敬谢"
        ));
    }

    /// Obituaries one under another: each signature with its date (`…治丧小组　2026年
    /// 12月9日`) ends the notice above it and is no kicker of the next head; a
    /// letter-spaced head after a finished story (`鸣　谢`) opens a notice of its own.
    #[test]
    fn a_signature_ends_its_notice_and_a_spaced_head_opens_one() {
        let page = "讣　告\n\n著名地方史学者笪鹤年先生因病医治无效，于2026年12月7日逝世。\n\n遵照先生遗愿，丧事从简。\n\n笪鹤年先生治丧小组　2026年12月9日\n\n沉痛悼念阚佩兰同志\n\n退休教师阚佩兰女士于2026年12月6日在家中安详辞世。\n\n阚佩兰女士家属　2026年12月8日\n\n先生的灯还亮着\n\n靳若川\n\n第一次去先生家，是二十多年前的事了。\n\n如今先生走了，那盏台灯还放在书桌上。\n\n鸣　谢\n\n家父丧事期间，承蒙各界亲友关怀，谨此致谢。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["讣　告", "沉痛悼念阚佩兰同志", "先生的灯还亮着", "鸣　谢"],
            "{a:#?}"
        );
        assert_eq!(
            a[0].paragraphs.last().map(String::as_str),
            Some("笪鹤年先生治丧小组　2026年12月9日")
        );
        assert!(a[1].kicker.is_empty(), "{a:#?}");
        assert_eq!(a[2].paragraphs.len(), 2, "{a:#?}");
        assert!(crate::segment::classify::is_signature_line(
            "泂川省水利厅　2026年12月8日"
        ));
        assert!(crate::segment::classify::is_signature_line(
            "泂川省水利厅　二〇二六年十二月八日"
        ));
        assert!(!crate::segment::classify::is_signature_line(
            "2026年12月8日"
        ));
        assert!(!crate::segment::classify::is_signature_line(
            "泂川省水利厅　2026年12月"
        ));
        assert!(!crate::segment::classify::is_signature_line(
            "泂川省水利厅　6年12月8日"
        ));
        assert!(crate::segment::classify::is_date_alone("2O26 年 5 月 6 日"));
        assert!(crate::segment::classify::is_date_alone("二〇二五年三月"));
        assert!(!crate::segment::classify::is_date_alone("5年3月6日"));
    }

    /// A signature with its date ends its notice even when the next notice's head
    /// reads as a byline (`讣　告`, two characters like a name) or as a label over a
    /// notice's text (`寻人启事` above `招聘启事`): it titles nothing.
    #[test]
    fn a_signature_over_a_head_read_as_a_byline_or_label_ends_its_notice() {
        let page = "讣　告\n\n退休教师笪鹤年先生因病医治无效，于2026年12月7日逝世。\n\n遵照先生遗愿，丧事从简。\n\n笪鹤年先生治丧小组　2026年12月9日\n\n讣　告\n\n退休教师阚佩兰女士于2026年12月6日在家中安详辞世，享年八十岁。\n\n阚佩兰女士从教三十八年，教过的学生遍布全县。\n\n阚佩兰女士家属　2026年12月8日\n\n寻人启事\n\n宁老汉，男，78岁，12月9日上午在东关菜市场走失。\n\n如有知情者，请与家属联系，必有重谢。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["讣　告", "讣　告", "寻人启事"], "{a:#?}");
        assert_eq!(
            a[0].paragraphs.last().map(String::as_str),
            Some("笪鹤年先生治丧小组　2026年12月9日")
        );
        assert_eq!(
            a[1].paragraphs.last().map(String::as_str),
            Some("阚佩兰女士家属　2026年12月8日")
        );
        assert!(
            a.iter().all(|a| a.kicker.is_empty() && a.byline.is_empty()),
            "{a:#?}"
        );
    }

    /// A list's rows of one shape (`区:店名(地址)`, `日期 地点`) are its body: under
    /// the list's own title, or under the intro paragraph of the list running above;
    /// the head after the rows (`更正`, `遗失声明`) opens the next notice, no row is
    /// its kicker and the list keeps its title.
    #[test]
    fn a_lists_rows_of_one_shape_stay_its_body() {
        let page = "夜间值班药店\n\n榆林区:广济大药房(槐荫路12号)\n\n柳湾区:安康药店(桑园街8号)\n\n梅溪街道:益民药店(梅溪社区南门)\n\n更正\n\n本报5月2日第3版《巷口的早点摊》一文中，“槐荫路”误为“槐阴路”，特此更正。\n\n本周义诊安排\n\n市卫健委组织专家走进社区开展义诊，时间地点如下：\n\n5月9日上午 槐荫社区卫生服务站\n\n5月9日下午 桑园街社区活动中心\n\n5月10日上午 梅溪镇卫生院\n\n5月10日下午 柳湾路社区卫生服务站\n\n遗失声明\n\n榆林区柳岸小吃店不慎将营业执照副本遗失，特此声明作废。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["夜间值班药店", "更正", "本周义诊安排", "遗失声明"],
            "{a:#?}"
        );
        assert_eq!(a[0].paragraphs.len(), 3, "{a:#?}");
        let rows = a[2].paragraphs.concat();
        assert!(rows.contains("5月9日上午 槐荫社区卫生服务站"), "{a:#?}");
        assert!(rows.ends_with("5月10日下午 柳湾路社区卫生服务站"), "{a:#?}");
        assert!(a.iter().all(|a| a.kicker.is_empty()), "{a:#?}");
    }

    /// A notice's head set in letter-spaced display type, as the page's lines reach
    /// assembly: two characters apart (`鸣 谢`, `讣　告`) stay spaced and open a notice
    /// after a finished story; four apart by single spaces (`注 销 公 告`) are closed up
    /// when the lines are read (`注销公告`) and open one by their words.
    #[test]
    fn letter_spaced_heads_open_notices_as_assembly_sees_them() {
        let seen = |line: &str| super::super::blocks::units(line)[0].text.to_string();
        for spaced in ["鸣 谢", "讣　告", "注　销　公　告"] {
            assert!(super::is_letter_spaced(&seen(spaced)), "{spaced}");
        }
        assert_eq!(seen("注 销 公 告"), "注销公告");
        assert!(!super::is_letter_spaced("讣告"));
        assert!(!super::is_letter_spaced("镇 。"));
        for (head, title) in [("鸣 谢", "鸣 谢"), ("注 销 公 告", "注销公告")] {
            let page = format!(
                "夜市重开\n\n南关夜市昨晚重新开市，摊位比去年多了三成。\n\n{head}\n\n本公司营业执照遗失，声明作废。\n"
            );
            let (a, titles) = titles_of(&page);
            assert_eq!(titles, ["夜市重开", title], "{a:#?}");
        }
    }

    /// A numbered list of briefs: each numbered head after the item numbered before
    /// it opens an item, even when its words are the item's before (`泵站`); a
    /// number that is no next item (`3.5亿元`, a repeated number) opens nothing.
    #[test]
    fn each_numbered_brief_opens_an_item() {
        let page = "1.苇塘县三座泵站投用\n\n三座泵站全部投入使用，汛期排涝能力提高一倍。\n\n2.芦溪镇新建两座泵站\n\n镇里今年又开工建设两座泵站，明年汛前完工。\n\n3.泵站值守人员上岗\n\n四十名值守人员经过培训后上岗。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            [
                "1.苇塘县三座泵站投用",
                "2.芦溪镇新建两座泵站",
                "3.泵站值守人员上岗"
            ],
            "{a:#?}"
        );
        // Numbers printed alone over the heads (a WeChat round-up's `01`, `02`).
        let page = "01\n\n苇塘县三座泵站投用\n\n三座泵站全部投入使用，汛期排涝能力提高一倍。\n\n02\n\n泵站值守人员上岗\n\n四十名泵站值守人员经过培训后上岗。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(a[1].title, "泵站值守人员上岗");
        assert_eq!(super::list_number("（四）村里的泵站"), Some((4, '（')));
        assert_eq!(super::list_number("１２．泵站"), Some((12, '．')));
        assert_eq!(super::list_number("3.5亿元投向泵站"), None);
        assert!(!super::numbered_next(
            super::list_number,
            "2.泵站投用",
            "2、泵站投用"
        ));
        assert!(!super::numbered_next(
            super::list_number,
            "2.泵站投用",
            "2.泵站投用"
        ));
    }

    /// A sidebar's fixed head (`背景`, `人物名片`: the lexicon's `box_heads`) over its
    /// text after a story opens a box of its own.
    #[test]
    fn a_background_or_profile_box_after_a_story_is_its_own() {
        for head in ["背景", "人物名片"] {
            let page = format!(
                "山里的流动药箱\n\n本报记者 柳青\n\n诊疗队每月进山一次，给村里的老人量血压、送常用药。\n\n天黑前，诊疗车驶离最远的一个村子。\n\n{head}\n\n柳塘县地处山区，全县六十岁以上老人约占常住人口的三成。\n"
            );
            let (a, titles) = titles_of(&page);
            assert_eq!(titles, ["山里的流动药箱", head], "{a:#?}");
        }
    }

    /// A cartoon: one short line right over its artist's credit (`漫画/…`, or `… 作`
    /// with no text below) is its caption, an untitled photo, not a title; a
    /// painting's title over its artist and a note keeps its title.
    #[test]
    fn a_cartoons_caption_over_its_credit_is_an_untitled_photo() {
        let letter = "公园里能否多设几个饮水点\n\n天气转暖，去湖边公园锻炼的人多了，可整个公园只有一处饮水机。\n\n柏听泉\n\n";
        for (caption, credit) in [
            ("“共享”的雨伞", "漫画/蔺小禾"),
            ("一个证明跑了五个窗口", "蔺小禾 作"),
        ] {
            let page = format!(
                "{letter}{caption}\n\n{credit}\n\n“我为家乡建一言”征稿\n\n本版即日起开设“我为家乡建一言”栏目，欢迎读者来稿。\n"
            );
            let a = segment_issue(&page, "k");
            let photo = a
                .iter()
                .find(|a| a.byline == credit)
                .unwrap_or_else(|| panic!("{a:#?}"));
            assert_eq!(photo.title, "", "{a:#?}");
            assert_eq!(photo.paragraphs, [caption], "{a:#?}");
            assert_eq!(photo.kind, crate::article::Kind::Photo, "{a:#?}");
        }
        let page = format!(
            "{letter}鹤屏晴雪（国画）\n\n闻一舟　作\n\n闻一舟，苕岗县白埠镇人，自幼习画，尤擅山水。\n"
        );
        let (a, titles) = titles_of(&page);
        assert!(titles.iter().any(|t| t == "鹤屏晴雪（国画）"), "{a:#?}");
    }

    /// The editors' own word to the reader under its head alone (`编后`) after the
    /// pieces it speaks of is an article of its own, not a section of the piece
    /// above it.
    #[test]
    fn an_editors_afterword_after_the_pieces_is_its_own() {
        let page = "卖豆腐的宓大姐\n\n通讯员 柏采薇\n\n每天凌晨三点，老街上的宓大姐就起来磨豆子了，她的豆腐坊开了二十二年。\n\n有人劝她换台机器，她摇摇头：“石磨磨出来的，味道不一样。”\n\n编后\n\n本期的三篇稿子，写的都是身边的人和物，平常得很，可读来让人心里一热。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["卖豆腐的宓大姐", "编后"], "{a:#?}");
        assert!(a[1].paragraphs[0].starts_with("本期的三篇稿子"), "{a:#?}");
    }

    /// A numbered digest whose items are titled or not: a paragraph numbered next
    /// after a titled item (`1．…` over its paragraph, then `2．…。`) is an untitled
    /// item of its own, and a paragraph numbered next after that untitled item too.
    #[test]
    fn a_paragraph_numbered_next_after_a_numbered_item_opens_an_item() {
        let page = "1．苇塘县三座泵站投用\n\n三座泵站全部投入使用，汛期排涝能力提高一倍。\n\n2．芦溪镇新建两座泵站，明年汛前完工。\n\n3．泵站值守人员经过培训后上岗。\n\n4．苇塘县启用防汛物资仓库\n\n仓库存放编织袋、救生衣等物资，可供全县调用。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["1．苇塘县三座泵站投用", "", "", "4．苇塘县启用防汛物资仓库"],
            "{a:#?}"
        );
        assert_eq!(
            a[1].paragraphs,
            ["2．芦溪镇新建两座泵站，明年汛前完工。"],
            "{a:#?}"
        );
        // A story's numbered points under a title that has no number stay its text.
        let page = "苇塘县防汛有三招\n\n1．三座泵站全部投入使用。\n\n2．芦溪镇新建两座泵站。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
    }

    /// The name of the office that answers, alone under its answer, over a photo's
    /// caption and credit, signs the answer: the photo is an article of its own.
    #[test]
    fn an_office_under_an_answer_over_a_photo_signs_the_answer() {
        let page = "小区加装电梯补贴怎么申请\n\n问：我们楼想加装电梯，听说政府有补贴，该找谁、交什么材料？\n\n答：由业主代表向街道提交加装申请，竣工验收合格后按标准发放补贴。\n\n柳塘市住房和城乡建设局\n\n11月18日，柳塘公园的银杏叶变黄，市民在林间拍照。\n\n本报记者　柳青　摄\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["小区加装电梯补贴怎么申请", ""], "{a:#?}");
        assert_eq!(a[0].byline, "柳塘市住房和城乡建设局", "{a:#?}");
        assert!(a[1].paragraphs[0].starts_with("11月18日"), "{a:#?}");
    }

    /// Under a banner, untitled briefs each open an item; a head over its text after
    /// one (its text finished) titles the next brief, not a section of an item that
    /// has no title.
    #[test]
    fn a_head_after_an_untitled_brief_under_a_banner_titles_the_next() {
        let page = "城事速递\n\n南街菜市场改造完工，新增摊位六十个，周末起恢复营业。\n\n西郊公交站台加装了遮雨棚，候车的市民不再淋雨。\n\n北湖公园增设健身步道\n北湖公园环湖健身步道日前建成，全长三公里，沿途设有饮水点。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["", "", "北湖公园增设健身步道"], "{a:#?}");
        assert!(a[1].paragraphs.concat().ends_with("不再淋雨。"), "{a:#?}");
    }

    #[test]
    fn items_printed_with_one_bullet_each_open_an_item() {
        // A banner over items that each open with `▲`: a titled one, two untitled
        // ones whose paragraphs open with the bullet, another titled one; then a
        // story of its own whose second paragraph opens with `▲`.
        let page = "简　讯\n\n▲城西高铁站完成静态验收\n\n　　城西高铁站日前完成静态验收，转入联调联试阶段。\n\n　　▲全市首批十家老年助餐点近日挂牌，老人凭卡就餐可享受补贴。\n\n　　▲北湖今年增殖放流鱼苗三百万尾，湖面上又见成群的鱼儿。\n\n▲市图书馆冬季延时开放\n\n　　即日起至明年2月底，市图书馆的开放时间延长到晚上九点。\n\n老匠人收了新徒弟\n\n　　桐坊区箍桶巷里，七十二岁的箍桶匠人近日收了两名年轻徒弟。\n\n　　▲图为老匠人在教徒弟劈竹篾，徒弟们学得很认真。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            [
                "城西高铁站完成静态验收",
                "",
                "",
                "市图书馆冬季延时开放",
                "老匠人收了新徒弟"
            ],
            "{a:#?}"
        );
        assert!(a[1].paragraphs[0].starts_with("▲全市首批"), "{a:#?}");
        assert_eq!(a[2].paragraphs.len(), 1, "{a:#?}");
        // The untitled items are briefs, not continuations of an article.
        assert_eq!(a[1].kind, crate::article::Kind::Brief, "{a:#?}");
        assert_eq!(a[2].kind, crate::article::Kind::Brief, "{a:#?}");
        // The story's `▲` paragraph stays in the story: its title had no bullet.
        assert_eq!(a[4].paragraphs.len(), 2, "{a:#?}");
        // Items under a `▲` title: a paragraph opening with another bullet is no
        // next item of theirs.
        let other = page.replace("▲北湖", "●北湖");
        let a = segment_issue(&other, "k");
        assert!(
            a.iter()
                .any(|a| a.paragraphs.iter().any(|p| p.contains("老人凭卡"))
                    && a.paragraphs.iter().any(|p| p.starts_with("●北湖"))),
            "{a:#?}"
        );
    }

    /// A title printed as the two halves of a couplet, each half with the run's
    /// bullet: the title is the halves joined, and the bullet is still the one its
    /// items open with, so the next `▲` paragraph after its finished text is the
    /// next item.
    #[test]
    fn a_bulleted_couplet_title_keeps_its_bullet() {
        let page = "奋力推进城市有机更新\n\n▲老街巷焕发新容颜\n\n▲新业态激活新动能\n\n　　鹭门区老城片区的桂花巷修葺一新，沿街开起了二十多家小店。\n\n　　▲全市首批十家老年助餐点近日挂牌，老人凭卡就餐可享受补贴。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["老街巷焕发新容颜新业态激活新动能", ""], "{a:#?}");
        assert_eq!(a[0].kicker, "奋力推进城市有机更新", "{a:#?}");
        assert!(a[1].paragraphs[0].starts_with("▲全市首批"), "{a:#?}");
    }

    /// A run of titled briefs: a brief whose credit a narrow column wrapped onto a
    /// line of its own (`（蓟望舒）`) is still one short item under its head, so the
    /// head titles it instead of being read as a section of the brief above.
    #[test]
    fn a_brief_with_its_credit_on_a_line_of_its_own_is_an_item() {
        let page = "城事一周\n\n篆湖公园新增环湖跑道\n篆湖公园环湖跑道日前建成开放，全长四点六公里，沿途设置了饮水点。\n\n棂湖区开通养老服务热线\n棂湖区养老服务热线近日开通，老人拨打热线可预约上门助餐服务。\n（蓟望舒）\n\n老船厂工业遗存将建博物馆\n溦江边的栝州老船厂将改建为航运博物馆，预计后年建成开放。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            [
                "篆湖公园新增环湖跑道",
                "棂湖区开通养老服务热线",
                "老船厂工业遗存将建博物馆"
            ],
            "{a:#?}"
        );
        assert_eq!(a[0].byline, "", "{a:#?}");
        assert_eq!(a[1].byline, "（蓟望舒）", "{a:#?}");
        // With a second paragraph under it (not a credit) the head still titles its
        // item: its lede restates it, and the brief above shares none of its words.
        let page = page.replace("（蓟望舒）", "热线工作时间为每天八时至二十时。");
        let a = segment_issue(&page, "k");
        assert!(
            a.iter()
                .any(|a| a.title == "棂湖区开通养老服务热线" && a.paragraphs.len() == 2),
            "{a:#?}"
        );
        assert!(super::is_credit_alone("（蓟望舒）"));
        assert!(!super::is_credit_alone("热线可预约上门服务。（蓟望舒）"));
        assert!(!super::is_credit_alone("（下转第6版）"));
    }

    /// A title printed after its `——` subtitle (a PDF's content order) is still the
    /// title, the line above the subtitle its kicker.
    #[test]
    fn a_title_after_its_subtitle_over_a_byline_is_the_title() {
        let page = "县中学生篮球联赛第二轮\n——柳塘中学客场险胜茅坪中学\n最后十秒　三分球定胜负\n本报记者　甘若愚\n18日下午，县中学生篮球联赛第二轮在茅坪中学进行。\n终场前十秒，柳塘中学投中三分球，以52比50获胜。\n球场边\n看台上坐满了家长\n◇ 宓秋\n比赛那天，看台上坐满了家长和同学。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(a[0].title, "最后十秒　三分球定胜负", "{a:#?}");
        assert_eq!(a[0].kicker, "县中学生篮球联赛第二轮");
        assert_eq!(a[0].subtitle, "——柳塘中学客场险胜茅坪中学");
        assert_eq!(a[0].byline, "本报记者　甘若愚");
        assert_eq!(a[1].title, "看台上坐满了家长", "{a:#?}");
        // (`◇` is a bullet the units drop; a pen name's byline keeps it.)
        assert_eq!(a[1].byline, "◇宓秋", "{a:#?}");
    }

    /// A digest's items are titled by heads numbered on from the title before;
    /// a story's numbered sections stay in the story.
    #[test]
    fn a_head_numbered_next_after_a_title_titles_the_next_item() {
        let digest = "【早知道】\n\n1.三百个村用上“共享农机”\n\n漷源县已建成农机服务中心十二个，村民在手机上下单。\n\n2.汧湖迎来今冬首批越冬候鸟\n\n监测人员在湿地记录到灰鹤一千余只。\n\n3.楮城至漷源高速全线贯通\n\n最后一座大桥11月30日合龙，预计明年春节前通车。\n";
        let (a, titles) = titles_of(digest);
        assert_eq!(
            titles,
            [
                "1.三百个村用上“共享农机”",
                "2.汧湖迎来今冬首批越冬候鸟",
                "3.楮城至漷源高速全线贯通"
            ],
            "{a:#?}"
        );
        let story = "老小区改造有了新办法\n\n本报记者　甘若愚\n\n今年，全市改造老旧小区八十个，居民说了算。\n\n一、先问居民要什么\n\n改造前，社区挨家挨户征求意见。\n\n二、再定改什么\n\n征求意见后，再定改造清单。\n";
        let a = segment_issue(story, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].title, "老小区改造有了新办法");
    }

    /// A short head over a caption and its own-line photo credit, after an
    /// article's last paragraph, titles the photo instead of closing that article
    /// as its last section.
    #[test]
    fn a_head_over_a_credited_caption_titles_the_photo() {
        let page = "绿道通了　心路也要通\n\n江笛\n\n绿道贯通，是城市送给市民的一份礼物。\n\n建设是开始，管护是长久。\n\n白鹭翩翩\n\n6月7日，在苇荡湖湿地公园，一群白鹭在湖面上空飞翔。\n\n本报通讯员　闵小鸥　摄\n\n云栖岭森林防火期延长至6月底\n\n本报讯　记者从市林业局获悉，防火期延长至6月底。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 3, "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 2, "{a:#?}");
        assert_eq!(a[1].title, "白鹭翩翩", "{a:#?}");
        assert_eq!(a[1].byline, "本报通讯员　闵小鸥　摄");
        assert_eq!(a[1].paragraphs.len(), 1, "{a:#?}");
        // A section head over a long last paragraph stays the article's section.
        let page = "绿道通了　心路也要通\n\n江笛\n\n绿道贯通，是城市送给市民的一份礼物。\n\n管护要跟上\n\n有的路段出现了乱停车、占道经营，有的驿站设施损坏无人修，有的绿化带杂草丛生，这些问题都要在建成之后一件一件解决，管护的功夫比建设的功夫还要多，管护的责任要落到每一个部门每一个人，市民也要爱护设施，让绿道真正成为大家共享的公共空间，让每一段路都有人管、有人护、有人修，让市民走得舒心、走得放心、走得安心。\n\n本报通讯员　闵小鸥　摄\n";
        let a = segment_issue(page, "k");
        assert!(a.iter().all(|x| x.title != "管护要跟上"), "{a:#?}");
        assert!(a[0].paragraphs.iter().any(|p| p == "管护要跟上"), "{a:#?}");
    }

    /// A short head over several captions that each name their picture (`左图：`,
    /// `右一:`) and the credit alone below them titles one photo of all of them,
    /// after a running article as after a closed one; several short paragraphs
    /// that name no picture stay the story's, only the last is the photo.
    #[test]
    fn a_head_over_a_group_of_captions_titles_the_photo() {
        let story = "让一湖清水长流长清\n\n本报评论员\n\n湖泊是一方水土的命脉，也是一方百姓的念想。\n\n拆掉圩埂只是开头，守住水面、管好岸线才是长久之计。\n\n";
        let next =
            "\n\n云栖岭森林防火期延长至6月底\n\n本报讯　记者从市林业局获悉，防火期延长至6月底。\n";
        let group = "峿山初雪\n\n左图：12月2日，峿山景区落下今冬第一场雪。\n\n右一:游客在峿山南麓的观景台上拍照留念。\n\n本报记者　綦望舒　摄";
        let a = segment_issue(&format!("{story}{group}{next}"), "k");
        assert_eq!(a.len(), 3, "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 2, "{a:#?}");
        assert_eq!(a[1].title, "峿山初雪", "{a:#?}");
        assert_eq!(a[1].paragraphs.len(), 2, "{a:#?}");
        assert_eq!(a[1].byline, "本报记者　綦望舒　摄");
        assert_eq!(a[2].title, "云栖岭森林防火期延长至6月底", "{a:#?}");
        // The credit glued to the last caption closes the group too.
        let glued = "峿山初雪\n\n上图：12月2日，峿山景区落下今冬第一场雪。\n\n下图：游客在观景台上拍照留念。（本报记者　綦望舒摄）";
        let a = segment_issue(&format!("{story}{glued}{next}"), "k");
        assert_eq!(a.len(), 3, "{a:#?}");
        assert_eq!(a[1].title, "峿山初雪", "{a:#?}");
        assert_eq!(a[1].paragraphs.len(), 2, "{a:#?}");
        // Paragraphs naming no picture are the story's section.
        let plain = "雪后的山\n\n12月2日，峿山景区落下今冬第一场雪。\n\n游客在峿山南麓的观景台上拍照留念。\n\n本报记者　綦望舒　摄";
        let a = segment_issue(&format!("{story}{plain}{next}"), "k");
        assert!(a.iter().all(|x| x.title != "雪后的山"), "{a:#?}");
        assert!(
            a[0].paragraphs.iter().any(|p| p.starts_with("12月2日")),
            "{a:#?}"
        );
    }

    /// A box's fixed head (`人物档案`) over its text, inside a running story, opens
    /// the box as an article it titles; over a title it is the title's kicker.
    #[test]
    fn a_box_head_opens_its_sidebar() {
        let page = "修钟表四十年的老把式\n\n本报记者　瞿一帆\n\n桂花巷18号，一间不足十平方米的铺子里，栾守拙已经修了四十年钟表。\n\n人物档案\n\n栾守拙，1954年生，桤州市鹭门区人，修表四十年。\n\n链接\n\n桂花巷的老字号\n\n桂花巷现有老字号店铺12家，最早的开业于清代。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 3, "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 1, "{a:#?}");
        assert_eq!(a[1].title, "人物档案", "{a:#?}");
        assert_eq!(a[2].title, "桂花巷的老字号", "{a:#?}");
        assert_eq!(a[2].kicker, "链接", "{a:#?}");
    }

    /// A notice's head spaced out under the title (`公　告`) is not a pen name: it
    /// does not sign the text above it.
    #[test]
    fn a_spaced_notice_head_is_no_pen_name() {
        let page = "南渠区人民法院\n\n公　告\n\n邵志成：本院受理原告诉被告借款合同纠纷一案，现依法向你公告送达起诉状副本。\n";
        let a = segment_issue(page, "k");
        assert!(a.iter().all(|x| x.byline != "公　告"), "{a:#?}");
        assert!(a.iter().any(|x| x.title == "公　告"), "{a:#?}");
    }

    /// A title printed as the two halves of a couplet under a kicker is one title.
    #[test]
    fn a_couplet_under_a_kicker_is_one_title() {
        let page = "奋力推进城市有机更新\n\n老街巷焕发新容颜\n\n新业态激活新动能\n\n——桤州市鹭门区老城片区更新改造见闻\n\n本报记者　仉若溪\n\n初夏时节，走进鹭门区老城片区的桂花巷，青砖黛瓦的老房子修葺一新。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].title, "老街巷焕发新容颜新业态激活新动能", "{a:#?}");
        assert_eq!(a[0].kicker, "奋力推进城市有机更新");
        assert_eq!(a[0].subtitle, "——桤州市鹭门区老城片区更新改造见闻");
        // A label over a title of another length stays the kicker.
        let page = "认真落实农村经济政策\n\n抢晴天战三夏\n\n全省夏粮入库已过四成\n\n本报记者　仉若溪\n\n全省夏粮入库进度已过四成，比去年同期快。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a[0].title, "全省夏粮入库已过四成", "{a:#?}");
        let page =
            "昙水副刊\n\n第287期\n\n母亲的菜园\n\n母亲的菜园在老屋后面，不大，却种满了四季的菜。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a[0].title, "母亲的菜园", "{a:#?}");
    }

    /// A writer's name alone after the last paragraph of an unsigned column piece
    /// signs that piece, though the next story's title follows: it is no kicker of
    /// the next story. A column's label there stays a head of the next piece.
    #[test]
    fn a_name_after_a_columns_text_signs_it_over_the_next_title() {
        let page = "短评\n\n让流通更畅通\n\n县域商业连着城乡两个市场，畅通了流通，就激活了消费。\n\n建好县域商业体系，要补齐物流短板，也要培育市场主体。\n\n峿山客\n\n蘼原省今年新增省级旅游度假区五家\n\n新华社榅城12月16日电（记者亓晓岚）记者从蘼原省文旅厅了解到，今年该省新认定省级旅游度假区五家。\n";
        let a = segment_issue(page, "k");
        assert_eq!(
            heads(&a),
            [
                ("短评", "让流通更畅通"),
                ("", "蘼原省今年新增省级旅游度假区五家")
            ],
            "{a:#?}"
        );
        assert_eq!(a[0].byline, "峿山客", "{a:#?}");
        let page = page.replace("峿山客", "溆水闲笔");
        let a = segment_issue(&page, "k");
        assert_eq!(a[1].kicker, "溆水闲笔", "{a:#?}");
    }

    /// A slogan printed over a story, with the story's column label printed under its
    /// text: the label is the story's kicker, not the next story's, and the slogan
    /// is the page's.
    #[test]
    fn a_label_under_a_story_replaces_the_slogan_over_it() {
        let page = "深化基层治理 建设美好家园\n\n市政务服务大厅周六周日上午照常办事\n\n本报讯 从12月19日起，市政务服务中心在周六、周日上午开放综合窗口，办理一百三十项高频事项。\n\n市政务服务中心有关负责人说，周末窗口主要方便平时上班没空办事的市民。（逯晓峰）\n\n便民服务在身边\n\n蘼渚剪纸作品亮相全国非遗展\n\n本报讯 12月18日至20日，第六届全国非遗手工艺展在外省举办，我市选送的二十六件剪纸作品参展。（仉俊杰）\n";
        let a = segment_issue(page, "k");
        assert_eq!(
            heads(&a),
            [
                ("便民服务在身边", "市政务服务大厅周六周日上午照常办事"),
                ("", "蘼渚剪纸作品亮相全国非遗展"),
            ],
            "{a:#?}"
        );
    }

    /// Two head lines of one length under a page's label, the text's first sentence
    /// restating the upper one word for word: a kicker naming the event over the
    /// title, no couplet; the label is the page's.
    #[test]
    fn a_kicker_the_lede_restates_is_no_half_of_a_couplet() {
        let page = "体育\n\n市民排球联赛第三轮\n\n柘湾队逆转晋级八强\n\n晚报记者　仉若溪\n\n6月9日晚，苇城市民排球联赛第三轮在市体育馆进行，柘湾队先失两局后连扳三局晋级八强。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].title, "柘湾队逆转晋级八强", "{a:#?}");
        assert_eq!(a[0].kicker, "市民排球联赛第三轮", "{a:#?}");
        // The text restating both halves as one keeps the couplet.
        let page = "奋力推进城市有机更新\n\n老街巷焕发新容颜\n\n新业态激活新动能\n\n本报记者　仉若溪\n\n老街巷焕发新容颜新业态激活新动能，鹭门区老城片区更新改造初见成效。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a[0].title, "老街巷焕发新容颜新业态激活新动能", "{a:#?}");
        assert!(super::lede_restates(
            "市政协召开专题协商会",
            "为老年助餐服务建言献策",
            "本报讯 4月5日,市政协召开专题协商会,围绕议题协商。"
        ));
        assert!(!super::lede_restates(
            "鼓角巷老宅院",
            "住进了年轻人",
            "鼓角巷老宅院住进了年轻人。"
        ));
        assert!(!super::lede_restates(
            "鼓角巷老宅院",
            "住进了年轻人",
            "今年春天，我们走进巷子。鼓角巷老宅院里很安静。"
        ));
    }

    /// A roundup: a title over parallel short place labels, each over its paragraph.
    /// The first label is an intertitle like the others, not the title; a kicker over
    /// a title with its own section below stays a kicker.
    #[test]
    fn parallel_labels_under_a_title_are_its_intertitles() {
        let page = "国庆假期文化活动多\n\n柳塘镇\n\n10月1日，柳塘镇在文化广场举办民俗展演。\n\n茅坪乡\n\n10月2日，茅坪乡组织村民开展趣味运动会。\n\n石门县\n\n国庆期间，石门县图书馆延长开放时间。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].title, "国庆假期文化活动多");
        assert_eq!(a[0].kicker, "");
        assert_eq!(a[0].paragraphs.len(), 6, "{a:#?}");
        let page = "基层治理新实践\n\n把议事厅搬到楼门口\n\n柳塘村把议事厅搬到了楼门口，村民有事随时来商量。\n\n村民说\n\n有事好商量，大家心里都亮堂。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a[0].title, "把议事厅搬到楼门口", "{a:#?}");
        assert_eq!(a[0].kicker, "基层治理新实践");
    }

    /// A notice's issuer over its date, even as a scan prints the date (`2O26年`),
    /// ends the notice's text: neither opens an article.
    #[test]
    fn a_notices_issuer_and_date_end_the_notice() {
        for date in ["2026年5月6日", "2O26年5月6日"] {
            let page = format!(
                "关于全面禁止露天焚烧秸秆的通告\n为保护生态环境，现就有关事项通告如下。\n一、全县行政区域内禁止露天焚烧秸秆。\n蕖溪县人民政府\n{date}\n版权所有　蕖溪县报社\n"
            );
            let (a, titles) = titles_of(&page);
            assert_eq!(titles, ["关于全面禁止露天焚烧秸秆的通告"], "{a:#?}");
            assert!(a[0].body().contains(date), "{a:#?}");
        }
    }

    /// A piece signed at its end (`·濮阳青禾·`) under a head, after a finished
    /// story signed at its top (`□ 司空望舒`), is the next piece, not a section of
    /// that story; a section of a story signed at its end stays a section.
    #[test]
    fn a_head_over_text_signed_at_its_end_after_a_story_signed_at_its_top_opens_a_piece() {
        let page = "书窗\n\n在地图上读懂一条江\n\n□ 司空望舒\n\n《湄江行》是一本关于河流的书，作者沿着湄江从源头走到入江口。\n\n书里配了几十幅手绘地图，读来像是跟着作者走了一趟湄江。\n\n慢一点也好\n\n有朋友问我，周末为什么不出去玩。我说，在家泡一壶茶，也挺好。\n\n日子不必都过得那么赶，慢一点，才看得见身边的好风景。\n\n·濮阳青禾·\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["在地图上读懂一条江", "慢一点也好"], "{a:#?}");
        assert_eq!(a[1].byline, "·濮阳青禾·", "{a:#?}");
        // Unsigned at its top, the story's last section is signed with the story.
        let unsigned = page.replace("□ 司空望舒\n\n", "");
        let a = segment_issue(&unsigned, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
    }

    /// A pen name printed after a pen mark (`◇一蓑`: the mark kept as the unit's
    /// bullet, no surname and name) signs the piece above it as a dotted one does:
    /// the head over that piece, after a story signed at its top, opens it.
    #[test]
    fn a_pen_name_after_a_mark_signs_the_piece_above() {
        let page = "书边\n\n一本地方志里的街巷烟火\n\n岸芷\n\n新近出版的《蘧州风物志》增补了二百多个条目，从糖画到竹器，都有记载。\n\n编者没有把它写成资料汇编，每个条目后面都附了老手艺人的口述。\n\n小满\n\n小满这天，母亲把晒干的蚕豆装进陶罐，说是留着做种。\n\n麦子还没黄透，田里的水刚刚漫过脚背。\n\n◇一蓑\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["一本地方志里的街巷烟火", "小满"], "{a:#?}");
        assert!(a[1].byline.contains("一蓑"), "{a:#?}");
    }

    /// A head after a notice closed by its formula (`特此更正。`) opens the next
    /// item of a notices page; a notice's issuer under it is still its signature.
    #[test]
    fn a_head_after_a_notices_closing_formula_opens_the_next_item() {
        let page = "更正\n\n本报5月11日第3版《社区食堂开进老小区》一文中，“莳花社区”应为“藤溪社区”。特此更正。\n\n本周天气\n\n本周全市天气多云间晴，周四到周五有一次明显降雨过程。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["更正", "本周天气"], "{a:#?}");
        let signed = "遗失声明\n\n某某餐饮店不慎遗失食品经营许可证正本一份，特此声明。\n\n某某餐饮店\n\n2027年5月12日\n";
        let a = segment_issue(signed, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
    }

    /// A story whose reporter is credited only at its end (or not at all) opens
    /// its sections after a two-paragraph lede as often as a signed one: a short
    /// intertitle naming the paragraph under it is the story's section, not the
    /// next item of a page of short items (a rule that cut there, 0a35e0d, fired
    /// on one page of every blind set and split stories like this one).
    #[test]
    fn a_short_intertitle_after_an_unsigned_two_paragraph_lede_stays_a_section() {
        let story = "老旧小区改造让居民住得更舒心\n\n本报讯　今年以来，我市对四十二个老旧小区实施改造，惠及居民一万余户。\n\n改造坚持居民点单、政府买单，先听意见再动工。\n\n加装电梯解难题\n\n加装电梯是居民呼声最高的事项，今年已有六十部电梯投入使用。\n\n不少老人说，出门再也不用发愁了。\n\n（记者　王五）\n";
        let a = segment_issue(story, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].title, "老旧小区改造让居民住得更舒心", "{a:#?}");
        assert!(
            a[0].paragraphs.iter().any(|p| p == "加装电梯解难题"),
            "{a:#?}"
        );
    }

    /// A bracketed note printed under a notice's signing date (`（此件公开发布）`)
    /// is the notice's last line, not an article of its own.
    #[test]
    fn a_release_note_under_a_notices_date_ends_the_notice() {
        let page = "关于全面禁止露天焚烧秸秆的通告\n\n为保护生态环境，现就有关事项通告如下。\n\n一、全县行政区域内禁止露天焚烧秸秆。\n\n蕖溪县人民政府\n\n2026年5月6日\n\n（此件公开发布）\n\n本周无偿献血点\n\n本周全市设四个固定献血点，时间为每天9时至17时。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(
            titles,
            ["关于全面禁止露天焚烧秸秆的通告", "本周无偿献血点"],
            "{a:#?}"
        );
        assert!(a[0].body().ends_with("（此件公开发布）"), "{a:#?}");
    }

    /// A notice signed and dated ends there: the head printed under its date (a
    /// notices page's next box) opens an article of its own, not a section of the
    /// notice; so it does under a date alone.
    #[test]
    fn a_head_under_a_notices_signature_opens_the_next_article() {
        for signature in ["蕖溪县人民政府\n\n2026年5月6日", "2026年5月6日"] {
            let page = format!(
                "关于全面禁止露天焚烧秸秆的通告\n\n为保护生态环境，现就有关事项通告如下。\n\n一、全县行政区域内禁止露天焚烧秸秆。\n\n{signature}\n\n本周无偿献血点\n\n本周全市设四个固定献血点，时间为每天9时至17时。\n\n荷湾区献血屋：荷湾广场东侧。\n"
            );
            let (a, titles) = titles_of(&page);
            assert_eq!(
                titles,
                ["关于全面禁止露天焚烧秸秆的通告", "本周无偿献血点"],
                "{a:#?}"
            );
            assert!(a[0].body().ends_with("2026年5月6日"), "{a:#?}");
            assert_eq!(a[1].paragraphs.len(), 2, "{a:#?}");
        }
    }

    /// A pen name under a column label and a title signs the text, spaced out
    /// (`竹　溪`) or not; the title stays the title.
    #[test]
    fn a_spaced_pen_name_under_the_title_is_the_byline() {
        for pen in ["竹溪", "竹　溪", "竹 溪"] {
            let page = format!(
                "蓼塘短评\n\n一片茶叶的致富经\n\n{pen}\n\n一片叶子富了一方百姓。楮口镇的茶园越种越大。\n"
            );
            let a = segment_issue(&page, "k");
            assert_eq!(a.len(), 1, "{a:#?}");
            assert_eq!(a[0].title, "一片茶叶的致富经", "{a:#?}");
            assert_eq!(a[0].kicker, "蓼塘短评");
            assert_eq!(a[0].byline, pen);
        }
    }

    /// A lone head over a letter's salutation titles the letter, after an article
    /// still open; a head over a short line ending with a colon and no letter below
    /// (`相关阅读：` over titles) stays a section.
    #[test]
    fn a_head_over_a_salutation_titles_the_letter() {
        let page = "县城要留得住年轻人\n苏远帆\n县城是城乡融合的关键节点，留住年轻人要靠产业。\n村里的路灯亮了\n编辑同志：\n我是楮口镇的一名村民。过去村里一到晚上就黑灯瞎火，今年镇里给我们装上了路灯。\n感谢为我们办实事的干部们！\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["县城要留得住年轻人", "村里的路灯亮了"], "{a:#?}");
        let page = "县城要留得住年轻人\n苏远帆\n县城是城乡融合的关键节点，留住年轻人要靠产业。\n延伸阅读\n相关阅读：\n县城产业园\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
    }

    /// Short items without bylines on a page without blank lines: a head naming the
    /// text below it and nothing of the article above opens an item; a section head
    /// sharing the article's words stays an intertitle.
    #[test]
    fn a_head_under_a_storys_lede_is_its_first_intertitle() {
        let page = "今日关注\n一条老街的账本\n——桐荫区梧桐里改造调查\n本报记者　谭雪松\n本报澄川10月19日电　梧桐里是一条老街，去年开始微更新改造。\n钱花在了看不见的地方\n钱花在了哪里？记者翻开账本，最大的一笔用在了地下管网。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].title, "一条老街的账本");
        assert_eq!(a[0].paragraphs.len(), 3, "{a:#?}");
    }

    #[test]
    fn a_readers_name_after_the_question_does_not_end_the_qa() {
        let page = "专家坐诊\n小麦叶片发黄怎么办？\n问：我家的小麦最近叶片发黄，是缺肥还是得了病？（松垭乡　读者　田有余）\n答：春季小麦叶片发黄，原因主要有三种：一是缺氮，二是冻害，三是病害。\n建议先拔几株看看根部，是病害要及时用药防治。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 3, "{a:#?}");
        assert_eq!(a[0].byline, "", "{a:#?}");
    }

    #[test]
    fn a_lone_head_naming_the_text_below_opens_an_item() {
        let page = "柳塘村修好了灌溉渠\n本报记者　甘若愚\n入春以来，柳塘村组织村民清淤修渠，全长三公里的灌溉渠道已全部完工。\n灌溉渠还要延伸\n村支书说，今年还要把灌溉渠延伸到坡地。\n镇图书室延长开放\n从本周起，镇图书室周六周日开放到晚上八点。\n";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["柳塘村修好了灌溉渠", "镇图书室延长开放"], "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 3, "{a:#?}");
    }

    /// A head over a story of several paragraphs, after a finished commentary that
    /// shares a word or two with it, opens the story when its words open the text
    /// below; a section head whose words the story above already used stays a
    /// section of that story.
    #[test]
    fn a_lone_head_restated_by_the_lede_below_opens_a_story() {
        let page = "守住养老钱
本报评论员
一些理财广告许诺远高于银行存款利率的收益，往往是高风险甚至骗局。
老年人理财，首先要守住本金。
多家银行下调大额存单利率
近日，多家银行下调大额存单利率，三年期产品普遍降至2%以下。
业内人士表示，存款利率下行是大势所趋。
";
        let (a, titles) = titles_of(page);
        assert_eq!(titles, ["守住养老钱", "多家银行下调大额存单利率"], "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 2, "{a:#?}");
        assert_eq!(a[1].paragraphs.len(), 2, "{a:#?}");
        // The section head names what the story above is about: it stays inside.
        let page = "老街坊的新食堂开张了
本报记者　甘若愚
槐香里社区食堂开张，老街坊在社区食堂吃上了热乎饭。
社区食堂还要再开三家
社区食堂明年还要再开三家，覆盖全部老旧小区。
";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 3, "{a:#?}");
    }

    /// A head after a finished item, over a lede that opens on the news's date
    /// (`12月8日起`, `近日`) or on `记者从…获悉`, opens the next item of a page of
    /// short items; a section of a story over text that does not open so stays in it.
    #[test]
    fn a_lone_head_over_a_lede_opening_on_its_date_opens_a_story() {
        for lede in [
            "近日气温骤降，湖面出现结冰，但冰层厚度普遍不足五厘米。",
            "1月5日起，湖面出现结冰，但冰层厚度普遍不足五厘米。",
            "记者从市应急局获悉，湖面出现结冰，冰层厚度普遍不足五厘米。",
        ] {
            let page = format!(
                "春运临客本月二十日起开行\n\n记者从东站获悉，今年春运东站计划加开临客四十六对。\n\n冰面薄　切勿上冰\n\n{lede}\n"
            );
            let (a, titles) = titles_of(&page);
            assert_eq!(
                titles,
                ["春运临客本月二十日起开行", "冰面薄　切勿上冰"],
                "{a:#?}"
            );
        }
        let page = "春运临客本月二十日起开行\n\n记者从东站获悉，今年春运东站计划加开临客四十六对。\n\n冰面薄　切勿上冰\n\n气温骤降以后，湖面出现结冰，但冰层厚度普遍不足五厘米。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
    }

    /// A short head after a finished item, over a lede that tells the news's day
    /// anywhere in its first clause (`这几天，`, `…日前…`) and restates the head's
    /// words, opens the next item; over a lede that tells a day but not the head's
    /// words it stays a section of the story above.
    #[test]
    fn a_lone_head_restated_by_a_lede_telling_its_day_opens_a_story() {
        for lede in [
            "这几天，湖畔公园新栽的桂花开了，不少市民专程赶来。",
            "湖畔公园新栽的桂花日前开了，不少市民专程赶来。",
        ] {
            let page = format!(
                "春运临客本月二十日起开行\n\n记者从东站获悉，今年春运东站计划加开临客四十六对。\n\n桂花开了\n\n{lede}\n"
            );
            let (a, titles) = titles_of(&page);
            assert_eq!(titles, ["春运临客本月二十日起开行", "桂花开了"], "{a:#?}");
        }
        let page = "春运临客本月二十日起开行\n\n记者从东站获悉，今年春运东站计划加开临客四十六对。\n\n冰面薄　切勿上冰\n\n这几天气温骤降，湖面出现结冰，但冰层厚度普遍不足五厘米。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
    }

    /// An essay's numbered sections (`一、…`, `（二）…`) are intertitles of the essay
    /// under the title, with or without a writer's name between, never new articles.
    #[test]
    fn numbered_section_heads_are_intertitles_of_the_essay() {
        for signed in ["", "甘若愚\n"] {
            for (one, two) in [("一、", "二、"), ("（一）", "（二）")] {
                let page = format!(
                    "村口修起了文化广场\n本报讯 近日，柳塘村文化广场建成，村民晚上有了去处。\n略谈乡村文化建设\n{signed}{one}文化建设要贴近农民\n乡村文化建设，首先要让农民看得懂、愿意来。\n{two}要培养本土文化能人\n农村并不缺少文化人才，缺的是发现和扶持。\n"
                );
                let (a, titles) = titles_of(&page);
                assert_eq!(
                    titles,
                    ["村口修起了文化广场", "略谈乡村文化建设"],
                    "{page}\n{a:#?}"
                );
                assert_eq!(a[1].byline, signed.trim(), "{a:#?}");
                assert_eq!(a[1].paragraphs.len(), 4, "{a:#?}");
                assert!(a[1].paragraphs[0].starts_with(one), "{a:#?}");
            }
        }
    }
}
