//! A bracketed column label glued in front of a head (`【乡村振兴】…`) is split off.

use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;

/// `【乡村振兴】箬口镇苎麻种植面积突破两万亩`: a bracketed column label glued in
/// front of a head becomes a unit of its own (the kicker), the head the next, on
/// the same line (`blocks::glued_label` says which lines). Read once the page is
/// unwrapped, so a brief wrapped right after its bracketed place stays text.
pub(super) fn split_glued_labels(units: &mut Vec<Unit<'_>>) {
    let glued = |u: &Unit<'_>| {
        u.markup == Markup::None && crate::segment::blocks::glued_label(&u.text).is_some()
    };
    if !units.iter().any(glued) {
        return;
    }
    let mut out = Vec::with_capacity(units.len() + 4);
    for u in units.drain(..) {
        let Some((label, head)) = (glued(&u))
            .then(|| crate::segment::blocks::glued_label(&u.text))
            .flatten()
            .map(|(l, h)| (l.to_string(), h.to_string()))
        else {
            out.push(u);
            continue;
        };
        let markup = u.markup;
        out.extend(super::split_on_its_line(u, label, markup, head));
    }
    *units = out;
}
