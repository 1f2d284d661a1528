//! `/privacy`: the privacy notice (GDPR) the join form and the RSVPs refer to.

use crate::ui::lang::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let j = use_texts().join;
    let facts = use_context::<crate::core::view::PrivacyFacts>().unwrap_or_default();
    let sections = j
        .privacy(&facts)
        .into_iter()
        .map(|(heading, text)| view! { <h2>{heading}</h2> <p>{text}</p> })
        .collect_view();
    view! {
        <Title text=j.privacy_title />
        <div class="container page page--narrow">
            <h1>{j.privacy_title}</h1>
            {sections}
        </div>
    }
}
