//! Sets of documents as bitsets (one bit per document of the index).

/// A set of document numbers.
#[derive(Debug, Clone, Default)]
pub struct Bitset(Vec<u64>);

impl Bitset {
    pub fn new(n: usize) -> Bitset {
        Bitset(vec![0; n.div_ceil(64)])
    }
    pub fn full(n: usize) -> Bitset {
        let mut words = vec![u64::MAX; n.div_ceil(64)];
        if let Some(last) = words.last_mut()
            && !n.is_multiple_of(64)
        {
            *last = (1u64 << (n % 64)) - 1;
        }
        Bitset(words)
    }
    pub fn insert(&mut self, i: u32) {
        if let Some(w) = self.0.get_mut(i as usize / 64) {
            *w |= 1 << (i % 64);
        }
    }
    pub fn contains(&self, i: u32) -> bool {
        self.0
            .get(i as usize / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    pub fn union(&mut self, other: &Bitset) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
    /// The members, ascending.
    pub fn to_vec(&self) -> Vec<u32> {
        self.iter().collect()
    }

    /// The members, ascending, one at a time.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &w)| {
            let base = k as u32 * 64;
            std::iter::successors((w != 0).then_some(w), |&w| {
                let rest = w & (w - 1);
                (rest != 0).then_some(rest)
            })
            .map(move |w| base + w.trailing_zeros())
        })
    }

    /// Drop the members of `other`.
    pub fn subtract(&mut self, other: &Bitset) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= !b;
        }
    }

    /// The documents below `n` whose byte in `by_doc` (one a document) is
    /// not 0.
    pub fn of_nonzero(by_doc: &[u8], n: usize) -> Bitset {
        let mut set = Bitset::new(n);
        let by_doc = by_doc.get(..n).unwrap_or(by_doc);
        for (word, chunk) in set.0.iter_mut().zip(by_doc.chunks(64)) {
            *word = chunk
                .iter()
                .enumerate()
                .fold(0u64, |w, (k, &b)| w | (u64::from(b != 0) << k));
        }
        set
    }

    /// Add the documents of a little-endian bitset of bytes (bit `b` of byte `k`:
    /// document `8k + b`).
    pub fn union_bytes(&mut self, bytes: &[u8]) {
        for (word, chunk) in self.0.iter_mut().zip(bytes.chunks(8)) {
            let mut le = [0u8; 8];
            for (d, s) in le.iter_mut().zip(chunk) {
                *d = *s;
            }
            *word |= u64::from_le_bytes(le);
        }
    }

    /// The members of `set` below `n`.
    pub fn from_roaring(set: &roaring::RoaringBitmap, n: usize) -> Bitset {
        let mut out = Bitset::new(n);
        for d in set {
            out.insert(d);
        }
        out
    }

    /// The members as a roaring bitmap.
    pub fn to_roaring(&self) -> roaring::RoaringBitmap {
        let bytes: Vec<u8> = self.0.iter().flat_map(|w| w.to_le_bytes()).collect();
        roaring::RoaringBitmap::from_lsb0_bytes(0, &bytes)
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        8 * self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    pub fn intersect(&mut self, other: &Bitset) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitsets_hold_their_members() {
        let full = Bitset::full(70);
        assert!(full.contains(0) && full.contains(69) && !full.contains(70));
        assert_eq!(full.to_vec().len(), 70);
        let mut u = Bitset::new(70);
        u.insert(3);
        let mut b = Bitset::new(70);
        b.union_bytes(&[0b101]);
        u.union(&b);
        assert_eq!(u.to_vec(), vec![0, 2, 3]);
        let r: roaring::RoaringBitmap = [2u32, 69, 300].into_iter().collect();
        let mut f = Bitset::from_roaring(&r, 70);
        assert_eq!(f.to_vec(), vec![2, 69]);
        f.intersect(&u);
        assert_eq!(f.to_vec(), vec![2]);
        assert_eq!(u.iter().collect::<Vec<u32>>(), vec![0, 2, 3]);
        let mut minus = Bitset::full(70);
        minus.subtract(&u);
        assert_eq!(minus.iter().count(), 67);
        assert!(!minus.contains(2) && minus.contains(1) && minus.contains(69));
        assert_eq!(f.to_roaring().iter().collect::<Vec<u32>>(), vec![2]);
        assert_eq!(u.to_roaring().iter().collect::<Vec<u32>>(), vec![0, 2, 3]);
        assert!(!f.is_empty() && Bitset::new(70).is_empty());
        let mut bytes = vec![0u8; 130];
        for d in [0, 63, 64, 129] {
            bytes[d] = 7;
        }
        assert_eq!(
            Bitset::of_nonzero(&bytes, 130).to_vec(),
            vec![0, 63, 64, 129]
        );
        assert_eq!(Bitset::of_nonzero(&bytes, 64).to_vec(), vec![0, 63]);
    }
}
