//! Segmentation of small hand-written issues, one layout habit each: what a reader
//! sees in the article list (titles, kinds, bylines) and in each article's body.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::article::{Article, Kind};
use newstag::segment::segment_issue;

use crate::common::styles::{Heads, Style, head_key, render};

fn seg(text: &str) -> Vec<Article> {
    segment_issue(text, "fixture")
}

fn titles(a: &[Article]) -> Vec<&str> {
    a.iter().map(|a| a.title.as_str()).collect()
}

/// A kicker / title / —— subtitle / byline stack heads one article, and its
/// intertitles stay inside it.
#[test]
fn heading_stack_with_intertitles_is_one_article() {
    let a = seg(
        "《晋北日报》5月2日2版刊发\n\n小河弯弯绕村过\n\n——河西村整治河道见闻\n\n晋北日报记者 王小明\n\n五月的河西村，柳枝吐绿，河水清亮。村民们说，这条河又活过来了。\n\n从“臭水沟”到“景观带”\n\n几年前，这里还是一条臭水沟，垃圾堆满河岸，夏天蚊蝇乱飞。\n\n村里请来技术人员，先清淤，再种水草，一年下来，水变清了。\n\n从“没人管”到“大家管”\n\n如今，每段河道都有村民认领，谁家门前谁负责。\n",
    );
    assert_eq!(titles(&a), ["小河弯弯绕村过"]);
    assert_eq!(a[0].kicker, "《晋北日报》5月2日2版刊发");
    assert_eq!(a[0].subtitle, "——河西村整治河道见闻");
    assert_eq!(a[0].byline, "晋北日报记者 王小明");
    assert_eq!(a[0].kind, Kind::Feature);
    assert!(a[0].body().contains("谁家门前谁负责。"));
}

/// Markdown levels are relative: `##` above `#` is a kicker, `###` is an
/// intertitle, `##` alone is a title.
#[test]
fn markdown_levels_are_relative() {
    let a = seg(
        "## 美丽乡村建设进行时\n\n# 石头村修起了文化广场\n\n本报讯 近日，石头村文化广场建成，村民有了跳舞的地方。\n\n### 广场怎么建\n\n村里开了三次会，大家一起定方案。(刘一)\n\n## 县里举办农民运动会\n\n本报讯 上周，县里举办了第一届农民运动会，三百多名农民参赛。\n",
    );
    assert_eq!(titles(&a), ["石头村修起了文化广场", "县里举办农民运动会"]);
    assert_eq!(a[0].kicker, "美丽乡村建设进行时");
    assert!(a[0].body().contains("广场怎么建"));
    assert_eq!(a[0].byline, "(刘一)");
}

/// An inline dateline gives the byline; a trailing credit closes the article, so
/// the short line after it starts the next one.
#[test]
fn trailing_credit_closes_the_article() {
    let a = seg(
        "县城新开一家图书馆\n\n本报讯（记者张三）县图书馆新馆昨天开馆，藏书十万册。\n\n馆长说，新馆每天开放十二个小时。（李四）\n\n春耕时节农机忙\n\n眼下正是春耕时节，田野里到处是忙碌的农机。\n",
    );
    assert_eq!(titles(&a), ["县城新开一家图书馆", "春耕时节农机忙"]);
    assert_eq!(a[0].byline, "本报讯（记者张三）");
    assert!(a[1].body().starts_with("眼下正是春耕时节"));
}

/// Without a closing credit, a lone short line inside a running article is an
/// intertitle, not a new article.
#[test]
fn lone_short_line_in_open_article_is_an_intertitle() {
    let a = seg(
        "老街换新颜\n\n本报讯 老街改造完成了，石板路重新铺好。\n\n商户回来了\n\n改造后，二十多家老字号陆续回到老街。\n",
    );
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].paragraphs.len(), 3);
}

/// A paragraph cut mid-word by a column break is joined to its continuation.
#[test]
fn column_break_mid_word_is_healed() {
    let a = seg(
        "新桥通车\n\n本报讯 新桥今天通车，大大方便了两岸群众的出行。桥长八百米，设计时速六十公\n\n里，总投资三亿元。\n\n据介绍，新桥历时两年建成。\n",
    );
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].paragraphs.len(), 2);
    assert!(a[0].paragraphs[0].contains("六十公里，总投资"));
}

