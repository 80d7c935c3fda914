//! A page that is an SQL dump of a web CMS or a newspaper database (`mysqldump`,
//! `pg_dump --inserts`, `sqlite3 .dump`): `INSERT INTO` statements whose rows are
//! the articles. Each row is printed as a record of labelled fields, as a JSON page
//! is (`json_pages`), its labels the table's column names (from the statement's
//! column list or the table's `CREATE TABLE`), so the page of records that
//! `records` reads is what the rows hold: what each column is (title, byline,
//! text, metadata) is learned there from the values, not from the names.
//!
//! A value is read as the database holds it: SQL string escapes (`\'`, `''`,
//! `\r\n`) undone, and a web CMS's HTML (`<p>…</p>`, `<br>`) as lines of text.

use super::blocks::{Unit, trim};
use std::collections::HashMap;

/// Rows this many or more make a page of records (as `records` asks).
const MIN_ROWS: usize = 2;

/// The units of `text` when it is an SQL dump of two rows or more, else `None`.
pub fn units(text: &str) -> Option<Vec<Unit<'static>>> {
    // Cheap for every other page: a statement opens one of its lines. Both
    // spellings are looked for in one pass over the page, at its `I`s and `i`s (few
    // on a Chinese page, where a searcher for each read the whole page twice).
    let b = text.as_bytes();
    if !memchr::memchr2_iter(b'I', b'i', b)
        .any(|i| b[i..].starts_with(b"INSERT INTO") || b[i..].starts_with(b"insert into"))
    {
        return None;
    }
    let mut columns: HashMap<String, Vec<String>> = HashMap::new();
    let mut rows: Vec<super::json_pages::Row> = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let line = trim(line);
        if let Some(rest) = strip_keyword(line, "CREATE TABLE") {
            let table = identifier(rest.trim_start_matches("IF NOT EXISTS ")).0;
            let mut names = Vec::new();
            for (_, l) in lines.by_ref() {
                let l = trim(l);
                if l.starts_with(')') {
                    break;
                }
                let (name, after) = identifier(l);
                // (`PRIMARY KEY (…)`, `KEY …`: no column.)
                let keyword = name.eq_ignore_ascii_case("PRIMARY")
                    || name.eq_ignore_ascii_case("KEY")
                    || name.eq_ignore_ascii_case("UNIQUE")
                    || name.eq_ignore_ascii_case("CONSTRAINT")
                    || name.eq_ignore_ascii_case("INDEX");
                if !name.is_empty() && !keyword && after.starts_with(' ') {
                    names.push(name.to_string());
                }
            }
            columns.insert(table.to_string(), names);
            continue;
        }
        let Some(rest) = strip_keyword(line, "INSERT INTO") else {
            continue;
        };
        let (table, rest) = identifier(rest);
        let rest = rest.trim_start();
        let (names, rest) = match rest.strip_prefix('(') {
            Some(list) => {
                let close = list.find(')')?;
                let names: Vec<String> = list[..close]
                    .split(',')
                    .map(|n| identifier(trim(n)).0.to_string())
                    .collect();
                (names, &list[close + 1..])
            }
            None => (columns.get(table).cloned().unwrap_or_default(), rest),
        };
        let values = strip_keyword(trim(rest), "VALUES")?;
        for tuple in tuples(values) {
            let fields = tuple
                .into_iter()
                .enumerate()
                .map(|(k, v)| {
                    let name = names
                        .get(k)
                        .cloned()
                        .unwrap_or_else(|| format!("column{}", k + 1));
                    (name, v.map(|v| html_text(&v)))
                })
                .collect();
            rows.push((i + 1, fields));
        }
    }
    (rows.len() >= MIN_ROWS).then(|| super::json_pages::print_rows(rows))
}

/// `line` after `keyword` (any case) and the space after it.
fn strip_keyword<'l>(line: &'l str, keyword: &str) -> Option<&'l str> {
    let head = line.get(..keyword.len())?;
    head.eq_ignore_ascii_case(keyword)
        .then(|| line[keyword.len()..].trim_start())
}

/// An identifier opening `s` (`` `cms_article` ``, `"title"`, `title`) without its
/// quotes, and the rest.
fn identifier(s: &str) -> (&str, &str) {
    for q in ['`', '"', '['] {
        if let Some(rest) = s.strip_prefix(q) {
            let close = if q == '[' { ']' } else { q };
            return match rest.find(close) {
                Some(end) => (&rest[..end], &rest[end + 1..]),
                None => ("", s),
            };
        }
    }
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(s.len());
    (&s[..end], &s[end..])
}

