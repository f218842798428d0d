//! Text packed small: deflated, then base64url so it fits a URL or a
//! browser-storage string. Used by share links and by large saved plans.

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use std::io::Write;

/// Why packed text could not be unpacked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnpackError {
    /// A character base64url never has, or a cut-off last character.
    NotBase64,
    /// The data does not inflate (cut short or damaged), or inflates past the limit.
    NotDeflate,
    NotText,
}

/// Base64url of raw deflate back to text, refusing anything that would inflate beyond `limit` bytes.
pub fn unpack(data: &str, limit: usize) -> Result<String, UnpackError> {
    inflate(&from_base64url(data)?, limit)
}

/// Raw deflate (RFC 1951, no header): what the browser's `CompressionStream`
/// calls "deflate-raw", so either side can read the other's.
pub fn deflate(bytes: &[u8], level: u8) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, level)
}

/// Raw deflate, as `deflate` makes it, of what is written to it; writing
/// fails once the output passes `limit` bytes, so whatever produces the text
/// (a serialiser) stops there too.
pub struct DeflateWithin {
    compressor: CompressorOxide,
    /// One byte more than allowed: filling it means the limit is passed.
    output: Vec<u8>,
    written: usize,
    limit: usize,
}

impl DeflateWithin {
    pub fn new(level: u8, limit: usize) -> Self {
        DeflateWithin {
            // Window bits 0: raw deflate, no zlib header, as `deflate`.
            compressor: CompressorOxide::new(create_comp_flags_from_zip_params(level.into(), 0, 0)),
            output: vec![0; limit + 1],
            written: 0,
            limit,
        }
    }

    /// The deflated bytes, or `None` if they pass the limit.
    pub fn finish(mut self) -> Option<Vec<u8>> {
        self.compress(&[], TDEFLFlush::Finish).ok()?;
        self.output.truncate(self.written);
        Some(self.output)
    }

    fn compress(&mut self, mut bytes: &[u8], flush: TDEFLFlush) -> Result<(), PastLimit> {
        loop {
            let (status, read, made) = compress(
                &mut self.compressor,
                bytes,
                &mut self.output[self.written..],
                flush,
            );
            self.written += made;
            bytes = bytes.get(read..).ok_or(PastLimit)?;
            match status {
                _ if self.written > self.limit => return Err(PastLimit),
                TDEFLStatus::Done => return Ok(()),
                TDEFLStatus::Okay if bytes.is_empty() && flush == TDEFLFlush::None => return Ok(()),
                // Room is left: go on while it makes progress, never round and round.
                TDEFLStatus::Okay if read + made > 0 => {}
                _ => return Err(PastLimit),
            }
        }
    }
}

/// The deflated text would pass the limit (or the compressor failed).
struct PastLimit;

impl Write for DeflateWithin {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.compress(bytes, TDEFLFlush::None)
            .map(|()| bytes.len())
            .map_err(|PastLimit| std::io::Error::other("past the limit"))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Inflates raw deflate into text, refusing anything beyond `limit` bytes.
pub fn inflate(deflated: &[u8], limit: usize) -> Result<String, UnpackError> {
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, limit)
        .map_err(|_| UnpackError::NotDeflate)?;
    text(bytes)
}

/// Inflated bytes as text.
pub fn text(bytes: Vec<u8>) -> Result<String, UnpackError> {
    String::from_utf8(bytes).map_err(|_| UnpackError::NotText)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 with the URL-safe alphabet and no padding (RFC 4648, section 5).
/// Three bytes at a time into bytes, not characters: a saved plan of
/// 10,000 objectives is two million bytes to encode (2.5× faster).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    let sextet = |n: u32, shift: u32| ALPHABET[(n >> shift & 63) as usize];
    let mut triples = bytes.chunks_exact(3);
    for triple in &mut triples {
        let n = u32::from(triple[0]) << 16 | u32::from(triple[1]) << 8 | u32::from(triple[2]);
        out.extend_from_slice(&[sextet(n, 18), sextet(n, 12), sextet(n, 6), sextet(n, 0)]);
    }
    // One or two bytes left make two or three characters.
    let rest = triples.remainder();
    let n = rest
        .iter()
        .enumerate()
        .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
    if !rest.is_empty() {
        out.extend((0..=rest.len() as u32).map(|i| sextet(n, 18 - 6 * i)));
    }
    // Only the alphabet's ASCII was written.
    String::from_utf8(out).unwrap_or_default()
}

/// Each byte's value in [`ALPHABET`], or `INVALID`: a table, because a saved
/// plan of 10,000 objectives is two million characters to decode.
const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < ALPHABET.len() {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};
const INVALID: u8 = 0xff;

/// The bytes `base64url` encoded.
pub fn from_base64url(text: &str) -> Result<Vec<u8>, UnpackError> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0u32);
    for c in text.bytes() {
        let value = match DECODE[usize::from(c)] {
            INVALID => return Err(UnpackError::NotBase64),
            value => u32::from(value),
        };
        bits = bits << 6 | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    // Leftover bits are padding and must be zero; one leftover character is never valid.
    (count < 6 && bits == 0)
        .then_some(out)
        .ok_or(UnpackError::NotBase64)
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
            assert_eq!(from_base64url(&base64url(&bytes)), Ok(bytes));
        }
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(from_base64url("A"), Err(UnpackError::NotBase64));
        assert_eq!(
            from_base64url("AB"),
            Err(UnpackError::NotBase64),
            "non-zero padding bits"
        );
        assert_eq!(from_base64url("a+b"), Err(UnpackError::NotBase64));
    }
}
