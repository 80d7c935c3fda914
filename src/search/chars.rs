//! Which documents' titles (or other fields) contain a character: a character
//! query then scores only the documents holding all its characters instead of
//! scanning every title.

use super::column::{Bytes, for_each_delta, push_varint};
use super::docset::Bitset;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Characters to document lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CharIndex {
    /// Distinct characters, ascending.
    chars: Vec<char>,
    /// Delta-coded ascending document numbers, character after character.
    postings: Bytes,
    /// `starts[k]..starts[k + 1]` is the list of `chars[k]`; empty or one longer.
    starts: Vec<u32>,
}

impl Default for CharIndex {
    fn default() -> CharIndex {
        CharIndex {
            chars: Vec::new(),
            postings: Bytes::default(),
            starts: vec![0],
        }
    }
}

impl CharIndex {
    /// Index `texts` (document `d` is `texts[d]`), spaces left out.
    pub fn build<'a>(texts: impl Iterator<Item = &'a str>) -> CharIndex {
        let mut map: HashMap<char, Vec<u32>> = HashMap::new();
        for (d, text) in texts.enumerate() {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                let list = map.entry(c).or_default();
                if list.last() != Some(&(d as u32)) {
                    list.push(d as u32);
                }
            }
        }
        let mut entries: Vec<(char, Vec<u32>)> = map.into_iter().collect();
        entries.sort_unstable_by_key(|e| e.0);
        let mut index = CharIndex::default();
        for (c, docs) in entries {
            index.chars.push(c);
            let mut prev = 0;
            for d in docs {
                push_varint(index.postings.vec_mut(), d - prev);
                prev = d;
            }
            index.starts.push(index.postings.len() as u32);
        }
        index
    }

    /// The documents (of `n`) whose text holds every character of `chars`
    /// (spaces ignored).
    pub fn docs_with_all(&self, chars: &[char], n: usize) -> Bitset {
        let mut acc: Option<Bitset> = None;
        for &c in chars.iter().filter(|c| !c.is_whitespace()) {
            let mut set = Bitset::new(n);
            if let Ok(k) = self.chars.binary_search(&c)
                && let (Some(&a), Some(&b)) = (self.starts.get(k), self.starts.get(k + 1))
                && let Some(bytes) = self.postings.get(a as usize..b as usize)
            {
                for_each_delta(bytes, |d| set.insert(d));
            }
            match &mut acc {
                Some(a) => a.intersect(&set),
                None => acc = Some(set),
            }
        }
        acc.unwrap_or_else(|| Bitset::full(n))
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        4 * self.chars.len() + self.postings.heap_bytes() + 4 * self.starts.len()
    }

    /// Structural sanity (used to refuse a corrupt cache).
    pub fn is_consistent(&self) -> bool {
        self.starts.len() == self.chars.len() + 1
            && self.chars.windows(2).all(|w| w[0] < w[1])
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self.starts.last().map(|&l| l as usize) == Some(self.postings.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_with_all_characters() {
        let idx = CharIndex::build(["社区治理", "社会", "治理 社区", "abc"].into_iter());
        assert!(idx.is_consistent());
        let set = idx.docs_with_all(&['社', '理'], 4);
        assert!(set.contains(0) && !set.contains(1) && set.contains(2) && !set.contains(3));
        assert!(!idx.docs_with_all(&['龘'], 4).contains(0));
        assert!(idx.docs_with_all(&['b'], 4).contains(3));
    }
}
