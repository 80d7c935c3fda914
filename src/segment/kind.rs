//! The kind of an assembled article.

use super::assemble::Draft;
use super::classify::{count_upto, is_question_label};
use super::lexicon::NewsDayWords;
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
    // Opened by a jump marker, under its jump head or none.
    if d.jump_in {
        return Kind::Continuation;
    }
    let heads_contain = |w: &str| {
        [&d.kicker, &d.title, &d.subtitle]
            .iter()
            .any(|h| h.contains(w))
    };
    // A head spaced out by a scan (`讣 告`, `更 正`) reads without its spaces.
    // (Borrowed when it has none, as nearly every title: nothing gathered.)
    let title: std::borrow::Cow<'_, str> = if d.title.contains(char::is_whitespace) {
        d.title.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        std::borrow::Cow::Borrowed(&d.title)
    };
    if ["公告", "启事", "通告", "声明", "讣告", "通知"]
        .iter()
        .any(|w| title.contains(w))
        || ["公示", "更正"].iter().any(|w| title.ends_with(w))
    {
        return Kind::Notice;
    }
    if heads_contain("问答")
        || (d.title.ends_with('？') || d.title.ends_with('?'))
            && (d.title.starts_with(|c: char| c.is_ascii_digit()) || is_question_label(&d.title))
    {
        return Kind::Qa;
    }
    let qa_lines = d
        .paragraphs
        .iter()
        .filter(|p| p.starts_with("问：") || p.starts_with("问:") || p.starts_with("记者："))
        .count();
    if qa_lines >= 2 {
        return Kind::Qa;
    }
    // A question for a title and a speaker's answer below it (`网民留言：…？` /
    // `…局回复：…`).
    if (d.title.ends_with('？') || d.title.ends_with('?'))
        && d.paragraphs
            .iter()
            .any(|p| speaker_label(p, &["回复", "答"]))
    {
        return Kind::Qa;
    }
    if d.byline.contains("评论员")
        || d.byline.contains("评论部")
        || ["评论", "社论", "时评", "短评", "论坛"]
            .iter()
            .any(|w| d.kicker.contains(w))
    {
        return Kind::Commentary;
    }
    // Signed by its author rather than by a newsroom: a reader's letter, an
    // opinion piece, an essay. Opinion argues (`要`, `应`, `必须`), an essay or
    // sketch narrates (`我`, `说`, `了`).
    // A report signed with its reporter's bare name (as an archive's record lists
    // its author) is no opinion: its text opens as news does and argues nothing.
    if authored(d) && (!reports(d) || argues(d)) {
        let reader = d.byline.contains("读者") || d.kicker.contains("读者");
        return if !reader && narrates(d) {
            Kind::Feature
        } else {
            Kind::Commentary
        };
    }
    if ["简讯", "快讯", "速览", "一句话新闻", "要闻"]
        .iter()
        .any(|w| heads_contain(w))
    {
        return Kind::Brief;
    }
    // A titled item of one short paragraph. A reporter's dispatch (an own-line
    // `本报记者 某某`, a dateline `本报讯（记者 某某）`) is news however short; a
    // reporter named only in the bracketed credit closing the item
    // (`…已达86家。（记者 甘露）`) signs a brief.
    let bracketed = d.byline.starts_with(['（', '(']);
    let mut body = d
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| !d.intertitles.contains(i))
        .map(|(_, p)| p);
    let brief = super::measures::measures().brief_chars;
    if !d.title.is_empty()
        && (bracketed || !d.byline.contains("记者"))
        && let (Some(only), None) = (body.next(), body.next())
        && count_upto(only, brief) <= brief
    {
        return Kind::Brief;
    }
    // A roundup: several short labels, each over a short item.
    let labels = d
        .intertitles
        .iter()
        .filter(|&&i| d.paragraphs.get(i).is_some_and(|p| count_upto(p, 9) <= 8))
        .count();
    if labels >= 2 && labels * 2 >= d.intertitles.len() {
        return Kind::Brief;
    }
    if !d.subtitle.is_empty() || d.intertitles.len() >= 2 {
        return Kind::Feature;
    }
    Kind::News
}

