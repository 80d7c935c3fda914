//! The tag sidecar: one TOML file beside each issue (`ISSUE.txt` ->
//! `ISSUE.tags.toml`), or under the configured `sidecar_dir` for read-only
//! archives.
//!
//! ```toml
//! # newstag tags for 2024/01/02_03.txt: one [[article]] per tagged article.
//! schema = 1
//! issue = "2024/01/02_03.txt"
//!
//! [[article]]
//! id = "3f2a9c01b7de"
//! title = "老旧小区改造让居民住得更舒心"
//! tags = [
//!   { name = "governance", at = "2026-11-23T02:40:00Z", by = "hand" },
//!   { name = "heritage", at = "2026-11-23T02:41:10Z", by = "suggestion" },
//! ]
//!
//! [[article]]
//! id = "5e1d0a77c2f4"
//! title = "湿地公园迎来候鸟季"
//! memo = { text = "check the photo caption", at = "2026-11-23T02:45:00Z", coder = "wang" }
//! tags = [
//! ]
//! ```
//!
//! A memo ([`super::Memo`]) is one line of its article's table; an article with
//! a memo and no tag keeps its table. Files without memos are written exactly
//! as before memos existed.
//!
//! Articles are written in id order and tags in name order, one tag a line, so a
//! change touches as few lines as possible and two people's edits merge in git.
//! Two tables with the same id (as a git merge may leave) are read as one.
//! Unknown keys or a newer schema make the file unreadable rather than being
//! silently dropped on the next write.

use super::{Memo, Source, TagMark, TagSet};
use serde::Deserialize;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The schema version this build reads and writes.
pub const SCHEMA: u32 = 1;

/// File name suffix of sidecars (replacing the issue's extension).
pub const SUFFIX: &str = ".tags.toml";

/// Name of the lock file taken (one per sidecar folder) while a sidecar is
/// re-read, merged and replaced.
pub const LOCK_NAME: &str = ".newstag.lock";

/// The tags of one issue as stored in its sidecar.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sidecar {
    /// The issue path relative to the corpus root, with `/` (for people; the
    /// sidecar's location is what ties it to its issue).
    pub issue: String,
    /// Tagged articles, in id order, each id once.
    pub articles: Vec<ArticleTags>,
    /// How the issue's cut was corrected by hand (`[[correction]]`, see
    /// `crate::correct`), in the order they apply.
    pub corrections: Vec<crate::correct::Correction>,
}

/// One tagged article in a sidecar.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleTags {
    /// The article id when the tags were saved (see `crate::segment::id`).
    pub id: String,
    /// The article's display title when saved: for people, and to re-anchor the
    /// tags when the id no longer matches.
    pub title: String,
    pub tags: TagSet,
    /// The coder's memo on the article, if any.
    pub memo: Option<Memo>,
}

impl ArticleTags {
    /// True when the record holds neither a tag nor a memo (it is not written).
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.memo.is_none()
    }
}

/// A sidecar that cannot be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SidecarError {
    /// The file does not parse (or has a schema this build does not know).
    #[error("{}:{line}: {message}", path.display())]
    Parse {
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        message: String,
    },
    /// Reading, writing or locking failed.
    #[error("{}: {message}", path.display())]
    Io { path: PathBuf, message: String },
}

impl SidecarError {
    /// The sidecar concerned.
    pub fn path(&self) -> &Path {
        match self {
            SidecarError::Parse { path, .. } | SidecarError::Io { path, .. } => path,
        }
    }

    pub(crate) fn io(path: &Path, what: &str, e: std::io::Error) -> SidecarError {
        SidecarError::Io {
            path: path.to_path_buf(),
            message: format!("{what}: {e}"),
        }
    }
}

/// Where the sidecar of the issue at `issue_path` (relative path `rel`) lives:
/// beside it, or mirrored under `sidecar_dir` when one is configured.
pub fn sidecar_path(issue_path: &Path, rel: &str, sidecar_dir: Option<&Path>) -> PathBuf {
    match sidecar_dir {
        Some(dir) => with_sidecar_name(&mirrored(dir, issue_path, rel)),
        None => with_sidecar_name(issue_path),
    }
}

