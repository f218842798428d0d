//! Share links: a plan (or one unit's part) compressed into the URL fragment,
//! so a small plan travels in a chat message and opens with nothing installed.

use super::json::{read_plan, FileProblem, ReadFailure};
use super::packed::{base64url, unpack, DeflateWithin, UnpackError};
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
    /// The fragment would be longer than `MAX_LINK_CHARS`.
    TooLong,
}

/// The URL fragment for `plan`, if it fits `MAX_LINK_CHARS`.
pub fn encode(plan: &Plan) -> Result<String, LinkError> {
    // Base64 writes 3 bytes as 4 characters: the deflated bytes that fit.
    let room = (MAX_LINK_CHARS - LINK_PREFIX.len()) * 3 / 4;
    // Writing the plan stops once its deflated text passes the room: a large
    // plan's 10 MB took 1.5 s to find that out when deflated whole, and
    // 0.15 s when serialised whole and deflated until the room ran out.
    let mut deflater = DeflateWithin::new(9, room);
    serde_json::to_writer(&mut deflater, plan).map_err(|_| LinkError::TooLong)?;
    let deflated = deflater.finish().ok_or(LinkError::TooLong)?;
    Ok(format!("{LINK_PREFIX}{}", base64url(&deflated)))
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
    let text = unpack(data, MAX_INFLATED_BYTES).map_err(|e| {
        broken(match e {
            UnpackError::NotBase64 => "it contains characters a share link never has",
            UnpackError::NotDeflate => "its data does not unpack; it was probably cut short",
            UnpackError::NotText => "its data is not text",
        })
    })?;
    read_plan(&text)
}
