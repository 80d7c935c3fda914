//! What each unit looks like: a head line, a byline, a caption, a marker, a date
//! line or body text, with the features assembly needs (dateline, trailing credit,
//! jump markers, whether the text ends a sentence).
//!
//! Every test here looks at a bounded prefix or suffix of the text, so a
//! multi-megabyte line costs no more than a short one.

use super::blocks::{DraftField, Markup, Unit, trim};
use crate::text::{find_str, holds_any_char, holds_char, is_han};

/// The role a unit plays on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A heading line (title, kicker, intertitle, label).
    Head,
    /// A `——` subtitle.
    Subtitle,
    /// A byline on its own line (`山西日报记者 韩乐`, `作者：… 时间：…`).
    Byline,
    /// A photo caption (`… 张三 摄`, `图为…`).
    Caption,
    /// A timeline date line (`1940年1月6日`).
    Date,
    /// `(下转第2版)` alone.
    JumpOut,
    /// `（上接第一版）` alone.
    JumpIn,
    /// Running text.
    Body,
    /// Nothing to read.
    Noise,
    /// A document boundary.
    DocBreak,
}

impl Role {
    /// The role's name as `articles --explain` shows it.
    pub fn name(self) -> &'static str {
        match self {
            Role::Head => "head",
            Role::Subtitle => "subtitle",
            Role::Byline => "byline",
            Role::Caption => "caption",
            Role::Date => "date",
            Role::JumpOut => "jump-out",
            Role::JumpIn => "jump-in",
            Role::Body => "body",
            Role::Noise => "noise",
            Role::DocBreak => "break",
        }
    }
}

/// A classified unit.
#[derive(Debug, Clone)]
pub struct Class {
    pub role: Role,
    /// Heading given by markup (Markdown `#` or a title field).
    pub explicit: bool,
    /// Body starts with a dateline (`本报讯（记者…）`); the byline part of it.
    pub dateline: Option<String>,
    /// Body opens with `（上接第X版）`.
    pub jump_in: bool,
    /// Body ends with `(下转第X版)`.
    pub jump_out: bool,
    /// Body ends with a credit such as `(任晓明)`: the credit.
    pub credit: Option<String>,
    /// The text ends a sentence (or a clause that can end a paragraph).
    pub complete: bool,
    /// The rule that decided the role (shown by `articles --explain`).
    pub rule: &'static str,
    /// A head line the corpus's habits know as a label (see `habits`): never the
    /// title while another head line stands with it.
    pub label: bool,
    /// A head line printed flush on a page that indents its paragraphs and its
    /// intertitles alike (see `segment::mark_flush_heads`): a heading that opens
    /// an article, never an intertitle.
    pub flush: bool,
}

/// Characters after which a paragraph may end.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '…'
            | '；'
            | ';'
            | '：'
            | ':'
            | '”'
            | '’'
            | '」'
            | '』'
            | ')'
            | '）'
            | '】'
            | '》'
            | '"'
            | '\''
            | '.'
            // Vertical presentation forms (a vertically set page): `︒` `︔` `︓`
            // `﹂` `﹄` `︶` `︸` `︾`.
            | '︒'
            | '︔'
            | '︓'
            | '︕'
            | '︖'
            | '﹂'
            | '﹄'
            | '︶'
            | '︸'
            | '︾'
    )
}

fn is_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '…' | '︒' | '︕' | '︖' | '︙'
    )
}

fn is_close_mark(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | ')' | '）' | '"' | '﹂' | '﹄' | '︶'
    )
}

/// True when the text ends a sentence: `。！？…`, possibly inside closing quotes.
pub fn ends_sentence(s: &str) -> bool {
    let mut it = s.chars().rev();
    match it.next() {
        Some(c) if is_stop(c) => true,
        Some(c) if is_close_mark(c) => it.next().is_some_and(is_stop),
        _ => false,
    }
}

/// True when a paragraph can end here (not cut mid-sentence by a column break).
/// A row of a table saved with tabs (`棠溪区\t41\t3900`) is whole as it stands.
/// So is a row drawn with box characters (`│护士│８│`) and a line ending with a
/// phone number after its field (`咨询电话:6621088`): nothing reads on from them.
pub fn is_complete(s: &str) -> bool {
    s.chars()
        .next_back()
        .is_some_and(|c| is_closing(c) || is_box_drawing(c))
        || memchr::memchr_iter(b'\t', s.as_bytes()).nth(1).is_some()
        || ends_with_phone(s)
        // A notice's closing date (`2026年5月14日`) ends it.
        || (s.ends_with('日') && count_upto(s, 21) <= 20 && is_date_line(s))
}

/// `…电话:15035805217`: seven or more digits after a field's colon end the text.
fn ends_with_phone(s: &str) -> bool {
    let mut digits = 0;
    for c in s.chars().rev() {
        if crate::text::is_digit(c) {
            digits += 1;
        } else if c == '-' {
        } else {
            return digits >= 7 && matches!(c, ':' | '：');
        }
    }
    false
}

/// True for the first byte of a UTF-8 sequence.
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// Number of chars of `s`, counting at most `cap + 1` (one more than `cap`, so
/// `count_upto(s, cap) > cap` says `s` is longer than `cap`).
///
/// A char takes at most four bytes, so the first `4 * (cap + 1)` bytes hold at
/// least `cap + 1` chars when `s` is longer: only they are counted, in one
/// branch-free pass the compiler vectorises (every line of a page is measured by
/// dozens of rules). A string of `4 * (cap + 1)` bytes or more holds `cap + 1`
/// chars at least, whatever they are: it is not read at all (most lines of a page
/// are paragraphs far longer than any rule's cap).
pub fn count_upto(s: &str, cap: usize) -> usize {
    let most = cap.saturating_add(1);
    let b = s.as_bytes();
    let window = most.saturating_mul(4);
    if b.len() >= window {
        return most;
    }
    chars_in(b).min(most)
}

/// Number of chars whose first byte is in `b` (a prefix of a string), counted in
/// blocks of 255 bytes so that the counts add up in byte lanes: summed straight
/// into a `usize`, the vectorised loop widens every byte to 64 bits and reads
/// two bytes a step.
pub(crate) fn chars_in(b: &[u8]) -> usize {
    b.chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &x| n + u8::from(starts_char(x)));
            usize::from(n)
        })
        .sum()
}

/// How many bytes of `b` are ASCII digits, counted as [`chars_in`] counts (in
/// blocks of 255 bytes, so the counts add up in byte lanes).
pub(crate) fn ascii_digits(b: &[u8]) -> usize {
    b.chunks(255)
        .map(|block| {
            let n = block
                .iter()
                .fold(0u8, |n, &x| n + u8::from(x.wrapping_sub(b'0') < 10));
            usize::from(n)
        })
        .sum()
}

/// How many bytes of `b` are ASCII characters and how many open a character of
/// two or more bytes (counted as [`chars_in`] counts).
pub(crate) fn ascii_and_leads(b: &[u8]) -> (usize, usize) {
    b.chunks(255)
        .map(|block| {
            let (a, l) = block.iter().fold((0u8, 0u8), |(a, l), &x| {
                (a + u8::from(x < 0x80), l + u8::from(x >= 0xC0))
            });
            (usize::from(a), usize::from(l))
        })
        .fold((0, 0), |(a, l), (x, y)| (a + x, l + y))
}

/// The last `n` chars of `s`.
pub fn tail(s: &str, n: usize) -> &str {
    if n == 0 {
        return &s[s.len()..];
    }
    let mut seen = 0;
    for (i, &b) in s.as_bytes().iter().enumerate().rev() {
        if starts_char(b) {
            seen += 1;
            if seen == n {
                return &s[i..];
            }
        }
    }
    s
}

/// The first `n` chars of `s`.
pub fn head(s: &str, n: usize) -> &str {
    let mut seen = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if starts_char(b) {
            if seen == n {
                return &s[..i];
            }
            seen += 1;
        }
    }
    s
}

/// Whether `hay` holds `needle` (never an empty one): lines tested here are short
/// (bounded by the callers), where building a substring searcher on every call
/// costs more than the search ([`find_str`]'s byte search for the needle's last byte).
fn has(hay: &str, needle: &str) -> bool {
    find_str(hay, needle).is_some()
}

