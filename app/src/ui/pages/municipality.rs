//! `/comuni` (`paths::MUNICIPALITIES`): the 55 municipalities, each a link to its page;
//! `/comuni/{slug}` (`paths::MUNICIPALITY`): a municipality's outline with its spaces (a
//! picture drawn on the server, so it shows without JavaScript; the map beside it), its
//! spaces, its upcoming events, and the code that puts its map on the municipality's site.

use crate::api::{municipality_details, municipality_index};
use crate::core::embed::EmbedOptions;
use crate::core::filter::SpaceFilter;
use crate::core::paths;
use crate::core::view::{MunicipalityPage as Page, OutlineDrawing};
use crate::ui::components::space_card::SpaceCard;
use crate::ui::lang::{link, use_texts};
use crate::ui::pages::events::EventList;
use crate::ui::pages::home::{markers_url, DirectoryMap};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn MunicipalitiesPage() -> impl IntoView {
    let t = use_texts();
    let m = t.municipalities;
    view! {
        <Title text=m.index_title />
        <Meta name="description" content=m.index_intro />
        <div class="container page">
            <h1>{m.index_title}</h1>
            <p class="lead">{m.index_intro}</p>
            <Suspense>
                {Suspend::new(async move {
                    match municipality_index().await {
                        Ok(list) => {
                            let items = list
                                .into_iter()
                                .map(|entry| {
                                    view! {
                                        <li>
                                            <a href=link(&paths::municipality(&entry.name))>{entry.name.clone()}</a>
                                            " "
                                            <span class="municipalities__count">
                                                "(" {(m.spaces_count)(entry.spaces)} ")"
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! { <ul class="municipalities">{items}</ul> }.into_any()
                        }
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn MunicipalityPage() -> impl IntoView {
    let slug = use_params_map()
        .with_untracked(|p| p.get("slug"))
        .unwrap_or_default();
    view! {
        <Suspense>
            {Suspend::new(async move {
                match municipality_details(slug.clone()).await {
                    Ok(page) => view! { <MunicipalityView page /> }.into_any(),
                    Err(err) => view! { <div class="container page"><ErrorNotice err /></div> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MunicipalityView(page: Page) -> impl IntoView {
    let t = use_texts();
    let m = t.municipalities;
    let filter = SpaceFilter::of(None, Some(&page.istat_code));
    let query = filter.to_query();
    let count = page.spaces.len();
    let intro = (m.intro)(count, &page.name);
    let options = EmbedOptions {
        filter: filter.clone(),
        lang: t.lang,
        ..EmbedOptions::default()
    };
    let snippet = options.snippet(&page.base_url, t.embed.map_frame_title);
    let cards = page
        .spaces
        .into_iter()
        .map(|space| view! { <SpaceCard space filter=query.clone() /> })
        .collect_view();
    let (events, now) = (page.events, page.now);
    let name = page.name.clone();
    view! {
        <Title text=page.name.clone() />
        <Meta name="description" content=intro.clone() />
        <div class="container page">
            <nav aria-label=t.breadcrumb class="breadcrumb">
                <a href=link(paths::MUNICIPALITIES)>{m.all}</a>
            </nav>
            <h1>{page.name.clone()}</h1>
            <p class="lead">{intro}</p>
            <div class="municipality">
                {page.outline.map(|drawing| view! { <Outline drawing name=name.clone() /> })}
                {(count > 0).then(|| view! {
                    <section class="municipality__map">
                        <DirectoryMap markers_url=markers_url(&filter) count />
                        <p>
                            <a href=link(&paths::map_results(&query))>{m.on_map}</a>
                        </p>
                    </section>
                })}
            </div>
            <section aria-labelledby="municipality-spaces">
                <h2 id="municipality-spaces">{m.spaces}</h2>
                {if count > 0 {
                    view! { <ul class="space-list space-list--grid">{cards}</ul> }.into_any()
                } else {
                    view! {
                        <p>{m.no_spaces} " " <a href=link(paths::JOIN)>{m.join}</a></p>
                    }
                        .into_any()
                }}
            </section>
            <section aria-labelledby="municipality-events">
                <h2 id="municipality-events">{m.events}</h2>
                <EventList events now empty=m.no_events />
                <p>
                    <a href=link(paths::EVENTS)>{m.all_events}</a>
                </p>
            </section>
            <section aria-labelledby="municipality-embed">
                <h2 id="municipality-embed">{m.embed}</h2>
                <p class="field__hint" id="municipality-embed-hint">{(m.embed_hint)(&page.name)}</p>
                <label class="visually-hidden" for="municipality-code">{t.embed.code}</label>
                <textarea id="municipality-code" class="embed-builder__code" readonly rows="4" aria-describedby="municipality-embed-hint">
                    {crate::core::text::escape_rcdata(&snippet)}
                </textarea>
                <p>
                    <a href=options.builder_path(t.lang)>{m.embed_builder}</a>
                </p>
            </section>
        </div>
    }
}

/// The municipality's outline with its spaces as dots: a picture with a text alternative,
/// and the boundaries' credit.
#[component]
fn Outline(drawing: OutlineDrawing, name: String) -> impl IntoView {
    let m = use_texts().municipalities;
    let label = (m.outline)(&name);
    let dots = drawing
        .dots
        .into_iter()
        .map(|(x, y, space)| {
            view! {
                <circle class="outline__dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="7">
                    <title>{space}</title>
                </circle>
            }
        })
        .collect_view();
    view! {
        <figure class="municipality__outline">
            <svg
                class="outline"
                viewBox=format!("0 0 {:.0} {:.0}", drawing.width, drawing.height)
                role="img"
                aria-label=label
            >
                <path class="outline__shape" d=drawing.path />
                {dots}
            </svg>
            <figcaption class="outline__credit">{m.outline_credit}</figcaption>
        </figure>
    }
}
