//! Compact storage for many short strings and byte lists: one buffer and offsets,
//! cheap to build, to keep in memory and to (de)serialise.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

/// Many strings in one buffer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextColumn {
    /// UTF-8 always: made of `&str`s, or read and checked ([`Pods`]: read in
    /// place from the search cache).
    text: Pods<u8>,
    /// `starts[i]..starts[i + 1]` is string `i`; one more entry than strings.
    starts: Pods<u32>,
}

impl Default for TextColumn {
    fn default() -> TextColumn {
        TextColumn::new()
    }
}

impl TextColumn {
    pub fn new() -> TextColumn {
        TextColumn {
            text: Pods::default(),
            starts: Pods::from(vec![0]),
        }
    }

    pub fn push(&mut self, s: &str) {
        self.text.to_mut().extend_from_slice(s.as_bytes());
        self.starts.to_mut().push(self.text.len() as u32);
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
            (Some(&a), Some(&b)) => self.buffer().get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// The whole buffer (strings back to back).
    pub fn buffer(&self) -> &str {
        // SAFETY: `text` is UTF-8: appended to from `&str`s only, and read
        // back only once checked (see `Deserialize`); read in place, it is
        // the cache file's bytes, which newstag never writes in place.
        unsafe { std::str::from_utf8_unchecked(&self.text) }
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
                .all(|&s| self.buffer().is_char_boundary(s as usize))
    }
}

/// Read back with its text checked to be UTF-8 (with SIMD: serde's check of
/// a `String` took a share of a warm start), in place where it can be.
impl<'de> Deserialize<'de> for TextColumn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TextColumn, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename = "TextColumn")]
        struct Raw {
            text: Pods<u8>,
            starts: Pods<u32>,
        }
        let Raw { text, starts } = Raw::deserialize(d)?;
        simdutf8::basic::from_utf8(&text)
            .map_err(|_| serde::de::Error::custom("a text column is not UTF-8"))?;
        Ok(TextColumn { text, starts })
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
    /// Bytes of the heap this backing holds (none for a mapped file).
    fn heap_bytes(&self) -> usize {
        0
    }
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

/// A column of plain values (`u32`s, `u16`s...): owned, or read in place
/// from a file decoded with [`decode_in_place`] (the search cache's key and
/// offset columns: a warm start used to decode them value by value into
/// memory, the largest share of reading the cache). Serialised as one blob,
/// its values aligned in the file where the writer knows where it writes
/// ([`track_write_position`]); a blob read in place is not checked when read
/// but with the head around it, before the index is used (unlike [`Bytes`]).
#[derive(Clone)]
pub struct Pods<T> {
    owned: Vec<T>,
    /// When read in place: the backing and where its values start (then
    /// `owned` is empty).
    in_place: Option<(Arc<dyn Backing>, Range<usize>)>,
}

/// Alignment the writer gives a [`Pods`] blob's values in the file.
const POD_ALIGN: usize = 8;

impl<T: bytemuck::Pod> Pods<T> {
    /// The values to change (values read in place are copied first).
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        if self.in_place.is_some() {
            self.owned = self.to_vec();
            self.in_place = None;
        }
        &mut self.owned
    }

    /// Heap bytes: the values owned, and this one's share of a buffer it
    /// reads in place with others (none for values mapped from a file), so
    /// that sharers counted together count a shared buffer once.
    pub fn heap_bytes(&self) -> usize {
        let shared = self
            .in_place
            .as_ref()
            .map_or(0, |(b, _)| b.heap_bytes() / Arc::strong_count(b));
        self.owned.capacity() * std::mem::size_of::<T>() + shared
    }

    /// Whether the values are read in place.
    pub fn is_in_place(&self) -> bool {
        self.in_place.is_some()
    }

    /// These values, read from now on (here and in the copy returned, and
    /// in any clone of either) from one buffer shared by all, not copied.
    pub fn shared(&mut self) -> Pods<T>
    where
        T: Send + Sync + 'static,
    {
        if self.in_place.is_none() {
            let values = std::mem::take(&mut self.owned);
            let len = std::mem::size_of_val(values.as_slice());
            let backing: Arc<dyn Backing> = Arc::new(SharedValues(values));
            self.in_place = Some((backing, 0..len));
        }
        self.clone()
    }
}

