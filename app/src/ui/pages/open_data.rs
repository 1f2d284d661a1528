//! `/dati-aperti`: what the open-data endpoints give, under which licence, and how to filter.

use crate::core::model::OPEN_DATA_FIELDS;
use crate::core::paths;
use crate::ui::lang::use_texts;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn OpenDataPage() -> impl IntoView {
    let t = use_texts();
    let example = format!("{}?tipo=fablab&comune=037048", paths::SPACES_GEOJSON);
    let example_href = example.clone();
    let excel = format!("{}?formato=excel", paths::SPACES_CSV);
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
                    <a href=paths::SPACES_GEOJSON>{paths::SPACES_GEOJSON}</a>
                    " – "
                    {t.open_data_geojson}
                </li>
                <li>
                    <a href=paths::SPACES_CSV>{paths::SPACES_CSV}</a>
                    " – "
                    {t.open_data_csv}
                </li>
                <li>
                    <a href=excel.clone()>{excel.clone()}</a>
                    " – "
                    {t.open_data_csv_excel}
                </li>
            </ul>
            <p>{t.open_data_filters}</p>
            <p>
                <code>
                    <a href=example_href>{example}</a>
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
            <p>{t.open_data_confirmed}</p>
            <p>{t.open_data_cache}</p>
        </div>
    }
}
