//! Heads printed away from their text. A PDF printed block by block (`pdftotext`
//! without `-layout`, pdfminer) can put a story's head far from its text, even at the
//! foot of the page, while the text opens under its byline (or its `（上接…）`) with
//! no head above. The page's own evidence pairs them: a head that names such an
//! opening (half or more of its bigrams, or a run of five characters, in the text's
//! first lines) and does not name the text now under it is moved above the opening,
//! over its byline. A page whose every text has its head above it is left as it is.
//! A run of heads printed together (stories set side by side, their heads at one
//! height) is paired with the texts printed after it, each head over the text it
//! names (`pair_floated_heads`).

use super::blocks::Unit;
use super::classify::{Class, Role};
use std::cmp::Reverse;

/// Characters of an opening (and of a head's present text) read for the evidence.
pub(super) const WINDOW: usize = 120;

/// The rule `articles --explain` shows for a moved head.
const MOVED: &str = "head: names a headless text elsewhere on the page (moved above it)";

/// How far apart a head and a headless opening it names may be printed, in bytes
/// of the page's text between them: two dense broadsheet pages and more (a
/// block-by-block print puts a head at most a page from its text). A file may hold
/// a year of pages; pairing every head with every opening in it took time growing
/// with the square of its size.
pub(super) const REACH: usize = 64 * 1024;

/// The order pairs of a head and a text it names are taken in: the longest run of
/// shared characters first, then the most bigrams found; ties in page order (the
/// head, then the text, earlier first), so the outcome never depends on how the sort
/// meets ties.
pub(super) fn strongest_first(
    run: usize,
    found: usize,
    head: usize,
    text: usize,
) -> (Reverse<usize>, Reverse<usize>, usize, usize) {
    (Reverse(run), Reverse(found), head, text)
}

/// The characters that carry wording (letters, digits, Han), at most `limit`.
pub(super) fn keys(text: &str, limit: usize) -> Vec<char> {
    text.chars()
        .filter(|&c| crate::text::is_alphanumeric(c))
        .take(limit)
        .collect()
}

/// How many [`keys`] `text` has, at most `limit`: its length, without gathering them.
pub(super) fn key_count(text: &str, limit: usize) -> usize {
    text.chars()
        .filter(|&c| crate::text::is_alphanumeric(c))
        .take(limit)
        .count()
}

/// How much of `head` the text names: (head bigrams found in the text, head bigrams,
/// longest run of characters the two share).
///
/// Read through the places of each character in the text (sorted once), so the
/// work goes with the characters the two share, not with the product of their
/// lengths (a page asks this of every head and opening it pairs).
pub(super) fn naming(head: &[char], text: &[char]) -> (usize, usize, usize) {
    naming_at(head, text, &places_of(text))
}

/// The characters of `text` with their places, sorted: what [`naming_at`] reads
/// (made once for a text that many heads are asked of).
fn places_of(text: &[char]) -> Vec<(char, usize)> {
    let mut at: Vec<(char, usize)> = text.iter().copied().zip(0..).collect();
    at.sort_unstable();
    at
}

/// [`naming`] of `head` in `text`, whose characters and places sorted are `at`
/// ([`places_of`]).
fn naming_at(head: &[char], text: &[char], at: &[(char, usize)]) -> (usize, usize, usize) {
    let mut pairs: Vec<(char, char)> = head.windows(2).map(|w| (w[0], w[1])).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let found = pairs
        .iter()
        .filter(|&&(a, b)| {
            places(at, a)
                .iter()
                .any(|&(_, j)| text.get(j + 1) == Some(&b))
        })
        .count();
    // Longest common run: the run ending at each place of a head character goes on
    // the run ending one place before at the head character before it.
    let mut best = 0;
    let mut before: Vec<(usize, usize)> = Vec::new();
    let mut now: Vec<(usize, usize)> = Vec::new();
    for &h in head {
        now.clear();
        let mut k = 0;
        for &(_, j) in places(at, h) {
            while before.get(k).is_some_and(|&(p, _)| p + 1 < j) {
                k += 1;
            }
            let run = match before.get(k) {
                Some(&(p, r)) if p + 1 == j => r + 1,
                _ => 1,
            };
            best = best.max(run);
            now.push((j, run));
        }
        std::mem::swap(&mut before, &mut now);
    }
    (found, pairs.len(), best)
}

/// The places of `c` in a text, from its characters and places sorted.
fn places(at: &[(char, usize)], c: char) -> &[(char, usize)] {
    let from = at.partition_point(|&(x, _)| x < c);
    let to = from + at[from..].partition_point(|&(x, _)| x == c);
    &at[from..to]
}

/// Whether a head names a text, from [`naming`]'s figures.
pub(super) fn names((found, all, run): (usize, usize, usize)) -> bool {
    run >= 5 || (found >= 3 && 2 * found >= all)
}

fn names_somewhat(head: &[char], text: &[char]) -> bool {
    names_some(naming(head, text))
}

/// Whether a head names a text somewhat (a looser [`names`]), from [`naming`]'s
/// figures.
pub(super) fn names_some((found, all, run): (usize, usize, usize)) -> bool {
    run >= 4 || 4 * found >= all
}