/// The rows of `VALUES (…),(…);`: each a list of values, `None` for `NULL`.
/// Strings are read with their escapes; a row cut short ends the list.
fn tuples(values: &str) -> Vec<Vec<Option<String>>> {
    let mut rows = Vec::new();
    let mut chars = values.chars().peekable();
    loop {
        // To the next row's `(`, past `,` between rows; `;` ends the statement.
        match chars.by_ref().find(|&c| c == '(' || c == ';') {
            Some('(') => {}
            _ => return rows,
        }
        let mut row = Vec::new();
        let mut value = String::new();
        let mut quoted = false;
        loop {
            let Some(c) = chars.next() else {
                return rows;
            };
            match c {
                '\'' => {
                    quoted = true;
                    loop {
                        match chars.next() {
                            None => return rows,
                            Some('\\') => match chars.next() {
                                Some('n') => value.push('\n'),
                                Some('r') | None => {}
                                Some('t') => value.push('\t'),
                                Some('0') => {}
                                Some(e) => value.push(e),
                            },
                            Some('\'') if chars.peek() == Some(&'\'') => {
                                chars.next();
                                value.push('\'');
                            }
                            Some('\'') => break,
                            Some(c) => value.push(c),
                        }
                    }
                }
                ',' | ')' => {
                    let bare = trim(&value);
                    row.push(if !quoted && bare.eq_ignore_ascii_case("NULL") {
                        None
                    } else if quoted {
                        Some(std::mem::take(&mut value))
                    } else {
                        Some(bare.to_string())
                    });
                    value.clear();
                    quoted = false;
                    if c == ')' {
                        break;
                    }
                }
                c if quoted => {
                    // (Nothing but spaces follows a string inside its value.)
                    let _ = c;
                }
                c => value.push(c),
            }
        }
        rows.push(row);
    }
}

/// A CMS's HTML as lines of text: a paragraph or a line break ends a line, other
/// tags are dropped, the few entities a CMS writes read as their characters.
fn html_text(value: &str) -> String {
    if !value.contains('<') && !value.contains('&') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].to_ascii_lowercase();
        let name = tag.trim_start_matches('/');
        if name.starts_with("p") && (name.len() == 1 || name.as_bytes()[1] == b' ')
            || name.starts_with("br")
            || name.starts_with("div")
        {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use crate::segment::segment_issue;

    const DUMP: &str = "-- MySQL dump 10.13\n\
        --\n\
        DROP TABLE IF EXISTS `cms_article`;\n\
        CREATE TABLE `cms_article` (\n\
        \x20 `id` int unsigned NOT NULL AUTO_INCREMENT,\n\
        \x20 `title` varchar(200) NOT NULL,\n\
        \x20 `author` varchar(100) NOT NULL DEFAULT '',\n\
        \x20 `content` mediumtext NOT NULL,\n\
        \x20 `pubdate` datetime NOT NULL,\n\
        \x20 PRIMARY KEY (`id`)\n\
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\
        LOCK TABLES `cms_article` WRITE;\n\
        INSERT INTO `cms_article` VALUES (1,'芦溪镇新建两座泵站','本报记者 甘露','<p>　　芦溪镇两座新建泵站11月底投入使用，汛期排涝能力提高一倍。</p><p>　　泵站上写着\\'有事找我\\'，由镇水利站统一值守。</p>','2026-11-30 08:00:00'),(2,'冬季用电安全提示','','入冬以来用电负荷上升，请居民不要私拉电线。\\r\\n供电所开通了报修电话。','2026-12-01 09:10:00');\n\
        INSERT INTO `cms_article` (`id`,`title`,`author`,`content`,`pubdate`) VALUES (3,'老渡口的新石阶',NULL,'渡口的石阶用了一百多年，今年秋天终于修好了。','2026-12-02 10:00:00');\n\
        UNLOCK TABLES;\n";

    /// A CMS's dump: a row is an article, its columns named by the table; the
    /// HTML paragraphs, `\r\n` and `\'` escapes of its text read as the text, an
    /// empty or `NULL` author gives no byline, ids and dates are no text.
    #[test]
    fn a_dumps_rows_are_articles_by_their_columns() {
        let articles = segment_issue(DUMP, "p");
        let got: Vec<(&str, &str, Vec<&str>)> = articles
            .iter()
            .map(|a| {
                (
                    a.title.as_str(),
                    a.byline.as_str(),
                    a.paragraphs.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "芦溪镇新建两座泵站",
                    "本报记者 甘露",
                    vec![
                        "芦溪镇两座新建泵站11月底投入使用，汛期排涝能力提高一倍。",
                        "泵站上写着'有事找我'，由镇水利站统一值守。"
                    ]
                ),
                (
                    "冬季用电安全提示",
                    "",
                    vec![
                        "入冬以来用电负荷上升，请居民不要私拉电线。",
                        "供电所开通了报修电话。"
                    ]
                ),
                (
                    "老渡口的新石阶",
                    "",
                    vec!["渡口的石阶用了一百多年，今年秋天终于修好了。"]
                ),
            ],
            "{articles:#?}"
        );
        // A story that quotes one statement is no dump.
        let story = "数据库课程开课\n本报讯 老师在课上写了一条语句：INSERT INTO t VALUES (1,'a');\n学生们认真记下。\n";
        let articles = segment_issue(story, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert!(articles[0].body().contains("INSERT INTO"));
    }
}
