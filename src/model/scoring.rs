//! Scoring rules (to be written).
