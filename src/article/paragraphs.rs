//! An article's body paragraphs, held as strings or, for an article read from
//! the corpus cache by a command that may never look at its body, left in the
//! cache (memory-mapped) until first read.
//!
//! [`Paragraphs`] reads as a `Vec<String>` (it derefs to one), so nothing that
//! uses an article knows the difference: the first read of a stored body copies
//! it out of its [`BodyStore`] once; a write turns it into plain strings for
//! good. A stored body also knows, without being read, its length in
//! characters and the pages its jump lines name (recorded when it was stored),
//! which is all `stats`, `articles` and `check` need of most bodies.

use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

/// Where stored bodies are kept: one issue's articles, numbered from 0.
/// What it gives must be exactly what was stored.
pub trait BodyStore: Send + Sync + std::fmt::Debug {
    /// The paragraphs of article `at`.
    fn paragraphs(&self, at: usize) -> Vec<String>;
    /// The characters of the paragraphs of article `at`.
    fn body_chars(&self, at: usize) -> usize;
    /// The pages named by article `at`'s back and onward jump lines (see
    /// `crate::story::jump::jumps_of`).
    fn jump_pages(&self, at: usize) -> (Option<String>, Option<String>);
    /// The [`body_digest`] of the paragraphs of article `at`, when it was
    /// recorded with them (so that it need not be read).
    fn body_digest(&self, _at: usize) -> Option<u64> {
        None
    }
}

/// The digest of a body's paragraphs: their number, and each one's length and
/// bytes.
pub fn body_digest(paragraphs: &[String]) -> u64 {
    body_digest_of_bytes(paragraphs.iter().map(|p| p.as_bytes()))
}

/// [`body_digest`] of paragraphs given as bytes (a stored body checked before
/// it is taken as text).
pub fn body_digest_of_bytes<'a>(paragraphs: impl ExactSizeIterator<Item = &'a [u8]>) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&(paragraphs.len() as u64).to_le_bytes());
    for p in paragraphs {
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.digest()
}

/// A body left in its store, and its strings once read. Held in the article
/// itself, not boxed: a warm load makes one for every article of the corpus,
/// and a box each was a million allocations of 64 bytes at 100,000 issues.
#[derive(Debug)]
struct Stored {
    store: Arc<dyn BodyStore>,
    at: usize,
    /// The strings, once read and kept (boxed: few bodies are, and the box
    /// keeps a body never read at 16 bytes here, where a vector is 32).
    #[allow(clippy::box_collection)]
    read: OnceLock<Box<Vec<String>>>,
}

/// Body paragraphs in reading order: strings, or a body still in its store.
pub struct Paragraphs(Body);

enum Body {
    Strings(Vec<String>),
    Stored(Stored),
}

impl Default for Paragraphs {
    fn default() -> Paragraphs {
        Paragraphs(Body::Strings(Vec::new()))
    }
}

impl Paragraphs {
    /// The body of article `at` of `store`, read on first use.
    pub fn stored(store: Arc<dyn BodyStore>, at: usize) -> Paragraphs {
        Paragraphs(Body::Stored(Stored {
            store,
            at,
            read: OnceLock::new(),
        }))
    }

    /// The paragraphs, without keeping them: a stored body not read yet is
    /// read from its store and handed over, left stored (a pass over every
    /// body, as the suggestion scorer makes, then holds one body at a time
    /// instead of the corpus).
    pub fn read(&self) -> std::borrow::Cow<'_, [String]> {
        match &self.0 {
            Body::Stored(s) => match s.read.get() {
                Some(read) => std::borrow::Cow::Borrowed(read),
                None => std::borrow::Cow::Owned(s.store.paragraphs(s.at)),
            },
            Body::Strings(strings) => std::borrow::Cow::Borrowed(strings),
        }
    }

    /// The paragraphs as plain strings.
    pub fn into_vec(mut self) -> Vec<String> {
        std::mem::take(self.as_mut_vec())
    }

    /// Characters of body text, without reading a stored body.
    pub fn chars(&self) -> usize {
        match &self.0 {
            Body::Stored(s) if s.read.get().is_none() => s.store.body_chars(s.at),
            _ => self.iter().map(|p| p.chars().count()).sum(),
        }
    }

    /// The [`body_digest`] of the paragraphs; a stored body's recorded one, so
    /// it is not read.
    pub fn digest(&self) -> u64 {
        match &self.0 {
            Body::Stored(s) => s
                .store
                .body_digest(s.at)
                .unwrap_or_else(|| body_digest(&self.read())),
            Body::Strings(strings) => body_digest(strings),
        }
    }

    /// The back and onward jump pages recorded with a stored body that has not
    /// been changed since; `None` for plain strings.
    pub fn stored_jump_pages(&self) -> Option<(Option<String>, Option<String>)> {
        match &self.0 {
            Body::Stored(s) => Some(s.store.jump_pages(s.at)),
            Body::Strings(_) => None,
        }
    }

    fn as_mut_vec(&mut self) -> &mut Vec<String> {
        if let Body::Stored(s) = &mut self.0 {
            let strings = match s.read.take() {
                Some(read) => *read,
                None => s.store.paragraphs(s.at),
            };
            self.0 = Body::Strings(strings);
        }
        match &mut self.0 {
            Body::Strings(strings) => strings,
            Body::Stored(_) => unreachable!("a stored body was made strings just above"),
        }
    }
}

