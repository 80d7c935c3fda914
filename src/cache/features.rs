//! The suggestion features of a corpus kept between sessions (issue 17): the
//! jieba words of every article, which the suggestion scorer otherwise cuts
//! again at every start (minutes for a large corpus), in the corpus's cache
//! folder as one file, `suggest`.
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
//! Layout (little-endian): `MAGIC`, the program's size (u64) and modification
//! time (u128), then the payload: the keywords' digest (u128), the corpus's
//! digest (u128, of its issues' digests in order), the issue count (u64), per
//! issue its digest (u128), article count (u32) and per article its length in
//! words (u32), word count (u32), word ids (u32 each), keyword count (u32) and
//! per keyword found its index (u32) and count (u16) and whether it is in the
//! title (u16, 0 or 1); the word count (u64) and per word, by id, its id
//! (u32), articles holding it (u32), byte length (u32) and text; last, the
//! xxh3 of the payload (u64).

use super::corpus_dir;
use super::shard::ProgramStamp;
use crate::article::Article;
use crate::config::TagDef;
use crate::suggest::features::{Hit, KeywordSet};
use crate::suggest::index::{Known, Vocabulary};
use crate::suggest::{ArticleFeatures, SuggestIndex};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;
use xxhash_rust::xxh3::Xxh3;

/// The name of the file in a corpus's cache folder.
pub const FILE_NAME: &str = "suggest";

const MAGIC: &[u8; 8] = b"NTWORDS3";

