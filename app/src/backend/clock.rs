//! The one source of "now" (server only). Every handler, page, worker and rule that depends on
//! the time asks the [`Clock`] in the application state, so tests can stand on any date and a
//! demonstration can run as if it were another day: `SPAZI_NOW=2022-06-01T10:00:00+02:00`
//! starts the clock at that instant, and it then runs forward at the normal pace.

use std::time::{SystemTime, UNIX_EPOCH};

/// What time it is, in Unix seconds (UTC).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    /// Added to the system time (0 for the real time).
    offset: i64,
    /// Stopped at this instant (tests).
    fixed: Option<i64>,
}

impl Clock {
    /// The real time.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// Starts at `at` and runs forward from there.
    pub fn starting_at(at: i64) -> Clock {
        Clock {
            offset: at - system_now(),
            fixed: None,
        }
    }

    /// Always `at` (tests).
    pub fn fixed(at: i64) -> Clock {
        Clock {
            offset: 0,
            fixed: Some(at),
        }
    }

    /// From the `SPAZI_NOW` setting: empty for the real time, else an RFC 3339 instant.
    pub fn from_setting(value: &str) -> Result<Clock, String> {
        if value.trim().is_empty() {
            return Ok(Clock::system());
        }
        crate::core::datetime::parse_instant(value)
            .map(Clock::starting_at)
            .ok_or_else(|| {
                format!(
                    "SPAZI_NOW must be an instant such as 2022-06-01T10:00:00+02:00 (got {value:?})"
                )
            })
    }

    pub fn now(&self) -> i64 {
        self.fixed.unwrap_or_else(|| system_now() + self.offset)
    }

    /// Whether this clock is not the real time (shown in the logs at start).
    pub fn is_shifted(&self) -> bool {
        self.fixed.is_some() || self.offset != 0
    }
}

fn system_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_tell_the_time_they_are_set_to() {
        assert_eq!(Clock::fixed(42).now(), 42);
        let real = Clock::system().now();
        assert!(real > 1_700_000_000);
        let shifted = Clock::from_setting("2022-06-01T10:00:00+02:00").unwrap();
        let drift = shifted.now() - 1_654_070_400;
        assert!((0..5).contains(&drift), "runs from the instant given");
        assert!(shifted.is_shifted() && !Clock::system().is_shifted());
        assert_eq!(Clock::from_setting(" ").unwrap(), Clock::system());
        assert!(Clock::from_setting("yesterday").is_err());
    }
}