/// The buffer of values [`Pods::shared`] reads in place: aligned for its
/// values as any vector of them is.
struct SharedValues<T>(Vec<T>);

impl<T: bytemuck::Pod + Send + Sync> Backing for SharedValues<T> {
    fn bytes(&self) -> &[u8] {
        bytemuck::cast_slice(&self.0)
    }

    fn checked(&self, range: Range<usize>) -> Option<&[u8]> {
        self.bytes().get(range)
    }

    fn heap_bytes(&self) -> usize {
        self.0.capacity() * std::mem::size_of::<T>()
    }
}

impl<T> Default for Pods<T> {
    fn default() -> Pods<T> {
        Pods {
            owned: Vec::new(),
            in_place: None,
        }
    }
}

impl<T> From<Vec<T>> for Pods<T> {
    fn from(owned: Vec<T>) -> Pods<T> {
        Pods {
            owned,
            in_place: None,
        }
    }
}

impl<T> FromIterator<T> for Pods<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> Pods<T> {
        Pods::from(it.into_iter().collect::<Vec<T>>())
    }
}

impl<T: bytemuck::Pod> std::ops::Deref for Pods<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match &self.in_place {
            None => &self.owned,
            // Aligned and whole when made (see `Deserialize`).
            Some((backing, range)) => backing
                .bytes()
                .get(range.clone())
                .and_then(|b| bytemuck::try_cast_slice(b).ok())
                .unwrap_or(&[]),
        }
    }
}

impl<T: bytemuck::Pod + PartialEq> PartialEq for Pods<T> {
    fn eq(&self, other: &Pods<T>) -> bool {
        **self == **other
    }
}

impl<T: bytemuck::Pod + std::fmt::Debug> std::fmt::Debug for Pods<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.in_place {
            None => write!(f, "Pods({} values)", self.owned.len()),
            Some((_, r)) => write!(f, "Pods({} values at {}, in place)", self.len(), r.start),
        }
    }
}

thread_local! {
    /// Where in its file the next byte this thread serialises lands, when the
    /// writer knows it (see [`track_write_position`]).
    static WRITE_AT: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Say where in its file the next byte serialised on this thread lands (None:
/// not known), so that [`Pods`] blobs align their values there.
pub fn track_write_position(at: Option<usize>) {
    WRITE_AT.set(at);
}

/// Bytes of `v` as a LEB128 varint.
fn varint_len(mut v: usize) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

/// Values serialised as a [`Pods`] blob: a byte `p`, `p` zeros, the values'
/// bytes, `7 - p` zeros, `p` chosen so that the values start at a multiple
/// of 8 in the file when the writer says where it writes (else 0; the blob
/// is then read by copying where it is not aligned).
pub struct PodsRef<'a, T>(pub &'a [T]);

impl<T: bytemuck::Pod> Serialize for PodsRef<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let data: &[u8] = bytemuck::cast_slice(self.0);
        let total = data.len() + POD_ALIGN;
        let pad = WRITE_AT.get().map_or(0, |at| {
            let values_at = at + varint_len(total) + 1;
            (POD_ALIGN - values_at % POD_ALIGN) % POD_ALIGN
        });
        let mut blob = Vec::with_capacity(total);
        blob.push(pad as u8);
        blob.resize(1 + pad, 0);
        blob.extend_from_slice(data);
        blob.resize(total, 0);
        s.serialize_bytes(&blob)
    }
}

impl<T: bytemuck::Pod> Serialize for Pods<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        PodsRef(self).serialize(s)
    }
}

/// The values' bytes of a [`Pods`] blob (see [`PodsRef`]).
fn pod_values<T: bytemuck::Pod>(blob: &[u8]) -> Option<&[u8]> {
    let pad = *blob.first()? as usize;
    if pad >= POD_ALIGN {
        return None;
    }
    let values = blob.get(1 + pad..blob.len().checked_sub(POD_ALIGN - 1 - pad)?)?;
    (values.len() % std::mem::size_of::<T>().max(1) == 0).then_some(values)
}

