//! The search index of a corpus: folded titles and other fields, pinyin masks,
//! the bodies (shared with the corpus, or folded from the cache) and their
//! bigram postings ([`super::postings`]), one entry ("document") per article.

use super::chars::{CharIndex, HeadStarts};
use super::column::{Pods, TextColumn, Variants};
use super::fold::fold;
use super::patch::{DocMap, Place};
use super::pinyin::{self, GlyphTexts, Glyphs};
use super::postings::{Grams, MergedPostings, Postings, PostingsOut, Segment, Segments};
use super::verify::Field;
use crate::article::{Article, ArticleAt, Issue, Kind};
use crate::corpus::Corpus;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

/// What the index keeps of an issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssueInfo {
    pub rel: String,
    pub date: Option<String>,
    pub page: Option<String>,
}

impl IssueInfo {
    pub fn of(issue: &Issue) -> IssueInfo {
        IssueInfo {
            rel: issue.rel.clone(),
            date: issue.date.clone(),
            page: issue.page.clone(),
        }
    }
}

/// Documents a segment of body postings holds (the last of a batch may hold
/// fewer): the more segments, the more work merging them.
pub const SEGMENT_DOCS: usize = 1024;

/// Articles whose bodies' segments are made at a time (two a core, in
/// parallel) when the corpus is indexed whole.
fn feed_batch() -> usize {
    SEGMENT_DOCS * 2 * rayon::current_num_threads().max(1)
}

/// The postings (the keys `grams` says) of the bodies of `articles`, `chunk`
/// articles a segment, in parallel.
fn body_segments(articles: &[&Article], chunk: usize, grams: Grams) -> Vec<Segment> {
    articles
        .par_chunks(chunk.max(1))
        .map(|arts| {
            let mut b = super::postings::SegmentBuilder::of(grams);
            for a in arts {
                // Read, not kept: a body left in the corpus cache is not
                // held for the rest of the run once indexed.
                b.add(a.paragraphs.read().iter().map(String::as_str));
            }
            b.finish()
        })
        .collect()
}

/// The postings of bodies shared with the corpus, made in memory (none for
/// bodies of the cache, whose index keeps its postings).
fn postings_of(bodies: &Bodies) -> Postings {
    match bodies {
        Bodies::Shared(v) => {
            let articles: Vec<&Article> = v
                .iter()
                .filter_map(|(all, k)| all.get(*k as usize))
                .collect();
            Postings::merge(&body_segments(&articles, SEGMENT_DOCS, Grams::All))
        }
        _ => Postings::default(),
    }
}

/// Builds an index from issues handed over a few at a time, in corpus order, by
/// whoever holds them (the TUI, while its loader fills the corpus): the corpus is
/// read and segmented once, and only the batch being indexed is copied.
pub struct IndexBuilder {
    index: SearchIndex,
    segments: Segments,
    bodies: Vec<(Arc<[Article]>, u32)>,
    /// The keys the bodies' segments are made of now.
    grams: Grams,
}

impl Default for IndexBuilder {
    fn default() -> IndexBuilder {
        IndexBuilder {
            index: SearchIndex::empty(),
            segments: Segments::default(),
            bodies: Vec::new(),
            grams: Grams::All,
        }
    }
}

impl IndexBuilder {
    /// A builder whose index can be searched before the pinyin four-grams
    /// (more than half of the postings' entries) are made: its
    /// [`IndexBuilder::finish_apart`] gives an index without them
    /// ([`BuiltIndex::to_searchable`]), and [`BuiltIndex::with_fourgrams`]
    /// adds them.
    ///
    /// Its segments go to their temporary file at a quarter of the budget
    /// of a build on its own ([`crate::search::postings::SEGMENT_BUDGET`]),
    /// as the four-grams' do: it is the TUI's, which holds the loaded corpus
    /// beside them. A corpus whose segments outgrow the whole budget sends
    /// them all to the file either way (10,000 issues do).
    pub fn fourgrams_later() -> IndexBuilder {
        IndexBuilder {
            grams: Grams::NoFourgrams,
            segments: Segments::with_budget(
                crate::search::postings::SEGMENT_BUDGET / 4,
                crate::cache::cache_root(),
            ),
            ..IndexBuilder::default()
        }
    }

    /// A builder keeping its segments in `segments`.
    #[cfg(test)]
    pub(crate) fn with_segments(segments: Segments) -> IndexBuilder {
        IndexBuilder {
            segments,
            ..IndexBuilder::default()
        }
    }

    /// Issues seen so far.
    pub fn issue_count(&self) -> usize {
        self.index.issues.len()
    }

    /// Add the next issue (its articles come with [`IndexBuilder::add_articles`]).
    pub fn add_issue(&mut self, info: IssueInfo) {
        self.index.issues.push(info);
    }

    /// Add the next articles, in corpus order: (issue number, article position, the
    /// issue's articles, shared with the corpus rather than copied). Their bodies'
    /// postings are made in parallel.
    pub fn add_articles(&mut self, articles: &[(u32, u32, Arc<[Article]>)]) {
        let batch: Vec<(u32, u32, &Article)> = articles
            .iter()
            .filter_map(|(issue, article, all)| {
                Some((*issue, *article, all.get(*article as usize)?))
            })
            .collect();
        for &(issue, article, a) in &batch {
            self.index.push_article(issue, article, a);
        }
        for (_, article, all) in articles {
            if all.get(*article as usize).is_some() {
                self.bodies.push((Arc::clone(all), *article));
            }
        }
        let refs: Vec<&Article> = batch.iter().map(|&(_, _, a)| a).collect();
        // Segments of the size a whole corpus's build makes: a batch cut
        // into two tasks per core made twice as many, and merging them cost
        // more than the cores they kept busy saved.
        for s in body_segments(&refs, SEGMENT_DOCS, self.grams) {
            self.segments.push(s);
        }
    }

    pub fn finish(self) -> SearchIndex {
        self.index
            .finish(Bodies::Shared(self.bodies), self.segments)
    }

    /// [`IndexBuilder::finish`], the postings kept apart from the index, their
    /// lists (the biggest part of the index) in a temporary file when the
    /// segments went to one: for writing the index's cache file, which then
    /// serves the searches (see [`BuiltIndex`]).
    pub fn finish_apart(self) -> BuiltIndex {
        let mut built = self
            .index
            .finish_apart(Bodies::Shared(self.bodies), self.segments);
        built.fourgrams_pending = self.grams == Grams::NoFourgrams;
        built
    }
}

