//! The kind of an assembled article.

use super::assemble::Draft;
use super::classify::{count_upto, is_question_label, opens_with_label};
use super::lexicon::{KindList, Lexicon, NewsDayWords, lexicon};
use super::news_day::{Reach, tells_news_day};
use crate::article::Kind;

/// Decide the kind of one draft from its shape and wording.
pub fn kind_of(d: &Draft) -> Kind {
    if d.caption {
        return Kind::Photo;
    }
    if d.date_item {
        return Kind::Timeline;
    }
    if d.title.is_empty() && d.kicker.is_empty() && !d.dateline {
        // An untitled item of a run of briefs, opened by the run's bullet
        // (`▲全市首批十家老年助餐点近日挂牌，…`), is a brief; other headless text
        // continues an article.
        if !d.jump_in && d.opening_bullet().is_some() {
            return Kind::Brief;
        }
        return Kind::Continuation;
    }
    // Opened by a jump marker, under its jump head or none, on a line of its own
    // or glued to the first paragraph (`（上接第1版）会议强调，…`).
    if d.jump_in || opens_with_back_jump(d) {
        return Kind::Continuation;
    }
    // A head spaced out by a scan (`讣 告`, `更 正`) reads without its spaces.
    // (Borrowed when it has none, as nearly every title: nothing gathered.)
    let title: std::borrow::Cow<'_, str> = if d.title.contains(char::is_whitespace) {
        d.title.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        std::borrow::Cow::Borrowed(&d.title)
    };
    let lex = lexicon();
    if lex.holds_kind_word(KindList::NoticeHeads, &title)
        || lex.ends_with_kind_word(KindList::NoticeEndings, &title)
    {
        return Kind::Notice;
    }
    // A reporter signs the story: on a line of their own, in a dateline or in a
    // closing credit (`本报记者 某某`, `本报讯（记者 某某）`, `（记者 某某）`).
    let reporter_signs = lex.holds_kind_word(KindList::ReporterWords, &d.byline);
    // A call for recruits or pupils, a duty roster (`…招募文化志愿者`, `…秋季班招生`,
    // `端午假期值班电话`) is a notice, unless a reporter signs it or a dateline opens
    // it: a report on people at work (`除夕夜里的值班民警` / `本报记者 …`) is news.
    // So is a head that ends with a call's word (`…摄影作品征集`, `招聘`:
    // kind_words.call_endings).
    if (lex.holds_kind_word(KindList::NoticeCalls, &title)
        || lex.ends_with_kind_word(KindList::CallEndings, &title))
        && !reporter_signs
        && !d.dateline
    {
        return Kind::Notice;
    }
    // A text signed and dated under it, as a notice is (`辂州市图书馆` / `2032年5月17日`,
    // `泂川省水利厅　2026年12月8日`), and signed by no reporter: a notice, whatever its
    // head (`…志愿者开始报名`, `冬季用气安全提示`).
    // (A reader's letter signed and dated is no notice: `编辑同志：…` / `读者　某某　…日`.)
    if !reporter_signs && closes_signed_and_dated(d) && !signed_by_a_reader(d) && !is_a_letter(d) {
        return Kind::Notice;
    }
    if [&d.kicker, &d.title, &d.subtitle]
        .iter()
        .any(|h| lex.holds_kind_word(KindList::QaHeads, h))
        || (d.title.ends_with('？') || d.title.ends_with('?'))
            && (d.title.starts_with(|c: char| c.is_ascii_digit()) || is_question_label(&d.title))
    {
        return Kind::Qa;
    }
    // Two or more turns opened by a question's or an interviewer's label alone
    // (`问：…`, `记者：…`).
    let qa_lines = d
        .paragraphs
        .iter()
        .filter(|p| {
            opens_with_label(p, KindList::QuestionLabels)
                || opens_with_label(p, KindList::InterviewerLabels)
        })
        .count();
    if qa_lines >= 2 {
        return Kind::Qa;
    }
    // Two or more questions put by the reporter who signs the piece, under their own
    // name as the turn's label (`本报记者 晏筠竹` / … / `晏筠竹:修一座老桥,第一步做
    // 什么？`): an interview, the guest answering under theirs.
    if reporter_signs && {
        let asks = |p: &&String| {
            p.contains(['？', '?'])
                && signed_names(&d.byline).any(|name| {
                    p.strip_prefix(name)
                        .is_some_and(|rest| rest.starts_with([':', '：']))
                })
        };
        d.paragraphs.iter().filter(asks).take(2).count() == 2
    } {
        return Kind::Qa;
    }
    // An interviewer's question (`记者：今年改造的小区，居民最关心什么？`) answered on
    // the next paragraph by a person named before a colon (`房远舟：…`,
    // `房远舟（省生态环境厅副厅长）：…`): an interview, however few of its turns the
    // page printed whole.
    if d.paragraphs.windows(2).any(|w| {
        opens_with_label(&w[0], KindList::InterviewerLabels)
            && w[0].contains(['？', '?'])
            && opens_with_a_speakers_name(&w[1])
    }) {
        return Kind::Qa;
    }
    // A question for a title and a speaker's answer below it (`网民留言：…？` /
    // `…局回复：…`).
    let answers = |p: &String| speaker_label(p, KindList::AnswerLabels);
    if (d.title.ends_with('？') || d.title.ends_with('?')) && d.paragraphs.iter().any(answers) {
        return Kind::Qa;
    }
    // A question's turn and an answer's below a head (`问：…` / `答：…`, `读者问：…` /
    // `部门答：…`), whatever the title says.
    if d.paragraphs
        .iter()
        .any(|p| speaker_label(p, KindList::QuestionLabels))
        && d.paragraphs.iter().any(answers)
    {
        return Kind::Qa;
    }
    // A text that sets its reader's terms (`报名时间：…`, `咨询电话：…`), signed by no
    // reporter and opened by no dateline: a call for sign-ups, a closure, an
    // enrolment (a qa that answers with such terms stays a qa, above).
    if !reporter_signs
        && !d.dateline
        && d.paragraphs
            .iter()
            .any(|p| lex.holds_kind_word(KindList::NoticeTerms, p))
    {
        return Kind::Notice;
    }
    // A chronology: three or more paragraphs, each but at most one opening with
    // its date (`1971年 县城第一座水厂…`, `5月25日 全省…`).
    // (Not a table of days, each row the day after the one above: `3月18日(周五) 较高
    // 柳树、杨树` / `3月19日(周六) 高 …`, a forecast or a roster of the days ahead, a
    // box of rows, which a chronology's dates spaced apart are not.)
    let dated = d.paragraphs.iter().filter(|p| opens_with_date(p)).count();
    if dated >= 3 && dated + 1 >= d.paragraphs.len() && !runs_day_by_day(&d.paragraphs) {
        return Kind::Timeline;
    }
    // A picture's caption under its head, credited to its photographer
    // (`本报记者　苻慕白　摄`): one short paragraph.
    let brief = super::measures::measures().brief_chars;
    if credits_a_photographer(&d.byline)
        && d.paragraphs.len() <= 1
        && d.paragraphs
            .first()
            .is_none_or(|p| count_upto(p, brief) <= brief)
    {
        return Kind::Photo;
    }
    // A reporter named only in the bracketed credit closing the item
    // (`…已达86家。（记者 甘露）`) signs no dispatch: an item so credited, or credited
    // to no reporter, may be a box, a brief or a roundup; an own-line
    // `本报记者 某某` or a dateline's `本报讯（记者 某某）` makes a reporter's story.
    let bracketed = d.byline.starts_with(['（', '(']);
    let no_reporters_story = bracketed || !reporter_signs;
    // A service box under its fixed head (`今明两天天气`, `温馨提示`): a brief, its
    // sentences and its provider's credit (`鼍洲市气象台 供稿`) notwithstanding; a
    // reporter's story so titled (`…雨雪天气` / `本报记者 …`) is no box.
    if titles_a_service_box(&title) && no_reporters_story {
        return Kind::Brief;
    }
    // A sidebar titled by its box's fixed head alone (`相关链接`, `背景`, `人物名片`:
    // the lexicon's `box_heads`), opened by no dateline and signed by no reporter:
    // a box of facts set beside a story, a brief.
    if no_reporters_story && !d.dateline && lex.is_box_head(&title) {
        return Kind::Brief;
    }
    // The editors' own word to the reader (`编者的话`, `编者按`: a title that is a
    // word of kind_words.editor_notes) is commentary, as an editorial is.
    let bare_title = bare_head(&title);
    if lex.holds_kind_word(KindList::CommentaryBylines, &d.byline)
        || lex.holds_kind_word(KindList::CommentaryKickers, &d.kicker)
        || lex
            .kind_words(KindList::EditorNotes)
            .any(|w| !w.is_empty() && bare_title == w)
    {
        return Kind::Commentary;
    }
    // A text closed by the line of the office that issues it (`黏川交警支队`,
    // `鹛湖公园管理处`), signed by no reporter and opened by no dateline: a notice
    // (a closure, a market moved, a bridge shut for a night: `…敬请理解和支持。` /
    // `黏川交警支队`), dated or not. (A service box so signed, `天气` / `…气象台`, is
    // a brief, above; a column label of commentary, `社评`, outranks it, above.)
    if !reporter_signs
        && !d.dateline
        && closes_with_an_issuer(d)
        && !signed_by_a_reader(d)
        && !is_a_letter(d)
    {
        return Kind::Notice;
    }
    // A story under a feature's genre label (`通讯`, `椋山通信`, `一线见闻`:
    // kind_words.feature_labels) or whose title names the genre (`县城街头素描`,
    // `茶市一瞥`: kind_words.feature_title_endings) is a feature, whoever signs it,
    // however short and however it opens.
    if labels_a_feature(d, &title) {
        return Kind::Feature;
    }
    // Signed by its author rather than by a newsroom: a reader's letter, an
    // opinion piece, an essay, a poem, a book note, a serial's instalment: all
    // commentary, as most gold sets give them (the open sets blind5-24 call
    // essays features, blind30-33, 58, 60-63, 65, 67 and 69 commentary; the
    // articles of the second kind are twice as many).
    // A report signed with its reporter's bare name (as an archive's record lists
    // its author) is no opinion: its text opens as news does and argues nothing.
    // (Whether the text opens as a report does is read once, when first asked.)
    let clause = first_clause(d);
    let reported = std::cell::OnceCell::new();
    let reports = || *reported.get_or_init(|| opens_as_a_report(d, clause));
    let authored = authored(d);
    // An author's piece whose byline credits its pictures too (`文/图 卜野航`,
    // `文｜冼若愚 图｜岳听松`: kind_words.picture_credits): the writer went to the
    // place and photographed it, a feature told from there, no essay or opinion.
    // An illustrator's credit (`插图/…`) is none, nor an agency's (`图/视觉中国`:
    // stock pictures say nothing of where the writer went).
    if authored && credits_pictures(lex, &d.byline) {
        return Kind::Feature;
    }
    if authored && (!reports() || argues(d)) {
        return Kind::Commentary;
    }
    // A text under a column of remarks' label (`记者手记`, `记者观察`:
    // kind_words.remark_labels) that argues is commentary, though a reporter signs
    // it or its first clause says when; a dispatch opened by a dateline
    // (`本报讯（记者 某某）…`) stays a report, whatever it quotes.
    if !d.dateline && labels_a_remark(d) && argues(d) {
        return Kind::Commentary;
    }
    // A reader's letter printed unsigned, under a letters column's label (`读者来信`,
    // `来信摘登`) or opening with its salutation (`编辑同志：`): commentary as a signed
    // one is.
    if is_a_letter(d) {
        return Kind::Commentary;
    }
    // A text no reporter signs and no dateline opens whose first sentence speaks as
    // one person (`我今年七十岁，…`, `前些天我到…散步`; not a body speaking, `我市`,
    // `我局`, `我公司`: [`speaks_as_a_person`]): a reader's or a writer's own piece,
    // commentary as a signed one is.
    if !reporter_signs && !d.dateline && speaks_as_a_person(first_sentence(d)) {
        return Kind::Commentary;
    }
    // A case told, then a judge's reading of it under its label (`法官说法`, alone or
    // before its words, brackets aside: `【法官说法】`, `法官说法：…`;
    // kind_words.case_comment_labels): a legal case's story, a feature, whoever
    // signs it and however it opens.
    if d.paragraphs.iter().skip(1).any(|p| {
        let label = p.trim_start_matches(['【', '〔', '[', '（', '(', '　', ' ']);
        lex.kind_words(KindList::CaseCommentLabels)
            .any(|w| !w.is_empty() && label.starts_with(w))
    }) {
        return Kind::Feature;
    }
    if [&d.kicker, &d.title, &d.subtitle]
        .iter()
        .any(|h| lex.holds_kind_word(KindList::BriefHeads, h))
    {
        return Kind::Brief;
    }
    // A titled item of one short paragraph: a brief, unless a reporter's story
    // (news however short). A title the page printed with a bullet of
    // [`super::blocks::BRIEF_BULLETS`] (`■全国春季农资保供行动启动`, `▲…`, `◆…`: the
    // mark of the items of a run) heads a brief, whoever signs it (`本报北京3月2日电（记者…）`).
    // (The closing credit printed as a paragraph of its own, `（记者 甘露）` under the
    // item, is no paragraph of the text.)
    let credit_line = |p: &String| bracketed && !d.byline.is_empty() && p.trim() == d.byline.trim();
    let mut body = d
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| !d.intertitles.contains(i))
        .map(|(_, p)| p)
        .filter(|p| !credit_line(p));
    let lone = match (body.next(), body.next()) {
        (Some(only), None) if count_upto(only, brief) <= brief => Some(only),
        _ => None,
    };
    // Such an item signed in brackets by a person's name alone (`（龚晴焰）`: no
    // newsroom's word, no office) that tells no day, no period and no figure, and
    // that no dateline opens, remarks on something rather than reporting it: a
    // short comment of a column of remarks (`公园里的长椅` / `…一张长椅也是实事。`),
    // commentary. A brief says when (`近日`, `今年`, `5月以来`, `即日起`) or counts
    // in figures; or, told in one sentence, counts in words (`县城新增公共自行车站点
    // 十二个，投放车辆三百辆。（苻雨生）`): a remark states its fact and then says
    // what it means, two sentences, whatever it counts (`萍湖公园新添了二百张长椅，…。
    // 便民不一定是大工程，一张长椅也是实事。`).
    if !d.title.is_empty()
        && bracketed
        && !d.dateline
        && lone
            .is_some_and(|p| tells_no_time(p) && (sentences_upto(p, 2) >= 2 || !counts_in_words(p)))
        && signed_by_a_bare_name(&d.byline)
    {
        return Kind::Commentary;
    }
    if !d.title.is_empty()
        && (no_reporters_story
            || d.item_bullet
                .is_some_and(|b| super::blocks::BRIEF_BULLETS.contains(&b)))
        && lone.is_some()
    {
        return Kind::Brief;
    }
    // A box of rows under its label (a weather box, a round's results, a league
    // table, a list of service points): most of its short paragraphs are rows, not
    // sentences. A directory, whose rows give telephone numbers (`仁济大药房
    // 0000-6630121`) or whose head ends by naming the service points it lists
    // (`夜间门诊一览`, `国庆假期营业药店`: kind_words.directory_endings), is a notice;
    // other boxes are briefs.
    if !d.title.is_empty()
        && no_reporters_story
        && let Some(rows) = rows_of_a_box(d, 2 * brief)
    {
        let numbers = d
            .paragraphs
            .iter()
            .filter(|p| holds_a_telephone_number(p))
            .count();
        return if numbers >= 2 && numbers * 2 >= rows
            || lex.ends_with_kind_word(KindList::DirectoryEndings, &title)
        {
            Kind::Notice
        } else {
            Kind::Brief
        };
    }
    // A box of tips under its label (`小贴士`, `健康提示`, `出行提示`:
    // kind_words.tip_labels ends it) over a list or a few lines of advice, signed by
    // no reporter, opened by no dateline and not as a report (`市市场监督管理局近日
    // 提醒，…` relays an office's warning: news): a brief, as the service boxes.
    // (Read after the boxes of rows: a directory under such a label stays a notice.)
    if no_reporters_story && !d.dateline && kicker_ends_with(d, KindList::TipLabels) && !reports() {
        return Kind::Brief;
    }
    // A roundup: several short labels, each over a short item.
    let labels = d
        .intertitles
        .iter()
        .filter(|&&i| d.paragraphs.get(i).is_some_and(|p| count_upto(p, 9) <= 8))
        .count();
    // (A reporter's story parted by short labels, `赛况`, is a report, not a roundup.)
    if labels >= 2 && labels * 2 >= d.intertitles.len() && no_reporters_story {
        return Kind::Brief;
    }
    // A story under a deck or parted by intertitles is a feature, unless its text
    // opens as a newsroom's report does (a dateline, a first clause that says when):
    // a report under a deck is news.
    if (!d.subtitle.is_empty() || d.intertitles.len() >= 2) && !reports() {
        return Kind::Feature;
    }
    // A story that opens on a scene or a person (`走进…`, `清晨，…`, `七十三岁的…`,
    // `在…村，八十一岁的…`, `…巷口有一间…`) rather than on the news is a feature, deck
    // or none.
    if !reports() && clause.is_some_and(|c| opens_on_a_scene(c, first_sentence(d))) {
        return Kind::Feature;
    }
    Kind::News
}