/// Words of a newsroom's byline or a source's credit (a reporter, an agency's
/// dateline, a department that supplied or compiled the text).
const NEWSROOM_WORDS: [&str; 14] = [
    "记者",
    "通讯员",
    "实习生",
    "摄",
    "供稿",
    "整理",
    "讯",
    "电",
    "来源",
    "编辑",
    "时间",
    "本报",
    "——",
    "原载",
];

/// The article is signed by a person writing for themselves: an own-line byline
/// naming no newsroom role (`木禾`, `·谭雪松·`, `文/钟离`, `中共…主任 孟砚秋`), or a
/// reader's signature in brackets (`（鼓巷区　读者　温采薇）`).
fn authored(d: &Draft) -> bool {
    let b = d.byline.trim();
    if b.is_empty() || d.title.is_empty() || NEWSROOM_WORDS.iter().any(|w| b.contains(w)) {
        return false;
    }
    !d.credit || b.contains("读者")
}

/// How often (per mille of the first body characters) words of each kind occur.
fn per_mille(text: &str, words: &[&str]) -> usize {
    let n = text.chars().count().max(1);
    let hits: usize = words.iter().map(|w| text.matches(w).count()).sum();
    hits * 1000 / n
}

/// Words of obligation: an opinion argues with them.
const ARGUING_WORDS: [&str; 9] = [
    "要", "应", "必须", "不能", "需要", "应该", "关键", "不妨", "值得",
];

/// The text opens as a newsroom's report does: with a dateline (`本报讯　…`,
/// `晚报讯　…`), or a first clause that says when (`12月8日起，…`, `省考古研究院12月12日
/// 发布消息，…`, `日前，…`).
fn reports(d: &Draft) -> bool {
    if d.dateline {
        return true;
    }
    let Some(first) = d.paragraphs.first() else {
        return false;
    };
    let lead = super::classify::head(first, 40);
    let clause = lead.split(['，', '。', ',']).next().unwrap_or(lead);
    clause
        .char_indices()
        .take(6)
        .any(|(i, c)| c == '讯' && i > 0 && clause[i + c.len_utf8()..].starts_with(['　', ' ']))
        || tells_news_day(
            clause,
            NewsDayWords::ReportOpeners,
            Reach::Opening,
            Reach::Anywhere,
        )
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

/// The body argues: words of obligation (`要`, `应`, `必须`) more than a report's few.
fn argues(d: &Draft) -> bool {
    per_mille(&body_start(d), &ARGUING_WORDS) > 6
}

/// The body tells rather than argues: few words of obligation (`要`, `应`,
/// `必须`), many of narration (`我`, `说`, `了`).
fn narrates(d: &Draft) -> bool {
    let body = body_start(d);
    let argues = per_mille(&body, &ARGUING_WORDS);
    let tells = per_mille(&body, &["我", "说", "了"]);
    argues <= 6 && tells >= 25
}

/// `新塘区住房和城乡建设局回复：…`, `答：…`: a paragraph opening with a speaker whose
/// label ends with one of `endings`, before a colon within the first 24 characters.
fn speaker_label(p: &str, endings: &[&str]) -> bool {
    let h = super::classify::head(p, 24);
    h.find(['：', ':'])
        .is_some_and(|i| endings.iter().any(|e| h[..i].ends_with(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// An article signed by its author (no newsroom role) is commentary when it
    /// argues and a feature when it narrates; a reporter's story is neither.
    #[test]
    fn an_authors_signature_makes_commentary_or_an_essay() {
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
        assert_eq!(
            kind_of(&draft("散文", "冬夜的灯", "温岚", &[TELLS, TELLS])),
            Kind::Feature
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
}
