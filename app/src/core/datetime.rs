//! Dates and times of events. Stored as Unix seconds (UTC); shown, typed and put in calendars
//! in the Forum's time zone, Europe/Rome, with its summer time handled by the tz database that
//! jiff bundles (so a server image without `/usr/share/zoneinfo` still gets it right). Pure and
//! shared; the pages use it on the server.

use crate::core::lang::Lang;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

/// The Forum's time zone.
pub const ZONE: &str = "Europe/Rome";

fn zone() -> TimeZone {
    // Bundled with the binary: it cannot be missing.
    TimeZone::get(ZONE).unwrap_or(TimeZone::UTC)
}

/// The local (Rome) date and time of a Unix time.
pub fn local(unix: i64) -> Zoned {
    Timestamp::from_second(unix)
        .unwrap_or(Timestamp::UNIX_EPOCH)
        .to_zoned(zone())
}

/// Parses a Rome wall-clock time as typed in an `<input type="datetime-local">`
/// (`2022-06-06T17:00`, seconds optional, a space accepted for the `T`). A time that does not
/// exist (skipped when clocks go forward) or exists twice (when they go back) is taken the way
/// calendars do ("compatible": the later offset for a gap, the earlier for a fold).
pub fn parse_local(value: &str) -> Option<i64> {
    let value = value.trim().replacen(' ', "T", 1);
    let dt: DateTime = value.parse().ok()?;
    let ts = zone().to_ambiguous_timestamp(dt).compatible().ok()?;
    Some(ts.as_second())
}

/// The moment it is `hour`:00 in Rome on the Rome date of `unix` (a daily job's time).
pub fn same_day_at(unix: i64, hour: u8) -> i64 {
    let date = local(unix).date();
    let at = date.at(i8::try_from(hour.min(23)).unwrap_or(0), 0, 0, 0);
    zone()
        .to_ambiguous_timestamp(at)
        .compatible()
        .map_or(unix, |ts| ts.as_second())
}

/// The value for an `<input type="datetime-local">`: `2022-06-06T17:00`.
pub fn to_local_input(unix: i64) -> String {
    local(unix).strftime("%Y-%m-%dT%H:%M").to_string()
}