/// Two interleaved articles are re-threaded so each body reads in order, and a
/// title printed inside its own body is found.
#[test]
fn interleaved_articles_are_rethreaded() {
    let text = "茶园迎来采摘季\n\n本报讯（记者赵一）清明前后，南山茶园迎来采摘季，茶农们忙着采摘新茶，今年的产量预计比去年增加两成，收购价格也有所上涨，茶园里一派丰收景象。茶农老陈说，今年雨水充足，茶叶长得\n\n本报（记者钱二）日前，县博物馆新入藏一批古代铜器，共二十件，其中最早的一件距今已有两千多年。\n\n这批铜器由一位老收藏家无偿捐出。老收藏家说，这批铜器是他几十年来一件一件收集的，他希望这些铜\n\n县博物馆获赠一批古代铜器\n\n器能被更多人看到。博物馆将为这批文物举办专题展览。\n\n特别好，茶园里的新茶一芽一叶都很饱满。\n";
    let a = seg(text);
    assert_eq!(titles(&a), ["茶园迎来采摘季", "县博物馆获赠一批古代铜器"]);
    assert!(
        a[0].body().contains("茶叶长得特别好"),
        "{:?}",
        a[0].paragraphs
    );
    assert!(
        a[1].body().contains("这些铜器能被更多人看到"),
        "{:?}",
        a[1].paragraphs
    );
    assert_eq!(a[1].byline, "本报（记者钱二）");
}

/// A caption standing alone after a wide gap is a photo article with its credit.
#[test]
fn stand_alone_caption_is_a_photo() {
    let a = seg(
        "河边公园开园\n\n本报讯 河边公园今天开园。(孙五)\n\n\n\n游客在河边公园赏花。 本报记者 周六 摄\n\n\n\n图为新建成的河边步道。\n",
    );
    assert_eq!(a.len(), 3);
    assert_eq!(a[1].kind, Kind::Photo);
    assert_eq!(a[1].byline, "本报记者 周六 摄");
    assert_eq!(a[2].kind, Kind::Photo);
    assert!(a[1].title.is_empty());
}

/// `(下转第X版)` ends an article's part; `（上接第X版）` opens a titleless continuation.
#[test]
fn jump_markers_end_and_open_parts() {
    let a = seg(
        "（上接第一版）村里还建起了养老院，老人们住得很舒心。\n\n村干部说，下一步要把路修到山顶。\n\n全县推进厕所改造\n\n本报讯 今年全县改造农村厕所五千户。\n\n(下转第3版)\n\n## 夏粮收购开始\n\n本报讯 夏粮收购工作全面开始。\n",
    );
    assert_eq!(a[0].kind, Kind::Continuation);
    assert!(a[0].title.is_empty());
    assert_eq!(a[0].paragraphs.len(), 2);
    assert_eq!(titles(&a)[1..], ["全县推进厕所改造", "夏粮收购开始"]);
}

/// Timeline date lines each head an item; the block credit goes to the last.
#[test]
fn timeline_items() {
    let a = seg(
        "1949年10月1日\n\n县城举行庆祝大会。\n\n1958年3月\n\n县里第一座水库开工。（县史志办供稿）\n",
    );
    assert_eq!(titles(&a), ["1949年10月1日", "1958年3月"]);
    assert!(a.iter().all(|a| a.kind == Kind::Timeline));
    assert_eq!(a[1].byline, "（县史志办供稿）");
}

/// A series label over a numbered question is a Q&A article's kicker.
#[test]
fn numbered_question_under_series_label() {
    let a = seg(
        "基层治理知识问答\n\n15.网格员平时做些什么？\n\n网格员要走访居民，收集问题，及时上报。\n",
    );
    assert_eq!(titles(&a), ["15.网格员平时做些什么？"]);
    assert_eq!(a[0].kicker, "基层治理知识问答");
    assert_eq!(a[0].kind, Kind::Qa);
}

/// A head whose body was pushed below another article takes the next headless
/// text as its body, intertitles and closing byline included.
#[test]
fn displaced_head_finds_its_body() {
    let a = seg(
        "山村来了年轻人\n\n——返乡青年创业记\n\n县里召开防汛会议\n\n本报讯 昨天，县里召开防汛工作会议，部署今年防汛工作。(吴七)\n\n回乡种果树\n\n去年春天，大学毕业的小郑回到家乡，承包了五十亩荒山种果树。\n\n记者 郑八\n",
    );
    assert_eq!(titles(&a), ["山村来了年轻人", "县里召开防汛会议"]);
    assert!(a[0].body().contains("承包了五十亩荒山"));
    assert_eq!(a[0].byline, "记者 郑八");
}

/// A notice keeps its signature and date line; the date is not a timeline item.
#[test]
fn notice_keeps_signature_and_date() {
    let a = seg(
        "某某县自然资源局关于开展二〇二五年地质灾害隐患排查工作的通知\n\n各乡镇人民政府：\n\n为做好汛期地质灾害防治工作，现将有关事项通知如下。\n\n某某县自然资源局\n\n2025年5月6日\n\n县城新增停车位\n\n本报讯 县城新增停车位八百个。\n",
    );
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].kind, Kind::Notice);
    assert!(a[0].body().ends_with("2025年5月6日"));
}

