//! The e-mails about join requests and staff accounts, each in its recipient's language (the
//! language they used the site in; Italian for staff and for colleagues invited), all of one
//! shape: a greeting, the message, the signature. The words are in `i18n::mail` (and the join
//! confirmation's in `i18n::join`); the e-mails about registrations are `rsvp_mail`'s.

use super::db::SubmissionRecord;
use super::mail::Email;
use crate::core::model::Decision;
use crate::core::validate::join::ValidJoin;
use crate::core::view::SubmissionRow;
use crate::i18n::Lang;

/// The one shape of these e-mails.
fn letter(lang: Lang, to: &str, subject: String, name: &str, message: &str) -> Email {
    let m = lang.texts().mail;
    Email {
        to: to.to_owned(),
        subject,
        text: format!("{}\n\n{message}\n\n{}\n", m.greet(name), m.signature),
        ..Default::default()
    }
}

/// To the person who sent a join request: received, with its reference and a summary.
pub fn join_confirmation(v: &ValidJoin, reference: &str, lang: Lang) -> Email {
    let j = lang.texts().join;
    let s = &v.space;
    let mut summary = vec![
        format!("{}: {}", j.summary_space, s.name),
        format!(
            "{}: {}",
            j.summary_address,
            s.address.as_deref().unwrap_or("—")
        ),
        format!(
            "{}: {}",
            j.summary_organisation,
            s.organisation.as_deref().unwrap_or("—")
        ),
        format!("{}: {}", j.summary_contact, v.contact_name),
    ];
    if let Some(w) = &s.website {
        summary.push(format!("{}: {w}", j.summary_website));
    }
    let message = format!(
        "{}\n\n{}",
        (j.mail_body)(&s.name, reference),
        summary.join("\n")
    );
    letter(
        lang,
        &v.contact_email,
        (j.mail_subject)(reference),
        &v.contact_name,
        &message,
    )
}

/// To staff (in Italian): a new join request waits for review at `link`.
pub fn join_staff_notice(
    v: &ValidJoin,
    reference: &str,
    to: &str,
    link: &str,
    duplicates: &[crate::core::view::Duplicate],
) -> Email {
    let lang = Lang::It;
    let m = lang.texts().mail;
    let s = &v.space;
    // Spaces of the map it may repeat: said before anyone opens it.
    let similar = if duplicates.is_empty() {
        String::new()
    } else {
        let names: Vec<&str> = duplicates.iter().map(|d| d.name.as_str()).collect();
        format!("\n\n{}", (m.new_request_duplicates)(&names.join(", ")))
    };
    let message = format!(
        "{}\n\n{}: {}\n{}: {}\n{}: {} <{}>\n{}: {reference}{similar}\n\n{}: {link}",
        m.new_request_intro,
        m.new_request_space,
        s.name,
        m.new_request_organisation,
        s.organisation.as_deref().unwrap_or("—"),
        m.new_request_contact,
        v.contact_name,
        v.contact_email,
        m.new_request_reference,
        m.new_request_review,
    );
    // Never the submitter's words in a subject line: a reference only.
    letter(lang, to, (m.new_request_subject)(reference), "", &message)
}

/// To the person who sent a join request: the decision, in the language they used, with the
/// space's page (`link`) when approved and staff's reason otherwise.
pub fn decision(
    row: &SubmissionRow,
    record: &SubmissionRecord,
    decision: Decision,
    reason: &str,
    link: &str,
) -> Email {
    let lang = Lang::from_code(&record.lang).unwrap_or_default();
    let m = lang.texts().mail;
    let (space, r) = (&row.space_name, &row.reference);
    let (subject, message) = match decision {
        Decision::Approved => ((m.approved_subject)(r), (m.approved)(space, link)),
        Decision::ChangesRequested => ((m.changes_subject)(r), (m.changes)(space, reason, r)),
        Decision::Rejected => ((m.rejected_subject)(r), (m.rejected)(space, reason, r)),
    };
    letter(
        lang,
        &record.contact_email,
        subject,
        &record.contact_name,
        &message,
    )
}

/// To a colleague invited to the staff area (in Italian: they have not used the site yet):
/// who invited them and the link to choose a password.
pub fn invitation(to: &str, name: &str, admin: &str, link: &str) -> Email {
    let lang = Lang::It;
    let m = lang.texts().mail;
    letter(
        lang,
        to,
        m.invitation_subject.to_owned(),
        name,
        &(m.invitation)(admin, link),
    )
}

