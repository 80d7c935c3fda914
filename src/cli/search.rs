//! `newstag search`: the TUI's search ranking, printed.

use super::output::{Format, pad, resolve_format};
use crate::article::{Article, Issue};
use crate::config::Config;
use crate::corpus::{Corpus, load_issue};
use crate::record::ArticleRecord;
use crate::search::cache::{self, CacheStatus};
use crate::search::tags::snapshot;
use crate::search::verify::{Field, FieldRanges};
use crate::search::{Matcher, Query, SearchIndex};
use anyhow::Context;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// [PATH] QUERY...: the corpus folder or issue file (default: the configured
    /// corpus, else the built-in sample), then the query; every word after PATH
    /// belongs to the query (`newstag search 社区 治理` = both words). The first
    /// word is PATH only when it exists or looks like a path (holds `/`, ends in
    /// `.txt` or `.md`); `--in PATH` says it without guessing.
    #[arg(num_args = 1.., required = true, value_name = "[PATH] QUERY")]
    pub words: Vec<String>,
    /// The corpus folder or issue file (then every word is the query).
    #[arg(long = "in", value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Print at most N results (0: all).
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
    /// Output format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Ignore the index cache (read and index the corpus afresh, then rewrite it).
    #[arg(long, hide = true)]
    pub no_cache: bool,
}

/// A search result as scripts see it: the article record, its score, the
/// matched character ranges (`[start, end)`) of the title (`matches`) and of every
/// field that matched (`ranges`, keyed by field name), and the matched sentence
/// of the body (`snippet`, empty when the body did not match).
#[derive(Debug, Serialize)]
struct SearchRecord {
    #[serde(flatten)]
    record: ArticleRecord,
    score: i64,
    matches: Vec<[usize; 2]>,
    ranges: BTreeMap<&'static str, Vec<[usize; 2]>>,
    snippet: String,
}

