//! `/`: the map of the spaces, with filters (kind, municipality, text) kept in the URL query,
//! a legend and the list. The server renders everything; the map is an island.

use crate::api::{municipality_options, space_directory};
use crate::core::filter::SpaceFilter;
use crate::core::model::SpaceKind;
use crate::core::paths::{self, with_query};
use crate::core::view::{DirectoryPage, MunicipalityOption};
use crate::ui::components::space_card::SpaceCard;
use crate::ui::islands::map::{MapMode, MapSettings, SpacesMap};
use crate::ui::lang::{link, use_texts};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    let (filter, page) = use_query_map().with_untracked(|q| {
        (
            SpaceFilter::from_params(|k| q.get_all(k).unwrap_or_default()),
            SpaceFilter::page_from_params(|k| q.get_str(k)),
        )
    });
    let data = {
        let filter = filter.clone();
        async move {
            let kinds = filter.kinds.clone();
            let list = space_directory(filter, page).await?;
            let municipalities = municipality_options(kinds).await?;
            Ok::<_, crate::api::error::AppError>((list, municipalities))
        }
    };
    // The map's markers come as a separate, cacheable document, so the page itself stays
    // small; the islands' start fetches it beside the bundle (`page_assets`).
    let markers_url = markers_url(&filter);
    let this_page = link(&with_query(paths::HOME, &[&filter.to_query()]));
    view! {
        <Title text=t.home_title />
        <crate::ui::components::oembed::OEmbedDiscovery page=this_page title=t.home_title.to_owned() />
        <Meta name="description" content=t.home_description />
        <Meta property="og:title" content=t.home_title />
        <Meta property="og:description" content=t.home_description />
        <div class="container page">
            <h1>{t.home_title}</h1>
            <p class="lead">{t.home_intro}</p>
            <Suspense>
                {Suspend::new(async move {
                    match data.await {
                        Ok((list, municipalities)) => {
                            view! { <Directory filter list municipalities markers_url /> }
                                .into_any()
                        }
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The map's markers for a filter (see `opendata::markers`).
pub(crate) fn markers_url(filter: &SpaceFilter) -> String {
    with_query(paths::MAP_MARKERS, &[&filter.to_query()])
}

/// The id the filter form lands on: the results' count.
pub const RESULTS: &str = "risultati";

#[component]
fn Directory(
    filter: SpaceFilter,
    list: DirectoryPage,
    municipalities: Vec<MunicipalityOption>,
    markers_url: String,
) -> impl IntoView {
    let t = use_texts();
    let single_municipality = match filter.municipalities.as_slice() {
        [code] => municipalities
            .iter()
            .find(|m| &m.istat_code == code)
            .map(|m| m.name.clone()),
        _ => None,
    };
    let filter_for_links = filter.clone();
    let filter_for_pages = filter.clone();
    let count = list.total;
    let pages = list.pages();
    let page = list.page;
    let filter_query = filter.to_query();
    let cards = list
        .spaces
        .into_iter()
        .map(|space| view! { <SpaceCard space filter=filter_query.clone() /> })
        .collect_view();
    view! {
        <FilterForm filter municipalities />
        // Where a filtered page lands (the form's action ends in `#risultati`): the count
        // first, then — when nothing matches — that, before any empty map.
        <p class="results-count" id=RESULTS role="status" tabindex="-1">{(t.results)(count)}</p>
        // Filtered by one municipality: its own page (events, the code for its website).
        {single_municipality.map(|name| view! {
            <p class="municipality-link">
                <a href=link(&paths::municipality(&name))>{(t.municipalities.link)(&name)}</a>
            </p>
        })}
        {(count == 0).then(|| view! {
            <p class="notice" id="no-results">
                {t.no_results} " " <a href=link(paths::HOME)>{t.filter_clear}</a>
            </p>
        })}
        // Nothing matches: no empty map, no list (the notice above says it).
        {(count > 0).then(|| view! {
            <div class="directory">
                <section class="directory__map">
                    <DirectoryMap markers_url count />
                    <Legend />
                    <DownloadLinks filter=filter_for_links />
                </section>
                <section class="directory__list" aria-labelledby="list-heading">
                    <h2 id="list-heading" class="visually-hidden">{t.list_heading}</h2>
                    <ul class="space-list">{cards}</ul>
                    {(pages > 1).then(|| view! { <Pagination filter=filter_for_pages page pages /> })}
                </section>
            </div>
        })}
    }
}

/// The map of the spaces of the markers document at `markers_url` (`count` of them), and what
/// is said in its place without JavaScript.
#[component]
pub(crate) fn DirectoryMap(markers_url: String, count: usize) -> impl IntoView {
    let t = use_texts();
    let settings = use_context::<MapSettings>().unwrap_or_default();
    view! {
        <SpacesMap
            markers=Vec::new()
            source=markers_url
            count
            settings
            lang=t.lang
            mode=MapMode::Directory
        />
        <noscript>
            <p class="notice">{t.map_needs_js}</p>
        </noscript>
    }
}

/// Links to the list's other pages, keeping the filter: previous, next, the first, the last
/// and the pages around the current one.
#[component]
fn Pagination(filter: SpaceFilter, page: u32, pages: u32) -> impl IntoView {
    let t = use_texts();
    let href = move |n: u32| {
        link(&format!(
            "{}#list-heading",
            with_query(paths::HOME, &[&filter.page_query(n)])
        ))
    };
    let page = page.min(pages);
    let mut shown: Vec<u32> = [1, page.saturating_sub(1), page, page + 1, pages]
        .into_iter()
        .filter(|n| (1..=pages).contains(n))
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let mut items = Vec::new();
    let mut last = 0;
    for n in shown {
        if n > last + 1 {
            items
                .push(view! { <li class="pagination__gap" aria-hidden="true">"…"</li> }.into_any());
        }
        items.push(
            view! {
                <li>
                    <a
                        class="pagination__page"
                        href=href(n)
                        aria-current=(n == page).then_some("page")
                        aria-label=(t.page_n)(n)
                    >
                        {n}
                    </a>
                </li>
            }
            .into_any(),
        );
        last = n;
    }
    view! {
        <nav class="pagination" aria-label=t.pagination_label>
            <p class="pagination__status">{(t.page_of)(page, pages)}</p>
            <ul class="pagination__list">
                {(page > 1)
                    .then(|| {
                        view! {
                            <li>
                                <a class="pagination__step" href=href(page - 1) rel="prev">
                                    {t.page_previous}
                                </a>
                            </li>
                        }
                    })}
                {items}
                {(page < pages)
                    .then(|| {
                        view! {
                            <li>
                                <a class="pagination__step" href=href(page + 1) rel="next">
                                    {t.page_next}
                                </a>
                            </li>
                        }
                    })}
            </ul>
        </nav>
    }
}

/// A plain GET form: works without JavaScript, and the URL it produces can be shared.
#[component]
fn FilterForm(filter: SpaceFilter, municipalities: Vec<MunicipalityOption>) -> impl IntoView {
    let t = use_texts();
    // A filter of several kinds or municipalities (an embedded map's "see the full map") is
    // one more option, chosen, whose value lists them all.
    let several_kinds = (filter.kinds.len() > 1).then(|| {
        let codes: Vec<&str> = filter.kinds.iter().map(|k| k.code()).collect();
        let names: Vec<&str> = filter.kinds.iter().map(|k| t.kind(*k)).collect();
        view! { <option value=codes.join(",") selected>{names.join(", ")}</option> }
    });
    let kind_options = SpaceKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <option value=k.code() selected=filter.single_kind() == Some(k)>
                    {t.kind(k)}
                </option>
            }
        })
        .collect_view();
    // Of the municipalities named, those offered (an address may name any six digits).
    let named: Vec<&MunicipalityOption> = municipalities
        .iter()
        .filter(|m| filter.municipalities.contains(&m.istat_code))
        .collect();
    let several_municipalities =
        (filter.municipalities.len() > 1 && !named.is_empty()).then(|| {
            let codes: Vec<&str> = named.iter().map(|m| m.istat_code.as_str()).collect();
            let names: Vec<&str> = named.iter().map(|m| m.name.as_str()).collect();
            view! { <option value=codes.join(",") selected>{names.join(", ")}</option> }
        });
    let single_municipality = match filter.municipalities.as_slice() {
        [code] => Some(code.clone()),
        _ => None,
    };
    let municipality_options = municipalities
        .into_iter()
        .map(|m| {
            let selected = single_municipality.as_deref() == Some(m.istat_code.as_str());
            view! {
                <option value=m.istat_code selected=selected>
                    {format!("{} ({})", m.name, m.spaces)}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="filters" method="get" action=link(&format!("/#{RESULTS}")) role="search" aria-label=t.filters_heading>
            <div class="field">
                <label for="filter-kind">{t.filter_kind}</label>
                <select id="filter-kind" name="tipo">
                    <option value="">{t.filter_all_kinds}</option>
                    {several_kinds}
                    {kind_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-municipality">{t.filter_municipality}</label>
                <select id="filter-municipality" name="comune">
                    <option value="">{t.filter_all_municipalities}</option>
                    {several_municipalities}
                    {municipality_options}
                </select>
            </div>
            <div class="field field--grow">
                <label for="filter-q">{t.filter_search}</label>
                <input
                    id="filter-q"
                    name="q"
                    type="search"
                    maxlength=crate::core::filter::MAX_QUERY_CHARS
                    placeholder=t.filter_search_hint
                    value=filter.q.clone().unwrap_or_default()
                />
            </div>
            <div class="filters__actions">
                <button type="submit" class="btn btn--primary">{t.filter_apply}</button>
                {(!filter.is_empty())
                    .then(|| view! { <a class="btn btn--outline" href=link(paths::HOME)>{t.filter_clear}</a> })}
            </div>
        </form>
    }
}

#[component]
fn Legend() -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="legend">
            <p class="legend__title">{t.legend}</p>
            <ul class="legend__items">
                {SpaceKind::ALL
                    .into_iter()
                    .map(|k| {
                        view! {
                            <li>
                                <span
                                    class=format!("space-marker space-marker--{}", k.code())
                                    aria-hidden="true"
                                >
                                    <span>{k.letter()}</span>
                                </span>
                                {t.kind(k)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// The open data of exactly what is shown ("export what I filtered").
#[component]
fn DownloadLinks(filter: SpaceFilter) -> impl IntoView {
    let t = use_texts();
    let query = filter.to_query();
    let with = |base: &str, extra: &str| with_query(base, &[&query, extra]);
    view! {
        <p class="downloads">
            {t.download_filtered} ": "
            <a href=with(paths::SPACES_CSV, "formato=excel")>"CSV (Excel)"</a>
            " · "
            <a href=with(paths::SPACES_CSV, "")>"CSV"</a>
            " · "
            <a href=with(paths::SPACES_GEOJSON, "")>"GeoJSON"</a>
            " · "
            <a href=link(paths::OPEN_DATA)>"CC BY 4.0"</a>
        </p>
    }
}