/// Where `issue_path` sits when its place in the corpus (`rel`, relative to the
/// root) is mirrored under `dir`: its last components, as many as `rel` has, with
/// their real bytes (a name that is not UTF-8 is not identified by its text).
fn mirrored(dir: &Path, issue_path: &Path, rel: &str) -> PathBuf {
    let depth = rel.split('/').filter(|s| !s.is_empty()).count();
    let mut parts: Vec<&std::ffi::OsStr> = issue_path
        .components()
        .rev()
        .take(depth)
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect();
    parts.reverse();
    let mut p = dir.to_path_buf();
    p.extend(parts);
    p
}

/// `p` with its extension replaced by [`SUFFIX`], bytes kept as they are.
fn with_sidecar_name(p: &Path) -> PathBuf {
    let mut name = p.file_stem().unwrap_or_default().to_os_string();
    name.push(SUFFIX);
    p.with_file_name(name)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSidecar {
    schema: u32,
    #[serde(default)]
    issue: String,
    #[serde(default)]
    article: Vec<RawArticle>,
    #[serde(default)]
    correction: Vec<crate::correct::Correction>,
}

/// One `[[article]]` table as written in a sidecar (and in a tag dump).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticle {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    tags: Vec<RawTag>,
    #[serde(default)]
    memo: Option<RawMemo>,
}

/// A memo as written in a sidecar (`memo = { text = ..., at = ..., coder = ... }`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMemo {
    text: String,
    #[serde(default)]
    at: String,
    #[serde(default)]
    coder: String,
}

