//! Fresh ids for new items, from the browser's random source: two people
//! adding items to copies of one plan will not collide when the files are merged.

use crate::model::Id;

pub fn new_id(prefix: &str) -> Id {
    let high = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    let low = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    Id::mint(prefix, (high << 32) | low)
}
