//! An editor's draft (组版稿): a page saved from a word processor before it was laid
//! out, each head behind a field label naming its role (`引题：` kicker, `主题：` title,
//! `副题：` subtitle, `作者：` byline, `图片说明：` caption; the labels are data in
//! `lexicon.toml`). The label is no text and its role is the truth. A draft labels
//! every head, so on a page with a title field a head line without a label (`稿件一`)
//! and a note wholly in brackets (`【编辑注：…】`, `（全版约2600字）`) are the desk's
//! own lines, part of no article.

use super::blocks::{DraftField, Markup, Unit, trim};
use super::classify::{Class, Role};
use super::lexicon::lexicon;
use std::borrow::Cow;

/// Take the field labels off a draft's lines and mark each line with its field.
/// A page with no title field is no draft and is left as it is (a lone `作者：` line
/// on a web page stays a byline field as printed). Returns whether the page is a draft.
pub fn read_fields(units: &mut [Unit<'_>]) -> bool {
    let lex = lexicon();
    let found: Vec<(usize, DraftField, usize)> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.markup == Markup::None)
        .filter_map(|(i, u)| lex.head_field(&u.text).map(|(f, k)| (i, f, k)))
        .collect();
    if !found.iter().any(|&(_, f, _)| f == DraftField::Title) {
        return false;
    }
    // A field the desk left empty (`作者：` alone) names nobody: furniture.
    for u in units.iter_mut() {
        if u.markup == Markup::None && lex.is_empty_head_field(trim(&u.text)) {
            u.markup = Markup::Furniture;
            u.level = 0;
        }
    }
    for (i, field, k) in found {
        let u = &mut units[i];
        u.text = match std::mem::take(&mut u.text) {
            Cow::Borrowed(s) => Cow::Borrowed(trim(&s[k..])),
            Cow::Owned(s) => Cow::Owned(trim(&s[k..]).to_string()),
        };
        u.markup = Markup::Field(field);
        // A converter's `#` guessed over a field is a hint the label overrules.
        u.level = 0;
    }
    // A kicker field printed under its title (and subtitle), as a database's
    // `栏目：` field is, still stands over the title.
    for i in 1..units.len() {
        if units[i].markup != Markup::Field(DraftField::Kicker) {
            continue;
        }
        let mut j = i;
        while j > 0 && units[j - 1].markup == Markup::Field(DraftField::Subtitle) {
            j -= 1;
        }
        if j > 0 && units[j - 1].markup == Markup::Field(DraftField::Title) {
            units[j - 1..=i].rotate_right(1);
        }
    }
    true
}

/// On a draft, a head line without a field label and a body line wholly in brackets
/// are the desk's notes: set aside.
pub fn set_aside_desk_notes(units: &[Unit<'_>], classes: &mut [Class]) {
    if !units
        .iter()
        .any(|u| u.markup == Markup::Field(DraftField::Title))
    {
        return;
    }
    for (u, c) in units.iter().zip(classes.iter_mut()) {
        if u.markup != Markup::None {
            continue;
        }
        let text: &str = &u.text;
        let bracketed = (text.starts_with('【') && text.ends_with('】'))
            || (text.starts_with(['（', '(']) && text.ends_with(['）', ')']));
        if c.role == Role::Head || (c.role == Role::Body && bracketed) {
            c.role = Role::Noise;
            c.rule = "furniture: a draft's own line (no field label: 稿件一, 【编辑注：…】)";
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::article::Kind;
    use crate::segment::segment_issue;

    const DRAFT: &str = "沄州日报第6版（民生）组版稿　3月8日见报　责任编辑：祁山\n\
        【编辑注：本版稿件待分管领导审签后见报，标红处请记者核实】\n\
        稿件一\n\
        引题：让老人吃上“热乎饭”\n\
        主题：我市社区长者食堂增至132家\n\
        副题：一季度新增助餐点21个，覆盖城区八成社区\n\
        作者：本报记者 苏叶 通讯员 滕小满\n\
        \u{3000}\u{3000}3月7日中午11点半，砾阳区枣林街道长者食堂里已经坐满了老人。两荤两素一汤，老人凭卡就餐只需8元。\n\
        \u{3000}\u{3000}记者从市民政局了解到，今年一季度，全市新增社区长者食堂和助餐点21个，总数达到132家。各区就餐人数如下：\n\
        区名\t长者食堂（家）\t日均就餐（人次）\n\
        棠溪区\t41\t3900\n\
        砾阳区\t38\t3500\n\
        \u{3000}\u{3000}市民政局有关负责人介绍，今年将推动长者食堂向农村延伸，让行动不便的老人在家也能吃上热饭。\n\
        （完）\n\
        稿件二\n\
        主题：非遗进校园\n\
        图片说明：3月6日，柘岭县实验小学的学生在老艺人指导下学习剪纸。\n\
        本报记者 乔竹 摄\n\
        （全版约2600字，配图1张）\n";

    /// Each field gives its role and loses its label; the desk's lines belong to no
    /// article; a table saved with tabs is text of its story.
    #[test]
    fn a_drafts_fields_give_the_heads_and_its_notes_are_set_aside() {
        let articles = segment_issue(DRAFT, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        let a = &articles[0];
        assert_eq!(a.kicker, "让老人吃上“热乎饭”");
        assert_eq!(a.title, "我市社区长者食堂增至132家");
        assert_eq!(a.subtitle, "一季度新增助餐点21个，覆盖城区八成社区");
        assert_eq!(a.byline, "本报记者 苏叶 通讯员 滕小满");
        assert_eq!(a.paragraphs.len(), 6, "{a:#?}");
        assert_eq!(a.paragraphs[2], "区名\t长者食堂（家）\t日均就餐（人次）");
        assert!(
            a.paragraphs[5].starts_with("市民政局有关负责人介绍"),
            "{a:#?}"
        );
        let p = &articles[1];
        assert_eq!(p.title, "非遗进校园");
        assert_eq!(p.kind, Kind::Photo);
        assert_eq!(p.byline, "本报记者 乔竹 摄");
        assert_eq!(
            p.paragraphs,
            ["3月6日，柘岭县实验小学的学生在老艺人指导下学习剪纸。"]
        );
    }

    /// A database's records with draft labels: a column field printed under its
    /// title is still the kicker over it, and an author field left empty names
    /// nobody (no byline `作者：`, no text).
    #[test]
    fn a_column_under_its_title_is_the_kicker_and_an_empty_field_no_byline() {
        let page = "标题：冬季防火不能有丝毫松懈\n栏目：茆山快评\n作者：佴青山\n入冬以来，天干物燥，山林和农村用火用电增多，火灾隐患也随之增加。\n标题：篙溪大桥检测期间夜间限行\n作者：\n记者从市交通运输局获悉，12月10日至12日，篙溪大桥将进行年度检测。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        let a = &articles[0];
        assert_eq!(a.kicker, "茆山快评");
        assert_eq!(a.title, "冬季防火不能有丝毫松懈");
        assert_eq!(a.byline, "佴青山");
        let b = &articles[1];
        assert_eq!(b.title, "篙溪大桥检测期间夜间限行");
        assert_eq!(b.byline, "");
        assert!(!b.body().contains("作者"), "{b:#?}");
    }

    /// Without a title field a page is no draft: `作者：` stays as printed.
    #[test]
    fn a_page_without_a_title_field_is_no_draft() {
        let page = "山村的春天\n作者：柳青\n春风吹过山岗，桃花开了。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles[0].title, "山村的春天");
        assert_eq!(articles[0].byline, "作者：柳青");
    }
}
