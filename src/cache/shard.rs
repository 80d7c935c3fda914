//! One shard: the segmented articles of one issue file, as bytes on disk.
//!
//! A shard is `MAGIC`, the xxh3 checksum of the payload, then the payload: a
//! head (postcard) with its [`ShardKey`], the issue's fields and a table of
//! numbers per article, then the text of every article's strings, validated as
//! UTF-8 once (strings one by one cost a sixth of a warm load). It holds the
//! issue as `corpus::read_issue` cuts it *before* corrections. It is trusted only when magic, checksum and key all
//! agree; anything else (a truncated, flipped, foreign or stale file) decodes to
//! `None`, and the caller cuts the file afresh.

use crate::article::{Article, BodyStore, Doubts, Issue, Kind, Paragraphs};
use crate::segment::habits::Habits;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::UNIX_EPOCH;

const MAGIC: &[u8; 8] = b"NTSHARD\n";

/// Bump when segmentation, meta reading or the shard layout change in a way the
/// program stamp would not catch (the stamp changes with every build anyway).
pub const FORMAT_VERSION: u32 = 5;

/// What a shard is valid for: the program that cut it and the file as it was
/// (its path under the corpus, size, modification and change times, inode).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardKey {
    pub version: u32,
    pub program: ProgramStamp,
    /// The issue's path under the corpus root (`corpus::relative_path` names
    /// exactly one path, also when it is not UTF-8).
    pub rel: String,
    pub file: FileStamp,
}

/// The running program: a new build may cut differently, so its shards are not
/// trusted by another build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramStamp {
    pub size: u64,
    pub mtime_ns: u128,
}

impl ProgramStamp {
    /// The stamp of the running executable; `None` when it cannot be told (then
    /// nothing is cached).
    pub fn current() -> Option<ProgramStamp> {
        static CURRENT: std::sync::OnceLock<Option<ProgramStamp>> = std::sync::OnceLock::new();
        CURRENT
            .get_or_init(|| {
                let exe = std::env::current_exe().ok()?;
                let f = FileStamp::of(&exe)?;
                Some(ProgramStamp {
                    size: f.size,
                    mtime_ns: f.mtime_ns,
                })
            })
            .clone()
    }
}

/// Size, times and inode of one file: any edit, touch, replacement or rename
/// over it changes at least one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub size: u64,
    pub mtime_ns: u128,
    pub ctime_ns: i128,
    pub inode: u64,
}

impl FileStamp {
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        #[cfg(unix)]
        let (ctime_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (ctime_ns, inode) = (0, 0);
        Some(FileStamp {
            size: meta.len(),
            mtime_ns,
            ctime_ns,
            inode,
        })
    }
}

/// The issue as stored, but for its text: everything of [`Issue`] but its path
/// on disk, and per article a row of numbers (see [`row`]); the strings of every
/// article follow the head as one UTF-8 text, validated once.
#[derive(Debug, Serialize, Deserialize)]
struct Head {
    key: ShardKey,
    date: Option<String>,
    page: Option<String>,
    encoding: String,
    bytes: u64,
    /// What the page tells of its paper's habits (`segment::page_lines`).
    habit_lines: crate::segment::habits::PageLines,
    /// The digest of the corpus's habits that bore on this page when it was
    /// cut (`Habits::digest_on` its `habit_lines`; 0 when none did): the shard
    /// holds the cut of any habits with the same digest on it, so habits
    /// learned anew leave it valid unless they change this page.
    habits: u64,
    /// Per article: kind, doubts, index, line, paragraph count, body length in
    /// characters, then the byte lengths of id, kicker, title, subtitle, byline
    /// and each paragraph.
    table: Vec<u32>,
    /// The articles with a jump line: (article, back page, onward page) as
    /// `crate::story::jump::jumps_of` reads them, so a body left in the cache
    /// need not be read to link stories.
    jumps: Vec<(u32, Option<String>, Option<String>)>,
    /// Per article, the digest of its paragraphs
    /// ([`crate::article::body_digest`]): what the suggestion features of an
    /// issue are found by in their cache, without reading its bodies.
    bodies: Vec<u64>,
}

/// Numbers of an article's row before the lengths of its strings.
const ROW_FIXED: usize = 6;