/// A commentator byline under a title makes a commentary.
#[test]
fn commentary_by_commentator() {
    let a = seg("让群众少跑腿\n\n本报评论员 钱九\n\n办事难不难，群众最有发言权。\n");
    assert_eq!(a[0].kind, Kind::Commentary);
    assert_eq!(a[0].byline, "本报评论员 钱九");
}

/// A roundup: one title over short district labels is one brief.
#[test]
fn roundup_with_labels_is_one_brief() {
    let a = seg(
        "## 各地推进夏收夏种工作\n\n### 东城区\n\n东城区组织农机五百台投入夏收。\n\n### 西城区\n\n西城区夏种面积达到两万亩。\n",
    );
    assert_eq!(titles(&a), ["各地推进夏收夏种工作"]);
    assert_eq!(a[0].kind, Kind::Brief);
}

/// Arbitrary text never loses characters of body text that is not heading.
#[test]
fn empty_and_blank_inputs_give_no_articles() {
    assert!(seg("").is_empty());
    assert!(seg("\n\n\n   \n\u{3000}\n").is_empty());
}

/// A column label printed after a closed article, right above the next title,
/// goes back to the article it shares wording with; a kicker that speaks of its
/// own article stays with it.
#[test]
fn displaced_label_returns_to_the_article_above() {
    let a = seg(
        "湿地公园迎来越冬候鸟\n\n本报讯 入冬以来，城西湿地公园迎来三千多只越冬候鸟，护鸟志愿者每天巡护。（周明）\n\n护鸟行动在身边\n\n老城区新开两家社区食堂\n\n本报讯 本月起，老城区两家社区食堂开门营业，六十岁以上老人就餐可享优惠。（吴芳）\n",
    );
    assert_eq!(
        titles(&a),
        ["湿地公园迎来越冬候鸟", "老城区新开两家社区食堂"]
    );
    assert_eq!(a[0].kicker, "护鸟行动在身边");
    assert_eq!(a[1].kicker, "");

    let b = seg(
        "湿地公园迎来越冬候鸟\n\n本报讯 入冬以来，城西湿地公园迎来三千多只越冬候鸟。（周明）\n\n民生实事进行时\n\n老城区新开两家社区食堂\n\n本报讯 作为今年的民生实事，老城区两家社区食堂开门营业。（吴芳）\n",
    );
    assert_eq!(b[0].kicker, "");
    assert_eq!(b[1].kicker, "民生实事进行时");
}

/// A pen name on its own line under a title (not a dictionary name) signs the
/// article instead of becoming its title, and a column label above is the kicker.
#[test]
fn a_pen_name_under_a_title_is_the_byline() {
    let a = seg(
        "短评\n\n“微更新”贵在“微”\n\n木禾\n\n老城更新，“微”是一种态度。\n\n把钱花在刀刃上，更新才不会变成“打扰”。\n",
    );
    assert_eq!(titles(&a), ["“微更新”贵在“微”"]);
    assert_eq!(a[0].kicker, "短评");
    assert_eq!(a[0].byline, "木禾");
}

/// A photo credit alone under a caption makes the caption a photo of its own (or the
/// short titled item above it a photo), instead of leaving it in the article's body.
#[test]
fn a_photo_credit_line_credits_the_caption_above() {
    let a = seg(
        "老街换新颜\n\n本报讯 梧桐里完成了改造，街面焕然一新。\n\n居民说，改造后住得更舒心了。\n\n改造后的梧桐里街景。\n\n本报记者 冯一鸣 摄\n\n秋到湿地\n\n10月19日，湿地公园内芦花盛开。\n\n本报记者 何田田摄\n",
    );
    assert_eq!(a.len(), 3, "{a:#?}");
    assert!(a[0].body().ends_with("住得更舒心了。"));
    assert_eq!(a[1].kind, Kind::Photo);
    assert_eq!(a[1].body(), "改造后的梧桐里街景。");
    assert_eq!(a[1].byline, "本报记者 冯一鸣 摄");
    assert_eq!(a[2].title, "秋到湿地");
    assert_eq!(a[2].kind, Kind::Photo);
    assert_eq!(a[2].byline, "本报记者 何田田摄");
}

