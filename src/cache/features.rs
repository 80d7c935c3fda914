//! The suggestion features of a corpus kept between sessions (issue 17): the
//! words (character pairs) of every article and the keywords found in it,
//! which the suggestion scorer otherwise finds again at every start, in the
//! corpus's cache folder as one file, `suggest`.
//!
//! Each issue's entry is found by a digest of its articles' text (what the
//! words are cut from), so whatever changed an issue (its file, a correction,
//! the corpus's habits) makes it be cut again, and only it; the file is
//! written again when an issue was cut or is gone, or the tags' keywords
//! changed. The keywords found in each article are kept with the digest of
//! the keywords they were found with; after the keywords changed they are
//! found again, cutting only the paragraphs where a keyword may be. The file
//! holds the program's stamp (another build may cut otherwise) and a
//! checksum; a file that does not match is not used, and rewritten.
//!
//! The words' texts and the number of articles holding each are kept too, as
//! one table sorted by id (what [`Vocabulary`] holds), with a digest of the
//! list of issue digests they were counted over: when the corpus is as it
//! was, they are taken as they are.
//!
//! Layout (little-endian): `MAGIC`, the program's size (u64), modification
//! time (u128) and lexicon additions' digest (u64), then the payload: the keywords' digest (u128), the corpus's
//! digest (u128, of its issues' digests in order), the counts (u64 each) of
//! issues, articles, keywords found, word ids and words; per issue its
//! digest (u128), article count (u32) and four bytes of padding; per article
//! its length, word count and keyword count (u32 each); per keyword found its
//! index (u32) and count (u16) and whether it is in the title (u16, 0 or 1);
//! the word ids of every article in turn (u32 each, at an offset that is a
//! multiple of four, so that they are read in place from the mapped file);
//! per word, by id, its id (u32), articles holding it (u32), byte length
//! (u32) and text; last, the xxh3 of the payload (u64).

use super::corpus_dir;
use super::shard::ProgramStamp;
use crate::article::Article;
use crate::config::TagDef;
use crate::suggest::features::{Hit, KeywordSet, SharedWordIds, WordId, Words};
use crate::suggest::index::{Known, Vocabulary};
use crate::suggest::{ArticleFeatures, SuggestIndex};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;
use xxhash_rust::xxh3::Xxh3;

/// The name of the file in a corpus's cache folder.
pub const FILE_NAME: &str = "suggest";

const MAGIC: &[u8; 8] = b"NTWORDS5";

/// The digest of the text of an issue's `articles` that suggestions look at
/// (heading parts and paragraphs); a body left in the corpus cache is not
/// read: the digest of its paragraphs was recorded with it
/// ([`crate::article::Paragraphs::digest`]).
pub fn digest(articles: &[Article]) -> u128 {
    fn put(h: &mut Xxh3, s: &str) {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    }
    let mut h = Xxh3::new();
    put(&mut h, &articles.len().to_string());
    for a in articles {
        put(&mut h, &a.kicker);
        put(&mut h, &a.title);
        put(&mut h, &a.subtitle);
        h.update(&a.paragraphs.digest().to_le_bytes());
    }
    h.digest128()
}

/// [`SuggestIndex::build_articles`] for the corpus at `root`, taking the words
/// of the issues unchanged since the last session from its cache, and keeping
/// them there for the next (see the module docs). Without a cache folder it
/// builds the index afresh.
pub fn build(
    root: &Path,
    issues: &[&[Article]],
    tags: &[TagDef],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> SuggestIndex {
    build_prefetched(root, issues, tags, progress, None)
}

/// [`build`], the cache file taken from `prefetch` (read while the corpus
/// loaded) when it is this corpus's.
pub fn build_prefetched(
    root: &Path,
    issues: &[&[Article]],
    tags: &[TagDef],
    progress: &(dyn Fn(usize, usize) + Sync),
    prefetch: Option<Prefetch>,
) -> SuggestIndex {
    match corpus_dir(root) {
        Some(dir) => build_from(&dir, issues, tags, progress, prefetch),
        None => SuggestIndex::build_articles(issues, tags, progress),
    }
}

/// The cache file of a corpus's suggestion features, read in the background
/// from the start of a session, so that suggestions are ready soon after the
/// corpus has loaded instead of reading it then (a second on 10,000 issues).
pub struct Prefetch {
    path: std::path::PathBuf,
    read: std::thread::JoinHandle<Option<Stored>>,
}

impl std::fmt::Debug for Prefetch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prefetch")
            .field("path", &self.path)
            .finish()
    }
}

