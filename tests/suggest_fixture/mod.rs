//! A small corpus of our own articles for the suggestion tests: a few per topic
//! (governance, heritage, environment by their keywords; public transport, which
//! no default tag knows; and plain news), written as issue files.
//! Declared `pub mod` (see tests/common/mod.rs) so unused items are not dead code.

use std::path::Path;

/// Titles and bodies by topic.
pub const GOVERNANCE: [(&str, &str); 3] = [
    (
        "社区议事会解决停车难",
        "本报讯 青川区槐树社区召开居民议事会，网格员、物业公司和业委会代表一起商量小区停车位改造方案，居民诉求当场有了回应。",
    ),
    (
        "网格员走访老旧小区",
        "本报讯 近日，东城街道的网格员逐户走访老旧小区，收集居民诉求，协调物业解决楼道照明问题，矛盾纠纷就地化解。",
    ),
    (
        "信访接待日走进社区",
        "本报讯 区信访局把接待日搬到社区，居委会和调解员现场答复群众诉求，推动基层治理重心下沉。",
    ),
];
pub const HERITAGE: [(&str, &str); 2] = [
    (
        "古建筑修缮工程完工",
        "本报讯 城隍庙古建筑修缮工程日前完工，文物部门邀请专家对壁画和碑刻进行了保护修复，这处省级文物保护单位将重新开放。",
    ),
    (
        "非遗传承人进校园",
        "本报讯 剪纸、面塑等非物质文化遗产项目的传承人走进小学课堂，孩子们跟着非遗传承人学习传统技艺。",
    ),
];
pub const ENVIRONMENT: [(&str, &str); 2] = [
    (
        "重污染天气应急响应启动",
        "本报讯 受不利气象条件影响，我市空气质量持续下降，启动重污染天气应急响应，工地停止土方作业，严控扬尘和工业排放。",
    ),
    (
        "湿地公园生态修复见成效",
        "本报讯 经过两年生态修复，城南湿地水质明显改善，黑臭水体消除，候鸟数量增加，生态环境持续向好。",
    ),
];
pub const TRANSPORT: [(&str, &str); 6] = [
    (
        "公交新线路开通",
        "本报讯 本周一，公交128路正式开通，线路连接火车站和高新区，沿途设站点二十个，方便乘客通勤换乘。",
    ),
    (
        "地铁二号线试运行",
        "本报讯 地铁二号线开始试运行，全线设站点十八座，乘客可刷卡换乘公交，早晚高峰发车间隔五分钟。",
    ),
    (
        "公交站点调整公告",
        "本报讯 因道路施工，公交36路部分站点临时调整，乘客请留意站牌，换乘地铁的乘客可在北站下车。",
    ),
    (
        "夜间公交延长运营",
        "本报讯 为方便市民夜间出行，五条公交线路延长运营时间，末班车发车推迟一小时，乘客可通过手机查询到站时间。",
    ),
    (
        "地铁站增设换乘通道",
        "本报讯 地铁一号线和二号线交汇站增设换乘通道，乘客换乘步行时间缩短一半，站内新增指引标识。",
    ),
    (
        "定制公交服务上线",
        "本报讯 定制公交服务本月上线，乘客可在手机上预约座位，线路根据通勤需求设置，站点直达产业园区。",
    ),
];
pub const PLAIN: [(&str, &str); 3] = [
    (
        "一季度经济运行平稳",
        "本报讯 一季度全市地区生产总值同比增长百分之五，工业投资和消费稳步回升，企业效益持续改善。",
    ),
    (
        "中学生篮球联赛开幕",
        "本报讯 全市中学生篮球联赛昨日开幕，来自三十所学校的球队参赛，比赛将持续两周。",
    ),
    (
        "新春音乐会奏响",
        "本报讯 新春音乐会在大剧院举行，交响乐团演奏了多首经典曲目，现场座无虚席。",
    ),
];

/// Write the articles as issue files under `dir`, `per_issue` articles a file, in
/// the order: governance, heritage, environment, transport, plain.
pub fn write_corpus(dir: &Path, per_issue: usize) {
    let all: Vec<(&str, &str)> = GOVERNANCE
        .iter()
        .chain(&HERITAGE)
        .chain(&ENVIRONMENT)
        .chain(&TRANSPORT)
        .chain(&PLAIN)
        .copied()
        .collect();
    for (n, chunk) in all.chunks(per_issue).enumerate() {
        let mut text = String::new();
        for (title, body) in chunk {
            text.push_str(&format!("{title}\n\n{body}\n\n"));
        }
        std::fs::write(dir.join(format!("2024-05-{:02}_{n}.txt", n + 1)), text).unwrap();
    }
}
