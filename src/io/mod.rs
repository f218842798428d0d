//! File formats: reading and writing plans as files.

pub mod csv;
pub mod json;