impl RawMemo {
    fn into_memo(self) -> Memo {
        Memo {
            text: self.text,
            at: self.at,
            coder: self.coder,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTag {
    name: String,
    #[serde(default)]
    at: String,
    #[serde(default)]
    by: Source,
    #[serde(default)]
    coder: String,
    #[serde(default)]
    codebook: u32,
}

impl RawArticle {
    /// Id, title, tags and memo.
    pub(crate) fn into_parts(self) -> (String, String, Vec<RawTag>, Option<Memo>) {
        (
            self.id,
            self.title,
            self.tags,
            self.memo.map(RawMemo::into_memo),
        )
    }
}

impl RawTag {
    /// The tag's name and its mark.
    pub(crate) fn into_mark(self) -> (String, TagMark) {
        let mark = TagMark {
            at: self.at,
            by: self.by,
            coder: self.coder,
            codebook: self.codebook,
        };
        (self.name, mark)
    }
}

/// Parse sidecar text read from `path` (the path is only used in errors): a few
/// `[[article]]` tables at a time ([`super::sidecar_chunks`]), so a huge sidecar
/// costs about the memory of its tags; a file that path does not answer for
/// (anything it would refuse, or not of the shape newstag writes) is parsed
/// whole by [`parse_whole`], which gives the error and its line.
pub fn parse(text: &str, path: &Path) -> Result<Sidecar, SidecarError> {
    match super::sidecar_chunks::read(text.as_bytes()) {
        Ok(Some(sidecar)) => Ok(sidecar),
        _ => parse_whole(text, path),
    }
}

/// Parse sidecar text read from `path` as one TOML document (see [`parse`],
/// which gives the same answer with far less memory for a large file).
pub fn parse_whole(text: &str, path: &Path) -> Result<Sidecar, SidecarError> {
    let err = |line: usize, message: String| SidecarError::Parse {
        path: path.to_path_buf(),
        line,
        message,
    };
    let raw: RawSidecar = toml::from_str(text).map_err(|e| {
        let (line, message) = toml_error_at(text, &e);
        err(line, message)
    })?;
    if raw.schema > SCHEMA || raw.schema == 0 {
        let line = find_line(text, "schema").unwrap_or(1);
        return Err(err(
            line,
            format!(
                "schema {} is not one this newstag reads (it reads {SCHEMA}); \
                 leaving the file untouched",
                raw.schema
            ),
        ));
    }
    let articles = articles_from_raw(raw.article, text).map_err(|(line, m)| err(line, m))?;
    Ok(Sidecar {
        issue: raw.issue,
        articles: normalise(articles),
        corrections: raw.correction,
    })
}

/// The line (1-based) and message of a TOML parse error in `text`.
pub(crate) fn toml_error_at(text: &str, e: &toml::de::Error) -> (usize, String) {
    let line = e
        .span()
        .map(|s| crate::text::line_at_byte(text, s.start))
        .unwrap_or(1);
    (line, e.message().trim().to_string())
}

/// Turn parsed `[[article]]` tables of `text` into article tags; a tag without a
/// name is an error at the article's line.
pub(crate) fn articles_from_raw(
    raw: Vec<RawArticle>,
    text: &str,
) -> Result<Vec<ArticleTags>, (usize, String)> {
    let mut articles: Vec<ArticleTags> = Vec::with_capacity(raw.len());
    for a in raw {
        let mut tags = TagSet::new();
        for t in a.tags {
            if t.name.trim().is_empty() {
                let line = find_line(text, &a.id).unwrap_or(1);
                return Err((line, format!("article {}: a tag has no name", a.id)));
            }
            tags.insert(
                t.name,
                TagMark {
                    at: t.at,
                    by: t.by,
                    coder: t.coder,
                    codebook: t.codebook,
                },
            );
        }
        articles.push(ArticleTags {
            id: a.id,
            title: a.title,
            tags,
            memo: a.memo.map(RawMemo::into_memo),
        });
    }
    Ok(articles)
}

/// Sort by id and merge tables with the same id (union of tags; of two memos,
/// the later one).
pub fn normalise(mut articles: Vec<ArticleTags>) -> Vec<ArticleTags> {
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    let mut out: Vec<ArticleTags> = Vec::with_capacity(articles.len());
    for a in articles {
        match out.last_mut() {
            Some(last) if last.id == a.id => {
                for (name, mark) in a.tags {
                    last.tags.entry(name).or_insert(mark);
                }
                if last.title.is_empty() {
                    last.title = a.title;
                }
                if let Some(memo) = a.memo
                    && last.memo.as_ref().is_none_or(|m| m.at < memo.at)
                {
                    last.memo = Some(memo);
                }
            }
            _ => out.push(a),
        }
    }
    out
}

fn find_line(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

/// A TOML basic string holding `s`.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // Also C1 controls and bidi overrides, which TOML allows raw: the
            // sidecar shown in a terminal or an editor hides nothing.
            c if crate::text::is_hidden_control(c) => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as it may stand in a TOML comment, which holds no control character but
/// tab: control characters (CR, LF, ESC, DEL, C1 controls) and the invisible
/// characters that reorder or hide text in an editor (bidi controls, line and
/// paragraph separators, BOM) are written visibly ([`crate::text::escape_controls`]).
/// The comment is for people; the `issue` key keeps the exact name.
pub(crate) fn comment_text(s: &str) -> String {
    crate::text::escape_controls_but(s, &['\t']).into_owned()
}

/// The text of a sidecar: header, then one `[[article]]` table per article in id
/// order, one tag a line in name order.
pub fn render(sidecar: &Sidecar) -> String {
    let mut s = String::with_capacity(128 + sidecar.articles.len() * 160);
    s.push_str(&format!(
        "# newstag tags for {}: one [[article]] per tagged article.\n",
        comment_text(&sidecar.issue)
    ));
    s.push_str(&format!("schema = {SCHEMA}\n"));
    s.push_str(&format!("issue = {}\n", quote(&sidecar.issue)));
    for a in normalise(sidecar.articles.clone()) {
        if a.is_empty() {
            continue;
        }
        s.push_str(&article_table("article", &a));
    }
    for c in &sidecar.corrections {
        s.push_str(&crate::correct::file::table(c));
    }
    s
}

/// The text of `sidecar` ([`render`]), read back before it is returned: a name or
/// title the writer failed to hold (a bug) becomes an error naming `path`, never a
/// sidecar that does not parse or reads back other tags. Costs one parse of the
/// text, a small fraction of the fsync that follows.
pub fn render_verified(sidecar: &Sidecar, path: &Path) -> Result<String, SidecarError> {
    let text = render(sidecar);
    let refuse = |why: String| SidecarError::Io {
        path: path.to_path_buf(),
        message: format!(
            "refused to write: the tags would not read back ({why}); the file is unchanged"
        ),
    };
    let back = parse(&text, path).map_err(|e| refuse(e.to_string()))?;
    let mut want = normalise(sidecar.articles.clone());
    want.retain(|a| !a.is_empty());
    if back.issue != sidecar.issue
        || back.articles != want
        || back.corrections != sidecar.corrections
    {
        return Err(refuse("they differ from what was meant".into()));
    }
    Ok(text)
}

/// One `[[TABLE]]` of an article: id, title, its memo when it has one, then
/// one tag a line in name order.
pub(crate) fn article_table(table: &str, a: &ArticleTags) -> String {
    let mut s = format!(
        "\n[[{table}]]\nid = {}\ntitle = {}\n",
        quote(&a.id),
        quote(&a.title)
    );
    if let Some(memo) = &a.memo {
        s.push_str(&memo_line(memo));
    }
    s.push_str("tags = [\n");
    for (name, mark) in &a.tags {
        let mut coder = if mark.coder.is_empty() {
            String::new()
        } else {
            format!(", coder = {}", quote(&mark.coder))
        };
        if mark.codebook > 0 {
            coder.push_str(&format!(", codebook = {}", mark.codebook));
        }
        s.push_str(&format!(
            "  {{ name = {}, at = {}, by = {}{coder} }},\n",
            quote(name),
            quote(&mark.at),
            quote(mark.by.as_str())
        ));
    }
    s.push_str("]\n");
    s
}

/// The `memo = { ... }` line of an article's table.
fn memo_line(memo: &Memo) -> String {
    let mut s = format!(
        "memo = {{ text = {}, at = {}",
        quote(&memo.text),
        quote(&memo.at)
    );
    if !memo.coder.is_empty() {
        s.push_str(&format!(", coder = {}", quote(&memo.coder)));
    }
    s.push_str(" }\n");
    s
}

/// Read the sidecar at `path`: `Ok(None)` when there is none. The file is read
/// a few `[[article]]` tables at a time and never held whole (see [`parse`]);
/// a file the chunked reading does not answer for is read again whole, for the
/// plain parser's verdict.
pub fn read(path: &Path) -> Result<Option<Sidecar>, SidecarError> {
    let file = match crate::regular_file::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(SidecarError::io(path, "cannot read", e)),
    };
    let reader = std::io::BufReader::with_capacity(64 * 1024, file);
    match super::sidecar_chunks::read(reader) {
        Ok(Some(sidecar)) => return Ok(Some(sidecar)),
        Ok(None) => {}
        Err(e) => return Err(SidecarError::io(path, "cannot read", e)),
    }
    match crate::regular_file::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|e| SidecarError::Parse {
                path: path.to_path_buf(),
                line: 1,
                message: format!("not UTF-8 text ({e})"),
            })?;
            parse_whole(&text, path).map(Some)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SidecarError::io(path, "cannot read", e)),
    }
}