/// The backing of the file being decoded and the offset of `v` in it, when
/// `v` lies in it (not recorded as a blob: it is checked with the head).
fn place_of(v: &[u8]) -> Option<(Arc<dyn Backing>, usize)> {
    DECODING.with_borrow(|d| {
        let (backing, _) = d.as_ref()?;
        let file = backing.bytes();
        let at = (v.as_ptr() as usize).checked_sub(file.as_ptr() as usize)?;
        (at.checked_add(v.len())? <= file.len()).then(|| (Arc::clone(backing), at))
    })
}

impl<'de, T: bytemuck::Pod> Deserialize<'de> for Pods<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Pods<T>, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        fn copied<T: bytemuck::Pod, E: serde::de::Error>(blob: &[u8]) -> Result<Pods<T>, E> {
            let values = pod_values::<T>(blob).ok_or_else(|| E::custom("a bad column"))?;
            let mut out = vec![T::zeroed(); values.len() / std::mem::size_of::<T>().max(1)];
            bytemuck::cast_slice_mut::<T, u8>(&mut out).copy_from_slice(values);
            Ok(Pods::from(out))
        }
        impl<'de, T: bytemuck::Pod> serde::de::Visitor<'de> for V<T> {
            type Value = Pods<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a column of values")
            }
            fn visit_borrowed_bytes<E: serde::de::Error>(self, v: &'de [u8]) -> Result<Pods<T>, E> {
                let values = pod_values::<T>(v).ok_or_else(|| E::custom("a bad column"))?;
                let aligned = bytemuck::try_cast_slice::<u8, T>(values).is_ok();
                if aligned && let Some((backing, at)) = place_of(values) {
                    return Ok(Pods {
                        owned: Vec::new(),
                        in_place: Some((backing, at..at + values.len())),
                    });
                }
                copied(v)
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Pods<T>, E> {
                copied(v)
            }
        }
        d.deserialize_bytes(V(std::marker::PhantomData))
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
    any_delta(bytes, |v| {
        f(v);
        false
    });
}