/// To the person whose join request was merged into the listing it repeats, in the language
/// they used: the listing's name and page.
pub fn merged(record: &SubmissionRecord, reference: &str, space: &str, link: &str) -> Email {
    let lang = Lang::from_code(&record.lang).unwrap_or_default();
    let m = lang.texts().mail;
    letter(
        lang,
        &record.contact_email,
        (m.merged_subject)(reference),
        &record.contact_name,
        &(m.merged)(space, link),
    )
}

/// The most names a digest lists per event and kind of news (the rest are counted).
const DIGEST_NAMES: usize = 30;

/// To a member of staff who follows events (in Italian): each event's registrations and
/// cancellations since their last digest, its numbers now, and the link to its registrations.
pub fn digest(to: &str, name: &str, events: &[super::db::DigestEvent], base: &str) -> Email {
    let lang = Lang::It;
    let t = lang.texts();
    let m = t.mail;
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let names = |people: &[String]| {
        let shown = people
            .iter()
            .take(DIGEST_NAMES)
            .cloned()
            .collect::<Vec<_>>();
        let mut line = shown.join(", ");
        if people.len() > DIGEST_NAMES {
            line.push_str(&(m.digest_more)(count(people.len() - DIGEST_NAMES)));
        }
        line
    };
    let mut parts = vec![m.digest_intro.to_owned()];
    for e in events {
        let c = e.counts;
        let mut lines = vec![(m.digest_event)(
            &e.title,
            &crate::core::datetime::long_date(e.starts_at, lang),
        )];
        if !e.new.is_empty() {
            lines.push((m.digest_new)(count(e.new.len()), &names(&e.new)));
        }
        if !e.cancelled.is_empty() {
            lines.push((m.digest_cancelled)(
                count(e.cancelled.len()),
                &names(&e.cancelled),
            ));
        }
        lines.push((t.events.counts)(
            c.confirmed,
            e.capacity,
            c.waiting,
            c.cancelled,
            c.checked_in,
        ));
        lines.push(format!("{base}{}", crate::core::paths::event_rsvps(e.id)));
        parts.push(lines.join("\n"));
    }
    parts.push(m.digest_footer.to_owned());
    letter(
        lang,
        to,
        (m.digest_subject)(count(events.len())),
        name,
        &parts.join("\n\n"),
    )
}

/// To a member of staff who asked for a new password ("Password dimenticata?"), in the
/// language of the page they asked from: the link to choose it.
pub fn password_reset(to: &str, name: &str, link: &str, lang: Lang) -> Email {
    let m = lang.texts().mail;
    letter(lang, to, m.reset_subject.to_owned(), name, &(m.reset)(link))
}

/// To a space manager who asked to sign in, in the language of the page they asked from: the
/// link (see `backend::managers`).
pub fn manager_sign_in(to: &str, link: &str, lang: Lang) -> Email {
    let t = lang.texts().managers;
    letter(
        lang,
        to,
        t.mail_subject.to_owned(),
        "",
        &(t.mail_body)(link),
    )
}

/// To the manager who proposed changes to `space`, in the language they wrote in: approved
/// (`reason` none; `corrected` when staff corrected it first) or not, with the reason; `link`
/// leads to the public page or to their area.
pub fn revision_decided(
    to: &str,
    space: &str,
    reason: Option<&str>,
    corrected: bool,
    link: &str,
    lang: Lang,
) -> Email {
    let t = lang.texts().managers;
    let (subject, message) = match reason {
        None if corrected => (
            t.mail_approved_subject,
            (t.mail_approved_corrected)(space, link),
        ),
        None => (t.mail_approved_subject, (t.mail_approved)(space, link)),
        Some(reason) => (
            t.mail_rejected_subject,
            (t.mail_rejected)(space, reason, link),
        ),
    };
    letter(lang, to, subject.to_owned(), "", &message)
}

/// [`confirmation_request`] with the site's address `base`, as the confirmations' queries
/// take it.
pub fn confirmation_composer(
    base: String,
) -> impl Fn(&crate::backend::db::ConfirmationMail) -> Email {
    move |m| confirmation_request(m, &base)
}