/// The article is signed by a person writing for themselves: an own-line byline
/// naming no newsroom role (`木禾`, `·谭雪松·`, `文/钟离`, `中共…主任 孟砚秋`), or a
/// reader's signature in brackets (`（鼓巷区　读者　温采薇）`).
fn authored(d: &Draft) -> bool {
    let b = d.byline.trim();
    let lex = lexicon();
    if b.is_empty() || d.title.is_empty() || lex.holds_kind_word(KindList::NewsroomWords, b) {
        return false;
    }
    !d.credit || lex.holds_kind_word(KindList::ReaderWords, b)
}

/// The story is labelled a feature: its kicker ends with a word of the lexicon's
/// `kind_words.feature_labels` (`椋山通信`, `通訊`, `奋进新征程·一线见闻`), or its
/// title (`title`, without a scan's spaces) with a word of
/// `kind_words.feature_title_endings` (`县城街头素描`, `蘅台茶市一瞥`), brackets and
/// marks aside.
fn labels_a_feature(d: &Draft, title: &str) -> bool {
    kicker_ends_with(d, KindList::FeatureLabels) && !label_names_the_subject(d)
        || lexicon().ends_with_kind_word(KindList::FeatureTitleEndings, bare_head(title))
}

/// The kicker's feature label is the tail of a longer word that names a trade or a
/// subject (`信息通信` over a dispatch on base stations): the word jieba reads before
/// the label is a common noun of two characters or more (`信息`; not a place,
/// `椋山通信`, read as a name or a character at a time, nor a numeral's word,
/// `一线见闻`), and the story's own title or text uses the label's word
/// (`通信基站`), as a story on the trade does and a dispatch told as a story seldom
/// does. Such a kicker names the story's subject, no genre.
fn label_names_the_subject(d: &Draft) -> bool {
    let kicker = bare_head(&d.kicker);
    let Some(label) = lexicon()
        .kind_words(KindList::FeatureLabels)
        .find(|w| !w.is_empty() && kicker.ends_with(w))
    else {
        return false;
    };
    let before = kicker.len() - label.len();
    if before == 0 || !(d.title.contains(label) || d.paragraphs.iter().any(|p| p.contains(label))) {
        return false;
    }
    let tags = crate::words::jieba().tag(kicker, false);
    // The word that ends where the label starts, if a word of the cut does.
    let mut at = 0;
    let mut word_before = None;
    for t in &tags {
        if at >= before {
            break;
        }
        at += t.word.len();
        word_before = Some(t);
    }
    at == before
        && word_before
            .is_some_and(|t| t.word.chars().nth(1).is_some() && matches!(t.tag, "n" | "vn" | "nz"))
}

/// The story stands under the label of a column of remarks: its kicker ends with a
/// word of the lexicon's `kind_words.remark_labels` (`记者手记`, `區域觀察`), brackets
/// and marks aside.
fn labels_a_remark(d: &Draft) -> bool {
    kicker_ends_with(d, KindList::RemarkLabels)
}

/// The story's kicker, brackets and marks aside ([`bare_head`]), is there and
/// ends with a word of the kind list `list`.
fn kicker_ends_with(d: &Draft, list: KindList) -> bool {
    let kicker = bare_head(&d.kicker);
    !kicker.is_empty() && lexicon().ends_with_kind_word(list, kicker)
}

/// A head without the white space, brackets and marks around it (`【通讯】` -> `通讯`).
fn bare_head(h: &str) -> &str {
    super::blocks::trim_white(h).trim_matches(|c: char| !c.is_alphanumeric())
}

/// How often (per mille of `text`'s characters) the words of a kind list occur, each
/// word counted on its own (`需要` as `需要` and as `要`), but for those standing
/// inside a word of the list `lookalikes` (`要` in `重要`, `要求`: no obligation).
/// Each place of a word counts once, left out once however many lookalikes
/// hold it (`重要求`: `要` inside both `重要` and `要求`).
fn per_mille(text: &str, list: KindList, lookalikes: KindList) -> usize {
    let lex = lexicon();
    let n = text.chars().count().max(1);
    let found: usize = lex
        .kind_words(list)
        .filter(|w| !w.is_empty())
        .map(|w| {
            text.match_indices(w)
                .filter(|&(at, _)| !inside_a_lookalike(text, at, w, lookalikes))
                .count()
        })
        .sum();
    found * 1000 / n
}

/// The word `w`, standing at byte `at` of `text`, stands inside a word of the kind
/// list `lookalikes` there (`要` of `重要求` inside `重要`).
fn inside_a_lookalike(text: &str, at: usize, w: &str, lookalikes: KindList) -> bool {
    lexicon()
        .kind_words(lookalikes)
        .filter(|l| !l.is_empty())
        .any(|l| {
            // Each place of `w` inside the lookalike puts its start that far before.
            l.match_indices(w).any(|(k, _)| {
                at.checked_sub(k)
                    .and_then(|start| text.get(start..))
                    .is_some_and(|from| from.starts_with(l))
            })
        })
}

/// The first clause of the text: its first paragraph's first
/// [`FIRST_CLAUSE_CHARS`] characters, up to the first comma or full stop; `None`
/// when it has no paragraph.
fn first_clause(d: &Draft) -> Option<&str> {
    let lead = super::classify::head(d.paragraphs.first()?, FIRST_CLAUSE_CHARS);
    Some(lead.split(['，', '。', ',']).next().unwrap_or(lead))
}

/// The text opens as a newsroom's report does: with a dateline (`本报讯　…`,
/// `晚报讯　…`: a word of the lexicon's `kind_words.dateline_words` after the
/// outlet's name, within the first [`DATELINE_WORD_REACH`] characters, then a
/// space), or a first clause (`clause`, [`first_clause`]) that says when
/// (`12月8日起，…`, `省考古研究院12月12日发布消息，…`, `日前，…`).
fn opens_as_a_report(d: &Draft, clause: Option<&str>) -> bool {
    if d.dateline {
        return true;
    }
    let Some(clause) = clause else {
        return false;
    };
    let opening = super::classify::head(clause, DATELINE_WORD_REACH);
    lexicon()
        .kind_words(KindList::DatelineWords)
        .filter(|w| !w.is_empty())
        .any(|w| {
            opening
                .match_indices(w)
                .any(|(i, _)| i > 0 && clause[i + w.len()..].starts_with(['　', ' ']))
        })
        || tells_news_day(
            clause,
            NewsDayWords::ReportOpeners,
            Reach::Opening,
            Reach::Anywhere,
        )
}

/// A reader's letter: its kicker names a letters column (ends with a word of the
/// lexicon's `kind_words.letter_kickers`, brackets aside: `读者来信`, `〔来信〕`), or its
/// text opens with a salutation to the editors (`编辑同志：…`,
/// `kind_words.letter_salutations`).
fn is_a_letter(d: &Draft) -> bool {
    kicker_ends_with(d, KindList::LetterKickers)
        || d.paragraphs.first().is_some_and(|p| {
            lexicon()
                .kind_words(KindList::LetterSalutations)
                .any(|w| p.trim_start().starts_with(w))
        })
}

