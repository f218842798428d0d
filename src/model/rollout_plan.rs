//! Rollout strategies and risks (to be written).
