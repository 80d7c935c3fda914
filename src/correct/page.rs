//! An issue's articles as *parts* (kicker, title, subtitle, byline, paragraphs)
//! with the source lines each was read from, so corrections can cut, join and
//! re-label by line. Built from segmentation's public output (the articles and
//! `explain_issue`'s line roles) by matching texts, never from its internals.

use super::{Correction, Op, Role};
use crate::article::{Article, Kind};
use crate::segment::Explanation;
use crate::text::comparison_key;

/// Which field of an article a part fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Kicker,
    Title,
    Subtitle,
    Byline,
    Body,
}

impl Field {
    fn of(role: Role) -> Field {
        match role {
            Role::Title => Field::Title,
            Role::Kicker => Field::Kicker,
            Role::Subtitle => Field::Subtitle,
            Role::Byline => Field::Byline,
            Role::Body | Role::Caption | Role::Furniture => Field::Body,
        }
    }
}

/// One heading line or paragraph of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub field: Field,
    pub text: String,
    /// First lines of the units it was read from (several when a paragraph was
    /// re-joined across a column break); empty when its text is only part of a
    /// line (a byline read from a dateline).
    pub lines: Vec<usize>,
    /// Where it stands on the page: its first line, or the line holding its text.
    pub at: usize,
}

/// One article of the page being corrected.
#[derive(Debug, Clone)]
pub struct Piece {
    pub parts: Vec<Part>,
    pub kind: Kind,
    /// The article as segmentation made it, while no correction has touched it.
    pub original: Option<Article>,
}

impl Piece {
    fn has(&self, field: Field) -> bool {
        self.parts.iter().any(|p| p.field == field)
    }

    /// The first line of the article on the page.
    pub fn start(&self) -> usize {
        self.parts
            .iter()
            .map(|p| p.at)
            .filter(|&a| a > 0)
            .min()
            .unwrap_or(0)
    }

    fn render(self) -> Option<Article> {
        if let Some(a) = self.original {
            return Some(a);
        }
        let joined = |field: Field, sep: &str| -> String {
            self.parts
                .iter()
                .filter(|p| p.field == field)
                .map(|p| p.text.trim())
                .collect::<Vec<_>>()
                .join(sep)
        };
        let article = Article {
            id: String::new(),
            index: 0,
            line: self.start().max(1),
            kind: self.kind,
            kicker: joined(Field::Kicker, " "),
            title: joined(Field::Title, ""),
            subtitle: joined(Field::Subtitle, " "),
            byline: joined(Field::Byline, " "),
            paragraphs: self
                .parts
                .iter()
                .filter(|p| p.field == Field::Body)
                .map(|p| p.text.clone())
                .collect(),
            // A cut the user made is not doubted.
            doubts: Default::default(),
        };
        (!article.title.is_empty() || !article.paragraphs.is_empty()).then_some(article)
    }
}

/// A unit of the page as segmentation read it.
#[derive(Debug, Clone)]
pub struct Unit {
    pub first: usize,
    pub last: usize,
    /// The role `explain_issue` gave it (`head`, `body`, `noise`...).
    pub role: &'static str,
    pub text: String,
    key: String,
}

/// An issue's articles with their lines, being corrected.
#[derive(Debug, Clone)]
pub struct Page {
    pub pieces: Vec<Piece>,
    pub units: Vec<Unit>,
}

impl Page {
    /// The page of `articles`, segmented with `explanation`.
    pub fn build(articles: Vec<Article>, explanation: &Explanation) -> Page {
        let units: Vec<Unit> = explanation
            .lines
            .iter()
            .map(|l| Unit {
                first: l.first,
                last: l.last,
                role: l.role,
                key: comparison_key(&l.text),
                text: l.text.clone(),
            })
            .collect();
        let mut used = vec![false; units.len()];
        let pieces = articles
            .into_iter()
            .map(|a| {
                let mut near = a.line;
                let heading = [
                    (Field::Kicker, &a.kicker),
                    (Field::Title, &a.title),
                    (Field::Subtitle, &a.subtitle),
                    (Field::Byline, &a.byline),
                ];
                let body = a.paragraphs.iter().map(|p| (Field::Body, p));
                let mut parts = Vec::new();
                for (field, text) in heading.into_iter().chain(body) {
                    if text.trim().is_empty() {
                        continue;
                    }
                    let (lines, at) = locate(&units, &mut used, text, near);
                    let at = at.unwrap_or(near);
                    near = lines.last().copied().unwrap_or(near);
                    parts.push(Part {
                        field,
                        text: text.clone(),
                        lines,
                        at,
                    });
                }
                Piece {
                    parts,
                    kind: a.kind,
                    original: Some(a),
                }
            })
            .collect();
        Page { pieces, units }
    }

