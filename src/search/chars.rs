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

    /// The index of the (character, document) pairs `pairs`, ascending and
    /// each once: what [`CharIndex::build`] makes of texts holding them.
    fn of_sorted_pairs(pairs: &[(char, u32)]) -> CharIndex {
        let mut index = CharIndex::default();
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            index.chars.push(group[0].0);
            let mut prev = 0;
            for &(_, d) in group {
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

/// The first character of each head field (kicker, subtitle, byline) of
/// every document, as a character index: with the field character index,
/// what scoring a one-character term in the heads needs, without reading
/// them (whether a head holds it, and whether one starts with it).
#[derive(Debug, Default)]
pub struct HeadStarts {
    starts: CharIndex,
    /// The documents whose folded heads hold a line break of their own, so
    /// that the three fields cannot be told apart in the joined text: the
    /// table settles nothing for them (read their heads).
    unsettled: Bitset,
}

impl HeadStarts {
    /// The table of `n` documents whose folded heads, joined by `\n` (three
    /// fields), `heads(d)` gives (read in parallel: a warm start makes it).
    pub fn build<'a>(n: usize, heads: impl Fn(usize) -> &'a str + Sync) -> HeadStarts {
        use rayon::prelude::*;
        // Each document's heads' first characters ('\0': none), None when
        // the heads cannot be told apart.
        let firsts: Vec<Option<[char; 3]>> = (0..n)
            .into_par_iter()
            .with_min_len(4096)
            .map(|d| {
                let joined = heads(d);
                if memchr::memchr_iter(b'\n', joined.as_bytes()).count() > 2 {
                    return None;
                }
                let mut out = ['\0'; 3];
                for (slot, head) in out.iter_mut().zip(joined.split('\n')) {
                    *slot = head.chars().next().unwrap_or('\0');
                }
                Some(out)
            })
            .collect();
        let mut unsettled = Bitset::new(n);
        let mut pairs: Vec<(char, u32)> = Vec::new();
        for (d, f) in firsts.iter().enumerate() {
            let Some(mut f) = *f else {
                unsettled.insert(d as u32);
                continue;
            };
            f.sort_unstable();
            for (k, &c) in f.iter().enumerate() {
                if c != '\0' && !c.is_whitespace() && (k == 0 || f[k - 1] != c) {
                    pairs.push((c, d as u32));
                }
            }
        }
        drop(firsts);
        pairs.par_sort_unstable();
        HeadStarts {
            starts: CharIndex::of_sorted_pairs(&pairs),
            unsettled,
        }
    }

    /// The documents (of `n`) one of whose heads starts with `c` (not a space).
    pub fn starting_with(&self, c: char, n: usize) -> Bitset {
        self.starts.docs_with_all(&[c], n)
    }

    /// True when the table settles nothing for `d`: its heads are to be read.
    pub fn is_unsettled(&self, d: u32) -> bool {
        self.unsettled.contains(d)
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        self.starts.heap_bytes() + self.unsettled.heap_bytes()
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

    /// A head starting with the character is told from one holding it
    /// further on, whichever of the three fields it is; heads holding a line
    /// break of their own are left to be read.
    #[test]
    fn head_starts_tell_which_documents_have_a_head_starting_with_a_character() {
        let heads = [
            "社区\n\n",
            "\n区社\n",
            "\n\n社会",
            "区\n社\n",
            "社\n区\n治\n理",
        ];
        let table = HeadStarts::build(heads.len(), |d| heads[d]);
        let set = table.starting_with('社', heads.len());
        assert_eq!(set.to_vec(), vec![0, 2, 3]);
        assert_eq!(table.starting_with('区', heads.len()).to_vec(), vec![1, 3]);
        assert!(table.starting_with('治', heads.len()).to_vec().is_empty());
        assert!((0..4).all(|d| !table.is_unsettled(d)));
        assert!(table.is_unsettled(4));
        // The same index as one built from each document's first characters.
        let firsts = ["社", "区", "社", "区社", ""];
        assert_eq!(table.starts, CharIndex::build(firsts.into_iter()));
    }
}
