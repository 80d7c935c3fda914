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
//! Layout (little-endian): `MAGIC`, the program's size (u64) and modification
//! time (u128), then the payload: the keywords' digest (u128), the corpus's
//! digest (u128, of its issues' digests in order), the issue count (u64), per
//! issue its digest (u128), article count (u32) and per article its length
//! (u32), word count (u32), word ids (u32 each), keyword count (u32) and
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
use std::io::{BufWriter, Read, Write};
use std::path::Path;
use xxhash_rust::xxh3::Xxh3;

/// The name of the file in a corpus's cache folder.
pub const FILE_NAME: &str = "suggest";

const MAGIC: &[u8; 8] = b"NTWORDS4";

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
/// read once through a small buffer (never held whole: it is as big as a
/// third of the corpus), decoded as it comes and its checksum taken on the
/// way; what was decoded is used only when the checksum holds. Decoding
/// trusts no count: none reserves room for more than the bytes left could
/// hold.
fn read(path: &Path, program: &ProgramStamp) -> Option<Stored> {
    let mut file = crate::regular_file::open(path).ok()?;
    let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
    let payload_len = len.checked_sub(MAGIC.len() + 24 + 8)?;
    let mut head = [0u8; 32];
    file.read_exact(&mut head).ok()?;
    if &head[..8] != MAGIC || head[8..] != stamp(program)[..] {
        return None;
    }
    let mut r = Reader::new(file, payload_len);
    let stored = decode(&mut r);
    let Reader {
        mut inner,
        hash,
        unread,
        ..
    } = r;
    let mut tail = [0u8; 8];
    inner.read_exact(&mut tail).ok()?;
    (unread == 0 && hash.digest().to_le_bytes() == tail)
        .then_some(stored)
        .flatten()
}

/// The payload read by `r` (see the module docs); None when it does not
/// decode or holds more than it says.
fn decode(r: &mut Reader<impl Read>) -> Option<Stored> {
    let found_with = r.u128()?;
    let corpus = r.u128()?;
    let issues = r.u64()?;
    // An issue takes 20 bytes at least; an article 12; a word 12.
    let mut by_digest = HashMap::with_capacity(usize::try_from(issues).ok()?.min(r.left / 20));
    for _ in 0..issues {
        let digest = r.u128()?;
        let n = r.u32()?;
        let mut articles = Vec::with_capacity((n as usize).min(r.left / 12));
        for _ in 0..n {
            let length = r.u32()?;
            let n_words = r.u32()? as usize;
            let words = r
                .take(n_words.checked_mul(4)?)?
                .chunks_exact(4)
                .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
                .collect();
            let n_hits = r.u32()? as usize;
            let hits = r
                .take(n_hits.checked_mul(8)?)?
                .chunks_exact(8)
                .map(|h| {
                    let keyword = u32::from_le_bytes([h[0], h[1], h[2], h[3]]);
                    let more = u32::from_le_bytes([h[4], h[5], h[6], h[7]]);
                    Hit {
                        keyword,
                        count: (more & 0xffff) as u16,
                        in_title: more >> 16 == 1,
                    }
                })
                .collect();
            articles.push(ArticleFeatures {
                words,
                hits,
                length,
            });
        }
        by_digest.insert(digest, articles);
    }
    let n_words = usize::try_from(r.u64()?).ok()?;
    // The words are the rest of the payload: their texts take what their
    // ids, counts and lengths leave.
    let text_len = r.left.checked_sub(n_words.checked_mul(12)?)?;
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
    (r.left == 0).then_some(Stored {
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

/// The payload of a file, read a buffer at a time as it is decoded, its
/// checksum taken as it is read.
struct Reader<R> {
    inner: R,
    /// Bytes of the payload not decoded yet.
    left: usize,
    /// Bytes of the payload not read from `inner` yet.
    unread: usize,
    /// Read and not yet decoded: `buf[at..end]`.
    buf: Vec<u8>,
    at: usize,
    end: usize,
    hash: Xxh3,
}

impl<R: Read> Reader<R> {
    fn new(inner: R, payload_len: usize) -> Reader<R> {
        Reader::with_buffer(inner, payload_len, 1 << 20)
    }

    /// A reader of `payload_len` bytes of `inner` through a buffer of
    /// `buffer` bytes (more when one read takes more).
    fn with_buffer(inner: R, payload_len: usize, buffer: usize) -> Reader<R> {
        Reader {
            inner,
            left: payload_len,
            unread: payload_len,
            buf: vec![0u8; buffer.min(payload_len)],
            at: 0,
            end: 0,
            hash: Xxh3::new(),
        }
    }

    /// The next `n` bytes of the payload.
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        self.left = self.left.checked_sub(n)?;
        if self.end - self.at < n {
            self.buf.copy_within(self.at..self.end, 0);
            self.end -= self.at;
            self.at = 0;
            if self.buf.len() < n {
                self.buf.resize(n, 0);
            }
            while self.end < n {
                let want = (self.buf.len() - self.end).min(self.unread);
                let got = self
                    .inner
                    .read(self.buf.get_mut(self.end..self.end + want)?)
                    .ok()?;
                if got == 0 {
                    return None;
                }
                self.hash.update(self.buf.get(self.end..self.end + got)?);
                self.end += got;
                self.unread -= got;
            }
        }
        let out = self.buf.get(self.at..self.at + n)?;
        self.at += n;
        Some(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Read in pieces of any size through a buffer of any size, the
        /// payload comes out as it is, its checksum that of all its bytes,
        /// and never a byte past its end (the checksum that follows it).
        #[test]
        fn the_payload_reads_back_in_pieces_of_any_size(
            payload in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
            pieces in proptest::collection::vec(0usize..40, 0..40),
            buffer in 1usize..64,
        ) {
            let mut file = payload.clone();
            file.extend_from_slice(b"checksum");
            let mut r = Reader::with_buffer(&file[..], payload.len(), buffer);
            let mut at = 0;
            for n in pieces {
                let piece = r.take(n).map(<[u8]>::to_vec);
                if at + n <= payload.len() {
                    proptest::prop_assert_eq!(piece.as_deref(), Some(&payload[at..at + n]));
                    at += n;
                } else {
                    proptest::prop_assert_eq!(piece, None);
                    break;
                }
            }
            let rest = payload.len() - at;
            if r.left == rest {
                proptest::prop_assert_eq!(r.take(rest).map(<[u8]>::to_vec), Some(payload[at..].to_vec()));
                proptest::prop_assert_eq!(r.unread, 0);
                proptest::prop_assert_eq!(r.hash.digest(), xxhash_rust::xxh3::xxh3_64(&payload));
                let mut tail = Vec::new();
                r.inner.read_to_end(&mut tail).unwrap();
                proptest::prop_assert_eq!(&tail[..], b"checksum");
            }
        }
    }
}
