//! The import's help: every column the importer reads, with the headers that name it and the
//! values it takes.

use crate::ui::lang::use_texts;
use leptos::prelude::*;

/// Every column the importer reads, with the headers that name it and the values it takes:
/// from the importer's own tables (`core::import_columns`), so the help says what it reads.
#[component]
pub fn ColumnsHelp() -> impl IntoView {
    use crate::core::import_columns::{
        Col, COLUMNS, KIND_NAMES, KIND_SEPARATORS, ORGANISATION_KIND_NAMES, PRECISION_NAMES,
    };
    let t = use_texts();
    let a = t.admin;
    let spellings = |names: &[&str]| names.join(", ");
    let rows = COLUMNS
        .iter()
        .map(|(col, headers)| {
            let what = match (col, col.field()) {
                (Col::MunicipalityCode, _) => a.import_col_istat.to_owned(),
                (_, Some(field)) => t.field(field).to_owned(),
                (_, None) => a.import_col_slug.to_owned(),
            };
            let required = matches!(col, Col::Name | Col::Municipality | Col::Lat | Col::Lon)
                .then(|| view! { " (" {a.import_col_required} ")" });
            let values = match col {
                Col::Kinds => {
                    let separators: Vec<String> =
                        KIND_SEPARATORS.iter().map(|c| c.to_string()).collect();
                    let items = KIND_NAMES
                        .iter()
                        .map(|(kind, names)| {
                            view! { <li><strong>{t.kind(*kind)}</strong> ": " {spellings(names)}</li> }
                        })
                        .collect_view();
                    Some(view! {
                        <ul>{items}</ul>
                        <p>{(a.import_col_separated)(&separators.join(" "))}</p>
                    }
                    .into_any())
                }
                Col::Precision => {
                    let items = PRECISION_NAMES
                        .iter()
                        .map(|(p, names)| {
                            view! { <li><strong>{a.precision(*p)}</strong> ": " {spellings(names)}</li> }
                        })
                        .collect_view();
                    Some(view! { <ul>{items}</ul> }.into_any())
                }
                Col::OrganisationKind => {
                    let items = ORGANISATION_KIND_NAMES
                        .iter()
                        .map(|(k, names)| {
                            view! { <li><strong>{t.organisation_kind(*k)}</strong> ": " {spellings(names)}</li> }
                        })
                        .collect_view();
                    Some(view! { <ul>{items}</ul> }.into_any())
                }
                _ => None,
            };
            view! {
                <tr>
                    <th scope="row">{what}{required}</th>
                    <td><code>{spellings(headers)}</code></td>
                    <td>{values}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table import-columns">
                <thead>
                    <tr>
                        <th scope="col">{a.import_col_what}</th>
                        <th scope="col">{a.import_col_headers}</th>
                        <th scope="col">{a.import_col_values}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