/// The text of the body units from `i` on, up to [`WINDOW`] characters.
pub(super) fn text_from(units: &[Unit<'_>], classes: &[Class], i: usize) -> Vec<char> {
    let mut out = Vec::new();
    for (k, (u, c)) in units[i..].iter().zip(&classes[i..]).enumerate() {
        match c.role {
            Role::Noise => continue,
            // A lede opening on its credit opens the next text, as a byline does.
            Role::Body if k > 0 && super::classify::credit_runs_on(&u.text) => break,
            Role::Body | Role::JumpIn => out.extend(keys(&u.text, WINDOW - out.len())),
            _ => break,
        }
        if out.len() >= WINDOW {
            break;
        }
    }
    out
}

/// The text a head stands over now: past the heads, subtitles and bylines below it.
fn present_text(units: &[Unit<'_>], classes: &[Class], h: usize) -> Vec<char> {
    let next = (h + 1..units.len()).find(|&j| {
        !matches!(
            classes[j].role,
            Role::Noise | Role::Head | Role::Subtitle | Role::Byline
        )
    });
    match next {
        Some(j) if matches!(classes[j].role, Role::Body | Role::JumpIn) => {
            text_from(units, classes, j)
        }
        _ => Vec::new(),
    }
}

/// An opening with no head above it: a text (or `（上接…）`) under a byline that
/// stands under no head, or a `（上接…）` that follows text. Returns where a head
/// goes: above the bylines (a bracketed credit trails the text before it and stays).
fn headless_opening(units: &[Unit<'_>], classes: &[Class], t: usize) -> Option<usize> {
    if !matches!(classes[t].role, Role::Body | Role::JumpIn) {
        return None;
    }
    let mut at = t;
    let mut bylines = 0;
    let mut k = t;
    let above = loop {
        if k == 0 {
            break None;
        }
        k -= 1;
        match classes[k].role {
            Role::Noise => {}
            Role::Byline if !units[k].text.starts_with(['(', '（']) => {
                bylines += 1;
                at = k;
            }
            role => break Some(role),
        }
    };
    if matches!(above, Some(Role::Head | Role::Subtitle | Role::Byline)) {
        return None;
    }
    let text_above = matches!(above, Some(Role::Body | Role::Caption | Role::JumpOut));
    let jump_in = classes[t].role == Role::JumpIn || classes[t].jump_in;
    // A lede opening on its credit, the line cut right after it (`本报讯（记者 宁一舟）9月`),
    // opens a story as a byline over its text does.
    let credit = classes[t].role == Role::Body
        && bylines == 0
        && super::classify::credit_runs_on(&units[t].text);
    (bylines > 0 || credit || (jump_in && text_above)).then_some(at)
}

/// A head-like line that reads on mid-word into the text below it (`在蓍原县绿色食品产业`
/// / `园，一家企业…`) is a cut line, not a head.
fn cut(units: &[Unit<'_>], h: usize) -> bool {
    units
        .get(h + 1)
        .is_some_and(|next| super::rethread::bond(&units[h].text, &next.text))
}

/// A page printed with its columns side by side (`-layout`: runs of spaces inside
/// lines) interleaves its texts line by line; its order is not a block order to mend:
/// `segment::run` asks it once for the passes that move heads (`rehome_heads`,
/// `pair_floated_heads`, `unbox_heads`, `unstack_heads`), which it never runs on
/// such a page (they only reorder units, so none of them changes the answer).
pub(super) fn side_by_side(units: &[Unit<'_>]) -> bool {
    units
        .iter()
        .filter(|u| {
            // (Spaces are rare in Chinese text: each is found by a byte search.)
            let b = u.text.as_bytes();
            memchr::memchr_iter(b' ', b).any(|i| b[i..].starts_with(b"   "))
        })
        .nth(2)
        .is_some()
}

/// Move each head printed away from its text above the opening it names. Returns
/// whether a head moved. (Never asked of a page printed side by side, see
/// [`side_by_side`].)
pub fn rehome_heads(units: &mut Vec<Unit<'_>>, classes: &mut Vec<Class>) -> bool {
    let openings: Vec<(usize, usize)> = (0..units.len())
        .filter_map(|t| headless_opening(units, classes, t).map(|at| (t, at)))
        .filter(|&(t, _)| !units[t].text.contains('<'))
        .collect();
    if openings.is_empty() {
        return false;
    }
    let texts: Vec<Vec<char>> = openings
        .iter()
        .map(|&(t, _)| text_from(units, classes, t))
        .collect();
    // Each text's characters sorted once, for every head asked of it.
    let placed: Vec<std::cell::OnceCell<Vec<(char, usize)>>> =
        vec![std::cell::OnceCell::new(); texts.len()];
    let starts = unit_starts(units);
    // (run, bigrams found, head, opening)
    let mut pairs: Vec<(usize, usize, usize, usize)> = Vec::new();
    for h in 0..units.len() {
        if classes[h].role != Role::Head || units[h].text.contains(['。', '<']) || cut(units, h) {
            continue;
        }
        let head = keys(&units[h].text, 40);
        if !(6..40).contains(&head.len()) {
            continue;
        }
        let mut present: Option<Vec<char>> = None;
        // The openings within reach, in page order.
        let near = openings.partition_point(|&(t, _)| starts[t] + REACH < starts[h])
            ..openings.partition_point(|&(t, _)| starts[t] <= starts[h] + REACH);
        for (o, text) in texts.iter().enumerate().take(near.end).skip(near.start) {
            let at = placed[o].get_or_init(|| places_of(text));
            let (found, all, run) = naming_at(&head, text, at);
            if !names((found, all, run)) {
                continue;
            }
            let present = present.get_or_insert_with(|| present_text(units, classes, h));
            if names_somewhat(&head, present) {
                break;
            }
            pairs.push((run, found, h, o));
        }
    }
    if pairs.is_empty() {
        return false;
    }
    // The strongest pairs first; each head and each opening once.
    pairs.sort_unstable_by_key(|&(run, found, h, o)| strongest_first(run, found, h, o));
    let mut moved = vec![false; units.len()];
    let mut above: Vec<Option<usize>> = vec![None; units.len()];
    let mut targets: Vec<usize> = Vec::new();
    let mut taken = vec![false; openings.len()];
    for &(_, _, h, o) in &pairs {
        let (t, at) = openings[o];
        if moved[h] || taken[o] || (at..=t).contains(&h) {
            continue;
        }
        moved[h] = true;
        taken[o] = true;
        above[at] = Some(h);
        targets.push(t);
    }
    // A head goes with its `——` subtitles right below it, and with a shorter head
    // right above it (its kicker) when that one names no text of its own.
    let mut stacks: Vec<Option<Vec<usize>>> = vec![None; units.len()];
    for (at, h) in above.iter().enumerate() {
        let Some(h) = *h else { continue };
        let mut stack = Vec::new();
        if h > 0
            && !moved[h - 1]
            && classes[h - 1].role == Role::Head
            && key_count(&units[h - 1].text, 40) + 3 <= key_count(&units[h].text, 40)
            && !(h - 1..=h).contains(&at)
            && !names_somewhat(
                &keys(&units[h - 1].text, 40),
                &present_text(units, classes, h),
            )
        {
            stack.push(h - 1);
        }
        stack.push(h);
        let mut s = h + 1;
        while s < units.len() && classes[s].role == Role::Subtitle && s != at {
            stack.push(s);
            s += 1;
        }
        for &k in &stack {
            moved[k] = true;
        }
        stacks[at] = Some(stack);
    }
    let order = order_after_moves(stacks.iter().map(|s| s.as_deref().unwrap_or(&[])), &moved);
    mark_moved_heads(classes, &moved, MOVED);
    // A `（上接…）` that carries text (`（上接第1版）今年秋季招`) is the text's first
    // paragraph under the head now above it, not a marker to drop.
    for &t in &targets {
        let c = &mut classes[t];
        if c.role == Role::JumpIn && !units[t].text.ends_with([')', '）']) {
            c.role = Role::Body;
            c.jump_in = true;
            c.complete = false;
            c.rule = "body: a (上接…) line with text, under a head moved above it";
        }
    }
    permute(units, &order);
    permute(classes, &order);
    true
}

/// The rule `articles --explain` shows for a column's title moved above its
/// columnist.
const COLUMN_TITLE: &str =
    "head: a column's title printed under its columnist's name and bio (moved above them)";

/// A columnist's name alone (`郗砚秋`): a name line read as a byline, or a head of
/// two to four Han characters (a family name the lexicon lacks).
fn columnist_name(unit: &Unit<'_>, class: &Class) -> bool {
    let text = unit.text.trim_matches('·');
    match class.role {
        Role::Byline => super::classify::is_name_line(&unit.text),
        Role::Head => {
            (2..=4).contains(&text.chars().count()) && text.chars().all(crate::text::is_han)
        }
        _ => false,
    }
}

/// A one-line bio (`作家，著有散文集《纺车声里》`, `本报特约评论员，渼川大学新闻学院教授`):
/// clauses set apart by a comma, short, and no sentence closed.
fn columnist_bio(unit: &Unit<'_>, class: &Class) -> bool {
    matches!(class.role, Role::Head | Role::Body)
        && unit.text.contains('，')
        && super::classify::count_upto(&unit.text, 48) <= 40
        && !unit.text.contains(['。', '！', '？', '!', '?'])
        && !unit.text.starts_with(['（', '('])
}

/// A column prints its label, then its columnist's name and a one-line bio, and
/// only then the title over the text (`栝下闲话` / `祁拾穗` / `作家，…` /
/// `一碗热饭的分量` / text). Read as printed, the label and the name would close
/// the article above, and the bio would take the title's place in the stack. The
/// title is moved up under the label, so the label is its kicker, the name its
/// byline and the bio its first line. Returns whether a title moved.
pub fn columnist_titles(units: &mut Vec<Unit<'_>>, classes: &mut Vec<Class>) -> bool {
    let significant: Vec<usize> = (0..units.len())
        .filter(|&i| classes[i].role != Role::Noise)
        .collect();
    // (label, name, bio, title)
    let mut moves: Vec<(usize, usize, usize, usize)> = Vec::new();
    for w in significant.windows(5) {
        let [label, name, bio, title, text] = [w[0], w[1], w[2], w[3], w[4]];
        if classes[label].role == Role::Head
            && !units[label].text.contains('<')
            && columnist_name(&units[name], &classes[name])
            && columnist_bio(&units[bio], &classes[bio])
            && classes[title].role == Role::Head
            // (A name-length line over the text is its byline: `街谈` / `地铁通了，…` /
            // `西岭` / text is a label, a title with a comma and its writer.)
            && super::classify::count_upto(&units[title].text, 4) >= 4
            && matches!(classes[text].role, Role::Body | Role::JumpIn)
            && moves.last().is_none_or(|m| m.3 < label)
        {
            moves.push((label, name, bio, title));
        }
    }
    if moves.is_empty() {
        return false;
    }
    let mut order: Vec<usize> = (0..units.len()).collect();
    for &(label, _, _, title) in &moves {
        // The label, the title, then the name, the bio and whatever was set aside
        // between them.
        order[label + 1] = title;
        for (k, i) in (label + 1..title).enumerate() {
            order[label + 2 + k] = i;
        }
    }
    for &(_, name, bio, title) in &moves {
        classes[title].rule = COLUMN_TITLE;
        let c = &mut classes[name];
        c.role = Role::Byline;
        c.rule = "byline: a columnist's name over a bio, before the column's title";
        let c = &mut classes[bio];
        c.role = Role::Body;
        c.complete = true;
        c.rule = "body: a columnist's one-line bio, before the column's title";
    }
    permute(units, &order);
    permute(classes, &order);
    true
}

/// The rule `articles --explain` shows for a head of a floated run paired with its
/// text.
const PAIRED: &str = "head: one of a run of heads printed together, paired with the text it names";

/// The fewest heads a floated run holds: a kicker, a title and a deck over one text
/// make three, so a run of three pairs only where each head names a text of its own.
const FLOATED_RUN: usize = 3;

/// A run of heads printed together, then their texts: `pdftotext` (default mode)
/// prints the heads of stories set side by side across columns, as they stand at
/// one height, before any of their bylines and texts (`滢泖湖飞来…` / `市民服务中心
/// 推出…` / `木版年画…` / `本报记者 宓秋` / `本报记者 蒯松年` / text / text / text).
/// The run is paired with the blocks of text below it: each head goes over the
/// block it names (the strongest pairs first, each block once); when the run is
/// longer than a kicker, title and deck can be (four heads or more) and holds as
/// many heads as there are blocks, a head that names none takes the first block
/// left, in order. The bylines printed between the run and the texts go over the
/// texts in the order the texts are printed. A run of three pairs only where each
/// head names its own text better than the others. Returns whether a run was
/// paired. (Never asked of a page printed side by side, see [`side_by_side`].)
pub fn pair_floated_heads(units: &mut Vec<Unit<'_>>, classes: &mut Vec<Class>) -> bool {
    // Whether the page separates its paragraphs by blank lines (see
    // [`floated_run`]'s blocks).
    let blank_lines = units.iter().any(|u| u.gap > 0);
    // Which units may stand in a run as its heads, each told once: a run is read
    // from each unit of the page, and a run's heads were read again from each head.
    let sized: Vec<bool> = (0..units.len())
        .map(|h| title_sized(units, classes, h))
        .collect();
    let mut order: Vec<usize> = Vec::with_capacity(units.len());
    let mut paired = Vec::new();
    let mut i = 0;
    let mut done = 0;
    while i < units.len() {
        let Some(run) = floated_run(units, classes, &sized, blank_lines, i) else {
            i += 1;
            continue;
        };
        order.extend(done..i);
        for (k, (head, text)) in run.stories.iter().enumerate() {
            order.extend(head.clone());
            paired.push(head.start);
            if k == 0 {
                order.extend(&run.noise);
            }
            if let Some(&b) = run.bylines.get(k) {
                order.push(b);
            }
            // The last story takes the bylines the run left over.
            if k + 1 == run.stories.len() {
                order.extend(run.bylines.iter().skip(run.stories.len()));
            }
            let stop = run.stories.get(k + 1).map_or(run.end, |s| s.1);
            order.extend(*text..stop);
        }
        done = run.end;
        i = run.end;
    }
    if paired.is_empty() {
        return false;
    }
    order.extend(done..units.len());
    for h in paired {
        classes[h].rule = PAIRED;
    }
    permute(units, &order);
    permute(classes, &order);
    true
}

/// A run of heads found by [`floated_run`]: each head (with its subtitles) and
/// where its text opens, in the order the texts are printed; the bylines and the
/// noise between the run and the first text; where the last text ends.
struct FloatedRun {
    stories: Vec<(std::ops::Range<usize>, usize)>,
    bylines: Vec<usize>,
    noise: Vec<usize>,
    end: usize,
}

/// A head that may stand in a floated run: no sentence nor markup in it, and six
/// to thirty-nine letters and figures.
fn title_sized(units: &[Unit<'_>], classes: &[Class], h: usize) -> bool {
    classes[h].role == Role::Head
        && !units[h].text.contains(['。', '<'])
        && (6..40).contains(&key_count(&units[h].text, 40))
}

/// The run of heads starting at `start`, paired with the texts below it (see
/// [`pair_floated_heads`]), or `None`; `sized` tells each unit's [`title_sized`].
fn floated_run(
    units: &[Unit<'_>],
    classes: &[Class],
    sized: &[bool],
    blank_lines: bool,
    start: usize,
) -> Option<FloatedRun> {
    let title_sized = |h: usize| sized[h];
    if !title_sized(start) || (start > 0 && classes[start - 1].role == Role::Head) {
        return None;
    }
    // The heads, each with the `——` subtitles right under it.
    let mut heads: Vec<std::ops::Range<usize>> = Vec::new();
    let mut noise = Vec::new();
    let mut k = start;
    while k < units.len() && title_sized(k) {
        let mut e = k + 1;
        while e < units.len() && classes[e].role == Role::Subtitle {
            e += 1;
        }
        heads.push(k..e);
        k = e;
        while k < units.len() && classes[k].role == Role::Noise {
            noise.push(k);
            k += 1;
        }
    }
    if heads.len() < FLOATED_RUN {
        return None;
    }
    // The bylines printed under the run, then the texts up to the next head.
    let mut bylines = Vec::new();
    while k < units.len() && matches!(classes[k].role, Role::Byline | Role::Noise) {
        if classes[k].role == Role::Byline {
            bylines.push(k);
        } else {
            noise.push(k);
        }
        k += 1;
    }
    // A run of three is a kicker, title and deck over one story unless the page
    // shows stories side by side: two bylines or more printed between the heads
    // and the texts (one story has one).
    if heads.len() == FLOATED_RUN && bylines.len() < 2 {
        return None;
    }
    let first = k;
    let mut end = k;
    while end < units.len() && matches!(classes[end].role, Role::Body | Role::Byline | Role::Noise)
    {
        end += 1;
    }
    // The blocks of text: a body unit after a blank line (or after a byline), or
    // every body unit on a page printed without blank lines.
    let blocks: Vec<usize> = (first..end)
        .filter(|&t| {
            classes[t].role == Role::Body
                && (t == first
                    || !blank_lines
                    || units[t].gap > 0
                    || classes[t - 1].role == Role::Byline)
        })
        .collect();
    if blocks.len() < heads.len() || blocks.first() != Some(&first) {
        return None;
    }
    let openings: Vec<Vec<char>> = blocks
        .iter()
        .map(|&t| keys(&units[t].text, WINDOW))
        .collect();
    let head_keys: Vec<Vec<char>> = heads
        .iter()
        .map(|h| keys(&units[h.start].text, 40))
        .collect();
    // (run, bigrams found, head, block): the strongest pairs first, ties in page
    // order; each head and each block once.
    // (Each opening's characters sorted once, for every head.)
    let placed: Vec<Vec<(char, usize)>> = match head_keys.is_empty() {
        true => Vec::new(),
        false => openings.iter().map(|o| places_of(o)).collect(),
    };
    let figures: Vec<Vec<(usize, usize, usize)>> = head_keys
        .iter()
        .map(|head| {
            openings
                .iter()
                .zip(&placed)
                .map(|(o, at)| naming_at(head, o, at))
                .collect()
        })
        .collect();
    let mut pairs: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (h, row) in figures.iter().enumerate() {
        for (b, &f) in row.iter().enumerate() {
            if names_some(f) {
                let (found, _, run) = f;
                pairs.push((run, found, h, b));
            }
        }
    }
    pairs.sort_unstable_by_key(|&(run, found, h, b)| strongest_first(run, found, h, b));
    let mut block_of: Vec<Option<usize>> = vec![None; heads.len()];
    let mut taken = vec![false; blocks.len()];
    for &(_, _, h, b) in &pairs {
        if block_of[h].is_none() && !taken[b] {
            block_of[h] = Some(b);
            taken[b] = true;
        }
    }
    let named = block_of.iter().flatten().count();
    let long = heads.len() > FLOATED_RUN;
    if named < heads.len() {
        // Heads naming no text take the blocks left, in order, only where the run is
        // too long for a stack and every block has its head.
        if !long || blocks.len() != heads.len() {
            return None;
        }
        let mut free = (0..blocks.len()).filter(|&b| !taken[b]);
        for b in block_of.iter_mut().filter(|b| b.is_none()) {
            *b = free.next();
        }
    }
    // Each named head names its own block better than any other block paired in
    // the run: a kicker, title and deck over one text all name that text best.
    let score = |h: usize, b: usize| {
        let (found, _, run) = figures[h][b];
        (run, found)
    };
    let own = (0..heads.len()).all(|h| {
        let Some(mine) = block_of[h] else {
            return false;
        };
        !names_some(figures[h][mine])
            || block_of
                .iter()
                .flatten()
                .filter(|&&b| b != mine)
                .all(|&b| score(h, b) < score(h, mine))
    });
    // The first block opens a story: whatever precedes the first paired text
    // belongs to no head of the run.
    if !own || !block_of.contains(&Some(0)) {
        return None;
    }
    let mut stories: Vec<(std::ops::Range<usize>, usize)> = heads
        .into_iter()
        .zip(block_of)
        .map(|(h, b)| (h, blocks[b.unwrap_or(0)]))
        .collect();
    stories.sort_by_key(|s| s.1);
    Some(FloatedRun {
        stories,
        bylines,
        noise,
        end,
    })
}

/// The page's units in their new order: before each unit, the units moved above
/// it (`above`, one list a unit, in the order given); a unit moved is left out
/// of its old place.
pub(super) fn order_after_moves<'a>(
    above: impl Iterator<Item = &'a [usize]>,
    moved: &[bool],
) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(moved.len());
    for (i, stack) in above.enumerate() {
        order.extend_from_slice(stack);
        if !moved[i] {
            order.push(i);
        }
    }
    order
}

/// Each moved head says, in `articles --explain`, that it was moved and why.
pub(super) fn mark_moved_heads(classes: &mut [Class], moved: &[bool], rule: &'static str) {
    for (class, _) in classes.iter_mut().zip(moved).filter(|(_, m)| **m) {
        if class.role == Role::Head {
            class.rule = rule;
        }
    }
}

/// The head was moved above the text it names, or paired with it from a run of
/// heads printed together: the page's layout, not its place in the flow, put it there.
pub(super) fn placed(class: &Class) -> bool {
    class.role == Role::Head && (class.rule == MOVED || class.rule == PAIRED)
}

/// Where each unit starts in the page's text (units joined by line ends), in
/// bytes: how far apart two units are printed.
pub(super) fn unit_starts(units: &[Unit<'_>]) -> Vec<usize> {
    units
        .iter()
        .scan(0, |at, u| {
            let start = *at;
            *at += u.text.len() + 1;
            Some(start)
        })
        .collect()
}

/// Put `items` in `order`, a permutation of their indices: every item is kept,
/// once.
pub(super) fn permute<T>(items: &mut Vec<T>, order: &[usize]) {
    debug_assert!(is_permutation(order, items.len()), "{order:?}");
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots[i].take()));
    // An index missing from `order` (never, by construction) keeps its item, last.
    items.extend(slots.into_iter().flatten());
}

/// `order` holds every index below `n` exactly once.
fn is_permutation(order: &[usize], n: usize) -> bool {
    let mut seen = vec![false; n];
    order.len() == n
        && order
            .iter()
            .all(|&i| i < n && !std::mem::replace(&mut seen[i], true))
}

#[cfg(test)]
mod tests {
    use super::{Role, is_permutation, naming, permute, rehome_heads};

    /// [`naming`] as first written: every bigram looked for along the text, the
    /// longest run from a table of every pair of places.
    fn naming_by_table(head: &[char], text: &[char]) -> (usize, usize, usize) {
        let mut pairs: Vec<(char, char)> = head.windows(2).map(|w| (w[0], w[1])).collect();
        pairs.sort_unstable();
        pairs.dedup();
        let found = pairs
            .iter()
            .filter(|&&(a, b)| text.windows(2).any(|w| w[0] == a && w[1] == b))
            .count();
        let mut best = 0;
        let mut prev = vec![0usize; text.len() + 1];
        let mut row = vec![0usize; text.len() + 1];
        for &h in head {
            for (j, &t) in text.iter().enumerate() {
                row[j + 1] = if h == t { prev[j] + 1 } else { 0 };
                best = best.max(row[j + 1]);
            }
            std::mem::swap(&mut prev, &mut row);
        }
        (found, pairs.len(), best)
    }

    #[test]
    fn naming_reads_as_the_table_did() {
        // Heads and texts of a few letters, so that they share pairs and runs.
        let mut seed = 12345u64;
        let mut draw = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..2000 {
            let letters = 2 + draw(5);
            let (head_len, text_len) = (draw(12), draw(40));
            let head: Vec<char> = (0..head_len)
                .map(|_| char::from(b'a' + u8::try_from(draw(letters)).unwrap_or(0)))
                .collect();
            let text: Vec<char> = (0..text_len)
                .map(|_| char::from(b'a' + u8::try_from(draw(letters)).unwrap_or(0)))
                .collect();
            assert_eq!(
                naming(&head, &text),
                naming_by_table(&head, &text),
                "{head:?} {text:?}"
            );
        }
        let head: Vec<char> = "桤林区新增口袋公园八个".chars().collect();
        let text: Vec<char> = "今年以来，桤林区新建口袋公园八个，新增绿地"
            .chars()
            .collect();
        assert_eq!(naming(&head, &text), naming_by_table(&head, &text));
    }
    use crate::segment::segment_issue;
    use crate::segment::{blocks, classify, normalise};
    use proptest::prelude::*;

    /// Lines a block-by-block print is made of: heads that name one of the texts,
    /// bylines, texts, a `（上接…）` line, a subtitle, a kicker.
    const PIECES: [&str; 10] = [
        "全市新建改建城市绿道58公里",
        "筠坊区修复三处历史建筑",
        "本报记者 叶知非",
        "本报记者 宁一舟 通讯员 邹小满",
        "记者从市园林局获悉，今年以来全市新建和改建城市绿道58公里，新增口袋公园26个。",
        "筠坊区近日完成三处历史建筑的修缮工作，修缮后将作为社区文化活动中心免费开放。",
        "（上接第1版）今年秋季招聘月期间，全市将举办线下招聘会46场、直播带岗活动20场。",
        "——城区绿道串起口袋公园",
        "城市新闻",
        "我市秋季招聘月提供岗位3.2万个",
    ];

    proptest! {
        /// Whatever heads move, every line of the page is still there, once, with
        /// its own class.
        #[test]
        fn every_line_survives_a_move(picks in proptest::collection::vec(0..PIECES.len(), 1..24)) {
            let page: String = picks.iter().map(|&i| format!("{}\n\n", PIECES[i])).collect();
            let mut units = blocks::units(&page);
            normalise::normalise(&mut units);
            let mut classes = classify::classify_page(&units, false);
            let mut before: Vec<(usize, String, Role)> = units
                .iter()
                .zip(&classes)
                .map(|(u, c)| (u.line, u.text.to_string(), c.role))
                .collect();
            rehome_heads(&mut units, &mut classes);
            let mut after: Vec<(usize, String, Role)> = units
                .iter()
                .zip(&classes)
                .map(|(u, c)| (u.line, u.text.to_string(), c.role))
                .collect();
            before.sort_by_key(|b| b.0);
            after.sort_by_key(|a| a.0);
            // (A `（上接…）` line with text becomes body under its head: the role may
            // change there, the line and its text never.)
            let lines = |v: &[(usize, String, Role)]| {
                v.iter().map(|(l, t, _)| (*l, t.clone())).collect::<Vec<_>>()
            };
            prop_assert_eq!(lines(&before), lines(&after));
        }

        /// `permute` keeps every item once, whatever the order given.
        #[test]
        fn permute_keeps_every_item(order in Just((0..12usize).collect::<Vec<_>>()).prop_shuffle()) {
            let mut items: Vec<usize> = (0..12).collect();
            permute(&mut items, &order);
            prop_assert_eq!(&items, &order);
            prop_assert!(is_permutation(&order, 12));
        }
    }

    /// A head that names two openings equally strongly goes above the one printed
    /// first, and the other stays headless.
    #[test]
    fn a_head_naming_two_openings_alike_takes_the_first() {
        let page = "\
本报记者 叶知非

全市新建和改建城市绿道58公里，新增口袋公园26个，市民出门散步的去处多了。

本报记者 宁一舟

全市新建和改建城市绿道58公里，新增口袋公园26个，不少人每天来绿道晨练。

全市新建改建城市绿道58公里
";
        let got = titles_and_openings(page);
        let titled: Vec<_> = got.iter().filter(|(t, _, _)| !t.is_empty()).collect();
        assert_eq!(titled.len(), 1, "{got:?}");
        assert_eq!(titled[0].1, "本报记者 叶知非", "{got:?}");
    }

    fn titles_and_openings(page: &str) -> Vec<(String, String, String)> {
        segment_issue(page, "t")
            .iter()
            .map(|a| {
                let first: String = a
                    .paragraphs
                    .first()
                    .map(|p| p.chars().take(9).collect())
                    .unwrap_or_default();
                (a.title.clone(), a.byline.clone(), first)
            })
            .collect()
    }

    /// A block-by-block PDF print: two stories' texts under their bylines, their
    /// heads printed together at the foot of the page.
    #[test]
    fn heads_printed_at_the_foot_go_above_the_texts_they_name() {
        let page = "\
城市新闻

老城街巷完成微更新

本报讯 檀溪区老城片区的四十三条街巷今年完成改造，居民出行更方便。

本报记者 叶知非

记者从市园林局获悉，今年以来全市新建和改建城市绿道58公里，新增口袋公园26个。

本报记者 宁一舟 通讯员 邹小满

筠坊区近日完成三处历史建筑的修缮工作，修缮后将作为社区文化活动中心免费开放。

全市新建改建城市绿道58公里

筠坊区修复三处历史建筑
";
        let got = titles_and_openings(page);
        let find = |title: &str| got.iter().find(|(t, _, _)| t == title).cloned();
        let (_, byline, first) = find("全市新建改建城市绿道58公里").expect("green-way head");
        assert_eq!(byline, "本报记者 叶知非", "{got:?}");
        assert_eq!(first, "记者从市园林局获悉", "{got:?}");
        let (_, byline, first) = find("筠坊区修复三处历史建筑").expect("buildings head");
        assert_eq!(byline, "本报记者 宁一舟 通讯员 邹小满", "{got:?}");
        assert_eq!(first, "筠坊区近日完成三处", "{got:?}");
        assert!(
            got.iter().all(|(t, _, _)| !t.is_empty()),
            "no headless text is left: {got:?}"
        );
    }

    /// A head is paired only with openings within [`REACH`](super::REACH) of it: the
    /// same head at the foot of a page goes above the text it names when a page of
    /// other stories lies between them, and stays where it is when more than the
    /// reach does (a file holding a year of pages; comparing every head with every
    /// opening of it took time growing with the square of the file).
    #[test]
    fn a_head_pairs_only_with_openings_within_reach() {
        let opening = "本报记者 叶知非\n\n记者从市园林局获悉，今年以来全市新建和改建城市绿道58公里，新增口袋公园26个。\n\n";
        let head = "全市新建改建城市绿道58公里\n";
        // Other stories, each a head over paragraphs that name nothing of the
        // opening: `stories` of them, about 1.6 KB each.
        let between = |stories: usize| -> String {
            (0..stories)
                .map(|i| {
                    format!(
                        "第{i}批老旧小区改造项目开工\n\n{}",
                        "本报讯 这批项目涉及楼栋管线更换、外墙保温和电梯加装，预计年底前完工，惠及居民数千户。\n\n"
                            .repeat(12)
                    )
                })
                .collect()
        };
        let near = between(4);
        let far = between(super::REACH / 1000);
        assert!(near.len() < super::REACH && far.len() > super::REACH);
        let title_over_opening = |between: &str| {
            let page = format!("{opening}{between}{head}");
            titles_and_openings(&page)
                .iter()
                .any(|(t, b, _)| t == "全市新建改建城市绿道58公里" && b == "本报记者 叶知非")
        };
        assert!(title_over_opening(&near));
        assert!(!title_over_opening(&far));
    }

    /// Three stories set side by side, as `pdftotext` prints a typeset page
    /// (tests/fixtures/tools/make_pdf_page.py's styles, one story a column): their
    /// heads together, two bylines, the three texts in order, the third byline
    /// last. Each head titles the text it names, with its byline.
    #[test]
    fn heads_printed_together_title_the_texts_below_them() {
        let page = "\
沄州晚报 2027年3月5日 星期五 A05 城事

老城区燃气管道改造全部完工
本报记者 甘若愚
本报讯 截至目前，沄州老城区燃气管道改造工程全部完工，共更换老旧管道一百二十公里，惠及居民三万八千户。

滢泖湖飞来今冬第一批候
鸟

市民服务中心推出夜间延
时服务

木版年画走进小学课堂

本报记者 宓秋

本报记者 蒯松年

连日来，滢泖湖湿地飞来今冬第
一批越冬候鸟，白鹭、苍鹭、小天鹅
在湖面上觅食嬉戏，吸引不少市民前
来观赏。
湿地管理处工作人员介绍，今年
湖区水位适宜，水草丰茂，预计越冬
候鸟数量将超过去年。管理处提醒市
民观鸟时保持距离，不要投喂。

从本周起，市民服务中心推出夜
间延时服务，每周二、周四延长办理
时间至晚上八点，社保、医保、公积
金等四十余项业务均可办理。
中心负责人说，延时服务主要方
便上班族，开通首周已办理业务六百
余件。

年画传承人走进蕺山路小学，为
孩子们讲述木版年画的历史，并手把
手教他们刻版、印画，课堂上笑声不
断。
学校负责人表示，今后将把年画
课作为校本课程，每学期开设八课时
，让传统手艺在孩子们手中传下去。

本报记者 筼竹青
";
        let got = titles_and_openings(page);
        assert_eq!(
            got.iter().map(|(t, _, _)| t.as_str()).collect::<Vec<_>>(),
            [
                "老城区燃气管道改造全部完工",
                "滢泖湖飞来今冬第一批候鸟",
                "市民服务中心推出夜间延时服务",
                "木版年画走进小学课堂"
            ],
            "{got:?}"
        );
        assert_eq!(got[1].1, "本报记者 宓秋", "{got:?}");
        assert_eq!(got[1].2, "连日来，滢泖湖湿地", "{got:?}");
        assert_eq!(got[2].1, "本报记者 蒯松年", "{got:?}");
        assert_eq!(got[2].2, "从本周起，市民服务", "{got:?}");
        assert_eq!(got[3].2, "年画传承人走进蕺山", "{got:?}");
    }

    /// Three heads stacked over one text (each naming it) stay one stack over one
    /// article: the line right over the title is its kicker; the line over that
    /// one is no part of the story's head (the gold sets read a line there as the
    /// page's or section's label), and no article of its own either.
    #[test]
    fn a_kicker_title_and_deck_over_one_text_stay_one_stack() {
        let page = "\
老城燃气改造

老城区燃气管道改造全部完工

三万八千户居民用上放心气

本报记者 甘若愚

本报讯 截至目前，老城区燃气管道改造工程全部完工，三万八千户居民用上放心气。

改造期间，施工方分片推进，尽量减少对居民生活的影响。

工程负责人说，新管道的设计使用年限为五十年。
";
        let a = segment_issue(page, "t");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].kicker, "老城区燃气管道改造全部完工", "{a:#?}");
        assert_eq!(a[0].title, "三万八千户居民用上放心气", "{a:#?}");
        assert_eq!(a[0].byline, "本报记者 甘若愚", "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 3, "{a:#?}");
    }

    /// Three heads over one story, each naming a different one of its paragraphs
    /// (the last quotes paragraph 2, the first paragraph 3), under one byline:
    /// still one stack over one article, not three side-by-side stories. The line
    /// right over the title is the kicker; the one over it, no part of the head.
    #[test]
    fn heads_naming_different_paragraphs_of_one_story_stay_one_stack() {
        let page = "\
新管道能用五十年

老城区燃气管道改造全部完工

三万八千户居民用上放心气

本报记者 甘若愚

本报讯 截至目前，老城区燃气管道改造工程全部完工，共更换老旧管道一百二十公里。

改造完成后，三万八千户居民用上放心气，冬季供气更有保障。

工程负责人说，新管道的设计使用年限为五十年，比旧管道长一倍。
";
        let a = segment_issue(page, "t");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].kicker, "老城区燃气管道改造全部完工", "{a:#?}");
        assert_eq!(a[0].title, "三万八千户居民用上放心气", "{a:#?}");
        assert_eq!(a[0].byline, "本报记者 甘若愚", "{a:#?}");
        assert_eq!(a[0].paragraphs.len(), 3, "{a:#?}");
    }

    /// A page whose heads stand over their texts keeps its order, even when one head
    /// also names another story's text (a follow-up under its byline).
    #[test]
    fn a_head_over_its_own_text_stays() {
        let page = "\
全市新建改建城市绿道58公里

记者从市园林局获悉，今年以来全市新建和改建城市绿道58公里，新增口袋公园26个。

本报记者 叶知非

全市新建和改建城市绿道58公里之后，市民出门散步的去处多了，不少人每天来绿道晨练。
";
        let got = titles_and_openings(page);
        assert_eq!(got[0].0, "全市新建改建城市绿道58公里", "{got:?}");
        assert_eq!(got[0].2, "记者从市园林局获悉", "{got:?}");
    }

    /// A jump head printed away from its `（上接…）` text goes above it.
    #[test]
    fn a_jump_head_goes_above_its_continuation() {
        let page = "\
老茶馆里的新客人

9月7日，老城片区一家老茶馆里，年轻游客在体验盖碗茶。

（上接第1版）今年秋季招聘月期间，全市将举办线下招聘会46场、直播带岗活动20场。

我市秋季招聘月提供岗位3.2万个
";
        let got = titles_and_openings(page);
        assert!(
            got.iter()
                .any(|(t, _, f)| t == "我市秋季招聘月提供岗位3.2万个" && f.starts_with("（上接")),
            "{got:?}"
        );
    }

    /// A column's label, its columnist's name and one-line bio, then the title:
    /// the label is the kicker, the name the byline, the bio the first line; a
    /// title with a comma over a name-length line is no bio over a title.
    #[test]
    fn a_columnist_printed_before_the_title_is_its_byline() {
        let page = "\
老街的早点铺子又开张了，老主顾们排起了长队。

栝下闲话

祁拾穗

作家，栝州市作家协会副主席，著有散文集《溦江边》

一碗热饭的分量

\u{3000}\u{3000}小时候放学回家，总能闻到灶上的饭香。

\u{3000}\u{3000}一碗饭不大，却装得下一座城市的温度。
";
        let articles = segment_issue(page, "p");
        let a = articles
            .iter()
            .find(|a| a.title == "一碗热饭的分量")
            .unwrap_or_else(|| panic!("{articles:#?}"));
        assert_eq!(
            (a.kicker.as_str(), a.byline.as_str()),
            ("栝下闲话", "祁拾穗"),
            "{articles:#?}"
        );
        assert!(a.body().contains("小时候放学回家"), "{articles:#?}");
        assert!(
            !articles.iter().any(|a| a.title == "栝下闲话"),
            "{articles:#?}"
        );
        // A commentary title with a comma, its writer under it: nothing moves.
        let page = "街谈\n\n地铁通了，“最后一公里”也要通\n\n西岭\n\n\u{3000}\u{3000}地铁2号线开通在即，市民期待已久。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(
            articles[0].title, "地铁通了，“最后一公里”也要通",
            "{articles:#?}"
        );
    }
}
