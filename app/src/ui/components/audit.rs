//! The audit trail as staff pages show it: in the staff's words — the changed fields by their
//! labels in the forms, statuses, roles, kinds and precisions in words, moments and ids as the
//! pages show them (Rome time, the venue's name) — not in the database's.

use crate::core::datetime::local_minute;
use crate::core::model::event::{EventStatus, RsvpStatus};
use crate::core::model::{OrganisationKind, PositionPrecision, Role, SpaceKind, SpaceStatus};
use crate::core::validate::{event, rsvp, space, FormField};
use crate::i18n::Texts;
use crate::ui::lang::use_texts;
use leptos::prelude::*;

/// What the trail needs to name ids and codes: the mapped spaces (id, name) for an event's
/// venue, the municipalities (ISTAT code, name).
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub venues: Vec<(i64, String)>,
    pub towns: Vec<(String, String)>,
}

/// Who did it, in words: an e-mail, or where it came from.
fn actor_words(t: &Texts, actor: &str) -> String {
    match actor {
        "" => t.admin.actor_public.to_owned(),
        "command line" => t.admin.actor_cli.to_owned(),
        crate::core::model::JOIN_FORM_ACTOR => t.admin.actor_join_form.to_owned(),
        _ => actor.to_owned(),
    }
}

/// A changed field in words: the label of the form field of that name (the space and event
/// forms), or the words of the few other things the trail records.
pub fn field_words(t: &Texts, key: &str, accounts: bool) -> String {
    // A staff account's own fields first on the accounts' trail.
    let account = || {
        crate::core::validate::account::Field::ALL
            .into_iter()
            .find(|f| accounts && f.name().trim_start_matches("staff_") == key)
            .map(|f| t.field(f))
    };
    let labelled = account()
        .or_else(|| {
            space::Field::ALL
                .into_iter()
                .find(|f| f.name() == key)
                .map(|f| t.field(f))
        })
        .or_else(|| {
            event::Field::ALL
                .into_iter()
                .find(|f| f.name() == key)
                .map(|f| t.field(f))
        })
        .or_else(|| {
            rsvp::Field::ALL
                .into_iter()
                .find(|f| f.name() == key)
                .map(|f| t.field(f))
        });
    let other = || match key {
        "status" => Some(t.admin.status),
        "role" => Some(t.field(crate::core::validate::account::Field::Role)),
        "checked_in" => Some(t.events.col_present),
        "reason" => Some(t.admin.audit_reason),
        "emailed" => Some(t.admin.audit_emailed),
        "manager" => Some(t.managers.staff_manager),
        _ => None,
    };
    labelled.or_else(other).unwrap_or(key).to_owned()
}

