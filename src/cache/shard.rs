//! One shard: the segmented articles of one issue file, as bytes on disk.
//!
//! A shard is `MAGIC`, the xxh3 checksum of what follows up to the bodies, the
//! length of the part it covers, then that part: a head (postcard) with its
//! [`ShardKey`], the issue's fields, a table of numbers per article and each
//! article's body digest, then the text of every article's short strings (id,
//! kicker, title, subtitle, byline), validated as UTF-8 once (strings one by
//! one cost a sixth of a warm load). The bodies' text follows, outside the
//! checksum: a warm load reads, hashes and validates only the part before it
//! (a tenth of the shard), and each body is checked against its digest when it
//! is read ([`decode`] checks all of them; a body left in the pack is checked
//! each time it is read, and when one is not as written its issue is cut
//! afresh from its file, once, and the shard noted as damaged for the loads to
//! come: see [`super::damage`]). It holds the
//! issue as `corpus::read_issue` cuts it *before* corrections. It is trusted
//! only when magic, checksum, key and body digests all agree; anything else (a
//! truncated, flipped, foreign or stale file) decodes to `None`, and the caller
//! cuts the file afresh.

use crate::article::{Article, BodyStore, Doubts, Issue, Kind, Paragraphs};
use crate::segment::habits::Habits;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const MAGIC: &[u8; 8] = b"NTSHARD\n";

/// Bump when segmentation, meta reading or the shard layout change in a way the
/// program stamp would not catch (the stamp changes with every build anyway).
pub const FORMAT_VERSION: u32 = 7;

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
/// trusted by another build; nor are they when the config adds other words to
/// the lexicon (`[lexicon]`) or sets other thresholds (`[measures]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramStamp {
    pub size: u64,
    pub mtime_ns: u128,
    /// The digest of the config's settings of segmentation, its additions to
    /// the lexicon and its measures (0 when it has none).
    pub segmentation: u64,
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
                    segmentation: crate::segment::settings_digest(),
                })
            })
            .clone()
    }
}

pub use crate::file_stamp::FileStamp;

/// The issue as stored, but for its text: everything of [`Issue`] but its path
/// on disk, and per article a row of numbers (see [`row`]); the short strings
/// of every article follow the head as one UTF-8 text, validated once, then
/// (outside the checksum) the bodies' paragraphs.
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

/// Bytes before the checked part: magic, checksum, the checked part's length.
const PREAMBLE: usize = 24;

/// The shard bytes of `issue` (cut without corrections, with `habits`) for `key`.
pub fn encode(key: &ShardKey, issue: &Issue, habits: &Habits) -> Option<Vec<u8>> {
    let mut table = Vec::with_capacity(issue.articles.len() * 16);
    let mut meta = String::with_capacity(
        (issue.articles.iter())
            .map(|a| {
                a.id.len() + a.kicker.len() + a.title.len() + a.subtitle.len() + a.byline.len()
            })
            .sum(),
    );
    let mut text = String::with_capacity(
        (issue.articles.iter())
            .flat_map(|a| a.paragraphs.iter())
            .map(String::len)
            .sum(),
    );
    let mut jumps = Vec::new();
    let mut bodies = Vec::with_capacity(issue.articles.len());
    for (i, a) in issue.articles.iter().enumerate() {
        row(a, &mut table)?;
        bodies.push(a.paragraphs.digest());
        [&a.id, &a.kicker, &a.title, &a.subtitle, &a.byline]
            .into_iter()
            .for_each(|s| meta.push_str(s));
        a.paragraphs.iter().for_each(|p| text.push_str(p));
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
    let mut checked = postcard::to_stdvec(&head).ok()?;
    checked.extend_from_slice(meta.as_bytes());
    let len = (checked.len() as u64).to_le_bytes();
    let mut sum = xxhash_rust::xxh3::Xxh3::new();
    sum.update(&len);
    sum.update(&checked);
    let mut out = Vec::with_capacity(PREAMBLE + checked.len() + text.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&sum.digest().to_le_bytes());
    out.extend_from_slice(&len);
    out.extend_from_slice(&checked);
    out.extend_from_slice(text.as_bytes());
    Some(out)
}

/// How many bytes from its start a shard beginning with `bytes` needs read
/// for [`decode_stored`] (all but the bodies); `None` when `bytes` are too
/// few to tell, or are no shard.
pub fn checked_len(bytes: &[u8]) -> Option<usize> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let len = rest.get(8..16)?;
    let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
    len.checked_add(PREAMBLE)
}

