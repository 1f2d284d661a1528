//! What tells other sites how to embed a page: the oEmbed discovery link (`web::oembed`
//! answers it), and the site's address the code to paste is built from.

use crate::core::embed;
use leptos::prelude::*;

/// The site's address, for the absolute links of the code to paste.
pub fn base_url() -> String {
    #[cfg(feature = "ssr")]
    {
        crate::api::context::base_url()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// The link that tells sites speaking oEmbed how to embed the page at `page` (its path and
/// query, in its language), named `title`.
#[component]
pub fn OEmbedDiscovery(page: String, title: String) -> impl IntoView {
    let href = embed::oembed_discovery(&base_url(), &page);
    view! {
        <leptos_meta::Link rel="alternate" type_="application/json+oembed" href title />
    }
}