/// `article`'s row of the table.
fn row(article: &Article, table: &mut Vec<u32>) -> Option<()> {
    let kind = Kind::ALL.iter().position(|k| *k == article.kind)?;
    let n = |x: usize| u32::try_from(x).ok();
    table.extend([
        n(kind)?,
        u32::from(article.doubts.bits()),
        n(article.index)?,
        n(article.line)?,
        n(article.paragraphs.len())?,
        n(article.body_chars())?,
    ]);
    for s in strings(article) {
        table.push(n(s.len())?);
    }
    Some(())
}

/// The strings of an article, in the order of its row.
fn strings(a: &Article) -> impl Iterator<Item = &String> {
    [&a.id, &a.kicker, &a.title, &a.subtitle, &a.byline]
        .into_iter()
        .chain(&a.paragraphs)
}

/// The shard bytes of `issue` (cut without corrections, with `habits`) for `key`.
pub fn encode(key: &ShardKey, issue: &Issue, habits: &Habits) -> Option<Vec<u8>> {
    let mut table = Vec::with_capacity(issue.articles.len() * 16);
    let mut text = String::new();
    let mut jumps = Vec::new();
    let mut bodies = Vec::with_capacity(issue.articles.len());
    for (i, a) in issue.articles.iter().enumerate() {
        row(a, &mut table)?;
        bodies.push(a.paragraphs.digest());
        strings(a).for_each(|s| text.push_str(s));
        let j = crate::story::jump::jumps_of(a);
        if j.back.is_some() || j.onward.is_some() {
            jumps.push((u32::try_from(i).ok()?, j.back, j.onward));
        }
    }
    let head = Head {
        key: key.clone(),
        date: issue.date.clone(),
        page: issue.page.clone(),
        encoding: issue.encoding.to_string(),
        bytes: issue.bytes,
        habit_lines: issue.habit_lines.clone(),
        habits: habits.digest_on(&issue.habit_lines),
        table,
        jumps,
        bodies,
    };
    let mut payload = postcard::to_stdvec(&head).ok()?;
    payload.extend_from_slice(text.as_bytes());
    let mut out = Vec::with_capacity(payload.len() + 16);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    Some(out)
}

/// The head and text of shard `bytes`, when they are whole, made for `key` and
/// cut as `habits` cut the page.
fn open<'a>(bytes: &'a [u8], key: &ShardKey, habits: &Habits) -> Option<(Head, &'a str)> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (sum, payload) = rest.split_at_checked(8)?;
    let sum = u64::from_le_bytes(sum.try_into().ok()?);
    if xxhash_rust::xxh3::xxh3_64(payload) != sum {
        return None;
    }
    let (head, text): (Head, &[u8]) = postcard::take_from_bytes(payload).ok()?;
    if head.key != *key || habits.digest_on(&head.habit_lines) != head.habits {
        return None;
    }
    let text = simdutf8::basic::from_utf8(text).ok()?;
    Some((head, text))
}

/// The issue at `path` from shard `bytes`, when they are whole, made for `key`
/// and cut as `habits` cut the page.
pub fn decode(bytes: &[u8], key: &ShardKey, habits: &Habits, path: &Path) -> Option<Issue> {
    let (head, text) = open(bytes, key, habits)?;
    let articles = articles(&head.table, text, &mut |_, take, lens| {
        lens.iter()
            .map(|&len| take.take(len).map(str::to_string))
            .collect()
    })?;
    issue(head, path, articles)
}

/// Where bodies left in the pack are read from when used.
#[derive(Debug, Clone)]
pub enum BodySource {
    /// The pack mapped into memory (a command that reads each body at most
    /// once: the pages it touches stay counted in its memory until it ends).
    Map(Arc<memmap2::Mmap>),
    /// The pack file, read afresh at each use (the TUI, which runs long and
    /// passes over every body: a body read is memory only while it is held).
    File(Arc<std::fs::File>),
}

impl BodySource {
    /// `len` bytes from offset `at` of the pack.
    fn bytes(&self, at: usize, len: usize) -> Option<std::borrow::Cow<'_, [u8]>> {
        match self {
            BodySource::Map(map) => map
                .get(at..at.checked_add(len)?)
                .map(std::borrow::Cow::Borrowed),
            BodySource::File(file) => {
                let mut buf = vec![0; len];
                super::pack::read_at(file, &mut buf, at as u64).ok()?;
                Some(std::borrow::Cow::Owned(buf))
            }
        }
    }
}