/// Start reading the suggestion features cached for the corpus at `root`;
/// `None` when there is no such file (or no thread to read it on).
pub fn prefetch(root: &Path) -> Option<Prefetch> {
    let program = ProgramStamp::current()?;
    let path = corpus_dir(root)?.join(FILE_NAME);
    if !path.is_file() {
        return None;
    }
    let from = path.clone();
    let read = std::thread::Builder::new()
        .name("newstag-suggest-cache".into())
        .spawn(move || {
            let stored = read(&from, &program);
            super::timing::mark("suggest: cache prefetched");
            stored
        })
        .ok()?;
    Some(Prefetch { path, read })
}

/// [`build`] with the cache folder of the corpus `dir`.
pub fn build_in(
    dir: &Path,
    issues: &[&[Article]],
    tags: &[TagDef],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> SuggestIndex {
    build_from(dir, issues, tags, progress, None)
}

fn build_from(
    dir: &Path,
    issues: &[&[Article]],
    tags: &[TagDef],
    progress: &(dyn Fn(usize, usize) + Sync),
    prefetch: Option<Prefetch>,
) -> SuggestIndex {
    let Some(program) = ProgramStamp::current() else {
        return SuggestIndex::build_articles(issues, tags, progress);
    };
    let path = dir.join(FILE_NAME);
    let digests: Vec<u128> = issues.par_iter().map(|a| digest(a)).collect();
    super::timing::mark("suggest: digests");
    let keywords = KeywordSet::new(tags).digest();
    let corpus = corpus_digest(&digests);
    let stored = match prefetch {
        Some(p) if p.path == path => p.read.join().ok().flatten(),
        _ => read(&path, &program),
    };
    let Stored {
        mut by_digest,
        vocabulary,
        found_with,
        corpus: counted_over,
    } = stored.unwrap_or_default();
    let stored = &mut by_digest;
    super::timing::mark("suggest: cache read");
    let entries = stored.len();
    let mut known = Vec::with_capacity(issues.len());
    let mut first: HashMap<u128, usize> = HashMap::new();
    for (i, d) in digests.iter().enumerate() {
        let f = match stored.remove(d) {
            Some(f) => Some(f),
            // Two issues of one text: the first one's words.
            None => first.get(d).and_then(|&j| known.get(j).cloned().flatten()),
        };
        first.entry(*d).or_insert(i);
        known.push(f);
    }
    drop(by_digest);
    let reused = known.iter().filter(|k| k.is_some()).count();
    let index = SuggestIndex::build_reusing(
        issues,
        tags,
        progress,
        Known {
            issues: known,
            vocabulary,
            whole: counted_over == corpus,
            with_hits: found_with == keywords,
        },
    );
    super::timing::mark("suggest: features");
    if reused < issues.len()
        || entries != first.len()
        || found_with != keywords
        || counted_over != corpus
    {
        write(dir, &path, &program, (keywords, corpus, &digests), &index);
        super::timing::mark("suggest: cache written");
    }
    index
}

/// The digest of a corpus's list of issue digests, in order.
fn corpus_digest(digests: &[u128]) -> u128 {
    let mut h = Xxh3::new();
    for d in digests {
        h.update(&d.to_le_bytes());
    }
    h.digest128()
}

/// What the file keeps.
#[derive(Default)]
struct Stored {
    /// Features by issue digest.
    by_digest: HashMap<u128, Vec<ArticleFeatures>>,
    /// The words, counted over the corpus of digest `corpus`.
    vocabulary: Vocabulary,
    /// The digest of the keywords the hits were found with.
    found_with: u128,
    corpus: u128,
}

/// The words kept at `path` by `program`, by issue digest, and their texts;
/// `None` when the file is missing, damaged or another program's. The file is
/// mapped into memory and its checksum taken over it (its pages let go of as
/// they are hashed); the articles' word ids are then read in place
/// ([`Words::shared`]): they are most of the file (a third of the size of
/// the corpus), and decoding them into a vector an article took most of a
/// warm start's reading of this file and as much memory again. Decoding
/// trusts no count: every section is checked to be in the file before it is
/// read, and the counts to add up.
fn read(path: &Path, program: &ProgramStamp) -> Option<Stored> {
    let file = crate::regular_file::open(path).ok()?;
    // SAFETY: newstag never writes this file in place (it writes a temporary
    // file and renames it over the old one, whose pages stay as they were for
    // a process that maps it). Another program truncating it while it is
    // mapped would make reading the lost pages fault; every byte is checked
    // against the checksum before it is used.
    let map = Arc::new(unsafe { memmap2::Mmap::map(&file) }.ok()?);
    let head = map.get(..PAYLOAD_AT)?;
    if &head[..8] != MAGIC || head[8..] != stamp(program)[..] {
        return None;
    }
    let end = map.len().checked_sub(8)?;
    let sum = u64::from_le_bytes(map.get(end..)?.try_into().ok()?);
    if end < PAYLOAD_AT || checksum(&map, PAYLOAD_AT, end) != sum {
        return None;
    }
    decode(&map, end)
}

/// Bytes before the payload: magic and the program's stamp.
const PAYLOAD_AT: usize = 40;

/// Bytes of a mapped file hashed at a time before their pages are let go of.
const HASH_CHUNK: usize = 8 << 20;

/// The xxh3 of `map[from..to]`, its pages let go of once hashed: reading
/// them put them in the process's memory, where most (the word ids) are
/// not needed before the articles holding them are scored, and then map
/// again from the page cache.
fn checksum(map: &memmap2::Mmap, from: usize, to: usize) -> u64 {
    let mut hash = Xxh3::new();
    let mut at = from;
    while at < to {
        let end = at.saturating_add(HASH_CHUNK).min(to);
        hash.update(map.get(at..end).unwrap_or_default());
        let_go(map, at, end - at);
        at = end;
    }
    hash.digest()
}

#[cfg(unix)]
fn let_go(map: &memmap2::Mmap, at: usize, len: usize) {
    // SAFETY: the file is mapped shared and read-only and never written in
    // place (see `read`): a page let go of reads back the same bytes, so no
    // reference into the map sees its contents change. MADV_DONTNEED only
    // unmaps the pages.
    let _ = unsafe { map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, at, len) };
}