const WEEKDAYS_IT: [&str; 7] = [
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The day of the month as written before the month: Italian writes the first "1°".
fn day_of_month(day: i8, lang: Lang) -> String {
    match (lang, day) {
        (Lang::It, 1) => "1°".to_owned(),
        _ => day.to_string(),
    }
}

/// "6 giugno 2022" / "6 June 2022" (Rome): a day in the past, said without its weekday.
pub fn day_date(unix: i64, lang: Lang) -> String {
    let z = local(unix);
    let months = match lang {
        Lang::It => MONTHS_IT,
        Lang::En => MONTHS_EN,
    };
    format!(
        "{} {} {}",
        day_of_month(z.day(), lang),
        months[(z.month() - 1) as usize],
        z.year()
    )
}

/// "lunedì 6 giugno 2022" / "Monday 6 June 2022".
pub fn long_date(unix: i64, lang: Lang) -> String {
    let z = local(unix);
    let weekday = z.weekday().to_monday_zero_offset() as usize;
    let month = (z.month() - 1) as usize;
    let (days, months) = match lang {
        Lang::It => (WEEKDAYS_IT, MONTHS_IT),
        Lang::En => (WEEKDAYS_EN, MONTHS_EN),
    };
    format!(
        "{} {} {} {}",
        days[weekday],
        day_of_month(z.day(), lang),
        months[month],
        z.year()
    )
}

/// "06/06/2022" (Rome).
pub fn short_date(unix: i64) -> String {
    local(unix).strftime("%d/%m/%Y").to_string()
}

/// "17:00" (Rome, 24-hour clock in both languages).
pub fn clock_time(unix: i64) -> String {
    local(unix).strftime("%H:%M").to_string()
}

/// "lunedì 6 giugno 2022, 17:00–19:00"; across days, both ends in full.
pub fn span(start: i64, end: i64, lang: Lang) -> String {
    let (a, b) = (local(start), local(end));
    if a.date() == b.date() {
        format!(
            "{}, {}–{}",
            long_date(start, lang),
            clock_time(start),
            clock_time(end)
        )
    } else {
        format!(
            "{}, {} – {}, {}",
            long_date(start, lang),
            clock_time(start),
            long_date(end, lang),
            clock_time(end)
        )
    }
}

/// "CEST" or "CET": which of the two the time falls in.
pub fn zone_abbreviation(unix: i64) -> String {
    let ts = Timestamp::from_second(unix).unwrap_or(Timestamp::UNIX_EPOCH);
    zone().to_offset_info(ts).abbreviation().to_owned()
}

/// "20220606T150000Z": UTC in the basic ISO 8601 form calendars use (ICS, Google, Outlook).
pub fn utc_basic(unix: i64) -> String {
    Timestamp::from_second(unix)
        .unwrap_or(Timestamp::UNIX_EPOCH)
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// "2022-06-06T15:00:00Z".
pub fn utc_iso(unix: i64) -> String {
    Timestamp::from_second(unix)
        .unwrap_or(Timestamp::UNIX_EPOCH)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// Parses an RFC 3339 instant (`2022-06-01T10:00:00+02:00`, or `…Z`) to Unix seconds.
pub fn parse_instant(value: &str) -> Option<i64> {
    value
        .trim()
        .parse::<Timestamp>()
        .ok()
        .map(|t| t.as_second())
}

/// A moment as staff pages show it: "06/06/2022 17:01", Rome time (as the door and the
/// events say; never UTC).
pub fn local_minute(at: i64) -> String {
    local(at).strftime("%d/%m/%Y %H:%M").to_string()
}

/// A moment in the CSV files staff download: "2022-06-06 17:01:05", Rome time, which
/// spreadsheets read as a date and time.
pub fn local_spreadsheet(at: i64) -> String {
    local(at).strftime("%Y-%m-%d %H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_daily_job_runs_at_rome_time() {
        // 15:01 UTC on 6 June 2022 is 17:01 in Rome: 8:00 that day is 06:00 UTC.
        assert_eq!(same_day_at(1_654_527_660, 8), 1_654_495_200);
        // In winter (15 November 2023, 09:30 UTC) 8:00 in Rome is 07:00 UTC.
        assert_eq!(same_day_at(1_700_040_600, 8), 1_700_031_600);
    }

    #[test]
    fn staff_see_rome_time() {
        // 15:01 UTC on the day of the launch, in summer time; 09:30 UTC in winter.
        assert_eq!(local_minute(1_654_527_660), "06/06/2022 17:01");
        assert_eq!(local_minute(1_700_040_600), "15/11/2023 10:30");
        assert_eq!(local_spreadsheet(1_654_527_665), "2022-06-06 17:01:05");
    }

    /// The launch: Monday 6 June 2022, 17:00–19:00 in Bologna, which is 15:00–17:00 UTC
    /// (summer time, UTC+2).
    const LAUNCH_START: i64 = 1_654_527_600;
    const LAUNCH_END: i64 = 1_654_534_800;

    #[test]
    fn rome_wall_clock_round_trips_with_summer_time() {
        assert_eq!(parse_local("2022-06-06T17:00"), Some(LAUNCH_START));
        assert_eq!(parse_local("2022-06-06 19:00:00"), Some(LAUNCH_END));
        assert_eq!(to_local_input(LAUNCH_START), "2022-06-06T17:00");
        assert_eq!(zone_abbreviation(LAUNCH_START), "CEST");
        // Winter: UTC+1.
        let winter = parse_local("2022-12-01T17:00").unwrap();
        assert_eq!(utc_basic(winter), "20221201T160000Z");
        assert_eq!(zone_abbreviation(winter), "CET");
        // The hour skipped on 27 March 2022 (02:00 → 03:00) and the one lived twice on
        // 30 October 2022 both resolve.
        assert!(parse_local("2022-03-27T02:30").is_some());
        assert_eq!(
            utc_basic(parse_local("2022-10-30T02:30").unwrap()),
            "20221030T003000Z"
        );
        assert_eq!(parse_local("6 giugno"), None);
        assert_eq!(parse_local(""), None);
    }

    #[test]
    fn dates_read_naturally_in_both_languages() {
        assert_eq!(
            span(LAUNCH_START, LAUNCH_END, Lang::It),
            "lunedì 6 giugno 2022, 17:00–19:00"
        );
        assert_eq!(
            span(LAUNCH_START, LAUNCH_END, Lang::En),
            "Monday 6 June 2022, 17:00–19:00"
        );
        assert_eq!(
            span(LAUNCH_START, LAUNCH_START + 86_400, Lang::It),
            "lunedì 6 giugno 2022, 17:00 – martedì 7 giugno 2022, 17:00"
        );
        // Italian writes the first of the month "1°".
        let first = LAUNCH_START - 5 * 86_400;
        assert_eq!(day_date(first, Lang::It), "1° giugno 2022");
        assert_eq!(long_date(first, Lang::It), "mercoledì 1° giugno 2022");
        assert_eq!(day_date(first, Lang::En), "1 June 2022");
        assert_eq!(short_date(LAUNCH_START), "06/06/2022");
        assert_eq!(utc_basic(LAUNCH_START), "20220606T150000Z");
        assert_eq!(utc_iso(LAUNCH_START), "2022-06-06T15:00:00Z");
    }

    #[test]
    fn instants_parse_with_their_offset() {
        assert_eq!(
            parse_instant("2022-06-06T17:00:00+02:00"),
            Some(LAUNCH_START)
        );
        assert_eq!(parse_instant("2022-06-06T15:00:00Z"), Some(LAUNCH_START));
        assert_eq!(parse_instant("2022-06-06"), None);
    }
}