/// Like [`decode`], for shard `bytes` found at offset `at` of a pack: the
/// articles' bodies are left in the pack and read from `source` only when used
/// ([`Paragraphs::stored`]); what was checked here (checksum, UTF-8, lengths)
/// holds for them, as a pack is never written in place.
pub fn decode_stored(
    bytes: &[u8],
    at: usize,
    source: BodySource,
    key: &ShardKey,
    habits: &Habits,
    path: &Path,
) -> Option<Issue> {
    let (head, text) = open(bytes, key, habits)?;
    let mut bodies = StoredBodies {
        source,
        text_at: at + (bytes.len() - text.len()),
        bodies: Vec::new(),
        lens: Vec::new(),
        jumps: HashMap::new(),
        digests: Vec::new(),
    };
    let mut articles = articles(&head.table, text, &mut |chars, take, lens| {
        let from = take.at;
        for &len in lens {
            take.take(len)?;
        }
        bodies.bodies.push(BodyAt {
            at: u32::try_from(from).ok()?,
            lens_from: u32::try_from(bodies.lens.len()).ok()?,
            n: u32::try_from(lens.len()).ok()?,
            chars,
        });
        bodies.lens.extend_from_slice(lens);
        Some(Paragraphs::default())
    })?;
    bodies.jumps = head
        .jumps
        .iter()
        .map(|(a, back, onward)| (*a as usize, (back.clone(), onward.clone())))
        .collect();
    if head.bodies.len() != articles.len() {
        return None;
    }
    bodies.digests = head.bodies.clone();
    bodies.bodies.shrink_to_fit();
    bodies.lens.shrink_to_fit();
    let store: Arc<dyn BodyStore> = Arc::new(bodies);
    for (i, a) in articles.iter_mut().enumerate() {
        a.paragraphs = Paragraphs::stored(Arc::clone(&store), i);
    }
    issue(head, path, articles)
}

fn issue(head: Head, path: &Path, articles: Vec<Article>) -> Option<Issue> {
    Some(Issue {
        path: path.to_path_buf(),
        rel: head.key.rel,
        date: head.date,
        page: head.page,
        encoding: encoding_name(&head.encoding)?,
        bytes: head.bytes,
        articles: articles.into(),
        habit_lines: head.habit_lines,
    })
}

/// The strings of a shard's text, in turn.
struct Take<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Take<'a> {
    /// The next `len` bytes, when they are a whole string of the text.
    fn take(&mut self, len: u32) -> Option<&'a str> {
        let end = self.at.checked_add(len as usize)?;
        let s = self.text.get(self.at..end)?;
        self.at = end;
        Some(s)
    }
}

/// How [`articles`] makes an article's paragraphs: from its body length in
/// characters, the text and the byte lengths of its paragraphs.
type BodyOf<'f, 'a> = dyn FnMut(u32, &mut Take<'a>, &[u32]) -> Option<Paragraphs> + 'f;

/// The articles of `table` over `text`, their paragraphs made by `body`;
/// `None` when they do not fit together.
fn articles<'a>(table: &[u32], text: &'a str, body: &mut BodyOf<'_, 'a>) -> Option<Vec<Article>> {
    let mut out = Vec::new();
    let mut t = table;
    let mut take = Take { text, at: 0 };
    while !t.is_empty() {
        let (fixed, rest) = t.split_at_checked(ROW_FIXED)?;
        let n_par = fixed[4] as usize;
        let (lens, rest) = rest.split_at_checked(5 + n_par)?;
        t = rest;
        let mut string = |len| take.take(len).map(str::to_string);
        out.push(Article {
            id: string(lens[0])?,
            index: fixed[2] as usize,
            line: fixed[3] as usize,
            kind: *Kind::ALL.get(fixed[0] as usize)?,
            kicker: string(lens[1])?,
            title: string(lens[2])?,
            subtitle: string(lens[3])?,
            byline: string(lens[4])?,
            paragraphs: body(fixed[5], &mut take, &lens[5..])?,
            doubts: Doubts::from_bits(u8::try_from(fixed[1]).ok()?),
        });
    }
    (take.at == text.len()).then_some(out)
}