/// A shard opened: its head, its articles' short strings, and what follows
/// them in the bytes given (the bodies, or as much of them as was read).
struct Opened<'a> {
    head: Head,
    meta: &'a str,
    /// Where the bodies start in the shard.
    bodies_at: usize,
    bodies: &'a [u8],
}

/// The head and short strings of shard `bytes` (the bodies need not be
/// there), when they are whole, made for `key` and cut as `habits` cut the
/// page.
fn open<'a>(bytes: &'a [u8], key: &ShardKey, habits: &Habits) -> Option<Opened<'a>> {
    let end = checked_len(bytes)?;
    let checked = bytes.get(PREAMBLE..end)?;
    let sum = u64::from_le_bytes(bytes.get(8..16)?.try_into().ok()?);
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    hash.update(bytes.get(16..PREAMBLE)?);
    hash.update(checked);
    if hash.digest() != sum {
        return None;
    }
    let (head, meta): (Head, &[u8]) = postcard::take_from_bytes(checked).ok()?;
    if head.key != *key || habits.digest_on(&head.habit_lines) != head.habits {
        return None;
    }
    let meta = simdutf8::basic::from_utf8(meta).ok()?;
    Some(Opened {
        head,
        meta,
        bodies_at: end,
        bodies: bytes.get(end..)?,
    })
}

/// The paragraphs `lens` long at the start of `bytes`, when their
/// [`crate::article::body_digest`] is `digest` (they are as written).
fn checked_body(bytes: &[u8], lens: &[u32], digest: u64) -> Option<Vec<String>> {
    let mut from = 0usize;
    let mut parts = Vec::with_capacity(lens.len());
    for &len in lens {
        let end = from.checked_add(len as usize)?;
        parts.push(bytes.get(from..end)?);
        from = end;
    }
    if crate::article::body_digest_of_bytes(parts.iter().copied()) != digest {
        return None;
    }
    parts
        .into_iter()
        .map(|p| simdutf8::basic::from_utf8(p).ok().map(str::to_string))
        .collect()
}

/// The issue at `path` from shard `bytes`, when they are whole (every body
/// checked against its digest), made for `key` and cut as `habits` cut the
/// page.
pub fn decode(bytes: &[u8], key: &ShardKey, habits: &Habits, path: &Path) -> Option<Issue> {
    let opened = open(bytes, key, habits)?;
    let (head, bodies) = (&opened.head, opened.bodies);
    let mut at = 0usize;
    let mut n = 0usize;
    let count = head.bodies.len();
    let articles = articles(&head.table, opened.meta, count, &mut |_, lens| {
        let digest = *head.bodies.get(n)?;
        n += 1;
        let body = checked_body(bodies.get(at..)?, lens, digest)?;
        at += lens.iter().map(|&l| l as usize).sum::<usize>();
        Some(body.into())
    })?;
    if at != bodies.len() || n != head.bodies.len() {
        return None;
    }
    issue(opened.head, path, articles.into())
}

