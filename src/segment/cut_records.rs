//! Records cut by a width: a file of records (an SQL dump's rows, a CSV export, an
//! OCR tool's result list, JSON lines) that a tool then hard-wrapped at a fixed
//! width of characters, every line that reached the width cut there whatever it
//! held. Such a cut falls inside the record's markup (an open bracket, an open
//! quote) nearly every time, where a page of prose wrapped at a width leaves no
//! ASCII bracket or quote open at its cuts. The record's lines are joined again
//! before the page is read, so its format is read as printed.

/// Narrowest and widest width a wrapped file of records is looked for at.
const WIDTHS: std::ops::RangeInclusive<usize> = 16..=160;

/// Fewest cuts (lines at the width) that tell a file was wrapped.
const MIN_CUTS: usize = 5;

/// The text with each line cut at the file's width joined to the line after it,
/// and for each line of the joined text the (1-based) line of the file it opens
/// on; `None` unless the file's longest lines, all of one width, are cuts inside a
/// record's markup (two in three or more of them, counted on the lines they cut).
pub fn joined(text: &str) -> Option<(String, Vec<usize>)> {
    // Cheap for every other page: records hold ASCII brackets or quotes.
    let b = text.as_bytes();
    if memchr::memchr3(b'[', b'(', b'"', b).is_none() && memchr::memchr2(b'\'', b'{', b).is_none() {
        return None;
    }
    let width = widest(text)?;
    if !WIDTHS.contains(&width) {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let len = |l: &str| l.trim_end_matches('\r').chars().count();
    let at_width: Vec<bool> = lines.iter().map(|l| len(l) == width).collect();
    // A file of records is all records: few of its lines are neither cut nor the
    // rest of a cut (one in eight at most: an SQL dump's short statements and
    // comments). A page of prose has its heads, bylines and short paragraphs.
    let (mut free, mut printed) = (0usize, 0usize);
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        printed += 1;
        free += usize::from(!at_width[i] && (i == 0 || !at_width[i - 1]));
    }
    if free * 8 > printed {
        return None;
    }
    // Where each line's cuts fall: inside the markup or not, the markup read across
    // the whole file (a CSV field's quotes hold line breaks). A line is cut inside
    // its record when any of its cuts is (the first may fall before the record's
    // first quote, `INSERT INTO `t` VALU`).
    let mut state = Markup::default();
    let (mut cuts, mut inside) = (0usize, 0usize);
    let (mut line_cuts, mut line_inside) = (0usize, false);
    for (l, &w) in lines.iter().zip(&at_width) {
        state.read(l.trim_end_matches('\r'));
        if w {
            line_cuts += 1;
            line_inside |= state.open();
        } else {
            cuts += line_cuts;
            inside += if line_inside { line_cuts } else { 0 };
            (line_cuts, line_inside) = (0, false);
            // A line short of the width ends its line of the record: what a
            // line's markup leaves open (a CSV field's quote) goes on.
            state.line_end();
        }
    }
    cuts += line_cuts;
    inside += if line_inside { line_cuts } else { 0 };
    if cuts < MIN_CUTS || inside * 3 < cuts * 2 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut starts = Vec::new();
    let mut open = false;
    for (i, (l, &w)) in lines.iter().zip(&at_width).enumerate() {
        if !open {
            if i > 0 {
                out.push('\n');
            }
            starts.push(i + 1);
        }
        out.push_str(if w { l.trim_end_matches('\r') } else { l });
        open = w;
    }
    Some((out, starts))
}

/// The characters of the text's longest line (its closing `\r`s not counted), or
/// `None` at the first line longer than the widest width looked for: one pass of
/// `memchr` that most pages leave at their first paragraph. A line no longer in
/// bytes than the longest so far in characters is not counted.
fn widest(text: &str) -> Option<usize> {
    let mut widest = 0;
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let line = &text[start..end];
        start = end + 1;
        if line.len() <= widest {
            continue;
        }
        let width = line.trim_end_matches('\r').chars().count();
        if width > *WIDTHS.end() {
            return None;
        }
        widest = widest.max(width);
    }
    Some(widest)
}

/// What a record's markup holds open: a quote, brackets.
#[derive(Default)]
struct Markup {
    quote: Option<char>,
    escaped: bool,
    depth: usize,
}

