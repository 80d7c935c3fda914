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
}
