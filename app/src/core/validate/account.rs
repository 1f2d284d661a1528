//! The staff accounts' forms: inviting a colleague, choosing a password.

use super::{is_email, text, FieldErrors, FormField, Problem, EMAIL_MAX, NAME_MAX};
use serde::{Deserialize, Serialize};

/// The fields of the invitation and password forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Name,
    Email,
    Role,
    /// A signed-in member of staff changing their password: the one they have now.
    CurrentPassword,
    Password,
    PasswordConfirm,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 6] = [
        Field::Name,
        Field::Email,
        Field::Role,
        Field::CurrentPassword,
        Field::Password,
        Field::PasswordConfirm,
    ];
}

impl FormField for Field {
    fn name(self) -> &'static str {
        match self {
            Field::Name => "staff_name",
            Field::Email => "staff_email",
            Field::Role => "role",
            Field::CurrentPassword => "current_password",
            Field::Password => "password",
            Field::PasswordConfirm => "password_confirm",
        }
    }
}

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 1024;

/// An admin's invitation of a colleague, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InviteInput {
    #[serde(default)]
    pub staff_name: String,
    #[serde(default)]
    pub staff_email: String,
    #[serde(default)]
    pub role: String,
}

/// A valid invitation: the e-mail lower-cased, the role known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidInvite {
    pub name: String,
    pub email: String,
    pub role: crate::core::model::Role,
}

/// Checks the invitation form.
pub fn validate_invite(input: &InviteInput) -> Result<ValidInvite, FieldErrors<Field>> {
    let mut errors = FieldErrors::default();
    let name = text(&input.staff_name, NAME_MAX, false, Field::Name, &mut errors);
    if name.is_none() && errors.get(Field::Name).is_none() {
        errors.add(Field::Name, Problem::Required);
    }
    let email = text(
        &input.staff_email,
        EMAIL_MAX,
        false,
        Field::Email,
        &mut errors,
    )
    .map(|e| e.to_lowercase());
    match &email {
        None if errors.get(Field::Email).is_none() => errors.add(Field::Email, Problem::Required),
        Some(e) if !is_email(e) => errors.add(Field::Email, Problem::InvalidEmail),
        _ => {}
    }
    let role = crate::core::model::Role::from_code(input.role.trim());
    if role.is_none() {
        errors.add(Field::Role, Problem::UnknownChoice);
    }
    match (name, email, role) {
        (Some(name), Some(email), Some(role)) if errors.is_empty() => {
            Ok(ValidInvite { name, email, role })
        }
        _ => Err(errors),
    }
}

/// A new password and its confirmation: long enough (a passphrase beats symbols), not absurdly
/// long, typed the same twice. Nothing else is imposed (NIST SP 800-63B).
pub fn validate_new_password(password: &str, confirm: &str) -> Result<(), FieldErrors<Field>> {
    let mut errors = FieldErrors::default();
    let chars = password.chars().count();
    if password.is_empty() {
        errors.add(Field::Password, Problem::Required);
    } else if chars < PASSWORD_MIN {
        errors.add(Field::Password, Problem::TooShort { min: PASSWORD_MIN });
    } else if chars > PASSWORD_MAX {
        errors.add(Field::Password, Problem::TooLong { max: PASSWORD_MAX });
    } else if password.chars().any(char::is_control) {
        errors.add(Field::Password, Problem::ControlCharacters);
    } else if password != confirm {
        errors.add(Field::PasswordConfirm, Problem::Mismatch);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitations_need_a_name_an_email_and_a_known_role() {
        let ok = validate_invite(&InviteInput {
            staff_name: "  Anna Rossi ".into(),
            staff_email: "Anna.Rossi@CittaMetropolitana.bo.it".into(),
            role: "editor".into(),
        })
        .unwrap();
        assert_eq!(ok.name, "Anna Rossi");
        assert_eq!(ok.email, "anna.rossi@cittametropolitana.bo.it");
        assert_eq!(ok.role, crate::core::model::Role::Editor);
        let errors = validate_invite(&InviteInput {
            staff_name: "<script>\u{0}".into(),
            staff_email: "not an email".into(),
            role: "superuser".into(),
        })
        .unwrap_err();
        assert_eq!(
            errors.0,
            vec![
                (Field::Name, Problem::ControlCharacters),
                (Field::Email, Problem::InvalidEmail),
                (Field::Role, Problem::UnknownChoice),
            ]
        );
        let errors = validate_invite(&InviteInput::default()).unwrap_err();
        assert_eq!(errors.get(Field::Name), Some(Problem::Required));
        assert_eq!(errors.get(Field::Email), Some(Problem::Required));
    }

    #[test]
    fn new_passwords_are_long_enough_and_confirmed() {
        assert!(validate_new_password("una frase lunga", "una frase lunga").is_ok());
        let short = validate_new_password("corta", "corta").unwrap_err();
        assert_eq!(
            short.get(Field::Password),
            Some(Problem::TooShort { min: 12 })
        );
        let typo = validate_new_password("una frase lunga", "una frase lungha").unwrap_err();
        assert_eq!(typo.get(Field::PasswordConfirm), Some(Problem::Mismatch));
        let huge = "x".repeat(PASSWORD_MAX + 1);
        assert_eq!(
            validate_new_password(&huge, &huge)
                .unwrap_err()
                .get(Field::Password),
            Some(Problem::TooLong { max: PASSWORD_MAX })
        );
        assert_eq!(
            validate_new_password("", "")
                .unwrap_err()
                .get(Field::Password),
            Some(Problem::Required)
        );
    }
}
