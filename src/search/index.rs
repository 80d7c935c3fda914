//! The search index of a corpus: folded titles and other fields, pinyin masks,
//! and the body word index, one entry ("document") per article.

use super::body::{WordIndex, WordIndexBuilder};
use super::chars::CharIndex;
use super::column::{TextColumn, Variants};
use super::fold::fold;
use super::pinyin::{self, GlyphTexts, Glyphs};
use super::verify::Field;
use crate::article::{Article, Issue, Kind};
use crate::corpus::Corpus;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
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

/// The body words of `articles` (documents `first..`), cut with jieba in parallel,
/// `chunk` articles per task.
fn body_words<'a>(articles: &[&'a Article], first: usize, chunk: usize) -> WordIndexBuilder<'a> {
    let chunk = chunk.max(1);
    articles
        .par_chunks(chunk)
        .enumerate()
        .map(|(c, arts)| {
            let mut b = WordIndexBuilder::default();
            for (k, a) in arts.iter().enumerate() {
                let doc = (first + c * chunk + k) as u32;
                for p in &a.paragraphs {
                    b.add_text(doc, p);
                }
            }
            b
        })
        .reduce(WordIndexBuilder::default, |mut a, b| {
            a.merge(b);
            a
        })
}

/// Builds an index from issues handed over a few at a time, in corpus order, by
/// whoever holds them (the TUI, while its loader fills the corpus): the corpus is
/// read and segmented once, and only the batch being indexed is copied.
pub struct IndexBuilder {
    index: SearchIndex,
    words: WordIndexBuilder<'static>,
}

impl Default for IndexBuilder {
    fn default() -> IndexBuilder {
        IndexBuilder {
            index: SearchIndex::empty(),
            words: WordIndexBuilder::default(),
        }
    }
}

impl IndexBuilder {
    /// Issues seen so far.
    pub fn issue_count(&self) -> usize {
        self.index.issues.len()
    }

    /// Add the next issue (its articles come with [`IndexBuilder::add_articles`]).
    pub fn add_issue(&mut self, info: IssueInfo) {
        self.index.issues.push(info);
    }

    /// Add the next articles, in corpus order: (issue number, article position, the
    /// issue's articles, shared with the corpus rather than copied). Their bodies are
    /// cut into words in parallel.
    pub fn add_articles(&mut self, articles: &[(u32, u32, Arc<[Article]>)]) {
        let first = self.index.refs.len();
        let batch: Vec<(u32, u32, &Article)> = articles
            .iter()
            .filter_map(|(issue, article, all)| {
                Some((*issue, *article, all.get(*article as usize)?))
            })
            .collect();
        for &(issue, article, a) in &batch {
            self.index.push_article(issue, article, a);
        }
        let refs: Vec<&Article> = batch.iter().map(|&(_, _, a)| a).collect();
        // Small tasks, so a batch keeps every core busy.
        let chunk = refs
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(16);
        self.words
            .merge(body_words(&refs, first, chunk).into_owned());
    }

    pub fn finish(self) -> SearchIndex {
        self.index.finish(self.words)
    }
}

/// Where a document comes from: issue and article position in the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocRef {
    pub issue: u32,
    pub article: u32,
}

/// Everything searching needs, without the article bodies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub issues: Vec<IssueInfo>,
    pub(crate) refs: Vec<DocRef>,
    pub(crate) kinds: Vec<Kind>,
    /// Reasons for doubt ([`crate::article::Doubts`] bits).
    pub(crate) doubts: Vec<u8>,
    /// Article ids.
    pub(crate) ids: TextColumn,
    /// Display titles as written.
    pub(crate) titles: TextColumn,
    /// Display titles folded (same character count as `titles`), where folding
    /// changes them: see [`SearchIndex::title_folded`].
    pub(crate) titles_folded: Variants,
    /// Kicker, subtitle and byline folded, separated by `\n` (always two).
    pub(crate) fields_folded: TextColumn,
    /// Bodies folded: paragraphs joined by `\n`, as in article records.
    pub(crate) bodies_folded: TextColumn,
    /// Pinyin masks of the folded titles.
    pub(crate) masks: Vec<(u32, u32)>,
    pub(crate) words: WordIndex,
    /// Characters of the folded titles, and of the folded other fields.
    pub(crate) title_chars: CharIndex,
    pub(crate) field_chars: CharIndex,
    /// Worked out from the above when first needed, never stored in the cache.
    #[serde(skip)]
    derived: Derived,
}

/// What pinyin matching needs beyond the stored index: titles and body words as
/// glyph numbers.
#[derive(Debug, Default)]
pub(crate) struct PinyinData {
    pub glyphs: Glyphs,
    pub titles: GlyphTexts,
    /// Per title, for one-letter queries.
    pub title_letters: Vec<pinyin::LetterMasks>,
    /// The body words (`words.word(w)` is glyph text `w`).
    pub words: GlyphTexts,
}