/// Elsewhere the pages stay mapped (memmap2 advises only on unix).
#[cfg(not(unix))]
fn let_go(_map: &memmap2::Mmap, _at: usize, _len: usize) {}

/// The word ids of a mapped file, read in place: `n` little-endian `u32`s
/// from offset `at`, which the file's layout keeps a multiple of four.
struct MappedIds {
    map: Arc<memmap2::Mmap>,
    at: usize,
    n: usize,
}

impl MappedIds {
    /// The ids as a slice, when the bytes can be one here (aligned, and the
    /// machine little-endian as the file).
    fn ids(&self) -> Option<&[WordId]> {
        let bytes = self
            .map
            .get(self.at..self.at.checked_add(self.n.checked_mul(4)?)?)?;
        if cfg!(target_endian = "big") {
            return None;
        }
        bytemuck::try_cast_slice(bytes).ok()
    }
}

impl AsRef<[WordId]> for MappedIds {
    fn as_ref(&self) -> &[WordId] {
        self.ids().unwrap_or_default()
    }
}

/// The payload of the mapped file `map`, from [`PAYLOAD_AT`] to `end` (see
/// the module docs); `None` when it does not decode or holds more than it
/// says.
fn decode(map: &Arc<memmap2::Mmap>, end: usize) -> Option<Stored> {
    let mut r = Cursor {
        bytes: map.get(..end)?,
        at: PAYLOAD_AT,
    };
    let found_with = r.u128()?;
    let corpus = r.u128()?;
    let counts: [usize; 5] = [r.u64()?, r.u64()?, r.u64()?, r.u64()?, r.u64()?]
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    let [n_issues, n_articles, n_hits, n_ids, n_words] = counts;
    // The sections, one after another.
    let mut issues = Cursor {
        bytes: r.bytes,
        at: r.skip(n_issues.checked_mul(ISSUE_BYTES)?)?,
    };
    let mut articles = Cursor {
        bytes: r.bytes,
        at: r.skip(n_articles.checked_mul(ARTICLE_BYTES)?)?,
    };
    let mut hits = Cursor {
        bytes: r.bytes,
        at: r.skip(n_hits.checked_mul(8)?)?,
    };
    let ids_at = r.skip(n_ids.checked_mul(4)?)?;
    let mapped = MappedIds {
        map: Arc::clone(map),
        at: ids_at,
        n: n_ids,
    };
    // Where the ids cannot be read in place, they are copied out once, all
    // together.
    let ids: SharedWordIds = match mapped.ids() {
        Some(_) => Arc::new(mapped),
        None => Arc::new(
            (map.get(ids_at..ids_at + n_ids * 4)?)
                .chunks_exact(4)
                .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
                .collect::<Vec<WordId>>(),
        ),
    };
    let mut by_digest = HashMap::with_capacity(n_issues);
    let (mut article_count, mut hit_count, mut word_at) = (0usize, 0usize, 0usize);
    for _ in 0..n_issues {
        let digest = issues.u128()?;
        let n = issues.u32()? as usize;
        issues.skip(4)?;
        article_count = article_count.checked_add(n)?;
        if article_count > n_articles {
            return None;
        }
        let mut features = Vec::with_capacity(n);
        for _ in 0..n {
            let length = articles.u32()?;
            let n_words = articles.u32()? as usize;
            let n_found = articles.u32()? as usize;
            let words = Words::shared(&ids, word_at, n_words)?;
            word_at += n_words;
            hit_count = hit_count.checked_add(n_found)?;
            if hit_count > n_hits {
                return None;
            }
            let found = (0..n_found)
                .map(|_| {
                    let keyword = hits.u32()?;
                    let more = hits.u32()?;
                    Some(Hit {
                        keyword,
                        count: (more & 0xffff) as u16,
                        in_title: more >> 16 == 1,
                    })
                })
                .collect::<Option<Vec<Hit>>>()?;
            features.push(ArticleFeatures {
                words,
                hits: found,
                length,
            });
        }
        by_digest.insert(digest, features);
    }
    if article_count != n_articles || hit_count != n_hits || word_at != n_ids {
        return None;
    }
    // The words' texts take what their ids, counts and lengths leave.
    let left = end.checked_sub(r.at)?;
    let text_len = left.checked_sub(n_words.checked_mul(12)?)?;
    let mut vocabulary = Vocabulary::with_capacity(n_words, text_len);
    for _ in 0..n_words {
        let id = r.u32()?;
        let df = r.u32()?;
        let len = r.u32()? as usize;
        let text = std::str::from_utf8(r.take(len)?).ok()?;
        if !vocabulary.push(id, df, text) {
            return None;
        }
    }
    (r.at == end).then_some(Stored {
        by_digest,
        vocabulary,
        found_with,
        corpus,
    })
}

