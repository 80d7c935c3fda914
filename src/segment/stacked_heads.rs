//! Heads printed in a stack over another story's text. A PDF printed block by
//! block (`pdftotext` without `-layout`) can print the heads of two stories set
//! side by side one under the other, over the text of only one of them (`巷子深处的
//! 竹编铺` / `潕水栎原段新添十二名“河小青”` / two bylines / the river story's text),
//! the other story's text opening further down the page as a paragraph after a
//! finished one, with no head above it. The page's own evidence pairs them: a head
//! of such a stack that does not name the text under the stack is moved above the
//! paragraph further on that it names (its words recur in the paragraph's first
//! sentences). Only a stack with two bylines or more (a byline printed over two
//! lines counts once), and no more title-sized lines than one head per byline and
//! a kicker, holds two stories' heads; a head printed again as a head elsewhere (a
//! contents list) stays. The byline printed last, right over the text
//! under the stack, is that text's; when the others are as many as the heads that
//! move, they go with them in the order both are printed. [`super::rehome`] mends
//! heads over a text that opens under its byline; this pass mends heads whose text
//! opens as a bare paragraph.
//!
//! A stack of one head or more over a photo's caption alone (its text, its credit,
//! another story's head right after: [`caption_only`]) has no text under it at
//! all: each of its titles moves above the paragraph further on it names somewhat
//! (two bigrams at least), with a short head right above it (a column's label,
//! `短评`) and, when every byline of the stack has a moved title, its byline.

use std::collections::HashMap;

use super::blocks::Unit;
use super::classify::{Class, Role};
use super::rehome::{
    REACH, key_count, keys, mark_moved_heads, names, names_some, naming, order_after_moves,
    permute, strongest_first, text_from, unit_starts,
};

/// The rule `articles --explain` shows for a moved head.
const MOVED: &str = "head: printed in a stack over another story's text; names a paragraph further on (moved above it)";

/// Whether this pass moved the head above a paragraph it names: it opens an
/// article there, never a section of the text above it.
pub fn moved(class: &Class) -> bool {
    class.role == Role::Head && class.rule == MOVED
}

/// A stack of heads over one text: its units, where the text under it starts.
struct Stack {
    start: usize,
    /// The first unit after the stack (the text under it, when it is text).
    end: usize,
    /// What stands under the stack is a photo's caption and credit, another head
    /// right after them: no text of its heads (see [`caption_only`]).
    waiting: bool,
}

/// Whether the units from `i` are a photo's caption and nothing else: one or two
/// short lines of text, its credit (`通讯员 邬小禾 摄`), then another head. A PDF
/// printed block by block can print a story's heads (a column's label, its title,
/// its pen name) over a photo set beside them, the story's text further down the
/// page after another story's, as a paragraph after a finished one.
fn caption_only(units: &[Unit<'_>], classes: &[Class], i: usize) -> bool {
    let lines_end = units.len().min(i + 2);
    let k = (i..lines_end)
        .find(|&k| classes[k].role != Role::Body)
        .unwrap_or(lines_end);
    if k == i || k >= units.len() || classes[k].role != Role::Caption {
        return false;
    }
    // The lines are measured only over a credit (every stack over text asks), and
    // only as far as tells them short.
    let length: usize = (i..k)
        .map(|j| key_count(&units[j].text, CAPTION_KEYS + 1))
        .sum();
    if length > CAPTION_KEYS {
        return false;
    }
    (k + 1..units.len())
        .find(|&j| classes[j].role != Role::Noise)
        .is_some_and(|j| classes[j].role == Role::Head)
}

/// The most letters and figures the text over a photo's credit holds in
/// [`caption_only`] (its one or two lines together).
const CAPTION_KEYS: usize = 60;

/// Stacks of two heads or more (with subtitles, bylines and noise among them)
/// standing over text, and stacks of one head or more over a photo's caption
/// alone ([`caption_only`]).
fn stacks(units: &[Unit<'_>], classes: &[Class]) -> Vec<Stack> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if classes[i].role != Role::Head {
            i += 1;
            continue;
        }
        let start = i;
        let mut heads = 0;
        while i < units.len()
            && matches!(
                classes[i].role,
                Role::Head | Role::Subtitle | Role::Byline | Role::Noise
            )
        {
            heads += usize::from(classes[i].role == Role::Head);
            i += 1;
        }
        if i < units.len() && classes[i].role == Role::Body {
            let waiting = caption_only(units, classes, i);
            if heads >= 2 || waiting {
                out.push(Stack {
                    start,
                    end: i,
                    waiting,
                });
            }
        }
    }
    out
}