/// An index just built, its body postings apart ([`MergedPostings`]: their
/// lists perhaps in a temporary file, not in memory), on its way to the
/// cache file ([`super::cache::save_built`]).
pub struct BuiltIndex {
    /// The index, its postings none or those it is searched with meanwhile
    /// ([`BuiltIndex::to_searchable`]): shared with whoever searches it, so
    /// its columns (titles, ids, the character indexes...) are held once, not
    /// copied for the search and kept again for the cache file.
    index: Arc<SearchIndex>,
    postings: MergedPostings,
    /// The postings lack the pinyin four-grams (see
    /// [`IndexBuilder::fourgrams_later`]).
    fourgrams_pending: bool,
}

impl BuiltIndex {
    /// The index as it can be searched now, the postings' lists read in
    /// place from where they wait (`None` when they cannot be read back),
    /// while this one goes on to its four-grams and its cache file, sharing
    /// its columns with it (copied only when called a second time while the
    /// first is still held). Without the four-grams, it finds the same
    /// articles, a pinyin word in bodies more slowly
    /// ([`Postings::without_fourgrams`]).
    pub fn to_searchable(&mut self) -> Option<Arc<SearchIndex>> {
        let postings = self.postings.to_searchable()?;
        let postings = if self.fourgrams_pending {
            postings.lacking_fourgrams()
        } else {
            postings
        };
        match Arc::get_mut(&mut self.index) {
            Some(index) => index.postings = postings,
            None => {
                let mut index = SearchIndex::clone(&self.index);
                index.postings = postings;
                self.index = Arc::new(index);
            }
        }
        Some(Arc::clone(&self.index))
    }

    /// Whether the postings lack the pinyin four-grams.
    pub fn fourgrams_pending(&self) -> bool {
        self.fourgrams_pending
    }

    /// This index with the pinyin four-grams of its bodies made and put in
    /// front of its other keys (each a few segments at a time, in parallel,
    /// within the segments' memory budget): the postings of a build that
    /// made them all at once.
    pub fn with_fourgrams(mut self) -> BuiltIndex {
        if !self.fourgrams_pending {
            return self;
        }
        let Bodies::Shared(bodies) = &self.index.bodies else {
            return self;
        };
        let articles: Vec<&Article> = bodies
            .iter()
            .filter_map(|(all, k)| all.get(*k as usize))
            .collect();
        // The index searched meanwhile is held beside these: they go to
        // their temporary file at a quarter of the first pass's budget.
        let mut segments = Segments::with_budget(
            crate::search::postings::SEGMENT_BUDGET / 4,
            crate::cache::cache_root(),
        );
        for part in articles.chunks(feed_batch()) {
            for s in body_segments(part, SEGMENT_DOCS, Grams::FourgramsOnly) {
                segments.push(s);
            }
        }
        let fourgrams = match segments.merge_streamed() {
            Some(p) => p,
            None => MergedPostings::in_memory(Postings::merge(&body_segments(
                &articles,
                SEGMENT_DOCS,
                Grams::FourgramsOnly,
            ))),
        };
        drop(articles);
        self.postings = fourgrams.followed_by(self.postings);
        self.fourgrams_pending = false;
        self
    }

    /// The index with its postings (read into memory).
    pub fn into_index(self) -> SearchIndex {
        let mut index = Arc::unwrap_or_clone(self.index);
        match self.postings.into_postings() {
            Some(p) if self.fourgrams_pending => index.postings = p.lacking_fourgrams(),
            Some(p) => index.postings = p,
            // The temporary file did not read back: made again, in memory.
            None => index.postings = postings_of(&index.bodies),
        }
        index
    }

    /// The index, shared with whoever searches it, its postings apart let go
    /// of: those it is searched with stay (see [`BuiltIndex::to_searchable`]).
    pub fn into_shared(self) -> Arc<SearchIndex> {
        self.index
    }

    /// The index without its postings, and its postings.
    pub(crate) fn parts(&self) -> (&SearchIndex, &MergedPostings) {
        (&*self.index, &self.postings)
    }

    /// Whether the postings' lists wait in a temporary file.
    #[cfg(test)]
    pub(crate) fn lists_apart(&self) -> bool {
        self.postings.lists_in_file()
    }
}

/// Where a document comes from, as the index stores it (two `u32`s: half the
/// room of an [`ArticleAt`] in memory and in the cache file); outside the index
/// a document's article is an [`ArticleAt`] ([`SearchIndex::article_at`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct DocRef {
    pub(crate) issue: u32,
    pub(crate) article: u32,
}

impl From<DocRef> for ArticleAt {
    fn from(r: DocRef) -> ArticleAt {
        ArticleAt::new(r.issue as usize, r.article as usize)
    }
}

/// Everything searching needs, without the article bodies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub issues: Vec<IssueInfo>,
    pub(crate) refs: Vec<DocRef>,
    pub(crate) kinds: Vec<Kind>,
    /// Reasons for doubt ([`crate::article::Doubts`] bits).
    pub(crate) doubts: Pods<u8>,
    /// Article ids.
    pub(crate) ids: TextColumn,
    /// Display titles as written.
    pub(crate) titles: TextColumn,
    /// Display titles folded (same character count as `titles`), where folding
    /// changes them: see [`SearchIndex::title_folded`].
    pub(crate) titles_folded: Variants,
    /// Kicker, subtitle and byline folded, separated by `\n` (always two).
    pub(crate) fields_folded: TextColumn,
    /// The bodies, to verify candidates on.
    pub(crate) bodies: Bodies,
    /// Pinyin masks of the folded titles.
    pub(crate) masks: Vec<(u32, u32)>,
    /// Unigram, bigram and pinyin four-gram postings of the folded bodies.
    pub(crate) postings: Postings,
    /// Characters of the folded titles, and of the folded other fields.
    pub(crate) title_chars: CharIndex,
    pub(crate) field_chars: CharIndex,
    /// Worked out from the above when first needed; its pinyin part is kept
    /// in the cache file too (see [`Derived`]).
    derived: Derived,
    /// Where the cache file this index (or the one it was made from) was read
    /// from reports damage met reading it in place.
    #[serde(skip)]
    pub(crate) damage: super::cache::Damage,
}