/// The place of one stored body in its shard's text (one per article of the
/// corpus, held while it is open: 16 bytes, not 32 as in `usize`s).
#[derive(Debug)]
struct BodyAt {
    /// Byte offset in the text.
    at: u32,
    /// Its paragraphs' lengths: `lens[lens_from..lens_from + n]`.
    lens_from: u32,
    n: u32,
    chars: u32,
}

/// The bodies of one issue's articles, left in the pack.
#[derive(Debug)]
struct StoredBodies {
    source: BodySource,
    /// Where the shard's text starts in the pack.
    text_at: usize,
    bodies: Vec<BodyAt>,
    lens: Vec<u32>,
    jumps: HashMap<usize, (Option<String>, Option<String>)>,
    /// Per article, the digest of its paragraphs.
    digests: Vec<u64>,
}

impl BodyStore for StoredBodies {
    fn paragraphs(&self, at: usize) -> Vec<String> {
        let Some(b) = self.bodies.get(at) else {
            return Vec::new();
        };
        let from = b.lens_from as usize;
        let lens = self.lens.get(from..from + b.n as usize).unwrap_or(&[]);
        let total = lens.iter().map(|&len| len as usize).sum();
        let Some(bytes) = self.source.bytes(self.text_at + b.at as usize, total) else {
            return Vec::new();
        };
        let mut from = 0;
        lens.iter()
            .map(|&len| {
                let end = from + len as usize;
                // Checked as UTF-8, cut at character boundaries, when decoded.
                let s = bytes
                    .get(from..end)
                    .and_then(|bytes| simdutf8::basic::from_utf8(bytes).ok())
                    .unwrap_or_default()
                    .to_string();
                from = end;
                s
            })
            .collect()
    }

    fn body_chars(&self, at: usize) -> usize {
        self.bodies.get(at).map_or(0, |b| b.chars as usize)
    }

    fn jump_pages(&self, at: usize) -> (Option<String>, Option<String>) {
        self.jumps.get(&at).cloned().unwrap_or_default()
    }

    fn body_digest(&self, at: usize) -> Option<u64> {
        self.digests.get(at).copied()
    }
}