/// The stack's bylines (bracketed credits aside), a byline printed over several
/// lines in a row taken as one.
fn byline_runs(units: &[Unit<'_>], classes: &[Class], stack: &Stack) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut open = false;
    for k in stack.start..stack.end {
        match classes[k].role {
            Role::Byline if !units[k].text.starts_with(['(', '（']) => {
                if open {
                    if let Some(run) = runs.last_mut() {
                        run.push(k);
                    }
                } else {
                    runs.push(vec![k]);
                }
                open = true;
            }
            Role::Noise => {}
            _ => open = false,
        }
    }
    runs
}

/// How many times each head's wording is printed as a head: a head printed
/// twice (a contents list over the stories it lists) is no floated head.
fn head_counts(units: &[Unit<'_>], classes: &[Class]) -> HashMap<Vec<char>, usize> {
    let mut counts = HashMap::new();
    for (u, c) in units.iter().zip(classes) {
        if c.role == Role::Head {
            *counts.entry(keys(&u.text, 40)).or_insert(0) += 1;
        }
    }
    counts
}

/// A head that can name a text: a title's length, no sentence in it.
fn title_sized(unit: &Unit<'_>, class: &Class) -> bool {
    class.role == Role::Head
        && !unit.text.contains(['。', '<'])
        // Under four characters too few bigrams to find in a text; forty and
        // more a sentence set large, not a title.
        && (4..40).contains(&key_count(&unit.text, 40))
}

/// Per unit, the head of the text it is printed in (the lines of a head printed
/// over several lines read as one), when the units since it are its subtitles,
/// bylines, text and captions.
fn own_heads(units: &[Unit<'_>], classes: &[Class]) -> Vec<Option<String>> {
    let mut out = Vec::with_capacity(units.len());
    let mut head: Option<String> = None;
    let mut in_head = false;
    for (u, c) in units.iter().zip(classes) {
        out.push(head.clone());
        match c.role {
            Role::Head => {
                if in_head {
                    if let Some(h) = head.as_mut() {
                        h.push_str(&u.text);
                    }
                } else {
                    head = Some(u.text.to_string());
                }
                in_head = true;
            }
            Role::Body
            | Role::Noise
            | Role::Byline
            | Role::Caption
            | Role::Subtitle
            | Role::Date
            | Role::JumpIn => in_head = false,
            _ => {
                head = None;
                in_head = false;
            }
        }
    }
    out
}

/// A paragraph that could open a story with no head above it: text after a
/// finished paragraph of text (a new block, where the page separates its blocks
/// by blank lines).
fn bare_opening(units: &[Unit<'_>], classes: &[Class], blank_lines: bool, t: usize) -> bool {
    if classes[t].role != Role::Body || (blank_lines && units[t].gap == 0) {
        return false;
    }
    let Some(p) = (0..t).rev().find(|&k| classes[k].role != Role::Noise) else {
        return false;
    };
    matches!(classes[p].role, Role::Body | Role::Caption) && classes[p].complete
}

/// Move each head of a stack that names a bare paragraph further on, and not the
/// text under its stack, above that paragraph (with its byline, see the module
/// docs). (Never asked of a page printed side by side, see
/// [`super::rehome::side_by_side`].)
pub fn unstack_heads(units: &mut Vec<Unit<'_>>, classes: &mut Vec<Class>) {
    // Only stacks of two stories' heads are worth the work below (most pages
    // have none): two bylines or more under them (a byline printed over two
    // lines counts once), and no more title-sized lines than one head per
    // byline and a kicker (more are verse or a list, not two stories' heads).
    let stacks: Vec<Stack> = stacks(units, classes)
        .into_iter()
        .filter(|stack| {
            let runs = byline_runs(units, classes, stack).len();
            let heads = (stack.start..stack.end)
                .filter(|&k| title_sized(&units[k], &classes[k]))
                .count();
            if stack.waiting {
                // A column's label, a title and a pen name; more is a list.
                return (1..=3).contains(&heads);
            }
            runs >= 2 && heads <= runs + 1
        })
        .collect();
    if stacks.is_empty() {
        return;
    }
    let blank_lines = units.iter().any(|u| u.gap > 0);
    // A paragraph the head of its text names carries that text on (a comment
    // restating its title): no story of its own.
    let own = own_heads(units, classes);
    let (openings, texts): (Vec<usize>, Vec<Vec<char>>) = (0..units.len())
        .filter(|&t| bare_opening(units, classes, blank_lines, t))
        .map(|t| (t, text_from(units, classes, t)))
        .filter(|(t, text)| {
            !own[*t]
                .as_ref()
                .is_some_and(|h| names(naming(&keys(h, 40), text)))
        })
        .unzip();
    if openings.is_empty() {
        return;
    }
    let starts = unit_starts(units);
    let counts = head_counts(units, classes);
    // (run, bigrams found, head, opening, stack)
    let mut pairs: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
    for (s, stack) in stacks.iter().enumerate() {
        let present = text_from(units, classes, stack.end);
        for h in stack.start..stack.end {
            if !title_sized(&units[h], &classes[h]) {
                continue;
            }
            let head = keys(&units[h].text, 40);
            if counts.get(&head).is_some_and(|&n| n > 1) {
                continue;
            }
            if names_some(naming(&head, &present)) {
                continue;
            }
            for (o, &t) in openings.iter().enumerate() {
                if t <= stack.end || starts[t] > starts[h] + REACH {
                    continue;
                }
                let (found, all, run) = naming(&head, &texts[o]);
                // A head of six bigrams or more (seven characters) whose bigrams
                // the paragraph holds, or some of them with a run of three (a
                // four-character phrase shared): fewer is chance on a page of one
                // topic.
                // Heads over a caption alone wait for their text: some of their
                // bigrams (two at least) in the paragraph are enough.
                let named = if stack.waiting {
                    names_some((found, all, run)) && found >= 2 && all >= 4
                } else {
                    (names((found, all, run)) || (run >= 3 && names_some((found, all, run))))
                        && all >= 6
                };
                if named {
                    pairs.push((run, found, h, o, s));
                }
            }
        }
    }
    if pairs.is_empty() {
        return;
    }
    pairs.sort_unstable_by_key(|&(run, found, h, o, _)| strongest_first(run, found, h, o));
    let mut moved = vec![false; units.len()];
    let mut taken = vec![false; openings.len()];
    // Per unit, the units moved above it.
    let mut above: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    let mut movers: Vec<Vec<usize>> = vec![Vec::new(); stacks.len()];
    for &(_, _, h, o, s) in &pairs {
        if moved[h] || taken[o] {
            continue;
        }
        moved[h] = true;
        taken[o] = true;
        above[openings[o]].push(h);
        movers[s].push(h);
    }
    // The byline printed last, right over the text under the stack, is that
    // text's; when the others are as many as the heads that move, they go with
    // them in the order both are printed.
    for (s, stack) in stacks.iter().enumerate() {
        if movers[s].is_empty() {
            continue;
        }
        let runs = byline_runs(units, classes, stack);
        let mut heads = movers[s].clone();
        heads.sort_unstable();
        if stack.waiting {
            // A short head right above a moved one (a column's label, `短评`)
            // goes with it as its kicker.
            for &h in &heads {
                let k = h.wrapping_sub(1);
                if (stack.start..h).contains(&k)
                    && classes[k].role == Role::Head
                    && !moved[k]
                    && key_count(&units[k].text, 40) < 4
                    && let Some(t) = above.iter().position(|a| a.contains(&h))
                {
                    above[t].push(k);
                    moved[k] = true;
                }
            }
        }
        // Under a caption every byline of the stack is a moved head's.
        let own = usize::from(!stack.waiting);
        if runs.len() != heads.len() + own {
            continue;
        }
        for (h, run) in heads.iter().zip(&runs) {
            if let Some(t) = above.iter().position(|a| a.contains(h)) {
                for &b in run {
                    above[t].push(b);
                    moved[b] = true;
                }
            }
        }
    }
    // Heads first, then their bylines, each in the order printed.
    for stack in &mut above {
        stack.sort_unstable_by_key(|&k| (classes[k].role != Role::Head, k));
    }
    let order = order_after_moves(above.iter().map(Vec::as_slice), &moved);
    mark_moved_heads(classes, &moved, MOVED);
    permute(units, &order);
    permute(classes, &order);
}