/// Whether `found` holds for any value of a list coded as in [`for_each_delta`],
/// read in order and no further than the first that does.
pub fn any_delta(bytes: &[u8], mut found: impl FnMut(u32) -> bool) -> bool {
    let (mut acc, mut cur, mut shift) = (0u32, 0u32, 0u32);
    for &b in bytes {
        cur |= ((b & 0x7F) as u32) << shift.min(31);
        if b & 0x80 == 0 {
            acc = acc.wrapping_add(cur);
            if found(acc) {
                return true;
            }
            cur = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values shared (the postings of an index searched while the one built
    /// beside it goes on) read the same from either side, from one buffer,
    /// and stay so when one side is changed (copied then, alone).
    #[test]
    fn shared_values_are_one_buffer_read_alike() {
        let mut keys: Pods<u32> = Pods::from(vec![3, 1 << 20, 7, u32::MAX]);
        let alone = keys.heap_bytes();
        assert!(alone >= 16);
        let mut other = keys.shared();
        assert_eq!(&*keys, &[3, 1 << 20, 7, u32::MAX]);
        assert_eq!(&*other, &*keys);
        assert_eq!(keys.as_ptr(), other.as_ptr());
        assert_eq!(keys.heap_bytes() + other.heap_bytes(), alone);
        other.to_mut().push(9);
        assert_eq!(keys.heap_bytes(), alone);
        assert_eq!(&*keys, &[3, 1 << 20, 7, u32::MAX]);
        assert_eq!(&*other, &[3, 1 << 20, 7, u32::MAX, 9]);
        let mut none: Pods<u16> = Pods::default();
        assert!(none.shared().is_empty());
    }

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
        let mut read = Vec::new();
        assert!(any_delta(&bytes, |v| {
            read.push(v);
            v == 70000
        }));
        assert_eq!(
            read,
            vec![3, 200, 70000],
            "reads no further than the first found"
        );
        assert!(!any_delta(&bytes, |v| v == 199));
    }

    /// A text column reads back as written; one whose text is no longer
    /// UTF-8 is refused, never read.
    #[test]
    fn a_text_column_reads_back_and_one_not_utf8_is_refused() {
        let mut c = TextColumn::new();
        c.push("社区");
        c.push("abc");
        let bytes = postcard::to_stdvec(&c).unwrap();
        assert_eq!(postcard::from_bytes::<TextColumn>(&bytes).unwrap(), c);
        let mut broken = bytes.clone();
        let at = broken.iter().position(|&b| b == 0xE7).unwrap();
        broken[at] = 0xFF;
        assert!(postcard::from_bytes::<TextColumn>(&broken).is_err());
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

    /// A damaged cache whose blob claims more padding than a value can need
    /// is refused (the cache is then rebuilt), in debug and release alike.
    #[test]
    fn a_blob_claiming_too_much_padding_is_refused() {
        for pad in [POD_ALIGN as u8, 8, 200, u8::MAX] {
            let mut blob = vec![pad];
            blob.resize(64, 0);
            assert_eq!(pod_values::<u32>(&blob), None, "pad {pad}");
        }
        let mut good = vec![0u8];
        good.resize(1 + 8 + POD_ALIGN - 1, 0);
        assert_eq!(pod_values::<u32>(&good).map(<[u8]>::len), Some(8));
    }

    /// A file's bytes, starting at a multiple of 8 in memory as a mapped
    /// file's do.
    struct AlignedFile(Vec<u64>);

    impl Backing for AlignedFile {
        fn bytes(&self) -> &[u8] {
            bytemuck::cast_slice(&self.0)
        }
        fn checked(&self, range: Range<usize>) -> Option<&[u8]> {
            self.bytes().get(range)
        }
    }

    /// `values` serialised at byte `at` of a file (the writer knowing where
    /// it writes, or not), then read back from it.
    fn written_and_read<T: bytemuck::Pod>(values: &[T], at: usize, known: bool) -> Pods<T> {
        track_write_position(known.then_some(at));
        let blob = postcard::to_stdvec(&PodsRef(values)).unwrap();
        track_write_position(None);
        let mut bytes = vec![0xAAu8; at];
        bytes.extend_from_slice(&blob);
        let mut words = vec![0u64; bytes.len().div_ceil(8)];
        bytemuck::cast_slice_mut::<u64, u8>(&mut words)[..bytes.len()].copy_from_slice(&bytes);
        let file = Arc::new(AlignedFile(words));
        let backing: Arc<dyn Backing> = file.clone();
        let (read, blobs) = decode_in_place(backing, || {
            postcard::from_bytes::<Pods<T>>(&file.bytes()[at..]).unwrap()
        });
        assert!(
            blobs.is_empty(),
            "a column is checked with the head, not as a blob"
        );
        read
    }

    proptest::proptest! {
        /// A column reads back as written wherever it lands in the file: in
        /// place (no copy) when the writer knew where it wrote, by copying
        /// when its values are not aligned; changed, it is owned.
        #[test]
        fn columns_of_values_read_back_in_place_wherever_they_land(
            values in proptest::collection::vec(proptest::num::u32::ANY, 0..300),
            at in 0usize..40,
        ) {
            let read = written_and_read(&values, at, true);
            proptest::prop_assert_eq!(&*read, &values[..]);
            proptest::prop_assert!(read.is_in_place());
            let unaligned = written_and_read(&values, at, false);
            proptest::prop_assert_eq!(&*unaligned, &values[..]);
            let varint = postcard::to_stdvec(&(4 * values.len() + 8)).unwrap().len();
            let aligned = (at + varint + 1).is_multiple_of(4);
            proptest::prop_assert_eq!(unaligned.is_in_place(), aligned);
            let halves: Vec<u16> = values.iter().map(|&v| v as u16).collect();
            proptest::prop_assert_eq!(&*written_and_read(&halves, at, true), &halves[..]);
            let mut changed = read.clone();
            changed.to_mut().push(7);
            proptest::prop_assert!(!changed.is_in_place());
            proptest::prop_assert_eq!(&changed[..values.len()], &values[..]);
            proptest::prop_assert_eq!(&*read, &values[..]);
        }
    }
}
