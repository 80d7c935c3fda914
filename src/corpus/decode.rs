//! Turning the bytes of an issue file into text: BOMs, UTF-8, UTF-16, GB18030, Big5,
//! line ends normalised to `\n`, and the characters that print as nothing dropped.

use std::borrow::Cow;

/// Why a file's bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("looks binary (NUL byte at offset {0})")]
    Binary(usize),
    #[error("not valid UTF-8, UTF-16, GB18030 or Big5 (first bad byte at offset {0})")]
    Undecodable(usize),
}

/// Decoded text and the name of the encoding it came from.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
}

/// Decode `bytes`, detecting the encoding, normalise CRLF / CR to LF, and drop the
/// characters that print as nothing (see [`drop_invisibles`]).
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let (text, encoding) = decode_raw(bytes)?;
    Ok(Decoded {
        text: drop_invisibles(normalize_line_ends(text)),
        encoding,
    })
}

fn decode_raw(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match utf8(rest) {
            Ok(s) => check_nul(s).map(|()| (Cow::Borrowed(s), "UTF-8")),
            Err(e) => Err(DecodeError::Undecodable(3 + e.valid_up_to())),
        };
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        return match enc.decode_without_bom_handling_and_without_replacement(&bytes[2..]) {
            Some(s) => check_nul(&s).map(|()| (Cow::Owned(s.into_owned()), enc.name())),
            None => Err(DecodeError::Undecodable(2)),
        };
    }
    if let Some(pos) = memchr::memchr(0, bytes) {
        return Err(DecodeError::Binary(pos));
    }
    match utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), "UTF-8")),
        Err(utf8_err) => legacy_chinese(bytes)
            .map(|(s, enc)| (Cow::Owned(s), enc))
            .ok_or(DecodeError::Undecodable(utf8_err.valid_up_to())),
    }
}

/// How much of a file the encoding detector reads: enough Chinese text to tell
/// GB18030 from Big5, without scanning a whole large file twice.
const DETECT_PREFIX: usize = 64 * 1024;

/// Text that is not UTF-8 comes from a mainland archive (GB18030, a superset of GBK
/// and GB2312) or from a Taiwan or Hong Kong paper (Big5). The same bytes often
/// decode in both, as different characters, so chardetng (Firefox's detector) says
/// which one spells likelier text; the other is the fallback when the guess does not
/// decode cleanly.
fn legacy_chinese(bytes: &[u8]) -> Option<(String, &'static str)> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(DETECT_PREFIX)];
    detector.feed(prefix, prefix.len() == bytes.len());
    let order = if detector.guess(None, chardetng::Utf8Detection::Deny) == encoding_rs::BIG5 {
        [encoding_rs::BIG5, encoding_rs::GB18030]
    } else {
        [encoding_rs::GB18030, encoding_rs::BIG5]
    };
    order.into_iter().find_map(|enc| {
        enc.decode_without_bom_handling_and_without_replacement(bytes)
            .filter(|s| looks_like_text(s))
            .map(|s| (s.into_owned(), enc.name()))
    })
}

/// Validate UTF-8 with SIMD: Chinese text is all multi-byte sequences, where the
/// standard library's ASCII fast path never applies (validation was a tenth of the
/// whole load). The error still tells where the first bad byte is.
fn utf8(bytes: &[u8]) -> Result<&str, simdutf8::compat::Utf8Error> {
    simdutf8::compat::from_utf8(bytes)
}

fn check_nul(s: &str) -> Result<(), DecodeError> {
    match s.find('\0') {
        Some(pos) => Err(DecodeError::Binary(pos)),
        None => Ok(()),
    }
}

/// GB18030 maps almost every byte sequence to something; reject decodings that are
/// mostly control characters or private-use code points, which binary data yields.
fn looks_like_text(s: &str) -> bool {
    let mut odd = 0usize;
    let mut total = 0usize;
    for c in s.chars() {
        total += 1;
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
        let private = matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF);
        if control || private {
            odd += 1;
        }
    }
    odd * 50 <= total
}

