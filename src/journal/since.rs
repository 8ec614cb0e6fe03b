//! `--since`, `--until`, `--at` (log list, diagnose load, mail trace): the times an operator types (a local date or time, RFC 3339 with an
//! offset, or a span back from now such as `2h`) as one instant, checked strictly so that a
//! time is never silently dropped.

use jiff::{civil, Span, Timestamp, Zoned};

/// The accepted forms, for help and error text.
pub const FORMS: &str =
    "a local date or time (2026-11-01, 2026-11-01 10:00, 2026-11-01T10:00:30), \
    an RFC 3339 time with an offset (2026-11-01T10:00:00Z, 2026-11-01T10:00:00+01:00), \
    a span back from now (30m, 2h, 1d, 1w), today or yesterday";

/// The instant option `flag`'s `text` names, local forms read in this machine's time zone;
/// a usage error (exit 2) naming the forms when it is none of them.
pub fn option(flag: &str, text: &str) -> anyhow::Result<Timestamp> {
    parse(text, &Zoned::now()).ok_or_else(|| {
        crate::exit::StatusError::usage(format!("{flag} {text:?}: expected {FORMS}")).into()
    })
}

/// The instant `text` names, local forms read in `now`'s time zone; `None` if it is none of
/// the `FORMS`.
pub fn parse(text: &str, now: &Zoned) -> Option<Timestamp> {
    let text = text.trim();
    match text.to_ascii_lowercase().as_str() {
        "today" => return now.start_of_day().ok().map(|z| z.timestamp()),
        "yesterday" => {
            return now
                .yesterday()
                .and_then(|z| z.start_of_day())
                .ok()
                .map(|z| z.timestamp())
        }
        _ => {}
    }
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Some(ts);
    }
    let local = |b: u8| b.is_ascii_digit() || b"-: T.".contains(&b);
    if text.len() >= 10 && text.bytes().all(local) {
        let zoned = if text.len() == 10 {
            text.parse::<civil::Date>()
                .ok()?
                .to_zoned(now.time_zone().clone())
        } else {
            text.parse::<civil::DateTime>()
                .ok()?
                .to_zoned(now.time_zone().clone())
        };
        return zoned.ok().map(|z| z.timestamp());
    }
    let span = text.parse::<Span>().ok()?;
    now.checked_sub(span.abs()).ok().map(|z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::{self, TimeZone};

    /// 2026-12-03 10:30:00 at UTC+01:00.
    fn now() -> Zoned {
        "2026-12-03T09:30:00Z"
            .parse::<Timestamp>()
            .unwrap()
            .to_zoned(TimeZone::fixed(tz::offset(1)))
    }

    fn at(text: &str) -> String {
        parse(text, &now())
            .unwrap_or_else(|| panic!("{text:?} not accepted"))
            .to_string()
    }

    #[test]
    fn a_local_date_is_its_midnight() {
        assert_eq!(at("2026-11-01"), "2026-10-31T23:00:00Z");
    }

    #[test]
    fn a_local_time_keeps_its_hours_and_minutes() {
        assert_eq!(at("2026-12-03 01:57"), "2026-12-03T00:57:00Z");
        assert_eq!(at("2026-12-03T01:57"), "2026-12-03T00:57:00Z");
        assert_eq!(at("2026-12-03T01:57:00"), "2026-12-03T00:57:00Z");
        assert_eq!(at("2026-12-03 01:57:30"), "2026-12-03T00:57:30Z");
    }

    #[test]
    fn rfc3339_takes_its_own_offset() {
        assert_eq!(at("2026-12-03T01:57:00Z"), "2026-12-03T01:57:00Z");
        assert_eq!(at("2026-12-03T01:57:00+03:00"), "2026-12-02T22:57:00Z");
        assert_eq!(at("2026-12-03 01:57:00-05:00"), "2026-12-03T06:57:00Z");
    }

    #[test]
    fn spans_count_back_from_now() {
        assert_eq!(at("30m"), "2026-12-03T09:00:00Z");
        assert_eq!(at("2h"), "2026-12-03T07:30:00Z");
        assert_eq!(at("1d"), "2026-12-02T09:30:00Z");
        assert_eq!(at("1w"), "2026-11-26T09:30:00Z");
        assert_eq!(at("2 hours"), "2026-12-03T07:30:00Z");
    }

    #[test]
    fn today_and_yesterday_start_at_local_midnight() {
        assert_eq!(at("today"), "2026-12-02T23:00:00Z");
        assert_eq!(at("Yesterday"), "2026-12-01T23:00:00Z");
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "",
            "yesterday-ish",
            "2026-13-01",
            "2026-12-03 25:00",
            "03/12/2026",
            "2026-12-03T01:57[Europe/Paris]",
            "soon",
            "5",
        ] {
            assert_eq!(parse(bad, &now()), None, "{bad:?} accepted");
        }
    }
}
