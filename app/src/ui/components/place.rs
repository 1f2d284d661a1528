//! How to get to a place, under its address: directions and the phone's maps app for an exact
//! position; otherwise the address is what counts, with a search for it (`core::place`).

use crate::core::place::{address_search_url, directions_url, geo_uri};
use crate::ui::lang::use_texts;
use leptos::prelude::*;

/// `exact`: the position known to the building, when it is; `address`: the full address.
#[component]
pub fn GettingThere(exact: Option<(f64, f64)>, address: String) -> impl IntoView {
    let t = use_texts();
    match exact {
        Some((lat, lon)) => view! {
            <ul class="link-list getting-there">
                <li><a href=directions_url(lat, lon) rel="noopener" target="_blank">{t.directions}</a></li>
                <li><a href=geo_uri(lat, lon)>{t.open_in_maps}</a></li>
            </ul>
        }
        .into_any(),
        None => view! {
            <p class="getting-there">
                {t.position_by_address} " "
                <a href=address_search_url(&address) rel="noopener" target="_blank">{t.search_address}</a>
            </p>
        }
        .into_any(),
    }
}

/// Text written by staff (how to get there, the venue's accessibility) with its web addresses
/// (`http(s)://…`, `www.…`) as links, the rest as it is (`core::text::web_links`).
#[component]
pub fn LinkedText(text: String) -> impl IntoView {
    crate::core::text::web_links(&text)
        .into_iter()
        .map(|(part, is_link)| {
            if is_link {
                let href = crate::core::text::web_link_href(part);
                view! { <a href=href rel="noopener" target="_blank">{part.to_owned()}</a> }
                    .into_any()
            } else {
                part.to_owned().into_any()
            }
        })
        .collect_view()
}
