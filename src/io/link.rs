//! Share links: a plan (or one unit's part) compressed into the URL fragment,
//! so a small plan travels in a chat message and opens with nothing installed.

use super::json::{read_plan, to_compact_text, FileProblem, ReadFailure};
use crate::model::Plan;

/// The fragment that marks a link as a shared plan; the format letter after it
/// ("z": deflate, then base64url) leaves room for other encodings later.
pub const LINK_PREFIX: &str = "#/shared/z";

/// The longest fragment we hand out. Browsers take far longer URLs, but
/// mail and chat programs cut or mangle very long links; beyond this, a file
/// is the better way to share.
pub const MAX_LINK_CHARS: usize = 8_000;

/// What a shared plan may inflate to: far above anything that fits a link,
/// far below what would hurt the browser (a small "zip bomb" is refused).
const MAX_INFLATED_BYTES: usize = 4 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// The fragment would be this many characters long.
    TooLong(usize),
}

/// The URL fragment for `plan`, or how long it would have been.
pub fn encode(plan: &Plan) -> Result<String, LinkError> {
    let json = to_compact_text(plan);
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    let fragment = format!("{LINK_PREFIX}{}", base64url(&packed));
    if fragment.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong(fragment.len()));
    }
    Ok(fragment)
}

/// Whether a URL fragment is a share link (whether or not it is readable).
pub fn is_link(fragment: &str) -> bool {
    fragment.starts_with("#/shared/")
}

/// The plan in a share link's fragment, or everything wrong with it.
pub fn decode(fragment: &str) -> Result<Plan, ReadFailure> {
    let broken = |message: &str| ReadFailure {
        headline: "The link is damaged or incomplete.".into(),
        problems: vec![FileProblem {
            path: "(link)".into(),
            message: message.into(),
        }],
    };
    let data = fragment
        .strip_prefix(LINK_PREFIX)
        .ok_or_else(|| broken("it is not an okrplan share link this version can read"))?;
    let packed = from_base64url(data)
        .ok_or_else(|| broken("it contains characters a share link never has"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED_BYTES)
        .map_err(|_| broken("its data does not unpack; it was probably cut short"))?;
    let text = String::from_utf8(json).map_err(|_| broken("its data is not text"))?;
    read_plan(&text)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 with the URL-safe alphabet and no padding (RFC 4648, section 5).
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0u32);
    for c in text.bytes() {
        let value = ALPHABET.iter().position(|&a| a == c)? as u32;
        bits = bits << 6 | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    // Leftover bits are padding and must be zero; one leftover character is never valid.
    (count < 6 && bits == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len)
                .map(|i| i.wrapping_mul(97).wrapping_add(len))
                .collect();
            assert_eq!(from_base64url(&base64url(&bytes)), Some(bytes));
        }
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(from_base64url("A"), None);
        assert_eq!(from_base64url("AB"), None, "non-zero padding bits");
        assert_eq!(from_base64url("a+b"), None);
    }
}
