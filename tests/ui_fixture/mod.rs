//! Shared test helpers: a small corpus of our own Chinese articles, built as
//! structs so screen snapshots do not change when segmentation does.
//! Declared `pub mod` (see tests/common/mod.rs) so unused items are not dead code.

use newstag::article::{Article, Issue, Kind};
use std::path::PathBuf;

fn article(index: usize, kind: Kind, parts: [&str; 4], paragraphs: &[&str]) -> Article {
    let [kicker, title, subtitle, byline] = parts;
    Article {
        id: format!("{:012x}", 0xabc000 + index),
        index,
        line: 1 + index * 10,
        kind,
        kicker: kicker.into(),
        title: title.into(),
        subtitle: subtitle.into(),
        byline: byline.into(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        doubts: Default::default(),
    }
}

/// The long feature used to test scrolling to the end.
pub const LONG_TITLE: &str = "古戏台修缮完工 百年老腔重回乡村";
/// The last sentence of the long feature.
pub const LONG_LAST: &str = "散场时已是深夜，台下仍有人不肯离去。";

/// Two issues, five articles: kicker/subtitle/byline, a titleless continuation,
/// Latin words and numbers, closing punctuation at every turn.
pub fn fixture_issues() -> Vec<Issue> {
    let a1 = article(
        0,
        Kind::News,
        [
            "社区新事",
            "老街巷里的便民服务站",
            "——青川区推进“十五分钟生活圈”建设",
            "本报记者 林晓雨",
        ],
        &[
            "清晨七点，槐树巷口的便民服务站已经亮起了灯。修鞋的、配钥匙的、量血压的，几张小桌一字排开，来往的居民不时停下脚步，和工作人员聊上几句。",
            "“以前修个拉链要跑到两站地以外，现在下楼就能办。”住在巷子深处的王阿姨说。据介绍，这样的服务站今年已在全区建成二十六个，覆盖老旧小区四十余个。",
            "下一步，青川区将把养老助餐、快递收发等服务接入站点，让“家门口”的事在家门口办好。",
        ],
    );
    let a2 = article(
        1,
        Kind::News,
        ["", "湿地公园迎来候鸟季", "", "通讯员 周航"],
        &[
            "连日来，青川湿地公园的水面上聚集了大批越冬候鸟，白鹭、苍鹭和野鸭在芦苇丛间觅食嬉戏，吸引不少摄影爱好者前来拍摄。",
            "公园管理处表示，近年来通过退塘还湿、清淤补水，园区水质稳定在Ⅲ类以上，PM2.5年均浓度下降了18%。",
        ],
    );
    let a3 = article(
        2,
        Kind::Continuation,
        ["", "", "", ""],
        &[
            "（上接第1版）今年以来，全市共受理群众诉求一万二千余件，按时办结率达到百分之九十七，满意率较上年提高三个百分点。",
        ],
    );
    let long_paragraphs = [
        "初夏时节，走进青川区柳塘村，一座青瓦飞檐的古戏台在阳光下格外醒目。经过一年多的修缮，这座始建于清代的戏台终于恢复了旧日模样。",
        "“小时候逢年过节，全村人都搬着板凳来看戏。”七十八岁的村民赵德胜站在台前，指着檐下的木雕说，“后来梁柱糟朽，台子塌了一角，一荒就是二十多年。”",
        "去年春天，区文物部门对戏台进行了全面勘察，用三维扫描记录了每一处构件的尺寸，并按照“最小干预”的原则制定修缮方案。",
        "施工中，工匠们尽量保留原有木料：能加固的不更换，必须更换的也选用同一树种、同样工艺。屋面的小青瓦，有一半是从村民家中收集来的老瓦。",
        "修缮团队负责人介绍，他们还在台基下发现了一块记事碑，碑文记载了戏台历次重修的经过，为研究当地戏曲史提供了新的实物资料。",
        "戏台修好了，戏从哪里来？村里请回了在外地剧团唱了三十年的老艺人，又在村小学开设了兴趣班，每周两次，教孩子们唱腔和身段。",
        "十二岁的李小满是兴趣班里年纪最小的学员。“一开始觉得老腔太难学，现在越唱越有味道。”她说，暑假里要和爷爷一起登台。",
        "为了让更多人了解这门技艺，村里还和高校合作，把老艺人的唱段录成音频和视频，放在网上供人学习，网址是 https://example.org/laoqiang 。",
        "区文化部门表示，下一步将把古戏台纳入乡村旅游线路，定期举办民间文艺展演，让文物“活”起来，也让村民的日子更有滋味。",
        "竣工当晚，戏台上演了修缮后的第一场戏。锣鼓一响，十里八乡的乡亲们都赶来了，台下坐得满满当当。",
        LONG_LAST,
    ];
    let a4 = article(
        0,
        Kind::Feature,
        ["文化传承", LONG_TITLE, "", "本报记者 陈立 实习生 何苗"],
        &long_paragraphs,
    );
    let a5 = article(
        1,
        Kind::Brief,
        ["", "市民热线：一周诉求回应", "", ""],
        &[
            "本周热线共接到来电三千余个，反映集中的问题有：道路积水、夜间施工噪音、小区停车难等，相关部门已逐一答复。",
        ],
    );
    vec![
        Issue {
            path: PathBuf::from("fixtures/2024-05-12_p2.txt"),
            rel: "2024-05-12_p2.txt".into(),
            date: Some("2024-05-12".into()),
            page: Some("2".into()),
            encoding: "UTF-8",
            bytes: 2048,
            articles: vec![a1, a2, a3].into(),
            habit_lines: Default::default(),
        },
        Issue {
            path: PathBuf::from("fixtures/2024-05-13_p3.txt"),
            rel: "2024-05-13_p3.txt".into(),
            date: Some("2024-05-13".into()),
            page: Some("3".into()),
            encoding: "UTF-8",
            bytes: 4096,
            articles: vec![a4, a5].into(),
            habit_lines: Default::default(),
        },
    ]
}
