//! Staff's decision on a join request: the reason, required to reject or to ask for changes.

use super::{FieldErrors, FormField, Problem};
use serde::{Deserialize, Serialize};

pub const REASON_MAX: usize = 2000;

/// The one field of the decision form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Reason,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 1] = [Field::Reason];
}

impl FormField for Field {
    fn name(self) -> &'static str {
        match self {
            Field::Reason => "motivo",
        }
    }
}

/// The reason as typed, trimmed with its line ends normalised; `required` unless the request
/// is approved.
pub fn validate_reason(reason: &str, required: bool) -> Result<String, FieldErrors<Field>> {
    let reason = reason.trim().replace("\r\n", "\n");
    let problem = if required && reason.is_empty() {
        Some(Problem::Required)
    } else if reason.chars().count() > REASON_MAX {
        Some(Problem::TooLong { max: REASON_MAX })
    } else if reason
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        Some(Problem::ControlCharacters)
    } else {
        None
    };
    match problem {
        Some(problem) => Err(FieldErrors::one(Field::Reason, problem)),
        None => Ok(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_required_unless_approving_and_stays_plain_text() {
        assert_eq!(
            validate_reason("  ok\r\nbene ", false).as_deref(),
            Ok("ok\nbene")
        );
        assert_eq!(validate_reason("", false).as_deref(), Ok(""));
        let get = |r: &str, required| validate_reason(r, required).unwrap_err().get(Field::Reason);
        assert_eq!(get(" ", true), Some(Problem::Required));
        assert_eq!(get("a\u{0}b", false), Some(Problem::ControlCharacters));
        assert_eq!(
            get(&"x".repeat(REASON_MAX + 1), false),
            Some(Problem::TooLong { max: REASON_MAX })
        );
    }
}
