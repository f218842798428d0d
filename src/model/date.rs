//! Dates as plans write them (ISO "2026-03-31") and as people read them
//! ("31 Mar 2026"). Hand-written rather than chrono's format strings: a saved
//! plan of 10,000 objectives holds tens of thousands of dates, and chrono's
//! general parser was a tenth of loading it (and much of its code size).

use chrono::{Datelike, NaiveDate};

/// Reads "YYYY-MM-DD" (month and day may have one digit), and the signed
/// years chrono writes outside 0–9999 ("+10000-01-01"); nothing else.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let mut parts = unsigned.splitn(3, '-');
    let mut number = |digits: std::ops::RangeInclusive<usize>| {
        let part = parts.next()?;
        let valid = digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        valid.then(|| part.parse::<u32>().ok()).flatten()
    };
    let (year, month, day) = (number(4..=6)?, number(1..=2)?, number(1..=2)?);
    let year = i32::try_from(year).ok()?;
    NaiveDate::from_ymd_opt(if negative { -year } else { year }, month, day)
}

/// "YYYY-MM-DD" for years 0–9999, as chrono writes them, without its
/// formatting machinery (a plan's file and every save write tens of
/// thousands); `None` for the signed years outside, which chrono writes.
pub fn four_digit_iso(date: NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (month, day) = (date.month(), date.day());
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Mar".
pub fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// "Mar 2026".
pub fn month_year(date: NaiveDate) -> String {
    format!("{} {}", month_name(date), date.year())
}

/// "31 Mar".
pub fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), month_name(date))
}

/// "31 Mar 2026".
pub fn day_month_year(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

/// Serde for a `NaiveDate` field as an ISO date string: `#[serde(with = "iso")]`.
pub mod iso {
    use super::{four_digit_iso, parse_iso};
    use chrono::NaiveDate;
    use serde::{de, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        match four_digit_iso(*date) {
            // Digits and dashes: ASCII, so always text.
            Some(text) => serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => serializer.collect_str(date),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        struct IsoDate;
        impl de::Visitor<'_> for IsoDate {
            type Value = NaiveDate;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date written as YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
                parse_iso(text)
                    .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(text), &self))
            }
        }
        deserializer.deserialize_str(IsoDate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_iso_dates_only() {
        assert_eq!(parse_iso("2026-03-31"), Some(date(2026, 3, 31)));
        assert_eq!(parse_iso("2026-3-5"), Some(date(2026, 3, 5)));
        for bad in [
            "",
            "2026",
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026-01-01x",
            "2026-+1-01",
            "2026/01/01",
            " 2026-01-01",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn writes_what_it_reads() {
        for day in [
            date(2026, 1, 9),
            date(0, 1, 1),
            date(-1, 12, 31),
            date(10000, 2, 29),
            NaiveDate::MIN,
            NaiveDate::MAX,
        ] {
            assert_eq!(parse_iso(&day.to_string()), Some(day), "{day}");
        }
        // Days chrono writes with four digits are written the same by hand:
        // every day of some years, and the first of every year.
        let whole_years = [0, 9, 99, 999, 1000, 2024, 2026, 9999].into_iter();
        let days =
            whole_years.flat_map(|y| date(y, 1, 1).iter_days().take_while(move |d| d.year() == y));
        for day in days.chain((0..10000).map(|y| date(y, 1, 1))) {
            let text = four_digit_iso(day).expect("a four-digit year");
            assert_eq!(std::str::from_utf8(&text), Ok(day.to_string().as_str()));
        }
        for outside in [date(-1, 12, 31), date(10000, 1, 1), NaiveDate::MIN] {
            assert_eq!(four_digit_iso(outside), None, "{outside}");
        }
        let day = date(2026, 1, 9);
        assert_eq!(day_month_year(day), "9 Jan 2026");
        assert_eq!(day_month(day), "9 Jan");
        assert_eq!(month_year(date(2026, 12, 1)), "Dec 2026");
    }
}