/// Replace `\r\n` and lone `\r` with `\n`, borrowing when there is nothing to do.
pub fn normalize_line_ends(text: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// What a web editor or a word processor leaves in a copy that prints as nothing: a
/// zero-width space, a word joiner, a byte order mark inside the text (a clippings file
/// starts every entry with one), a soft hyphen and the left-to-right and right-to-left
/// marks. Left in, they split a title's words (`流域\u{200B}生态`) for every comparison
/// and show as escapes in a table. The line and paragraph separators U+2028 and U+2029
/// stay: they end lines for segmentation (`segment::blocks`), but an editor and the
/// sidecars number the file's lines without them.
const INVISIBLES: [char; 6] = [
    '\u{200B}', '\u{200E}', '\u{200F}', '\u{2060}', '\u{FEFF}', '\u{AD}',
];

fn is_invisible(c: char) -> bool {
    INVISIBLES.contains(&c)
}

/// The characters of [`INVISIBLES`] dropped, borrowing when there are none (they are
/// rare, and every file is read through here).
pub fn drop_invisibles(text: Cow<'_, str>) -> Cow<'_, str> {
    if !holds_invisible(&text) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    out.extend(text.chars().filter(|&c| !is_invisible(c)));
    Cow::Owned(out)
}

/// True when `text` holds a character of [`INVISIBLES`], in two byte searches:
/// all but U+FEFF open with `E2` or `C2` in UTF-8 (U+200B-U+2060, U+00AD), lead
/// bytes that open few characters of Chinese text (quotes, dashes, a middle dot),
/// each looked at; U+FEFF (`EF BB BF`) is searched for whole, as `EF` opens every
/// full-width punctuation mark. (Six searches, one for each, read the text six
/// times: callgrind, 300 make-corpus files, 8.6M -> 6.2M instructions; about
/// 3.5M of them are now the search for `E2` and `C2`, which stops at every quote
/// and dash, some 140 a file, and 1.5M the one for U+FEFF. One aho-corasick
/// search for all six cost eight times those six.)
fn holds_invisible(text: &str) -> bool {
    static BOM: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\u{FEFF}".as_bytes()));
    let bytes = text.as_bytes();
    // The characters of INVISIBLES that open with those bytes, byte by byte (a
    // test checks every one of them is found).
    memchr::memchr2_iter(0xE2, 0xC2, bytes).any(|at| {
        matches!(
            bytes[at..],
            [0xE2, 0x80, 0x8B | 0x8E | 0x8F, ..] | [0xE2, 0x81, 0xA0, ..] | [0xC2, 0xAD, ..]
        )
    }) || BOM.find(bytes).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode("\u{feff}社区".as_bytes()).unwrap();
        assert_eq!(d.text, "社区");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("社区治理，文物保护。\r\n第二行");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "社区治理，文物保护。\n第二行");
        assert_eq!(d.encoding, "gb18030");
    }

    #[test]
    fn big5_is_told_from_gb18030() {
        let text =
            "本報訊　市議會昨日審議預算，記者林曉雯報導。\r\n編者按：讀者來信反映社區停車問題。";
        let (bytes, _, lossy) = encoding_rs::BIG5.encode(text);
        assert!(!lossy);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, text.replace("\r\n", "\n"));
    }

    #[test]
    fn simplified_text_in_gb18030_is_not_taken_for_big5() {
        for text in [
            "社区治理，文物保护。",
            "本报讯 记者王芳报道：市委召开会议，部署垃圾分类工作。",
            "太原师范学院获捐《中国金石集萃》",
        ] {
            let (bytes, _, _) = encoding_rs::GB18030.encode(text);
            let d = decode(&bytes).unwrap();
            assert_eq!((d.encoding, &*d.text), ("gb18030", text));
        }
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "河川\r".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "河川\n");
    }

    #[test]
    fn binary_is_rejected() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(DecodeError::Binary(_))
        ));
    }

    #[test]
    fn invisible_characters_are_dropped_and_separators_kept() {
        let d = decode("\u{feff}琤江流域\u{200b}生态补偿\u{ad}协议\u{2060}续签\u{2028}——副题\u{2029}正文\u{feff}\u{200e}。".as_bytes()).unwrap();
        assert_eq!(
            d.text,
            "琤江流域生态补偿协议续签\u{2028}——副题\u{2029}正文。"
        );
        let (bytes, _, _) = encoding_rs::GB18030.encode("社区\u{200b}治理\r\n第二行");
        assert_eq!(decode(&bytes).unwrap().text, "社区治理\n第二行");
    }

    proptest::proptest! {
        #[test]
        fn decoded_text_holds_no_invisible_and_keeps_every_other_character(
            text in "[社区治理，。“”—…a \n\u{3000}\u{a0}\u{200b}\u{200e}\u{200f}\u{2060}\u{feff}\u{ad}\u{2028}\u{2029}\u{200d}]{0,40}"
        ) {
            let decoded = decode(text.as_bytes()).unwrap().text;
            let want: String = text
                .trim_start_matches('\u{feff}')
                .chars()
                .filter(|&c| !matches!(c, '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{ad}'))
                .collect();
            proptest::prop_assert_eq!(&*decoded, want.as_str());
            let left = decoded.chars().find(|&c| is_invisible(c));
            proptest::prop_assert_eq!(left, None);
            // A zero-width joiner holds an emoji sequence together: kept.
            proptest::prop_assert_eq!(decoded.matches('\u{200d}').count(), text.matches('\u{200d}').count());
        }
    }

    #[test]
    fn every_invisible_is_found_among_characters_of_the_same_lead_byte() {
        // Quotes, dashes, a no-break space, a middle dot and full-width marks
        // share the lead bytes of the invisibles (`E2`, `C2`, `EF`).
        let around = "“社区”——治理…\u{a0}约翰·史密斯，（记者）\u{2028}";
        assert!(!holds_invisible(around));
        for c in INVISIBLES {
            for at in [0, 3, around.len()] {
                let mut text = around.to_string();
                text.insert(at, c);
                assert!(holds_invisible(&text), "{c:?} at {at}");
                assert_eq!(drop_invisibles(Cow::Borrowed(&text)), around);
            }
        }
    }

    #[test]
    fn text_without_invisibles_is_borrowed() {
        let text = "“社区治理”——文物保护…… （记者　王芳）\n第二行";
        assert!(matches!(
            decode(text.as_bytes()).unwrap().text,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn lone_cr_becomes_lf() {
        assert_eq!(normalize_line_ends(Cow::Borrowed("a\rb\r\nc")), "a\nb\nc");
    }
}