/// `今明两天天气`, `温馨提示`: a short head of Han characters alone (at most
/// [`BOX_TITLE_CHARS`]) that ends with a word of the lexicon's `kind_words.box_titles`.
fn titles_a_service_box(title: &str) -> bool {
    let n = title.chars().take(BOX_TITLE_CHARS + 1).count();
    n <= BOX_TITLE_CHARS
        && title.chars().all(crate::text::is_han)
        && lexicon().ends_with_kind_word(KindList::BoxTitles, title)
}

/// The most characters of a service box's head (as `lexicon::is_box_head`'s patterns).
const BOX_TITLE_CHARS: usize = 12;

/// The most characters of a text's first clause read for a report's opening or a
/// feature's scene ([`first_clause`]).
const FIRST_CLAUSE_CHARS: usize = 40;

/// The most characters of a text's first sentence read for a feature's person or
/// sight ([`first_sentence`]).
const FIRST_SENTENCE_CHARS: usize = 80;

/// How far into a first clause (in characters) a dateline's word may end
/// (`本报讯`, `晚报讯`: an outlet's short name before it).
const DATELINE_WORD_REACH: usize = 6;

/// How many characters after a person's age (`七十岁的`) may name a group instead
/// (`70岁的本市户籍老年人`, [`opens_with_an_age`]).
const AGE_GROUP_CHARS: usize = 8;

/// The most characters of a notice's closing line, a date alone or a signer and a
/// date (`泂川省水利厅　2026年12月8日`, [`closes_signed_and_dated`]).
const SIGNATURE_CHARS: usize = 40;

/// Words of obligation (per mille of a body's characters) above which a text
/// argues ([`argues`]: an author's, or a reporter's remark under a column's label):
/// a report holds a few.
const ARGUING_PER_MILLE: usize = 6;

/// The first sentence of the text: its first paragraph's first
/// [`FIRST_SENTENCE_CHARS`] characters, up to the first full stop, question or
/// exclamation mark.
fn first_sentence(d: &Draft) -> &str {
    let Some(first) = d.paragraphs.first() else {
        return "";
    };
    let lead = super::classify::head(first, FIRST_SENTENCE_CHARS);
    lead.split(['。', '！', '？', '!', '?'])
        .next()
        .unwrap_or(lead)
}

/// The text opens on a scene or a person, as a feature does: its first clause
/// (`clause`, [`first_clause`]) opens with a word of the lexicon's
/// `kind_words.scene_openers` (`走进`, `清晨`, `天刚亮`); a clause of its first
/// sentence (`sentence`, [`first_sentence`]) opens by naming a person's age
/// (`七十三岁的闾守义…`, `在茆山县菖塘村，七十岁的老篾匠…`: figures or numerals, then
/// a word of `kind_words.age_endings`); or the first sentence shows a place's sight
/// ([`shows_a_sight`]).
fn opens_on_a_scene(clause: &str, sentence: &str) -> bool {
    let lex = lexicon();
    lex.kind_words(KindList::SceneOpeners)
        .any(|w| clause.starts_with(w))
        || std::iter::once(clause)
            .chain(sentence.split(['，', ',']).skip(1))
            .any(opens_with_an_age)
        || shows_a_sight(sentence)
}

/// The sentence shows a place's sight with a word of the lexicon's
/// `kind_words.scene_sights` (`…巷口，有一间不到十平方米的钟表铺`, `…湖心有一座小木屋`),
/// not after a word of `kind_words.sight_negations` (`没`: `没有一家超标排放`).
fn shows_a_sight(sentence: &str) -> bool {
    let lex = lexicon();
    lex.kind_words(KindList::SceneSights)
        .filter(|w| !w.is_empty())
        .any(|w| {
            sentence.match_indices(w).any(|(at, _)| {
                !lex.kind_words(KindList::SightNegations)
                    .any(|n| !n.is_empty() && sentence[..at].ends_with(n))
            })
        })
}

/// The sentence speaks as one person: it holds a word of the lexicon's
/// `kind_words.first_person_words` (`我`) outside quotation marks, not followed by a
/// word of `kind_words.speaking_bodies` (`我市`, `我局`, `我公司`, `我行`: an office or a
/// place speaking for itself, as a notice does) nor inside a word of
/// `kind_words.first_person_lookalikes` (`自我革命`: no one speaks).
fn speaks_as_a_person(sentence: &str) -> bool {
    let lex = lexicon();
    let quoted = |at: usize| {
        let before = &sentence[..at];
        before.matches(['“', '「']).count() > before.matches(['”', '」']).count()
    };
    lex.kind_words(KindList::FirstPersonWords)
        .filter(|w| !w.is_empty())
        .any(|w| {
            sentence.match_indices(w).any(|(at, _)| {
                let after = &sentence[at + w.len()..];
                !quoted(at)
                    && !inside_a_lookalike(sentence, at, w, KindList::FirstPersonLookalikes)
                    && !lex
                        .kind_words(KindList::SpeakingBodies)
                        .any(|b| !b.is_empty() && after.starts_with(b))
            })
        })
}

/// The text is signed by a reader: its last paragraph holds a word of the lexicon's
/// `kind_words.reader_words` (`读者　顾一帆　2031年5月10日`).
fn signed_by_a_reader(d: &Draft) -> bool {
    d.paragraphs
        .last()
        .is_some_and(|p| lexicon().holds_kind_word(KindList::ReaderWords, p))
}

/// A clause opens by naming a person's age: `73岁的…`, `七十三岁的老篾匠钭福根…` (not
/// `全市65岁的老年人`). An age that names a group rather than a person, a word of
/// the lexicon's `kind_words.age_groups` within the [`AGE_GROUP_CHARS`] characters
/// after it (`70岁的老年人可免费乘车`, `…岁的本市户籍老年人`), opens no portrait.
fn opens_with_an_age(clause: &str) -> bool {
    let after_age = clause.trim_start_matches(|c: char| {
        crate::text::is_digit(c) || super::classify::is_chinese_numeral(c)
    });
    if after_age.len() == clause.len() {
        return false;
    }
    let lex = lexicon();
    lex.kind_words(KindList::AgeEndings)
        .filter(|w| !w.is_empty())
        .find_map(|w| after_age.strip_prefix(w))
        .is_some_and(|who| {
            let who = super::classify::head(who, AGE_GROUP_CHARS);
            !lex.kind_words(KindList::AgeGroups)
                .any(|g| !g.is_empty() && who.contains(g))
        })
}

/// A credit in brackets that names a person alone (`（龚晴焰）`, `(郑 雨)`): no word of
/// a newsroom or a source (`记者`, `供稿`: kind_words.newsroom_words) and a name as a
/// byline's line reads one ([`super::classify::is_name_line`]; no office, no place,
/// no agency: `（据新华社）`, `（县供销社提供）`).
fn signed_by_a_bare_name(byline: &str) -> bool {
    let inner = byline
        .trim()
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')'])
        .trim();
    !inner.is_empty()
        && !lexicon().holds_kind_word(KindList::NewsroomWords, inner)
        && super::classify::is_name_line(inner)
}

/// The paragraph tells no time as a report does: no figure (`5月`, `12.4万件`, `%`),
/// no word that says the day of the news (the lexicon's `news_days` lists: `近日`,
/// `日前`, `截至`, `今年以来`), none that names a period (`年`, `月`, `周`, `即日`,
/// `期间`: kind_words.period_words) and no dateline's word (`讯`).
fn tells_no_time(p: &str) -> bool {
    let lex = lexicon();
    !p.chars()
        .any(|c| crate::text::is_digit(c) || matches!(c, '%' | '％'))
        && !lex.holds_kind_word(KindList::PeriodWords, p)
        && !lex.holds_kind_word(KindList::DatelineWords, p)
        && !tells_news_day(
            p,
            NewsDayWords::LedeClause,
            Reach::Anywhere,
            Reach::Anywhere,
        )
        && !tells_news_day(
            p,
            NewsDayWords::ReportOpeners,
            Reach::Anywhere,
            Reach::Anywhere,
        )
}

/// The text closes with the line of the office that issues it (`黏川交警支队`,
/// `鹛湖公园管理处`: [`super::classify::names_an_issuer`]) under two paragraphs or
/// more.
fn closes_with_an_issuer(d: &Draft) -> bool {
    let [_, .., last] = d.paragraphs.as_slice() else {
        return false;
    };
    // (The paper's own desk, `本报编辑部` (kind_words.own_paper_words), issues no
    // notice: it closes an editorial or a word to its readers.)
    super::classify::names_an_issuer(last)
        && !lexicon()
            .kind_words(KindList::OwnPaperWords)
            .any(|w| !w.is_empty() && last.trim_start().starts_with(w))
}

/// The text counts in words (`十二个`, `三百辆`, `两座`): a run of numeral
/// characters, not `一` alone (`一张长椅`, `一个歇脚处`: an article's `a`), right
/// before a measure word of the lexicon's `kind_words.count_measures`. A lone
/// numeral with another two characters from it (`三番五次`, `千家万户`, `三天两头`)
/// is a set phrase of four characters, no count.
fn counts_in_words(p: &str) -> bool {
    const NUMERALS: &str = "一二两三四五六七八九十百千万亿";
    let lone = |c: char| c != '一' && NUMERALS.contains(c);
    let lex = lexicon();
    // (The run: its length, its first character, where it started in characters;
    // and where the last run of one numeral other than `一` stood.)
    let mut run: Option<(usize, char, usize)> = None;
    let mut last_lone: Option<usize> = None;
    for (k, (at, c)) in p.char_indices().enumerate() {
        if NUMERALS.contains(c) {
            run = Some(match run {
                Some((n, first, from)) => (n + 1, first, from),
                None => (1, c, k),
            });
            continue;
        }
        let Some((n, first, from)) = run.take() else {
            continue;
        };
        let set_phrase = n == 1
            && (last_lone.is_some_and(|l| l + 2 == from)
                || p[at..].chars().nth(1).is_some_and(lone));
        if n == 1 && lone(first) {
            last_lone = Some(from);
        }
        if (n > 1 || first != '一')
            && !set_phrase
            && lex
                .kind_words(KindList::CountMeasures)
                .any(|w| !w.is_empty() && p[at..].starts_with(w))
        {
            return true;
        }
    }
    false
}

/// How many sentences `p` holds, counted up to `most`: the runs of text ended by a
/// sentence's closing mark (`。`, `！`, `？`), a credit in brackets after the last
/// one no sentence.
fn sentences_upto(p: &str, most: usize) -> usize {
    p.split(['。', '！', '？', '!', '?'])
        .filter(|s| {
            let s = s.trim();
            let credit = s.starts_with(['（', '(']) && s.ends_with(['）', ')']);
            !s.is_empty() && !credit
        })
        .take(most)
        .count()
}

/// The first body characters (at most 2,000), without intertitles.
fn body_start(d: &Draft) -> String {
    let mut body = String::new();
    let mut budget = 2000usize;
    for (i, p) in d.paragraphs.iter().enumerate() {
        if budget == 0 {
            break;
        }
        if d.intertitles.contains(&i) {
            continue;
        }
        let h = super::classify::head(p, budget);
        budget -= h.chars().count();
        body.push_str(h);
    }
    body
}

/// Whether `byline` credits a picture to a person or to the writer (a word of
/// kind_words.picture_credits, see [`kind_of`]): where no Han character stands
/// before the word (`插图/岳听松` credits an illustrator, whose `图/` is the tail of
/// another word), and the word is the writer's own (`文/图 卜野航`) or names a
/// person after it (`图/岳听松`), not an agency (`图/视觉中国`). One credit must do
/// both: `插图/岳听松 图/视觉中国` credits no one who went there.
fn credits_pictures(lex: &Lexicon, byline: &str) -> bool {
    lex.holds_kind_word(KindList::PictureCredits, byline)
        && lex.kind_words(KindList::PictureCredits).any(|w| {
            !w.is_empty()
                && (byline.match_indices(w)).any(|(at, _)| {
                    if byline[..at]
                        .chars()
                        .next_back()
                        .is_some_and(crate::text::is_han)
                    {
                        return false;
                    }
                    let who: String = byline[at + w.len()..]
                        .trim_start()
                        .chars()
                        .take_while(|c| {
                            !c.is_whitespace() && !matches!(c, '·' | '｜' | '|' | '/' | '／')
                        })
                        .collect();
                    w.starts_with(['文']) || who.is_empty() || super::classify::is_name_line(&who)
                })
        })
}

