//! Which article inherits the tags of each article when the articles of an issue
//! change by a correction (or by dropping one): the article that holds its title,
//! else the one that holds most of its text. So a split keeps the tags on the
//! part with the title, a join unions the tags of both, and no tag is lost while
//! any of the article's text is still in an article.

use crate::article::Article;
use crate::text::comparison_key;
use std::collections::HashSet;

/// For each article of `old`, the index in `new` of the article that inherits its
/// tags (`None` when none of its text is in any article any more).
pub fn heirs(old: &[Article], new: &[Article]) -> Vec<Option<usize>> {
    let new_texts: Vec<HashSet<String>> = new.iter().map(texts).collect();
    let new_titles: Vec<String> = new.iter().map(|a| comparison_key(&a.title)).collect();
    old.iter()
        .map(|a| {
            if let Some(same) = new.iter().position(|b| b.id == a.id) {
                return Some(same);
            }
            let mine = texts(a);
            let overlap = |j: usize| -> usize {
                mine.intersection(&new_texts[j])
                    .map(|t| t.chars().count())
                    .sum()
            };
            let title = comparison_key(&a.title);
            let best = |candidates: &mut dyn Iterator<Item = usize>| {
                candidates
                    .map(|j| (overlap(j), j))
                    .max_by_key(|&(n, j)| (n, std::cmp::Reverse(j)))
            };
            if !title.is_empty() {
                let mut holders = (0..new.len()).filter(|&j| new_titles[j] == title);
                if let Some((_, j)) = best(&mut holders) {
                    return Some(j);
                }
            }
            best(&mut (0..new.len()))
                .filter(|&(n, _)| n > 0)
                .map(|(_, j)| j)
        })
        .collect()
}

/// The texts of an article's heading parts and paragraphs, compared as ids are.
fn texts(a: &Article) -> HashSet<String> {
    [&a.kicker, &a.title, &a.subtitle, &a.byline]
        .into_iter()
        .chain(a.paragraphs.iter())
        .map(|t| comparison_key(t))
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correct::test_article as article;

    /// A split article's tags go to the part with its title; a joined article
    /// inherits both; an article whose text is gone inherits nothing.
    #[test]
    fn heirs_follow_titles_then_text() {
        let old = vec![article("a", "标题甲", &["一。", "二。", "三。"])];
        let split = vec![
            article("x", "", &["二。"]),
            article("b", "标题甲", &["一。"]),
        ];
        assert_eq!(heirs(&old, &split), vec![Some(1)]);
        let joined = vec![article("c", "标题甲", &["一。", "二。", "三。", "四。"])];
        let two = vec![
            article("a", "标题甲", &["一。"]),
            article("d", "名字", &["四。"]),
        ];
        assert_eq!(heirs(&two, &joined), vec![Some(0), Some(0)]);
        assert_eq!(
            heirs(&two, &[article("z", "别的", &["五。"])]),
            vec![None, None]
        );
    }
}