impl PinyinData {
    fn heap_bytes(&self) -> usize {
        self.titles.heap_bytes()
            + self.words.heap_bytes()
            + self.title_letters.capacity() * std::mem::size_of::<pinyin::LetterMasks>()
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
/// comparison ignores it (it follows from the rest).
#[derive(Default)]
struct Derived {
    pinyin: OnceLock<Box<PinyinData>>,
    ascii: OnceLock<Box<AsciiMasks>>,
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
    /// Index every article of `corpus` (bodies cut into words with jieba, in parallel).
    pub fn build(corpus: &Corpus) -> SearchIndex {
        SearchIndex::build_from_issues(&corpus.issues)
    }

    pub fn build_from_issues(issues: &[Issue]) -> SearchIndex {
        let mut index = SearchIndex::empty();
        let mut articles: Vec<&Article> = Vec::new();
        for (ii, issue) in issues.iter().enumerate() {
            index.issues.push(IssueInfo::of(issue));
            for (ai, a) in issue.articles.iter().enumerate() {
                index.push_article(ii as u32, ai as u32, a);
                articles.push(a);
            }
        }
        let words = body_words(&articles, 0, 512);
        index.finish(words)
    }

    /// No issue yet, columns ready to grow.
    fn empty() -> SearchIndex {
        SearchIndex {
            ids: TextColumn::new(),
            titles: TextColumn::new(),
            fields_folded: TextColumn::new(),
            bodies_folded: TextColumn::new(),
            ..SearchIndex::default()
        }
    }

    /// Everything of one article but its body words.
    fn push_article(&mut self, issue: u32, article: u32, a: &Article) {
        self.refs.push(DocRef { issue, article });
        self.kinds.push(a.kind);
        self.doubts.push(a.doubts.bits());
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
        let body: Vec<String> = a.paragraphs.iter().map(|p| fold(p)).collect();
        self.bodies_folded.push(&body.join("\n"));
    }

    /// The folded text of `field` of document `d` (character for character the
    /// field as printed).
    pub fn folded(&self, d: usize, field: Field) -> &str {
        let nth = |k: usize| self.fields_folded.get(d).split('\n').nth(k).unwrap_or("");
        match field {
            Field::Title => self.title_folded(d),
            Field::Kicker => nth(0),
            Field::Subtitle => nth(1),
            Field::Byline => nth(2),
            Field::Body => self.bodies_folded.get(d),
        }
    }

    /// The character indexes, and the body words gathered meanwhile.
    fn finish(mut self, words: WordIndexBuilder<'_>) -> SearchIndex {
        let n = self.refs.len();
        self.title_chars = CharIndex::build((0..n).map(|d| self.title_folded(d)));
        self.field_chars = CharIndex::build((0..n).map(|d| self.fields_folded.get(d)));
        self.words = words.finish(n);
        self
    }

    /// Titles and body words as glyphs, for pinyin (made on first use; see
    /// [`SearchIndex::warm`]).
    pub(crate) fn pinyin_data(&self) -> &PinyinData {
        self.derived.pinyin.get_or_init(|| {
            let mut glyphs = Glyphs::new();
            let titles =
                GlyphTexts::build(&mut glyphs, (0..self.len()).map(|d| self.title_folded(d)));
            let words = GlyphTexts::build(
                &mut glyphs,
                (0..self.words.len()).map(|w| self.words.word(w)),
            );
            let title_letters = (0..titles.len())
                .map(|d| glyphs.letter_masks(titles.get(d)))
                .collect();
            Box::new(PinyinData {
                glyphs,
                titles,
                title_letters,
                words,
            })
        })
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

    /// Make now what the first searches would otherwise make (call it off the UI
    /// thread, before the first keystroke).
    pub fn warm(&self) {
        self.pinyin_data();
        self.ascii_masks();
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
            ("bodies folded", text(&self.bodies_folded)),
            ("body words", self.words.heap_bytes()),
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

    /// Issue and article of document `doc`.
    pub fn doc_ref(&self, doc: u32) -> Option<DocRef> {
        self.refs.get(doc as usize).copied()
    }

    /// The document of an issue's article, if indexed.
    pub fn doc_of(&self, issue: usize, article: usize) -> Option<u32> {
        let target = DocRef {
            issue: issue as u32,
            article: article as u32,
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
        self.doc_ref(doc)
            .and_then(|r| self.issues.get(r.issue as usize))
    }

    /// Number of distinct body words.
    pub fn vocabulary(&self) -> usize {
        self.words.len()
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
            && self.bodies_folded.len() == n
            && self.bodies_folded.is_consistent()
            && self.masks.len() == n
            && self.ids.is_consistent()
            && self.titles.is_consistent()
            && self.titles_folded.is_consistent(n)
            && self.fields_folded.is_consistent()
            && self.words.is_consistent()
            && self.title_chars.is_consistent()
            && self.field_chars.is_consistent()
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