    /// The articles of the page, numbered, with their ids.
    pub fn into_articles(self, issue_key: &str) -> Vec<Article> {
        let mut out: Vec<Article> = self.pieces.into_iter().filter_map(Piece::render).collect();
        for (i, a) in out.iter_mut().enumerate() {
            a.index = i;
        }
        crate::segment::id::assign_ids(issue_key, &mut out);
        out
    }

    /// The unit holding source line `line`.
    pub fn unit_at(&self, line: usize) -> Option<usize> {
        self.units
            .iter()
            .position(|u| u.first <= line && line <= u.last)
    }

    /// The article and part read from the unit starting at `first`.
    pub fn part_of(&self, first: usize) -> Option<(usize, usize)> {
        self.pieces.iter().enumerate().find_map(|(pi, piece)| {
            piece
                .parts
                .iter()
                .position(|p| p.lines.contains(&first))
                .map(|pj| (pi, pj))
        })
    }

    /// Apply one correction; `Ok(line)` where its anchor is now, or why not.
    pub fn apply(&mut self, lines: &[&str], c: &Correction) -> Result<usize, String> {
        let op = c.op.ok_or("no op")?;
        let line = super::find_line(lines, &c.text, c.line).ok_or_else(|| {
            format!(
                "no line reads \"{}\" any more",
                crate::text::controls_as_spaces(&c.text)
            )
        })?;
        match op {
            Op::SplitBefore => self.split_before(line)?,
            Op::Join => self.join(line)?,
            Op::Role => self.set_role(line, c.role.ok_or("no role given")?)?,
            Op::Move => {
                let to = super::find_line(lines, &c.to_text, c.to_line).ok_or_else(|| {
                    format!(
                        "no line reads \"{}\" (the article to move to) any more",
                        crate::text::controls_as_spaces(&c.to_text)
                    )
                })?;
                self.move_to(line, to)?;
            }
            // A story link leaves the page as it is.
            Op::Link | Op::Unlink => {}
        }
        Ok(line)
    }

    fn unit_of_line(&self, line: usize) -> Result<usize, String> {
        self.unit_at(line)
            .ok_or_else(|| format!("line {line} is blank"))
    }

    fn in_article(&self, ui: usize, line: usize) -> Result<(usize, usize), String> {
        let u = &self.units[ui];
        self.part_of(u.first).ok_or_else(|| {
            format!(
                "line {line} is in no article (it was read as {}; give it a role first)",
                u.role
            )
        })
    }