/// The body argues: words of obligation (`要`, `应`, `必须`: the lexicon's
/// `kind_words.arguing_words`, not inside a word of `kind_words.arguing_lookalikes`:
/// `重要`, `要求`, `供应`) more than a report's few.
fn argues(d: &Draft) -> bool {
    per_mille(
        &body_start(d),
        KindList::ArguingWords,
        KindList::ArguingLookalikes,
    ) > ARGUING_PER_MILLE
}

/// `新塘区住房和城乡建设局回复：…`, `答：…`: a paragraph opening with a speaker whose
/// label ends with a word of the lexicon's list `labels`, before a colon within the
/// first 24 characters.
fn speaker_label(p: &str, labels: KindList) -> bool {
    // The first colon sought by a byte search over the bytes of 24 characters at
    // most (`:`, and `：` by its last byte, `EF BC 9A`), then its place counted:
    // most paragraphs hold none there, and are not read a character at a time.
    let b = p.as_bytes();
    let window = &b[..b.len().min(24 * 4)];
    let colon = memchr::memchr2_iter(b':', 0x9A, window).find_map(|at| {
        if b[at] == b':' {
            Some(at)
        } else if at >= 2 && b[at - 2] == 0xEF && b[at - 1] == 0xBC {
            Some(at - 2)
        } else {
            None
        }
    });
    colon.is_some_and(|i| count_upto(&p[..i], 24) < 24 && labels_a_speaker(&p[..i], labels))
}

/// `before`, a paragraph's text up to its first colon (spaces before the colon
/// aside), ends with a word of the lexicon's list `labels`: a speaker's label
/// (`…局回复`, `读者问`).
fn labels_a_speaker(before: &str, labels: KindList) -> bool {
    lexicon().ends_with_kind_word(labels, before.trim_end())
}

/// `房远舟：…`, `房远舟（省生态环境厅副厅长）：…`: a paragraph opens with a person's
/// name (a byline's name, [`super::classify::is_name_line`]), a post in brackets
/// after it or none, then a colon, within its first 24 characters.
pub(super) fn opens_with_a_speakers_name(p: &str) -> bool {
    let lead = super::classify::head(p, 24);
    let Some(colon) = lead.find(['：', ':']) else {
        return false;
    };
    let speaker = lead[..colon].trim();
    let name = speaker
        .split_once(['（', '('])
        .map_or(speaker, |(name, _)| name)
        .trim();
    !name.is_empty() && super::classify::is_name_line(name)
}

/// The first paragraph opens with a marker of a story continued from another page
/// (`（上接第1版）会议强调，…`).
fn opens_with_back_jump(d: &Draft) -> bool {
    d.paragraphs.first().is_some_and(|p| {
        let h = super::classify::head(p, 16);
        h.starts_with(['（', '(', '[', '【', '〔'])
            && crate::story::jump::markers(h)
                .iter()
                .any(|j| j.direction == crate::story::jump::Direction::Back)
    })
}

/// A paragraph opens with a date: a year (`1971年`, spaced by a scan as `1 9 7 1 年`)
/// or a month and day (`5月25日`).
fn opens_with_date(p: &str) -> bool {
    // Read one character at a time (nothing gathered: most paragraphs open with
    // no digit and are told at their first character).
    let mut chars = super::classify::head(p, 16)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::text::fold_width);
    // The digits read from here on, and the character after them.
    let mut digits = || {
        let mut n = 0;
        loop {
            match chars.next() {
                Some(c) if c.is_ascii_digit() => n += 1,
                after => return (n, after),
            }
        }
    };
    match digits() {
        (4, Some('年')) => true,
        (1..=2, Some('月')) => matches!(digits(), (1..=2, Some('日'))),
        _ => false,
    }
}

/// The names a byline signs with (`本报记者 晏筠竹`, `记者 亓官砚秋 濮阳鹭汀`): its
/// words of two to four Han characters after the first (the first names the role).
fn signed_names(byline: &str) -> impl Iterator<Item = &str> {
    byline
        .split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .skip(1)
        .filter(|t| (2..=4).contains(&t.chars().count()) && t.chars().all(crate::text::is_han))
}

/// The month and day a paragraph opens with (`3月18日(周五) …`, `6月10日　中雨`).
fn month_day(p: &str) -> Option<(u32, u32)> {
    let head: String = super::classify::head(p, 8)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::text::fold_width)
        .collect();
    let (month, rest) = head.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    let number = |t: &str| {
        (!t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u32>().ok())
            .flatten()
    };
    Some((number(month)?, number(day)?))
}

/// Three dated rows or more, each row's day the day after the row's above (the
/// next month's first after a month's 28th or later): a table of the days ahead.
/// A row of such a table is no sentence: a dated paragraph that holds a full stop
/// (`7月21日 蘅江水位突破警戒线，…。`) tells a day of a chronology told day by day,
/// a timeline still.
fn runs_day_by_day(paragraphs: &[String]) -> bool {
    let mut days: Vec<(u32, u32)> = Vec::new();
    for p in paragraphs {
        if let Some(day) = month_day(p) {
            if p.contains('。') {
                return false;
            }
            days.push(day);
        }
    }
    days.len() >= 3
        && days.windows(2).all(|w| {
            let ((m, d), (n, e)) = (w[0], w[1]);
            (n == m && e == d + 1) || (n == m % 12 + 1 && e == 1 && d >= 28)
        })
}

/// A byline that credits a picture: it ends with a word of the lexicon's
/// `kind_words.photo_verbs` (`摄`: `本报记者　苻慕白　摄`, `（晚报记者冼一鸣摄）`).
fn credits_a_photographer(byline: &str) -> bool {
    let credit = byline.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '）' | ')'));
    lexicon().ends_with_kind_word(KindList::PhotoVerbs, credit)
}

/// The text closes as a notice does, signed and dated: its last paragraph is a
/// full date alone under a signer's line (`辂州市图书馆` / `2032年5月17日`:
/// classify::reads_as_signer), or a signer and a full date on one line (`泂川省水利厅
/// 2026年12月8日`: classify::is_signature_line, dated).
fn closes_signed_and_dated(d: &Draft) -> bool {
    use super::classify::{Figures, is_signature_line, read_date, reads_as_signer};
    let [.., above, last] = d.paragraphs.as_slice() else {
        return false;
    };
    let last = last.trim();
    if !last.ends_with('日') || count_upto(last, SIGNATURE_CHARS + 1) > SIGNATURE_CHARS {
        return false;
    }
    let squeezed: String = last.chars().filter(|c| !c.is_whitespace()).collect();
    let date_alone = read_date(&squeezed, Figures::Printed)
        .is_some_and(|date| date.day && date.len == squeezed.len());
    (date_alone && reads_as_signer(above)) || (!date_alone && is_signature_line(last))
}

/// A paragraph that is a row of a box rather than a sentence: it holds no mark
/// that ends or parts a clause (`鼍洲队 3∶1 鼌阳队`, `6月9日（周一） 限行尾号1和6`).
fn is_row(p: &str) -> bool {
    !p.contains([
        '。', '，', '！', '？', '；', ',', ';', '!', '?', '︐', '︒', '︔', '︕', '︖',
    ])
}

/// How many paragraphs of a box of rows `d` holds: two or more paragraphs, at most
/// `limit` characters in all, more than half of them rows (or read as a box by
/// `assemble`); `None` when it is no box.
fn rows_of_a_box(d: &Draft, limit: usize) -> Option<usize> {
    let n = d.paragraphs.len();
    if n < 2 {
        return None;
    }
    let mut chars = 0;
    for p in &d.paragraphs {
        chars += count_upto(p, limit + 1);
        if chars > limit {
            return None;
        }
    }
    let rows = d.paragraphs.iter().filter(|p| is_row(p)).count();
    (d.box_of_rows || rows * 2 > n).then_some(rows)
}

