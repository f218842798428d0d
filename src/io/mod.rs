//! File formats: reading and writing plans as files, and merging them.

pub mod compact_writer;
pub mod csv;
pub mod file_writer;
pub mod fingerprint;
pub mod items;
pub mod json;
mod json_path;
pub mod link;
pub mod merge;
pub mod packed;
pub mod part;
