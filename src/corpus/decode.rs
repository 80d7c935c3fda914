//! Turning the bytes of an issue file into text: BOMs, UTF-8, UTF-16, GB18030,
//! and line ends normalised to `\n`.

use std::borrow::Cow;

/// Why a file's bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("looks binary (NUL byte at offset {0})")]
    Binary(usize),
    #[error("not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset {0})")]
    Undecodable(usize),
}

/// Decoded text and the name of the encoding it came from.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
}

/// Decode `bytes`, detecting the encoding, and normalise CRLF / CR to LF.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let (text, encoding) = decode_raw(bytes)?;
    Ok(Decoded {
        text: normalize_line_ends(text),
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
        Err(utf8_err) => {
            let gb = encoding_rs::GB18030;
            match gb.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(s) if looks_like_text(&s) => Ok((Cow::Owned(s.into_owned()), gb.name())),
                _ => Err(DecodeError::Undecodable(utf8_err.valid_up_to())),
            }
        }
    }
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
    fn lone_cr_becomes_lf() {
        assert_eq!(normalize_line_ends(Cow::Borrowed("a\rb\r\nc")), "a\nb\nc");
    }
}