/// To a space's manager: is its information still right? With the link that answers (see
/// `Db::queue_confirmations`), in `base`'s site.
pub fn confirmation_request(m: &crate::backend::db::ConfirmationMail, base: &str) -> Email {
    let lang = Lang::from_code(m.lang).unwrap_or_default();
    let t = lang.texts().managers;
    let path = crate::core::paths::in_lang(&crate::core::paths::my_space_confirm(m.token), lang);
    let link = format!("{base}{path}");
    let message = match m.confirmed_at {
        Some(at) => (t.mail_confirm)(m.space, &crate::core::datetime::day_date(at, lang), &link),
        None => (t.mail_confirm_never)(m.space, &link),
    };
    let subject = if m.reminder {
        t.mail_remind_subject
    } else {
        t.mail_confirm_subject
    };
    letter(lang, m.to, subject.to_owned(), "", &message)
}

/// To someone a manager invited to manage `space` with them: how to sign in (`link`, the
/// managers' area in the inviter's language).
pub fn manager_invited(to: &str, inviter: &str, space: &str, link: &str, lang: Lang) -> Email {
    let t = lang.texts().managers;
    letter(
        lang,
        to,
        t.mail_invited_subject.to_owned(),
        "",
        &(t.mail_invited)(inviter, space, link),
    )
}

/// To someone staff made a manager of `space`: how to sign in (`link`, the managers' area).
pub fn manager_added(to: &str, space: &str, link: &str, lang: Lang) -> Email {
    let t = lang.texts().managers;
    letter(
        lang,
        to,
        t.mail_invited_subject.to_owned(),
        "",
        &(t.mail_added)(space, link),
    )
}

/// To staff: a manager says their space has closed; `link` is the space's staff page.
pub fn closure_reported(to: &str, space: &str, manager: &str, link: &str) -> Email {
    let t = Lang::It.texts().managers;
    letter(
        Lang::It,
        to,
        t.mail_closed_subject.to_owned(),
        "",
        &(t.mail_closed)(space, manager, link),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(lang: &str) -> SubmissionRecord {
        SubmissionRecord {
            contact_name: "Anna Rossi".into(),
            contact_role: None,
            contact_email: "anna@example.org".into(),
            contact_phone: None,
            needs_json: "[]".into(),
            needs_other: None,
            vision: None,
            consent_contact: 0,
            lang: lang.into(),
            decision_reason: None,
            decided_at: None,
            tax_code: None,
            version: 1,
            merged_into: None,
        }
    }

    fn row() -> SubmissionRow {
        SubmissionRow {
            id: 1,
            reference: "ADR-ABCD-EFGH".into(),
            space_id: 1,
            space_name: "Officina <b>".into(),
            municipality: "Bologna".into(),
            submitted_at: 0,
            decision: None,
        }
    }

    #[test]
    fn decisions_are_written_in_the_language_the_person_used() {
        let link = "https://spazi.example.it/spazi/officina";
        let it = decision(&row(), &record("it"), Decision::Approved, "", link);
        assert!(it.text.starts_with("Buongiorno Anna Rossi,\n\n"));
        assert!(it.text.contains("lo spazio è ora sulla mappa"));
        assert!(it.text.contains(link));
        assert!(it.text.ends_with("progimpresa@cittametropolitana.bo.it\n"));
        let en = decision(
            &row(),
            &record("en"),
            Decision::Rejected,
            "Not a space.",
            link,
        );
        assert!(en.text.starts_with("Hello Anna Rossi,\n\n"));
        assert!(en.text.contains("Not a space."));
        assert_eq!(
            en.subject,
            "Joining the Forum: the outcome of your request (ADR-ABCD-EFGH)"
        );
        // An unknown language is Italian.
        let other = decision(&row(), &record("xx"), Decision::ChangesRequested, "r", link);
        assert!(other.subject.starts_with("Adesione al Forum"));
    }

    #[test]
    fn invitations_are_in_italian_with_their_link() {
        let mail = invitation("b@example.org", "Bruno", "Anna", "https://x/admin/invito/t");
        assert_eq!(mail.to, "b@example.org");
        assert!(mail
            .text
            .starts_with("Buongiorno Bruno,\n\nAnna ti ha dato accesso"));
        assert!(mail.text.contains("https://x/admin/invito/t"));
    }
}