/// The static name of a decoder's encoding (`corpus::decode` names them as
/// `encoding_rs` does).
fn encoding_name(name: &str) -> Option<&'static str> {
    encoding_rs::Encoding::for_label(name.as_bytes())
        .map(|e| e.name())
        .filter(|n| *n == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(size: u64) -> ShardKey {
        ShardKey {
            version: FORMAT_VERSION,
            program: ProgramStamp {
                size: 1,
                mtime_ns: 2,
            },
            rel: "2024/a.txt".to_string(),
            file: FileStamp {
                size,
                mtime_ns: 3,
                ctime_ns: 4,
                inode: 5,
            },
        }
    }

    fn issue() -> Issue {
        let text = "社区治理有新招\n\n本报讯 小区居民议事会成立。\n";
        crate::corpus::parse_issue_with(
            Path::new("/c/2024/a.txt"),
            "2024/a.txt",
            text.as_bytes(),
            &[],
            &Default::default(),
        )
        .unwrap()
    }

    fn none() -> Habits {
        Habits::default()
    }

    /// Habits learned from three issues each holding `line` as a head line
    /// over another story.
    fn habits_with(line: &str) -> Habits {
        let pages: Vec<_> = ["某地新闻标题", "另一条新闻", "第三条新闻"]
            .iter()
            .map(|t| {
                let page = format!("{line}\n\n{t}\n\n本报讯 这是一篇很长的正文，说了很多事情。\n");
                crate::segment::page_lines(&page)
            })
            .collect();
        Habits::learn(&pages)
    }

    /// A shard stays valid under habits learned anew that do not bear on its
    /// page (the second start after the first learned a corpus's habits), and
    /// is refused under habits that do, until cut again with them.
    #[test]
    fn shards_are_keyed_by_the_habits_that_bear_on_their_page() {
        let issue = issue();
        let elsewhere = habits_with("今日关注");
        let here = habits_with("社区治理有新招");
        assert!(!elsewhere.is_empty() && !here.is_empty());
        let plain = encode(&key(10), &issue, &none()).unwrap();
        assert!(decode(&plain, &key(10), &elsewhere, &issue.path).is_some());
        assert!(decode(&plain, &key(10), &here, &issue.path).is_none());
        let cut = encode(&key(10), &issue, &here).unwrap();
        assert!(decode(&cut, &key(10), &here, &issue.path).is_some());
        assert!(decode(&cut, &key(10), &none(), &issue.path).is_none());
    }

    #[test]
    fn shards_round_trip_and_refuse_damage_or_staleness() {
        let issue = issue();
        assert!(!issue.articles.is_empty());
        let bytes = encode(&key(10), &issue, &none()).unwrap();
        let back = decode(&bytes, &key(10), &none(), &issue.path).unwrap();
        assert_eq!(back.articles, issue.articles);
        assert_eq!(
            (back.rel.as_str(), back.encoding, back.bytes, &back.date),
            (issue.rel.as_str(), issue.encoding, issue.bytes, &issue.date)
        );
        assert!(
            decode(&bytes, &key(11), &none(), &issue.path).is_none(),
            "stale"
        );
        for cut in [0, 5, 16, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut], &key(10), &none(), &issue.path).is_none());
        }
        for at in [0, 9, 17, bytes.len() - 1] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x40;
            assert!(decode(&flipped, &key(10), &none(), &issue.path).is_none());
        }
    }

    /// A shard read with its bodies left in the pack gives each body's digest
    /// as recorded, equal to the digest of the body read, so the suggestion
    /// features of the issue are found by the same digest as for its fresh cut.
    #[test]
    fn stored_bodies_give_the_digest_of_their_paragraphs() {
        use std::io::Write;
        let issue = issue();
        let bytes = encode(&key(10), &issue, &none()).unwrap();
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(b"xx").unwrap();
        file.write_all(&bytes).unwrap();
        let source = BodySource::File(Arc::new(file));
        let stored = decode_stored(&bytes, 2, source, &key(10), &none(), &issue.path).unwrap();
        let recorded: Vec<u64> = stored
            .articles
            .iter()
            .map(|a| a.paragraphs.digest())
            .collect();
        let read: Vec<u64> = stored
            .articles
            .iter()
            .map(|a| crate::article::body_digest(&a.paragraphs.read()))
            .collect();
        let fresh: Vec<u64> = issue
            .articles
            .iter()
            .map(|a| crate::article::body_digest(&a.paragraphs))
            .collect();
        assert_eq!(recorded, fresh);
        assert_eq!(read, fresh);
        assert_eq!(
            crate::cache::features::digest(&stored.articles),
            crate::cache::features::digest(&issue.articles)
        );
        // A body changed after it was read is digested as it is now.
        let mut changed = stored.articles[0].clone();
        changed.paragraphs.push("又一段。".to_string());
        assert_ne!(changed.paragraphs.digest(), recorded[0]);
        assert_eq!(
            changed.paragraphs.digest(),
            crate::article::body_digest(&changed.paragraphs)
        );
    }

    fn article() -> impl proptest::strategy::Strategy<Value = Article> {
        use proptest::prelude::*;
        let text = || "\\PC{0,12}";
        (
            (text(), text(), text(), text(), text()),
            (
                0..Kind::ALL.len(),
                any::<u8>(),
                0..1_000usize,
                0..100_000usize,
            ),
            prop::collection::vec(text(), 0..6),
        )
            .prop_map(
                |(
                    (id, kicker, title, subtitle, byline),
                    (kind, doubts, index, line),
                    paragraphs,
                )| {
                    Article {
                        id,
                        index,
                        line,
                        kind: Kind::ALL[kind],
                        kicker,
                        title,
                        subtitle,
                        byline,
                        paragraphs: paragraphs.into(),
                        doubts: Doubts::from_bits(doubts),
                    }
                },
            )
    }

    proptest::proptest! {
        /// Any articles (any text, kinds, doubts, paragraph counts) come back
        /// from their shard as they went in.
        #[test]
        fn any_articles_round_trip(articles in proptest::collection::vec(article(), 0..8)) {
            let mut issue = issue();
            issue.articles = articles.into();
            let bytes = encode(&key(1), &issue, &none()).unwrap();
            let back = decode(&bytes, &key(1), &none(), &issue.path).unwrap();
            proptest::prop_assert_eq!(&back.articles[..], &issue.articles[..]);
        }
    }

    #[test]
    fn every_encoding_the_decoder_names_is_known() {
        for name in ["UTF-8", "UTF-16LE", "UTF-16BE", "gb18030", "Big5"] {
            assert_eq!(encoding_name(name), Some(name));
        }
        assert_eq!(encoding_name("nonsense"), None);
    }
}