/// What pinyin matching needs beyond the stored index: titles as glyph numbers,
/// and the glyph of every character of titles and bodies.
#[derive(Debug, Default)]
pub(crate) struct PinyinData {
    pub glyphs: Glyphs,
    pub titles: GlyphTexts,
    /// Per title, for one-letter queries.
    pub title_letters: Vec<pinyin::LetterMasks>,
    /// Which titles can spell each pair of letters, for longer queries.
    pub title_pairs: pinyin::LetterPairs,
    /// Glyph by code point (see [`Glyphs::table`]): every character of a body
    /// is in the postings, so bodies turn into glyphs without a hash lookup.
    pub by_code: Vec<u16>,
}

impl PinyinData {
    /// The pinyin data of the folded `titles` and of the bodies' characters
    /// `body_chars`.
    fn build<'a>(
        titles: impl Iterator<Item = &'a str>,
        body_chars: impl Iterator<Item = u16>,
    ) -> PinyinData {
        let mut glyphs = Glyphs::new();
        let titles = GlyphTexts::build(&mut glyphs, titles);
        for code in body_chars {
            if let Some(c) = char::from_u32(code as u32) {
                glyphs.glyph(c);
            }
        }
        let title_pairs = pinyin::LetterPairs::build(&glyphs, &titles);
        PinyinData::of_parts(glyphs, titles, title_pairs)
    }

    /// The rest worked out from the glyphs, the titles and their letter pairs.
    fn of_parts(
        glyphs: Glyphs,
        titles: GlyphTexts,
        title_pairs: pinyin::LetterPairs,
    ) -> PinyinData {
        let title_letters = (0..titles.len())
            .map(|d| glyphs.letter_masks(titles.get(d)))
            .collect();
        PinyinData {
            by_code: glyphs.table(),
            glyphs,
            titles,
            title_letters,
            title_pairs,
        }
    }

    fn heap_bytes(&self) -> usize {
        self.titles.heap_bytes()
            + 2 * self.by_code.len()
            + self.title_letters.capacity() * std::mem::size_of::<pinyin::LetterMasks>()
            + self.title_pairs.heap_bytes()
    }

    /// The glyph of a character code (0 for one never seen).
    pub fn glyph(&self, code: u16) -> u16 {
        self.by_code.get(code as usize).copied().unwrap_or(0)
    }

    /// The glyph of character `c` (0 for one never seen, and for characters
    /// beyond the Basic Multilingual Plane).
    pub fn glyph_of(&self, c: char) -> u16 {
        self.by_code.get(c as usize).copied().unwrap_or(0)
    }
}

/// The bodies of the documents, paragraphs joined by `\n`: shared with the
/// corpus's articles (an index just built; folded when looked at), or folded
/// already (an index read from the cache, which stores them so). Either way
/// [`SearchIndex::with_body`] gives the folded text.
#[derive(Clone)]
pub(crate) enum Bodies {
    Shared(Vec<(Arc<[Article]>, u32)>),
    Folded(TextColumn),
    /// Folded, in the cache file, read where looked at (see
    /// [`super::cache::MappedBodies`]).
    Mapped(super::cache::MappedBodies),
    /// Bodies as they were, and the folded bodies of the issues replaced
    /// since (see [`super::patch`]).
    Patched(Arc<PatchedBodies>),
}

/// [`Bodies::Patched`].
pub(crate) struct PatchedBodies {
    base: Bodies,
    map: DocMap<Arc<TextColumn>>,
}

impl Default for Bodies {
    fn default() -> Bodies {
        Bodies::Folded(TextColumn::new())
    }
}

impl Bodies {
    fn len(&self) -> usize {
        match self {
            Bodies::Shared(v) => v.len(),
            Bodies::Folded(c) => c.len(),
            Bodies::Mapped(m) => m.len(),
            Bodies::Patched(p) => p.map.len(p.base.len() as u32) as usize,
        }
    }

    /// These bodies with issue `issue`'s, documents `now`, replaced by the
    /// folded `bodies` (see [`super::patch`]).
    fn with_issue_replaced(
        &self,
        issue: u32,
        now: std::ops::Range<u32>,
        bodies: TextColumn,
    ) -> Bodies {
        let (base, map) = match self {
            Bodies::Patched(p) => (p.base.clone(), p.map.clone()),
            other => (other.clone(), DocMap::default()),
        };
        let len = bodies.len() as u32;
        let map = map.replaced(issue, now, len, Arc::new(bodies));
        Bodies::Patched(Arc::new(PatchedBodies { base, map }))
    }

    /// The folded body of `d` given to `f`.
    fn with<R>(&self, d: usize, f: impl FnOnce(&str) -> R) -> R {
        let (all, k) = match self {
            Bodies::Folded(c) => return f(c.get(d)),
            Bodies::Mapped(m) => return m.with(d, f),
            Bodies::Patched(p) => {
                return match p.map.locate(d as u32) {
                    Place::Base(b) => p.base.with(b as usize, f),
                    Place::Run(r, k) => f(p.map.runs[r].data.get(k as usize)),
                };
            }
            Bodies::Shared(v) => match v.get(d) {
                Some((all, k)) => (all, *k),
                None => return f(""),
            },
        };
        let read = all.get(k as usize).map(|a| a.paragraphs.read());
        let paragraphs = read.as_deref().unwrap_or(&[]);
        let fill = |buf: &mut String| {
            buf.clear();
            for (i, p) in paragraphs.iter().enumerate() {
                if i > 0 {
                    buf.push('\n');
                }
                super::fold::fold_into(p, buf);
            }
        };
        thread_local! {
            static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        BUF.with(|b| match b.try_borrow_mut() {
            Ok(mut buf) => {
                fill(&mut buf);
                f(&buf)
            }
            // Asked again while looking at a body: a buffer of its own.
            Err(_) => {
                let mut buf = String::new();
                fill(&mut buf);
                f(&buf)
            }
        })
    }
}

impl PartialEq for Bodies {
    fn eq(&self, other: &Bodies) -> bool {
        self.len() == other.len()
            && (0..self.len()).all(|d| self.with(d, |a| other.with(d, |b| a == b)))
    }
}

impl std::fmt::Debug for Bodies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bodies::Shared(v) => write!(f, "Bodies::Shared({} documents)", v.len()),
            Bodies::Folded(c) => write!(f, "Bodies::Folded({} documents)", c.len()),
            Bodies::Mapped(m) => write!(f, "Bodies::Mapped({} documents)", m.len()),
            Bodies::Patched(p) => write!(
                f,
                "Bodies::Patched({} documents, {} issues replaced)",
                self.len(),
                p.map.runs.len()
            ),
        }
    }
}

