//! Compact storage for many short strings and byte lists: one buffer and offsets,
//! cheap to build, to keep in memory and to (de)serialise.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

/// Many strings in one buffer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextColumn {
    text: String,
    /// `starts[i]..starts[i + 1]` is string `i`; one more entry than strings.
    starts: Vec<u32>,
}

impl Default for TextColumn {
    fn default() -> TextColumn {
        TextColumn::new()
    }
}

impl TextColumn {
    pub fn new() -> TextColumn {
        TextColumn {
            text: String::new(),
            starts: vec![0],
        }
    }

    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.starts.push(self.text.len() as u32);
    }

    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// String `i` (empty when out of range).
    pub fn get(&self, i: usize) -> &str {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.text.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// The whole buffer (strings back to back).
    pub fn buffer(&self) -> &str {
        &self.text
    }

    /// The string containing byte `offset` of [`Self::buffer`].
    pub fn index_of_offset(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1)
    }

    /// Structural sanity (used to refuse a corrupt cache).
    pub fn is_consistent(&self) -> bool {
        self.starts.first() == Some(&0)
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self.starts.last().map(|&l| l as usize) == Some(self.text.len())
            && self
                .starts
                .iter()
                .all(|&s| self.text.is_char_boundary(s as usize))
    }
}

/// Variants of the strings of a [`TextColumn`] that mostly equal them (folded
/// titles): only the ones that differ are kept, with a bitmask of which.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Variants {
    /// Bit `i`: string `i` has a variant.
    differs: Vec<u64>,
    /// The strings with a variant, ascending.
    which: Vec<u32>,
    texts: TextColumn,
}

impl Variants {
    /// Record the variant of the next string (`None`: the same).
    pub fn push(&mut self, i: usize, variant: Option<&str>) {
        if let Some(v) = variant {
            if self.differs.len() <= i / 64 {
                self.differs.resize(i / 64 + 1, 0);
            }
            if let Some(w) = self.differs.get_mut(i / 64) {
                *w |= 1 << (i % 64);
            }
            self.which.push(i as u32);
            self.texts.push(v);
        }
    }

    /// String `i` of `base` as its variant.
    pub fn get<'a>(&'a self, base: &'a TextColumn, i: usize) -> &'a str {
        let has = self
            .differs
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0);
        if has && let Ok(k) = self.which.binary_search(&(i as u32)) {
            return self.texts.get(k);
        }
        base.get(i)
    }

    /// The variant of string `i`, when it has one.
    pub fn variant(&self, i: usize) -> Option<&str> {
        let has = self
            .differs
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0);
        match self.which.binary_search(&(i as u32)) {
            Ok(k) if has => Some(self.texts.get(k)),
            _ => None,
        }
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        8 * self.differs.len()
            + 4 * self.which.len()
            + self.texts.buffer().len()
            + 4 * self.texts.len()
    }

    /// Structural sanity against the column of `n` strings it varies.
    pub fn is_consistent(&self, n: usize) -> bool {
        self.texts.is_consistent()
            && self.texts.len() == self.which.len()
            && self.which.windows(2).all(|w| w[0] < w[1])
            && self.which.last().is_none_or(|&l| (l as usize) < n)
            && self.differs.len() <= n.div_ceil(64)
            && self
                .differs
                .iter()
                .map(|w| w.count_ones() as usize)
                .sum::<usize>()
                == self.which.len()
    }
}

/// A byte buffer serialised as one blob (fast with postcard): owned, or read
/// in place from a file decoded with [`decode_in_place`] (the search cache's
/// posting lists, which a search reads a few of), checked by its [`Backing`]
/// when read.
#[derive(Clone, Default)]
pub struct Bytes {
    owned: Vec<u8>,
    /// When read in place: where (then `owned` is empty).
    in_place: Option<InPlace>,
}

/// `len` bytes at `at` of the backing's file.
#[derive(Clone)]
struct InPlace {
    backing: Arc<dyn Backing>,
    at: usize,
    len: usize,
}

/// The bytes of a file that [`Bytes`] read in place.
pub trait Backing: Send + Sync {
    /// The whole file's bytes, unchecked (where blobs are found as decoding
    /// meets them).
    fn bytes(&self) -> &[u8];
    /// Bytes `range` of the file, checked against the file's checksums; None
    /// when they are damaged.
    fn checked(&self, range: Range<usize>) -> Option<&[u8]>;
}

impl Bytes {
    /// An owned buffer.
    pub fn owned(bytes: Vec<u8>) -> Bytes {
        Bytes {
            owned: bytes,
            in_place: None,
        }
    }

    /// `len` bytes at `at` of `backing`'s file, read in place.
    pub fn in_place_of(backing: Arc<dyn Backing>, at: usize, len: usize) -> Bytes {
        Bytes {
            owned: Vec::new(),
            in_place: Some(InPlace { backing, at, len }),
        }
    }