/// Replace the file at `path` with `text` atomically: a temp file in the same
/// folder, written and fsynced, then renamed over `path`. A crash or kill at any
/// moment leaves either the old or the new file. Missing folders (under a
/// `sidecar_dir`) are created.
///
/// The folder itself is not fsynced after the rename: that would double the cost
/// of a save (two fsyncs, about 15 ms on a virtual disk, a whole frame) for one
/// case only, a power cut in the second after the save, which may then bring
/// back the previous version of the sidecar (complete, never broken).
pub fn write_atomic(path: &Path, text: impl AsRef<[u8]>) -> Result<(), SidecarError> {
    write_temp_beside(path, text.as_ref())?
        .persist(path)
        .map_err(|e| SidecarError::io(path, "cannot replace", e.error))?;
    Ok(())
}

/// `text` written and synced to a temporary file beside the sidecar at
/// `path` (a hidden `.NAME.*.tmp`, removed when dropped), ready to
/// replace it with `persist`.
pub fn write_temp_beside(
    path: &Path,
    text: &[u8],
) -> Result<tempfile::NamedTempFile, SidecarError> {
    let dir = parent_dir(path);
    std::fs::create_dir_all(&dir).map_err(|e| SidecarError::io(path, "cannot create folder", e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = crate::replace::temp_beside(path, &format!(".{name}."), ".tmp")
        .map_err(|e| SidecarError::io(path, "cannot create temp file", e))?;
    tmp.write_all(text)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| SidecarError::io(path, "cannot write temp file", e))?;
    Ok(tmp)
}

/// Remove the sidecar at `path` (no tags left), if it exists.
pub fn remove(path: &Path) -> Result<(), SidecarError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(SidecarError::io(path, "cannot remove", e)),
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// An exclusive lock on the folder of a sidecar, held while it is re-read,
/// merged and replaced; released when dropped.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
}

/// Take the lock of the folder holding the sidecar `path` (waiting for other
/// newstag processes to finish their write).
pub fn lock_folder(path: &Path) -> Result<FolderLock, SidecarError> {
    lock_folder_with(path, open_lock_for_writing)
}