/// Stored as the folded bodies, one byte string a document (read back with a
/// SIMD UTF-8 check rather than serde's, which took a quarter of a warm
/// `newstag search`).
impl Serialize for Bodies {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        struct Raw<'a>(&'a str);
        impl Serialize for Raw<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0.as_bytes())
            }
        }
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for d in 0..self.len() {
            self.with(d, |text| seq.serialize_element(&Raw(text)))?;
        }
        seq.end()
    }
}

/// The index as the head of the cache file stores it: every field but the
/// bodies (stored apart, see [`super::cache`]), in [`SearchIndex`]'s order, the
/// bodies as an empty list, so that it reads back as a [`SearchIndex`] whose
/// bodies are then attached.
pub(crate) struct Head<'a>(&'a SearchIndex, HeadPinyin<'a>, PostingsOut<'a>);

/// The pinyin data a [`Head`] writes: the index's own when it has made it,
/// else made for the writing alone (an index just built is let go of once
/// written, so it need not keep it).
enum HeadPinyin<'a> {
    Made(&'a PinyinData),
    ForWriting(Box<PinyinData>),
}

impl<'a> Head<'a> {
    pub(crate) fn of(index: &'a SearchIndex) -> Head<'a> {
        let pinyin = match index.derived.pinyin.get() {
            Some(p) => HeadPinyin::Made(p),
            None => HeadPinyin::ForWriting(Box::new(index.make_pinyin_data())),
        };
        Head(index, pinyin, index.postings.out())
    }

    /// The head of `index` written with `postings`, its postings merged (an
    /// index whose issues were replaced since: see [`Postings::merged`]).
    pub(crate) fn of_merged(index: &'a SearchIndex, postings: &'a Postings) -> Head<'a> {
        let pinyin = match index.derived.pinyin.get() {
            Some(p) => HeadPinyin::Made(p),
            None => HeadPinyin::ForWriting(Box::new(index.make_pinyin_data())),
        };
        Head(index, pinyin, postings.out())
    }

    /// The head of an index built with its postings apart.
    ///
    /// The pinyin data of the index searched meanwhile is written when it
    /// was made (the TUI makes it before the first keystroke): it is the
    /// same, the characters of the bodies being the postings' unigrams,
    /// which the four-grams added since leave as they were; made again, it
    /// was a second copy held while the file was written.
    pub(crate) fn of_built(built: &'a BuiltIndex) -> Head<'a> {
        let (index, postings) = built.parts();
        let pinyin = match index.derived.pinyin.get() {
            Some(p) => {
                // What makes the reuse sound: the characters it was made of are
                // the characters written.
                debug_assert!(
                    index.postings.chars().eq(postings.chars()),
                    "the searched index's characters differ from the written postings'"
                );
                HeadPinyin::Made(p)
            }
            None => HeadPinyin::ForWriting(Box::new(PinyinData::build(
                (0..index.len()).map(|d| index.title_folded(d)),
                postings.chars(),
            ))),
        };
        Head(index, pinyin, postings.out())
    }

    /// The index written.
    pub(crate) fn index(&self) -> &'a SearchIndex {
        self.0
    }

    /// The postings, whose list bytes follow the head in the file.
    pub(crate) fn postings(&self) -> &PostingsOut<'a> {
        &self.2
    }
}

impl Serialize for Head<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let i = self.0;
        let mut st = s.serialize_struct("SearchIndex", 14)?;
        st.serialize_field("issues", &i.issues)?;
        st.serialize_field("refs", &i.refs)?;
        st.serialize_field("kinds", &i.kinds)?;
        st.serialize_field("doubts", &i.doubts)?;
        st.serialize_field("ids", &i.ids)?;
        st.serialize_field("titles", &i.titles)?;
        st.serialize_field("titles_folded", &i.titles_folded)?;
        st.serialize_field("fields_folded", &i.fields_folded)?;
        st.serialize_field("bodies", &Bodies::default())?;
        st.serialize_field("masks", &i.masks)?;
        st.serialize_field("postings", &self.2.head())?;
        st.serialize_field("title_chars", &i.title_chars)?;
        st.serialize_field("field_chars", &i.field_chars)?;
        let pinyin = match &self.1 {
            HeadPinyin::Made(p) => p,
            HeadPinyin::ForWriting(p) => &**p,
        };
        st.serialize_field("derived", &Some(StoredPinyinRef::of(pinyin)))?;
        st.end()
    }
}

/// One body's bytes as read (borrowed from the cache's bytes when it can).
struct RawBody<'de>(Cow<'de, [u8]>);

impl<'de> Deserialize<'de> for RawBody<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RawBody<'de>, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawBody<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a folded body")
            }
            fn visit_borrowed_bytes<E: serde::de::Error>(
                self,
                v: &'de [u8],
            ) -> Result<RawBody<'de>, E> {
                Ok(RawBody(Cow::Borrowed(v)))
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<RawBody<'de>, E> {
                Ok(RawBody(Cow::Owned(v.to_vec())))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<RawBody<'de>, E> {
                Ok(RawBody(Cow::Owned(v)))
            }
        }
        d.deserialize_bytes(V)
    }
}

impl<'de> Deserialize<'de> for Bodies {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Bodies, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Bodies;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("folded bodies")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Bodies, A::Error> {
                let mut col = TextColumn::new();
                while let Some(RawBody(bytes)) = a.next_element::<RawBody<'de>>()? {
                    let text = simdutf8::basic::from_utf8(&bytes)
                        .map_err(|_| serde::de::Error::custom("a body is not UTF-8"))?;
                    col.push(text);
                }
                Ok(Bodies::Folded(col))
            }
        }
        d.deserialize_seq(V)
    }
}

/// Which ASCII letters and digits each title and field text holds (a quick
/// reject for Latin queries, pinyin above all).
#[derive(Debug, Default)]
pub(crate) struct AsciiMasks {
    pub titles: Vec<u64>,
    pub fields: Vec<u64>,
}

/// Data worked out from the stored index when first needed; a clone or a
/// comparison ignores it (it follows from the rest). The pinyin data, the
/// costliest to work out (a warm start made it on every start), is kept in
/// the cache file as well: [`PinyinData`]'s characters in glyph order, the
/// titles as glyphs and their letter pairs (read in place), the rest made
/// from those when read.
#[derive(Default)]
struct Derived {
    pinyin: OnceLock<Box<PinyinData>>,
    ascii: OnceLock<Box<AsciiMasks>>,
    title_starts: OnceLock<Box<[char]>>,
    head_starts: OnceLock<Box<HeadStarts>>,
}