/// Classify the units of one page; on a page printed in traditional characters,
/// each line as read through the fold of `traditional` (the texts the classes
/// carry, a dateline or a credit, as printed).
pub fn classify_page(units: &[Unit<'_>], traditional: bool) -> Vec<Class> {
    let mut classes: Vec<Class> = if traditional {
        units.iter().map(classify_folded).collect()
    } else {
        units.iter().map(classify).collect()
    };
    pen_names_under_heads(units, &mut classes);
    pen_names_over_verse(units, &mut classes);
    pen_names_after_texts(units, &mut classes);
    provider_credits(units, &mut classes);
    classes
}

/// `鼍洲市气象台 供稿` / `鼃桥市气象台供稿` under a weather box's text: who provided
/// the box, a short line ending in a credit verb (`lexicon().credit_verbs`: `供稿`,
/// `提供`, `整理`), what stands before it an office (a name ending with one of
/// `lexicon().office_endings`, `…气象台`) or a person's name (`王芳 提供`), Han
/// characters only, spaces apart, right under finished running text. It signs the
/// text above (a byline after the text), not a head over the next item. A headline
/// ends with such a verb too, after no office and no name (`…为群众提供`,
/// `东街社区旧衣上门收集`), or after a clause that only ends with an office's name
/// (`免费体检由社区卫生服务中心提供`: a preposition, `由`, before the office, see
/// [`holds_preposition`]): it stays a head.
fn provider_credits(units: &[Unit<'_>], classes: &mut [Class]) {
    let lexicon = super::lexicon::lexicon();
    let mut above: Option<usize> = None;
    for i in 0..units.len() {
        let role = classes[i].role;
        if role == Role::Noise {
            continue;
        }
        let after_text =
            above.is_some_and(|k| classes[k].role == Role::Body && is_complete(&units[k].text));
        above = Some(i);
        if role != Role::Head || !after_text || !matches!(units[i].markup, Markup::None) {
            continue;
        }
        let text: &str = &units[i].text;
        if count_upto(text, 21) > 20 {
            continue;
        }
        // (Gathered without its spaces only when it has some, as few heads do.)
        let squeezed: std::borrow::Cow<'_, str> = if text.contains(char::is_whitespace) {
            text.chars().filter(|c| !c.is_whitespace()).collect()
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        let Some(who) = lexicon.before_credit_verb(&squeezed) else {
            continue;
        };
        if (2..=14).contains(&who.chars().count())
            && who.chars().all(is_han)
            && (lexicon.is_office(who) || is_name_line(who))
            && !holds_preposition(who)
        {
            classes[i].role = Role::Byline;
            classes[i].rule = "byline: a provider's credit under a box's text (…供稿)";
        }
    }
}

/// Some word of `who` is a preposition (jieba's `p`: `由`, `为`, `向`, `给`, `在`):
/// the words before a credit verb are a clause (`免费体检由社区卫生服务中心`), not
/// an office's or a person's name, whatever they end with.
fn holds_preposition(who: &str) -> bool {
    crate::words::jieba()
        .tag(who, false)
        .iter()
        .any(|t| t.tag == "p")
}

/// `巷子里的长椅` / `渐台闲人` / text, `台上台下都是乡亲` / `郤青禾` / text: a pen name
/// alone under its title signs the text below. No list of names knows a pen name,
/// so its place on the page tells it: a line of two to four Han characters (spaced
/// out or not, perhaps after a columnist's mark `◇`), right under a longer head line
/// (or a title as short as itself, see [`short_title_over_pen_name`]) and right over
/// running text, that the page prints as no other head, is no word
/// of the page's own furniture (`公　告`, `简讯`, `链接`, a column label) and, at
/// four characters, reads as a name rather than a headline (see [`reads_as_pen_name`]).
fn pen_names_under_heads(units: &[Unit<'_>], classes: &mut [Class]) {
    for i in 1..units.len().saturating_sub(1) {
        let (above, line, below) = (&units[i - 1], &units[i], &units[i + 1]);
        if classes[i].role != Role::Head
            || classes[i - 1].role != Role::Head
            || classes[i + 1].role != Role::Body
            || classes[i + 1].dateline.is_some()
            // (Text over a photo's credit is its caption, the line a photo's title.)
            || classes.get(i + 2).is_some_and(|c| c.role == Role::Caption)
            || !matches!(line.markup, Markup::None)
            || !matches!(above.markup, Markup::None)
            || !matches!(below.markup, Markup::None)
        {
            continue;
        }
        // A Markdown print sets the name a level below its title (`# …` / `## 林间`).
        if line.level != 0 && !(above.level > 0 && line.level > above.level) {
            continue;
        }
        let Some(n) = pen_name_chars(&line.text) else {
            continue;
        };
        let head = count_upto(&above.text, 41);
        if head < 2 {
            continue;
        }
        // A notice's signature (`…第一中学 敬启`) closes the notice: the short line
        // under it heads what comes next, it signs nothing.
        if is_signoff_line(&above.text) {
            continue;
        }
        // A line the page prints again as a head is a label of its own.
        let key = squeeze(&line.text);
        // A columnist's mark before the line (`◇ 松寮`, the mark taken off as its
        // bullet) says it is a name, whatever its words read as.
        let marked = line.bullet.is_some_and(|b| PEN_MARKS.contains(&b));
        if printed_as_head_elsewhere(units, classes, i, &key)
            || (n == 4 && !marked && !reads_as_pen_name(&key) && !ends_as_pen_name(&key))
        {
            continue;
        }
        // Under a title as short as itself the line may be the title under a
        // label: it signs only when it reads as a name and the line above reads
        // as no label.
        if (head < 6 || head < n + 2)
            && !marked
            && !short_title_over_pen_name(units, classes, i - 1, &key)
        {
            continue;
        }
        classes[i].role = Role::Byline;
        classes[i].rule = "byline: a pen name alone between its title and the text";
    }
}

/// `外公的船` / `听涛客` / text, `晒书` / `缑南星` / text: a short title over a pen
/// name, told from a short label over a short title (`读书茶座` / `梅雨`, `追梦` /
/// `年轻人`) by both lines: the lower is no one dictionary word of another kind
/// and ends as a pen name does (`…客`, `…散人`: `pen_name_endings`) or reads as a
/// name (a family name, a character known only in names, or words with no verb,
/// number or time) with no verb in it; the upper is no furniture word, no photo's
/// credit (`澹台楫川摄`), not printed as a head again on the page, and opens its run
/// of heads.
fn short_title_over_pen_name(
    units: &[Unit<'_>],
    classes: &[Class],
    title: usize,
    key: &str,
) -> bool {
    let above = squeeze(&units[title].text);
    let lex = super::lexicon::lexicon();
    if title > 0 && classes[title - 1].role == Role::Head {
        return false;
    }
    if lex.is_banner(&above)
        || lex.ends_with_kind_word(super::lexicon::KindList::PhotoVerbs, &above)
        || lex.is_column_label(&above)
        || lex.is_box_head(&above)
        || printed_as_head_elsewhere(units, classes, title, &above)
    {
        return false;
    }
    if is_other_word(key) {
        return false;
    }
    lex.ends_like_pen_name(key)
        || (!has_verb(key)
            && (is_name_line(key) || has_name_character(key) || reads_as_pen_name(key)))
}

/// `鹇鸣老街` / `郗若禾` / `石板路被脚步磨亮` / `屋檐下挂着旧时的月光` / …: a pen name
/// alone between a poem's title and its verse signs the poem, as under a prose
/// title (see [`pen_names_under_heads`]), though the lines below are short lines
/// read as heads. It is a line of two to four Han characters under the head that
/// opens its run of heads (or under a label of four characters at most over it),
/// that reads as a name rather than words of a verse (a character read as a name,
/// no verb: `奶奶说` has one; at four characters [`reads_as_pen_name`] too), over
/// two lines of verse or more that are no such name (a line two characters longer
/// than the name is verse though it has a name's shape). The page's furniture
/// between these lines is passed over.
fn pen_names_over_verse(units: &[Unit<'_>], classes: &mut [Class]) {
    let head = |k: usize, classes: &[Class]| {
        classes[k].role == Role::Head
            && units[k].level == 0
            && matches!(units[k].markup, Markup::None)
    };
    // The page's lines less its furniture: a page head, a page number or an
    // attribution printed between a title and the name under it is no line of
    // the poem.
    let lines: Vec<usize> = (0..units.len())
        .filter(|&k| classes[k].role != Role::Noise)
        .collect();
    // Where (in `lines`) the last name this found stands: the poem it signs runs
    // on below it in short lines.
    let mut signed: Option<usize> = None;
    for at in 1..lines.len().saturating_sub(2) {
        let (i, title) = (lines[at], lines[at - 1]);
        let (first, second) = (lines[at + 1], lines[at + 2]);
        // A name read already (a family name's) between a title and two lines of
        // verse signs a poem set the same way.
        if classes[i].role == Role::Byline
            && head(title, classes)
            && head(first, classes)
            && head(second, classes)
            && is_verse_line(&units[first].text)
            && is_verse_line(&units[second].text)
        {
            signed = Some(at);
            continue;
        }
        if !head(i, classes)
            || !head(title, classes)
            || !head(first, classes)
            || !head(second, classes)
        {
            continue;
        }
        // The title opens its run of heads, or a short label is over it; or the
        // page has set a poem so already and the title ends that poem's verse, two
        // lines or more of it (`三月，趱江` / `苇间风` / verse / `春耕谣` / `青萍客` /
        // verse): the page's own way of setting its poems, found again.
        let after_a_poem = signed.is_some_and(|p| {
            at >= p + 4
                && lines[p + 1..at - 1]
                    .iter()
                    .all(|&k| head(k, classes) && is_verse_line(&units[k].text))
        });
        if at >= 2
            && !after_a_poem
            && head(lines[at - 2], classes)
            && (count_upto(&units[lines[at - 2]].text, 5) > 4
                || (at >= 3 && classes[lines[at - 3]].role == Role::Head))
        {
            continue;
        }
        let Some(n) = pen_name_chars(&units[i].text) else {
            continue;
        };
        if count_upto(&units[title].text, 41) < n {
            continue;
        }
        let key = squeeze(&units[i].text);
        if printed_as_head_elsewhere(units, classes, i, &key)
            || is_other_word(&key)
            || (n == 4 && !reads_as_pen_name(&key))
            || has_verb(&key)
            || !(is_name_line(&key) || has_name_character(&key))
        {
            continue;
        }
        // A line of a verse, not a second name: no name's shape, or longer by two
        // characters or more than the name over it (`篁生` over `先是一滴`).
        let verse = |k: usize| {
            let t: &str = &units[k].text;
            count_upto(t, 4) >= 4 && is_verse_line(t) && pen_name_chars(t).is_none_or(|m| m > n + 1)
        };
        if !(verse(first) && verse(second)) {
            continue;
        }
        classes[i].role = Role::Byline;
        classes[i].rule = "byline: a pen name alone between a poem's title and its verse";
        signed = Some(at);
    }
}

/// A line a poem's verse may be set in: short (two to twenty characters), no
/// figures (a list's rows, a schedule), not over a colon (a list's intro).
pub(super) fn is_verse_line(text: &str) -> bool {
    let n = count_upto(text, 21);
    (2..=20).contains(&n)
        && !text.ends_with([':', '：'])
        && !text.chars().any(crate::text::is_digit)
}

/// Some word of `bare` is a verb (`奶奶说`): words of a verse, not a name. A verbal
/// noun (jieba's `vn`: the `生` a pen name ends with, `蓼生`, `苇岸生`) is no verb
/// here: it names, as a noun does.
fn has_verb(bare: &str) -> bool {
    crate::words::jieba()
        .tag(bare, false)
        .iter()
        .any(|t| t.tag.starts_with('v') && t.tag != "vn")
}

/// The line without its spaces and a leading columnist's mark (`◇ 鹿鸣野`).
fn squeeze(text: &str) -> String {
    text.trim_start_matches(PEN_MARKS)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Whether the page prints `key` (a [`squeeze`]d line) as a head anywhere but
/// at unit `i`: then it is a label of its own, not a name.
fn printed_as_head_elsewhere(units: &[Unit<'_>], classes: &[Class], i: usize, key: &str) -> bool {
    units
        .iter()
        .enumerate()
        .any(|(k, u)| k != i && classes[k].role == Role::Head && squeeze(&u.text) == key)
}

/// The marks a paper signs a column with, before the writer's name.
const PEN_MARKS: [char; 5] = ['◇', '◆', '◎', '○', '□'];

/// How many Han characters make the line, when it has a pen name's shape: two to
/// four Han characters and nothing else (spaces, a leading mark apart), not a
/// place, a notice's head or a word the page prints as furniture.
pub(super) fn pen_name_chars(text: &str) -> Option<usize> {
    let bare = squeeze(text);
    let n = count_upto(&bare, 5);
    if !(2..=4).contains(&n) || !bare.chars().all(is_han) {
        return None;
    }
    let lex = super::lexicon::lexicon();
    if lex.ends_like_place(&bare) {
        return None;
    }
    if is_notice_title(&bare)
        || lex.is_banner(&bare)
        || lex.is_column_label(&bare)
        || lex.is_box_head(&bare)
        || lex.is_paper_name(&bare)
        || lex.is_outlet_name(&bare)
    {
        return None;
    }
    Some(n)
}

/// A four-character line under a title reads as a pen name, not a short headline:
/// a person's name (a family name the lexicon knows), or words of which none is a
/// verb, a number or a time (`渐台闲人`, `太史砚田`; not `古渡新生`, `冬修水渠`), and
/// not one dictionary word of another kind (`森林资源`).
fn reads_as_pen_name(bare: &str) -> bool {
    if is_name_line(bare) {
        return true;
    }
    let tags = crate::words::jieba().tag(bare, false);
    if tags.len() == 1 && !tags[0].tag.starts_with("nr") {
        return false;
    }
    !tags
        .iter()
        .any(|t| t.tag.starts_with(['v', 'm', 't', 'a', 'p', 'c', 'u']))
}

/// `趱溪散人`, `竹溪散人`: four characters that end as a pen name does (the lexicon's
/// `pen_name_endings`, whose words hold a verb, `散`) after words that only name a
/// place or a thing (no verb, number, time, adjective, preposition, conjunction or
/// particle: `打工的人`, `追梦的人` are words of a head), and that are no one
/// dictionary word of another kind.
fn ends_as_pen_name(bare: &str) -> bool {
    let Some(stem) = super::lexicon::lexicon().pen_name_stem(bare) else {
        return false;
    };
    !is_other_word(bare)
        && !crate::words::jieba().tag(stem, false).iter().any(|t| {
            t.tag
                .starts_with(['v', 'm', 't', 'a', 'p', 'c', 'u', 'd', 'r'])
        })
}

/// Some character of `bare` jieba knows only as a person's name or as no word at
/// all (`峿`, `缑`, `邬`, the `叟` of `菱溪钓叟`): a pen name or a rare family name,
/// which a paper's own furniture (`城事`, `体育`, `百姓说事`) is not.
fn has_name_character(bare: &str) -> bool {
    crate::words::jieba()
        .tag(bare, false)
        .iter()
        .any(|t| t.word.chars().nth(1).is_none() && matches!(t.tag, "nr" | "x" | "zg" | "g"))
}

/// `…河水一年比一年清。` / `峿山樵夫` / `本版责编：…`: a pen name alone after the
/// finished last paragraph of a text, with nothing after it but the page's
/// furniture up to the page's end (or a break), signs the text when a character of
/// it reads as a name ([`has_name_character`]; a column's label closing a page,
/// `绿色农业`, does not). Over the next head such a line is as often the label of
/// the next column (`溆水闲笔`, `樗城漫笔`: invented places read as rare as invented
/// names) and stays a head, unless the text above is a column's piece no one signed
/// ([`unsigned_column_above`]: `短评` / title / text / `衍平` / the next title): then
/// a name of two or three characters signs it when a character of it reads as a
/// name, one of four only as a family name and a given name (`本埠瑣聞`, `溆水闲笔`
/// are labels there). A line the page prints as another head too is a label of its
/// own.
fn pen_names_after_texts(units: &[Unit<'_>], classes: &mut [Class]) {
    for i in 1..units.len() {
        let line = &units[i];
        if classes[i].role != Role::Head
            || classes[i - 1].role != Role::Body
            || !classes[i - 1].complete
            || classes[i - 1].dateline.is_some() && count_upto(&units[i - 1].text, 41) <= 40
            || line.level != 0
            || !matches!(line.markup, Markup::None)
        {
            continue;
        }
        let next = classes[i + 1..]
            .iter()
            .map(|c| c.role)
            .find(|&r| r != Role::Noise);
        // Over the next head, the name signs only an unsigned column piece above.
        let over_head = next == Some(Role::Head) && unsigned_column_above(units, classes, i);
        if !matches!(next, None | Some(Role::DocBreak)) && !over_head {
            continue;
        }
        let Some(n) = pen_name_chars(&line.text) else {
            continue;
        };
        let key = squeeze(&line.text);
        if printed_as_head_elsewhere(units, classes, i, &key)
            || is_other_word(&key)
            || (n == 4 && !reads_as_pen_name(&key))
        {
            continue;
        }
        let named = is_name_line(&key) || has_name_character(&key);
        let signs = if over_head {
            n <= 3 && named || is_name_line(&key)
        } else {
            named
        };
        if !signs {
            continue;
        }
        classes[i].role = Role::Byline;
        classes[i].rule = "byline: a pen name alone after the last paragraph of its text";
    }
}

/// The text above unit `i` runs unsigned from its head stack, and that stack is a
/// column's label over its title (`短评` / `让流通更畅通` / text, `樗城漫笔` /
/// `老城根下听戏` / text: a short line, at most [`COLUMN_LABEL_CHARS`], over another
/// that is no pen name), nothing else:
/// a columnist's piece, whose writer's name after its last paragraph signs it though
/// another head follows (`衍平` over the next story's title).
fn unsigned_column_above(units: &[Unit<'_>], classes: &[Class], i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        match classes[k].role {
            Role::Body if classes[k].dateline.is_none() && classes[k].credit.is_none() => {}
            Role::Noise => {}
            Role::Head => {
                let mut stack = Vec::new();
                loop {
                    if classes[k].role == Role::Head {
                        stack.push(k);
                    } else if classes[k].role != Role::Noise {
                        break;
                    }
                    if k == 0 {
                        break;
                    }
                    k -= 1;
                }
                // Two lines, the label and the title: a name under the title
                // (`溪石`) signs the piece already.
                let [title, label] = stack[..] else {
                    return false;
                };
                return count_upto(&units[label].text, COLUMN_LABEL_CHARS + 1)
                    <= COLUMN_LABEL_CHARS
                    && pen_name_chars(&units[title].text).is_none();
            }
            _ => return false,
        }
    }
    false
}

/// The longest column label over a title ([`unsigned_column_above`]).
const COLUMN_LABEL_CHARS: usize = 6;

fn classify_folded(unit: &Unit<'_>) -> Class {
    use super::traditional::{fold, unfold_part};
    let std::borrow::Cow::Owned(folded) = fold(&unit.text) else {
        return classify(unit);
    };
    let read = Unit {
        text: std::borrow::Cow::Owned(folded),
        ..unit.clone()
    };
    let mut class = classify(&read);
    class.dateline = class.dateline.map(|d| unfold_part(&unit.text, &d, true));
    class.credit = class.credit.map(|c| unfold_part(&unit.text, &c, false));
    class
}

/// Classify one unit.
pub fn classify(unit: &Unit<'_>) -> Class {
    let text: &str = &unit.text;
    let mut class = Class {
        role: Role::Body,
        explicit: false,
        dateline: None,
        jump_in: false,
        jump_out: false,
        credit: None,
        complete: is_complete(text),
        rule: "body: running text",
        label: false,
        flush: false,
    };
    match unit.markup {
        Markup::Noise => {
            class.role = Role::Noise;
            class.rule = "noise: markup with nothing to read";
            return class;
        }
        Markup::Furniture => {
            class.role = Role::Noise;
            class.rule = "furniture: page head, page number, page credit or attribution";
            return class;
        }
        Markup::Banner => {
            class.role = Role::DocBreak;
            class.rule =
                "furniture: a banner over a run of briefs or photos (the article above ends)";
            return class;
        }
        Markup::DocBreak => {
            class.role = Role::DocBreak;
            class.rule = "document break";
            return class;
        }
        Markup::Title => {
            class.role = Role::Head;
            class.explicit = true;
            class.rule = "head: title field";
            return class;
        }
        Markup::RunIn => {
            class.role = Role::Head;
            class.explicit = true;
            class.rule = "head: run-in head of an item (■head　text, an entry's 【head】text)";
            return class;
        }
        Markup::Field(field) => {
            read_field(field, text, &mut class);
            return class;
        }
        Markup::None => {}
    }
    if is_end_mark(text) {
        class.role = Role::DocBreak;
        class.rule = "end: （完） alone ends its story";
        return class;
    }
    if is_rule_line(text) {
        class.role = Role::Noise;
        class.rule = "noise: a rule or a table's border (━━━, ┌──┬──┐)";
        return class;
    }
    // Every length rule below looks at most 80 characters; count no further.
    let n = count_upto(text, 81);
    if is_subtitle(text) && n <= 80 {
        class.role = Role::Subtitle;
        class.rule = "subtitle: starts with ——";
        return class;
    }
    // Jump lines and date lines read the same under a converter's `#`: Markdown is
    // a hint, not the truth.
    if n <= 40 {
        // (The marker's shape first: most lines open with none of its brackets or
        // verbs, and are not searched for the verb.)
        // (`（转第9版）`, a jump printed without its `下`, ends a part too.)
        if is_whole_marker(text) && (is_jump_marker(text, "下转") || is_jump_marker(text, "转第"))
        {
            class.role = Role::JumpOut;
            class.rule = "jump out: (下转…版) alone";
            return class;
        }
        if is_whole_marker(text) && is_jump_marker(text, "上接") {
            class.role = Role::JumpIn;
            class.rule = "jump in: (上接…版) alone";
            return class;
        }
        if is_date_line(text) {
            class.role = Role::Date;
            class.rule = "date line";
            return class;
        }
    }
    // A photo's credit alone under its caption (`### 本报记者 韦叙白 摄`) is the
    // caption's credit whatever a converter marked it as.
    if unit.level > 0 && !(n <= 20 && is_caption(text, n) && !text.contains(['，', '。'])) {
        // (A converter's heading is read as before, a credit run on into text
        // too: on a page read by its columns it marks where a story opens.)
        if byline_shaped(text, n) {
            class.role = Role::Byline;
            class.rule = "byline: Markdown heading that names a reporter";
        } else {
            class.role = Role::Head;
            class.explicit = true;
            class.rule = "head: Markdown heading";
        }
        return class;
    }
    if is_caption(text, n) {
        class.role = Role::Caption;
        class.complete = true;
        class.credit = caption_credit(text)
            .or_else(|| picture_credit(text))
            .or_else(|| {
                // A bare credit line (`新华社发`) is its own credit.
                (n <= 12 && !text.contains(['，', '。'])).then(|| text.to_string())
            });
        class.rule = "caption: … 摄 or 图/… credit, or 图为…";
        return class;
    }
    if is_byline(text, n) {
        class.role = Role::Byline;
        class.rule = "byline: reporter role or byline field";
        return class;
    }
    if n <= 12 && is_name_line(text) {
        class.role = Role::Byline;
        class.rule = "byline: a person's name alone (surname list, jieba nr)";
        return class;
    }
    if n <= 40 && is_dateline_alone(text) {
        class.role = Role::Byline;
        class.rule = "byline: a dateline alone on its line (新华社北京5月3日电)";
        return class;
    }
    if is_table_row(text) {
        class.role = Role::Body;
        class.rule = "body: a table row (cells set apart, two or more of them figures)";
        return class;
    }
    // A line that opens with a dateline and goes on is a lede, however short.
    if is_head(text, n) && !opens_with_dateline(text) {
        class.role = Role::Head;
        class.rule = "head: short line without sentence punctuation";
        return class;
    }
    // The line's characters and completeness are known already (nothing above
    // changed `class.complete`): body_features would count and read it again.
    let complete = class.complete;
    known_body_features(text, n, complete, &mut class);
    class
}

/// `300741　苘湾农业　9.27　　+0.87%`, `| 第三局 | 25 | 18 |`, `普惠小微贷款余额（万亿元）  33.6  18.2%`:
/// a row of a table printed as text: three or more cells apart (a tab, a bar, two
/// spaces or a full-width space between them), two or more of them figures only.
/// It is text of the article around it, never a head.
pub fn is_table_row(text: &str) -> bool {
    // Two figures need two ASCII digits, and three cells a cut between them (a tab,
    // a pipe, U+3000 or two spaces): told on bytes first, as most lines have neither.
    // The digits are counted in one branch-free pass (vectorised; most lines of text
    // have fewer than two, and were read a byte at a time to the end), before any
    // search for the cuts.
    let b = text.as_bytes();
    if ascii_digits(b) < 2 || !has_cell_cut(b) {
        return false;
    }
    if count_upto(text, 201) > 200 {
        return false;
    }
    let mut cells = 0;
    let mut figures = 0;
    for cell in text
        .split(['\t', '|', '\u{3000}'])
        .flat_map(|c| c.split("  "))
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        cells += 1;
        let figure = cell.chars().any(|c| c.is_ascii_digit())
            && cell.chars().all(|c| {
                c.is_ascii_digit()
                    || matches!(
                        c,
                        '.' | ',' | '%' | '+' | '-' | '−' | ':' | '∶' | '／' | '/'
                    )
            });
        figures += usize::from(figure);
    }
    cells >= 3 && figures >= 2
}

/// Whether `b` (a line's UTF-8) holds a cut between a table's cells: a tab, a pipe,
/// two spaces or U+3000 (`E3 80 80`). One byte search for the first three, one for
/// the `E3` of the last, where a search for U+3000 stopped at every `80` that goes
/// on a Han character, and one for two spaces read the line again.
fn has_cell_cut(b: &[u8]) -> bool {
    memchr::memchr3_iter(b'\t', b'|', b' ', b).any(|i| b[i] != b' ' || b.get(i + 1) == Some(&b' '))
        || memchr::memchr_iter(0xE3, b).any(|i| b[i + 1..].starts_with(&[0x80, 0x80]))
}

/// The role a draft's field label gave its line (see `draft`): the label is the
/// truth, whatever the text looks like.
fn read_field(field: DraftField, text: &str, class: &mut Class) {
    match field {
        DraftField::Kicker | DraftField::Title => {
            class.role = Role::Head;
            class.explicit = true;
            class.rule = "head: a draft's head field (引题：, 主题：)";
        }
        DraftField::Subtitle => {
            class.role = Role::Subtitle;
            class.rule = "subtitle: a draft's subtitle field (副题：)";
        }
        DraftField::Byline => {
            class.role = Role::Byline;
            class.rule = "byline: a draft's author field (作者：)";
        }
        // The caption is the text of its photo; a credit line under it makes the
        // article a photo, as on a printed page.
        DraftField::Caption => {
            body_features(text, class);
            class.rule = "body: a draft's caption field (图片说明：)";
        }
    }
}

/// `（完）`: the end mark of a story (wire copy, drafts), alone on its line.
pub fn is_end_mark(text: &str) -> bool {
    matches!(
        text,
        "（完）" | "(完)" | "【完】" | "（全文完）" | "(全文完)"
    )
}

/// Fill the features of running text: dateline, jump markers, closing credit.
pub fn body_features(text: &str, class: &mut Class) {
    known_body_features(text, count_upto(text, 81), is_complete(text), class);
}

/// [`body_features`] of a line whose characters (`count_upto(text, 81)`) and
/// completeness ([`is_complete`]) are known.
fn known_body_features(text: &str, n: usize, complete: bool, class: &mut Class) {
    class.dateline = dateline(text);
    class.jump_in = starts_with_jump_in(text);
    class.jump_out = ends_with_jump_out(text);
    class.credit = trailing_credit(text).or_else(|| source_note(text, n));
    // A paragraph that ends with its credit ends the article's text.
    class.complete = complete || class.credit.is_some();
}

/// `（原载《澄川日报》2025年10月16日第3版，本报有删节）`: a short line wholly in
/// brackets after an article's text, saying where it came from: the article's credit.
fn source_note(text: &str, n: usize) -> Option<String> {
    let inner = text.strip_prefix(['（', '('])?.strip_suffix(['）', ')'])?;
    if !(6..=48).contains(&n)
        || inner.contains(['（', '(', '。'])
        || has(text, "下转")
        || has(text, "上接")
    {
        return None;
    }
    // It names a paper or a source, not a remark.
    (inner.contains('《') || has(inner, "来源") || has(inner, "供稿") || has(inner, "原载"))
        .then(|| text.to_string())
}

/// `(《绫州都市报》11月3日2版刊发)`: a reprint note after the text, saying which paper
/// printed the story first: it ends the text, and credits no one.
pub fn is_reprint_note(text: &str) -> bool {
    let inner = text
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    inner.starts_with('《') && (inner.ends_with("刊发") || inner.ends_with("刊登"))
}

fn is_subtitle(text: &str) -> bool {
    text.starts_with("——") || text.starts_with("─") || text.starts_with("--")
}

/// Box-drawing characters (`─` `━` `│` `┌` `┼` …): a table's borders and rows.
pub fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{257f}').contains(&c)
}

/// Any box-drawing character in `text` (U+2500–U+257F, UTF-8 `E2 94 xx` or
/// `E2 95 xx`), found by a byte search: every line of every page asks.
pub fn has_box_drawing(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(0xE2, b).any(|i| matches!(b.get(i + 1), Some(0x94 | 0x95)))
}

/// A line of box-drawing characters only (`━━━━`, `├──┼──┤`): a rule between
/// items or a table's border, no text (a subtitle's dash is followed by words).
pub fn is_rule_line(text: &str) -> bool {
    let mut boxes = 0;
    for c in text.chars() {
        if is_box_drawing(c) {
            boxes += 1;
        } else if !(c == ' ' || c == '\u{3000}') {
            return false;
        }
    }
    boxes >= 3
}

/// `咨询电话:6621088`, `联系人:仝先生　电话:15035805217`: a field whose value is a
/// phone number (seven or more digits right after a colon): contact details, never a
/// heading.
fn has_phone_field(text: &str) -> bool {
    let mut rest = text;
    while let Some(i) = rest.find([':', '：']) {
        let after = &rest[i..];
        let after = &after[after.chars().next().map_or(1, char::len_utf8)..];
        let digits = after
            .chars()
            .take_while(|&c| crate::text::is_digit(c) || c == '-')
            .filter(|c| *c != '-')
            .count();
        if digits >= 7 {
            return true;
        }
        rest = after;
    }
    false
}

/// A short line of contact details (`地址:新塘区滨河大道188号 电话:0000-8899666`).
pub fn is_contact_line(text: &str) -> bool {
    count_upto(text, 41) <= 40 && has_phone_field(text)
}

/// A short line without sentence-final punctuation that reads as a heading.
pub fn is_head(text: &str, n: usize) -> bool {
    let most = super::measures::measures().head_chars;
    if n > most && n <= 80 && is_notice_title(text) {
        return true;
    }
    if n == 0 || n > most {
        return false;
    }
    let last = text.chars().next_back().unwrap_or(' ');
    if matches!(last, '？' | '?') {
        return n <= 50 && (starts_numbered(text) || is_question_label(text));
    }
    if ends_sentence(text)
        || matches!(
            last,
            '，' | '、'
                | ','
                | '：'
                | ':'
                | '；'
                | ';'
                | '—'
                | '-'
                | '('
                | '（'
                | '《'
                | '“'
                | '︐'
                | '︑'
                | '︓'
                | '︔'
                | '﹁'
                | '︵'
        )
    {
        return false;
    }
    if holds_any_char(text, &['。', '；', '︒', '︔']) {
        return false;
    }
    // A row of a table (`楝城城投2028        2.35%         -1.5`): fields apart by
    // wide gaps, not a heading; nor a row between box-drawing bars (`│序号│名称│`).
    if wide_gaps(text) >= 2 || has_box_drawing(text) {
        return false;
    }
    if holds_any_char(text, &[':', '：']) && has_phone_field(text) {
        return false;
    }
    // A wholly parenthesised line is a note or credit, not a heading.
    if text.starts_with(['（', '(']) && text.ends_with(['）', ')']) {
        return false;
    }
    // A long line full of commas is a cut sentence, not a heading.
    let commas = text
        .chars()
        .filter(|&c| matches!(c, '，' | ',' | '︐'))
        .count();
    if commas >= 2 || (commas == 1 && n > 24) {
        return false;
    }
    true
}

/// Gaps of two or more spaces (or U+3000) between text in a line.
fn wide_gaps(text: &str) -> usize {
    let mut gaps = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '\t' {
            // A tab (a Word table saved as text) is a wide gap by itself.
            run += 2;
        } else if c == ' ' || c == '\u{3000}' {
            run += 1;
        } else {
            if run >= 2 {
                gaps += 1;
            }
            run = 0;
        }
    }
    gaps
}

/// Words that end the title of an official notice (`…关于…的通知`).
const NOTICE_WORDS: [&str; 11] = [
    "公告",
    "通知",
    "通告",
    "启事",
    "声明",
    "公示",
    "决定",
    "倡议书",
    "意见",
    "办法",
    "更正",
];

/// `更正`, `声　明`: one of [`NOTICE_WORDS`] and nothing else, spaces not counted;
/// a head that only ends with one (`停水通知`, `招聘启事`) says what its notice is
/// about.
pub fn is_notice_word(text: &str) -> bool {
    let bare = || text.chars().filter(|c| !c.is_whitespace());
    NOTICE_WORDS.iter().any(|w| bare().eq(w.chars()))
}

/// `某某局关于…的公告`: an official notice's title (`更　正` spaced out too).
pub fn is_notice_title(text: &str) -> bool {
    let ends = |t: &str| NOTICE_WORDS.iter().any(|w| t.ends_with(w));
    !ends_sentence(text)
        && !holds_char(text, '，')
        && !holds_char(text, '。')
        && (ends(text)
            || (count_upto(text, 7) <= 6 && {
                let squeezed: String = text
                    .chars()
                    .filter(|&c| c != ' ' && c != '\u{3000}')
                    .collect();
                ends(&squeezed)
            }))
        && (super::lexicon::lexicon().holds_a_subject(text) || count_upto(text, 20) <= 20)
}

/// `问：…？`: the question heading a Q&A item, opened by a question's label alone
/// (the lexicon's `kind_words.question_labels`), then a colon.
pub fn is_question_label(text: &str) -> bool {
    opens_with_label(text, super::lexicon::KindList::QuestionLabels)
}

/// `问：…`, `记者：…`: `text` opens with a word of the lexicon's kind list `labels`
/// alone, then a colon (full-width or not).
pub fn opens_with_label(text: &str, labels: super::lexicon::KindList) -> bool {
    // (Most paragraphs open with no label's first character: no word is compared.)
    let lexicon = super::lexicon::lexicon();
    lexicon.kind_word_may_open(labels, text)
        && lexicon.kind_words(labels).any(|w| {
            !w.is_empty()
                && text
                    .strip_prefix(w)
                    .is_some_and(|rest| rest.starts_with(['：', ':']))
        })
}

/// `72.如何理解…？`, `三、…`, `（一）…`.
fn starts_numbered(text: &str) -> bool {
    let digits = text
        .chars()
        .take_while(|&c| crate::text::is_digit(c))
        .count();
    if digits > 0 {
        let next = text.chars().nth(digits);
        return matches!(next, Some('.' | '．' | '、' | ' '));
    }
    let mut it = text.chars();
    matches!(
        (it.next(), it.next()),
        (
            Some('一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'),
            Some('、')
        )
    )
}

/// `一、…`, `（二）…`: a section of an essay numbered in Chinese numerals (a
/// numbered question, `72.如何理解…？`, heads an item of its own instead).
pub(crate) fn starts_section_number(text: &str) -> bool {
    if text.ends_with(['？', '?']) {
        return false;
    }
    if let Some(rest) = text.strip_prefix(['（', '('])
        && let Some(close) = rest.find(['）', ')'])
        && (1..=2).contains(&rest[..close].chars().count())
        && rest[..close].chars().all(is_chinese_numeral)
    {
        return true;
    }
    let mut it = text.chars();
    it.next().is_some_and(is_chinese_numeral) && it.next() == Some('、')
}

pub(super) fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Reporters' roles, as words a byline names them by.
pub const ROLE_WORDS: [&str; 8] = BYLINE_ROLES;
const BYLINE_ROLES: [&str; 8] = [
    "记者",
    "通讯员",
    "实习生",
    "特约撰稿人",
    "撰稿",
    "摄影",
    "评论员",
    "特约评论员",
];
/// The first characters of `BYLINE_ROLES`.
const ROLE_STARTS: [char; 7] = ['记', '通', '实', '特', '撰', '摄', '评'];
const BYLINE_FIELDS: [&str; 10] = [
    "作者：",
    "作者:",
    "时间：",
    "来源：",
    "来源:",
    "编辑：",
    "责任编辑",
    "文/",
    "文／",
    "□",
];

/// A byline standing on its own line.
pub fn is_byline(text: &str, n: usize) -> bool {
    byline_shaped(text, n) && !credit_runs_on(text)
}

/// [`is_byline`] of a line whose length is not known yet (counted here, up to 81).
pub fn is_byline_line(text: &str) -> bool {
    is_byline(text, count_upto(text, 81))
}

/// [`is_byline`] but for a lede's first line cut right after its credit, which
/// reads as a byline too (`都市报讯（记者 綦望舒）今`).
fn byline_shaped(text: &str, n: usize) -> bool {
    if n == 0 || n > 80 || ends_sentence(text) || holds_char(text, '，') || holds_char(text, '。')
    {
        return false;
    }
    // `记者 蒲公英)`: closing a bracket it did not open, it is the tail of a cut line.
    if closes_more_than_opens(text) {
        return false;
    }
    if BYLINE_FIELDS.iter().any(|f| text.starts_with(f))
        || (holds_char(text, '：') && has(text, "时间："))
    {
        return true;
    }
    if n > 30 {
        return false;
    }
    if is_labelled_names(text) || is_credited_names(text) {
        return true;
    }
    // `◎林望舒`, `○ 石礫`: a writer's name after the mark papers sign columns with.
    if let Some(name) = text.strip_prefix(['◎', '○'])
        && (2..=4).contains(&count_upto(super::blocks::trim(name), 5))
        && super::blocks::trim(name)
            .chars()
            .all(|c| is_han(c) || c == '·')
        && surname_len(super::blocks::trim(name)) > 0
    {
        return true;
    }
    if text.ends_with("评论员") || text.ends_with("评论部") || text.ends_with("本报评论员")
    {
        return true;
    }
    // `芦岭县茅坪镇党委书记 甘若愚`: the author's post, then the name; `纶园小区居民
    // 宓纭舟`, `枳岭县梓岙镇 轩辕守成`: a reader's standing or home, then the name
    // (a letter's signature).
    if let Some((post, name)) = text.rsplit_once(char::is_whitespace)
        && (super::lexicon::lexicon().is_post(super::blocks::trim(post))
            || is_home(super::blocks::trim(post)))
        && is_name_line(name)
    {
        return true;
    }
    // `南渠区滨河小区 读者 顾一帆`: a reader's signature (a place, the word, a name).
    if let Some(pos) = find_str(text, "读者") {
        let (before, rest) = (&text[..pos], &text[pos + "读者".len()..]);
        if (before.is_empty() || before.ends_with(char::is_whitespace))
            && rest.starts_with(char::is_whitespace)
            && names_follow(rest)
            && !is_other_word(rest.split_whitespace().next().unwrap_or(""))
        {
            return true;
        }
    }
    // Each role counts at its first occurrence only; one pass finds them all.
    let mut met = 0u8;
    for (pos, c) in text.char_indices() {
        if !ROLE_STARTS.contains(&c) {
            continue;
        }
        for (r, role) in BYLINE_ROLES.iter().enumerate() {
            if met & (1 << r) != 0 || !text[pos..].starts_with(role) {
                continue;
            }
            met |= 1 << r;
            let rest = &text[pos + role.len()..];
            if rest.is_empty()
                || rest.starts_with(|c: char| c.is_whitespace())
                || names_follow(rest)
            {
                return true;
            }
        }
    }
    false
}

/// `枳岭县梓岙镇`, `箨山市箐口街道`, `辄坪区轸山路`: where a reader who signs a letter
/// lives (Han characters, three to sixteen, ending as a place's name does).
fn is_home(text: &str) -> bool {
    (3..=16).contains(&count_upto(text, 17))
        && text.chars().all(is_han)
        && (super::lexicon::lexicon().ends_like_place(text) || text.ends_with("街道"))
}

/// True when `text` holds more closing brackets (`)`, `）`) than opening ones (`(`,
/// `（`). Told on bytes: `（` and `）` are `EF BC 88` and `EF BC 89`, and a byte search
/// for `(`, `)` and `EF` stops at the few full-width marks of a line, where reading
/// it a character at a time (twice) decoded every character.
fn closes_more_than_opens(text: &str) -> bool {
    let b = text.as_bytes();
    let mut open: isize = 0;
    for i in memchr::memchr3_iter(b'(', b')', 0xEF, b) {
        match (b[i], b.get(i + 1), b.get(i + 2)) {
            (b'(', ..) | (0xEF, Some(0xBC), Some(0x88)) => open += 1,
            (b')', ..) | (0xEF, Some(0xBC), Some(0x89)) => open -= 1,
            _ => {}
        }
    }
    open < 0
}

/// `都市报讯（记者 綦望舒）今`, `新华社北京5月9日电（记者 苏芃）国`: a dateline's
/// credit in brackets with the text run on after it on the same line, 20
/// characters at most. A narrow column cut the lede's first line there: the line
/// opens the lede (its credit inline, as the paper prints it), it is no byline
/// alone; it still tells where a story opens, as a byline does.
pub(crate) fn credit_runs_on(text: &str) -> bool {
    // (Only a narrow column's line: a hard-wrapped page's long line is read as
    // it was.)
    if count_upto(text, 21) > 20 {
        return false;
    }
    let Some(end) = dateline_marker(text) else {
        return false;
    };
    let rest = trim(&text[end..]);
    let Some(inner) = rest.strip_prefix(['（', '(']) else {
        return false;
    };
    let Some(close) = inner.find(['）', ')']) else {
        return false;
    };
    let after = trim(&inner[close..][inner[close..].chars().next().map_or(0, char::len_utf8)..]);
    after
        .chars()
        .next()
        .is_some_and(|c| is_han(c) || crate::text::is_digit(c))
}

/// `文：黄以宁`, `报道：林慧心`, `摄影：陈志豪　编辑：许佩文`, `文｜冼若愚　图｜岳听松`,
/// `文/戚晚舟`: short field labels (one to four Han characters before a colon, a bar
/// or a slash), each followed by a person's name.
fn is_labelled_names(text: &str) -> bool {
    // A line with no label mark has no field: its first word is no name after a
    // label. Told on bytes first, as most lines asked hold none, where the words
    // were cut and the first searched for the marks a character at a time.
    if !holds_label_mark(text) {
        return false;
    }
    let mut fields = 0;
    let mut want_name = false;
    for part in text.split(char::is_whitespace).filter(|p| !p.is_empty()) {
        let name = match part.split_once(LABEL_MARKS) {
            Some((label, name)) => {
                if !(1..=4).contains(&count_upto(label, 5)) || !label.chars().all(is_han) {
                    return false;
                }
                fields += 1;
                name
            }
            None if want_name => part,
            None => return false,
        };
        want_name = name.is_empty();
        if !want_name && !is_name_line(name) {
            return false;
        }
    }
    fields > 0 && !want_name
}

/// The marks a field label of [`is_labelled_names`] ends with.
const LABEL_MARKS: [char; 6] = ['：', ':', '｜', '|', '/', '／'];

/// Whether `text` holds one of [`LABEL_MARKS`]: one byte search for the three
/// ASCII ones, one for the `EF` the full-width ones open with (`：` `EF BC 9A`,
/// `｜` `EF BD 9C`, `／` `EF BC 8F`), then the two bytes after it.
fn holds_label_mark(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3(b':', b'|', b'/', b).is_some()
        || memchr::memchr_iter(0xEF, b).any(|i| {
            matches!(
                b.get(i + 1..i + 3),
                Some([0xBC, 0x9A] | [0xBD, 0x9C] | [0xBC, 0x8F])
            )
        })
}

/// `缑小满　整理`, `宓家珍藏　阚小禾翻拍`, `口述　王大爷`: names, each with what the
/// person did (a credit verb of the lexicon, glued to the name or a word of its
/// own before or after it), and nothing else.
pub fn is_credited_names(text: &str) -> bool {
    let lexicon = super::lexicon::lexicon();
    let tokens = || text.split(char::is_whitespace).filter(|t| !t.is_empty());
    // (No credit verb, no credit: most lines stop here, before any name is read.)
    if !tokens().any(|t| lexicon.before_credit_verb(t).is_some()) {
        return false;
    }
    // Beside a credit verb a name needs no family name the lexicon knows
    // (`缑小满`): two to four Han characters that are no dictionary word
    // (`资料整理`, `会议记录` are no credits).
    let name = |t: &str| {
        is_name_line(t)
            || ((2..=4).contains(&count_upto(t, 5)) && t.chars().all(is_han) && !is_other_word(t))
    };
    let (mut names, mut verbs) = (0, 0);
    for token in tokens() {
        match lexicon.before_credit_verb(token) {
            Some("") => verbs += 1,
            Some(before) if name(before) => {
                names += 1;
                verbs += 1;
            }
            Some(_) => return false,
            None if name(token) => names += 1,
            None => return false,
        }
    }
    names > 0 && verbs > 0 && names <= 3 && verbs <= names
}

/// One dictionary word jieba knows as something other than a name (`来信`).
fn is_other_word(token: &str) -> bool {
    let tags = crate::words::jieba().tag(token, false);
    tags.len() == 1 && !tags[0].tag.starts_with("nr")
}

/// `王芳`, `尹曼 黎川`: what follows a reporter's role without a space is names (one to
/// three, the first opening with a family name), not a word (`记者手记`, `评论员观察`).
fn names_follow(rest: &str) -> bool {
    let mut names = 0;
    for (k, token) in rest
        .split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        let n = count_upto(token, 5);
        if k >= 3 || !(2..=4).contains(&n) || !token.chars().all(|c| is_han(c) || c == '·') {
            return false;
        }
        // A name holds no pronoun of address or of the speaker: `记者帮你问`, `记者
        // 带你看` are a column's label, words jieba cuts to single characters.
        if token.contains(['你', '您', '我', '咱']) {
            return false;
        }
        // The first token is a name, not a word (`手记`, `观察`): it opens with a
        // family name, or jieba knows it as a name or not at all (`晓岚`).
        // Nor words of the dictionary one after another, none a name, glued to the
        // role's word (`作品征集` after `摄影` in `“春日寻桥”摄影作品征集`, a call
        // for photographs); set apart by a space they may be a pen name
        // (`城南小区 读者 山城老兵`).
        if k == 0 && super::lexicon::lexicon().surname_len(token) == 0 {
            let tags = crate::words::jieba().tag(token, false);
            if tags.len() == 1 && !tags[0].tag.starts_with("nr") {
                return false;
            }
            if !rest.starts_with(char::is_whitespace)
                && tags.iter().all(|t| {
                    t.word.chars().nth(1).is_some() && !t.tag.starts_with("nr") && t.tag != "x"
                })
            {
                return false;
            }
        }
        names += 1;
    }
    names > 0
}

/// `本报北京10月19日电`, `新华社澄川10月18日电（记者孔令舟）`: a dateline with nothing
/// after it (by newsroom habit the byline of the article below).
pub fn is_dateline_alone(text: &str) -> bool {
    if !text.starts_with(['本', '新', '中', '据']) {
        return false;
    }
    let h = head(text, 40);
    if h.len() != text.len() {
        return false;
    }
    let Some(end) = dateline_marker(h) else {
        return false;
    };
    // Only agency datelines (`…电`) count: `本报讯` alone is too rare to trust.
    if !text[..end].ends_with('电') {
        return false;
    }
    let rest = super::blocks::trim(&text[end..]);
    rest.is_empty()
        || ((rest.starts_with(['（', '(']) && rest.ends_with(['）', ')']))
            && count_upto(rest, 20) <= 18
            && !rest.contains(['，', '。']))
}

/// How many characters of `name` are its family name: one the lexicon lists
/// (`lexicon.toml`), or a rarer one jieba's dictionary knows alone as a person's
/// name (`nr`: `笪`, `隗`, `宓`) and cuts off the start of `name` as a word of its
/// own (`笪晚舟`, not `峰会`); 0 when it opens with none.
pub(crate) fn surname_len(name: &str) -> usize {
    family_name(name).0
}

/// [`surname_len`] of `name`, with jieba's tags of the whole of `name` when
/// finding a rarer family name took them (so a caller that tags `name` too need
/// not tag it again).
fn family_name(name: &str) -> (usize, Option<Vec<jieba_rs::Tag<'_>>>) {
    match super::lexicon::lexicon().surname_len(name) {
        0 if name.chars().next().is_some_and(is_name_alone) => {
            let tags = crate::words::jieba().tag(name, false);
            let len = tags
                .first()
                .filter(|t| t.tag == "nr" && t.word.chars().nth(1).is_none())
                .map_or(0, |_| 1);
            (len, Some(tags))
        }
        n => (n, None),
    }
}

/// Whether jieba's dictionary tags character `c` alone as a person's name
/// (`nr`), remembered by character for the thread (most lines asked about open
/// with one of a few hundred characters, and tagging a line costs more).
fn is_name_alone(c: char) -> bool {
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<char, bool>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    if !is_han(c) {
        return false;
    }
    SEEN.with(|seen| {
        *seen.borrow_mut().entry(c).or_insert_with(|| {
            let mut buf = [0u8; 4];
            let tags = crate::words::jieba().tag(c.encode_utf8(&mut buf), false);
            tags.len() == 1 && tags[0].tag == "nr"
        })
    })
}

/// What a pen mark signs (`◇苔径`, `□ 郗晓梅`, the mark gone): two to four Han
/// characters, spaced out or not (a pen name need not open with a family name), or
/// a line that reads as a person's name ([`is_name_line`]).
pub(super) fn is_pen_signed_name(text: &str) -> bool {
    let bare: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    (2..=4).contains(&count_upto(&bare, 5)) && bare.chars().all(is_han) || is_name_line(text.trim())
}

/// A person's name alone on a line (`王芳`, `·贺星河·`, `周 立 言`): two to four Han
/// characters that open with a family name ([`surname_len`]) and are no dictionary
/// word of another kind (jieba's tag `nr` marks names), or a name in middle dots.
pub fn is_name_line(text: &str) -> bool {
    let dotted = text.starts_with('·') && text.ends_with('·');
    // `何　田`, `周 立 言`: one name spaced out a character at a time (and not a
    // credit spaced out by OCR, `庞 楠 摄`).
    let spaced_out = text
        .trim_matches('·')
        .split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .all(|t| t.chars().nth(1).is_none());
    if spaced_out && text.ends_with(['摄', '作', '绘', '文', '图']) {
        return false;
    }
    if count_upto(text, 24) <= 22
        && !spaced_out
        && text.trim_matches('·').contains(char::is_whitespace)
    {
        return are_names(text.trim_matches('·'), dotted);
    }
    let mut name = [0u8; 16];
    let mut len = 0;
    let mut chars = 0;
    for c in text.chars() {
        if c.is_whitespace() || c == '·' || c == '\u{3000}' {
            continue;
        }
        if !is_han(c) || chars == 4 {
            return false;
        }
        len += c.encode_utf8(&mut name[len..]).len();
        chars += 1;
    }
    if chars < 2 {
        return false;
    }
    let Ok(name) = std::str::from_utf8(&name[..len]) else {
        return false;
    };
    // A place (`柘塘区`, `石门县`) is no person.
    if super::lexicon::lexicon().ends_like_place(name) {
        return false;
    }
    if dotted {
        return true;
    }
    let (surname, tags) = family_name(name);
    if surname == 0 || chars <= surname || chars - surname > 2 {
        return false;
    }
    // A dictionary word is a name only when jieba tags it as one (`王芳`, not `周末`).
    let tags = tags.unwrap_or_else(|| crate::words::jieba().tag(name, false));
    if surname == 2 && is_place_or_thing_after_a_word(&tags) {
        return false;
    }
    tags.len() > 1 || tags.iter().all(|t| t.tag.starts_with("nr"))
}

/// `百里画廊`, `南宫古街`: a short head that opens with the characters of a
/// two-character family name, where jieba reads those two characters as one word of
/// another kind (a number, a place) and the rest as one noun of a thing or a place of
/// two characters or more. A pen name keeps its family name read as a name or not as
/// one word (`澹台明远`; `梁丘素问`, `巫马守义`: jieba cuts the family name apart) or
/// has a given name that is no such noun (`百里清晏`).
fn is_place_or_thing_after_a_word(tags: &[jieba_rs::Tag<'_>]) -> bool {
    let [opening, rest] = tags else {
        return false;
    };
    // A one-character given name is often a noun alone (`巫马青`, `欧阳林`).
    rest.word.chars().nth(1).is_some()
        && ["n", "ns", "nt", "nz", "nl", "ng", "s", "f"].contains(&rest.tag)
        && !opening.tag.starts_with("nr")
}

/// `闻笛　常青藤`, `·程远帆 黎小满·`: two or three names side by side, the first
/// opening with a family name (or all in middle dots).
fn are_names(text: &str, dotted: bool) -> bool {
    let mut tokens = 0;
    for token in text.split(char::is_whitespace).filter(|t| !t.is_empty()) {
        let n = count_upto(token, 5);
        if tokens == 3 || !(2..=4).contains(&n) || !token.chars().all(is_han) {
            return false;
        }
        let surname = surname_len(token);
        if !dotted && surname == 0 {
            return false;
        }
        // `边发掘 边保护` is two verbs, not two people.
        let given = &token[token
            .char_indices()
            .nth(surname)
            .map_or(token.len(), |(i, _)| i)..];
        // (A verb word, not a character jieba reads as a verb: `严松龄` is a name.)
        if !dotted && {
            let tags = crate::words::jieba().tag(given, false);
            tags.len() == 1 && tags[0].tag.starts_with('v')
        } {
            return false;
        }
        tokens += 1;
    }
    tokens >= 2
}

/// A photo caption: ends with a `… 摄` credit or starts with `图为`.
pub fn is_caption(text: &str, n: usize) -> bool {
    if caption_credit(text).is_some() || picture_credit(text).is_some() {
        return true;
    }
    // A bare photo credit line: `新华社发`, `资料图片`, `视觉中国供图`.
    if n <= 12
        && !text.contains(['，', '。'])
        && (text.ends_with("图片") || text.ends_with("供图") || text.ends_with("社发"))
    {
        return true;
    }
    // An artist's credit under a cartoon or drawing: `朱小满 作`, `柯蓝　绘`.
    if n <= 10
        && let Some(name) = text
            .strip_suffix('作')
            .or_else(|| text.strip_suffix('绘'))
            .and_then(|t| t.strip_suffix(char::is_whitespace))
        && is_name_line(super::blocks::trim(name))
    {
        return true;
    }
    starts_picture_note(text) && ends_sentence(text) && count_upto(text, 300) <= 300
}

/// A caption's opening words that point at its picture (`图为…`, `上图：…`).
pub(super) fn starts_picture_note(text: &str) -> bool {
    ["图为", "上图", "下图", "左图", "右图", "图：", "图片："]
        .iter()
        .any(|p| text.starts_with(p))
}

/// `/`, `／` or `｜` opens `after`: the mark that, right after `图`, sets off a
/// picture's credit (`图/冼小满`, `图／文 晚报记者 蒲公英`, `图｜冼小满`).
pub(super) fn sets_off_picture_credit(after: &str) -> bool {
    after.starts_with(['/', '／', '｜'])
}

/// `… 在林区巡查。 图/冼小满`: a caption's sentence, then its picture's credit
/// (`图/` and a name, see [`sets_off_picture_credit`]) after a space; the credit.
fn picture_credit(text: &str) -> Option<String> {
    if !has_picture_credit_mark(text) {
        return None;
    }
    let (before, name) = rsplit_credit_mark(text)?;
    let sentence = before.strip_suffix('图')?;
    let trimmed = sentence.trim_end_matches(|c: char| c.is_whitespace());
    (trimmed.len() < sentence.len() && ends_sentence(trimmed) && is_name_line(name.trim()))
        .then(|| super::blocks::trim(&text[trimmed.len()..]).to_string())
}

/// `图` and the mark that sets off a picture's credit ([`sets_off_picture_credit`])
/// somewhere in `text`: a line without one (nearly every line) has no
/// [`picture_credit`], whose last such mark closes `图`. Told by one SIMD search for
/// the last byte of `图` (`E5 9B BE`: few characters end with `BE`), where finding
/// the last mark reads every `8F` and `9C` byte the line's characters hold (and a
/// substring searcher for `图` cost more to run on a short line than the reading).
fn has_picture_credit_mark(text: &str) -> bool {
    const PICTURE: &[u8] = "图".as_bytes();
    let b = text.as_bytes();
    memchr::memchr_iter(PICTURE[2], b)
        .any(|i| i >= 2 && b[i - 2..=i] == *PICTURE && sets_off_picture_credit(&text[i + 1..]))
}

/// `text` split at its last mark that may set off a picture's credit, `/`, `／`
/// (U+FF0F, `EF BC 8F`) or `｜` (U+FF5C, `EF BD 9C`): as `rsplit_once(['/', '／',
/// '｜'])`, found by a byte search from the end (every line of a page asks, and most
/// hold none).
fn rsplit_credit_mark(text: &str) -> Option<(&str, &str)> {
    let b = text.as_bytes();
    memchr::memrchr3_iter(b'/', 0x8F, 0x9C, b).find_map(|i| {
        let lead = if b[i] == 0x8F {
            [0xEF, 0xBC]
        } else {
            [0xEF, 0xBD]
        };
        if b[i] == b'/' {
            Some((&text[..i], &text[i + 1..]))
        } else {
            (i >= 2 && b[i - 2..i] == lead).then(|| (&text[..i - 2], &text[i + 1..]))
        }
    })
}

/// The `张三 摄` credit at the end of a caption (its verb a word of the lexicon's
/// `kind_words.photo_verbs`).
pub fn caption_credit(text: &str) -> Option<String> {
    let t = text.trim_end_matches([')', '）']);
    let (before, verb) = super::lexicon::lexicon()
        .kind_words(super::lexicon::KindList::PhotoVerbs)
        .filter(|w| !w.is_empty())
        // The longest verb that ends it (`拍摄` before `摄`, were both listed).
        .filter_map(|w| t.strip_suffix(w).map(|before| (before, w)))
        .max_by_key(|(_, w)| w.len())?;
    let before = before.trim_end_matches(|c: char| c.is_whitespace());
    // The name: a short run of Han characters (names may be spaced: `李 满`).
    let window = tail(before, 24);
    let mut name_len = 0usize;
    let mut start = window.len();
    for (i, c) in window.char_indices().rev() {
        if is_han(c) || c == '·' {
            name_len += 1;
            start = i;
        } else {
            break;
        }
    }
    // `新华社发（萨米尔·哈达德摄）`: a foreign name, its parts apart by `·`.
    let foreign = name_len <= 12 && window[start..].contains('·');
    // `（记者林雨亭摄）`: a role glued before the name counts as its credit.
    let mut glued_role = false;
    if name_len > 4 && !foreign {
        let run = &window[start..];
        let (r, role) = BYLINE_ROLES
            .iter()
            .filter_map(|role| find_str(run, role).map(|r| (r, role)))
            .min()?;
        let name = &run[r + role.len()..];
        if !(2..=4).contains(&count_upto(name, 5)) || count_upto(&run[..r], 3) > 2 {
            return None;
        }
        glued_role = true;
    }
    if name_len == 0 {
        return None;
    }
    let spaced = before.len() < t.len() - verb.len();
    let prev = window[..start].chars().next_back();
    let name_ok = match prev {
        None => spaced,
        Some(c) => {
            c.is_whitespace()
                || is_stop(c)
                || is_close_mark(c)
                || c == '/'
                || c == '：'
                || ((glued_role || foreign) && matches!(c, '（' | '('))
                // `新华社发（眭思齐摄）`, `（蔺晓川 摄）`: a credit in brackets of its own.
                || (matches!(c, '（' | '(')
                    && t.len() < text.len()
                    && is_name_line(super::blocks::trim(&window[start..])))
        }
    };
    if !name_ok && !before.ends_with("记者") {
        return None;
    }
    // The credit runs back from the name to the last sentence end.
    let cut = window[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_stop(c) || is_close_mark(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let offset = before.len() - window.len();
    let credit = super::blocks::trim(&text[offset + cut..]);
    Some(credit.to_string())
}

/// `1940年1月6日`, `二〇二四年三月五日 星期二`, `2025年3月`: a date alone on its line
/// (a weekday or a parenthesis may follow it after a space).
pub fn is_date_line(text: &str) -> bool {
    // A date opens with its year's figures (see [`read_date`]): a line that opens
    // with no figure is none, told before it is cut into words.
    if !text.chars().next().is_some_and(is_printed_figure) {
        return false;
    }
    let t = text
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or(text);
    let rest_ok = {
        let rest = super::blocks::trim(&text[t.len()..]);
        rest.is_empty()
            || rest.starts_with("星期")
            || rest.starts_with("周")
            || rest.starts_with('（')
            || rest.starts_with('(')
    };
    if !rest_ok {
        return false;
    }
    let t = t
        .split(['（', '('])
        .next()
        .unwrap_or(t)
        .trim_end_matches(['，', ',']);
    read_date(t, Figures::Printed).is_some_and(|date| date.len == t.len())
}

/// How the figures of a date may be printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figures {
    /// Arabic figures (ASCII or full-width) and Chinese numerals (`二〇二五`).
    Printed,
    /// As a scan also reads them: a letter O or o for 0, l or I for 1 (`2O26`).
    Scanned,
}

/// A date read from the start of a text (see [`read_date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRead {
    /// Bytes read.
    pub len: usize,
    /// The day was read too (`…月5日`), not only the year and month.
    pub day: bool,
}

/// `笪鹤年先生治丧小组　2026年12月9日`: who signs a notice and when, on one line: a
/// name (two Han characters or more) and then a full date (year, month and day), with
/// no sentence in it; or who signs and the verb they sign with, without a date.
pub fn is_signature_line(text: &str) -> bool {
    // Or signed without a date: who signs, then the verb they sign with (`子　钮建峰
    // 女　钮建华　率全家泣告`, `隗长庚家属　敬谢`), on a short line of no sentence.
    if is_signoff_line(text) {
        return true;
    }
    // A full date ends the line (`…日`) and holds its year (`…年`): most lines are
    // told by these looks alone, before anything is gathered or read.
    if count_upto(text, 41) > 40 || !text.trim_end().ends_with('日') || !text.contains('年') {
        return false;
    }
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let Some((at, _)) = squeezed.char_indices().find(|&(i, _)| {
        read_date(&squeezed[i..], Figures::Printed)
            .is_some_and(|date| date.day && i + date.len == squeezed.len())
    }) else {
        return false;
    };
    let name = &squeezed[..at];
    name.chars().filter(|&c| is_han(c)).nth(1).is_some()
        && !name.contains(['。', '，', '；', '！', '？'])
}

/// Who signs a notice or a box, on a line of its own under its text: an office's
/// name (`蘧州交警支队`, `lexicon().office_endings`), a name ending with a signer's
/// word (`谯北辰先生治丧小组`, `隗长庚及家人`: `lexicon().signer_endings`), a
/// person's name, or a line [`is_signature_line`] reads; short, with no sentence
/// punctuation. A head of other words (`网络问政`, `本周生活信息一览`) signs nothing.
pub fn reads_as_signer(text: &str) -> bool {
    if is_signature_line(text) {
        return true;
    }
    let text = text.trim();
    names_an_issuer(text)
        || (count_upto(text, SIGNER_MAX + 1) <= SIGNER_MAX
            && !text.contains(NOT_IN_A_SIGNER)
            && is_name_line(text))
}

/// The fewest characters an issuer's name ([`names_an_issuer`]) has.
const ISSUER_MIN: usize = 5;

/// The most characters a signer's line ([`reads_as_signer`], [`names_an_issuer`]) has.
const SIGNER_MAX: usize = 24;

/// The punctuation no signer's line holds: a sentence's, a field's colon, a list's
/// `、`.
const NOT_IN_A_SIGNER: [char; 9] = ['。', '，', '；', '！', '？', '：', ',', ':', '、'];

/// `鹛湖公园管理处`, `鼌阳市交警支队鼀湖大队`, `郜棠秋先生治丧小组`, `…村民　郗若木及家人`:
/// a short line of no sentence punctuation and no figures naming who issues a notice, five
/// characters or more: an office (ending with a word of `lexicon().office_endings`)
/// or a signer (`lexicon().signer_endings`). A shorter one is as often a title
/// (`老戏台`, `山间小站`, `我们全家`).
/// (The office's words name offices: no word of one character that ends titles
/// too, `…部` of `突破三百部`, `…厂` of `重返老棉纺厂`.)
pub fn names_an_issuer(text: &str) -> bool {
    let text = super::blocks::trim_white(text);
    let lexicon = super::lexicon::lexicon();
    // (Most lines end with no office's or signer's last character: they are told
    // by it before they are read for marks and figures. The line is trimmed, so
    // it ends with the character its gathering without spaces ends with.)
    if !text
        .chars()
        .next_back()
        .is_some_and(|c| lexicon.may_end_an_issuer(c))
    {
        return false;
    }
    // (A row of a list or a box carries figures, `4月10日下午 磐石路社区卫生服务站`.)
    if count_upto(text, SIGNER_MAX + 1) > SIGNER_MAX
        || text.contains(NOT_IN_A_SIGNER)
        || text.chars().any(crate::text::is_digit)
    {
        return false;
    }
    // (Gathered only when there are spaces to drop: most heads have none.)
    let squeezed: std::borrow::Cow<'_, str> = if text.contains(char::is_whitespace) {
        text.split_whitespace().collect::<String>().into()
    } else {
        text.into()
    };
    count_upto(&squeezed, ISSUER_MIN) >= ISSUER_MIN
        && (lexicon.is_office(&squeezed) || lexicon.ends_like_signer(&squeezed))
}

/// `隗长庚家属　敬谢`, `子　钮建峰　女　钮建华　率全家泣告`: a short line of no sentence
/// punctuation that ends with a sign-off verb (`lexicon().signoff_verbs`) set apart
/// from who signs (two Han characters at least) by a space, by a word that joins
/// the two (`…率泣告`: `lexicon().signoff_leads`), or by a signer's word
/// (`…率全家泣告`, `…家属敬谢`, `郗家亲属敬告`: `lexicon().signer_endings`). A head that ends with such a word reads on
/// (`老兵向英烈深深鞠躬`, `致读者的敬告`): no signature.
fn is_signoff_line(text: &str) -> bool {
    let text = text.trim_end();
    // The verb first: most lines end with no verb's last character, and are told
    // by it before their marks are read.
    let lexicon = super::lexicon::lexicon();
    let Some(who) = lexicon.before_signoff_verb(text) else {
        return false;
    };
    if count_upto(text, 31) > 30 || text.contains(['。', '，', '；', '！', '？', '：', ',', ':'])
    {
        return false;
    }
    let set_apart = who.ends_with([' ', '\u{3000}'])
        || lexicon.ends_with_signoff_lead(who)
        || lexicon.ends_like_signer(who);
    set_apart && who.chars().filter(|&c| is_han(c)).count() >= 2
}

/// `2026年5月6日`, `2O26年5月6日`, `2026 年 2 月 7 日`, `二〇二五年三月`: a date alone,
/// as a scan prints it too (a letter O or l for a figure, spaces between the parts).
pub fn is_date_alone(text: &str) -> bool {
    // A date read whole ends with its day or its month.
    if !text.trim_end().ends_with(['日', '月']) {
        return false;
    }
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    read_date(&squeezed, Figures::Scanned).is_some_and(|date| date.len == squeezed.len())
}

/// The date `s` opens with, with no space inside it: a year of four figures
/// (`2026年`, `二〇二五年`; a year of one figure is no date), its month (`3月`, `十二月`)
/// and perhaps its day (`5日`, `二十五日`). The one reader of dates for every pass
/// that asks whether a line is, ends with or opens with a date.
pub fn read_date(s: &str, figures: Figures) -> Option<DateRead> {
    let year = read_figures_then(s, 0, '年', 4..=4, figures)?;
    // A scan's letters stand for figures among figures, not for a whole year.
    if figures == Figures::Scanned
        && s[..year].chars().filter(|&c| is_scanned_figure(c)).count() > 2
    {
        return None;
    }
    let month = read_figures_then(s, year, '月', 1..=3, figures)?;
    Some(match read_figures_then(s, month, '日', 1..=3, figures) {
        Some(day) => DateRead {
            len: day,
            day: true,
        },
        None => DateRead {
            len: month,
            day: false,
        },
    })
}

/// True when `c` is a figure of a date read with [`Figures::Printed`], Arabic or
/// Chinese (so also what such a date opens with: its year's first).
fn is_printed_figure(c: char) -> bool {
    // (A match, not a search of a string of the numerals: `str::contains` sets up
    // a substring search for the character's bytes at every call.)
    crate::text::is_digit(c)
        || matches!(
            c,
            '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
}

/// The month and day `s` opens with, without a year (`12月8日`, `十月十日`): the bytes
/// read, month and day both (a month alone is not read).
pub fn read_month_day(s: &str, figures: Figures) -> Option<usize> {
    let month = read_figures_then(s, 0, '月', 1..=3, figures)?;
    read_figures_then(s, month, '日', 1..=3, figures)
}

/// A letter a scan reads for a figure: O or o for 0, l or I for 1.
fn is_scanned_figure(c: char) -> bool {
    matches!(c, 'O' | 'o' | 'l' | 'I')
}

/// From byte `from` of `s`, a run of figures (as many as `count` allows) and then
/// `mark`: the byte after the mark.
fn read_figures_then(
    s: &str,
    from: usize,
    mark: char,
    count: std::ops::RangeInclusive<usize>,
    figures: Figures,
) -> Option<usize> {
    let figure =
        |c: char| is_printed_figure(c) || (figures == Figures::Scanned && is_scanned_figure(c));
    let rest = &s[from..];
    let end = rest.find(|c: char| !figure(c)).unwrap_or(rest.len());
    let n = rest[..end].chars().count();
    (count.contains(&n) && rest[end..].starts_with(mark)).then_some(from + end + mark.len_utf8())
}

/// `(下转第2版)`, `◀上接A01版`: a jump marker alone on its line.
pub fn is_jump_line(text: &str) -> bool {
    count_upto(text, 41) <= 40
        && (is_jump_marker(text, "下转") || is_jump_marker(text, "上接"))
        && is_whole_marker(text)
}

fn is_jump_marker(text: &str, verb: &str) -> bool {
    has(text, verb) && text.contains(['版', '面'])
}

/// The whole text is one parenthesised marker (or a bare `下转第2版`), read by its
/// length: a narrow column's first line, marker and text (`（上接第一版）开发区管委会把`),
/// passes too, and rehome reads that line's jump-in role to move its jump head
/// over it. Whether the marker is all the line holds is
/// [`jump_marker_ends_line`]'s question, asked only where the marker is filed
/// apart (reading this one so changes cuts: blind13, 21, 71 lose, blind75, 77 gain).
fn is_whole_marker(text: &str) -> bool {
    let opens = text.starts_with(['(', '（', '[', '【', '◀', '▶'])
        || text.starts_with("下转")
        || text.starts_with("上接")
        || text.starts_with("转")
        || text.starts_with("接");
    if !opens {
        return false;
    }
    let inner = text
        .trim_start_matches(['(', '（', '[', '【', '◀', '▶'])
        .trim_end_matches([')', '）', ']', '】']);
    count_upto(inner, 20) <= 16
}

/// A jump marker with nothing after it on its line: its first closing bracket
/// ends the line (`（上接第1版）`, `【上接A01版】`), or, with no bracket, the page
/// it names does (`◀上接A01版`, `接第三面`). `（上接第一版）开发区管委会把` and
/// `◀上接A01版开发区管委会把` carry text on.
pub(super) fn jump_marker_ends_line(text: &str) -> bool {
    match text.find([')', '）', ']', '】']) {
        Some(c) => text[c..].chars().count() == 1,
        None => text.ends_with(['版', '面']),
    }
}

fn starts_with_jump_in(text: &str) -> bool {
    text.starts_with(['（', '(']) && has(head(text, 14), "上接")
}

fn ends_with_jump_out(text: &str) -> bool {
    if !text.ends_with(['）', ')']) {
        return false;
    }
    let t = tail(text, 14);
    has(t, "下转") || has(t, "转第")
}

/// The `(任晓明)` or `·韩露 郑凯·` credit that closes an article's last paragraph.
pub fn trailing_credit(text: &str) -> Option<String> {
    if text.ends_with('·') {
        return dotted_credit(text);
    }
    if !(text.ends_with(')') || text.ends_with('）')) {
        return None;
    }
    let t = tail(text, 26);
    let open = t.rfind(['(', '（'])?;
    let inner = &t[open..];
    let content = inner
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let n = count_upto(content, 24);
    if n == 0 || n > 22 || holds_char(content, '版') {
        return None;
    }
    let ok_chars = content
        .chars()
        .all(|c| is_han(c) || matches!(c, '、' | '·' | ' ' | '\u{3000}' | '，' | ',' | ';' | '；'));
    if !ok_chars {
        return None;
    }
    let before = &text[..text.len() - inner.len()];
    let prev = before.chars().next_back();
    match prev {
        None => {}
        Some(c) if is_stop(c) || is_close_mark(c) || c.is_whitespace() => {}
        _ => return None,
    }
    Some(inner.to_string())
}

/// A dateline marker with more text after it (`晚报讯 从11月22日起，…`).
fn opens_with_dateline(text: &str) -> bool {
    if dateline(text).is_none() {
        return false;
    }
    let h = head(text, 40);
    dateline_marker(h).is_some_and(|end| !super::blocks::trim(&h[end..]).is_empty())
}

/// `……纳入清单。·韩露 郑凯·`: names in middle dots after a sentence end.
fn dotted_credit(text: &str) -> Option<String> {
    let t = tail(text, 20);
    let inner = t.strip_suffix('·')?;
    let open = inner.rfind('·')?;
    let names = &inner[open + '·'.len_utf8()..];
    let n = count_upto(names, 16);
    if !(2..=14).contains(&n)
        || !names
            .chars()
            .all(|c| is_han(c) || c == ' ' || c == '\u{3000}' || c == '、')
    {
        return None;
    }
    let credit = &t[open..];
    let before = &text[..text.len() - credit.len()];
    match before.chars().next_back() {
        Some(c) if is_stop(c) || is_close_mark(c) || c.is_whitespace() => Some(credit.to_string()),
        _ => None,
    }
}

/// The dateline at the start of a lede, and its byline part when it names one
/// (`本报讯（记者宋向红）` -> `本报讯（记者宋向红）`, `本报讯 1月4日` -> ``).
pub fn dateline(text: &str) -> Option<String> {
    // Every marker `dateline_marker` knows starts with one of these characters or
    // holds a dateline's word (`讯`, `消息`) in its first 8: most body text is
    // rejected here.
    if !text.starts_with(['本', '特', '新', '中', '据', '〔', '【', '（', '('])
        && !news_word_opens(text)
    {
        return None;
    }
    let h = head(text, 40);
    if let Some(end) = bracketed_credit_lede(h).or_else(|| bracketed_reporters(h)) {
        return Some(text[..end].to_string());
    }
    let marker_end = dateline_marker(h)?;
    let rest = &h[marker_end..];
    let rest_trim = rest.trim_start_matches(|c: char| c.is_whitespace());
    let lead_ws = rest.len() - rest_trim.len();
    if rest_trim.starts_with('（') || rest_trim.starts_with('(') {
        let close = rest_trim.find(['）', ')'])?;
        let group = &rest_trim[..close + rest_trim[close..].chars().next()?.len_utf8()];
        if has(group, "记者") || has(group, "通讯员") || count_upto(group, 16) <= 14 {
            let end = marker_end + lead_ws + group.len();
            return Some(text[..end].to_string());
        }
    }
    // `本报讯 记者郝文斌报道：` names the reporter without brackets.
    if rest_trim.starts_with("记者")
        && let Some(pos) = find_str(head(rest_trim, 16), "报道")
    {
        let end = marker_end + lead_ws + pos + "报道".len();
        return Some(text[..end].to_string());
    }
    Some(String::new())
}

/// Whether a dateline's word may end among the first [`DATELINE_WORD_CHARS`]
/// characters of `text`: one of them opens a word of the lexicon's
/// `kind_words.dateline_words` or `outlet_news_words` (`讯`, `消` of `消息`); every
/// line of text that opens with no dateline's character asks.
fn news_word_opens(text: &str) -> bool {
    super::lexicon::lexicon().news_word_may_open_within(text, DATELINE_WORD_CHARS)
}

/// `〔记者林雨亭／岚城报导〕`, `【记者 黎海 报道】`: a bracketed credit opening a
/// lede, naming the reporter and ending with the verb of reporting (Taiwan and
/// Hong Kong papers print the dateline so); the end (byte offset) of the bracket.
fn bracketed_credit_lede(h: &str) -> Option<usize> {
    let close = match h.chars().next()? {
        '〔' => '〕',
        '【' => '】',
        _ => return None,
    };
    let end = h.find(close)?;
    let inner = &h['〔'.len_utf8()..end];
    let reporter = inner.starts_with("记者") || has(inner, "记者") || has(inner, "通讯员");
    let reports = inner.ends_with("报导") || inner.ends_with("报道") || inner.ends_with('电');
    (reporter && reports && count_upto(inner, 25) <= 24).then_some(end + close.len_utf8())
}

/// `（本报通讯员鄢文华）`, `（记者 苗青禾　通讯员 贺远山）`: reporters credited in
/// round brackets at the very start of a lede, with no dateline before them (as
/// older papers print it): each role a reporter's, each name two to four Han
/// characters that are no other dictionary word, and the lede's text after it.
/// The end (byte offset) of the bracket.
fn bracketed_reporters(h: &str) -> Option<usize> {
    let inner_at = h.strip_prefix(['（', '('])?;
    let close = inner_at.find(['）', ')'])?;
    let end = h.len() - inner_at.len() + close + inner_at[close..].chars().next()?.len_utf8();
    if trim(&h[end..]).is_empty() {
        return None;
    }
    let mut rest = trim(&inner_at[..close]);
    let mut names = 0;
    while !rest.is_empty() {
        let after_paper = rest.strip_prefix("本报").unwrap_or(rest);
        let after_special = after_paper.strip_prefix("特约").unwrap_or(after_paper);
        let role = ["记者", "通讯员", "实习生"]
            .into_iter()
            .find(|r| after_special.starts_with(r))?;
        let after_role = trim(&after_special[role.len()..]);
        // The names up to the next role (or the end).
        let upto = ["本报", "特约", "记者", "通讯员", "实习生"]
            .iter()
            .filter_map(|r| find_str(after_role, r))
            .filter(|&at| at > 0)
            .min()
            .unwrap_or(after_role.len());
        let mut any = false;
        for name in after_role[..upto].split(|c: char| c.is_whitespace() || c == '、') {
            if name.is_empty() {
                continue;
            }
            // A name, not a word (`记者手记`).
            if !(2..=4).contains(&count_upto(name, 5))
                || !name.chars().all(is_han)
                || is_other_word(name)
            {
                return None;
            }
            any = true;
            names += 1;
        }
        if !any {
            return None;
        }
        rest = trim(&after_role[upto..]);
    }
    (names > 0).then_some(end)
}

/// How far into a line (in characters) a dateline's word after a name
/// (`南都讯`, `央视网消息`) may end: [`dateline_marker`], and [`news_word_opens`]
/// before it.
const DATELINE_WORD_CHARS: usize = 8;

/// End (byte offset) of a dateline marker at the start of `h`.
pub(super) fn dateline_marker(h: &str) -> Option<usize> {
    // `【本报讯】`: a marker in brackets.
    if let Some(rest) = h.strip_prefix(['【', '［', '['])
        && let Some(close) = rest.find(['】', '］', ']'])
        && dateline_marker(&rest[..close]) == Some(close)
    {
        let bracket = rest[close..].chars().next().map_or(0, char::len_utf8);
        return Some(h.len() - rest.len() + close + bracket);
    }
    use super::lexicon::KindList;
    let lexicon = super::lexicon::lexicon();
    // `本报讯`, `特讯`: the lexicon's dateline_markers.
    if let Some(m) = lexicon
        .kind_words(KindList::DatelineMarkers)
        .find(|m| !m.is_empty() && h.starts_with(m))
    {
        return Some(m.len());
    }
    // `本报（记者…）`: the paper's own name for itself before a bracket.
    if let Some(own) = lexicon.kind_words(KindList::OwnPaperWords).find(|w| {
        !w.is_empty()
            && h.strip_prefix(w)
                .is_some_and(|r| r.starts_with(['（', '(']))
    }) {
        return Some(own.len());
    }
    // `本报平壤1月3日电`, `新华社北京1月1日电`, `中新社…电`
    for agency in lexicon
        .kind_words(KindList::OwnPaperWords)
        .chain(lexicon.kind_words(KindList::DispatchAgencies))
        .filter(|w| !w.is_empty())
    {
        if let Some(rest) = h.strip_prefix(agency) {
            let window = head(rest, 16);
            if let Some(pos) = window.find('电') {
                let between = &window[..pos];
                if between.contains('日') || between.contains('月') || pos <= 12 {
                    return Some(agency.len() + pos + '电'.len_utf8());
                }
            }
        }
    }
    // `南都讯`, `信息时报讯`, `央视网消息`: a word of the lexicon's
    // `kind_words.dateline_words` or `outlet_news_words` after a name.
    let prefix = head(h, DATELINE_WORD_CHARS);
    for word in lexicon
        .kind_words(KindList::DatelineWords)
        .chain(lexicon.kind_words(KindList::OutletNewsWords))
        .filter(|w| !w.is_empty())
    {
        if let Some(pos) = find_str(prefix, word) {
            let before = &prefix[..pos];
            let bn = before.chars().count();
            let after = h[pos + word.len()..].chars().next();
            if (2..=6).contains(&bn)
                && before.chars().all(|c| is_han(c) || c.is_ascii_alphabetic())
                && matches!(after, Some(' ' | '\u{3000}' | '（' | '(' | '：' | ':'))
            {
                return Some(pos + word.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod byte_search_tests {
    use super::*;

    proptest::proptest! {
        /// A dateline word's first character (`讯`, `消`) among the first eight
        /// characters, found as `head` and a search find it.
        #[test]
        fn a_news_word_is_found_as_a_search_finds_it(s in "[讯消息a1，。本报 \u{1F600}]{0,14}") {
            use crate::segment::lexicon::KindList;
            let lexicon = crate::segment::lexicon::lexicon();
            let firsts: Vec<char> = lexicon
                .kind_words(KindList::DatelineWords)
                .chain(lexicon.kind_words(KindList::OutletNewsWords))
                .filter_map(|w| w.chars().next())
                .collect();
            proptest::prop_assert_eq!(
                news_word_opens(&s),
                head(&s, DATELINE_WORD_CHARS).contains(firsts.as_slice()),
                "{:?}",
                s
            );
        }

        /// A cut between cells found on bytes is one found by searching for each.
        #[test]
        fn a_cell_cut_is_found_on_bytes(s in "[ \t|｜\u{3000}、。社a1]{0,16}") {
            let searched = s.contains(['\t', '|', '\u{3000}']) || s.contains("  ");
            proptest::prop_assert_eq!(has_cell_cut(s.as_bytes()), searched, "{:?}", s);
        }

        /// A needle found by its last byte is where `find` finds it (`者` `E8 80 85`
        /// and `倅` `E5 80 85` end alike).
        #[test]
        fn find_str_is_find(
            s in "[读者倅报道a1 ，\u{3000}]{0,14}",
            n in "[读者倅报道a1 ，]{0,3}"
        ) {
            let found = if n.is_empty() { None } else { s.find(n.as_str()) };
            proptest::prop_assert_eq!(find_str(&s, &n), found, "{:?} {:?}", s, n);
        }

        /// `图` before a credit mark, found by the last byte of `图`, is found where
        /// a search for `图` finds it (`悾` `E6 82 BE` ends as `图` `E5 9B BE` does).
        #[test]
        fn a_picture_mark_is_found_on_bytes(s in "[图悾/／｜ 。a社]{0,14}") {
            let searched = s
                .match_indices('图')
                .any(|(i, _)| sets_off_picture_credit(&s[i + '图'.len_utf8()..]));
            proptest::prop_assert_eq!(has_picture_credit_mark(&s), searched, "{:?}", s);
        }

        /// A label mark found on bytes is one a search for the marks finds.
        #[test]
        fn a_label_mark_is_found_on_bytes(s in "[：:｜|/／，。；、＞社a1 ]{0,12}") {
            proptest::prop_assert_eq!(holds_label_mark(&s), s.contains(LABEL_MARKS), "{:?}", s);
        }
    }
}

#[cfg(test)]
mod picture_slash_tests {
    use super::*;

    proptest::proptest! {
        /// The cheap test never turns away a line whose last slash closes `图`.
        #[test]
        fn a_picture_credit_has_its_mark(s in "[图/／｜ 。a社摄]{0,16}") {
            let closes = rsplit_credit_mark(&s).is_some_and(|(before, _)| before.ends_with('图'));
            proptest::prop_assert!(!closes || has_picture_credit_mark(&s), "{}", s);
            let split = s.rfind(['/', '／', '｜']).map(|i| {
                let mark = s[i..].chars().next().map_or(0, char::len_utf8);
                (&s[..i], &s[i + mark..])
            });
            proptest::prop_assert_eq!(rsplit_credit_mark(&s), split);
        }
    }

    #[test]
    fn a_caption_keeps_its_picture_credit() {
        assert!(has_picture_credit_mark("在林区巡查。 图/冼小满"));
        assert!(has_picture_credit_mark("在林区巡查。 图／冼小满"));
        assert!(has_picture_credit_mark("在林区巡查。 图｜冼小满"));
        assert!(!has_picture_credit_mark("图 片/冼小满"));
        assert_eq!(
            picture_credit("护林员在林区巡查。 图/冼小满").as_deref(),
            Some("图/冼小满")
        );
        assert_eq!(
            picture_credit("护林员在林区巡查。 图｜冼小满").as_deref(),
            Some("图｜冼小满")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Who issues a notice is named at five characters or more, by an office's
    /// word or a signer's; a shorter name, or a title that ends with a word of one
    /// character that also ends titles (`…部`, `…厂`), names nobody. Before a
    /// sign-off verb, a signer's word sets the verb apart as a space does.
    #[test]
    fn who_signs_is_named_at_five_characters_or_more() {
        for text in [
            "蘧州市马拉松组委会",
            "隗长庚及家人",
            "中共茳西县委宣传部",
            "蘧州公路管理站",
        ] {
            assert!(names_an_issuer(text), "{text}");
        }
        for text in ["我们全家", "重返老棉纺厂", "图书突破三百部", "老戏台"] {
            assert!(!names_an_issuer(text), "{text}");
        }
        for text in [
            "郗家亲属敬告",
            "子　钮建峰　率全家泣告",
            "隗长庚家属　敬谢",
            "子　钮建峰率泣告",
        ] {
            assert!(is_signature_line(text), "{text}");
        }
        assert!(!is_signature_line("老兵向英烈深深鞠躬"));
    }

    /// What a pen mark signs, as the three passes that ask it (lone marks, unwrap,
    /// assemble's bylines) read it: a short run of Han characters, spaced out or
    /// not, or a name line; never a clause, one character or Latin letters.
    #[test]
    fn a_pen_mark_signs_a_short_name() {
        for name in ["苔径", "郗 晓 梅", " 江上舟子 ", "·贺星河·"] {
            assert!(is_pen_signed_name(name), "{name}");
        }
        for text in ["厂里的老师傅说", "字", "Li Hua", "绿萝好养。", ""] {
            assert!(!is_pen_signed_name(text), "{text}");
        }
    }

    #[test]
    fn digits_are_counted_over_blocks_of_any_length() {
        assert_eq!(ascii_digits("2026年12月5日，第3版".as_bytes()), 8);
        assert_eq!(ascii_digits("今天，数百只野鸭落脚湿地。".as_bytes()), 0);
        assert_eq!(ascii_digits("１２３/:".as_bytes()), 0);
        let long = format!("{}{}", "7".repeat(600), "字".repeat(90));
        assert_eq!(ascii_digits(long.as_bytes()), 600);
    }
    use crate::segment::blocks::units;

    /// Rows of a table printed as text are text, never heads; a title or a credit
    /// with a full-width space in it is no table row.
    #[test]
    fn table_rows_are_text_not_heads() {
        for row in [
            "300741　苘湾农业　9.27　　 +0.87%",
            "| 3 | 鸥湖青年 | 2 | 2 | 1 | 8 |",
            "普惠小微贷款余额（万亿元）  33.6    18.2%",
            "小麦\t2.48\t2.40\t2.44",
        ] {
            assert!(is_table_row(row), "{row}");
            assert_eq!(classify(&units(row)[0]).role, Role::Body, "{row}");
        }
        for line in [
            "周末有小雨　出行带好伞",
            "本报记者　瞿一帆　摄",
            "2026年6月2日　星期二　农历四月廿七",
            "一季度GDP增长5.2%　CPI上涨0.3%",
        ] {
            assert!(!is_table_row(line), "{line}");
        }
    }

    fn role(line: &str) -> Role {
        classify(&units(line)[0]).role
    }

    /// An agency credit with the photographer in brackets (`新华社发（蔺晓川 摄）`)
    /// is a caption's photo credit.
    #[test]
    fn bracketed_agency_credits_are_photo_credits() {
        assert_eq!(
            caption_credit("7月5日，游客在景区体验民俗表演。新华社发（蔺晓川 摄）").as_deref(),
            Some("新华社发（蔺晓川 摄）")
        );
        assert_eq!(
            caption_credit("一群候鸟掠过湿地的水面。新华社发（昝若水　摄）").as_deref(),
            Some("新华社发（昝若水　摄）")
        );
        assert_eq!(caption_credit("（他拍摄）"), None);
    }

    /// A table drawn with box characters, a rule and a line of contact details are
    /// no heads; a spaced-out `更　正` titles its notice; rows and contacts end text.
    #[test]
    fn rules_tables_and_contacts_are_no_heads() {
        assert_eq!(role("┌──┬──────┬────┐"), Role::Noise);
        assert_eq!(role("━━━━━━━━━━━━━━━━"), Role::Noise);
        assert_eq!(role("│序号│标的名称　│参考价│"), Role::Body);
        assert_eq!(role("咨询电话:6621088"), Role::Body);
        assert_eq!(role("联系人:岳先生　电话:13900001111"), Role::Body);
        assert_eq!(role("——记柘水镇的一位老党员"), Role::Subtitle);
        assert_eq!(role("12345热线电话开通"), Role::Head);
        assert!(is_notice_title("更　正"));
        assert!(!is_notice_title("更多精彩"));
        assert!(is_complete("│护士　│８　│"));
        assert!(is_complete("咨询电话：0351-6621088"));
        assert!(is_complete("2026年3月5日"));
        assert!(!is_complete("全年接待游客1200000"));
        assert!(has_box_drawing("│１　│"));
        // A vertically set page's punctuation reads as its horizontal forms.
        assert!(ends_sentence("在于变得了︒"));
        assert!(ends_sentence("﹁老﹂与﹁新﹂︒﹂"));
        assert!(is_complete("︵作者系市地方志办公室研究员︶"));
        assert!(is_head("﹁德顺昌﹂酱园的百年滋味", 12));
        assert!(!is_head("老字号之所以﹁老﹂︐在于守得住︔之所以还能活", 24));
        assert!(!has_box_drawing("“老街”——新貌…"));
    }

    /// A converter's `#` on a jump line or a timeline's date line does not make it
    /// a heading.
    #[test]
    fn markdown_is_a_hint_for_jump_and_date_lines() {
        assert_eq!(role("### (下转第2版)"), Role::JumpOut);
        assert_eq!(role("## （上接第一版）"), Role::JumpIn);
        assert_eq!(role("### 1952年1月6日"), Role::Date);
        assert_eq!(role("### 抓党建促基层治理能力提升"), Role::Head);
    }

    /// A number in Chinese numerals as a date prints it: a year figure by figure
    /// (`二〇二五`), a month or day counted (`十二`, `二十五`).
    fn counted(n: u32) -> String {
        const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        let (tens, ones) = (n / 10, n % 10);
        let mut s = String::new();
        if tens > 1 {
            s.push(DIGITS[tens as usize]);
        }
        if tens > 0 {
            s.push('十');
        }
        if ones > 0 || tens == 0 {
            s.push(DIGITS[ones as usize]);
        }
        s
    }

    proptest::proptest! {
        /// Every date a page prints is read as one, in figures or in Chinese numerals,
        /// with or without its day; a year of one figure (`5年3月2日`) makes no date.
        #[test]
        fn dates_are_read_in_figures_and_in_numerals(
            year in 1000u32..3000,
            month in 1u32..=12,
            day in 1u32..=31,
            numerals: bool,
            with_day: bool,
        ) {
            let date = if numerals {
                let year: String = year
                    .to_string()
                    .chars()
                    .map(|c| counted(c.to_digit(10).unwrap_or(0)))
                    .collect();
                format!("{year}年{}月", counted(month))
                    + &if with_day { format!("{}日", counted(day)) } else { String::new() }
            } else {
                format!("{year}年{month}月")
                    + &if with_day { format!("{day}日") } else { String::new() }
            };
            let read = read_date(&date, Figures::Printed);
            proptest::prop_assert_eq!(read, Some(DateRead { len: date.len(), day: with_day }), "{}", date);
            proptest::prop_assert!(is_date_line(&date), "{}", date);
            let weekday = format!("{date} 星期二");
            proptest::prop_assert!(is_date_line(&weekday), "{}", weekday);
            let short_year = format!("{}年{month}月{day}日", year % 10);
            proptest::prop_assert!(!is_date_line(&short_year), "{}", short_year);
            proptest::prop_assert_eq!(read_date(&short_year, Figures::Printed), None);
            // Without its year the month and day are read by the month-day reader,
            // and the whole-date reader turns the text away.
            let month_day = date[date.find('年').map_or(0, |i| i + '年'.len_utf8())..].to_string();
            let read = read_month_day(&month_day, Figures::Printed);
            let expected = with_day.then_some(month_day.len());
            proptest::prop_assert_eq!(read, expected, "{}", month_day);
            proptest::prop_assert_eq!(read_date(&month_day, Figures::Printed), None);
        }
    }

    proptest::proptest! {
        /// The byte pre-check of a table row turns away no row: lines of cells
        /// (tabs, pipes, U+3000, runs of spaces) and figures are rows exactly when
        /// their cells, read one by one, make one.
        #[test]
        fn table_rows_are_those_their_cells_make(s in "[0-9.%\t|\u{3000} 社区a]{0,30}") {
            let (mut cells, mut figures) = (0, 0);
            for cell in s
                .split(['\t', '|', '\u{3000}'])
                .flat_map(|c| c.split("  "))
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                cells += 1;
                figures += usize::from(
                    cell.chars().any(|c| c.is_ascii_digit())
                        && cell.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '%')),
                );
            }
            proptest::prop_assert_eq!(is_table_row(&s), cells >= 3 && figures >= 2);
        }

        /// The byte count of brackets is the count of the characters.
        #[test]
        fn brackets_are_counted_on_bytes(s in "[()（）［］｛｝＂ａ社 ，]{0,30}") {
            let count = |cs: [char; 2]| s.chars().filter(|c| cs.contains(c)).count();
            proptest::prop_assert_eq!(
                closes_more_than_opens(&s),
                count([')', '）']) > count(['(', '（'])
            );
        }

        #[test]
        fn byte_scans_agree_with_char_counts(s in "[a-z。，社区治理\u{1F600} ]{0,30}", n in 0usize..40) {
            let chars: Vec<char> = s.chars().collect();
            let head_ref: String = chars.iter().take(n).collect();
            let tail_ref: String = chars[chars.len().saturating_sub(n)..].iter().collect();
            proptest::prop_assert_eq!(head(&s, n), head_ref.as_str());
            proptest::prop_assert_eq!(tail(&s, n), tail_ref.as_str());
            proptest::prop_assert_eq!(count_upto(&s, n), chars.len().min(n + 1));
            let needle: String = chars.iter().skip(n / 3).take(2).collect();
            proptest::prop_assert_eq!(find_str(&s, &needle), if needle.is_empty() { None } else { s.find(&needle) });
        }
    }

    #[test]
    fn heads_bylines_and_bodies() {
        assert_eq!(role("春风吹绿小山村"), Role::Head);
        assert_eq!(role("12.怎样看待乡村振兴中的“人”？"), Role::Head);
        assert_eq!(role("村里修了一条路。"), Role::Body);
        assert_eq!(role("村里修了一条路，大家都很高兴，"), Role::Body);
        assert_eq!(role("——河西村修路记"), Role::Subtitle);
        assert_eq!(role("晋北日报记者 王小明"), Role::Byline);
        assert_eq!(role("记者 李四 通讯员 赵五"), Role::Byline);
        assert_eq!(role("本报评论员"), Role::Byline);
        assert_eq!(role("记者节座谈会在市里召开"), Role::Head);
        assert_eq!(role("（本报北京5月1日电）"), Role::Body);
        assert_eq!(role("作者：张三  时间：2020-01-01"), Role::Byline);
        assert_eq!(role("◎林望舒"), Role::Byline);
        assert_eq!(role("◎ 记者提醒"), Role::Head);
        assert_eq!(role("严秋实"), Role::Byline);
        assert_eq!(role("·贺星河·"), Role::Byline);
        assert_eq!(role("·程远帆 黎小满·"), Role::Byline);
        assert_eq!(role("闻笛\u{3000}常青藤"), Role::Byline);
        assert_eq!(role("改造不停业 摊主有安置"), Role::Head);
        assert_eq!(role("边发掘 边保护"), Role::Head);
        assert_eq!(role("记者 蒲公英)"), Role::Head);
        assert_eq!(role("晚报讯 从11月22日起，溱原"), Role::Body);
        assert_eq!(role("周末"), Role::Head);
        assert_eq!(role("今日关注"), Role::Head);
        assert_eq!(role("高考"), Role::Head);
        assert_eq!(role("石门县"), Role::Head);
        assert_eq!(role("迎新春"), Role::Head);
        assert_eq!(role("楝城城投2028        2.35%         -1.5"), Role::Body);
        assert_eq!(role("改造不停业  摊主有安置"), Role::Head);
    }

    #[test]
    fn names_spaced_out_or_side_by_side_and_artists_credits() {
        assert!(is_name_line("何　田"));
        assert!(!is_name_line("庞 楠 摄"));
        assert!(is_name_line("严松龄　顾晚晴"));
        assert!(!is_name_line("边发掘 边保护"));
        assert_eq!(role("朱小满 作"), Role::Caption);
        assert_ne!(role("大家一起 作"), Role::Caption);
    }

    /// A name opening with a family name the lexicon lacks is a name when jieba's
    /// dictionary knows that character alone as a person's name; a word opening with
    /// such a character is none.
    #[test]
    fn rarer_family_names_open_names() {
        for name in ["笪晚舟", "隗知春", "宓秋", "郦一帆"] {
            assert!(is_name_line(name), "{name}");
        }
        for word in ["峰会", "岩画", "鸿雁", "博物馆", "静待花开"] {
            assert!(!is_name_line(word), "{word}");
        }
    }

    /// A four-character pen name opening with a two-character family name of the
    /// Hundred Family Surnames (`梁丘素问`) is a name line, a byline under its title;
    /// an idiom opening with the same characters is none.
    #[test]
    fn compound_family_names_open_four_character_names() {
        for name in [
            "梁丘素问",
            "段干绿绮",
            "澹台明远",
            "夹谷磊",
            "巫马青",
            "巫马守义",
            "百里清晏",
        ] {
            assert!(is_name_line(name), "{name}");
            assert_eq!(role(name), Role::Byline, "{name}");
        }
        assert!(!is_name_line("百里挑一"));
        // Heads that open with such characters read as a word of another kind.
        for head in ["百里画廊", "百里茶园", "南宫花园"] {
            assert!(!is_name_line(head), "{head}");
            assert_eq!(role(head), Role::Head, "{head}");
        }
    }

    #[test]
    fn role_words_need_a_name_after_them() {
        assert_eq!(role("记者手记"), Role::Head);
        assert_eq!(role("评论员观察"), Role::Head);
        assert_eq!(role("本报记者尹曼 黎川"), Role::Byline);
        assert_eq!(role("记者王芳"), Role::Byline);
        assert_eq!(role("芦岭县茅坪镇党委书记 甘若愚"), Role::Byline);
        assert_eq!(role("中共楝城市委政策研究室主任　孟砚秋"), Role::Byline);
        assert_eq!(role("新书记上任 王芳"), Role::Head);
        // A reader's signature under a letter; a label with the word is no byline.
        assert_eq!(role("南渠区滨河小区 读者 顾一帆"), Role::Byline);
        assert_eq!(role("读者　温采薇"), Role::Byline);
        assert_eq!(role("读者来信"), Role::Head);
        assert_eq!(role("读者 来信"), Role::Head);
        // A reader's standing or home, then the name: a letter's signature.
        for line in [
            "青柳小区居民 包晓岚",
            "退休职工 柯秀春",
            "柳塘县梓溪镇 欧阳守成",
            "北坂区南关街道　龚筱雨",
            "苘湾县读者　栾继华",
        ] {
            assert_eq!(role(line), Role::Byline, "{line}");
        }
        for line in [
            "深化基层治理 建设美好家园",
            "柳塘县梓溪镇 王城公园",
            "城区 高温",
        ] {
            assert_eq!(role(line), Role::Head, "{line}");
        }
    }

    /// A dateline's bracketed credit with text run on after it is a lede's first
    /// line cut by a narrow column, not a byline alone; the credit alone still is.
    #[test]
    fn a_credit_with_text_run_on_opens_the_lede() {
        assert_eq!(role("都市报讯（记者 綦望舒）今"), Role::Body);
        assert_eq!(role("晚报讯（记者 亓映雪）菱溪"), Role::Body);
        assert_eq!(role("新华社北京5月9日电（记者 苏芃）国"), Role::Body);
        assert_eq!(role("新华社北京5月9日电（记者 苏芃）"), Role::Byline);
        assert_eq!(role("都市报讯（记者 綦望舒）"), Role::Byline);
        assert_eq!(role("（记者 綦望舒）"), Role::Byline);
    }

    /// A field label and a person's name (`文：黄以宁`, `文｜冼听雨`, several side by
    /// side) sign the text; a label over a word that is no name heads it.
    #[test]
    fn labelled_names_are_bylines() {
        assert_eq!(role("文：黄以宁"), Role::Byline);
        assert_eq!(role("报道：林慧心"), Role::Byline);
        assert_eq!(role("摄影：陈志豪　编辑：许佩文"), Role::Byline);
        assert_eq!(role("观察：高考改革"), Role::Head);
        assert_eq!(role("新书：王芳的小院"), Role::Head);
        // … set apart by a bar or a slash as well.
        assert_eq!(role("文｜冼听雨　图｜甘望舒"), Role::Byline);
        assert_eq!(role("摄影｜岳听松"), Role::Byline);
        assert_eq!(role("文/戚晚舟"), Role::Byline);
        assert_eq!(role("城市｜老街新生"), Role::Head);
    }

    #[test]
    fn a_name_with_what_the_person_did_is_a_byline() {
        for line in [
            "缑小满　整理",
            "宓家珍藏　阚小禾翻拍",
            "口述　王大爷",
            "阚小禾翻拍",
        ] {
            assert!(is_credited_names(line), "{line}");
            assert!(is_byline_line(line), "{line}");
        }
        for line in ["整理", "资料整理", "缑小满", "小区环境整治", "整理好的房间"]
        {
            assert!(!is_credited_names(line), "{line}");
        }
    }

    #[test]
    fn a_dateline_alone_is_a_byline() {
        assert_eq!(role("本报北京10月19日电"), Role::Byline);
        assert_eq!(role("新华社澄川10月18日电（记者孔令舟）"), Role::Byline);
        assert_eq!(role("本报讯"), Role::Head);
        assert_eq!(role("新华社北京5月3日电 今天，会议召开。"), Role::Body);
    }

    #[test]
    fn closing_credits_in_dots_and_source_notes() {
        let c = classify(&units("旧物都能回收。·韩露 郑凯·")[0]);
        assert_eq!(c.credit.as_deref(), Some("·韩露 郑凯·"));
        assert!(c.complete);
        let c = classify(&units("（原载《澄川日报》2025年10月16日第3版，本报有删节）")[0]);
        assert!(c.credit.is_some());
        let c = classify(&units("（下转第2版）")[0]);
        assert!(c.credit.is_none());
        let c = classify(&units("他说·好·")[0]);
        assert!(c.credit.is_none());
    }

    #[test]
    fn captions_dates_and_markers() {
        assert_eq!(role("村民在田里插秧。 本报记者 王小明 摄"), Role::Caption);
        assert_eq!(role("工人在车间忙碌。李大 摄"), Role::Caption);
        assert_eq!(role("图为新修的村道。"), Role::Caption);
        assert_eq!(role("资料图片"), Role::Caption);
        let c = classify(&units("鹭港湿地吸引大批冬候鸟栖息。（记者林雨亭摄）")[0]);
        assert_eq!(
            (c.role, c.credit.as_deref()),
            (Role::Caption, Some("（记者林雨亭摄）"))
        );
        // An agency's photo with a foreign photographer's name in brackets.
        let c = classify(&units("新华社发（萨米尔·哈达德摄）")[0]);
        assert_eq!(
            (c.role, c.credit.as_deref()),
            (Role::Caption, Some("新华社发（萨米尔·哈达德摄）"))
        );
        // A picture's credit after the caption's sentence: `图/` and a name.
        let c = classify(&units("1月11日，荇口镇榧岭村护林员在林区巡查。 图/冼小满")[0]);
        assert_eq!(
            (c.role, c.credit.as_deref()),
            (Role::Caption, Some("图/冼小满"))
        );
        assert_eq!(role("全县已建成森林防火地图/一张网"), Role::Head);
        assert_ne!(
            role("村里新修了道路，还画了一张导览图/路线图"),
            Role::Caption
        );
        assert_eq!(role("他在日记里写下心得并拍摄"), Role::Head);
        assert_eq!(role("新华社发"), Role::Caption);
        assert_eq!(role("他用相机拍摄"), Role::Head);
        assert_eq!(role("1961年3月5日"), Role::Date);
        assert_eq!(role("2001年12月1日 星期六"), Role::Date);
        assert_eq!(role("2001年12月1日，天晴。"), Role::Body);
        assert_eq!(role("1978年12月"), Role::Date);
        assert_eq!(role("1978年"), Role::Head);
        assert_eq!(
            role("某某县教育局关于做好二〇二五年秋季学期新生入学报名工作安排的通知"),
            Role::Head
        );
        assert_eq!(role("本报评论员 李想"), Role::Byline);
        assert_eq!(role("(下转第4版)"), Role::JumpOut);
        assert_eq!(role("（上接第一版）"), Role::JumpIn);
    }

    #[test]
    fn body_features() {
        let c = classify(&units("本报讯（记者王小明）昨天，村里通了公交。")[0]);
        assert_eq!(c.dateline.as_deref(), Some("本报讯（记者王小明）"));
        let c = classify(&units("本报讯 昨天，村里通了公交。(李四)")[0]);
        assert_eq!(c.dateline.as_deref(), Some(""));
        assert_eq!(c.credit.as_deref(), Some("(李四)"));
        assert!(c.complete);
        let c = classify(&units("村里的路修到了山脚下，再往前就是")[0]);
        assert!(!c.complete);
        let c = classify(&units("路修好了，车也通了。（下转第2版）")[0]);
        assert!(c.jump_out);
        assert!(c.credit.is_none());
        let c = classify(&units("本报北京3月1日电 （记者张三）今天开会。")[0]);
        assert_eq!(c.dateline.as_deref(), Some("本报北京3月1日电 （记者张三）"));
        let c = classify(&units("晚报讯 记者赵六 今天开会。")[0]);
        assert_eq!(c.dateline.as_deref(), Some(""));
        let c = classify(&units("车里坐着十几个人(含司机)")[0]);
        assert!(c.credit.is_none());
    }

    /// Reporters credited in round brackets at the start of a lede, with no
    /// dateline before them, are its byline; a bracketed aside is not.
    #[test]
    fn a_bracketed_credit_opening_a_lede_is_its_byline() {
        let c = classify(&units("（本报通讯员鄢文华）市文化馆最近举办了讲习班。")[0]);
        assert_eq!(c.dateline.as_deref(), Some("（本报通讯员鄢文华）"));
        let c = classify(&units("（记者 苗青禾　通讯员 贺远山、甘雨桐）今天开会。")[0]);
        assert_eq!(
            c.dateline.as_deref(),
            Some("（记者 苗青禾　通讯员 贺远山、甘雨桐）")
        );
        for aside in [
            "（记者手记）今天开会。",
            "（本报通讯员鄢文华）",
            "（上接第一版）村里通了公交。",
            "（记者来到村里时）天已经黑了。",
        ] {
            assert_eq!(classify(&units(aside)[0]).dateline, None, "{aside}");
        }
    }

    /// A notice's word alone is the word and nothing else, spaced out or not; a head
    /// that ends with one (`停水通知`) is no such word, however short.
    #[test]
    fn a_notice_word_alone_is_the_word_and_nothing_else() {
        for word in ["更正", "声　明", "公 告", "倡议书"] {
            assert!(super::is_notice_word(word), "{word}");
        }
        for head in ["停水通知", "招聘启事", "紧急通知", "讣告", "今日天气"] {
            assert!(!super::is_notice_word(head), "{head}");
        }
    }
}

#[cfg(test)]
mod pen_name_tests {
    use crate::segment::segment_issue;

    const TEXT: &str = "老街坊们说，巷子里最招人喜欢的，是那几条长椅。";

    /// The first article of `page` as (kicker, title, byline).
    fn first(page: &str) -> (String, String, String) {
        let articles = segment_issue(page, "x");
        let a = articles
            .first()
            .unwrap_or_else(|| panic!("no article in {page}"));
        (a.kicker.clone(), a.title.clone(), a.byline.clone())
    }

    /// A pen name no surname list knows, alone between its title and the text,
    /// is the byline, under a column's label too; a short headline in that place
    /// (a verb, a time in it, or one dictionary word) signs nothing.
    #[test]
    fn a_pen_name_under_its_title_is_the_byline() {
        for name in ["渐台闲人", "太史砚田", "郤青禾"] {
            let page = format!("桐坊茶座\n\n巷子里的长椅\n\n{name}\n\n{TEXT}\n");
            let (kicker, title, byline) = first(&page);
            assert_eq!(
                [kicker.as_str(), title.as_str(), byline.as_str()],
                ["桐坊茶座", "巷子里的长椅", name],
                "{page}"
            );
        }
        for head in ["古渡新生", "冬修水渠", "森林资源"] {
            let page = format!("巷子里的长椅又添了两条\n\n{head}\n\n{TEXT}\n");
            assert!(!first(&page).2.contains(head), "{page}");
        }
        // Over a dateline lede it is no pen name.
        let page = "巷子里的长椅又添了两条\n\n渐台闲人\n\n本报讯（记者 王芳）巷子里添了长椅。\n";
        assert!(!first(page).2.contains("渐台闲人"), "{page}");
        // Nor is a line the page prints as a head twice.
        let page = format!("巷子里的长椅\n\n渐台闲人\n\n{TEXT}\n\n渐台闲人\n\n{TEXT}\n");
        assert!(!first(&page).2.contains("渐台闲人"), "{page}");
        // Nor a notice's next title under the notice's signature.
        let page = "鸣谢\n\n本校七十年校庆期间，承蒙各界鼎力支持，谨此鸣谢！\n\n岚山县第一中学 敬启\n\n天气\n\n今天晴到多云，明天多云，午后有阵雨。\n";
        let arts = crate::segment::segment_issue(page, "k");
        assert!(arts.iter().any(|a| a.title == "天气"), "{arts:#?}");
        assert!(arts.iter().all(|a| a.byline != "天气"), "{arts:#?}");
    }

    /// A pen name of four characters that ends as pen names do (`…散人`, `…居士`),
    /// though its ending holds a verb (`散`), is read as the byline under a long
    /// title (what `--explain` shows for the line); a head of that ending whose
    /// words before it are a verb's and a particle (`打工的人`, `追梦的人`) signs
    /// nothing.
    #[test]
    fn a_pen_name_ending_as_pen_names_do_signs_under_a_long_title() {
        for name in ["蘅溪散人", "柘岭居士"] {
            let page = format!("巷子里的那几条长椅\n\n{name}\n\n{TEXT}\n");
            let (articles, e) = crate::segment::explain_issue(&page, "x");
            assert_eq!(articles[0].byline, name, "{page}");
            let line = e.lines.iter().find(|l| l.text == name).expect("the name");
            assert_eq!(line.role, "byline", "{page}: {line:?}");
        }
        for head in ["打工的人", "追梦的人"] {
            let page = format!("巷子里的那几条长椅\n\n{head}\n\n{TEXT}\n");
            assert!(!first(&page).2.contains(head), "{page}");
        }
    }

    /// A head that names a role's word inside a call's words (`摄影` in
    /// `“秋日寻桥”摄影作品征集`, the words after it no name) is no byline: it titles
    /// the call under it.
    #[test]
    fn a_call_for_photographs_is_no_byline() {
        let page = "“秋日寻桥”摄影作品征集\n\n拍过古桥、老渡口的读者，欢迎把作品投给本版，每位作者限投五幅，须为本人原创。\n";
        let articles = segment_issue(page, "x");
        assert_eq!(articles[0].title, "“秋日寻桥”摄影作品征集", "{articles:#?}");
        assert_eq!(articles[0].byline, "", "{articles:#?}");
    }

    /// A reader's signature set apart by its spaces (`城南小区 读者 山城老兵`)
    /// signs the letter above it, though the pen name is two dictionary words: it
    /// is no kicker of the next letter.
    #[test]
    fn a_readers_pen_name_of_dictionary_words_signs_the_letter() {
        let page = "小区门口的路灯该修了\n\n我家住在城南小区，小区门口那盏路灯坏了快一个月了，晚上出门黑漆漆的，老人孩子走路很不方便。希望有关部门尽快修一修。\n\n城南小区 读者 山城老兵\n\n公交站台能否加个顶棚\n\n每到下雨天，站台上等车的人只能撑着伞挤在一起，希望能加个顶棚。\n";
        let articles = segment_issue(page, "x");
        assert_eq!(
            articles[0].byline, "城南小区 读者 山城老兵",
            "{articles:#?}"
        );
        assert_eq!(articles[1].kicker, "", "{articles:#?}");
    }

    /// Two poems set one under another the same way (title, the poet's name,
    /// verse): the second poem's title and name, under the first poem's verse, are
    /// its title and byline, not lines of that verse, once the page has set a poem
    /// so; short lines of verse that read as a title over a name (no poem signed so
    /// above them) stay verse.
    #[test]
    fn a_second_poem_under_the_first_poems_verse_is_its_own() {
        let page = "诗路\n\n三月，蘅江\n\n芦间风\n\n江水把冬天的话\n\n一句一句还给了岸\n\n柳条低下头\n\n在水面上练习写字\n\n渡船来了又走\n\n只留下一串慢慢散开的水纹\n\n插秧谣\n\n青蒲客\n\n布谷叫过三遍\n\n母亲把秧苗分成小把\n\n田埂上的泥还是凉的\n\n脚印却一个比一个深\n\n长篇连载\n\n江上人家（三）\n\n柏听泉\n\n天还没亮透，江上的汽笛就响了，他披上棉袄推开门，看见船已经靠在了石阶下。\n";
        let articles = segment_issue(page, "x");
        let got: Vec<(&str, &str)> = articles
            .iter()
            .map(|a| (a.title.as_str(), a.byline.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("三月，蘅江", "芦间风"),
                ("插秧谣", "青蒲客"),
                ("江上人家（三）", "柏听泉")
            ],
            "{articles:#?}"
        );
        assert_eq!(
            articles[0].paragraphs.concat(),
            "江水把冬天的话一句一句还给了岸柳条低下头在水面上练习写字渡船来了又走只留下一串慢慢散开的水纹",
            "{articles:#?}"
        );
        assert_eq!(
            articles[1].paragraphs.concat(),
            "布谷叫过三遍母亲把秧苗分成小把田埂上的泥还是凉的脚印却一个比一个深",
            "{articles:#?}"
        );
    }

    /// Under a title as short as itself (`晒书`, `外公的船`) a pen name still signs
    /// the text; a column's label over a short title (`读书茶座` / `黐水`), a
    /// photo's credit over a name, or a title under a head of its own is no such
    /// pair: the lower line stays a head.
    #[test]
    fn a_pen_name_under_a_short_title_is_the_byline() {
        for (title, name) in [("晒书", "缑南星"), ("外公的船", "听涛客"), ("听雨", "黐水")]
        {
            let page = format!("老街的长椅又添了两条\n\n{TEXT}\n\n{title}\n\n{name}\n\n{TEXT}\n");
            let articles = segment_issue(&page, "x");
            let heads: Vec<[&str; 2]> = (articles.iter())
                .map(|a| [a.title.as_str(), a.byline.as_str()])
                .collect();
            assert_eq!(
                heads,
                [["老街的长椅又添了两条", ""], [title, name]],
                "{page}"
            );
        }
        for (above, line) in [
            ("追梦", "年轻人"),
            ("读书茶座", "黐水"),
            ("澹台楫川摄", "黐水"),
            ("夜读\n\n晒书", "黐水"),
        ] {
            let page = format!("老街的长椅又添了两条\n\n{TEXT}\n\n{above}\n\n{line}\n\n{TEXT}\n");
            let articles = segment_issue(&page, "x");
            assert!(
                articles.iter().all(|a| a.byline.is_empty()),
                "{page}: {articles:#?}"
            );
        }
    }

    /// A pen name after the last paragraph signs the text when only the page's
    /// furniture follows; a column's label closing the page, or one over the next
    /// title, signs nothing.
    #[test]
    fn a_pen_name_after_the_text_is_the_byline() {
        for name in ["峿山樵夫", "菱溪钓叟"] {
            let page = format!("巷子里的长椅\n\n{TEXT}\n\n{name}\n");
            assert_eq!(first(&page).2, name, "{page}");
        }
        let page = format!("巷子里的长椅\n\n{TEXT}\n\n绿色农业\n");
        assert_eq!(first(&page).2, "", "{page}");
        let page = format!("巷子里的长椅\n\n{TEXT}\n\n樗城漫笔\n\n湓江晨雾升起来了\n\n{TEXT}\n");
        assert_eq!(first(&page).2, "", "{page}");
        // After a cut paragraph the line is no signature.
        let page = "巷子里的长椅\n\n老街坊们说，巷子里最招人喜欢的，是那几条长椅和\n\n峿山樵夫\n";
        assert_eq!(first(page).2, "", "{page}");
    }

    /// A pen name alone between a poem's title and its verse (short lines read
    /// as heads) signs the poem, which keeps its verse; a line there that has a
    /// verb (`奶奶说`) signs nothing.
    #[test]
    fn a_pen_name_over_a_poems_verse_is_the_byline() {
        let verse = "石板路被脚步磨亮\n\n屋檐下挂着旧时的月光\n\n卖糖人的吆喝拐过街角\n\n把我的童年叫回了故乡\n";
        let page = format!(
            "巷子里的长椅\n\n{TEXT}\n\n（未完待续）\n\n老巷听雨\n\n郗若禾\n\n{verse}\n写给一条江的情书\n\n钮清远\n\n《琤江两岸》是作家蔺怀瑾的新作，收录散文四十篇。\n"
        );
        let articles = segment_issue(&page, "x");
        let poem = articles
            .iter()
            .find(|a| a.title == "老巷听雨")
            .unwrap_or_else(|| panic!("{articles:#?}"));
        assert_eq!(poem.byline, "郗若禾", "{articles:#?}");
        assert_eq!(
            poem.paragraphs.concat(),
            "石板路被脚步磨亮屋檐下挂着旧时的月光卖糖人的吆喝拐过街角把我的童年叫回了故乡",
            "{articles:#?}"
        );
        let page = page.replace("郗若禾", "奶奶说");
        let articles = segment_issue(&page, "x");
        assert!(
            articles.iter().all(|a| a.byline != "奶奶说"),
            "{articles:#?}"
        );
    }

    /// A pen name that ends in a verbal noun (`蓼生`: `生`) signs the poem under its
    /// title as any pen name does, over verse lines of four characters too when
    /// they are longer than the name (`一声一声`), on a page with blank lines or
    /// without them (a PDF's print in column order), and the poem keeps its verse;
    /// an attribution printed between the title and the name is passed over.
    #[test]
    fn a_pen_name_ending_in_a_verbal_noun_signs_the_poem() {
        let verse =
            "石板路被脚步磨亮\n\n一声一声\n\n卖糖人的吆喝拐过街角\n\n把我的童年叫回了故乡\n";
        let blank = format!(
            "巷子里的长椅\n\n{TEXT}\n\n（未完待续）\n\n老巷听雨\n\n蓼生\n\n{verse}\n写给一条江的情书\n\n钮清远\n\n《琤江两岸》是作家蔺怀瑾的新作，收录散文四十篇。\n"
        );
        let attributed = blank.replacen(
            "老巷听雨\n\n",
            "老巷听雨\n\n《琤江日报》（2031年6月6日 第 08 版）\n\n",
            1,
        );
        for page in [blank.clone(), blank.replace("\n\n", "\n"), attributed] {
            let articles = segment_issue(&page, "x");
            let poem = articles
                .iter()
                .find(|a| a.title == "老巷听雨")
                .unwrap_or_else(|| panic!("{page}: {articles:#?}"));
            assert_eq!(poem.byline, "蓼生", "{page}: {articles:#?}");
            assert_eq!(
                poem.paragraphs.concat(),
                "石板路被脚步磨亮一声一声卖糖人的吆喝拐过街角把我的童年叫回了故乡",
                "{page}: {articles:#?}"
            );
        }
    }

    /// A provider's credit under a box's text (`…气象台 供稿`, letter-spaced `供 稿`,
    /// a person's `王芳 提供`) signs the box; the head under it opens the next item.
    /// A headline ending in a credit verb after no office and no name (`…为老人提供`,
    /// `…上门收集`) stays a head.
    #[test]
    fn a_providers_credit_under_a_box_signs_it() {
        let page = "天气\n\n今天多云转晴，东南风二级，气温15℃到24℃。\n\n明天晴，早晚凉，请适时添衣。\n\n蘧川市气象台 供稿\n\n社区食堂开门迎客\n\n蘧川市东街社区食堂昨天开门，每份午餐十二元。\n";
        for credit in ["蘧川市气象台 供稿", "蘧川市气象台 供 稿", "王芳 提供"] {
            let page = page.replace("蘧川市气象台 供稿", credit);
            let articles = segment_issue(&page, "x");
            let heads: Vec<(&str, &str)> = articles
                .iter()
                .map(|a| (a.title.as_str(), a.byline.as_str()))
                .collect();
            assert_eq!(
                heads,
                [("天气", credit), ("社区食堂开门迎客", "")],
                "{articles:#?}"
            );
            assert_eq!(articles[0].paragraphs.len(), 2, "{articles:#?}");
        }
        for head in [
            "东街社区旧衣上门收集",
            "东街食堂午餐为老人提供",
            "免费体检由社区卫生服务中心提供",
        ] {
            let page = page.replace("蘧川市气象台 供稿", head);
            let articles = segment_issue(&page, "x");
            assert!(
                articles.iter().all(|a| a.byline.is_empty()),
                "{articles:#?}"
            );
        }
    }
}

#[cfg(test)]
mod run_on_credit_tests {
    use crate::segment::segment_issue;

    /// A narrow column's lede whose first line ends right after its bracketed
    /// credit (`都市报讯（记者 綦望舒）今` / `年栎原城区…`) opens the story's text,
    /// credit and all, under its head; the story after it stays a story of its own.
    #[test]
    fn a_lede_cut_after_its_credit_opens_the_text() {
        let page = "城区新增三处口袋公园\n\n都市报讯（记者 綦望舒）今\n年栎原城区利用边角地新建三处\n口袋公园，近日全部开放。\n\n夜间门诊延长至22时\n\n都市报讯（记者 缑念慈）为\n方便上班族看病，市第二人民医\n院从本周起延长夜间门诊。\n";
        let articles = segment_issue(page, "x");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["城区新增三处口袋公园", "夜间门诊延长至22时"],
            "{page}"
        );
        for (a, credit) in articles.iter().zip(["綦望舒）今", "缑念慈）为"]) {
            let body = a.paragraphs.concat();
            assert!(body.starts_with("都市报讯（记者 "), "{body}");
            assert!(body.contains(credit), "{body}");
        }
    }
}
