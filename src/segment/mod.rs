//! Segmentation: cutting the text of one issue into articles.
//!
//! Pipeline: (a file of records a tool hard-wrapped at a width joined whole again,
//! `cut_records`) `blocks` (lines to units, markup stripped; a page printed with its
//! columns side by side read column by column, `columns`) -> `normalise` (page
//! furniture set aside, hard-wrapped lines re-joined, indents read, a draft's field
//! labels read by `draft`, a page of records by `records` (a JSON page's objects
//! and an SQL dump's rows printed as records first, `json_pages`, `sql_pages`; an
//! XML document's elements read as its format has them, `xml_pages`; an HTML
//! page as a reader view reads it, `html_pages`, and a web archive's pages,
//! `web_archive`), a
//! timeline's posts by
//! `posts`, outliner notes' entries by `outline`) -> `classify` (each unit's
//! role and features) -> `assemble` (heading stacks to articles, re-threading cut
//! paragraphs via `rethread`; a head printed away from its text first moved above it,
//! `rehome`; a box's head and text printed inside a lead's head stack moved above
//! the stack, `boxed_heads`) -> `kind` -> `doubt` (reasons to doubt the cut) -> `id`. Text is kept as written; only
//! comparisons (ids, tests) normalise.

pub mod assemble;
pub mod blocks;
pub mod boxed_heads;
pub mod classify;
pub mod columns;
pub mod cut_records;
pub mod doubt;
pub mod draft;
pub mod habits;
pub mod html_pages;
pub mod id;
pub mod json_pages;
pub mod kind;
pub mod lexicon;
pub mod measures;
pub mod news_day;
pub mod normalise;
pub mod outline;
pub mod posts;
pub mod records;
pub mod recur;
pub mod rehome;
pub mod rethread;
pub mod sql_pages;
pub mod stacked_heads;
pub mod traditional;
pub mod web_archive;
pub mod xml_pages;

use crate::article::Article;

/// A digest of the config's settings segmentation runs with (its additions to
/// the lexicon, its measures), 0 when it has none: what cuts a page besides the
/// program itself, so caches of cut pages are stamped with it.
pub fn settings_digest() -> u64 {
    match (lexicon::additions_digest(), measures::digest()) {
        (0, 0) => 0,
        (words, 0) => words,
        (words, thresholds) => words.rotate_left(1) ^ thresholds,
    }
}

/// Cut the (decoded, `\n`-normalised) text of one issue into articles, in reading
/// order, with ids derived from `issue_key`.
pub fn segment_issue(text: &str, issue_key: &str) -> Vec<Article> {
    run(text, issue_key, None, None, None)
}

/// [`segment_issue`] with the habits learned from the issue's corpus (recurring
/// labels are never titles, recurring names under titles are bylines: see `habits`).
pub fn segment_issue_with(text: &str, issue_key: &str, habits: &habits::Habits) -> Vec<Article> {
    run(text, issue_key, Some(habits), None, None)
}

/// [`segment_issue_with`], and what the page tells of its paper's habits
/// ([`page_lines`], from the same pass), for learning them across a corpus.
pub fn segment_issue_learning(
    text: &str,
    issue_key: &str,
    habits: &habits::Habits,
) -> (Vec<Article>, habits::PageLines) {
    let mut lines = habits::PageLines::default();
    let articles = run(text, issue_key, Some(habits), None, Some(&mut lines));
    (articles, lines)
}

/// One unit of a page as `articles --explain` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplainedLine {
    /// First and last source line (they differ when hard-wrapped lines were joined).
    pub first: usize,
    pub last: usize,
    /// The role the line got, and the rule that decided it.
    pub role: &'static str,
    pub rule: &'static str,
    pub text: String,
}

/// Where an article starts and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleStart {
    pub index: usize,
    /// The line of the article's first unit in segmentation's order (a head moved
    /// above its text keeps its own line; `Article::line` is where it is printed).
    pub line: usize,
    pub why: &'static str,
    pub title: String,
    /// Why segmentation doubts the article (empty when it does not).
    pub doubts: crate::article::Doubts,
}

/// The fewest pieces under a page's first, before another kind's name, that make
/// a band of pieces under one label (a page of one letter and its reply is none,
/// nor a letter and its reply over `来信摘登` and `编后`).
const BAND_PIECES: usize = 3;

/// `评论`, `读者来信`: a kind's bare name, a whole word (spaces not counted) of the
/// lexicon's `commentary_kickers` or `letter_kickers`, no column's own name
/// (`筠水短评`, `来信调查`).
fn names_a_band(label: &str) -> bool {
    let bare: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let lex = lexicon::lexicon();
    [
        lexicon::KindList::CommentaryKickers,
        lexicon::KindList::LetterKickers,
    ]
    .into_iter()
    .any(|list| lex.kind_words(list).any(|w| w == bare))
}

/// Each line's role and rule, and where each article starts and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explanation {
    pub lines: Vec<ExplainedLine>,
    pub starts: Vec<ArticleStart>,
}

/// A draft that becomes an article: it has a title or a paragraph (a kicker or a
/// byline alone makes none).
fn holds_a_piece(d: &assemble::Draft) -> bool {
    !d.paragraphs.is_empty() || !d.title.is_empty()
}

/// A line segmentation read that the cut does not hold as often as the page
/// prints it ([`misheld_lines`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MisheldLine<'a> {
    /// The line, where the page first prints it.
    pub line: &'a ExplainedLine,
    /// How many times the page's lines print it, and the cut holds it.
    pub printed: usize,
    pub held: usize,
}

/// The lines of a page that `articles` do not hold as the page prints them: what
/// "held" means for every check of a cut's lines (the assemble tests, the gold
/// census). Each line segmentation read (a line of `explanation`, spaces not
/// counted, not empty) is held each time the page prints it: filed as the page's
/// furniture (noise, a break) or whole in one piece of one article (its kicker,
/// title, subtitle, byline or a paragraph: [`Article::pieces`]). A line lost,
/// split across two pieces or articles, or held twice is reported once, with the
/// times it is printed and held. (A line inside another line of the page is
/// counted inside it too, on both sides.)
pub fn misheld_lines<'a>(
    articles: &[Article],
    explanation: &'a Explanation,
) -> Vec<MisheldLine<'a>> {
    let squeezed = |t: &str| -> String { t.chars().filter(|c| !c.is_whitespace()).collect() };
    let printed: Vec<String> = explanation
        .lines
        .iter()
        .map(|l| squeezed(&l.text))
        .collect();
    let held: Vec<String> = articles
        .iter()
        .flat_map(Article::pieces)
        .map(squeezed)
        .chain(
            explanation
                .lines
                .iter()
                .zip(&printed)
                .filter(|(l, _)| matches!(l.role, "noise" | "break"))
                .map(|(_, t)| t.clone()),
        )
        .collect();
    let times =
        |t: &str, within: &[String]| -> usize { within.iter().map(|p| p.matches(t).count()).sum() };
    let mut seen = std::collections::HashSet::new();
    explanation
        .lines
        .iter()
        .zip(&printed)
        .filter(|(_, t)| !t.is_empty() && seen.insert(t.as_str()))
        .filter_map(|(line, t)| {
            let (printed, held) = (times(t, &printed), times(t, &held));
            (printed != held).then_some(MisheldLine {
                line,
                printed,
                held,
            })
        })
        .collect()
}

/// Segment `text` as [`segment_issue`] does, and say why.
pub fn explain_issue(text: &str, issue_key: &str) -> (Vec<Article>, Explanation) {
    let mut explanation = Explanation::default();
    let articles = run(text, issue_key, None, Some(&mut explanation), None);
    (articles, explanation)
}

/// [`explain_issue`] with the habits learned from the issue's corpus.
pub fn explain_issue_with(
    text: &str,
    issue_key: &str,
    habits: &habits::Habits,
) -> (Vec<Article>, Explanation) {
    let mut explanation = Explanation::default();
    let articles = run(text, issue_key, Some(habits), Some(&mut explanation), None);
    (articles, explanation)
}

/// What the page tells of its paper's habits, exactly as [`segment_issue_learning`]
/// gives it, from the first passes alone (a third to a half of the cut's work):
/// for guessing a corpus's habits from a sample of its pages before cutting them,
/// and for pages whose cut comes from elsewhere (a corrected issue's).
pub fn page_lines(text: &str) -> habits::PageLines {
    habits::lines_of_units(&prepare(text).0)
}

