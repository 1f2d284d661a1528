//! `/dati-aperti`: what the open-data endpoints give, under which licence, and how to filter.

use crate::core::model::OPEN_DATA_FIELDS;
use crate::ui::lang::use_texts;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn OpenDataPage() -> impl IntoView {
    let t = use_texts();
    let example = "/api/spazi.geojson?tipo=fablab&comune=037048";
    view! {
        <Title text=t.open_data_title />
        <Meta name="description" content=t.open_data_intro />
        <div class="container page page--narrow">
            <h1>{t.open_data_title}</h1>
            <p class="lead">{t.open_data_intro}</p>
            <p>
                <a href="https://creativecommons.org/licenses/by/4.0/deed.it" rel="license">
                    "CC BY 4.0"
                </a>
            </p>
            <h2>{t.open_data_formats}</h2>
            <ul class="link-list">
                <li>
                    <a href="/api/spazi.geojson">"/api/spazi.geojson"</a>
                    " – "
                    {t.open_data_geojson}
                </li>
                <li>
                    <a href="/api/spazi.csv">"/api/spazi.csv"</a>
                    " – "
                    {t.open_data_csv}
                </li>
                <li>
                    <a href="/api/spazi.csv?formato=excel">"/api/spazi.csv?formato=excel"</a>
                    " – "
                    {t.open_data_csv_excel}
                </li>
            </ul>
            <p>{t.open_data_filters}</p>
            <p>
                <code>
                    <a href=example>{example}</a>
                </code>
            </p>
            <h2>{t.open_data_fields}</h2>
            <p class="field-list">
                {OPEN_DATA_FIELDS
                    .iter()
                    .map(|f| view! { <code>{*f}</code> " " })
                    .collect_view()}
            </p>
            <p>{t.open_data_precision}</p>
            <p>{t.open_data_cache}</p>
        </div>
    }
}
