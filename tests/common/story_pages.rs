//! One day's page 1 and page 3 of a paper, a story jumping from one to the
//! other (`（下转第3版）` ... `（上接第一版）`), beside an article standing alone on
//! each page: the fixture of stories across pages (issue 13).

/// Page 1: 老街新貌换新颜 (goes on on page 3), then 春耕备耕正当时.
pub const PAGE1: &str = "老街新貌换新颜

本报讯（记者王明）近日，迎泽区老街改造完工，居民纷纷点赞。改造历时一年，街面焕然一新。

老街两侧的商铺陆续开业，不少老字号重新挂牌营业。（下转第3版）

春耕备耕正当时

本报讯 连日来，各地抓住有利天气，组织农民开展春耕备耕，田间地头一派繁忙景象。
";

/// Page 3: 图书馆推出夜间自习室, then the story's second part.
pub const PAGE3: &str = "图书馆推出夜间自习室

本报讯 从本月起，市图书馆二楼自习区延长开放至每晚10点，读者可提前预约座位。

（上接第一版）

据介绍，老街改造共修缮历史建筑32栋，铺设石板路1.2公里。居民张大爷说，老街改造以后出门就是风景。
";

/// The two pages as one day's files: `(file name, text)`.
pub const DAY: [(&str, &str); 2] = [
    ("2024-06-18_第1版.txt", PAGE1),
    ("2024-06-18_第3版.txt", PAGE3),
];