/// The passes before roles: units and normalised; and
/// whether the page is in traditional characters.
fn prepare(text: &str) -> (Vec<blocks::Unit<'_>>, bool) {
    // A JSON page (a scraper's JSON Lines) or an SQL dump is printed as the
    // records it holds.
    // A file of records a tool hard-wrapped at a width is read with its lines
    // whole again, each unit keeping the line of the file it opens on.
    let mut units = match cut_records::joined(text) {
        Some((joined, starts)) => read_units(&joined)
            .into_iter()
            .map(|u| {
                let line = starts
                    .get(u.line.wrapping_sub(1))
                    .copied()
                    .unwrap_or(u.line);
                blocks::Unit {
                    line,
                    ..u.into_owned()
                }
            })
            .collect(),
        None => read_units(text),
    };
    let traditional = traditional::is_traditional(units.iter().map(|u| u.text.as_ref()));
    normalise::normalise_page(&mut units, traditional);
    (units, traditional)
}

/// The page's units as its format prints them: a JSON page (a scraper's JSON
/// Lines) or an SQL dump as the records it holds, an XML document, a web archive,
/// an HTML page, else its lines.
fn read_units(text: &str) -> Vec<blocks::Unit<'_>> {
    json_pages::units(text)
        .or_else(|| sql_pages::units(text))
        .or_else(|| xml_pages::units(text))
        .or_else(|| web_archive::units(text))
        .or_else(|| html_pages::units(text))
        .unwrap_or_else(|| blocks::units(text))
}