/// Where bodies left in the pack are read from when used.
#[derive(Debug, Clone)]
pub enum BodySource {
    /// The pack mapped into memory (a command that reads each body at most
    /// once: the pages it touches stay counted in its memory until it ends).
    Map(Arc<memmap2::Mmap>),
    /// The pack file, read afresh at each use (the TUI, which runs long and
    /// passes over every body, and the commands that read next to no body:
    /// a body read is memory only while it is held).
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

/// Where a shard's bodies are left: the source they are read from, and the
/// damage of the cache they belong to, where a body found damaged is noted
/// (`None`: not noted, for a shard of no cache).
#[derive(Debug, Clone)]
pub struct Left {
    pub source: BodySource,
    pub damage: Option<Arc<super::damage::DamagedShards>>,
}

/// Like [`decode`], for the shard found at `place` (offset and whole length)
/// of a pack, of which `bytes` are at least the first [`checked_len`]: the
/// articles' bodies are left in the pack and read from `left` only when used
/// ([`Paragraphs::stored`]), each checked against its digest then.
pub fn decode_stored(
    bytes: &[u8],
    place: (usize, usize),
    left: Left,
    key: &ShardKey,
    habits: &Arc<Habits>,
    path: &Path,
) -> Option<Issue> {
    let (at, len) = place;
    let opened = open(bytes, key, habits)?;
    let mut head = opened.head;
    // Room for every article and paragraph the head counts (one digest an
    // article; the table's numbers beyond each article's row are its
    // paragraphs' lengths), taken once: grown push by push, these vectors
    // and the articles' took a third of the time decoding the shards of a
    // warm start (perf).
    let count = head.bodies.len();
    let paragraphs = (head.table.len()).saturating_sub(count.saturating_mul(ROW_FIXED + 5));
    let mut bodies = StoredBodies {
        source: left.source,
        text_at: at.checked_add(opened.bodies_at)?,
        bodies: Vec::with_capacity(count),
        lens: Vec::with_capacity(paragraphs),
        jumps: HashMap::new(),
        digests: Vec::new(),
        origin: Origin {
            path: path.to_path_buf(),
            rel: head.key.rel.clone(),
            habits: Arc::clone(habits),
            damage: left.damage,
        },
        recut: std::sync::OnceLock::new(),
    };
    // The table is walked twice: once to check every row against the short
    // strings and to place the bodies, then to make the articles straight
    // into the issue's shared slice (made from a vector, they were copied
    // into it: a twenty-fifth of a warm start's CPU).
    let mut from = 0usize;
    let mut rows = head.table.as_slice();
    let mut strings_at = 0usize;
    while let Some((fixed, lens)) = next_row(&mut rows)? {
        Kind::ALL.get(fixed[0] as usize)?;
        u8::try_from(fixed[1]).ok()?;
        for &len in &lens[..5] {
            let end = strings_at.checked_add(len as usize)?;
            opened.meta.get(strings_at..end)?;
            strings_at = end;
        }
        let paragraphs = &lens[5..];
        bodies.bodies.push(BodyAt {
            at: u32::try_from(from).ok()?,
            lens_from: u32::try_from(bodies.lens.len()).ok()?,
            n: u32::try_from(paragraphs.len()).ok()?,
            chars: fixed[5],
        });
        from = from.checked_add(paragraphs.iter().map(|&l| l as usize).sum())?;
        bodies.lens.extend_from_slice(paragraphs);
    }
    // The rows take every short string, one row an article, and the bodies
    // fill the rest of the shard exactly.
    if strings_at != opened.meta.len()
        || bodies.bodies.len() != count
        || opened.bodies_at.checked_add(from)? != len
    {
        return None;
    }
    bodies.jumps = head
        .jumps
        .iter()
        .map(|(a, back, onward)| (*a as usize, (back.clone(), onward.clone())))
        .collect();
    bodies.digests = std::mem::take(&mut head.bodies);
    bodies.bodies.shrink_to_fit();
    bodies.lens.shrink_to_fit();
    let store: Arc<dyn BodyStore> = Arc::new(bodies);
    let mut rows = head.table.as_slice();
    let mut take = Take {
        text: opened.meta,
        at: 0,
    };
    // Checked above: every row is there and whole (the defaults are never
    // taken), and an iterator of known length fills the slice in place.
    let articles: Arc<[Article]> = (0..count)
        .map(|i| {
            let (fixed, lens) = next_row(&mut rows).flatten().unwrap_or_default();
            let number = |k: usize| fixed.get(k).copied().unwrap_or_default();
            let mut string = |k: usize| {
                let len = lens.get(k).copied().unwrap_or_default();
                take.take(len).map(str::to_string).unwrap_or_default()
            };
            Article {
                id: string(0),
                index: number(2) as usize,
                line: number(3) as usize,
                kind: Kind::ALL
                    .get(number(0) as usize)
                    .copied()
                    .unwrap_or_default(),
                kicker: string(1),
                title: string(2),
                subtitle: string(3),
                byline: string(4),
                paragraphs: Paragraphs::stored(Arc::clone(&store), i),
                doubts: Doubts::from_bits(u8::try_from(number(1)).unwrap_or_default()),
            }
        })
        .collect();
    issue(head, path, articles)
}

/// The next row of a shard's table (`rows`, taken from its front): its fixed
/// numbers and the lengths of its strings, then of its paragraphs; `Some(None)`
/// at the end of the table, `None` when the row is cut short.
#[allow(clippy::type_complexity)]
fn next_row<'t>(rows: &mut &'t [u32]) -> Option<Option<(&'t [u32], &'t [u32])>> {
    if rows.is_empty() {
        return Some(None);
    }
    let (fixed, rest) = rows.split_at_checked(ROW_FIXED)?;
    let n_par = fixed[4] as usize;
    let (lens, rest) = rest.split_at_checked(n_par.checked_add(5)?)?;
    *rows = rest;
    Some(Some((fixed, lens)))
}