    /// Make the unit `ui` a part of its own when its part was read from several
    /// lines; the index of that part.
    fn isolate(&mut self, pi: usize, pj: usize, ui: usize) -> Result<usize, String> {
        let unit = &self.units[ui];
        let part = &self.pieces[pi].parts[pj];
        if part.lines.len() <= 1 {
            return Ok(pj);
        }
        let Some(off) = part.text.find(unit.text.as_str()) else {
            return Err(format!(
                "line {} was joined with line(s) {} into one paragraph and is not found in it as written",
                unit.first,
                part.lines
                    .iter()
                    .filter(|&&l| l != unit.first)
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        };
        let end = off + unit.text.len();
        let first = unit.first;
        let pieces = [
            (
                &part.text[..off],
                part.lines.iter().copied().filter(|&l| l < first).collect(),
            ),
            (&part.text[off..end], vec![first]),
            (
                &part.text[end..],
                part.lines.iter().copied().filter(|&l| l > first).collect(),
            ),
        ];
        let mut new_parts = Vec::new();
        let mut index = 0;
        for (i, (text, lines)) in pieces.into_iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            if i == 1 {
                index = pj + new_parts.len();
            }
            let lines: Vec<usize> = lines;
            new_parts.push(Part {
                field: part.field,
                text: text.to_string(),
                at: lines.first().copied().unwrap_or(part.at),
                lines,
            });
        }
        let piece = &mut self.pieces[pi];
        piece.parts.splice(pj..=pj, new_parts);
        piece.original = None;
        Ok(index)
    }

    /// Start a new article at `line`.
    pub fn split_before(&mut self, line: usize) -> Result<(), String> {
        let ui = self.unit_of_line(line)?;
        let unit = &self.units[ui];
        if unit.first != line {
            return Err(format!(
                "line {line} is read with lines {}-{} as one paragraph: split before line {}",
                unit.first, unit.last, unit.first
            ));
        }
        let is_head = unit.role == "head";
        let (pi, pj) = self.in_article(ui, line)?;
        let from = self.isolate(pi, pj, ui)?;
        let mut piece = self.pieces.remove(pi);
        // The parts in reading order from the line's on go to the new article:
        // by order, not by line number, as a head printed below its text
        // (moved above it by segmentation) comes first though its line is later.
        let after = piece.parts.split_off(from.min(piece.parts.len()));
        let before = piece.parts;
        if before.is_empty() {
            let original = Piece {
                parts: after,
                kind: piece.kind,
                original: piece.original,
            };
            self.pieces.insert(pi, original);
            return Err(format!("an article already starts at line {line}"));
        }
        let mut first = Piece {
            parts: before,
            kind: piece.kind,
            original: None,
        };
        let mut second = Piece {
            parts: after,
            kind: Kind::Continuation,
            original: None,
        };
        if !second.has(Field::Title)
            && is_head
            && let Some(p) = second.parts.first_mut()
            && p.field == Field::Body
        {
            p.field = Field::Title;
        }
        match (first.has(Field::Title), second.has(Field::Title)) {
            (true, true) => second.kind = Kind::News,
            (false, true) => {
                second.kind = piece.kind;
                first.kind = Kind::Continuation;
            }
            (true, false) => {}
            (false, false) => first.kind = Kind::Continuation,
        }
        if piece.kind == Kind::Photo {
            first.kind = Kind::Photo;
        }
        self.pieces.insert(pi, second);
        self.pieces.insert(pi, first);
        Ok(())
    }

    /// Join the article holding `line` to the article before it.
    pub fn join(&mut self, line: usize) -> Result<(), String> {
        let ui = self.unit_of_line(line)?;
        let (pi, _) = self.in_article(ui, line)?;
        if pi == 0 {
            return Err(format!(
                "line {line} is in the issue's first article: there is none before it to join"
            ));
        }
        let later = self.pieces.remove(pi);
        let earlier = &mut self.pieces[pi - 1];
        for mut p in later.parts {
            if p.field != Field::Body && earlier.has(p.field) {
                p.field = Field::Body;
            }
            earlier.parts.push(p);
        }
        if earlier.kind == Kind::Continuation && earlier.has(Field::Title) {
            earlier.kind = later.kind;
        }
        earlier.original = None;
        Ok(())
    }

    /// Give the line `line` the role `role`.
    pub fn set_role(&mut self, line: usize, role: Role) -> Result<(), String> {
        let ui = self.unit_of_line(line)?;
        let first = self.units[ui].first;
        let Some((pi, pj)) = self.part_of(first) else {
            return self.adopt(ui, role);
        };
        let pj = self.isolate(pi, pj, ui)?;
        let piece = &mut self.pieces[pi];
        piece.original = None;
        match role {
            Role::Furniture => {
                piece.parts.remove(pj);
            }
            Role::Caption => {
                let mut p = piece.parts.remove(pj);
                p.field = Field::Body;
                let photo = Piece {
                    parts: vec![p],
                    kind: Kind::Photo,
                    original: None,
                };
                self.pieces.insert(pi + 1, photo);
            }
            Role::Title => {
                for (k, p) in piece.parts.iter_mut().enumerate() {
                    if k != pj && p.field == Field::Title {
                        p.field = if p.at < first {
                            Field::Kicker
                        } else {
                            Field::Body
                        };
                    }
                }
                piece.parts[pj].field = Field::Title;
                if piece.kind == Kind::Continuation {
                    piece.kind = Kind::News;
                }
            }
            other => piece.parts[pj].field = Field::of(other),
        }
        if self.pieces[pi].parts.is_empty() {
            self.pieces.remove(pi);
        }
        Ok(())
    }

    /// A line in no article (furniture, noise) given a role: it joins the article
    /// it stands in (the last one starting above it), or becomes a photo.
    fn adopt(&mut self, ui: usize, role: Role) -> Result<(), String> {
        let unit = &self.units[ui];
        if role == Role::Furniture {
            return Err(format!("line {} is in no article already", unit.first));
        }
        let first = unit.first;
        let part = Part {
            field: Field::of(role),
            text: unit.text.clone(),
            lines: vec![first],
            at: first,
        };
        let host = self
            .pieces
            .iter()
            .enumerate()
            .filter(|(_, p)| p.start() <= first)
            .max_by_key(|(_, p)| p.start())
            .map(|(i, _)| i);
        if role == Role::Caption || host.is_none() {
            let at = host.map_or(0, |h| h + 1);
            let kind = if role == Role::Caption {
                Kind::Photo
            } else {
                Kind::News
            };
            self.pieces.insert(
                at,
                Piece {
                    parts: vec![part],
                    kind,
                    original: None,
                },
            );
            return Ok(());
        }
        let Some(h) = host else { return Ok(()) };
        let piece = &mut self.pieces[h];
        let pos = piece
            .parts
            .iter()
            .position(|p| p.at > first)
            .unwrap_or(piece.parts.len());
        piece.parts.insert(pos, part);
        piece.original = None;
        Ok(())
    }

    /// Move the paragraph at `line` to the article holding line `to`.
    pub fn move_to(&mut self, line: usize, to: usize) -> Result<(), String> {
        let ui = self.unit_of_line(line)?;
        let (pi, pj) = self.in_article(ui, line)?;
        let tu = self
            .unit_at(to)
            .ok_or_else(|| format!("line {to} (the article to move to) is blank"))?;
        let (ti, _) = self.in_article(tu, to)?;
        if ti == pi {
            return Err(format!(
                "line {line} is already in the article at line {to}"
            ));
        }
        let pj = self.isolate(pi, pj, ui)?;
        let mut part = self.pieces[pi].parts.remove(pj);
        part.field = Field::Body;
        self.pieces[pi].original = None;
        let target = &mut self.pieces[ti];
        let pos = target
            .parts
            .iter()
            .position(|p| p.field == Field::Body && p.at > part.at)
            .unwrap_or(target.parts.len());
        target.parts.insert(pos, part);
        target.original = None;
        if self.pieces[pi].parts.is_empty() {
            self.pieces.remove(pi);
        }
        Ok(())
    }
}

/// One line of the issue as the page view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewLine {
    /// 1-based line of the file.
    pub line: usize,
    /// The line as in the file.
    pub text: String,
    /// Its role after corrections: `title`, `kicker`, `subtitle`, `byline`, `body`,
    /// `caption` (in a photo article), `furniture`; for a line in no article, the
    /// role segmentation gave it; empty for a blank line.
    pub role: &'static str,
    /// The (corrected) article holding it: its index in the issue.
    pub article: Option<usize>,
    /// True on the first line of that article.
    pub starts: bool,
}

