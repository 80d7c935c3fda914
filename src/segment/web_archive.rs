//! A page that is a web archive (WARC, ISO 28500: a crawler's records of the
//! requests it sent and the responses it got), read as its records are: every
//! record's WARC header and every HTTP message's header are furniture, and each
//! response (or resource) whose payload is an HTML document is a page of its own,
//! read by `html_pages`; other payloads (a `robots.txt`, a request) are furniture.
//!
//! Records are told apart by their `WARC/1.x` version lines, headers from payloads
//! by their `Name: value` shape, not by byte counts or blank lines: a print that
//! dropped blank lines, hard-wrapped lines, indented them or put heading marks,
//! running heads and page footers between them reads the same (a line another tool
//! put inside a page's HTML is the page path's to set aside).

use super::blocks::{Markup, Unit, trim};
use super::html_pages::{closes_html, opens_html_line};
use super::xml_pages::{clean, without_marks};
use std::borrow::Cow;

/// The units of `text` when it is a web archive, else `None`.
pub fn units(text: &str) -> Option<Vec<Unit<'static>>> {
    // The archive opens (after a running head a print put above it) with a record.
    if !text
        .lines()
        .map(bare)
        .filter(|l| !l.is_empty())
        .take(3)
        .any(|l| is_version_line(&l))
    {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<Unit<'static>> = Vec::new();
    let furniture = |out: &mut Vec<Unit<'static>>, line: usize, t: String| {
        if !t.is_empty() {
            out.push(Unit::new(line, 1, Markup::Furniture, Cow::Owned(t)));
        }
    };
    // Records: the lines from one version line to the next.
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| is_version_line(&bare(lines[i])))
        .collect();
    for (i, l) in lines[..starts.first().copied().unwrap_or(0)]
        .iter()
        .enumerate()
    {
        furniture(&mut out, i + 1, bare(l));
    }
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let record = &lines[start..end];
        let page = payload(record);
        let (from, to) = page.map_or((record.len(), record.len()), |p| (p.start, p.end));
        for (j, l) in record[..from].iter().enumerate() {
            furniture(&mut out, start + j + 1, bare(l));
        }
        if from < to {
            let body = record[from..to].join("\n");
            let (doc, mut map, before) = clean(&body);
            for (line, _) in &mut map {
                *line += start + from;
            }
            for (line, t) in before {
                furniture(&mut out, start + from + line, t);
            }
            match super::html_pages::document_units(&doc, &map) {
                Some(units) => {
                    let at = start + from + 1;
                    out.push(Unit::new(at, 1, Markup::DocBreak, Cow::Borrowed("")));
                    out.extend(units);
                    out.push(Unit::new(
                        start + to,
                        1,
                        Markup::DocBreak,
                        Cow::Borrowed(""),
                    ));
                }
                None => {
                    for (j, l) in record[from..to].iter().enumerate() {
                        furniture(&mut out, start + from + j + 1, bare(l));
                    }
                }
            }
        }
        for (j, l) in record[to..].iter().enumerate() {
            furniture(&mut out, start + to + j + 1, bare(l));
        }
    }
    super::html_pages::mark_page_breaks(text, 0, &mut out);
    out.iter().any(|u| u.markup == Markup::None).then_some(out)
}

/// A line as its record reads it: without a print's form feed, indent and a
/// converter's marks.
fn bare(l: &str) -> String {
    without_marks(trim(&l.replace('\x0c', ""))).to_string()
}

/// `WARC/1.0`, `WARC/1.1`, `WARC/0.18`: the line that opens a record.
fn is_version_line(l: &str) -> bool {
    l.strip_prefix("WARC/").is_some_and(|v| {
        let v = v.trim();
        !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '.')
    })
}