pub fn run(config: &Config, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let (path, text) = split_path(args.path.clone(), &args.words);
    if text.trim().is_empty() {
        anyhow::bail!("the query is empty (newstag search [PATH] QUERY...)");
    }
    // `@name` words stand for the saved searches of `[searches]`.
    let expansion = match crate::search::saved::expand(&text, &config.searches) {
        Ok(x) => x,
        Err(e) => return Ok(bad_query(&text, &e)),
    };
    let query = match Query::parse(&expansion.text) {
        Ok(q) => q,
        Err(e) => return Ok(bad_query(&text, &expansion.typed_error(e))),
    };
    let root = super::corpus_root(config, path.as_deref())?;
    let (index, corpus) = if args.no_cache {
        let files = cache::stamps(&root);
        let corpus = Corpus::load(&root)?;
        let index = SearchIndex::build(&corpus);
        cache::save(&root, &cache::cut_with(&files, &corpus), &index);
        (index, Some(corpus))
    } else {
        let (index, corpus, status) = cache::open_index(&root)?;
        if status == CacheStatus::BuiltNotSaved {
            super::output::say("note: could not write the index cache");
        }
        (index, corpus)
    };
    // Tag filters need every article's tags, hence the corpus.
    let corpus = match corpus {
        None if query.uses_tags() => Some(crate::cache::load_corpus(&root)?),
        c => c,
    };
    if let Some(c) = &corpus {
        for w in &c.warnings {
            super::output::say(format!("warning: {w}"));
        }
    }
    let tags = match (&corpus, query.uses_tags()) {
        (Some(c), true) => {
            let store = super::tag_store(config, c)?;
            if let Err(e) = query.check_tags(&known_tags(config, &store)) {
                return Ok(bad_query(&text, &expansion.typed_error(e)));
            }
            let samples = match super::sample::samples_for(config, c, &query) {
                Ok(s) => s,
                Err(e) => match e.downcast_ref::<crate::search::query::QueryError>() {
                    Some(q) => return Ok(bad_query(&text, &expansion.typed_error(q.clone()))),
                    None => return Err(e),
                },
            };
            let tags = snapshot(c, &store);
            Some(crate::search::tags::with_samples(tags, &c.issues, &samples))
        }
        _ => None,
    };
    if index.issues.is_empty() {
        let skipped = corpus.as_ref().map_or(0, |c| c.warnings.len());
        return Err(super::no_issue_files(&root, skipped));
    }
    let matcher = Matcher::new(&index, &query, tags);
    let mut hits = matcher.run(None);
    if args.limit > 0 {
        hits.truncate(args.limit);
    }
    // A posting list or body of the cached index that failed its check read
    // as empty: hits, ranges or snippets may be missing. The hits' bodies
    // (read for their ranges and snippets) are checked before anything is
    // printed; on damage the file is gone, and the search is made again on an
    // index built afresh (and cached again).
    for h in &hits {
        index.with_body(h.doc as usize, |_| ());
    }
    if let Some(file) = index.take_damaged()
        && !args.no_cache
    {
        super::output::say(format!(
            "warning: {}: the search index cache is damaged; indexing the corpus again",
            file.display()
        ));
        drop(matcher);
        return run(
            config,
            SearchArgs {
                no_cache: true,
                ..args
            },
        );
    }

    // The hits' issues: from the corpus, or re-read when the cache spared
    // loading it.
    let mut reloaded = Corpus {
        root: root.clone(),
        ..Corpus::default()
    };
    let mut slot: HashMap<usize, usize> = HashMap::new();
    let format = resolve_format(args.format);
    // The table's snippets are read for its first rows only: reading the issues
    // of thousands of hits again would cost seconds.
    let with_text = match format {
        Format::Table => hits.len().min(TABLE_SNIPPETS),
        Format::Jsonl => hits.len(),
    };
    if corpus.is_none() {
        // Each from its shard in the corpus cache when it has one (cut
        // already), else read and cut.
        let shards = crate::cache::CorpusCache::open_for(&root, crate::cache::Bodies::Stored);
        for h in &hits[..with_text] {
            let Some(r) = index.article_at(h.doc) else {
                continue;
            };
            if slot.contains_key(&r.issue) {
                continue;
            }
            if let Some(issue) = reload_issue(&root, &index, r.issue, shards.as_ref()) {
                slot.insert(r.issue, reloaded.issues.len());
                reloaded.issues.push(issue);
            }
        }
    }

    let mut out = super::output::stdout();
    match format {
        Format::Table => {
            writeln!(
                out,
                "{:>5} {} {:>3} {} TITLE",
                "SCORE",
                pad("ISSUE", 28),
                "#",
                pad("ID", 12)
            )?;
            for (k, h) in hits.iter().enumerate() {
                let Some(r) = index.article_at(h.doc) else {
                    continue;
                };
                let rel = index.issue(h.doc).map(|i| i.rel.as_str()).unwrap_or("");
                // A hit outside the title: the sentence it matched in, cut
                // around the hit.
                let issue = match &corpus {
                    Some(c) => c.issues.get(r.issue),
                    None => slot.get(&r.issue).and_then(|&k| reloaded.issues.get(k)),
                };
                let snippet = issue
                    .filter(|_| k < TABLE_SNIPPETS)
                    .and_then(|i| find_article(i, r.article, index.id(h.doc)))
                    .and_then(|article| table_snippet(&matcher, h.doc, article))
                    .map(|s| format!(" │ {s}"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{:>5} {} {:>3} {} {}{}",
                    h.score,
                    pad(rel, 28),
                    r.article,
                    pad(index.id(h.doc), 12),
                    crate::text::cell_text(index.title(h.doc)),
                    snippet
                )?;
            }
        }
        Format::Jsonl => {
            let source = corpus.as_ref().unwrap_or(&reloaded);
            let store = super::tag_store(config, source)?;
            for h in &hits {
                let Some(r) = index.article_at(h.doc) else {
                    continue;
                };
                let issue = match &corpus {
                    Some(c) => c.issues.get(r.issue),
                    None => slot.get(&r.issue).and_then(|&k| reloaded.issues.get(k)),
                };
                let Some(issue) = issue else { continue };
                let Some(article) = find_article(issue, r.article, index.id(h.doc)) else {
                    continue;
                };
                let found = titles_as_written(matcher.ranges(h.doc), article);
                let pairs = |f: Field| -> Vec<[usize; 2]> {
                    found.of(f).iter().map(|r| [r.start, r.end]).collect()
                };
                let matches = pairs(Field::Title);
                let ranges = found
                    .0
                    .iter()
                    .map(|(f, _)| (f.as_str(), pairs(*f)))
                    .collect();
                let snippet = found
                    .of(Field::Body)
                    .first()
                    .map(|r| sentence_around(&article.body(), r.clone()))
                    .unwrap_or_default();
                let record = SearchRecord {
                    record: ArticleRecord::new(
                        issue,
                        article,
                        store.tag_names(&issue.rel, &article.id),
                    ),
                    score: h.score,
                    matches,
                    ranges,
                    snippet,
                };
                crate::export::jsonl::write_json_line(&mut out, &record)?;
            }
        }
    }
    out.flush().context("cannot write the results")?;
    Ok(ExitCode::SUCCESS)
}

/// One issue named by the index (cache hit: the corpus was not loaded), from
/// the corpus cache `shards` when given, else read again.
fn reload_issue(
    root: &Path,
    index: &SearchIndex,
    issue: usize,
    shards: Option<&crate::cache::CorpusCache>,
) -> Option<Issue> {
    let info = index.issues.get(issue)?;
    let path = if root.is_file() {
        root.to_path_buf()
    } else {
        crate::corpus::path_of_rel(root, &info.rel)
    };
    let loaded = match shards {
        Some(cache) => cache.load_issue(root, &path),
        None => load_issue(root, &path),
    };
    match loaded {
        Ok(i) => Some(i),
        Err(w) => {
            super::output::say(format!("warning: {w}"));
            None
        }
    }
}

fn find_article<'a>(issue: &'a Issue, index: usize, id: &str) -> Option<&'a Article> {
    issue
        .articles
        .get(index)
        .filter(|a| a.id == id)
        .or_else(|| issue.articles.iter().find(|a| a.id == id))
}