/// The digest of the text of an issue's `articles` that suggestions look at
/// (heading parts and paragraphs), reading bodies left in the corpus cache
/// without keeping them.
pub fn digest(articles: &[Article]) -> u128 {
    let mut h = Xxh3::new();
    let mut put = |s: &str| {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    put(&articles.len().to_string());
    for a in articles {
        put(&a.kicker);
        put(&a.title);
        put(&a.subtitle);
        let body = a.paragraphs.read();
        put(&body.len().to_string());
        for p in body.iter() {
            put(p);
        }
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
    match corpus_dir(root) {
        Some(dir) => build_in(&dir, issues, tags, progress),
        None => SuggestIndex::build_articles(issues, tags, progress),
    }
}

/// [`build`] with the cache folder of the corpus `dir`.
pub fn build_in(
    dir: &Path,
    issues: &[&[Article]],
    tags: &[TagDef],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> SuggestIndex {
    let Some(program) = ProgramStamp::current() else {
        return SuggestIndex::build_articles(issues, tags, progress);
    };
    let path = dir.join(FILE_NAME);
    let digests: Vec<u128> = issues.par_iter().map(|a| digest(a)).collect();
    super::timing::mark("suggest: digests");
    let keywords = KeywordSet::new(tags).digest();
    let corpus = corpus_digest(&digests);
    let Stored {
        mut by_digest,
        vocabulary,
        found_with,
        corpus: counted_over,
    } = read(&path, &program).unwrap_or_default();
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
/// `None` when the file is missing, damaged or another program's.
fn read(path: &Path, program: &ProgramStamp) -> Option<Stored> {
    let file = crate::regular_file::open(path).ok()?;
    let mut r = BufReader::with_capacity(1 << 20, file);
    let mut head = [0u8; 32];
    r.read_exact(&mut head).ok()?;
    if &head[..8] != MAGIC || head[8..] != stamp(program)[..] {
        return None;
    }
    let mut r = Hashing {
        inner: r,
        hash: Xxh3::new(),
    };
    let found_with = r.u128()?;
    let corpus = r.u128()?;
    let issues = r.u64()?;
    let mut by_digest = HashMap::new();
    for _ in 0..issues {
        let digest = r.u128()?;
        let n = r.u32()?;
        let mut articles = Vec::new();
        for _ in 0..n {
            let length = r.u32()?;
            let n_words = r.u32()? as usize;
            let mut raw = vec![0u8; n_words.checked_mul(4)?];
            r.bytes(&mut raw)?;
            let words = raw
                .chunks_exact(4)
                .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
                .collect();
            let n_hits = r.u32()?;
            let mut hits = Vec::new();
            for _ in 0..n_hits {
                let keyword = r.u32()?;
                let more = r.u32()?;
                hits.push(Hit {
                    keyword,
                    count: (more & 0xffff) as u16,
                    in_title: more >> 16 == 1,
                });
            }
            articles.push(ArticleFeatures {
                words,
                hits,
                length,
            });
        }
        by_digest.insert(digest, articles);
    }
    let n_words = usize::try_from(r.u64()?).ok()?;
    let mut vocabulary = Vocabulary::with_capacity(n_words.min(1 << 24));
    let mut text = Vec::new();
    for _ in 0..n_words {
        let id = r.u32()?;
        let df = r.u32()?;
        let len = r.u32()? as usize;
        text.resize(len, 0);
        r.bytes(&mut text)?;
        if !vocabulary.push(id, df, std::str::from_utf8(&text).ok()?) {
            return None;
        }
    }
    vocabulary.shrink_to_fit();
    let sum = r.hash.digest();
    let mut tail = [0u8; 8];
    r.inner.read_exact(&mut tail).ok()?;
    let mut rest = [0u8; 1];
    let at_end = matches!(r.inner.read(&mut rest), Ok(0));
    (u64::from_le_bytes(tail) == sum && at_end).then_some(Stored {
        by_digest,
        vocabulary,
        found_with,
        corpus,
    })
}

/// The program's stamp as the file holds it.
fn stamp(program: &ProgramStamp) -> [u8; 24] {
    let mut out = [0u8; 24];
    out[..8].copy_from_slice(&program.size.to_le_bytes());
    out[8..].copy_from_slice(&program.mtime_ns.to_le_bytes());
    out
}

/// A reader that hashes what it reads.
struct Hashing<R> {
    inner: R,
    hash: Xxh3,
}

impl<R: Read> Hashing<R> {
    fn bytes(&mut self, buf: &mut [u8]) -> Option<()> {
        self.inner.read_exact(buf).ok()?;
        self.hash.update(buf);
        Some(())
    }

    fn u32(&mut self) -> Option<u32> {
        let mut b = [0u8; 4];
        self.bytes(&mut b)?;
        Some(u32::from_le_bytes(b))
    }

    fn u64(&mut self) -> Option<u64> {
        let mut b = [0u8; 8];
        self.bytes(&mut b)?;
        Some(u64::from_le_bytes(b))
    }

    fn u128(&mut self) -> Option<u128> {
        let mut b = [0u8; 16];
        self.bytes(&mut b)?;
        Some(u128::from_le_bytes(b))
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
    put(out, &keywords.to_le_bytes())?;
    put(out, &corpus.to_le_bytes())?;
    put(out, &(issues.len() as u64).to_le_bytes())?;
    let mut raw = Vec::new();
    for (digest, articles) in issues {
        put(out, &digest.to_le_bytes())?;
        put(out, &(articles.len() as u32).to_le_bytes())?;
        for a in articles {
            put(out, &a.length.to_le_bytes())?;
            put(out, &(a.words.len() as u32).to_le_bytes())?;
            raw.clear();
            for w in &a.words {
                raw.extend_from_slice(&w.to_le_bytes());
            }
            raw.extend_from_slice(&(a.hits.len() as u32).to_le_bytes());
            for h in &a.hits {
                raw.extend_from_slice(&h.keyword.to_le_bytes());
                let more = u32::from(h.count) | (u32::from(h.in_title) << 16);
                raw.extend_from_slice(&more.to_le_bytes());
            }
            put(out, &raw)?;
        }
    }
    let words = index.vocabulary();
    put(out, &(words.len() as u64).to_le_bytes())?;
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
