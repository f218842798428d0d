//! Base64url as RFC 4648 writes it, and back.

use okrplan::io::packed::{base64url, from_base64url, UnpackError};
use proptest::prelude::*;

#[test]
fn the_rfc_examples_are_written_without_padding() {
    // RFC 4648, section 10, with the padding section 5 lets URLs leave out.
    for (bytes, text) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64url(bytes.as_bytes()), text);
    }
    // The two characters that differ from plain base64, which writes "+/8".
    assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
}

#[test]
fn text_that_is_not_base64url_is_refused() {
    // Plain base64's characters and padding, a cut-off last character, and
    // last characters whose bits beyond the bytes are not zero.
    for text in ["Zm9v+", "Zm9v/", "Zm9v=", "Z", "Zm9vY", "Zh", "Zm9"] {
        assert_eq!(from_base64url(text), Err(UnpackError::NotBase64), "{text}");
    }
}

proptest! {
    #[test]
    fn any_bytes_come_back(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let text = base64url(&bytes);
        prop_assert_eq!(text.len(), (bytes.len() * 4).div_ceil(3));
        prop_assert_eq!(from_base64url(&text), Ok(bytes));
    }
}