/// What the cache file keeps of [`PinyinData`].
#[derive(Serialize)]
struct StoredPinyinRef<'a> {
    chars: Vec<char>,
    titles: &'a GlyphTexts,
    title_pairs: &'a pinyin::LetterPairs,
}

impl<'a> StoredPinyinRef<'a> {
    fn of(p: &'a PinyinData) -> StoredPinyinRef<'a> {
        StoredPinyinRef {
            chars: p.glyphs.chars(),
            titles: &p.titles,
            title_pairs: &p.title_pairs,
        }
    }
}

/// [`StoredPinyinRef`] as read back.
#[derive(Deserialize)]
struct StoredPinyin {
    chars: Vec<char>,
    titles: GlyphTexts,
    title_pairs: pinyin::LetterPairs,
}

impl Serialize for Derived {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.pinyin
            .get()
            .map(|p| StoredPinyinRef::of(p))
            .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Derived {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Derived, D::Error> {
        let derived = Derived::default();
        if let Some(StoredPinyin {
            chars,
            titles,
            title_pairs,
        }) = Option::<StoredPinyin>::deserialize(d)?
        {
            let glyphs = Glyphs::of_chars(&chars);
            // Data that does not hold together is made afresh when needed
            // (`SearchIndex::is_consistent` refuses titles of another count).
            if titles.is_consistent(glyphs.len()) && title_pairs.is_consistent() {
                let data = PinyinData::of_parts(glyphs, titles, title_pairs);
                let _ = derived.pinyin.set(Box::new(data));
            }
        }
        Ok(derived)
    }
}

impl Clone for Derived {
    fn clone(&self) -> Derived {
        Derived::default()
    }
}

impl PartialEq for Derived {
    fn eq(&self, _: &Derived) -> bool {
        true
    }
}

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.pinyin.get().is_some() {
            "Derived(ready)"
        } else {
            "Derived(not yet)"
        })
    }
}

/// Bits of the ASCII letters and digits in `text` (a-z: bits 0-25, 0-9: 26-35).
pub fn ascii_mask(text: &str) -> u64 {
    text.bytes().fold(0, |m, b| {
        m | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            _ => 0,
        }
    })
}

impl SearchIndex {
    /// Index every article of `corpus` (bodies' postings made in parallel; the
    /// bodies are shared with the corpus, not copied).
    pub fn build(corpus: &Corpus) -> SearchIndex {
        SearchIndex::build_from_issues(&corpus.issues)
    }

    pub fn build_from_issues(issues: &[Issue]) -> SearchIndex {
        let mut index = SearchIndex::empty();
        let mut articles: Vec<&Article> = Vec::new();
        let mut bodies = Vec::new();
        for (ii, issue) in issues.iter().enumerate() {
            index.issues.push(IssueInfo::of(issue));
            for (ai, a) in issue.articles.iter().enumerate() {
                index.push_article(ii as u32, ai as u32, a);
                articles.push(a);
                bodies.push((Arc::clone(&issue.articles), ai as u32));
            }
        }
        // A few segments at a time (the same segments as all at once), each
        // batch handed to the store that keeps them within a budget.
        let mut segments = Segments::default();
        for part in articles.chunks(feed_batch()) {
            for s in body_segments(part, SEGMENT_DOCS, Grams::All) {
                segments.push(s);
            }
        }
        index.finish(Bodies::Shared(bodies), segments)
    }

    /// No issue yet, columns ready to grow.
    fn empty() -> SearchIndex {
        SearchIndex {
            ids: TextColumn::new(),
            titles: TextColumn::new(),
            fields_folded: TextColumn::new(),
            ..SearchIndex::default()
        }
    }

    /// Everything of one article but its body.
    fn push_article(&mut self, issue: u32, article: u32, a: &Article) {
        self.refs.push(DocRef { issue, article });
        self.kinds.push(a.kind);
        self.doubts.to_mut().push(a.doubts.bits());
        self.ids.push(&a.id);
        let title = a.display_title();
        let folded = fold(&title);
        self.masks.push(pinyin::masks(&folded));
        self.titles.push(&title);
        let doc = self.titles.len() - 1;
        self.titles_folded
            .push(doc, (folded != title).then_some(folded.as_str()));
        let fields = [a.kicker.as_str(), &a.subtitle, &a.byline]
            .map(fold)
            .join("\n");
        self.fields_folded.push(&fields);
    }