impl std::ops::Deref for Paragraphs {
    type Target = Vec<String>;

    fn deref(&self) -> &Vec<String> {
        match &self.0 {
            Body::Stored(s) => s.read.get_or_init(|| Box::new(s.store.paragraphs(s.at))),
            Body::Strings(strings) => strings,
        }
    }
}

impl std::ops::DerefMut for Paragraphs {
    fn deref_mut(&mut self) -> &mut Vec<String> {
        self.as_mut_vec()
    }
}

impl Clone for Paragraphs {
    fn clone(&self) -> Paragraphs {
        match &self.0 {
            Body::Stored(s) => Paragraphs(Body::Stored(Stored {
                store: Arc::clone(&s.store),
                at: s.at,
                read: s.read.clone(),
            })),
            Body::Strings(strings) => Paragraphs::from(strings.clone()),
        }
    }
}

impl std::fmt::Debug for Paragraphs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Paragraphs {
    fn eq(&self, other: &Paragraphs) -> bool {
        self[..] == other[..]
    }
}

impl<A> PartialEq<Vec<A>> for Paragraphs
where
    String: PartialEq<A>,
{
    fn eq(&self, other: &Vec<A>) -> bool {
        self[..] == other[..]
    }
}

impl<A, const N: usize> PartialEq<[A; N]> for Paragraphs
where
    String: PartialEq<A>,
{
    fn eq(&self, other: &[A; N]) -> bool {
        self[..] == other[..]
    }
}

impl From<Vec<String>> for Paragraphs {
    fn from(strings: Vec<String>) -> Paragraphs {
        Paragraphs(Body::Strings(strings))
    }
}

impl FromIterator<String> for Paragraphs {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Paragraphs {
        Paragraphs::from(iter.into_iter().collect::<Vec<String>>())
    }
}

impl<'a> IntoIterator for &'a Paragraphs {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl IntoIterator for Paragraphs {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl Serialize for Paragraphs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self[..].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Paragraphs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Paragraphs, D::Error> {
        Vec::<String>::deserialize(d).map(Paragraphs::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[derive(Debug, Default)]
    struct Counting {
        reads: AtomicUsize,
    }

    impl BodyStore for Counting {
        fn paragraphs(&self, at: usize) -> Vec<String> {
            self.reads.fetch_add(1, Ordering::Relaxed);
            vec![format!("第{at}段"), "二".to_string()]
        }
        fn body_chars(&self, _: usize) -> usize {
            4
        }
        fn jump_pages(&self, _: usize) -> (Option<String>, Option<String>) {
            (None, Some("3".to_string()))
        }
    }

    /// A stored body is read once, on first use, reads as the strings stored,
    /// and a write turns it into plain strings (its recorded jumps forgotten).
    #[test]
    fn a_stored_body_is_read_once_and_written_as_strings() {
        let store = Arc::new(Counting::default());
        let mut p = Paragraphs::stored(store.clone(), 1);
        assert_eq!(p.chars(), 4);
        assert_eq!(p.stored_jump_pages(), Some((None, Some("3".to_string()))));
        assert_eq!(store.reads.load(Ordering::Relaxed), 0, "not read yet");
        assert_eq!(p.read()[0], "第1段");
        assert_eq!(p.read()[0], "第1段");
        assert_eq!(store.reads.load(Ordering::Relaxed), 2, "read, not kept");
        store.reads.store(0, Ordering::Relaxed);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0], "第1段");
        assert_eq!(p.clone(), vec!["第1段".to_string(), "二".to_string()]);
        assert_eq!(store.reads.load(Ordering::Relaxed), 1, "read once");
        assert_eq!(p.read()[1], "二");
        assert_eq!(store.reads.load(Ordering::Relaxed), 1, "kept once used");
        p.push("三".to_string());
        assert_eq!(p.stored_jump_pages(), None);
        assert_eq!(p.chars(), 5);
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"["第1段","二","三"]"#);
        assert_eq!(store.reads.load(Ordering::Relaxed), 1);
    }
}