/// A `·…·` credit closing a paragraph ends the article: the next short line is the
/// next article's title, and the credit is the byline.
#[test]
fn a_dotted_credit_closes_the_article() {
    let a = seg(
        "多地推出旧物回收“一键预约”\n\n近来，不少城市推出旧物回收服务，旧家电、旧衣物都能回收。·韩露 郑凯·\n\n历史文化街区保护专项检查启动\n\n本报北京10月19日电\n\n记者从有关部门获悉：专项检查将在全国开展。\n",
    );
    assert_eq!(
        titles(&a),
        ["多地推出旧物回收“一键预约”", "历史文化街区保护专项检查启动"]
    );
    assert_eq!(a[0].byline, "·韩露 郑凯·");
    assert_eq!(a[1].byline, "本报北京10月19日电");
    assert!(a[1].body().starts_with("记者从有关部门获悉"));
}

/// A tabloid's masthead printed a field a line, the section before the page code
/// (`沄州晚报` / date / weekday / `城事` / `A03`), is furniture in every extraction
/// style: the page's first article is titled by its own head, not by the section.
#[test]
fn a_section_over_the_page_code_ends_the_masthead_in_every_style() {
    let page = "沄州晚报\n2027年3月5日\n星期五\n城事\nA03\n\n老街巷口装上了新路灯\n\n本报记者　甘若愚\n\n　　3月4日晚，老街巷口新装的十二盏路灯亮了起来，附近居民纷纷出门看个究竟，有人拿出手机拍下了这一幕。\n\n　　“以前晚上回家得打手电，下雨天路滑，老人孩子都不敢出门。”居民李大爷说，如今巷子亮堂了，心里也踏实了。\n\n社区食堂开进了老小区\n\n本报记者　宓秋\n\n　　本报讯　家门口的社区食堂3月起开门营业，一荤一素只要十二元，老年人凭卡用餐还能再打九折。\n\n　　食堂负责人介绍，菜单每周更新一次，居民可以在小程序上提前点餐，到店即取。\n";
    let heads = Heads {
        titles: vec![
            head_key("老街巷口装上了新路灯"),
            head_key("社区食堂开进了老小区"),
        ],
        bylines: vec![head_key("本报记者　甘若愚"), head_key("本报记者　宓秋")],
        ..Heads::default()
    };
    for style in Style::ALL {
        let a = seg(&render(page, style, &heads));
        assert_eq!(
            titles(&a),
            ["老街巷口装上了新路灯", "社区食堂开进了老小区"],
            "{style:?}: {a:#?}"
        );
        assert!(
            a.iter().all(|a| !a.kicker.contains("城事")
                && !a.body().contains("城事")
                && !a.body().contains("A03")),
            "{style:?}: {a:#?}"
        );
        assert!(a[0].body().starts_with("3月4日晚"), "{style:?}: {a:#?}");
    }
}

/// A Tesseract hOCR page saved beside the text pages (`.hocr.txt`) is loaded with the
/// corpus and cut by its layout: its head line set larger is the title, its
/// paragraphs are the body, none of its markup or metadata is text.
#[test]
fn an_hocr_page_in_a_corpus_is_read_by_its_layout() {
    let dir = tempfile::tempdir().unwrap();
    let line = |id: &str, bbox: &str, size: u32, text: &str| {
        format!(
            "<span class='ocr_line' id='{id}' title='bbox {bbox}; x_size {size}'>\
             <span class='ocrx_word' title='bbox {bbox}; x_wconf 91'>{text}</span></span>\n"
        )
    };
    let mut page = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head><title></title>\
         <meta name='ocr-system' content='tesseract 5.3.0' /></head>\n<body>\n\
         <div class='ocr_page' id='page_1' title='image \"a.png\"; bbox 0 0 2000 3000'>\n\
         <div class='ocr_carea' id='block_1'><p class='ocr_par' id='par_1'>\n",
    );
    page += &line("l1", "200 100 1000 180", 80, "春耕备耕正当时");
    page += "</p><p class='ocr_par' id='par_2'>\n";
    page += &line("l2", "240 200 1200 240", 40, "连日来，河西村的田间地头一派");
    page += &line("l3", "200 250 900 290", 40, "繁忙景象。");
    page += &line("l4", "240 300 1200 340", 40, "村里请来农技员，手把手教村民");
    page += &line("l5", "200 350 900 390", 40, "科学施肥。");
    page += "</p></div>\n</div>\n</body>\n</html>\n";
    std::fs::write(dir.path().join("晋北日报_2026-05-02_第2版.hocr.txt"), page).unwrap();
    let corpus = newstag::corpus::Corpus::load(dir.path()).unwrap();
    let articles: Vec<&Article> = corpus
        .issues
        .iter()
        .flat_map(|i| i.articles.iter())
        .collect();
    assert_eq!(articles.len(), 1, "{articles:?}");
    assert_eq!(articles[0].title, "春耕备耕正当时");
    assert_eq!(
        articles[0].paragraphs,
        [
            "连日来，河西村的田间地头一派繁忙景象。",
            "村里请来农技员，手把手教村民科学施肥。"
        ]
    );
}