/// [`lock_folder`], opening the lock file for writing with `open_for_writing`
/// (tests put a failure there: as root, permissions never fail).
fn lock_folder_with(
    path: &Path,
    open_for_writing: impl Fn(&Path) -> std::io::Result<File>,
) -> Result<FolderLock, SidecarError> {
    let dir = parent_dir(path);
    std::fs::create_dir_all(&dir).map_err(|e| SidecarError::io(path, "cannot create folder", e))?;
    let lock_path = dir.join(LOCK_NAME);
    let file = open_lock_file(&lock_path, open_for_writing)
        .map_err(|e| SidecarError::io(&lock_path, "cannot open lock file", e))?;
    file.lock()
        .map_err(|e| SidecarError::io(&lock_path, "cannot lock", e))?;
    Ok(FolderLock { _file: file })
}

/// Open the lock file at `path`, created when missing, for `flock`:
/// - never through a symbolic link (a link there would make newstag create or
///   touch a file wherever it points), and never blocking (a FIFO there cannot
///   hang the save); anything but a regular file is refused;
/// - read-only when it cannot be opened for writing: in a shared archive the lock
///   file belongs to whoever saved first (mode 0644), and `flock` needs no write
///   access, so colleagues who may write the folder can still lock it.
fn open_lock_file(
    path: &Path,
    open_for_writing: impl Fn(&Path) -> std::io::Result<File>,
) -> std::io::Result<File> {
    use std::io::ErrorKind;
    let file = match open_for_writing(path) {
        Ok(file) => file,
        Err(e)
            if e.kind() == ErrorKind::PermissionDenied
                || e.kind() == ErrorKind::ReadOnlyFilesystem =>
        {
            open_lock_read_only(path).map_err(|_| e)?
        }
        Err(e) => return Err(explain_link(path, e)),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(crate::regular_file::not_regular(meta.file_type()));
    }
    Ok(file)
}

/// The lock file opened (created when missing) for reading and writing, without
/// following a link and without blocking; a new one gets 0666 minus the umask.
fn open_lock_for_writing(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    no_follow_no_block(&mut options);
    options.open(path)
}

/// An existing lock file opened read-only, without following a link and without
/// blocking.
fn open_lock_read_only(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    no_follow_no_block(&mut options);
    options.open(path)
}

fn no_follow_no_block(options: &mut std::fs::OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o666)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    #[cfg(not(unix))]
    let _ = options;
}