impl Page {
    /// Every line of the file (`lines`) with its role and article, as corrected.
    pub fn view(&self, lines: &[&str]) -> Vec<ViewLine> {
        let mut out: Vec<ViewLine> = lines
            .iter()
            .enumerate()
            .map(|(i, t)| ViewLine {
                line: i + 1,
                text: t.to_string(),
                role: "",
                article: None,
                starts: false,
            })
            .collect();
        let mut set = |first: usize, last: usize, role: &'static str, article: Option<usize>| {
            for l in first..=last {
                if let Some(v) = out.get_mut(l.wrapping_sub(1)) {
                    v.role = role;
                    v.article = article;
                }
            }
        };
        for u in &self.units {
            let role = if u.role == "noise" {
                "furniture"
            } else {
                u.role
            };
            set(u.first, u.last, role, None);
        }
        let mut index = 0;
        let mut starts = Vec::new();
        for piece in &self.pieces {
            let renders = piece.original.is_some()
                || piece
                    .parts
                    .iter()
                    .any(|p| matches!(p.field, Field::Title | Field::Body));
            if !renders {
                continue;
            }
            for part in &piece.parts {
                let role = match part.field {
                    Field::Kicker => "kicker",
                    Field::Title => "title",
                    Field::Subtitle => "subtitle",
                    Field::Byline => "byline",
                    Field::Body if piece.kind == Kind::Photo => "caption",
                    Field::Body => "body",
                };
                for &first in &part.lines {
                    if let Some(u) = self.units.iter().find(|u| u.first == first) {
                        set(u.first, u.last, role, Some(index));
                    }
                }
            }
            starts.push(piece.start());
            index += 1;
        }
        for (k, start) in starts.into_iter().enumerate() {
            if let Some(v) = out
                .iter_mut()
                .find(|v| v.line >= start && v.article == Some(k))
            {
                v.starts = true;
            }
        }
        out
    }
}

/// The units `text` was read from: whole units whose texts, one after another,
/// spell it (nearest to `near` first), or else the one unit that holds it.
fn locate(
    units: &[Unit],
    used: &mut [bool],
    text: &str,
    mut near: usize,
) -> (Vec<usize>, Option<usize>) {
    let key = comparison_key(text);
    let mut rest: &str = &key;
    let mut lines = Vec::new();
    let distance = |first: usize, near: usize| (first < near, first.abs_diff(near));
    while !rest.is_empty() {
        let best = units
            .iter()
            .enumerate()
            .filter(|(i, u)| !used[*i] && !u.key.is_empty() && rest.starts_with(u.key.as_str()))
            .min_by_key(|(_, u)| distance(u.first, near));
        let Some((i, u)) = best else { break };
        used[i] = true;
        lines.push(u.first);
        rest = &rest[u.key.len()..];
        near = u.first;
    }
    if let Some(&first) = lines.first() {
        return (lines, Some(first));
    }
    let holder = units
        .iter()
        .filter(|u| !key.is_empty() && u.key.contains(key.as_str()))
        .min_by_key(|u| distance(u.first, near))
        .map(|u| u.first);
    (lines, holder)
}