    /// The folded text of `field` of document `d` (character for character the
    /// field as printed).
    pub fn folded(&self, d: usize, field: Field) -> Cow<'_, str> {
        match field {
            Field::Body => Cow::Owned(self.with_body(d, str::to_string)),
            _ => Cow::Borrowed(self.folded_head(d, field)),
        }
    }

    /// The folded kicker, subtitle and byline of `d`, in this order (each
    /// what [`SearchIndex::folded_head`] gives), looked up once.
    pub(crate) fn folded_heads(&self, d: usize) -> impl Iterator<Item = &str> {
        self.fields_folded.get(d).split('\n').take(3)
    }

    /// [`SearchIndex::folded`] of a field other than the body ("" for the body).
    pub(crate) fn folded_head(&self, d: usize, field: Field) -> &str {
        let nth = |k: usize| self.fields_folded.get(d).split('\n').nth(k).unwrap_or("");
        match field {
            Field::Title => self.title_folded(d),
            Field::Kicker => nth(0),
            Field::Subtitle => nth(1),
            Field::Byline => nth(2),
            Field::Body => "",
        }
    }

    /// The folded body of `d` (paragraphs joined by `\n`) given to `f`: folded
    /// on the way when the index shares the corpus's articles.
    pub fn with_body<R>(&self, d: usize, f: impl FnOnce(&str) -> R) -> R {
        self.bodies.with(d, f)
    }

    /// The cache file this index was read from (or the one it was made from),
    /// when reading it has met a damaged posting list or body since the last
    /// call (the file is removed already): a search may have lost hits, so the
    /// caller says so and indexes the corpus again.
    pub fn take_damaged(&self) -> Option<std::path::PathBuf> {
        self.damage.take()
    }

    /// Use these bodies (the cache's, read apart from the rest).
    pub(crate) fn set_bodies(&mut self, bodies: Bodies) {
        self.bodies = bodies;
    }

    /// The character indexes, the bodies and their postings.
    fn finish(mut self, bodies: Bodies, segments: Segments) -> SearchIndex {
        self.index_chars();
        self.postings = match segments.merge() {
            Some(p) => p,
            // Segments spilled to a file that failed: made again, in memory.
            None => postings_of(&bodies),
        };
        self.bodies = bodies;
        self
    }

    /// [`SearchIndex::finish`], the postings apart, their lists in a
    /// temporary file when the segments went to one (see [`BuiltIndex`]).
    fn finish_apart(mut self, bodies: Bodies, segments: Segments) -> BuiltIndex {
        self.index_chars();
        let postings = match segments.merge_streamed() {
            Some(p) => p,
            // Segments spilled to a file that failed: made again, in memory.
            None => MergedPostings::in_memory(postings_of(&bodies)),
        };
        self.bodies = bodies;
        BuiltIndex {
            index: Arc::new(self),
            postings,
            fourgrams_pending: false,
        }
    }

    /// The characters of titles and of the other fields.
    fn index_chars(&mut self) {
        let n = self.refs.len();
        self.title_chars = CharIndex::build((0..n).map(|d| self.title_folded(d)));
        self.field_chars = CharIndex::build((0..n).map(|d| self.fields_folded.get(d)));
    }

    /// Whether the body postings lack the pinyin four-grams still (an index
    /// searched while they are made: see [`IndexBuilder::fourgrams_later`]).
    pub fn fourgrams_pending(&self) -> bool {
        self.postings.without_fourgrams()
    }

    /// Let go of the body postings (the biggest part of an index just built)
    /// while the index is not searched: see [`SearchIndex::remake_postings`].
    pub fn drop_postings(&mut self) {
        self.postings = Postings::default();
    }

    /// Make the body postings again after [`SearchIndex::drop_postings`], from
    /// the bodies shared with the corpus (an index read from the cache keeps
    /// its own: nothing to do).
    pub fn remake_postings(&mut self) {
        if self.postings.n_docs() as usize != self.len() {
            self.postings = postings_of(&self.bodies);
        }
    }

    /// This index with issue `at`'s documents replaced by the articles of
    /// `issue` (after a correction split, joined or re-cut it, or its file
    /// changed): equal to an index built afresh from the corpus as it is now,
    /// made from the other documents' stored columns and postings instead of
    /// indexing every article again. `None` when `at` is not an issue of the
    /// index (index the corpus again then).
    pub fn with_issue_replaced(&self, at: usize, issue: &Issue) -> Option<SearchIndex> {
        if at >= self.issues.len() {
            return None;
        }
        let start = self.refs.partition_point(|r| (r.issue as usize) < at);
        let end = self.refs.partition_point(|r| (r.issue as usize) <= at);
        let mut out = SearchIndex::empty();
        // Reading the other documents' bodies and postings checks them.
        out.damage = self.damage.clone();
        out.issues = self.issues.clone();
        if let Some(info) = out.issues.get_mut(at) {
            *info = IssueInfo::of(issue);
        }
        let copy = |out: &mut SearchIndex, d: usize| {
            let doc = out.refs.len();
            out.refs.push(self.refs[d]);
            out.kinds.push(self.kinds[d]);
            out.doubts.to_mut().push(self.doubts[d]);
            out.ids.push(self.ids.get(d));
            out.titles.push(self.titles.get(d));
            out.titles_folded.push(doc, self.titles_folded.variant(d));
            out.fields_folded.push(self.fields_folded.get(d));
            out.masks.push(self.masks[d]);
        };
        for d in 0..start {
            copy(&mut out, d);
        }
        for (k, a) in issue.articles.iter().enumerate() {
            out.push_article(at as u32, k as u32, a);
        }
        for d in end..self.len() {
            copy(&mut out, d);
        }
        // The issue's bodies, folded, and their postings: a small delta
        // beside the bodies and postings as they are (see [`super::patch`]).
        let mut folded = TextColumn::new();
        let mut buf = String::new();
        for a in issue.articles.iter() {
            buf.clear();
            for (i, p) in a.paragraphs.read().iter().enumerate() {
                if i > 0 {
                    buf.push('\n');
                }
                super::fold::fold_into(p, &mut buf);
            }
            folded.push(&buf);
        }
        let segment = Segment::build(
            issue
                .articles
                .iter()
                .map(|a| a.paragraphs.read().into_owned())
                .collect::<Vec<_>>()
                .iter()
                .map(|p| p.iter().map(String::as_str)),
        );
        // The keys of the documents replaced: those only they held go.
        let old_bodies: Vec<String> = (start..end)
            .map(|d| self.bodies.with(d, str::to_string))
            .collect();
        let old_keys = Segment::build(old_bodies.iter().map(|b| b.split('\n'))).keys_vec();
        let now = start as u32..end as u32;
        let postings = self.postings.with_issue_replaced(
            at as u32,
            now.clone(),
            &old_keys,
            Postings::merge(std::slice::from_ref(&segment)),
        );
        let bodies = self.bodies.with_issue_replaced(at as u32, now, folded);
        let n = out.refs.len();
        out.title_chars = CharIndex::build((0..n).map(|d| out.title_folded(d)));
        out.field_chars = CharIndex::build((0..n).map(|d| out.fields_folded.get(d)));
        out.bodies = bodies;
        out.postings = postings;
        Some(out)
    }

    /// Titles as glyphs and the glyphs of the bodies' characters, for pinyin
    /// (made on first use; see [`SearchIndex::warm`]).
    pub(crate) fn pinyin_data(&self) -> &PinyinData {
        self.derived
            .pinyin
            .get_or_init(|| Box::new(self.make_pinyin_data()))
    }

    fn make_pinyin_data(&self) -> PinyinData {
        PinyinData::build(
            (0..self.len()).map(|d| self.title_folded(d)),
            self.postings.chars(),
        )
    }

    /// Whether the pinyin data is made (or was read with the index).
    #[cfg(test)]
    pub(crate) fn pinyin_ready(&self) -> bool {
        self.derived.pinyin.get().is_some()
    }

    /// ASCII masks of titles and fields (made on first use).
    pub(crate) fn ascii_masks(&self) -> &AsciiMasks {
        self.derived.ascii.get_or_init(|| {
            let n = self.len();
            Box::new(AsciiMasks {
                titles: (0..n).map(|d| ascii_mask(self.title_folded(d))).collect(),
                fields: (0..n)
                    .map(|d| ascii_mask(self.fields_folded.get(d)))
                    .collect(),
            })
        })
    }

    /// The first character of each folded title (`'\0'` for an empty one),
    /// made on first use: with the title character index, what scoring a
    /// one-character term in titles needs, without reading the titles.
    pub(crate) fn title_starts(&self) -> &[char] {
        self.derived.title_starts.get_or_init(|| {
            use rayon::prelude::*;
            (0..self.len())
                .into_par_iter()
                .map(|d| self.title_folded(d).chars().next().unwrap_or('\0'))
                .collect::<Vec<char>>()
                .into_boxed_slice()
        })
    }

    /// The first character of each folded head (kicker, subtitle, byline),
    /// made on first use: with the field character index, what ranking a
    /// one-character term in the heads needs, without reading the heads.
    pub(crate) fn head_starts(&self) -> &HeadStarts {
        self.derived
            .head_starts
            .get_or_init(|| Box::new(HeadStarts::build(self.len(), |d| self.fields_folded.get(d))))
    }

    /// [`SearchIndex::head_starts`] when made already (by [`SearchIndex::warm`]
    /// or an earlier call): a one-character search uses it then, and reads
    /// the heads it needs otherwise (a single `newstag search` reads fewer
    /// heads than making the table does).
    pub(crate) fn head_starts_made(&self) -> Option<&HeadStarts> {
        self.derived.head_starts.get().map(|h| &**h)
    }

    /// Make now what the first searches would otherwise make (call it off the UI
    /// thread, before the first keystroke).
    pub fn warm(&self) {
        self.warm_but_head_starts();
        self.head_starts();
    }

    /// [`SearchIndex::warm`] but for the heads' first characters
    /// ([`SearchIndex::head_starts`]): until they are made, a one-character
    /// search reads the heads it ranks, as a single `newstag search` does. The
    /// search thread makes them on a thread of their own after this (at
    /// 100,000 issues they take about half a second), so that the first
    /// keystroke does not wait for them.
    pub fn warm_but_head_starts(&self) {
        self.pinyin_data();
        self.ascii_masks();
        self.title_starts();
    }

    /// What the body postings hold, by kind of key (see [`Postings::census`]).
    pub fn postings_census(&self) -> Vec<super::postings::KeyCensus> {
        self.postings.census()
    }

    /// Approximate heap bytes of each part of the index (for the benchmark's
    /// memory report).
    pub fn memory_report(&self) -> Vec<(&'static str, usize)> {
        let text = |c: &TextColumn| c.buffer().len() + 4 * (c.len() + 1);
        let mut out = vec![
            (
                "issues",
                self.issues
                    .iter()
                    .map(|i| 72 + i.rel.len() + i.date.as_ref().map_or(0, String::len))
                    .sum(),
            ),
            ("refs+kinds+masks", self.len() * (8 + 1 + 8)),
            ("ids", text(&self.ids)),
            ("titles", text(&self.titles)),
            ("titles folded", self.titles_folded.heap_bytes()),
            ("fields folded", text(&self.fields_folded)),
            (
                match self.bodies {
                    Bodies::Shared(_) => "bodies (shared with the corpus)",
                    Bodies::Folded(_) => "bodies folded",
                    Bodies::Mapped(_) => "bodies (mapped from the cache, not on the heap)",
                    Bodies::Patched(_) => "bodies (as read, and of issues replaced since)",
                },
                match &self.bodies {
                    Bodies::Shared(v) => 24 * v.len(),
                    Bodies::Folded(c) => text(c),
                    Bodies::Mapped(m) => m.heap_bytes(),
                    Bodies::Patched(p) => p.map.runs.iter().map(|r| text(&r.data)).sum::<usize>(),
                },
            ),
            ("body postings", self.postings.heap_bytes()),
            (
                "title+field chars",
                self.title_chars.heap_bytes() + self.field_chars.heap_bytes(),
            ),
        ];
        if let Some(p) = self.derived.pinyin.get() {
            out.push(("pinyin (derived)", p.heap_bytes()));
        }
        if self.derived.ascii.get().is_some() {
            out.push(("ascii masks (derived)", self.len() * 16));
        }
        if let Some(h) = self.derived.head_starts.get() {
            out.push(("head starts (derived)", h.heap_bytes()));
        }
        out
    }

    /// The folded display title of document `d`.
    pub(crate) fn title_folded(&self, d: usize) -> &str {
        self.titles_folded.get(&self.titles, d)
    }

    /// Number of documents (articles).
    pub fn len(&self) -> usize {
        self.refs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }

    /// The article document `doc` is.
    pub fn article_at(&self, doc: u32) -> Option<ArticleAt> {
        self.refs.get(doc as usize).copied().map(ArticleAt::from)
    }

    /// The document of the article at `at`, if indexed.
    pub fn doc_of(&self, at: ArticleAt) -> Option<u32> {
        let target = DocRef {
            issue: u32::try_from(at.issue).ok()?,
            article: u32::try_from(at.article).ok()?,
        };
        self.refs
            .binary_search_by(|r| (r.issue, r.article).cmp(&(target.issue, target.article)))
            .ok()
            .map(|d| d as u32)
    }

    /// The display title of `doc` as written.
    pub fn title(&self, doc: u32) -> &str {
        self.titles.get(doc as usize)
    }

    /// The article id of `doc`.
    pub fn id(&self, doc: u32) -> &str {
        self.ids.get(doc as usize)
    }

    pub fn kind(&self, doc: u32) -> Kind {
        self.kinds.get(doc as usize).copied().unwrap_or_default()
    }

    /// Why segmentation doubts `doc`'s cut.
    pub fn doubts(&self, doc: u32) -> crate::article::Doubts {
        crate::article::Doubts::from_bits(self.doubts.get(doc as usize).copied().unwrap_or(0))
    }

    /// The issue `doc` belongs to.
    pub fn issue(&self, doc: u32) -> Option<&IssueInfo> {
        self.article_at(doc)
            .and_then(|at| self.issues.get(at.issue))
    }

    /// Number of distinct unigrams and bigrams of the bodies.
    pub fn vocabulary(&self) -> usize {
        self.postings.len()
    }

    /// True when the index agrees with `issues` (same articles, same ids, same
    /// titles): a cached index is only used when this holds.
    pub fn matches_issues(&self, issues: &[Issue]) -> bool {
        if self.issues.len() != issues.len() {
            return false;
        }
        let mut doc = 0usize;
        for (ii, issue) in issues.iter().enumerate() {
            if self.issues[ii].rel != issue.rel {
                return false;
            }
            for a in issue.articles.iter() {
                if self.ids.get(doc) != a.id || self.titles.get(doc) != a.display_title() {
                    return false;
                }
                doc += 1;
            }
        }
        doc == self.refs.len()
    }

    /// Structural sanity, so a corrupt cache is refused instead of trusted.
    pub fn is_consistent(&self) -> bool {
        let n = self.refs.len();
        self.kinds.len() == n
            && self.doubts.len() == n
            && self.ids.len() == n
            && self.titles.len() == n
            && self.fields_folded.len() == n
            && self.bodies.len() == n
            && match &self.bodies {
                Bodies::Folded(c) => c.is_consistent(),
                Bodies::Shared(_) | Bodies::Mapped(_) | Bodies::Patched(_) => true,
            }
            && self.masks.len() == n
            && self.ids.is_consistent()
            && self.titles.is_consistent()
            && self.titles_folded.is_consistent(n)
            && self.fields_folded.is_consistent()
            && self.postings.is_consistent()
            && self.postings.n_docs() as usize == n
            && self.title_chars.is_consistent()
            && self.field_chars.is_consistent()
            && self
                .derived
                .pinyin
                .get()
                .is_none_or(|p| p.titles.len() == n)
            && self
                .refs
                .windows(2)
                .all(|w| (w[0].issue, w[0].article) < (w[1].issue, w[1].article))
            && self
                .refs
                .iter()
                .all(|r| (r.issue as usize) < self.issues.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn article(title: &str, body: &[String]) -> Article {
        Article {
            id: format!(
                "{:012x}",
                xxhash_rust::xxh3::xxh3_64(title.as_bytes()) >> 16
            ),
            title: title.to_string(),
            byline: "本报记者".into(),
            paragraphs: body.to_vec().into(),
            ..Article::default()
        }
    }

    fn issue(n: usize, articles: Vec<Article>) -> Issue {
        Issue {
            rel: format!("2024/{n:03}.txt"),
            date: Some(format!("2024-01-{:02}", n % 28 + 1)),
            articles: articles.into(),
            ..Issue::default()
        }
    }

    /// Text from a small alphabet, so bigrams repeat across documents.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "社", "区", "治", "理", "環", "境", "发", "GDP", "5G", "，", " ", "2024",
            ]),
            0..12,
        )
        .prop_map(|parts| parts.concat())
    }

    fn articles() -> impl Strategy<Value = Vec<(String, Vec<String>)>> {
        proptest::collection::vec((text(), proptest::collection::vec(text(), 0..3)), 0..4)
    }

    fn issues_of(spec: &[Vec<(String, Vec<String>)>]) -> Vec<Issue> {
        spec.iter()
            .enumerate()
            .map(|(n, arts)| issue(n, arts.iter().map(|(t, b)| article(t, b)).collect()))
            .collect()
    }

    /// An index let go of its postings (while its cache file is read back)
    /// and made whole again finds what it found before.
    #[test]
    fn postings_dropped_and_made_again_find_the_same() {
        let body = |t: &str| vec![t.to_string()];
        let issues = vec![
            issue(0, vec![article("社区治理", &body("推进社区治理工作"))]),
            issue(1, vec![article("环境", &body("垃圾分类 GDP 5G"))]),
        ];
        let built = SearchIndex::build_from_issues(&issues);
        let mut index = built.clone();
        index.drop_postings();
        assert_eq!(
            index.postings.phrase_candidates("社区").map(|d| d.len()),
            Some(0)
        );
        index.remake_postings();
        assert_eq!(index, built);
        let found = |i: &SearchIndex, q: &str| i.postings.phrase_candidates(q).map(|d| d.len());
        assert_eq!(found(&index, "社区"), Some(1));
        assert_eq!(found(&index, "gdp"), Some(1));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Replacing one issue's documents (a correction split, joined or
        /// re-cut it) gives the index a fresh build of the corpus as it is now
        /// gives, whether the bodies are the corpus's or the cache's.
        #[test]
        fn replacing_an_issue_equals_indexing_afresh(
            before in proptest::collection::vec(articles(), 1..5),
            after in articles(),
            at in 0usize..5,
        ) {
            let at = at % before.len();
            let old = issues_of(&before);
            let mut spec = before.clone();
            spec[at] = after;
            let new = issues_of(&spec);
            let fresh = SearchIndex::build_from_issues(&new);
            let shared = SearchIndex::build_from_issues(&old);
            let updated = shared.with_issue_replaced(at, &new[at]);
            prop_assert!(updated.as_ref().is_some_and(SearchIndex::is_consistent));
            prop_assert_eq!(updated.as_ref(), Some(&fresh));
            let cached: SearchIndex =
                postcard::from_bytes(&postcard::to_stdvec(&shared).unwrap()).unwrap();
            let from_cache = cached.with_issue_replaced(at, &new[at]);
            prop_assert_eq!(from_cache.as_ref(), Some(&fresh));
            prop_assert!(shared.with_issue_replaced(before.len(), &new[at]).is_none());
        }

        /// Issues replaced one after the other (corrections, recuts, the
        /// same issue again) leave an index that searches as one built
        /// afresh: the same hits in the same order, for every form of query;
        /// and merged, it is the index built afresh.
        #[test]
        fn issues_replaced_in_turn_search_as_indexing_afresh(
            before in proptest::collection::vec(articles(), 1..6),
            edits in proptest::collection::vec((0usize..6, articles()), 1..5),
            from_cache in any::<bool>(),
        ) {
            let mut spec = before.clone();
            let mut index = SearchIndex::build_from_issues(&issues_of(&before));
            if from_cache {
                index = postcard::from_bytes(&postcard::to_stdvec(&index).unwrap()).unwrap();
            }
            for (at, arts) in edits {
                let at = at % spec.len();
                spec[at] = arts;
                let now = issues_of(&spec);
                let replaced = index.with_issue_replaced(at, &now[at]);
                prop_assert!(replaced.is_some());
                index = replaced.unwrap();
            }
            let fresh = SearchIndex::build_from_issues(&issues_of(&spec));
            prop_assert!(index.is_consistent());
            prop_assert_eq!(&index, &fresh);
            prop_assert_eq!(&index.postings.merged(), &fresh.postings);
            let (index, fresh) = (Arc::new(index), Arc::new(fresh));
            for q in [
                "社区", "社", "治理 环境", "環境", "GDP", "5g", "2024", "sq", "sqzl",
                "shequ", "zl", "~社理", "'社区", "社|境", "!社区", "^社", "title:治",
            ] {
                let hits = |i: &Arc<SearchIndex>| {
                    super::super::Searcher::new(Arc::clone(i), None)
                        .search(q)
                        .map(|h| h.iter().map(|h| (h.doc, h.score)).collect::<Vec<_>>())
                };
                prop_assert_eq!(hits(&index), hits(&fresh), "query {:?}", q);
            }
        }
    }
}