/// `Content-Type: text/html`: a header line's shape (a token, a colon, a value).
fn header_field(l: &str) -> Option<(&str, &str)> {
    let (name, value) = l.split_once(':')?;
    (!name.is_empty()
        && name.len() <= 40
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then(|| (name, value.trim()))
}

/// Where a record's HTML payload stands among its lines (after its WARC header,
/// its HTTP status line and header), when it has one.
fn payload(record: &[&str]) -> Option<std::ops::Range<usize>> {
    let lines: Vec<String> = record.iter().map(|l| bare(l)).collect();
    let kind = lines.iter().find_map(|l| {
        header_field(l)
            .filter(|(n, _)| n.eq_ignore_ascii_case("WARC-Type"))
            .map(|(_, v)| v.to_ascii_lowercase())
    })?;
    if kind != "response" && kind != "resource" {
        return None;
    }
    // The payload opens at the first line of markup after the headers: an
    // HTML document's doctype or `<html>` (a line of a header, hard-wrapped,
    // never opens with `<`).
    let start = lines.iter().position(|l| opens_html_line(l))?;
    // Every line before it is a header's (or its print's), none is text; lines
    // after the document's end (a print's credit or footer) none of its.
    let end = record[start..]
        .iter()
        .rposition(|l| closes_html(l))
        .map_or(record.len(), |i| start + i + 1);
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment_issue;

    fn response(uri: &str, html: &str) -> String {
        format!(
            "WARC/1.0\nWARC-Type: request\nWARC-Target-URI: {uri}\nContent-Length: 60\n\n\
             GET /{uri} HTTP/1.1\nHost: example.org\n\n\n\
             WARC/1.0\nWARC-Type: response\nWARC-Target-URI: {uri}\n\
             Content-Type: application/http;msgtype=response\nContent-Length: 900\n\n\
             HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\nContent-Length: 800\n\n{html}\n\n"
        )
    }

    fn page(title: &str, paras: &[&str]) -> String {
        let ps: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
        format!(
            "<!DOCTYPE html>\n<html>\n<head><title>{title}_芩溪在线</title></head>\n<body>\n\
             <div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/n/\">本地</a></div>\n\
             <div class=\"article\">\n<h1>{title}</h1>\n<div class=\"content\">\n{ps}</div>\n</div>\n\
             <div class=\"footer\">芩溪在线 版权所有</div>\n</body>\n</html>"
        )
    }

    fn archive() -> String {
        let mut a = String::from(
            "WARC/1.0\nWARC-Type: warcinfo\nContent-Type: application/warc-fields\n\n\
             software: Wget/1.21.3\nformat: WARC File Format 1.0\n\n\n",
        );
        a.push_str(
            "WARC/1.0\nWARC-Type: response\nContent-Type: application/http;msgtype=response\n\n\
             HTTP/1.1 200 OK\nContent-Type: text/plain\n\nUser-agent: *\nDisallow: /search/\n\n\n",
        );
        a.push_str(&response(
            "a.html",
            &page(
                "槐荫路口新设一处公交站",
                &[
                    "　　本报讯 槐荫路口新设的公交站昨天启用，附近居民不用再走到八百米外的老站台。",
                    "　　站台设有候车亭和电子站牌。",
                ],
            ),
        ));
        a.push_str(&response(
            "b.html",
            &page(
                "芩溪河清淤工程完工",
                &["　　芩溪河清淤工程近日完工，共清出淤泥三万立方米，河道两岸还新修了步道。"],
            ),
        ));
        a
    }

    fn titles(text: &str) -> Vec<(String, usize)> {
        segment_issue(text, "x")
            .iter()
            .map(|a| (a.title.clone(), a.paragraphs.len()))
            .collect()
    }

    /// Each response's page is an article; the records' and the HTTP messages'
    /// headers, the request and the robots.txt are no text.
    #[test]
    fn each_archived_page_is_an_article() {
        assert_eq!(
            titles(&archive()),
            [
                ("槐荫路口新设一处公交站".to_string(), 2),
                ("芩溪河清淤工程完工".to_string(), 1)
            ]
        );
    }

    /// Printed without blank lines, hard-wrapped, indented or with a converter's
    /// heading marks, the archive reads the same.
    #[test]
    fn a_printed_archive_reads_the_same() {
        let a = archive();
        let whole = titles(&a);
        let noblank: String = a
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("{l}\n"))
            .collect();
        let wrapped: String = a
            .lines()
            .flat_map(|l| {
                let c: Vec<char> = l.chars().collect();
                c.chunks(30)
                    .map(|c| c.iter().collect::<String>())
                    .collect::<Vec<_>>()
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let marked: String = a
            .lines()
            .map(|l| {
                if l.chars().count() <= 24 && !l.is_empty() {
                    format!("### {l}\n")
                } else {
                    format!("\u{3000}\u{3000}{l}\n")
                }
            })
            .collect();
        for printed in [noblank, wrapped, marked] {
            assert_eq!(titles(&printed), whole, "{printed}");
        }
        // And as the segmentation gold's styles print a page.
        for (style, printed) in crate::segment::html_pages::tests::printed(&a) {
            assert_eq!(titles(&printed), whole, "{style}:\n{printed}");
            let text: String = segment_issue(&printed, "x")
                .iter()
                .flat_map(|a| a.paragraphs.iter().cloned())
                .collect();
            for gone in [
                "WARC",
                "HTTP/1.1",
                "User-agent",
                "Disallow",
                "首页",
                "版权所有",
                "本版责编",
            ] {
                assert!(!text.contains(gone), "{style}: {gone} in {text}");
            }
        }
    }

    /// No archive, or a broken one: left to other readers, never a panic.
    #[test]
    fn other_pages_and_broken_archives() {
        assert!(units("本报讯　今天下雨。\n").is_none());
        assert!(units("WARC/1.0\nWARC-Type: request\n\nGET / HTTP/1.1\n").is_none());
        let a = archive();
        for cut in (0..a.len()).step_by(31) {
            if a.is_char_boundary(cut) {
                let _ = segment_issue(&a[..cut], "x");
            }
        }
    }
}
