//! Compact storage for many short strings and byte lists: one buffer and offsets,
//! cheap to build, to keep in memory and to (de)serialise.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

/// A byte buffer serialised as one blob (fast with postcard).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bytes(pub Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Bytes, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Bytes, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = a.next_element()? {
                    out.push(b);
                }
                Ok(Bytes(out))
            }
        }
        d.deserialize_byte_buf(V)
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