/// Say so when `e` comes from a symbolic link at the lock path (`O_NOFOLLOW`).
fn explain_link(path: &Path, e: std::io::Error) -> std::io::Error {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        std::io::Error::new(
            e.kind(),
            "it is a symbolic link; newstag never follows one for its lock file (remove the link)",
        )
    } else {
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Sidecar {
        let mut tags = TagSet::new();
        tags.insert(
            "heritage".into(),
            TagMark {
                at: "2026-11-23T02:41:10Z".into(),
                by: Source::Suggestion,
                coder: String::new(),
                codebook: 0,
            },
        );
        tags.insert(
            "交通 出行".into(),
            TagMark {
                at: "2026-11-23T02:40:00Z".into(),
                by: Source::Hand,
                coder: String::new(),
                codebook: 0,
            },
        );
        Sidecar {
            issue: "2024/01/x.txt".into(),
            corrections: Vec::new(),
            articles: vec![
                ArticleTags {
                    memo: None,
                    id: "bbbbbbbbbbbb".into(),
                    title: "标题 \"引号\" \\ 反斜杠".into(),
                    tags: tags.clone(),
                },
                ArticleTags {
                    memo: None,
                    id: "aaaaaaaaaaaa".into(),
                    title: "第二篇".into(),
                    tags,
                },
            ],
        }
    }

    /// What is written reads back the same, in id order, with Chinese and quotes intact.
    #[test]
    fn render_parse_round_trip() {
        let s = sample();
        let text = render(&s);
        let back = parse(&text, Path::new("x.tags.toml")).unwrap();
        assert_eq!(back.articles.len(), 2);
        assert_eq!(back.articles[0].id, "aaaaaaaaaaaa");
        assert_eq!(back.articles[1].title, "标题 \"引号\" \\ 反斜杠");
        assert_eq!(back.articles[1].tags, s.articles[0].tags);
        assert_eq!(render(&back), text, "rendering is stable");
        assert!(text.contains(
            "  { name = \"交通 出行\", at = \"2026-11-23T02:40:00Z\", by = \"hand\" },\n"
        ));
    }

    /// A broken sidecar's error names the file and the line.
    #[test]
    fn parse_error_names_file_and_line() {
        let text =
            "schema = 1\nissue = \"x.txt\"\n\n[[article]]\nid = \"a\"\ntags = [ { name = \"x\" ]\n";
        let e = parse(text, Path::new("/c/x.tags.toml")).unwrap_err();
        match &e {
            SidecarError::Parse { line, .. } => assert_eq!(*line, 6, "{e}"),
            other => panic!("{other:?}"),
        }
        assert!(e.to_string().starts_with("/c/x.tags.toml:6:"), "{e}");
        let e = parse("schema = 9\n", Path::new("x")).unwrap_err();
        assert!(e.to_string().contains("schema 9"), "{e}");
        let e = parse("schema = 1\nnote = \"mine\"\n", Path::new("x")).unwrap_err();
        assert!(
            e.to_string().contains(":2:"),
            "unknown keys are refused: {e}"
        );
    }

    /// Two tables for the same article (a git merge) are read as one with both tags.
    #[test]
    fn duplicate_tables_merge() {
        let text = "schema = 1\n[[article]]\nid = \"a\"\ntags = [{ name = \"x\", at = \"t\", by = \"hand\" }]\n[[article]]\nid = \"a\"\ntags = [{ name = \"y\", at = \"t\", by = \"hand\" }]\n";
        let s = parse(text, Path::new("x")).unwrap();
        assert_eq!(s.articles.len(), 1);
        assert_eq!(s.articles[0].tags.len(), 2);
    }

    /// Sidecars sit beside the issue, or mirror the corpus under sidecar_dir.
    #[test]
    fn sidecar_paths() {
        assert_eq!(
            sidecar_path(Path::new("/c/2024/x.txt"), "2024/x.txt", None),
            Path::new("/c/2024/x.tags.toml")
        );
        assert_eq!(
            sidecar_path(
                Path::new("/c/2024/x.txt"),
                "2024/x.txt",
                Some(Path::new("/s"))
            ),
            Path::new("/s/2024/x.tags.toml")
        );
    }

    /// An atomic write replaces the file and leaves no temp file behind.
    #[test]
    fn atomic_write_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/x.tags.toml");
        write_atomic(&p, "one").unwrap();
        write_atomic(&p, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    /// A symlinked lock file is refused, naming it, and nothing is created where
    /// it points; a FIFO there is refused at once instead of hanging the save.
    #[cfg(unix)]
    #[test]
    fn lock_file_is_never_a_link_or_a_fifo() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        let sub = dir.path().join("c");
        std::fs::create_dir(&sub).unwrap();
        std::os::unix::fs::symlink(&elsewhere, sub.join(LOCK_NAME)).unwrap();
        let e = lock_folder(&sub.join("x.tags.toml")).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert!(e.to_string().contains(LOCK_NAME), "{e}");
        assert!(!elsewhere.exists(), "the link's target was created");
        let fifo_dir = dir.path().join("f");
        std::fs::create_dir(&fifo_dir).unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(fifo_dir.join(LOCK_NAME))
            .status()
            .unwrap();
        assert!(status.success());
        let e = lock_folder(&fifo_dir.join("x.tags.toml")).unwrap_err();
        assert!(e.to_string().contains("FIFO"), "{e}");
    }

    /// A lock file that cannot be opened for writing (a colleague's, mode 0444 or
    /// 0644) is opened read-only and locked: saving works for everyone who may
    /// write the folder. The write failure is injected: as root it never happens.
    #[cfg(unix)]
    #[test]
    fn lock_file_that_cannot_be_written_is_locked_read_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let lock = dir.path().join(LOCK_NAME);
        std::fs::write(&lock, "").unwrap();
        std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o444)).unwrap();
        let denied = |_: &Path| -> std::io::Result<File> {
            Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied))
        };
        let held = lock_folder_with(&dir.path().join("x.tags.toml"), denied).unwrap();
        // Another process cannot take the lock while it is held.
        let other = std::fs::File::open(&lock).unwrap();
        assert!(matches!(
            other.try_lock(),
            Err(std::fs::TryLockError::WouldBlock)
        ));
        drop(held);
        other.try_lock().unwrap();
    }
}