    pub fn len(&self) -> usize {
        match &self.in_place {
            None => self.owned.len(),
            Some(p) => p.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes `range` (None when out of range, or read in place and damaged).
    pub fn get(&self, range: Range<usize>) -> Option<&[u8]> {
        match &self.in_place {
            None => self.owned.get(range),
            Some(p) => {
                if range.start > range.end || range.end > p.len {
                    return None;
                }
                p.backing.checked(p.at + range.start..p.at + range.end)
            }
        }
    }

    /// All the bytes (empty when read in place and damaged).
    pub fn all(&self) -> &[u8] {
        self.get(0..self.len()).unwrap_or(&[])
    }

    /// The buffer to append to (a buffer read in place is copied first).
    pub fn vec_mut(&mut self) -> &mut Vec<u8> {
        if self.in_place.is_some() {
            self.owned = self.all().to_vec();
            self.in_place = None;
        }
        &mut self.owned
    }

    /// Heap bytes (none for a buffer read in place).
    pub fn heap_bytes(&self) -> usize {
        self.owned.capacity()
    }
}

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.in_place {
            None => write!(f, "Bytes({} bytes)", self.owned.len()),
            Some(p) => write!(f, "Bytes({} bytes at {}, in place)", p.len, p.at),
        }
    }
}

impl PartialEq for Bytes {
    fn eq(&self, other: &Bytes) -> bool {
        self.len() == other.len() && self.all() == other.all()
    }
}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A damaged buffer read in place is never written out as if it were whole.
        match self.get(0..self.len()) {
            Some(b) => s.serialize_bytes(b),
            None => Err(serde::ser::Error::custom("damaged bytes")),
        }
    }
}

/// The backing of a decoding under way ([`decode_in_place`]), and the file
/// ranges of the blobs found in it so far.
type Decoding = Option<(Arc<dyn Backing>, Vec<Range<usize>>)>;

thread_local! {
    /// This thread's decoding under way, if any.
    static DECODING: RefCell<Decoding> = const { RefCell::new(None) };
}

/// Run `decode` (a postcard decoding of bytes of `backing`'s file) with every
/// [`Bytes`] it meets left in place; returns its result and the file ranges of
/// those blobs (unchecked: the backing checks them when they are read).
pub fn decode_in_place<R>(
    backing: Arc<dyn Backing>,
    decode: impl FnOnce() -> R,
) -> (R, Vec<Range<usize>>) {
    DECODING.with_borrow_mut(|d| *d = Some((backing, Vec::new())));
    let result = decode();
    let blobs = DECODING
        .with_borrow_mut(Option::take)
        .map(|(_, blobs)| blobs)
        .unwrap_or_default();
    (result, blobs)
}

/// `v` as a [`Bytes`] read in place when it lies in the file being decoded.
fn in_place(v: &[u8]) -> Option<Bytes> {
    DECODING.with_borrow_mut(|d| {
        let (backing, blobs) = d.as_mut()?;
        let file = backing.bytes();
        let at = (v.as_ptr() as usize).checked_sub(file.as_ptr() as usize)?;
        if at.checked_add(v.len())? > file.len() {
            return None;
        }
        blobs.push(at..at + v.len());
        Some(Bytes {
            owned: Vec::new(),
            in_place: Some(InPlace {
                backing: Arc::clone(backing),
                at,
                len: v.len(),
            }),
        })
    })
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Bytes, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_borrowed_bytes<E: serde::de::Error>(self, v: &'de [u8]) -> Result<Bytes, E> {
                Ok(in_place(v).unwrap_or_else(|| Bytes::owned(v.to_vec())))
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes::owned(v.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes::owned(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Bytes, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = a.next_element()? {
                    out.push(b);
                }
                Ok(Bytes::owned(out))
            }
        }
        d.deserialize_bytes(V)
    }
}

/// Append `v` as a LEB128 varint.
pub fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Decode the delta-coded ascending list in `bytes`, calling `f` for each value.
pub fn for_each_delta(bytes: &[u8], mut f: impl FnMut(u32)) {
    let (mut acc, mut cur, mut shift) = (0u32, 0u32, 0u32);
    for &b in bytes {
        cur |= ((b & 0x7F) as u32) << shift.min(31);
        if b & 0x80 == 0 {
            acc = acc.wrapping_add(cur);
            f(acc);
            cur = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_deltas_round_trip() {
        let mut c = TextColumn::new();
        c.push("社区");
        c.push("");
        c.push("abc");
        assert_eq!(
            (c.get(0), c.get(1), c.get(2), c.get(9)),
            ("社区", "", "abc", "")
        );
        assert_eq!(c.index_of_offset(7), 2);
        assert!(c.is_consistent());
        let mut bytes = Vec::new();
        let mut prev = 0;
        for v in [3u32, 200, 70000, 70001] {
            push_varint(&mut bytes, v - prev);
            prev = v;
        }
        let mut back = Vec::new();
        for_each_delta(&bytes, |v| back.push(v));
        assert_eq!(back, vec![3, 200, 70000, 70001]);
    }

    #[test]
    fn variants_are_kept_only_where_they_differ() {
        let mut base = TextColumn::new();
        let mut v = Variants::default();
        for (i, (text, variant)) in [("社区", None), ("ＡＢＣ", Some("abc")), ("x", None)]
            .into_iter()
            .chain((3..130).map(|_| ("y", None)))
            .chain([("Z", Some("z"))])
            .enumerate()
        {
            base.push(text);
            v.push(i, variant);
        }
        assert_eq!(
            (
                v.get(&base, 0),
                v.get(&base, 1),
                v.get(&base, 2),
                v.get(&base, 130)
            ),
            ("社区", "abc", "x", "z")
        );
        assert!(v.is_consistent(131));
        assert!(!v.is_consistent(100), "a variant beyond the column");
    }
}