/// A recorded value in words: statuses, roles, kinds and precisions by their names, moments
/// in Rome time, the venue by its name (`venues`: id and name), yes and no.
pub fn value_words(t: &Texts, key: &str, raw: &str, names: &Names) -> String {
    let a = t.admin;
    let words = match key {
        "status" => SpaceStatus::from_code(raw)
            .map(|s| a.status(s))
            .or_else(|| EventStatus::from_code(raw).map(|s| t.events.status(s)))
            .or_else(|| RsvpStatus::from_code(raw).map(|s| t.events.rsvp_status(s)))
            .map(str::to_owned),
        "role" => Role::from_code(raw).map(|r| a.role(r).to_owned()),
        "precision" => PositionPrecision::from_code(raw).map(|p| a.precision(p).to_owned()),
        "organisation_kind" => {
            OrganisationKind::from_code(raw).map(|k| t.organisation_kind(k).to_owned())
        }
        // A list of codes as compact JSON: `["coworking","fablab"]`.
        "kinds" => raw
            .strip_prefix('[')
            .and_then(|r| r.strip_suffix(']'))
            .map(|list| {
                list.split(',')
                    .map(|c| c.trim().trim_matches('"'))
                    .filter(|c| !c.is_empty())
                    .map(|c| SpaceKind::from_code(c).map_or(c, |k| t.kind(k)))
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
        "venue_space" => raw
            .parse::<i64>()
            .ok()
            .and_then(|id| names.venues.iter().find(|(v, _)| *v == id))
            .map(|(_, name)| name.clone()),
        "municipality" => names
            .towns
            .iter()
            .find(|(code, _)| code == raw)
            .map(|(_, name)| name.clone()),
        _ if key.ends_with("_at") => raw.parse::<i64>().ok().map(local_minute),
        _ => match raw {
            "true" => Some(a.yes.to_owned()),
            "false" => Some(a.no.to_owned()),
            _ => None,
        },
    };
    words.unwrap_or_else(|| raw.to_owned())
}

/// What an entry did, in words.
fn action_words(t: &Texts, code: &str) -> String {
    match code {
        "manager_added" => t.managers.action_added.to_owned(),
        "manager_removed" => t.managers.action_removed.to_owned(),
        "revision_proposed" => t.managers.action_proposed.to_owned(),
        "revision_approved" => t.managers.action_approved.to_owned(),
        "revision_published" => t.managers.action_published.to_owned(),
        "managers_trusted" => t.managers.action_trusted.to_owned(),
        "revision_rejected" => t.managers.action_rejected.to_owned(),
        "confirmed" => t.managers.action_confirmed.to_owned(),
        "closure_reported" => t.managers.action_closure.to_owned(),
        "update_announced" => t.managers.action_update.to_owned(),
        "confirmation_asked" => t.managers.action_asked.to_owned(),
        _ => t.admin.action(code),
    }
}

/// An audit trail; with `subjects` (id, name) a column names the record of each entry.
#[component]
pub fn AuditTable(
    entries: Vec<crate::core::view::AuditView>,
    #[prop(optional)] subjects: Vec<(i64, String)>,
    /// The names of ids and codes the entries hold.
    #[prop(optional)]
    names: Names,
    /// The trail of staff accounts (their own field names).
    #[prop(optional)]
    accounts: bool,
) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let with_subject = !subjects.is_empty();
    if entries.is_empty() {
        return view! { <p>{a.no_history}</p> }.into_any();
    }
    let rows = entries
        .into_iter()
        .map(|e| {
            let when = local_minute(e.at);
            let changes = e
                .changes
                .into_iter()
                // What did not change says nothing.
                .filter(|(_, before, after)| before != after)
                .map(|(field, before, after)| {
                    let (before, after) = (
                        value_words(t, &field, &before, &names),
                        value_words(t, &field, &after, &names),
                    );
                    view! { <li><strong>{field_words(t, &field, accounts)}</strong> ": " {before} " → " {after}</li> }
                })
                .collect_view();
            let subject = with_subject.then(|| {
                let name = e
                    .entity_id
                    .and_then(|id| subjects.iter().find(|(s, _)| *s == id))
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default();
                view! { <td>{name}</td> }
            });
            view! {
                <tr>
                    <td>{when}</td>
                    <td>{actor_words(t, &e.actor)}</td>
                    {subject}
                    <td>{action_words(t, &e.action)}</td>
                    <td><ul class="changes">{changes}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table audit">
                <thead>
                    <tr>
                        <th scope="col">{a.when}</th>
                        <th scope="col">{a.who}</th>
                        {with_subject.then(|| view! { <th scope="col">{a.account}</th> })}
                        <th scope="col">{a.what}</th>
                        <th scope="col">{a.changes}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_trail_speaks_to_people() {
        let t = Lang::It.texts();
        assert_eq!(field_words(t, "opening_hours", false), "Orari di apertura");
        assert_eq!(field_words(t, "capacity", false), "Posti disponibili");
        assert_eq!(field_words(t, "status", false), "Stato");
        assert_eq!(
            value_words(t, "status", "pending", &Names::default()),
            "In attesa"
        );
        assert_eq!(
            value_words(t, "status", "published", &Names::default()),
            "Pubblicato"
        );
        assert_eq!(
            value_words(t, "kinds", r#"["coworking","fablab"]"#, &Names::default()),
            format!(
                "{}, {}",
                t.kind(SpaceKind::Coworking),
                t.kind(SpaceKind::Fablab)
            )
        );
        // 15:00 UTC on the launch day is 17:00 in Bologna.
        assert_eq!(
            value_words(t, "starts_at", "1654527600", &Names::default()),
            "06/06/2022 17:00"
        );
        assert_eq!(
            value_words(
                t,
                "venue_space",
                "7",
                &Names {
                    venues: vec![(7, "DumBO".into())],
                    ..Default::default()
                }
            ),
            "DumBO"
        );
        assert_eq!(
            value_words(t, "checked_in", "true", &Names::default()),
            "sì"
        );
        assert_eq!(value_words(t, "name", "DumBO", &Names::default()), "DumBO");
        assert_eq!(field_words(t, "unknown_key", false), "unknown_key");
        // On the accounts' trail, an account's name and e-mail.
        assert_eq!(
            field_words(t, "email", true),
            t.field(crate::core::validate::account::Field::Email)
        );
        assert_eq!(
            value_words(
                t,
                "municipality",
                "037006",
                &Names {
                    towns: vec![("037006".into(), "Bologna".into())],
                    ..Default::default()
                }
            ),
            "Bologna"
        );
    }
}