/// Bytes of an issue's row: its digest, article count and four bytes of
/// padding (which keep the word ids aligned).
const ISSUE_BYTES: usize = 24;

/// Bytes of an article's row: its length, word count and keyword count.
const ARTICLE_BYTES: usize = 12;

/// The program's stamp as the file holds it.
fn stamp(program: &ProgramStamp) -> [u8; 32] {
    let mut out = [0u8; 32];
    out[..8].copy_from_slice(&program.size.to_le_bytes());
    out[8..24].copy_from_slice(&program.mtime_ns.to_le_bytes());
    out[24..].copy_from_slice(&program.segmentation.to_le_bytes());
    out
}

/// Reads a file's bytes in turn from `at`; every read checked to be there.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    /// The next `n` bytes.
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let out = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(out)
    }

    /// Pass over the next `n` bytes; where they started.
    fn skip(&mut self, n: usize) -> Option<usize> {
        let at = self.at;
        self.take(n)?;
        Some(at)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }
}

/// Keep the features of `index` (found with the keywords of digest
/// `keywords`, issues numbered as `digests`, of corpus digest `corpus`) at
/// `path`, with its vocabulary; nothing when it cannot be written.
fn write(
    dir: &Path,
    path: &Path,
    program: &ProgramStamp,
    digests: (u128, u128, &[u128]),
    index: &SuggestIndex,
) {
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let Ok(tmp) = crate::replace::temp_beside(path, ".tmp", "") else {
        return;
    };
    let mut out = BufWriter::with_capacity(1 << 20, tmp);
    let written = out
        .write_all(MAGIC)
        .and_then(|_| out.write_all(&stamp(program)))
        .and_then(|_| payload(&mut out, digests, index))
        .and_then(|sum| out.write_all(&sum.to_le_bytes()));
    if written.is_ok()
        && let Ok(tmp) = out.into_inner()
    {
        let _ = tmp.persist(path);
    }
}