/// The passes, in order: units -> normalise -> classify -> habits -> fix-ups ->
/// assemble -> kinds -> doubts -> ids.
fn run(
    text: &str,
    issue_key: &str,
    habits: Option<&habits::Habits>,
    explain: Option<&mut Explanation>,
    lines: Option<&mut habits::PageLines>,
) -> Vec<Article> {
    let (mut units, traditional) = prepare(text);
    if let Some(lines) = lines {
        *lines = habits::lines_of_units(&units);
    }
    let mut classes: Vec<classify::Class> = classify::classify_page(&units, traditional);
    if let Some(h) = habits {
        habits::apply(h, &units, &mut classes);
    }
    draft::set_aside_desk_notes(&units, &mut classes);
    records::open_record_texts(&units, &mut classes);
    demote_cut_heads(&units, &mut classes);
    read_scanned_subtitle_dashes(&units, &mut classes);
    read_original_titles(&units, &mut classes);
    promote_heads_over_ledes(&units, &mut classes);
    promote_questions_over_exchanges(&units, &mut classes);
    mark_flush_heads(&units, &mut classes);
    rehome::columnist_titles(&mut units, &mut classes);
    // A page printed with its columns side by side interleaves its texts line by
    // line: its order is no block order to mend, and none of the passes that move
    // heads reads it. They only reorder units, so one look tells it for all four.
    if !rehome::side_by_side(&units) {
        rehome::rehome_heads(&mut units, &mut classes);
        rehome::pair_floated_heads(&mut units, &mut classes);
        boxed_heads::unbox_heads(&mut units, &mut classes);
        stacked_heads::unstack_heads(&mut units, &mut classes);
    }
    set_aside_trailing_links(&units, &mut classes);
    let (drafts, mut set_aside) = assemble::assemble(&units, &classes);
    let mut whys: Vec<(&'static str, usize)> = Vec::new();
    // Kickers that head the page or a section, no story: their lines are filed
    // as the page's furniture (for the explanation: no line of the page is lost).
    let mut labels_set_aside: Vec<String> = Vec::new();
    // A kind's bare name over the page's first piece, printed once on the page
    // (`评论`, `读者来信`: a whole word of the lexicon's commentary_kickers or
    // letter_kickers) names the band of pieces under it, no one piece's column.
    // A band is several pieces: at least BAND_PIECES under the first before
    // another kind's name.
    let band_label = {
        let kept: Vec<&str> = drafts
            .iter()
            .filter(|d| holds_a_piece(d))
            .map(|d| d.kicker.as_str())
            .collect();
        kept.split_first().is_some_and(|(&k, rest)| {
            // The pieces the name reaches: those up to the next kind's name
            // (`编后`, `来信摘登`), which heads its own. (The first kicker is asked
            // first: most pages open on none, and the rest is not read.)
            names_a_band(k)
                && rest.iter().take_while(|k| !names_a_band(k)).count() >= BAND_PIECES
                && !rest.contains(&k)
        })
    };
    let mut articles: Vec<Article> = drafts
        .into_iter()
        .filter(holds_a_piece)
        .enumerate()
        .map(|(n, mut d)| {
            // A section's name at a page's top (two words of two characters joined
            // by a middle dot: `经济·民生`, `澹水·副刊`, `公告·服务`) heads the page,
            // no story: not the kicker of the first, and no word its kind reads.
            if n == 0 && is_section_name(&d.kicker) {
                labels_set_aside.push(std::mem::take(&mut d.kicker));
            }
            // A page in traditional characters reads its words folded.
            let kind = if traditional {
                kind::kind_of(&traditional::fold_draft(&d))
            } else {
                kind::kind_of(&d)
            };
            let doubts = doubt::doubts_of(&d, kind, habits);
            whys.push((d.why, d.shown_at));
            // Paragraphs re-joined across column breaks grew by doubling; a corpus
            // stays loaded for hours, so give the slack back once.
            d.paragraphs.shrink_to_fit();
            for p in &mut d.paragraphs {
                p.shrink_to_fit();
            }
            // A jumped story's continuation carries no kicker: a line over its jump
            // head is the page's or section's label, none of the story's. (Cleared
            // after its kind is read, since only the kind tells a continuation; its
            // kicker cannot have made it one: kind_of tells a continuation by its
            // jump marker, or by no title and no kicker at all.)
            if kind == crate::article::Kind::Continuation && !d.kicker.is_empty() {
                labels_set_aside.push(std::mem::take(&mut d.kicker));
            }
            // The band's name over the first piece (its kind read with it, as the
            // band's) is the page's label.
            if n == 0 && band_label && !d.kicker.is_empty() {
                labels_set_aside.push(std::mem::take(&mut d.kicker));
            }
            Article {
                id: String::new(),
                index: 0,
                line: d.line,
                kind,
                kicker: d.kicker,
                title: d.title,
                subtitle: d.subtitle,
                byline: d.byline,
                paragraphs: d.paragraphs.into(),
                doubts,
            }
        })
        .collect();
    for (i, a) in articles.iter_mut().enumerate() {
        a.index = i;
    }
    id::assign_ids(issue_key, &mut articles);
    if let Some(e) = explain {
        for label in &labels_set_aside {
            set_aside.extend((0..units.len()).find(|&i| {
                classes[i].role == classify::Role::Head && units[i].text == label.as_str()
            }));
        }
        for i in set_aside {
            classes[i].rule = if classes[i].role == classify::Role::JumpIn {
                "furniture: a jump marker alone under its jump head"
            } else {
                "furniture: a page's or section's label over a story's head"
            };
            classes[i].role = classify::Role::Noise;
        }
        e.lines = units
            .iter()
            .zip(&classes)
            .map(|(u, c)| ExplainedLine {
                first: u.line,
                last: u.line + u.joined,
                role: c.role.name(),
                rule: c.rule,
                text: u.text.to_string(),
            })
            .collect();
        e.starts = articles
            .iter()
            .zip(whys)
            .map(|(a, (why, shown_at))| ArticleStart {
                index: a.index,
                line: shown_at,
                why,
                title: a.display_title(),
                doubts: a.doubts,
            })
            .collect();
    }
    articles
}

/// A page's own indent habit tells its heads from its intertitles. Where the
/// paragraphs open with an indent and so do the page's short head-like lines
/// inside stories (`　　一张床位也是服务`), an intertitle is printed as a paragraph
/// is, and a head line printed flush (`栝州新增三条社区巴士线路`) stands apart
/// from the text: it heads an article of its own, even alone after a finished
/// story. A page that indents no head line tells nothing (its flush lines may be
/// intertitles set like heads), nor does one whose text is mostly flush.
fn mark_flush_heads(units: &[blocks::Unit<'_>], classes: &mut [classify::Class]) {
    use classify::Role;
    let plain = |i: usize| units[i].is_unmarked();
    let (mut body, mut indented_body, mut indented_heads, mut flush_heads) = (0, 0, 0, 0);
    for (i, c) in classes.iter().enumerate() {
        if !plain(i) {
            continue;
        }
        match c.role {
            Role::Body => {
                body += 1;
                indented_body += usize::from(units[i].indent);
            }
            Role::Head if units[i].indent => {
                let text_around = |j: Option<usize>| {
                    j.is_some_and(|j| plain(j) && units[j].indent && classes[j].role == Role::Body)
                };
                indented_heads += usize::from(
                    is_intertitle_shaped(&units[i].text)
                        && text_around(i.checked_sub(1))
                        && text_around(Some(i + 1).filter(|&j| j < units.len())),
                );
            }
            Role::Head => flush_heads += 1,
            _ => {}
        }
    }
    if body < 3 || indented_body * 4 < body * 3 || indented_heads == 0 || flush_heads == 0 {
        return;
    }
    for (i, c) in classes.iter_mut().enumerate() {
        if c.role == Role::Head
            && plain(i)
            && !units[i].indent
            && units[i]
                .text
                .chars()
                .filter(|&c| crate::text::is_han(c))
                .nth(1)
                .is_some()
        {
            c.flush = true;
        }
    }
}

/// A line shaped as an intertitle is (`一张床位也是服务`): short (24 characters
/// at most), with no comma and no sentence end. An indenting renderer indents a
/// long head or a head with a comma as it does a paragraph, so only such lines
/// tell that the page indents its intertitles.
fn is_intertitle_shaped(text: &str) -> bool {
    text.chars().count() <= 24
        && !text.contains(['，', ',', '、', '；', ';'])
        && !text.chars().last().is_some_and(classify::is_closing)
}

/// A longish unmarked "head" line whose next unit reads on from it mid-word is a
/// paragraph cut by a column break (`…找到了最佳平` / `衡点。…`), not a heading.
/// Mid-word as jieba reads the break (`rethread::reads_across`), not merely a
/// dictionary word across it: `人行道上的窨井盖松动谁来修` over `读者问：…` is a head.
/// A line with a clause break in it (`河流的清澈，离不开一双双`) already reads as
/// running text: there any dictionary word across the break will do. A flush line
/// over an indented one is no cut paragraph, whatever word runs across: the indent
/// opens a paragraph (`一、抓好规划，加快新城建设` / `　　在新城片区，…`, a numbered
/// intertitle with a comma on a page that indents its paragraphs and prints no blank
/// lines; the indents are the page's own where they reached the classes, see
/// `normalise::indents`).
fn demote_cut_heads(units: &[blocks::Unit<'_>], classes: &mut [classify::Class]) {
    use classify::Role;
    for i in 0..units.len().saturating_sub(1) {
        if classes[i].role != Role::Head || classes[i].explicit {
            continue;
        }
        let next = &classes[i + 1];
        if next.role != Role::Body || next.dateline.is_some() {
            continue;
        }
        if units[i + 1].indent && !units[i].indent {
            continue;
        }
        if classify::count_upto(&units[i].text, 12) >= 12
            && (rethread::reads_across(&units[i].text, &units[i + 1].text)
                || (units[i].text.contains(['，', ','])
                    && rethread::bond(&units[i].text, &units[i + 1].text)))
        {
            classes[i].role = Role::Body;
            classify::body_features(&units[i].text, &mut classes[i]);
            classes[i].complete = false;
            classes[i].rule = "body: head-like line that reads on mid-word into the next";
        }
    }
}

/// `相关阅读` / `楮城公布今冬供暖收费标准` / `老旧小区供热管网改造完成九成` at the end of
/// a page: head lines over no text, two or more of them of title length (eight
/// characters or more), with nothing after them but furniture, are the list of
/// links a web, app or WeChat page prints under its article (related reading,
/// past posts), no article's heads (every article has text). A notice's issuer
/// over its date (`某某县人民政府` / `2026年5月6日`) ends its text and stays.
fn set_aside_trailing_links(units: &[blocks::Unit<'_>], classes: &mut [classify::Class]) {
    use classify::Role;
    let mut heads = Vec::new();
    for (i, c) in classes.iter().enumerate().rev() {
        match c.role {
            Role::Noise | Role::DocBreak => {}
            Role::Head => heads.push(i),
            _ => break,
        }
    }
    // (A date alone, or an issuer and its date on one line, `璜江省人民政府　２０２６年
    // ７月３日`: a notice's signature, read by the one reader of dates.)
    let dated = |t: &str| classify::is_date_alone(t) || classify::is_signature_line(t);
    let titles = heads
        .iter()
        .filter(|&&i| classify::count_upto(&units[i].text, 8) >= 8)
        .count();
    if titles < 2 || heads.iter().any(|&i| dated(&units[i].text)) {
        return;
    }
    for i in heads {
        classes[i].role = Role::Noise;
        classes[i].rule = "furniture: a list of links at the page's end (heads over no text)";
    }
}

/// `原标题：《十四万亩撂荒地重新长出了好收成》`: a story given a new head where it
/// was copied to (a WeChat account, a news site) names the head it was printed
/// under on the line below the new one. That line is a note, part of nothing;
/// the line above it is the title, even when it ends with `！` or `？` (a new
/// head often does): a short line with no full stop.
fn read_original_titles(units: &[blocks::Unit<'_>], classes: &mut [classify::Class]) {
    use classify::Role;
    let head = measures::measures().head_chars;
    for i in 1..units.len() {
        let t: &str = &units[i].text;
        if normalise::reposts::after_original_title_label(t).is_none()
            || classify::count_upto(t, 61) > 60
        {
            continue;
        }
        classes[i].role = Role::Noise;
        classes[i].rule = "furniture: the original head of a story copied under a new one";
        if let Some(p) = significant_before(classes, i)
            && classes[p].role == Role::Body
            && classify::count_upto(&units[p].text, head) <= head
            && !units[p].text.contains('。')
        {
            classes[p].role = Role::Head;
            classes[p].rule = "head: the new head over a copied story's original one";
        }
    }
}

/// `一一蒲口镇组织农机手“跨区作业”`: a scan reads a subtitle's `——` as two `一`. A head
/// line opening with `一一` right under another head line is that head's subtitle,
/// on a page that prints no `——` anywhere (where dashes come out as dashes, `一一`
/// is the word it spells, `一一落实`).
fn read_scanned_subtitle_dashes(units: &[blocks::Unit<'_>], classes: &mut [classify::Class]) {
    use classify::Role;
    // (A page with no line opening with `一一` has nothing to mend: most pages are
    // told so before every line is searched for `——`.)
    if !units.iter().any(|u| u.text.starts_with("一一"))
        || units.iter().any(|u| u.text.contains("——"))
    {
        return;
    }
    for i in 1..units.len() {
        if classes[i].role != Role::Head
            || classes[i].explicit
            || !units[i].text.starts_with("一一")
            || classify::count_upto(&units[i].text, 5) < 5
        {
            continue;
        }
        if significant_before(classes, i).is_some_and(|p| classes[p].role == Role::Head) {
            classes[i].role = Role::Subtitle;
            classes[i].rule = "subtitle: starts with 一一 (a scan's ——) under a head";
        }
    }
}

/// A short line without sentence-final punctuation directly above a dateline lede
/// or a byline is a heading even when it holds commas (`老街改造，“加装电梯”`).
fn promote_heads_over_ledes(units: &[blocks::Unit<'_>], classes: &mut [classify::Class]) {
    use classify::Role;
    for i in 0..units.len().saturating_sub(1) {
        if classes[i].role != Role::Body || classes[i].dateline.is_some() || units[i].level > 0 {
            continue;
        }
        let next = &classes[i + 1];
        let lede = (next.role == Role::Body && next.dateline.is_some())
            || next.role == Role::Byline
            || next.role == Role::Subtitle;
        if !lede {
            continue;
        }
        let text: &str = &units[i].text;
        let n = classify::count_upto(text, 60);
        let last = text.chars().next_back().unwrap_or('，');
        if n <= 60
            && !classify::ends_sentence(text)
            && !matches!(last, '，' | '、' | ',' | '：' | ':' | '；' | ';')
            && !text.contains('。')
        {
            classes[i].role = Role::Head;
            classes[i].rule = "head: short line over a dateline lede or byline";
        }
    }
}

/// A short question standing alone is the title of its item (`农村建房要办哪些手续？`,
/// `小区门口的“断头路”何时能通？`) when the heading stack puts it there: over a
/// paragraph that opens a new voice (`问：…`, `读者问：…`, `答：…`, or a letter's
/// salutation such as `编辑同志：`), under a column label standing alone
/// (`热线问答` / `新生儿医保怎么办？`), or over a byline that the text follows.
fn promote_questions_over_exchanges(units: &[blocks::Unit<'_>], classes: &mut [classify::Class]) {
    use classify::Role;
    // Right under a title its markup names (a web page's `<h1>`, a record's
    // title field), an exchange's question (`问：…？` over `答：…`) opens that
    // title's text, and the questions after its answers go on in it: no heads
    // of their own.
    let under_title = |classes: &[classify::Class], i: usize| {
        significant_before(classes, i).is_some_and(|p| {
            classes[p].role == Role::Head
                && classes[p].explicit
                && classify::count_upto(&units[p].text, 9) > 8
        })
    };
    // Right under a head as long as a title (`小区加装电梯补贴怎么申请`), marked or not,
    // a reader's question over its answer (`问：我们楼想加装电梯，…？` / `答：…`) is the
    // first paragraph of that title's text: a head of eight characters or fewer over
    // it is a column's label (`生活垃圾分类百问`), and the question its item's title.
    let under_head = |classes: &[classify::Class], i: usize| {
        significant_before(classes, i).is_some_and(|p| {
            classes[p].role == Role::Head
                && units[p].level == 0
                && classify::count_upto(&units[p].text, 9) > 8
                && !opens_voice(&units[p].text)
        })
    };
    // An exchange so read is going on (its questions after answers are its).
    let mut exchange_under_title = false;
    for i in 0..units.len().saturating_sub(1) {
        let question = classes[i].role == Role::Head
            && !classes[i].explicit
            && units[i].level == 0
            && opens_voice(&units[i].text)
            && asks(&units[i].text);
        let goes_on = exchange_under_title
            && significant_before(classes, i)
                .is_some_and(|p| classes[p].role == Role::Body && opens_voice(&units[p].text));
        if question
            && (under_title(classes, i) || under_head(classes, i) || goes_on)
            && significant_after(classes, i)
                .is_some_and(|n| classes[n].role == Role::Body && opens_voice(&units[n].text))
        {
            classes[i].role = Role::Body;
            classify::body_features(&units[i].text, &mut classes[i]);
            classes[i].rule = "body: an exchange's question under its title or after an answer";
            exchange_under_title = true;
            continue;
        }
        if matches!(classes[i].role, Role::Head | Role::DocBreak) {
            exchange_under_title = false;
        }
        if classes[i].role != Role::Body || classes[i].dateline.is_some() || units[i].level > 0 {
            continue;
        }
        let text: &str = &units[i].text;
        if under_title(classes, i) && is_question_head(text) {
            continue;
        }
        // Page furniture between (an attribution line under the head) is no text.
        let Some(n) = significant_after(classes, i) else {
            break;
        };
        if !is_question_head(text) {
            continue;
        }
        let next: &str = &units[n].text;
        let salutation = classify::count_upto(next, 9) <= 8 && next.ends_with(['：', ':']);
        let exchange = opens_voice(next) && units[n].level == 0;
        let text_below = classes[n].role == Role::Body
            || (exchange && classes[n].role == Role::Head && !classes[n].explicit);
        let under_label = significant_before(classes, i).is_some_and(|p| {
            classes[p].role == Role::Head
                && classify::count_upto(&units[p].text, 9) <= 8
                && significant_before(classes, p).is_none_or(|q| classes[q].role != Role::Head)
        });
        let over_head_byline = classes[n].role == Role::Byline
            && significant_after(classes, n).is_some_and(|m| classes[m].role == Role::Body);
        let placed = (text_below && (exchange || salutation))
            || (under_label && (text_below || classes[n].role == Role::Byline))
            || over_head_byline;
        if placed {
            classes[i].role = Role::Head;
            classes[i].rule = "head: a short question over a question, answer, salutation or byline, or under a label";
            // The `问：` line under the title asks the first question of the text.
            if classes[n].role == Role::Head && exchange {
                classes[n].role = Role::Body;
                classify::body_features(next, &mut classes[n]);
                classes[n].rule = "body: a question under its item's question title";
            }
        }
    }
}

/// The next unit after `i` that is not page furniture.
fn significant_after(classes: &[classify::Class], i: usize) -> Option<usize> {
    (i + 1..classes.len()).find(|&j| classes[j].role != classify::Role::Noise)
}

/// The last unit before `i` that is not page furniture.
fn significant_before(classes: &[classify::Class], i: usize) -> Option<usize> {
    (0..i)
        .rev()
        .find(|&j| classes[j].role != classify::Role::Noise)
}

/// `…能到账？每亩能拿多少？`, `…有什么办法?（绨岭乡 阙守仁）`: a line that ends with a
/// question mark, or with one before a note in brackets (who asks).
fn asks(text: &str) -> bool {
    let t = text.trim_end();
    let t = match t.strip_suffix(['）', ')']) {
        Some(inner) => inner
            .rfind(['（', '('])
            .map_or(inner, |o| inner[..o].trim_end()),
        None => t,
    };
    t.ends_with(['？', '?'])
}

/// A question short enough for a head: at most 30 characters, no sentence inside,
/// at most one comma or colon (`老旧小区加装电梯，怎么申请？`, `网民留言：…何时打通？`),
/// and not a speaker's question of an exchange (`读者问：…？`) nor an interviewer's
/// turn (`记者：改造资金主要靠政府吗？`, the lexicon's `interviewer_labels`, or the
/// interviewer's name, `晏筠竹：您带了几个徒弟？`), which an interview's section head
/// (`钱从哪里来`) stands over inside its text.
fn is_question_head(text: &str) -> bool {
    text.ends_with(['？', '?'])
        && classify::count_upto(text, 31) <= 30
        && !text.contains(['。', '；', ';', '！'])
        && text.matches(['，', ',', '：', ':']).count() <= 1
        && !opens_voice(text)
        && !classify::opens_with_label(text, lexicon::KindList::InterviewerLabels)
        && !kind::opens_with_a_speakers_name(text)
}

/// `问：…`, `答：…`, `读者问：…`, `市住房公积金中心答：…`: a line opening with a
/// speaker who asks or answers, before a colon within the first 16 characters.
fn opens_voice(text: &str) -> bool {
    if normalise::opens_exchange(text) {
        return true;
    }
    let h = classify::head(text, 16);
    h.find(['：', ':'])
        .is_some_and(|c| h[..c].ends_with(['问', '答']))
}

/// A section's name: two words of two Han characters joined by a middle dot
/// (`经济·民生`, `鹙滩·夜读`), U+3000 or a space around the dot allowed.
fn is_section_name(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut parts = t.split(['·', '・', '•']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    [a, b]
        .iter()
        .all(|w| w.chars().count() == 2 && w.chars().all(crate::text::is_han))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Heads printed over a photo's caption alone (a column's label, a title, a pen
    /// name; the caption's credit; another story's head right after) wait for their
    /// text: a paragraph after a finished one further on that the title names
    /// (防汛) is theirs, and they move above it with the label and the pen name;
    /// the caption stays a photo of its own. A paragraph the title does not name
    /// takes no head.
    #[test]
    fn heads_over_a_caption_alone_move_to_the_text_they_name() {
        let lead = "县委研究部署防汛备汛工作\n本报记者　鲍清明\n\n5月13日，县委常委会召开会议，研究部署防汛备汛工作。\n会议还研究了其他事项。\n\n";
        let stack = "短评\n\n防汛要往前想一步\n柏荃\n\n5月12日，楮口镇开展防汛应急演练。\n\n通讯员　邬小禾　摄\n\n";
        let story = "我县夏粮收购准备就绪\n本报讯（记者　黄小麦）记者从县粮食和物资储备局获悉，今年我县设立夏粮收购网点26个。\n\n";
        let comment =
            "防汛工作，宁可十防九空，不可失防万一。隐患排查多走一步，群众就多一分安全。\n";
        let a = segment_issue(&format!("{lead}{stack}{story}{comment}"), "k");
        let c = a
            .iter()
            .find(|a| a.title == "防汛要往前想一步")
            .unwrap_or_else(|| panic!("{a:#?}"));
        assert_eq!(c.kicker, "短评", "{a:#?}");
        assert_eq!(c.byline, "柏荃", "{a:#?}");
        assert!(c.paragraphs.concat().starts_with("防汛工作"), "{a:#?}");
        let s = a
            .iter()
            .find(|a| a.title == "我县夏粮收购准备就绪")
            .unwrap();
        assert!(!s.paragraphs.concat().contains("防汛工作"), "{a:#?}");
        // A paragraph the title does not name stays where it is printed.
        let other = "收购网点将延长营业时间，方便农民错峰售粮。\n";
        let a = segment_issue(&format!("{lead}{stack}{story}{other}"), "k");
        let s = a
            .iter()
            .find(|a| a.title == "我县夏粮收购准备就绪")
            .unwrap();
        assert!(s.paragraphs.concat().contains("错峰售粮"), "{a:#?}");
    }

    /// A copied story's new head over `原标题：《…》` is its title, even ending with
    /// `！`; the original head is a note, neither title nor text.
    #[test]
    fn a_new_head_over_the_original_one_is_the_title() {
        let page = "三座泵站，排涝能力翻一番！\n\n原标题：《苇塘县三座泵站投用》\n\n本报记者　甘露\n\n三座泵站全部投入使用，汛期排涝能力提高一倍。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].title, "三座泵站，排涝能力翻一番！");
        assert_eq!(a[0].byline, "本报记者　甘露");
        assert_eq!(a[0].paragraphs.len(), 1, "{a:#?}");
    }

    /// A head over its text is no line cut by a column break because a dictionary
    /// word happens to span the two (`…谁来修` / `读者问：…` holds 修读): the head
    /// titles its item. A line that does read on mid-word into the next (`…闭馆时间推`
    /// / `迟至20时…`) is still one paragraph with it.
    #[test]
    fn a_head_is_no_cut_line_for_a_word_across_the_break_alone() {
        let story = "暑期托育“一位难求”\n\n本报记者　芮晓岚\n\n暑假过半，不少双职工家庭为孩子的看护发愁。\n\n市卫健委表示，将鼓励有条件的社区开设托育点。\n\n";
        let item = "人行道上的窨井盖松动谁来修\n\n读者问：文昌路公交站旁的人行道上有个窨井盖松动了，踩上去哐当响。\n\n部门答：区城管局回复，已安排人员更换井盖。\n";
        let a = segment_issue(&format!("{story}{item}"), "k");
        let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["暑期托育“一位难求”", "人行道上的窨井盖松动谁来修"],
            "{a:#?}"
        );
        assert_eq!(a[1].paragraphs.len(), 2, "{a:#?}");
        let cut = "市博物馆春节期间闭馆时间推\n\n迟至20时，除夕当天闭馆，初一照常开放。\n";
        let a = segment_issue(&format!("{story}{cut}"), "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert!(
            a[0].paragraphs
                .iter()
                .any(|p| p.contains("闭馆时间推迟至20时")),
            "{a:#?}"
        );
    }

    /// On a page that indents its paragraphs and prints no blank lines, a flush
    /// numbered intertitle with a comma over an indented paragraph is a paragraph of
    /// its own, though a dictionary word runs across the two (`…建设` / `在…`: 设在):
    /// the indent opens the paragraph under it. The same lines, the next one flush,
    /// still read as one paragraph a column cut.
    #[test]
    fn an_indented_line_under_an_intertitle_opens_a_paragraph() {
        let page = "乡村振兴开出新局面\n本报记者　屠小川\n　　今年以来，全镇围绕耕地保护、集体经济和人居环境三件事，逐项抓好落实。\n一、守住耕地，推进农田建设\n　　在东岗村，八百亩高标准农田已经完工，灌溉渠和机耕路同步修通。\n　　镇农办表示，明年还将新建一千亩。\n二、盘活资源，加快集体经济建设\n　　在西坡村，闲置校舍改成了农产品加工点，村集体年增收二十万元。\n　　村里还成立了劳务合作社，带动六十多人就近务工。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        for head in [
            "一、守住耕地，推进农田建设",
            "二、盘活资源，加快集体经济建设",
        ] {
            assert!(a[0].paragraphs.iter().any(|p| p == head), "{a:#?}");
        }
        // Flush under the head-like line (its indent not the page's way of going
        // on): a line a column break cut, one paragraph with the next.
        let cut = page.replace("\n　　在西坡村", "\n在西坡村");
        let a = segment_issue(&cut, "k");
        assert!(
            a.iter()
                .flat_map(|a| a.paragraphs.iter())
                .any(|p| p.starts_with("二、盘活资源，加快集体经济建设在西坡村")),
            "{a:#?}"
        );
    }

    /// Heads over no text at a page's end (a list of related links under an app's
    /// article) are furniture, not articles with titles and no text; one head at
    /// the end stays, and so does a notice's issuer over its date.
    #[test]
    fn heads_over_no_text_at_the_end_are_a_list_of_links() {
        let story = "苇塘县三座泵站投用\n\n本报记者　甘露\n\n三座泵站全部投入使用，汛期排涝能力提高一倍。\n\n";
        let a = segment_issue(
            &format!("{story}相关阅读\n\n芦溪镇新建两座泵站\n\n泵站值守人员上岗\n"),
            "k",
        );
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].title, "苇塘县三座泵站投用");
        // One head at the end is not set aside.
        let a = segment_issue(&format!("{story}芦溪镇新建两座泵站\n"), "k");
        assert!(
            a.iter().any(|a| a.title == "芦溪镇新建两座泵站"
                || a.paragraphs.iter().any(|p| p == "芦溪镇新建两座泵站")),
            "{a:#?}"
        );
        // A notice's issuer and date end its text.
        let notice = "关于泵站检修期间停止供水的通告\n\n3月5日泵站检修，全镇停止供水一天。\n\n苇塘县芦溪镇人民政府\n\n2026年3月2日\n";
        let a = segment_issue(notice, "k");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(
            a[0].paragraphs.last().map(String::as_str),
            Some("2026年3月2日"),
            "{a:#?}"
        );
        // Signed in Han numerals, or in full-width figures: the one reader of
        // dates reads both.
        for (signature, last) in [
            (
                "苇塘县芦溪镇人民政府\n\n二〇二六年三月二日\n",
                "二〇二六年三月二日",
            ),
            (
                "苇塘县芦溪镇人民政府\n\n２０２６年３月２日\n",
                "２０２６年３月２日",
            ),
        ] {
            let notice = format!(
                "关于泵站检修期间停止供水的通告\n\n3月5日泵站检修，全镇停止供水一天。\n\n{signature}"
            );
            let a = segment_issue(&notice, "k");
            assert_eq!(a.len(), 1, "{a:#?}");
            assert_eq!(
                a[0].paragraphs.last().map(String::as_str),
                Some(last),
                "{a:#?}"
            );
        }
    }

    /// On a page that indents its paragraphs and its intertitles alike, a head
    /// printed flush opens an article, even alone after a finished story; where
    /// the intertitle is printed flush too, the flush line stays an intertitle.
    #[test]
    fn a_flush_head_on_a_page_that_indents_its_intertitles_opens_an_article() {
        let story = "社区食堂开到了老街坊身边\n\n晚报记者　鄢听雨\n\n\u{3000}\u{3000}中午十一点，槐香里社区食堂里坐满了老人，大家边吃边聊。\n\n\u{3000}\u{3000}“自己做饭，一个人吃不了几口，在这儿吃得香。”八十岁的鲍奶奶说。\n\n";
        let tail = "\u{3000}\u{3000}除了社区食堂，杉阁区还在社区里开设了日间照料床位。\n\n栝州新增三条社区巴士线路\n\n\u{3000}\u{3000}10月12日起，栝州市新开通三条社区巴士线路，方便老人出行。\n\n\u{3000}\u{3000}社区巴士票价一元，六十五岁以上老人免费乘坐。\n";
        let page = format!("{story}\u{3000}\u{3000}一张床位也是服务\n\n{tail}");
        let articles = segment_issue(&page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["社区食堂开到了老街坊身边", "栝州新增三条社区巴士线路"],
            "{articles:#?}"
        );
        assert!(
            articles[0].body().contains("一张床位也是服务"),
            "{articles:#?}"
        );
        // The intertitle printed flush as well: the page tells no head from an
        // intertitle by its indent, and the flush line after it is no evidence.
        let page = format!("{story}一张床位也是服务\n\n{tail}");
        let articles = segment_issue(&page, "p");
        assert!(
            !articles.iter().any(|a| a.title == "一张床位也是服务"),
            "{articles:#?}"
        );
    }

    /// A question title over `问：` text, under a column label, titles its item.
    #[test]
    fn a_question_over_a_question_and_answer_is_a_title() {
        let page = "我县启动冬季森林防火专项行动\n本报讯 11月10日，县森林草原防灭火指挥部启动冬季森林防火专项行动。（县融媒体中心 冀川）\n百姓问答\n农村建房要办哪些手续？\n问：我想在自家宅基地上翻建房屋，需要办理哪些手续？\n答：村民翻建住房，应向村民委员会提出申请，经审核批准后方可开工。（县自然资源局供稿）\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert_eq!(articles[1].kicker, "百姓问答", "{articles:#?}");
        // … with an e-paper's attribution line between the title and the question.
        let page = page.replace(
            "手续？\n问",
            "手续？\n《晋北日报》（2025年3月5日 第 03 版）\n问",
        );
        assert_eq!(segment_issue(&page, "p")[1].title, "农村建房要办哪些手续？");
        assert_eq!(articles[1].title, "农村建房要办哪些手续？");
        let page = "小区门口的“断头路”何时能通？\n编辑同志：\n我住在翠湖苑小区。小区东门外有一条路修了一半就停了，已经两年多。\n北坂区翠湖苑小区　读者　龚秋生\n";
        let articles = segment_issue(page, "p");
        assert_eq!(
            articles[0].title, "小区门口的“断头路”何时能通？",
            "{articles:?}"
        );
    }

    /// A jump printed without its `下` (`（转第9版）`) ends the part on this page: the
    /// head over the one paragraph above it opens a story of its own, no section of
    /// the comment before it.
    #[test]
    fn a_jump_without_its_xia_ends_a_short_story_of_its_own() {
        let page = "别让“网红打卡”挤占了回家的路\n柳青\n　　为了拍一张照片，有人把车停在窄巷里一停就是半天，住在巷子里的老人出门都要绕行。\n　　城市的热闹值得欢迎，但热闹的前提是守住规则，也请游客将心比心。\n冬季供暖热线开通\n　　柳塘市供热服务热线即日起二十四小时开通，市民遇到暖气不热可随时拨打。\n（转第9版）\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        assert_eq!(articles[1].title, "冬季供暖热线开通", "{articles:#?}");
        assert_eq!(articles[0].paragraphs.len(), 2, "{articles:#?}");
    }

    /// A reprint note after the text (`(《某报》11月3日2版刊发)`) ends the story and
    /// signs nothing: the story has no byline.
    #[test]
    fn a_reprint_note_after_the_text_is_no_byline() {
        let page = "柳塘街头添了四十个“暖冬驿站”\n\n柳塘市在公交场站、环卫作息点设立四十个暖冬驿站，为户外劳动者提供热水、热饭和休息座椅。\n\n(《柳塘日报》11月22日3版刊发)\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert_eq!(articles[0].byline, "", "{articles:#?}");
        assert!(classify::is_reprint_note(
            "（《柳塘都市报》11月3日2版刊发）"
        ));
        assert!(!classify::is_reprint_note(
            "（原载《柳塘日报》2025年10月16日第3版，本报有删节）"
        ));
    }

    /// A column's label that opens with a reporter's role (`记者帮你问`) is no byline:
    /// a name holds no `你`; the label is the kicker of the question item under it.
    #[test]
    fn a_label_with_a_pronoun_after_a_reporters_role_is_no_byline() {
        let page = "柳塘地铁三号线完成冷滑试验\n本报记者　柳青\n　　11月19日，柳塘地铁三号线首列车缓缓驶出，冷滑试验顺利完成。\n记者帮你问\n小区加装电梯补贴怎么申请\n　　问：我们楼想加装电梯，听说政府有补贴，该找谁、交什么材料？\n　　答：由业主代表向街道提交加装申请，竣工验收合格后发放补贴。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        assert_eq!(articles[0].byline, "本报记者　柳青", "{articles:#?}");
        assert_eq!(articles[1].kicker, "记者帮你问", "{articles:#?}");
        assert_eq!(
            articles[1].title, "小区加装电梯补贴怎么申请",
            "{articles:#?}"
        );
    }

    /// An interviewer's question (`记者：…？`) under an interview's short section head
    /// is a turn of the interview, no title of an item of its own.
    #[test]
    fn an_interviewers_question_under_a_section_head_stays_in_the_interview() {
        let page = "“旧小区也要住得舒心”\n\n晚报记者 缑绮云\n\n绫州的旧楼院改造已经做到第三年，记者就居民关心的几个问题采访了市住建局副局长纫佩兰。\n\n记者：今年改造的小区，居民最关心什么？\n\n纫佩兰：一是停车，二是加装电梯，三是管道老化。\n\n钱从哪里来\n\n记者：改造资金主要靠政府吗？\n\n纫佩兰：政府出大头，产权单位和居民也出一部分，大家一起出力。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert_eq!(articles[0].title, "“旧小区也要住得舒心”", "{articles:#?}");
        assert!(
            articles[0]
                .paragraphs
                .iter()
                .any(|p| p == "记者：改造资金主要靠政府吗？"),
            "{articles:#?}"
        );
        // The interviewer named by name, as the reporter's byline names her.
        let page = page.replace("记者：", "王晓云：");
        let articles = segment_issue(&page, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
    }

    /// A column of questions and answers under its head (more than eight characters)
    /// is no part of the brief above it: the head over `问：…？` / `答：…` opens an
    /// item whatever the text above. An interview's exchange under its own section
    /// heads stays one article.
    #[test]
    fn a_long_label_over_an_exchange_is_no_part_of_the_article_above() {
        let page = "柳塘村修好了灌溉渠\n\n本报讯 入春以来，柳塘村组织村民清淤修渠，全长三公里的灌溉渠道已全部完工，今年春灌可覆盖全村两千亩耕地。\n\n医保政策热点问题解答\n\n问：在外地住院，回来报销要带哪些材料？\n\n答：带上身份证、医保卡、出院小结和费用清单，到县医保服务大厅窗口办理。\n\n问：孩子的城乡居民医保什么时候缴费？\n\n答：每年9月至12月为集中缴费期，可在手机上缴纳。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        assert_eq!(articles[0].paragraphs.len(), 1, "{articles:#?}");
        assert_eq!(articles[1].title, "医保政策热点问题解答", "{articles:#?}");
        assert!(
            articles[1].paragraphs[0].starts_with("问：在外地住院"),
            "{articles:#?}"
        );
        let interview = "老街改造怎么改\n\n本报记者 柳青\n\n问：老街改造最先动的是哪里？\n\n答：先改地下管网，再修路面，最后整治立面，免得路修好了又挖开。\n\n老街改造的钱从哪里出\n\n问：改造要居民出钱吗？\n\n答：管网和路面由财政出，院落里的小修小补由居民商量着出一部分。\n";
        let articles = segment_issue(interview, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert_eq!(articles[0].paragraphs.len(), 5, "{articles:#?}");
    }

    /// A reader's question (`问：…？`, who asks in brackets after it) right under a
    /// title as long as a title, over its answer, opens that title's text, the label
    /// above the kicker; right under a label alone (eight characters or fewer) the
    /// question is the item's title.
    #[test]
    fn a_readers_question_under_a_title_opens_its_text() {
        let lede = "柳塘村修好了灌溉渠\n本报讯 入春以来，柳塘村组织村民清淤修渠，全长三公里的灌溉渠道已全部完工。\n";
        for question in [
            "问：我们楼想加装电梯，听说有补贴，该找谁、交什么材料？",
            "问：今年的补贴什么时候能到账？每亩能拿多少？（柳塘村 龚秋生）",
        ] {
            let item = format!(
                "政策问答\n老楼加装电梯补贴怎么申请\n{question}\n答：由业主代表向街道提交申请，审核通过后按户发放补贴。\n"
            );
            let articles = segment_issue(&format!("{lede}{item}"), "p");
            assert_eq!(articles.len(), 2, "{articles:#?}");
            assert_eq!(
                articles[1].title, "老楼加装电梯补贴怎么申请",
                "{articles:#?}"
            );
            assert_eq!(articles[1].kicker, "政策问答", "{articles:#?}");
            assert_eq!(articles[1].paragraphs[0], question, "{articles:#?}");
        }
        let item = "垃圾分类百问\n问：用过的纸巾为什么不算可回收物？\n答：纸巾遇水不易分散，不能再造纸。\n";
        let articles = segment_issue(&format!("{lede}{item}"), "p");
        assert_eq!(
            articles[1].title, "问：用过的纸巾为什么不算可回收物？",
            "{articles:#?}"
        );
        assert_eq!(articles[1].kicker, "垃圾分类百问", "{articles:#?}");
    }

    /// A question under a column label standing alone, or over its byline, is its
    /// item's title, commas and a label's colon and all; a question ending a
    /// paragraph run is text.
    #[test]
    fn a_question_under_a_label_or_over_a_byline_is_a_title() {
        let lede = "柳塘村修好了灌溉渠\n本报讯 入春以来，柳塘村组织村民清淤修渠，全长三公里的灌溉渠道已全部完工。\n";
        for (item, kicker) in [
            (
                "热线问答\n新生儿医保，怎么办？\n读者问：孩子刚出生，医保要怎么办理？\n答：出生90天内参保即可。\n",
                "热线问答",
            ),
            (
                "网络问政\n网民留言：断头路何时打通？\n附近居民出行要绕一大圈，请问什么时候能打通？\n",
                "网络问政",
            ),
            (
                "春节“吃出来”的病，怎么防？\n晚报记者 宁柯\n春节临近，聚餐多、作息乱，节日病进入高发期。\n",
                "",
            ),
        ] {
            let articles = segment_issue(&format!("{lede}{item}"), "p");
            assert_eq!(articles.len(), 2, "{item}\n{articles:#?}");
            assert!(articles[1].title.ends_with('？'), "{articles:#?}");
            assert_eq!(articles[1].kicker, kicker, "{articles:#?}");
        }
        let page = "柳塘村修好了灌溉渠\n本报讯 入春以来，柳塘村组织村民清淤修渠。\n渠修好了，地该怎么种？\n村支书说，今年要把灌溉渠延伸到坡地。\n";
        assert_eq!(segment_issue(page, "p").len(), 1);
    }

    /// A short line over one-sentence notices written to one formula (`遗失声明` over
    /// `…，声明作废。` / `…，声明作废。`) titles one notice, each of them a paragraph of
    /// it, as most gold sets read a box of loss notices; a head over two paragraphs
    /// that end differently titles them likewise.
    #[test]
    fn items_written_to_one_formula_under_a_line_are_one_notice() {
        let page = "遗失声明\n昙州市棣华区榆荫小吃店遗失营业执照正本，统一社会信用代码92990103MA7K3R5D2P，声明作废。\n柴立新遗失昙州市梓庐区翠微苑小区购房收据一张，收据编号0012876，声明作废。\n昙州市蘋洲区晨曦幼儿园遗失开户许可证，核准号J9910001234501，声明作废。\n";
        for page in [page.to_string(), page.replace('\n', "\n\n")] {
            let articles = segment_issue(&page, "p");
            assert_eq!(articles.len(), 1, "{articles:#?}");
            assert_eq!(articles[0].title, "遗失声明");
            assert_eq!(articles[0].paragraphs.len(), 3, "{articles:#?}");
        }
        let page = "柳塘村修好了灌溉渠\n入春以来，柳塘村组织村民清淤修渠，全长三公里的渠道已全部完工。\n村支书说，今年还要把灌溉渠延伸到坡地，让更多农田受益。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert_eq!(articles[0].title, "柳塘村修好了灌溉渠");
    }

    /// A scan's `一一` for a subtitle's dash under the title makes the subtitle; the
    /// title stays the title.
    #[test]
    fn a_scanned_double_one_under_a_title_is_a_subtitle_dash() {
        let page = "抢抓农时 颗粒归仓\n\n全县28万亩小麦进入收获期\n\n一一蒲口镇组织农机手“跨区作业”\n\n本报记者 桑若田\n\n本报讯 眼下，我县28万亩小麦陆续进入成熟期。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert_eq!(articles[0].title, "全县28万亩小麦进入收获期");
        assert_eq!(articles[0].subtitle, "一一蒲口镇组织农机手“跨区作业”");
        assert_eq!(articles[0].kicker, "抢抓农时 颗粒归仓");
        // Where the page prints its dashes, `一一` opening a head is the word.
        let page = "抢抓农时 颗粒归仓\n\n全县28万亩小麦进入收获期\n\n一一落实惠农政策\n\n本报记者 桑若田\n\n本报讯 眼下，我县28万亩小麦陆续进入成熟期。\n\n秋粮收购有序推进\n\n——各地开足收购网点\n\n本报讯 各地收购网点已全部开放。\n";
        let articles = segment_issue(page, "p");
        assert!(
            articles.iter().all(|a| a.subtitle != "一一落实惠农政策"),
            "{articles:#?}"
        );
    }

    #[test]
    fn a_banner_ends_the_article_above_and_heads_none() {
        let page = "溱原市推行“一码通办”便民服务\n据新华社溱原11月17日电（记者 冉冬）溱原市日前推出服务。\n据介绍，已有60万市民申领。\n图片新闻\n古城夜色\n11月15日晚，游客在溱原古城十字街游览。\n本报记者 闻笛 摄\n";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["溱原市推行“一码通办”便民服务", "古城夜色"]);
        assert_eq!(articles[1].kicker, "");
        assert_eq!(articles[1].byline, "本报记者 闻笛 摄");
    }

    /// A caption ended by its glued credit is finished: the caption below it,
    /// with its own credit line, is a photo of its own.
    #[test]
    fn a_caption_closed_by_its_credit_is_not_continued_by_the_next() {
        let page = "云海织云山\n\n　　7月6日清晨，杼州市织云山出现云海景观。新华社记者 温一川 摄\n\n　　7月5日，在箬岙县箬口镇，农民在田间管护晚稻秧苗。\n\n本报记者 郦晓岚摄\n\n　　7月6日，志愿者在杼水岸边清理垃圾。\n\n（本报记者 甄予乐 摄）\n";
        let articles = segment_issue(page, "p");
        let bylines: Vec<&str> = articles.iter().map(|a| a.byline.as_str()).collect();
        assert_eq!(
            bylines,
            [
                "新华社记者 温一川 摄",
                "本报记者 郦晓岚摄",
                "（本报记者 甄予乐 摄）"
            ],
            "{articles:#?}"
        );
        assert_eq!(articles[1].paragraphs.len(), 1, "{articles:#?}");
    }

    /// A `图为…` caption right after a brief, its credit on the line below, is a
    /// photo of its own.
    #[test]
    fn a_picture_note_over_its_credit_line_stands_apart() {
        let page = "公交28路11月10日起调整走向\n\n晚报讯 因桑陌路施工，公交28路自11月10日起临时调整走向。\n\n图为11月5日，市民在溱原市图书馆展览现场观看老照片。\n\n图/文 晚报记者 蒲公英\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        assert_eq!(articles[1].byline, "图/文 晚报记者 蒲公英");
    }

    /// A title over a short label and one caption credited at its end is one
    /// photo: the credit is its byline, and the head below opens the next story.
    #[test]
    fn the_credit_of_a_titled_photo_is_its_byline() {
        let page = "晨雾中的渌水大桥\n\n渌水大桥晨景\n\n12月23日清晨，渌水大桥在晨雾中车流不息。 郗明川 摄\n\n\n市民热线年度办件量超过四十万件\n\n记者从市民热线服务中心获悉，今年热线共受理来电四十一万余件。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        assert_eq!(articles[0].byline, "郗明川 摄", "{articles:#?}");
        assert_eq!(articles[1].title, "市民热线年度办件量超过四十万件");
    }

    /// An uncredited `图为…` caption after a brief's finished text, set close (one
    /// blank line or none), the next story's head or the page's end below it, is a
    /// photo of its own; not over a lone character (a credit torn by the width).
    #[test]
    fn a_close_picture_note_before_a_head_or_the_end_stands_apart() {
        let page = "城西高铁站完成静态验收\n\n本报讯 城西高铁站日前完成静态验收，转入联调联试阶段。\n\n图为12月1日，工人在站台上检查设备。\n\n市图书馆冬季延时开放\n\n本报讯 即日起至明年2月底，市图书馆的开放时间延长到晚上九点。\n\n图为市民在图书馆阅览室看书。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 4, "{articles:#?}");
        assert_eq!(articles[0].paragraphs.len(), 1, "{articles:#?}");
        assert_eq!(
            articles[1].paragraphs,
            ["图为12月1日，工人在站台上检查设备。"]
        );
        assert_eq!(articles[2].title, "市图书馆冬季延时开放", "{articles:#?}");
        assert_eq!(articles[3].paragraphs, ["图为市民在图书馆阅览室看书。"]);
    }

    /// A title over one caption and a second caption credited in brackets is one
    /// photo group; a brief (its text opening on a dateline) is no caption.
    #[test]
    fn a_titled_caption_and_a_bracket_credited_one_are_one_photo() {
        let page = "湑湖迎来越冬候鸟\n\n1月11日，成群的小天鹅在湑湖湿地的浅滩上觅食。\n\n保护区工作人员在观鸟屋里记录鸟类数量。（亓官慕白 摄）\n\n湑湖湿地开展冬季巡护\n\n本报讯 湑湖湿地保护区近日开展冬季巡护。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        assert_eq!(articles[0].paragraphs.len(), 2, "{articles:#?}");
        assert_eq!(articles[0].byline, "（亓官慕白 摄）", "{articles:#?}");
        let page = "城南菜市场改造完工\n\n本报讯 城南菜市场改造近日完工，明日重新开张。\n\n市民在新开张的菜市场挑选蔬菜。（亓官慕白 摄）\n\n湑湖湿地开展冬季巡护\n\n本报讯 湑湖湿地保护区近日开展冬季巡护。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 3, "{articles:#?}");
        assert_eq!(articles[1].byline, "（亓官慕白 摄）", "{articles:#?}");
    }

    /// Under a banner, a bulleted paragraph after a titled brief's finished text is
    /// the next brief, and a head after that untitled item titles the next one; a
    /// head's own bulleted lines are its body.
    #[test]
    fn a_bulleted_paragraph_under_a_banner_is_the_next_item() {
        let page = "城事速递\n火车站开通夜间接驳公交\n樗城火车站12月6日起开通两条夜间接驳公交线路。\n■樗城市档案馆近日向社会征集老照片，重点征集街巷影像。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        assert_eq!(articles[1].title, "");
        assert!(articles[1].paragraphs[0].starts_with("■樗城市档案馆"));
        let page =
            format!("{page}鸬湖湿地公园错峰开放\n鸬湖湿地公园观鸟区周一至周五实行预约错峰开放。\n");
        let articles = segment_issue(&page, "p");
        assert_eq!(articles.len(), 3, "{articles:#?}");
        assert_eq!(articles[2].title, "鸬湖湿地公园错峰开放");
        // A head over bulleted lines is a list: its lines are its text.
        let page = "城事速递\n樗城产权交易数据\n■1月8日，樗城产权交易所挂牌项目42宗，成交3.18亿元。\n■截至1月8日，樗城上市公司总市值1862.4亿元。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert_eq!(articles[0].paragraphs.len(), 2, "{articles:#?}");
    }

    #[test]
    fn a_photo_group_with_one_credit_is_one_photo() {
        let page = "千年古渡焕新颜\n①12月4日，游客在岑阳市槐川县古渡口游览。\n②当地老艺人在渡口旁的老街上展示传统船模制作技艺。\n本报记者 宓秋 摄\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 1, "{articles:?}");
        assert_eq!(articles[0].title, "千年古渡焕新颜");
        assert_eq!(articles[0].byline, "本报记者 宓秋 摄");
        assert_eq!(articles[0].paragraphs.len(), 2);
        assert_eq!(articles[0].kind, crate::article::Kind::Photo);
    }

    /// A photo group printed after a finished story, under a head of its own and
    /// over one credit, is a titled photo: the head is no section of the story.
    #[test]
    fn a_photo_group_after_a_story_under_its_own_head_is_a_photo() {
        let page = "社区便民服务中心又添新业态\n晚报记者　阮晴岚\n早上八点，便民服务中心已经热闹起来，居民们拿着东西排队。\n“以前修个拉链要跑好几条街，现在下楼走几步就到了。”居民邝阿姨说。\n初雪里的城市\n①11月20日，市区迎来今冬第一场雪，环卫工人在街头清扫积雪。\n②11月20日，孩子们在公园里打雪仗。\n晚报记者　郝知微　摄\n";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["社区便民服务中心又添新业态", "初雪里的城市"],
            "{articles:#?}"
        );
        assert_eq!(articles[0].paragraphs.len(), 2, "{articles:#?}");
        assert_eq!(articles[1].paragraphs.len(), 2, "{articles:#?}");
        assert_eq!(articles[1].kind, crate::article::Kind::Photo);
        assert_eq!(articles[1].byline, "晚报记者　郝知微　摄");
    }

    #[test]
    fn a_head_over_a_credited_caption_is_a_titled_photo() {
        let page = "让每一滴水都用在刀刃上\n本报评论员\n水利是农业的命脉，要舍得投入。\n功在当下，利在长远。\n湿地迎来越冬候鸟\n12月2日，大批越冬候鸟在岑水国家湿地公园栖息。新华社记者 庹岩 摄\n";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["让每一滴水都用在刀刃上", "湿地迎来越冬候鸟"]);
        assert_eq!(articles[1].kind, crate::article::Kind::Photo);
        assert_eq!(articles[1].byline, "新华社记者 庹岩 摄");
    }

    /// On a jump page, `◀上接A01版` alone under the jump head: the head titles the
    /// continuation, the marker is not its text; run-in items are one article each.
    #[test]
    fn a_jump_head_over_its_marker_titles_the_continuation() {
        let page = "寒潮来袭 全城保暖保供\n◀上接A01版\n市民出行要注意防寒保暖，驾车出行要注意路面结冰。\n城事速览\n■楝城东站增开夜间接驳公交\u{3000}1月12日起，楝城东站开通2条夜间接驳公交线路。\n■市图书馆延时开放\u{3000}寒假期间，市图书馆每天开放至21时。\n";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "寒潮来袭 全城保暖保供",
                "楝城东站增开夜间接驳公交",
                "市图书馆延时开放"
            ],
            "{articles:?}"
        );
        assert_eq!(articles[0].kind, crate::article::Kind::Continuation);
        assert_eq!(articles[0].paragraphs.len(), 1, "{articles:?}");
        assert_eq!(
            articles[2].paragraphs,
            ["寒假期间，市图书馆每天开放至21时。"]
        );
    }

    /// Under a banner over a run of items, each untitled paragraph after a
    /// finished one is an item of its own; a paragraph cut mid-sentence goes on.
    #[test]
    fn untitled_items_under_a_banner_are_one_article_each() {
        let page = "热线速递\n【1月5日9:12】新塘区锦华路一处水管冻裂，维修人员已到场抢修。\n【1月5日15:40】南渠区滨河小区有居民反映暖气不热，\n供热公司当天上门排查。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert!(
            articles[1].body().ends_with("供热公司当天上门排查。"),
            "{articles:?}"
        );
    }

    /// A banner over places, each alone on its line over its news, titles one
    /// round-up whose places are intertitles; the photo under it, credited `图/…`,
    /// is a caption of its own. With and without blank lines.
    #[test]
    fn a_banner_over_places_titles_one_roundup() {
        let page = "县城新建停车场三处\n\n县里在县医院周边新建停车场三处，新增车位四百个。\n\n乡镇动态\n\n栎口镇\n\n栎口镇组织农技人员走村入户，指导农户做好油菜田间管理。\n\n藓塘乡\n\n藓塘乡开展冬季森林防火宣传，在进山路口设置防火检查点六个。\n\n12月19日，栎口镇枧头村村民在整修后的塘坝上巡查。 图/仉小禾\n";
        for page in [page.to_string(), page.replace("\n\n", "\n")] {
            let articles = segment_issue(&page, "p");
            let a = articles
                .iter()
                .find(|a| a.title == "乡镇动态")
                .unwrap_or_else(|| panic!("{articles:#?}"));
            assert_eq!(a.paragraphs.len(), 4, "{articles:#?}");
            assert_eq!(a.paragraphs.first().map(String::as_str), Some("栎口镇"));
            assert!(a.body().ends_with("设置防火检查点六个。"), "{articles:#?}");
            assert_eq!(articles.len(), 3, "{articles:#?}");
        }
        // Under a banner over titled briefs, the briefs stay articles of their own.
        let page = "乡镇动态\n\n栎口镇举办农民丰收节\n\n栎口镇举办农民丰收节，展销农产品两百余种。\n\n藓塘乡完成防火宣传\n\n藓塘乡开展冬季森林防火宣传。\n";
        let titles: Vec<String> = segment_issue(page, "p")
            .into_iter()
            .map(|a| a.title)
            .collect();
        assert_eq!(titles, ["栎口镇举办农民丰收节", "藓塘乡完成防火宣传"]);
    }

    /// A notices page: a box-drawn table inside a notice is its text, the issuer and
    /// date close it, ads between rules are no titles, a head under a rule opens the
    /// next notice.
    #[test]
    fn notices_with_tables_between_rules_and_ads() {
        let page = "招租公告\n\u{3000}\u{3000}受柘水镇集体资产管理站委托,现公开招租下列房屋:\n┌──┬──────┬────┐\n│序号│位置　　　　│面积　　│\n├──┼──────┼────┤\n│１　│柘水镇东街3号│　60　　│\n└──┴──────┴────┘\n\u{3000}\u{3000}有意者请于3月20日前到管理站报名。\n\u{3000}\u{3000}咨询电话:6651234\n\u{3000}\u{3000}柘水镇集体资产管理站\n\u{3000}\u{3000}2026年3月5日\n━━━━━━━━━━━━━━━━━━━━\n金穗家电 以旧换新\n全场八折起\n地址:柘水镇西街8号 电话:6659876\n━━━━━━━━━━━━━━━━━━━━\n柘水镇中心学校2026年春季公开招聘临时代课教师公示\n\u{3000}\u{3000}经报名、面试,现将拟聘用人员名单公示如下。公示期5天。\n\u{3000}\u{3000}柘水镇中心学校\n\u{3000}\u{3000}2026年3月5日\n";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles
            .iter()
            .map(|a| a.title.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            titles,
            [
                "招租公告",
                "柘水镇中心学校2026年春季公开招聘临时代课教师公示"
            ],
            "{articles:#?}"
        );
        let a = &articles[0];
        assert!(
            a.paragraphs
                .iter()
                .any(|p| p == "│１　│柘水镇东街3号│　60　　│"),
            "{a:#?}"
        );
        assert!(a.body().contains("有意者请于3月20日前"), "{a:#?}");
        assert!(a.body().contains("2026年3月5日"), "{a:#?}");
        assert!(!a.body().contains("┌"), "{a:#?}");
    }

    /// A vertically set page copied as text keeps its presentation forms; its
    /// sentences still end at `︒` and its heads are still heads.
    #[test]
    fn a_vertical_pages_punctuation_reads_as_horizontal() {
        let page = "﹁万和号﹂茶庄的老规矩\n本报记者　岳知秋\n走进柘水古街︐茶香扑面而来︒\n老掌柜说︐规矩是祖上传下来的︒\n古渡口的石狮子\n通讯员　闻一苇\n渡口边的石狮子︐守了这条河两百年︒\n";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["﹁万和号﹂茶庄的老规矩", "古渡口的石狮子"],
            "{articles:#?}"
        );
        assert_eq!(articles[0].paragraphs.len(), 2, "{articles:#?}");
    }

    #[test]
    fn an_editors_note_before_the_byline_opens_the_story() {
        let page = "山坳里建起“数字果园”\n编者按：在广袤的乡村，一批新农人正在改变耕作方式。\n本报记者 尤嘉禾\n12月初的北岭村，苹果已经收进了冷库。\n“过去种苹果靠经验，现在靠数据。”\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 1, "{articles:?}");
        assert_eq!(articles[0].byline, "本报记者 尤嘉禾");
        assert_eq!(articles[0].paragraphs.len(), 3);
    }
}