/// The sentence of `text` holding the character range `r` (cut at 。！？；, line
/// ends), at most 60 characters around it.
fn sentence_around(text: &str, r: std::ops::Range<usize>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let ends = |c: char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n');
    let mut start = r.start.min(chars.len());
    while start > 0 && r.start - start < 40 && !chars.get(start - 1).is_some_and(|&c| ends(c)) {
        start -= 1;
    }
    let mut end = r.end.min(chars.len());
    while let Some(&c) = chars.get(end).filter(|_| end - r.end < 40) {
        end += 1;
        if ends(c) {
            break;
        }
    }
    chars
        .get(start..end)
        .map(|s| s.iter().collect::<String>().trim().to_string())
        .unwrap_or_default()
}

/// The ranges with those of a titleless article's shown title (the start of its
/// first paragraph) moved to the body, where that text is in the record.
fn titles_as_written(mut found: FieldRanges, article: &Article) -> FieldRanges {
    if !article.title.trim().is_empty() {
        return found;
    }
    let first = article.paragraphs.first().map(String::as_str).unwrap_or("");
    let lead = first.chars().take_while(|c| c.is_whitespace()).count();
    let shown = first.trim().chars().count().min(24);
    let moved: Vec<std::ops::Range<usize>> = found
        .of(Field::Title)
        .iter()
        .filter(|r| r.end <= shown)
        .map(|r| r.start + lead..r.end + lead)
        .collect();
    found.0.retain(|(f, _)| *f != Field::Title);
    found.add(Field::Body, moved);
    found
}

/// How many rows of the table show the snippet of a hit outside the title.
const TABLE_SNIPPETS: usize = 200;

/// The table's snippet of a hit outside the title: the sentence matched in
/// the first field that matched (kicker, subtitle, byline, body), at most 40
/// columns around the hit.
fn table_snippet(matcher: &Matcher<'_>, doc: u32, article: &Article) -> Option<String> {
    let found = titles_as_written(matcher.ranges(doc), article);
    if !found.of(Field::Title).is_empty() {
        return None;
    }
    let field = [Field::Kicker, Field::Subtitle, Field::Byline, Field::Body]
        .into_iter()
        .find(|f| !found.of(*f).is_empty())?;
    let text = match field {
        Field::Kicker => article.kicker.clone(),
        Field::Subtitle => article.subtitle.clone(),
        Field::Byline => article.byline.clone(),
        _ => article.body(),
    };
    let line = crate::search::snippet::sentence_of_hit(&text, found.of(field))?;
    let cut = crate::search::snippet::fit_around(&line, 40);
    Some(crate::text::cell_text(&cut.text))
}

/// The corpus path and the query of `newstag search`'s words: with `--in`, every
/// word is the query; else the first of several words is the path when it exists
/// or looks like one.
fn split_path(given: Option<PathBuf>, words: &[String]) -> (Option<PathBuf>, String) {
    if given.is_some() {
        return (given, words.join(" "));
    }
    match words {
        [first, rest @ ..] if !rest.is_empty() && looks_like_path(first) => {
            (Some(PathBuf::from(first)), rest.join(" "))
        }
        _ => (None, words.join(" ")),
    }
}

fn looks_like_path(word: &str) -> bool {
    Path::new(word).exists()
        || word.contains(std::path::MAIN_SEPARATOR)
        || word.contains('/')
        || word.ends_with(".txt")
        || word.ends_with(".md")
}

/// Tell what is wrong with `text`, pointing at it; exit status 2.
fn bad_query(text: &str, e: &crate::search::QueryError) -> ExitCode {
    // The query and the caret under the problem, as they are shown (a control
    // character in the query takes the cells of its escape).
    let span = e.span();
    let shown = |s: String| crate::text::escape_controls(&s).into_owned();
    let before = shown(text.chars().take(span.start).collect());
    let marked = shown(
        text.chars()
            .skip(span.start)
            .take(span.len().max(1))
            .collect(),
    );
    super::output::say(format!("bad query: {e}"));
    eprintln!("  {}", crate::text::escape_controls(text));
    eprintln!(
        "  {}{}",
        " ".repeat(unicode_width::UnicodeWidthStr::width(before.as_str())),
        "^".repeat(unicode_width::UnicodeWidthStr::width(marked.as_str()).max(1))
    );
    ExitCode::from(2)
}

/// The tags a query may name: the config's, and every tag some article carries.
pub fn known_tags(config: &Config, store: &crate::tags::TagStore) -> Vec<String> {
    config
        .tags
        .iter()
        .map(|t| t.name.clone())
        .chain(store.tag_counts().into_keys())
        .collect()
}