/// Write the payload (see the module docs) to `out`; its xxh3.
fn payload(
    out: &mut impl Write,
    (keywords, corpus, digests): (u128, u128, &[u128]),
    index: &SuggestIndex,
) -> std::io::Result<u64> {
    let mut hash = Xxh3::new();
    let mut put = |out: &mut dyn Write, bytes: &[u8]| {
        hash.update(bytes);
        out.write_all(bytes)
    };
    let mut seen = HashSet::new();
    let issues: Vec<(u128, &[ArticleFeatures])> = digests
        .iter()
        .enumerate()
        .filter(|(_, d)| seen.insert(**d))
        .map(|(i, d)| (*d, index.issue_features(i)))
        .collect();
    let articles = || issues.iter().flat_map(|(_, a)| a.iter());
    let words = index.vocabulary();
    let counts = [
        issues.len(),
        articles().count(),
        articles().map(|a| a.hits.len()).sum(),
        articles().map(|a| a.words.len()).sum(),
        words.len(),
    ];
    put(out, &keywords.to_le_bytes())?;
    put(out, &corpus.to_le_bytes())?;
    for n in counts {
        put(out, &(n as u64).to_le_bytes())?;
    }
    let too_many = || std::io::Error::other("more than 2^32 in one article");
    let mut raw = Vec::new();
    for (digest, articles) in &issues {
        raw.clear();
        raw.extend_from_slice(&digest.to_le_bytes());
        let n = u32::try_from(articles.len()).map_err(|_| too_many())?;
        raw.extend_from_slice(&n.to_le_bytes());
        raw.extend_from_slice(&[0; 4]);
        put(out, &raw)?;
    }
    for a in articles() {
        raw.clear();
        raw.extend_from_slice(&a.length.to_le_bytes());
        for n in [a.words.len(), a.hits.len()] {
            let n = u32::try_from(n).map_err(|_| too_many())?;
            raw.extend_from_slice(&n.to_le_bytes());
        }
        put(out, &raw)?;
    }
    for a in articles() {
        raw.clear();
        for h in &a.hits {
            raw.extend_from_slice(&h.keyword.to_le_bytes());
            let more = u32::from(h.count) | (u32::from(h.in_title) << 16);
            raw.extend_from_slice(&more.to_le_bytes());
        }
        put(out, &raw)?;
    }
    for a in articles() {
        raw.clear();
        for w in &a.words {
            raw.extend_from_slice(&w.to_le_bytes());
        }
        put(out, &raw)?;
    }
    for (id, df, text) in words.iter() {
        raw.clear();
        raw.extend_from_slice(&id.to_le_bytes());
        raw.extend_from_slice(&df.to_le_bytes());
        raw.extend_from_slice(&(text.len() as u32).to_le_bytes());
        raw.extend_from_slice(text.as_bytes());
        put(out, &raw)?;
    }
    Ok(hash.digest())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &str) -> Article {
        Article {
            title: title.into(),
            paragraphs: vec![body.into(), format!("{body}，{body}")].into(),
            ..Article::default()
        }
    }

    /// What a session keeps is what the next one reads: every issue's
    /// features come back from the file as they were built, their words read
    /// in place from it; a file with a byte changed or cut short is not read.
    #[test]
    fn the_features_kept_read_back_as_built() {
        let dir = tempfile::tempdir().unwrap();
        let issues = [
            vec![
                article("社区议事会", "居民议事会讨论垃圾分类和空气质量。"),
                article("GDP 增长", "全市GDP增长5%，空气质量改善。"),
            ],
            vec![],
            vec![article("地铁新线路开通", "乘客换乘更方便。")],
        ];
        let slices: Vec<&[Article]> = issues.iter().map(Vec::as_slice).collect();
        let tags = crate::config::Config::builtin().tags;
        let index = build_in(dir.path(), &slices, &tags, &|_, _| {});
        let program = ProgramStamp::current().unwrap();
        let path = dir.path().join(FILE_NAME);
        let stored = read(&path, &program).expect("the file reads back");
        assert_eq!(stored.by_digest.len(), issues.len());
        for (i, articles) in slices.iter().enumerate() {
            assert_eq!(stored.by_digest[&digest(articles)], index.issue_features(i));
        }
        assert!(index.issue_features(0)[0].words.len() > 3);
        if cfg!(target_endian = "little") {
            let all = stored.by_digest.values().flatten();
            assert!(
                all.map(|f| &f.words)
                    .all(|w| matches!(w, Words::Shared { .. }))
            );
        }
        assert_eq!(stored.vocabulary.len(), index.vocabulary().len());
        let bytes = std::fs::read(&path).unwrap();
        for at in [0, 9, PAYLOAD_AT + 1, bytes.len() / 2, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x20;
            std::fs::write(&path, &damaged).unwrap();
            assert!(read(&path, &program).is_none(), "byte {at} changed");
        }
        for len in [0, PAYLOAD_AT, bytes.len() - 1] {
            std::fs::write(&path, &bytes[..len]).unwrap();
            assert!(read(&path, &program).is_none(), "cut to {len} bytes");
        }
    }
}
