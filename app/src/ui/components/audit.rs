//! The audit trail as staff pages show it.

use crate::core::datetime::utc_minute;
use crate::ui::lang::use_texts;
use leptos::prelude::*;

/// An audit trail; with `subjects` (id, name) a column names the record of each entry.
#[component]
pub fn AuditTable(
    entries: Vec<crate::core::view::AuditView>,
    #[prop(optional)] subjects: Vec<(i64, String)>,
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
            let when = utc_minute(e.at);
            let changes = e
                .changes
                .into_iter()
                .map(|(field, before, after)| view! { <li><code>{field}</code> ": " {before} " → " {after}</li> })
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
                    <td>{e.actor}</td>
                    {subject}
                    <td>{a.action(&e.action)}</td>
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