/// A paragraph holds a telephone number: seven digits or more in a row, or an area
/// code, a dash and four digits or more (`0000-6630121`).
fn holds_a_telephone_number(p: &str) -> bool {
    let mut run = 0usize;
    let mut before_dash = 0usize;
    for c in p.chars().map(crate::text::fold_width) {
        if c.is_ascii_digit() {
            run += 1;
            if run >= 7 || (before_dash >= 3 && run >= 4) {
                return true;
            }
        } else {
            before_dash = if c == '-' { run } else { 0 };
            run = 0;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `opens_with_date` as it read a paragraph before: its first characters
    /// gathered without spaces, then measured.
    fn opens_with_date_gathered(p: &str) -> bool {
        let chars: Vec<char> = crate::segment::classify::head(p, 16)
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(crate::text::fold_width)
            .collect();
        let digits = |from: usize| {
            chars[from..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
        };
        let year = digits(0);
        if year == 4 && chars.get(4) == Some(&'年') {
            return true;
        }
        if (1..=2).contains(&year) && chars.get(year) == Some(&'月') {
            let day = digits(year + 1);
            return (1..=2).contains(&day) && chars.get(year + 1 + day) == Some(&'日');
        }
        false
    }

    /// `speaker_label` as it read a paragraph before: its first 24 characters
    /// cut off, then searched for a colon.
    fn speaker_label_cut(p: &str, labels: KindList) -> bool {
        let h = crate::segment::classify::head(p, 24);
        h.find(['：', ':'])
            .is_some_and(|i| labels_a_speaker(&h[..i], labels))
    }

    proptest::proptest! {
        /// A paragraph opens with a date, and with a speaker's label, as the
        /// gathering readings told it: years and days of every width of digit,
        /// spaced by a scan or not, colons near and past the 24th character.
        #[test]
        fn dates_and_speakers_are_told_as_before(
            s in "(1|2|0|１|２|年|月|日| |　|问|答|读者|回复|记者|：|:|，|全市|a){0,20}"
        ) {
            proptest::prop_assert_eq!(opens_with_date(&s), opens_with_date_gathered(&s), "{:?}", s);
            for list in [KindList::QuestionLabels, KindList::AnswerLabels] {
                proptest::prop_assert_eq!(speaker_label(&s, list), speaker_label_cut(&s, list), "{:?}", s);
            }
        }
    }

    fn draft(kicker: &str, title: &str, byline: &str, body: &[&str]) -> Draft {
        let mut d = Draft::default();
        d.kicker = kicker.into();
        d.title = title.into();
        d.byline = byline.into();
        d.paragraphs = body.iter().map(|s| s.to_string()).collect();
        d
    }

    const ARGUES: &str = "加装电梯是好事，但好事要办好，关键在于多商量。各方都应把意见摆到桌面上，不能只听一部分人的声音，需要把协商的功夫做足。";
    const TELLS: &str = "小时候，我常跟着外婆去河边洗衣裳。外婆说，河水是有脾气的。我听了，笑了半天，她也笑了，说我不懂事。";
    const REPORTS: &str =
        "本报讯（记者 钟叙）1月8日，南渠区召开加装电梯工作推进会，部署今年的加装计划。";

    /// A record lists its reporter's bare name as its author: a report it prints
    /// (a dateline, a dated first clause) is news, an opinion that opens with the
    /// news it argues about stays commentary.
    #[test]
    fn a_report_signed_with_a_bare_name_is_news() {
        let dated = "12月8日起，沙湾公交开通十条学生专线，连接十六所中小学，学生刷卡享受五折优惠。";
        let datelined = "本报讯　省政府日前印发湿地保护条例实施细则，自明年1月1日起施行。";
        for body in [dated, datelined] {
            assert_eq!(
                kind_of(&draft("", "公交开通学生专线", "鄢若溪", &[body, body])),
                Kind::News,
                "{body}"
            );
        }
        let peg = "近日，某地出台新规。新规要落地，关键在执行，各方应该把功夫下在平时，不能只喊口号，需要久久为功。";
        assert_eq!(
            kind_of(&draft("", "新规要落地", "西岭", &[peg, ARGUES])),
            Kind::Commentary
        );
    }

    /// An article signed by its author (no newsroom role) is commentary, whether
    /// it argues or narrates; a reporter's story is not.
    #[test]
    fn an_authors_signature_makes_commentary() {
        assert_eq!(
            kind_of(&draft(
                "街谈",
                "好事办好，要多商量",
                "西岭",
                &[ARGUES, ARGUES]
            )),
            Kind::Commentary
        );
        assert_eq!(
            kind_of(&draft(
                "",
                "好事办好，要多商量",
                "·谭雪松·",
                &[ARGUES, ARGUES]
            )),
            Kind::Commentary
        );
        // An essay signed by its author narrates; it is commentary too.
        assert_eq!(
            kind_of(&draft("散文", "冬夜的灯", "温岚", &[TELLS, TELLS])),
            Kind::Commentary
        );
        assert_eq!(
            kind_of(&draft(
                "",
                "南渠区部署加装电梯",
                "本报记者 钟叙",
                &[REPORTS, ARGUES]
            )),
            Kind::News
        );
        // A reader's letter argues or tells; it is commentary either way.
        assert_eq!(
            kind_of(&draft(
                "读者来信",
                "河边的垃圾桶能不能多放几个",
                "顾一帆",
                &[TELLS, TELLS]
            )),
            Kind::Commentary
        );
        // A news brief's bracketed credit names its reporter, not an author.
        let mut brief = draft("", "鹭溪县新增3条骑行绿道", "（尤嘉）", &[REPORTS]);
        brief.credit = true;
        assert_eq!(kind_of(&brief), Kind::Brief);
        let mut letter = draft(
            "",
            "老戏台别只修不用",
            "（芦岭县茅坪镇　读者　甘伯钧）",
            &[TELLS],
        );
        letter.credit = true;
        assert_eq!(kind_of(&letter), Kind::Commentary);
    }

    /// An author's piece whose byline credits its pictures too (`文/图 …`, `文｜… 图｜…`)
    /// reports from a place: a feature; the same piece signed by its writer alone is
    /// commentary, and a reporter's `文/图` credit stays a newsroom's story.
    #[test]
    fn a_writer_who_took_the_pictures_writes_a_feature() {
        const VISIT: &str =
            "到了芰荷乡，不吃一碗藕粉圆子，算是白来了。藕粉圆子的做法不复杂，难在功夫。";
        for byline in ["文/图 卜野航", "文｜冼若愚 图｜岳听松", "文／图　公冶春山"]
        {
            assert_eq!(
                kind_of(&draft("", "芰荷乡的藕粉圆子", byline, &[VISIT, VISIT])),
                Kind::Feature,
                "{byline}"
            );
        }
        for byline in ["卜野航", "文/卜野航"] {
            assert_eq!(
                kind_of(&draft("", "芰荷乡的藕粉圆子", byline, &[VISIT, VISIT])),
                Kind::Commentary,
                "{byline}"
            );
        }
        let mut report = draft(
            "",
            "芰荷乡的藕粉圆子",
            "晚报记者 卜野航 文/图",
            &[REPORTS, VISIT],
        );
        report.own_byline = true;
        assert_eq!(kind_of(&report), Kind::News);
        // An illustrator's credit (`插图/…`: `图/` the tail of another word) makes
        // no feature: an essay or an opinion under a drawing stays commentary.
        const ARGUES: &str = "我们应当看到，老街的价值不在于拍照好看，而在于有人在这里生活。这种做法值得商榷，应该给老街坊留下生活的空间。";
        assert_eq!(
            kind_of(&draft(
                "",
                "别让网红打卡挤走老街的烟火气",
                "文/卜野航 插图/岳听松",
                &[ARGUES, ARGUES]
            )),
            Kind::Commentary
        );
        assert_eq!(
            kind_of(&draft(
                "",
                "芰荷乡的藕粉圆子",
                "文/卜野航 插图/岳听松",
                &[VISIT, VISIT]
            )),
            Kind::Commentary
        );
        // A stock agency's credit (`图/视觉中国`) names no one who went there: the
        // writer's essay stays commentary; a person's credit makes a feature.
        assert_eq!(
            kind_of(&draft(
                "",
                "芰荷乡的藕粉圆子",
                "文/卜野航 图/视觉中国",
                &[VISIT, VISIT]
            )),
            Kind::Commentary
        );
        assert_eq!(
            kind_of(&draft(
                "",
                "芰荷乡的藕粉圆子",
                "文/卜野航 图/岳听松",
                &[VISIT, VISIT]
            )),
            Kind::Feature
        );
        // An illustrator who is a person and an agency's pictures: no credit
        // names one who took the pictures there.
        assert_eq!(
            kind_of(&draft(
                "",
                "芰荷乡的藕粉圆子",
                "文/卜野航 插图/岳听松 图/视觉中国",
                &[VISIT, VISIT]
            )),
            Kind::Commentary
        );
    }

    /// One short paragraph closed by a bracketed credit naming a reporter is a
    /// brief; the same paragraph under an own-line byline or opened by a
    /// reporter's dateline is a dispatch, news.
    #[test]
    fn a_reporter_in_a_closing_credit_signs_a_brief() {
        const ITEM: &str =
            "近日，我市又有15家暖心驿站建成投用，为户外劳动者提供饮水、热饭、休息等服务。";
        let mut brief = draft("", "我市新增15家暖心驿站", "（记者 甘露）", &[ITEM]);
        brief.credit = true;
        assert_eq!(kind_of(&brief), Kind::Brief);
        let half = draft("", "我市新增15家暖心驿站", "(晚报记者 甘露)", &[ITEM]);
        assert_eq!(kind_of(&half), Kind::Brief);
        let own_line = draft("", "我市新增15家暖心驿站", "本报记者 甘露", &[ITEM]);
        assert_eq!(kind_of(&own_line), Kind::News);
        let dateline = draft("", "我市新增15家暖心驿站", "本报讯（记者 甘露）", &[ITEM]);
        assert_eq!(kind_of(&dateline), Kind::News);
    }

    /// A one-paragraph item whose title the page printed with a bullet (`■`, `▲`)
    /// is a brief, even opened by a reporter's dateline; the same item without the
    /// bullet is news, and a bulleted story of several paragraphs stays news.
    #[test]
    fn a_bulleted_item_is_a_brief_whoever_signs_it() {
        const ITEM: &str =
            "本报北京3月2日电（记者 靳晓）全国春季农资保供行动2日启动，将持续到5月底。";
        let mut item = draft(
            "",
            "全国春季农资保供行动启动",
            "本报北京3月2日电（记者 靳晓）",
            &[ITEM],
        );
        item.dateline = true;
        assert_eq!(kind_of(&item), Kind::News);
        item.item_bullet = Some('■');
        assert_eq!(kind_of(&item), Kind::Brief);
        item.item_bullet = Some('▲');
        assert_eq!(kind_of(&item), Kind::Brief);
        let mut story = item.clone();
        story.paragraphs.push(ITEM.to_string());
        assert_eq!(kind_of(&story), Kind::News);
    }

    /// A feature's label over a dispatch makes a feature; a trade's column whose name
    /// ends with the label's word (`信息通信`), over a story that itself speaks of the
    /// trade, does not; a place's dispatch (`椋山通信`) stays a feature whatever its
    /// text holds.
    #[test]
    fn a_trade_column_ending_with_a_labels_word_is_no_feature_label() {
        const TRADE: &str = "本报讯 全省今年新建5G通信基站一万二千个，县城和乡镇实现连续覆盖。";
        const TOWN: &str = "清晨的椋山镇，茶农们已经上山，通信员老周也背着邮包出了门。";
        let mut trade = draft(
            "信息通信",
            "全省新建5G基站一万二千个",
            "本报记者 甘露",
            &[TRADE, TRADE],
        );
        trade.dateline = true;
        assert_eq!(kind_of(&trade), Kind::News);
        for kicker in ["椋山通信", "通信", "一线见闻"] {
            let story = draft(kicker, "椋山春耕", "本报记者 甘露", &[TOWN, TOWN]);
            assert_eq!(kind_of(&story), Kind::Feature, "{kicker}");
        }
        let untold = draft("信息通信", "椋山春耕", "本报记者 甘露", &[REPORTS, REPORTS]);
        assert_eq!(kind_of(&untold), Kind::Feature);
    }

    /// An interviewer's question answered on the next paragraph by a named person is
    /// an interview, a qa, though only one turn was printed whole; a report quoting
    /// a source after a reporter's question is not.
    #[test]
    fn one_question_and_a_named_answer_make_an_interview() {
        const LEAD: &str =
            "绫州的旧楼院改造已经做到第三年，记者就居民关心的几个问题采访了市住建局副局长房远舟。";
        const ASKS: &str = "记者：今年改造的小区，居民最关心什么？";
        for answer in [
            "房远舟：一是停车，二是加装电梯，三是管道老化。",
            "房远舟（市住建局副局长）：一是停车，二是加装电梯。",
        ] {
            let d = draft(
                "面对面",
                "旧小区也要住得舒心",
                "晚报记者 缑绮云",
                &[LEAD, ASKS, answer],
            );
            assert_eq!(kind_of(&d), Kind::Qa, "{answer}");
        }
        let report = draft(
            "",
            "旧小区也要住得舒心",
            "晚报记者 缑绮云",
            &[LEAD, ASKS, "对此，市住建局表示：一是停车，二是加装电梯。"],
        );
        assert_ne!(kind_of(&report), Kind::Qa);
    }

    /// A one-paragraph item signed in brackets by a bare name that tells no time is
    /// a short comment; the same item telling its day, a period or a figure, or
    /// signed by a reporter or a source, is a brief.
    #[test]
    fn a_timeless_remark_signed_by_a_name_is_commentary() {
        const REMARK: &str = "萍湖公园新添了二百张长椅，散步累了随时能坐一坐。便民不一定是大工程，一张长椅也是实事。（龚晴焰）";
        let credited = |title: &str, byline: &str, text: &str| {
            let mut d = draft("", title, byline, &[text]);
            d.credit = true;
            kind_of(&d)
        };
        assert_eq!(
            credited("公园里的长椅", "（龚晴焰）", REMARK),
            Kind::Commentary
        );
        for dated in [
            "萍湖公园近日新添了二百张长椅，散步累了随时能坐一坐。（龚晴焰）",
            "今年萍湖公园新添了二百张长椅，散步累了随时能坐一坐。（龚晴焰）",
            "萍湖公园新添了200张长椅，散步累了随时能坐一坐。（龚晴焰）",
            "萍湖公园即日起新添二百张长椅，散步累了随时能坐一坐。（龚晴焰）",
        ] {
            assert_eq!(
                credited("萍湖公园新添长椅", "（龚晴焰）", dated),
                Kind::Brief,
                "{dated}"
            );
        }
        for source in ["（记者 鲜于晴川）", "（据新华社）", "（县供销社提供）"]
        {
            assert_eq!(
                credited("公园里的长椅", source, REMARK),
                Kind::Brief,
                "{source}"
            );
        }
        // One sentence that counts in words reports: a brief. One sentence that
        // counts nothing (`一个` is no count) still remarks.
        assert_eq!(
            credited(
                "县城新增公共自行车站点",
                "（苻雨生）",
                "县城新增公共自行车站点十二个，投放车辆三百辆。（苻雨生）"
            ),
            Kind::Brief
        );
        assert_eq!(
            credited(
                "给骑手一个歇脚处",
                "（仲长书）",
                "写字楼门口设一个歇脚处，添几把椅子，就能让外卖骑手少受些风吹日晒。（仲长书）"
            ),
            Kind::Commentary
        );
        // A set phrase of two numerals (`三番五次`, `千家万户`) counts nothing: the
        // one-sentence remark stays commentary; a count beside a lone `一` counts.
        assert_eq!(
            credited(
                "小广告何时休",
                "（仲长书）",
                "有的商家张贴小广告，三番五次清理又三番五次冒出来，千家万户都跟着头疼。（仲长书）"
            ),
            Kind::Commentary
        );
        assert_eq!(
            credited(
                "县城建成便民生活圈",
                "（苻雨生）",
                "县城建成三个一刻钟便民生活圈，新设菜店和修鞋铺二十家。（苻雨生）"
            ),
            Kind::Brief
        );
    }

    /// A box of tips under its label is a brief; an office's warning relayed as a
    /// report under the same label (`…近日提醒，…`) stays news, and a reporter's story
    /// under it is no box.
    #[test]
    fn a_box_of_tips_under_its_label_is_a_brief() {
        let tips = draft(
            "小贴士",
            "花粉季出门记住五件事",
            "",
            &[
                "1.出门前看一看当天的花粉浓度预报。",
                "2.花粉浓度高的日子戴好口罩和眼镜。",
                "3.回家后换下外衣，洗脸洗手。",
            ],
        );
        assert_eq!(kind_of(&tips), Kind::Brief);
        let advice = draft(
            "健康提示",
            "春季运动“三不宜”",
            "",
            &[
                "一不宜太早。清晨气温低，晨练不妨等太阳升高了再出门。",
                "二不宜太猛。冬天活动少，开春锻炼要循序渐进。",
            ],
        );
        assert_eq!(kind_of(&advice), Kind::Brief);
        let relayed = draft(
            "消费提示",
            "预付卡消费要留好凭证",
            "",
            &[
                "市市场监督管理局近日提醒，办理健身、美容等预付卡时，要选择证照齐全的商家，不要一次充值过多。",
                "消费者应与商家签订书面合同，保存好付款凭证。",
            ],
        );
        assert_eq!(kind_of(&relayed), Kind::News);
    }

    /// The editors' word to the reader under its own title is commentary.
    #[test]
    fn an_editors_note_is_commentary() {
        let note = draft(
            "",
            "编者的话",
            "",
            &[
                "从本期起，副刊每周六推出“我家的春天”专栏，刊登读者写自己家庭、街坊和故乡的短文。",
                "我们想读到的，不是大道理，而是饭桌上的一句闲话、老屋里的一件旧物。",
            ],
        );
        assert_eq!(kind_of(&note), Kind::Commentary);
    }

    /// A text closed by the office that issues it, no reporter and no dateline,
    /// is a notice, dated or not; a reporter's story or a dispatch ending with an
    /// office's line is not, nor a service box so signed.
    #[test]
    fn a_text_closed_by_its_issuing_office_is_a_notice() {
        const SHUT: &str = "为保障桥梁安全，6月10日至6月14日每日0时至5时，黏川大桥将全封闭进行荷载检测，车辆、行人一律不得上桥。";
        const DETOUR: &str =
            "需要过江的车辆可改走黏口大桥。因检测给市民出行带来不便，敬请理解和支持。";
        let notice = draft(
            "",
            "黏川大桥夜间封桥检测",
            "",
            &[SHUT, DETOUR, "黏川交警支队"],
        );
        assert_eq!(kind_of(&notice), Kind::Notice);
        let mut reported = draft(
            "",
            "黏川大桥夜间封桥检测",
            "本报记者 甘露",
            &[SHUT, DETOUR, "黏川交警支队"],
        );
        reported.own_byline = true;
        assert_eq!(kind_of(&reported), Kind::News);
        let mut dispatch = draft(
            "",
            "黏川大桥夜间封桥检测",
            "",
            &[SHUT, DETOUR, "黏川交警支队"],
        );
        dispatch.dateline = true;
        assert_ne!(kind_of(&dispatch), Kind::Notice);
        let weather = draft(
            "",
            "今明两天天气",
            "",
            &[
                "今天多云，午后有雷阵雨。",
                "明天晴，南风二到三级。",
                "黏川市气象台",
            ],
        );
        assert_eq!(kind_of(&weather), Kind::Brief);
    }

    /// An editorial closed by the paper's own desk (`本报编辑部`) is no office's
    /// notice: under a column label of commentary (`社评`) it is commentary, and
    /// unlabelled it is no notice either.
    #[test]
    fn an_editorial_closed_by_the_papers_desk_is_no_notice() {
        const STEADY: &str = "一座城市的温度，藏在菜市场的秤盘里。去冬今春，本市蔬菜价格总体平稳，这背后是产销对接、冷链建设和平价摊位的持续投入。";
        const SO: &str = "稳价不能只靠一时的补贴，更要靠长期的制度安排。把基地建在城边，把冷库建到镇上，菜篮子才能一直稳下去。";
        let labelled = draft(
            "社评",
            "菜篮子稳了，日子才稳",
            "",
            &[STEADY, SO, "本报编辑部"],
        );
        assert_eq!(kind_of(&labelled), Kind::Commentary);
        let unlabelled = draft("", "菜篮子稳了，日子才稳", "", &[STEADY, SO, "本报编辑部"]);
        assert_ne!(kind_of(&unlabelled), Kind::Notice);
    }

    /// An untitled item opened by a bullet is a brief; untitled text without
    /// one, or opened by a jump marker, continues an article.
    #[test]
    fn an_untitled_bulleted_item_is_a_brief() {
        let item = draft(
            "",
            "",
            "",
            &["▲全市首批十家老年助餐点近日挂牌，老人凭卡就餐可享受补贴。"],
        );
        assert_eq!(kind_of(&item), Kind::Brief);
        let text = draft(
            "",
            "",
            "",
            &["全市首批十家老年助餐点近日挂牌，老人凭卡就餐可享受补贴。"],
        );
        assert_eq!(kind_of(&text), Kind::Continuation);
        let mut jumped = item.clone();
        jumped.jump_in = true;
        assert_eq!(kind_of(&jumped), Kind::Continuation);
    }

    #[test]
    fn notices_spaced_by_a_scan_and_questions_answered_by_a_speaker() {
        assert_eq!(kind_of(&draft("", "讣　告", "", &[TELLS])), Kind::Notice);
        assert_eq!(kind_of(&draft("", "更 正", "", &[TELLS])), Kind::Notice);
        assert_eq!(
            kind_of(&draft("", "市管干部任职前公示", "", &[REPORTS, REPORTS])),
            Kind::Notice
        );
        let qa = draft(
            "网络问政",
            "网民留言：小区旁的断头路何时打通？",
            "",
            &[
                "网民“楝水人家”：附近居民出行要绕一大圈，请问什么时候能打通？",
                "新塘区住房和城乡建设局回复：打通工程已列入今年城建计划。",
            ],
        );
        assert_eq!(kind_of(&qa), Kind::Qa);
    }

    /// A jump marker glued to the first paragraph opens a continuation as one on a
    /// line of its own does.
    #[test]
    fn a_glued_back_jump_opens_a_continuation() {
        let part = draft(
            "",
            "全省夏粮入库已过四成",
            "",
            &[
                "（上接第一版）在收购中，一些地方为交粮群众设了休息棚。",
                TELLS,
            ],
        );
        assert_eq!(kind_of(&part), Kind::Continuation);
        let story = draft("", "全省夏粮入库已过四成", "", &[REPORTS, TELLS]);
        assert_ne!(kind_of(&story), Kind::Continuation);
    }

    /// A question's turn and an answer's make a qa under any title; the notice
    /// words are the lexicon's.
    #[test]
    fn question_and_answer_turns_make_a_qa() {
        let qa = draft(
            "律师说法",
            "租房押金迟迟不退怎么办",
            "",
            &[
                "问：我租的房子合同到期了，房东一直不退押金。我该怎么办？",
                "答：押金是租客履行合同的担保，合同到期后应当退还。",
            ],
        );
        assert_eq!(kind_of(&qa), Kind::Qa);
        let desk = draft(
            "晚报帮办",
            "人行道上的井盖松动谁来修",
            "",
            &[
                "读者问：文昌路公交站旁的井盖松动了，踩上去哐当响。",
                "部门答：区城管局回复，已通知权属单位更换。",
            ],
        );
        assert_eq!(kind_of(&desk), Kind::Qa);
        let said = draft("", "南渠区部署加装电梯", "", &["他说：电梯要装。", REPORTS]);
        assert_ne!(kind_of(&said), Kind::Qa);
        // A reporter's story quoting a resident who told the reporter and an office's
        // reply is news: `…告诉记者：` is no question's turn.
        let quoted = draft(
            "",
            "背街小巷路灯全部修复",
            "本报记者 葛青岚",
            &[
                "南渠区近日完成背街小巷路灯修复工程，一百二十盏路灯重新亮起。",
                "家住滨河小区的王先生告诉记者：“以前晚上出门要打手电，现在亮堂多了。”",
                "对于部分路段仍然偏暗的问题，区城管局回复：将在下月增设二十盏路灯。",
            ],
        );
        assert_ne!(kind_of(&quoted), Kind::Qa);
        // An interviewer's turns opened by the label alone make a qa.
        let interview = draft(
            "",
            "修一本古籍，急不得",
            "",
            &[
                "记者：您修一本书要多久？",
                "修复师：快的一个月，慢的一年。",
                "记者：最难的是什么？",
                "修复师：是等。纸要慢慢干，急不得。",
            ],
        );
        assert_eq!(kind_of(&interview), Kind::Qa);
        for title in [
            "致全县献血志愿者的感谢信",
            "县职业中学今秋招生简章",
            "关于增开晚班车的答复",
        ] {
            assert_eq!(
                kind_of(&draft("", title, "", &[REPORTS])),
                Kind::Notice,
                "{title}"
            );
        }
    }

    /// Paragraphs that each open with their date make a chronology; a report with
    /// one dated paragraph does not.
    #[test]
    fn dated_paragraphs_make_a_timeline() {
        let chronology = draft(
            "",
            "县城供水六十年",
            "",
            &[
                "1971年 县城第一座水厂建成，日供水两千吨。",
                "1988年 水厂扩建，自来水通到县城所有街巷。",
                "2006年 水库引水工程竣工。",
            ],
        );
        assert_eq!(kind_of(&chronology), Kind::Timeline);
        let week = draft(
            "",
            "一周要闻",
            "",
            &[
                "5月25日 美丽河湖名单公布。",
                "5月27日 城际铁路铺轨完成。",
                "5 月 29 日 新馆开放。",
            ],
        );
        assert_eq!(kind_of(&week), Kind::Timeline);
        let story = draft(
            "",
            "南渠区部署加装电梯",
            "",
            &[REPORTS, "1月8日，会议召开。", ARGUES],
        );
        assert_ne!(kind_of(&story), Kind::Timeline);
    }

    /// A table of the days ahead, a row a day, each the day after the one above
    /// (a pollen forecast, a roster of driving restrictions), is a box of rows, a
    /// brief: no chronology.
    #[test]
    fn a_table_of_days_one_after_another_is_a_brief() {
        let table = draft(
            "",
            "本周花粉浓度预报",
            "",
            &[
                "3月30日(周五) 较高 柳树、杨树",
                "3月31日(周六) 高 柳树、杨树、桦树",
                "4月1日(周日) 中等 杨树",
            ],
        );
        assert_eq!(kind_of(&table), Kind::Brief);
    }

    /// A chronology told a day a paragraph, the days one after another (`抗洪七日`:
    /// `7月20日 凌晨起，…。` / `7月21日 …。`), is a timeline still: its dated
    /// paragraphs are sentences, no table's rows.
    #[test]
    fn a_chronology_of_days_one_after_another_is_a_timeline() {
        let days = draft(
            "",
            "抗洪七日",
            "本报记者 柏听泉",
            &[
                "7月20日 凌晨起，暴雨持续袭击蘅江流域，县防汛指挥部启动防汛二级应急响应，连夜转移沿河群众三千余人。",
                "7月21日 蘅江水位突破警戒线，上游水库开闸泄洪，两千名党员干部上堤巡查，封堵管涌十二处。",
                "7月22日 城南圩堤出现险情，武警官兵和民兵连夜抢险，打下木桩四百根，险情得到控制。",
                "7月23日 雨势减弱，水位开始回落，受灾群众陆续返回家中，卫生防疫队进村消杀。",
            ],
        );
        assert_eq!(kind_of(&days), Kind::Timeline);
    }

    /// An interview whose reporter puts the questions under their own name as the
    /// label (`晏筠竹:…？`), the guest answering under theirs, is a qa.
    #[test]
    fn questions_under_the_reporters_own_name_make_an_interview() {
        let talk = draft(
            "",
            "守了三十年古桥的人",
            "本报记者 柏筠竹",
            &[
                "城里城外大大小小的石拱桥有一百多座，五十六岁的郗蘅芷已经修过四十多座。",
                "柏筠竹:修一座老桥,第一步做什么？",
                "郗蘅芷:先看,不急着动手。哪块石头松了,哪道缝是新裂的,都得看明白。",
                "柏筠竹:您带了几个徒弟？",
                "郗蘅芷:前后带了七个,现在还在干这行的有四个。",
            ],
        );
        assert_eq!(kind_of(&talk), Kind::Qa);
    }

    /// A sidebar titled by its box's fixed head alone (`相关链接`), no reporter's,
    /// is a brief, however many sentences of facts it holds.
    #[test]
    fn a_sidebar_under_its_box_head_is_a_brief() {
        let link = draft(
            "",
            "相关链接",
            "",
            &[
                "2031年起，全省在山区县推行巡回诊疗，由县级医院组建诊疗队，定期进村开展慢病随访。",
                "截至去年底，全省已有三十四个县组建巡回诊疗队，配备诊疗车九十六辆。",
            ],
        );
        assert_eq!(kind_of(&link), Kind::Brief);
    }

    /// One short caption under its head, credited to a photographer, is a photo.
    #[test]
    fn a_credited_caption_is_a_photo() {
        let photo = draft(
            "",
            "崟屏山雾凇",
            "本报记者　蔺书瑶　摄",
            &["12月9日清晨，崟屏山出现雾凇景观，山间林木银装素裹。"],
        );
        assert_eq!(kind_of(&photo), Kind::Photo);
        let story = draft(
            "",
            "崟屏山雾凇",
            "本报记者　蔺书瑶",
            &["12月9日清晨，崟屏山出现雾凇景观。"],
        );
        assert_ne!(kind_of(&story), Kind::Photo);
    }

    /// A box of rows under its label is a brief, a directory of telephone numbers
    /// a notice; short paragraphs of sentences stay news.
    #[test]
    fn a_box_of_rows_is_a_brief_and_a_directory_a_notice() {
        let results = draft(
            "",
            "本轮赛果",
            "",
            &[
                "鼍洲队 3∶1 鼌阳队",
                "渔港队 1∶1 造船厂队",
                "鼃桥队 0∶2 港区队",
            ],
        );
        assert_eq!(kind_of(&results), Kind::Brief);
        let pharmacies = draft(
            "",
            "本周夜间值班药房",
            "",
            &[
                "鹍桥区 康颐大药房 电话:0000-6610231",
                "鹈塘区 百和堂药房 电话:0000-6610232",
                "鹪溪县 中心药店 电话:0000-6610233",
            ],
        );
        assert_eq!(kind_of(&pharmacies), Kind::Notice);
        // A directory of hours rather than numbers, named by its head.
        let clinics = draft(
            "",
            "夜间门诊一览",
            "",
            &[
                "鹍桥区人民医院　内科　儿科　每晚18时至22时",
                "市中医院　针灸推拿科　每晚18时至21时",
                "鹪溪县医院　急诊　二十四小时",
            ],
        );
        assert_eq!(kind_of(&clinics), Kind::Notice);
        let story = draft(
            "",
            "江滨夜市延长营业",
            "",
            &[
                "江滨夜市自本周起延长营业时间，每晚开放至十一时。",
                "夜市新增摊位四十个。",
            ],
        );
        assert_eq!(kind_of(&story), Kind::News);
    }

    /// A report under a deck is news: its text opens with a dateline or a first
    /// clause that says when; a story under a deck that opens on a scene is a
    /// feature.
    #[test]
    fn a_report_under_a_deck_is_news() {
        let mut report = draft(
            "",
            "南渠区部署加装电梯",
            "本报记者 钟叙",
            &[REPORTS, ARGUES],
        );
        report.subtitle = "今年计划加装一百台".into();
        assert_eq!(kind_of(&report), Kind::News);
        let dated = "12月8日起，沙湾公交开通十条学生专线，连接十六所中小学。";
        let mut dated_report = draft("", "公交开通学生专线", "本报记者 钟叙", &[dated, TELLS]);
        dated_report.subtitle = "连接十六所中小学".into();
        assert_eq!(kind_of(&dated_report), Kind::News);
        // A reporter who learnt the news from a source (`记者从…获悉`) reports it.
        let learnt = "记者从市住建局获悉，今年全市将为一百个老旧小区加装电梯，首批已经开工。";
        let mut learnt_report = draft("", "百个小区将装电梯", "本报记者 钟叙", &[learnt, TELLS]);
        learnt_report.subtitle = "首批已经开工".into();
        assert_eq!(kind_of(&learnt_report), Kind::News);
        let mut scene = draft("", "冬夜的灯", "本报记者 钟叙", &[TELLS, TELLS]);
        scene.subtitle = "一个老街区的冬天".into();
        assert_eq!(kind_of(&scene), Kind::Feature);
    }

    /// A column label of the lexicon's commentary words makes commentary.
    #[test]
    fn a_commentary_column_label_makes_commentary() {
        for kicker in ["社评", "社評", "晚报快评", "编后"] {
            assert_eq!(
                kind_of(&draft(kicker, "巴士加密班次之外", "", &[ARGUES, ARGUES])),
                Kind::Commentary,
                "{kicker}"
            );
        }
    }

    #[test]
    fn a_features_genre_label_or_title_makes_a_feature() {
        // Dated as a report opens and signed by a reporter: news, unless a feature's
        // genre label stands over it or its title names the genre.
        let dated = "5月8日，蒲口镇茶市开秤，四乡茶农挑着新茶进城，茶行里人声鼎沸。";
        let story =
            |kicker: &str, title: &str| draft(kicker, title, "本报记者 钟叙", &[dated, dated]);
        assert_eq!(kind_of(&story("", "蒲口茶市开秤")), Kind::News);
        for kicker in ["通讯", "蒲口通信", "【通訊】", "奋进新征程·一线见闻"] {
            assert_eq!(
                kind_of(&story(kicker, "蒲口茶市开秤")),
                Kind::Feature,
                "{kicker}"
            );
        }
        for title in ["蒲口茶市一瞥", "县城街头素描", "春耕见闻"] {
            assert_eq!(kind_of(&story("", title)), Kind::Feature, "{title}");
        }
        // A title about the trade names no genre; a column's sketch label is no
        // feature's; a commentary's label is read first.
        assert_eq!(kind_of(&story("", "全县开通量子通信")), Kind::News);
        assert_eq!(kind_of(&story("城市素描", "蒲口茶市开秤")), Kind::News);
        assert_eq!(
            kind_of(&draft("时评·见闻", "茶市之外", "", &[ARGUES, ARGUES])),
            Kind::Commentary
        );
    }

    #[test]
    fn a_remark_that_argues_under_its_columns_label_is_commentary() {
        for kicker in ["记者手记", "记者观察", "〔區域觀察〕"] {
            assert_eq!(
                kind_of(&draft(
                    kicker,
                    "停车难不是小事",
                    "本报记者 钟叙",
                    &[ARGUES, ARGUES]
                )),
                Kind::Commentary,
                "{kicker}"
            );
        }
        // The same text under no such label, a reporter's: news; a report under
        // the label argues nothing: news.
        assert_eq!(
            kind_of(&draft(
                "",
                "停车难不是小事",
                "本报记者 钟叙",
                &[ARGUES, ARGUES]
            )),
            Kind::News
        );
        assert_eq!(
            kind_of(&draft(
                "一季度经济观察",
                "南渠区部署加装电梯",
                "本报记者 钟叙",
                &[REPORTS, REPORTS]
            )),
            Kind::News
        );
        // A dispatch its dateline opens stays news under the label, though it
        // quotes an official's `要` (one is past the arguing share of so short a
        // text).
        let quoted = "本报讯（记者 钟叙）4月18日，省统计局发布一季度经济数据。发言人表示，下一步要继续巩固回升向好的势头。";
        let mut dispatch = draft(
            "一季度经济观察",
            "一季度全省经济开局平稳",
            "",
            &[quoted, quoted],
        );
        dispatch.dateline = true;
        assert_eq!(kind_of(&dispatch), Kind::News);
    }

    /// A reader's letter printed unsigned, under a letters column's label or opening
    /// with its salutation, is commentary; a department's reply to it is not.
    #[test]
    fn an_unsigned_readers_letter_is_commentary() {
        const LETTER: &str =
            "我家住在南渠区一个老小区，小区门口的公交站没有遮阳棚，夏天等车太晒了。";
        for kicker in ["读者来信", "〔来信〕", "来信摘登"] {
            assert_eq!(
                kind_of(&draft(
                    kicker,
                    "公交站台能否加个遮阳棚",
                    "",
                    &[LETTER, LETTER]
                )),
                Kind::Commentary,
                "{kicker}"
            );
        }
        let salutation = format!("编辑同志：{LETTER}");
        assert_eq!(
            kind_of(&draft(
                "",
                "公交站台能否加个遮阳棚",
                "",
                &[&salutation, LETTER]
            )),
            Kind::Commentary
        );
        let reply = "本报6月1日刊登读者来信后，我局立即派员实地查看，将在站台加装遮阳棚，本月内完成，并在附近增设两处座椅，方便老人候车歇脚。";
        assert_ne!(
            kind_of(&draft("来信回音", "遮阳棚本月装上", "", &[reply, reply])),
            Kind::Commentary
        );
    }

    /// A story that opens on a scene or a person rather than on the news is a
    /// feature without a deck; a report that opens on its day stays news.
    #[test]
    fn a_story_opening_on_a_scene_is_a_feature() {
        for lede in [
            "走进栗坞乡杏湾村的木耳种植基地，一排排菌棒整齐摆放，村民们正忙着采摘。",
            "天刚亮，六十三岁的笪守林就背着望远镜出了门，沿湖走上一圈要十多公里。",
            "三十二岁的轩辕小川大学毕业后在城里做了六年电商，前年回到村里种脆李。",
        ] {
            assert_eq!(
                kind_of(&draft("", "湖边的护鸟人", "本报记者 钟叙", &[lede, TELLS])),
                Kind::Feature,
                "{lede}"
            );
        }
        assert_eq!(
            kind_of(&draft(
                "",
                "南渠区部署加装电梯",
                "本报记者 钟叙",
                &[REPORTS, TELLS]
            )),
            Kind::News
        );
        // An age inside the clause names no person the story opens on.
        let policy = "全市65岁的老年人今后乘坐市内公交将全部免费，凭身份证即可办卡。";
        assert_ne!(
            kind_of(&draft(
                "",
                "老人乘公交免费",
                "本报记者 钟叙",
                &[policy, TELLS]
            )),
            Kind::Feature
        );
        // A sight denied (`没有一家`) is a report's first sentence; a sight shown
        // opens a scene.
        let denied = "市生态环境局对全市三百多家餐饮店的油烟设施逐一检测，没有一家超标排放。";
        assert_ne!(
            kind_of(&draft(
                "",
                "油烟检测完成",
                "本报记者 钟叙",
                &[denied, REPORTS]
            )),
            Kind::Feature
        );
        let shown = "老城西门的巷口，有一间不到十平方米的钟表铺，门口的木牌已经褪了色。";
        assert_eq!(
            kind_of(&draft("", "巷口的钟表铺", "本报记者 钟叙", &[shown, TELLS])),
            Kind::Feature
        );
    }

    /// A report signed with bare names that says its day later in its first clause
    /// (`省政府日前印发…`, `入冬以来，…`) is news, not an author's piece.
    #[test]
    fn a_report_that_says_its_day_later_in_its_first_clause_is_news() {
        for lede in [
            "省政府日前印发湿地保护条例实施细则，自明年1月1日起施行，明确了省级湿地的认定办法。",
            "入冬以来，萩原区利用枯水期对辖区六条河道开展清淤疏浚，累计完成清淤二十公里。",
        ] {
            assert_eq!(
                kind_of(&draft("", "湿地保护有了细则", "鄢若溪", &[lede, lede])),
                Kind::News,
                "{lede}"
            );
        }
    }

    /// The closing credit printed as a paragraph of its own counts no paragraph: the
    /// item is one short paragraph, a brief.
    #[test]
    fn a_closing_credit_on_its_own_line_is_no_paragraph() {
        let mut item = draft(
            "",
            "醽江流域完成首轮水质普查",
            "（记者庹栎安）",
            &[
                "醽江流域首轮水质普查近日完成，共设置监测断面八十六个。",
                "（记者庹栎安）",
            ],
        );
        item.credit = true;
        assert_eq!(kind_of(&item), Kind::Brief);
    }

    /// A reporter's story parted by short labels (`赛况`, `数据`) is a report; an
    /// unsigned roundup of labelled items is a brief.
    #[test]
    fn a_reporters_story_parted_by_labels_is_no_roundup() {
        let mut story = draft(
            "",
            "鼍洲队主场逆转鼌阳队",
            "晚报记者 韦疏桐",
            &[
                "5月16日晚，省足球超级联赛第十轮在鼍山体育场打响，鼍洲队主场以3∶1逆转鼌阳队。",
                "赛况",
                "鼌阳队在第20分钟靠一次角球配合先入一球，鼍洲队下半场连扳三球。",
                "数据",
                "全场比赛鼍洲队射门十八次，射正九次，控球率百分之五十八。",
            ],
        );
        story.intertitles = vec![1, 3];
        assert_eq!(kind_of(&story), Kind::News);
        story.byline.clear();
        assert_eq!(kind_of(&story), Kind::Brief);
    }

    /// Calls for sign-ups, lost-and-found and schedules are notices; a lawyer's
    /// answer under a question is a qa.
    #[test]
    fn sign_ups_schedules_and_a_lawyers_answer() {
        let terms = draft(
            "",
            "全民健身乒乓球赛开赛",
            "",
            &[
                "全市第三届全民健身乒乓球赛将于7月10日开赛，设男子、女子单打三个项目。",
                "报名时间为6月20日至30日，咨询电话0000-6612345。",
            ],
        );
        assert_eq!(kind_of(&terms), Kind::Notice);
        for title in [
            "县图书馆招募暑期志愿者",
            "失物招领",
            "本周社区义诊安排",
            "市老年大学秋季班招生",
        ] {
            assert_eq!(
                kind_of(&draft("", title, "", &[TELLS, TELLS])),
                Kind::Notice,
                "{title}"
            );
        }
        let qa = draft(
            "法律门诊",
            "邻居装修噪音扰民怎么办？",
            "",
            &[
                "律师：住宅装修应当限定作业时间，可以先与邻居协商，协商不成的，可以向物业或有关部门反映。",
            ],
        );
        assert_eq!(kind_of(&qa), Kind::Qa);
        // A reader's terms in a datelined report or in a qa's answer make no notice.
        let mut datelined = draft(
            "",
            "全民健身乒乓球赛开赛",
            "",
            &[
                "本报讯 全市乒乓球赛将于7月10日开赛，报名时间为6月20日至30日。",
                TELLS,
            ],
        );
        datelined.dateline = true;
        assert_ne!(kind_of(&datelined), Kind::Notice);
        let answered = draft(
            "",
            "暑期游泳培训怎么报名",
            "",
            &[
                "问：孩子想参加暑期游泳培训，怎么报名？",
                "答：报名时间为7月1日至5日，咨询电话0000-6612345。",
            ],
        );
        assert_eq!(kind_of(&answered), Kind::Qa);
    }

    /// A weather box or a reminder under its fixed head is a brief, though its
    /// rows are sentences and a provider credits it; a headline that says more is
    /// not.
    #[test]
    fn a_service_box_under_its_fixed_head_is_a_brief() {
        let rows = [
            "今天白天阴，夜里有小雨，东南风二级，气温16℃至22℃。",
            "明天小雨转多云，气温15℃至21℃，早晨有轻雾。",
        ];
        for title in ["今明两天天气", "天气", "温馨提示"] {
            assert_eq!(
                kind_of(&draft("", title, "筠州市气象台 供稿", &rows)),
                Kind::Brief,
                "{title}"
            );
        }
        assert_ne!(
            kind_of(&draft(
                "",
                "寒潮过后全市迎来连续五天的晴好天气",
                "",
                &[REPORTS, ARGUES]
            )),
            Kind::Brief
        );
        // A reporter's story titled like a box is no box.
        assert_ne!(
            kind_of(&draft(
                "",
                "冷空气来袭将现雨雪天气",
                "本报记者 钟叙",
                &[REPORTS, TELLS]
            )),
            Kind::Brief
        );
    }
    /// A text signed and dated under it is a notice, whatever its head; a story
    /// whose last paragraph is a date in a sentence is not.
    #[test]
    fn a_text_signed_and_dated_under_it_is_a_notice() {
        const CALL: &str = "暑期来馆的读者多，市图书馆需要六十名志愿者帮忙整理书架、引导读者。";
        for close in [
            &["辂州市图书馆", "2032年5月17日"][..],
            &["辂州市图书馆　2032年5月17日"][..],
        ] {
            let mut body = vec![CALL];
            body.extend_from_slice(close);
            assert_eq!(
                kind_of(&draft("", "市图书馆暑期志愿者开始报名", "", &body)),
                Kind::Notice,
                "{close:?}"
            );
        }
        let story = draft(
            "",
            "市图书馆暑期志愿者开始报名",
            "",
            &[CALL, "报名将持续到2032年6月5日。"],
        );
        assert_ne!(kind_of(&story), Kind::Notice);
        // A reader's letter signed and dated, as a notice is, is no notice: opened
        // by its salutation, a letter; signed by a reader, no notice either.
        let thanks = "我家小区门口的路灯坏了半年，上个月给社区写了信，一周后就修好了。";
        let close = "顾一帆　2031年5月10日";
        let letter = draft("", "小区门口的路灯亮了", "", &["编辑同志：", thanks, close]);
        assert_eq!(kind_of(&letter), Kind::Commentary);
        let signed = "读者　顾一帆　2031年5月10日";
        let reader = draft("", "小区门口的路灯亮了", "", &[thanks, thanks, signed]);
        assert_ne!(kind_of(&reader), Kind::Notice);
    }

    /// A call for recruits or pupils and a duty roster are notices unsigned; a
    /// reporter's story or a datelined report under such a head is not.
    #[test]
    fn a_reporters_story_under_a_call_or_a_roster_is_no_notice() {
        for title in ["县图书馆招募暑期志愿者", "端午假期县直部门值班电话"] {
            assert_eq!(
                kind_of(&draft("", title, "", &[TELLS, TELLS])),
                Kind::Notice,
                "{title}"
            );
        }
        let duty = "除夕夜，城东派出所的民警们守在岗位上，巡逻、接警、调解，一直忙到天亮。";
        assert_ne!(
            kind_of(&draft(
                "",
                "除夕夜里的值班民警",
                "本报记者 钟叙",
                &[duty, TELLS]
            )),
            Kind::Notice
        );
        // A head ending with a call's word (`…作品征集`, `招聘`) is a call too.
        for title in ["“秋日寻桥”摄影作品征集", "招聘"] {
            assert_eq!(
                kind_of(&draft("", title, "", &[TELLS, TELLS])),
                Kind::Notice,
                "{title}"
            );
        }
        let mut datelined = draft("", "县图书馆招募暑期志愿者", "", &[REPORTS, TELLS]);
        datelined.dateline = true;
        assert_ne!(kind_of(&datelined), Kind::Notice);
    }

    /// `要` inside `重要` or `要求`, `应` inside `供应` oblige nothing: a report
    /// signed with a bare name that says what a meeting asked is no opinion.
    #[test]
    fn words_that_only_look_like_obligation_argue_nothing() {
        let meeting = "12月5日，全县冬季森林防火工作会议召开。会议要求各乡镇落实网格化巡护，重点林区实行专人值守，要求各部门做好应急物资供应，把重要时段的巡查要求落到实处。";
        assert_eq!(
            kind_of(&draft(
                "",
                "全县冬季森林防火工作会议召开",
                "鄢若溪",
                &[meeting, meeting]
            )),
            Kind::News
        );
        assert_eq!(
            kind_of(&draft("", "新规要落地", "西岭", &[ARGUES, ARGUES])),
            Kind::Commentary
        );
        // A word inside two overlapping lookalikes (`要` of `重要求`, inside `重要` and
        // `要求`) is left out once: the other arguing words still count.
        let (words, lookalikes) = (KindList::ArguingWords, KindList::ArguingLookalikes);
        assert_eq!(per_mille("重要求必须", words, lookalikes), 200);
        assert_eq!(per_mille("重要求", words, lookalikes), 0);
        // `需要` counts as itself and as `要`, unless inside a lookalike.
        assert_eq!(per_mille("需要五个", words, lookalikes), 500);
        assert_eq!(per_mille("重要的是", words, lookalikes), 0);
    }

    /// A text no reporter signs whose first sentence speaks as one person is a
    /// reader's or a writer's own piece, commentary; an office speaking (`我局`),
    /// a person quoted, or a reporter's story is not.
    #[test]
    fn a_text_speaking_as_a_person_is_commentary() {
        let reader = "我今年七十岁，每次等车都要凑到站牌跟前才能看清线路。很多老人和我一样。";
        assert_eq!(
            kind_of(&draft("", "公交站牌的字太小了", "", &[reader, TELLS])),
            Kind::Commentary
        );
        let office = "本报6月1日刊登读者来信后，我大队立即派员实地查看，本周内施划完毕。";
        let quoted = "“我们村的路终于通了！”12月5日，说起新修的通村公路，村民们都很高兴。";
        let no_one = "近日，全县各级党组织以刀刃向内的自我革命精神开展作风专项整治。";
        let bank = "今年以来，我行累计发放涉农贷款十二亿元，支持农户扩大种养规模。";
        for body in [office, quoted, no_one, bank] {
            assert_ne!(
                kind_of(&draft("", "斑马线本周内施划完毕", "", &[body, REPORTS])),
                Kind::Commentary,
                "{body}"
            );
        }
        assert_ne!(
            kind_of(&draft(
                "",
                "公交站牌的字太小了",
                "本报记者 钟叙",
                &[reader, TELLS]
            )),
            Kind::Commentary
        );
    }

    /// A case told and a judge's reading of it under its label make a feature,
    /// whoever signs it; the same case without the reading is news.
    #[test]
    fn a_case_read_by_a_judge_is_a_feature() {
        let case = "市民邝女士在网上买了一箱冷冻水饺，收到时包装已经破损，水饺化成了一团。她要求退款，商家却说是快递的责任。";
        let reading =
            "商家应当保证商品完好送到消费者手中，运输途中出现问题，商家可以向快递公司追偿。";
        for (label, byline) in [
            ("法官说法", "本报通讯员 亓安澜"),
            ("【法官说法】", "本报记者 钟叙"),
            ("法官说法：商家应当担责。", ""),
        ] {
            assert_eq!(
                kind_of(&draft(
                    "以案说法",
                    "网购冷冻食品变质，谁来担责",
                    byline,
                    &[case, label, reading]
                )),
                Kind::Feature,
                "{label}"
            );
        }
        assert_ne!(
            kind_of(&draft(
                "",
                "网购冷冻食品变质，谁来担责",
                "",
                &[case, reading]
            )),
            Kind::Feature
        );
    }

    /// A story whose first sentence names a person by age in a later clause, or
    /// shows a place's sight (`有一间…`), opens on a scene: a feature; a report
    /// that counts what a place has is news.
    #[test]
    fn a_first_sentence_that_shows_a_scene_makes_a_feature() {
        for lede in [
            "在茆山县菖塘村，七十岁的老篾匠钭福根坐在院子里，手里的竹篾上下翻飞。",
            "在杉阁区槐香里的巷口，有一间不到十平方米的钟表铺。铺子的主人今年六十八岁。",
            "蒹葭湖湖心有一座小木屋，当地人叫它“候鸟哨所”。",
        ] {
            assert_eq!(
                kind_of(&draft("", "湖边的护鸟人", "本报记者 钟叙", &[lede, TELLS])),
                Kind::Feature,
                "{lede}"
            );
        }
        // An age that names a group (`70岁的老年人`) is a rule's, no portrait's, in a
        // later clause or the first; a person named after the age still opens one.
        for rule in [
            "从下月起，70岁的老年人可凭身份证免费乘坐市内公交，不限次数。",
            "本月起，七十岁的本市户籍老年人每月可领高龄津贴，由社区统一发放。",
            "七十岁的老人们今后可在社区食堂用餐，每餐减免三元。",
        ] {
            assert_eq!(
                kind_of(&draft(
                    "",
                    "高龄老人乘车免费",
                    "本报记者 钟叙",
                    &[rule, TELLS]
                )),
                Kind::News,
                "{rule}"
            );
        }
        let person = "每天清早，老街还没醒，七十四岁的老篾匠钭守拙已经坐在门口劈竹子。";
        assert_eq!(
            kind_of(&draft("", "老街的篾匠", "本报记者 钟叙", &[person, TELLS])),
            Kind::Feature
        );
        let count = "全市现有一百二十个社区食堂，今年将再建三十个，覆盖所有街道。";
        assert_eq!(
            kind_of(&draft(
                "",
                "社区食堂再建三十个",
                "本报记者 钟叙",
                &[count, TELLS]
            )),
            Kind::News
        );
    }
}