fn issue(head: Head, path: &Path, articles: Arc<[Article]>) -> Option<Issue> {
    Some(Issue {
        path: path.to_path_buf(),
        rel: head.key.rel,
        date: head.date,
        page: head.page,
        encoding: encoding_name(&head.encoding)?,
        bytes: head.bytes,
        articles,
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
/// characters and the byte lengths of its paragraphs (the bodies follow one
/// another in the order of the articles).
type BodyOf<'f> = dyn FnMut(u32, &[u32]) -> Option<Paragraphs> + 'f;

/// The articles of `table` over the short strings `meta` (`count` of them, as
/// the shard's head says), their paragraphs made by `body`; `None` when they
/// do not fit together.
fn articles(
    table: &[u32],
    meta: &str,
    count: usize,
    body: &mut BodyOf<'_>,
) -> Option<Vec<Article>> {
    let mut out = Vec::with_capacity(count);
    let mut t = table;
    let mut take = Take { text: meta, at: 0 };
    while let Some((fixed, lens)) = next_row(&mut t)? {
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
            paragraphs: body(fixed[5], &lens[5..])?,
            doubts: Doubts::from_bits(u8::try_from(fixed[1]).ok()?),
        });
    }
    (take.at == meta.len()).then_some(out)
}

/// The place of one stored body in its shard's bodies (one per article of the
/// corpus, held while it is open: 16 bytes, not 32 as in `usize`s).
#[derive(Debug)]
struct BodyAt {
    /// Byte offset in the bodies.
    at: u32,
    /// Its paragraphs' lengths: `lens[lens_from..lens_from + n]`.
    lens_from: u32,
    n: u32,
    chars: u32,
}

/// Where a stored issue came from, to cut it afresh when a body of it is
/// found damaged in the pack, and where to note that.
#[derive(Debug)]
struct Origin {
    path: PathBuf,
    rel: String,
    habits: Arc<Habits>,
    damage: Option<Arc<super::damage::DamagedShards>>,
}

/// The bodies of one issue's articles, left in the pack.
#[derive(Debug)]
struct StoredBodies {
    source: BodySource,
    /// Where the shard's bodies start in the pack.
    text_at: usize,
    bodies: Vec<BodyAt>,
    lens: Vec<u32>,
    jumps: HashMap<usize, (Option<String>, Option<String>)>,
    /// Per article, the digest of its paragraphs.
    digests: Vec<u64>,
    origin: Origin,
    /// Once a body is found damaged: every article's body from the issue cut
    /// afresh (see [`StoredBodies::recut`]), cut once however often read.
    recut: std::sync::OnceLock<Vec<Vec<String>>>,
}

impl StoredBodies {
    /// The paragraphs of article `at` as written, when they read back so.
    fn checked(&self, at: usize) -> Option<Vec<String>> {
        let b = self.bodies.get(at)?;
        let from = b.lens_from as usize;
        let lens = self.lens.get(from..from + b.n as usize)?;
        let total = lens.iter().map(|&len| len as usize).sum();
        let bytes = self.source.bytes(self.text_at + b.at as usize, total)?;
        checked_body(&bytes, lens, *self.digests.get(at)?)
    }

    /// The body of article `at` when the pack no longer holds it as written:
    /// the shard is noted as damaged (the next load cuts its issue afresh and
    /// writes the pack again without it) and the issue is cut afresh from its
    /// file, once, with the habits it was stored under; an article's body is
    /// given when it is the one stored (same digest), else none (the file
    /// changed since it was loaded: never another text).
    fn recut(&self, at: usize) -> Vec<String> {
        let bodies = self.recut.get_or_init(|| {
            let o = &self.origin;
            if let Some(damage) = &o.damage {
                damage.found(super::shard_name(&o.rel));
            }
            let Ok(issue) = crate::corpus::read_issue(&o.path, &o.rel, &[], &o.habits) else {
                return Vec::new();
            };
            issue
                .articles
                .iter()
                .zip(&self.digests)
                .map(|(a, &digest)| {
                    if a.paragraphs.digest() == digest {
                        a.paragraphs.to_vec()
                    } else {
                        Vec::new()
                    }
                })
                .collect()
        });
        bodies.get(at).cloned().unwrap_or_default()
    }
}

impl BodyStore for StoredBodies {
    fn paragraphs(&self, at: usize) -> Vec<String> {
        if at >= self.bodies.len() {
            return Vec::new();
        }
        self.checked(at).unwrap_or_else(|| self.recut(at))
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
                segmentation: 0,
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
        let left = Left {
            source: BodySource::File(Arc::new(file)),
            damage: None,
        };
        // Only the part before the bodies is given: they are read when used.
        let head = &bytes[..checked_len(&bytes).unwrap()];
        assert!(head.len() < bytes.len());
        let place = (2, bytes.len());
        let stored =
            decode_stored(head, place, left, &key(10), &Arc::new(none()), &issue.path).unwrap();
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

    /// A body damaged in the pack after its shard was opened (the checksum
    /// does not cover bodies) is never served: its issue is cut afresh from
    /// its file, once however often the body is read, and the shard is noted
    /// as damaged; the pack stays. When the file changed before the cut, the
    /// body comes back empty, not as another text.
    #[test]
    fn a_damaged_stored_body_is_cut_afresh_once_and_noted() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        let text = "社区治理有新招\n\n本报讯 小区居民议事会成立。\n\n第二段说了别的事。\n";
        std::fs::write(&file, text).unwrap();
        let habits = Arc::new(none());
        let issue = crate::corpus::read_issue(&file, "a.txt", &[], &habits).unwrap();
        let mut key = key(10);
        key.rel = "a.txt".to_string();
        let bytes = encode(&key, &issue, &habits).unwrap();
        let pack = dir.path().join("pack");
        let body_at = checked_len(&bytes).unwrap();
        let open = |flip: Option<usize>| {
            let mut damaged = bytes.clone();
            if let Some(at) = flip {
                damaged[at] ^= 0x20;
            }
            let mut f = std::fs::File::create(&pack).unwrap();
            f.write_all(&damaged).unwrap();
            let left = Left {
                source: BodySource::File(Arc::new(std::fs::File::open(&pack).unwrap())),
                damage: Some(Arc::new(super::super::damage::DamagedShards::read(
                    dir.path(),
                ))),
            };
            decode_stored(&bytes, (0, bytes.len()), left, &key, &habits, &file).unwrap()
        };
        let bodies = |i: &Issue| -> Vec<Vec<String>> {
            i.articles.iter().map(|a| a.paragraphs.to_vec()).collect()
        };
        let noted = || {
            super::super::damage::DamagedShards::read(dir.path())
                .shuns(super::super::shard_name("a.txt"))
        };
        let fresh = bodies(&issue);
        assert!(fresh.iter().any(|b| !b.is_empty()));
        let good = open(None);
        assert_eq!(bodies(&good), fresh);
        assert!(!noted(), "a sound body is not noted");
        let damaged = open(Some(bytes.len() - 2));
        assert_ne!(bytes[body_at..], std::fs::read(&pack).unwrap()[body_at..]);
        assert_eq!(bodies(&damaged), fresh);
        assert!(pack.exists(), "the pack stays");
        assert!(noted(), "the damaged shard is noted");
        // Cut once: read again after the file changed, the bodies are those cut
        // then.
        std::fs::write(&file, "别的报纸\n\n本报讯 完全不同的正文。\n").unwrap();
        assert_eq!(bodies(&damaged), fresh);
        // Damaged, and the file changed before it was cut: no text rather than
        // another.
        let damaged = open(Some(body_at + 1));
        let read = bodies(&damaged);
        let differ: Vec<usize> = (0..read.len()).filter(|&i| read[i] != fresh[i]).collect();
        assert_eq!(differ.len(), 1, "{read:?}");
        assert!(read[differ[0]].is_empty());
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