impl Markup {
    fn read(&mut self, s: &str) {
        for c in s.chars() {
            if let Some(q) = self.quote {
                if self.escaped {
                    self.escaped = false;
                } else if c == '\\' {
                    self.escaped = true;
                } else if c == q {
                    self.quote = None;
                }
                continue;
            }
            match c {
                '"' | '\'' => self.quote = Some(c),
                '[' | '(' | '{' => self.depth += 1,
                ']' | ')' | '}' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
    }

    /// A line ends: brackets and a single quote do not run on past it in a
    /// record's line (a double quote may: a CSV field).
    fn line_end(&mut self) {
        self.depth = 0;
        self.escaped = false;
        if self.quote == Some('\'') {
            self.quote = None;
        }
    }

    fn open(&self) -> bool {
        self.quote.is_some() || self.depth > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(text: &str, width: usize) -> String {
        text.split('\n')
            .flat_map(|l| {
                let c: Vec<char> = l.chars().collect();
                if c.is_empty() {
                    vec![String::new()]
                } else {
                    c.chunks(width).map(|c| c.iter().collect()).collect()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn widest_counts_the_longest_lines_characters_up_to_the_widest_width() {
        let longest = |t: &str| {
            t.split('\n')
                .map(|l| l.trim_end_matches('\r').chars().count())
                .max()
        };
        let long = "长".repeat(161);
        for text in [
            "",
            "\n\n",
            "ab\r\r\nabc\r",
            "一二三\nabcd\n\r\n一二三四五",
            "abcdefgh\n一二三四五六七\r\nx",
            "一".repeat(160).as_str(),
            format!("短\n{long}\n短").as_str(),
        ] {
            let expected = longest(text).filter(|&w| w <= *WIDTHS.end());
            assert_eq!(widest(text), expected, "{text:?}");
        }
    }

    #[test]
    fn an_sql_dump_wrapped_at_a_width_is_joined_again() {
        let dump = "-- MySQL dump\nINSERT INTO `cms_article` VALUES (88401,'榅城今冬首场雪来了','','晚报记者 甘穗禾','<p>晚报讯　12月13日夜间，榅城迎来今冬首场降雪，嵚云山顶积雪深度达八厘米。</p>');\nINSERT INTO `cms_article` VALUES (88402,'我市发布今冬明春供暖保障方案','','记者 某某','<p>方案提出，今年新增供热面积三百万平方米，老旧管网改造一百公里。</p>');";
        let wrapped = wrap(dump, 30);
        let (joined, starts) = joined(&wrapped).expect("a dump cut at 30");
        assert_eq!(joined, dump);
        assert_eq!(starts, [1, 2, 6]);
    }

    #[test]
    fn a_csv_export_with_quoted_text_over_lines_is_joined_again() {
        let csv = "序号,标题,作者,正文\n1,琤川全面推行河湖长制,本报记者　穆清扬,\"记者从省水利厅获悉，截至11月底，琤川省为五千四百条河流逐一制定方案。\n今年以来，全省各级河湖长巡河湖二十八万人次，清理河道垃圾九万吨，拆除违法建筑一千一百处。\"\n2,榧城地铁3号线开通试运营,晚报记者　仝一帆,\"12月1日，榧城地铁3号线开通试运营，全线设站二十二座，串起城东城西。\"\n3,榧城新增十处口袋公园,本报记者　卢一鸣,\"今年以来，榧城在老城区见缝插绿，新建口袋公园十处，市民出门五分钟就能走进绿地。\"";
        let wrapped = wrap(csv, 30);
        let (joined, _) = joined(&wrapped).expect("a CSV file cut at 30");
        assert_eq!(joined, csv);
    }

    #[test]
    fn prose_wrapped_at_a_width_is_left_to_the_prose_rules() {
        // (ASCII quotes and brackets in it, so the rules are reached: a page with
        // none is passed over before any is read.)
        let page = "城东老街\"微更新\"完工\n\n(记者 某某)\n\n经过八个月的施工，城东老街\"微更新\"工程日前完工，沿街一百二十户居民的房屋完成了外立面修缮，路面铺上了青石板，地下管网全部更新。\n\n老街的商户说，改造后来逛街的人多了，周末的客流比去年翻了一番，不少外地游客专程赶来拍照打卡(据老街商会统计)，小吃店门口排起了长队。\n\n（完）";
        assert!(joined(&wrap(page, 30)).is_none());
        // Nor is a file of records no line of which reached a width.
        assert!(joined("[1, 2, 3, 4, 5, 6]\n[7, 8, 9, 10, 11]\n").is_none());
    }
}
