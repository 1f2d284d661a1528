//! `/spazi/{slug}`: one space's page, with sharing meta tags, a small map, contacts and the
//! organisation. Unknown or unpublished slugs get the 404 page.

use crate::api::get_space;
use crate::core::model::PhotoSize;
use crate::core::model::PositionPrecision;
use crate::core::view::{MapMarker, SpaceDetail};
use crate::ui::components::place::GettingThere;
use crate::ui::islands::map::{MapMode, MapSettings, SpacesMap};
use crate::ui::lang::use_texts;
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// How wide the space page's photo is shown (the page's column: the container's 80rem less
/// its padding, three fifths of it beside the facts on wide screens): the browser picks the
/// size from it.
pub const PAGE_PHOTO_SIZES: &str =
    "(min-width: 80rem) 725px, (min-width: 62em) calc(60vw - 2.7rem), \
     (min-width: 48em) calc(100vw - 3rem), calc(100vw - 2rem)";

/// The sizes a photo shown across a page offers the browser.
pub fn page_photo_srcset(name: &str) -> String {
    PhotoSize::srcset(
        &[PhotoSize::Card, PhotoSize::Phone, PhotoSize::Page],
        |size| crate::core::paths::photo(name, size),
    )
}

#[component]
pub fn SpacePage() -> impl IntoView {
    let slug = use_params_map()
        .with_untracked(|p| p.get("slug"))
        .unwrap_or_default();
    // The map's filter the visitor came with (`paths::space_from_map`), read like the map
    // reads it: "back to the map" returns to it.
    let filter = use_query_map().with_untracked(|q| {
        crate::core::filter::SpaceFilter::from_params(|k| q.get_all(k).unwrap_or_default())
            .to_query()
    });
    view! {
        <Suspense>
            {Suspend::new(async move {
                match get_space(slug).await {
                    Ok(space) => view! { <SpaceView space filter=filter.clone() /> }.into_any(),
                    Err(err) => view! { <div class="container page"><ErrorNotice err /></div> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SpaceView(space: SpaceDetail, filter: String) -> impl IntoView {
    let t = use_texts();
    let page = crate::ui::lang::link(&crate::core::paths::space(&space.summary.slug));
    // Absolute, for sharing (and the one address search engines keep, whatever the filter).
    #[cfg(feature = "ssr")]
    let absolute = format!("{}{page}", crate::api::context::base_url());
    #[cfg(not(feature = "ssr"))]
    let absolute = page.clone();
    #[cfg(feature = "ssr")]
    let og_image = space.summary.photo.as_ref().map(|p| {
        let base = crate::api::context::base_url();
        format!(
            "{base}{}",
            crate::core::paths::photo(&p.name, PhotoSize::Page)
        )
    });
    #[cfg(not(feature = "ssr"))]
    let og_image: Option<String> = None;
    let settings = use_context::<MapSettings>().unwrap_or_default();
    let s = &space.summary;
    let kinds: Vec<&str> = s.kinds.iter().map(|k| t.kind(*k)).collect();
    let kinds = kinds.join(", ");
    let description = s
        .description
        .clone()
        .unwrap_or_else(|| format!("{} – {}, {}", s.name, kinds, s.municipality));
    let place = s.place();
    let markers = vec![MapMarker::from(s)];
    let has_contacts = space.website.is_some() || space.email.is_some() || space.phone.is_some();
    let (confirmed, stale) = t.confirmed_words(
        s.confirmed_at,
        use_context::<crate::core::view::Freshness>().unwrap_or_default(),
        crate::ui::lang::now(),
    );
    view! {
        <Title text=s.name.clone() />
        <Meta name="description" content=description.clone() />
        <Meta property="og:title" content=s.name.clone() />
        <Meta property="og:description" content=description />
        <Meta property="og:type" content="place" />
        {og_image.map(|src| view! { <Meta property="og:image" content=src /> })}
        <leptos_meta::Link rel="canonical" href=absolute.clone() />
        <crate::ui::components::oembed::OEmbedDiscovery
            page=crate::ui::lang::link(&crate::core::paths::space(&s.slug))
            title=s.name.clone()
        />
        <div class="container page">
            <nav aria-label=crate::ui::lang::use_texts().breadcrumb class="breadcrumb">
                <a href=crate::ui::lang::link(&crate::core::paths::map_results(&filter))>{t.back_to_map}</a>
            </nav>
            <article class="space">
                <header class="space__header">
                    <h1>{s.name.clone()}</h1>
                    <p class="space__kinds">{kinds}</p>
                </header>
                <div class="space__body">
                    <div class="space__main">
                        {s.photo.clone().map(|p| {
                            // Phones take the 720-pixel size; wide 2× screens the 1200.
                            let srcset = page_photo_srcset(&p.name);
                            view! {
                                <img
                                    class="space__photo"
                                    src=crate::core::paths::photo(&p.name, PhotoSize::Phone)
                                    srcset=srcset
                                    sizes=PAGE_PHOTO_SIZES
                                    alt=p.alt
                                    width="1200"
                                    height="800"
                                />
                            }
                        })}
                        {s.description.clone().map(|d| view! { <p class="lead">{d}</p> })}
                        <dl class="facts">
                            <dt>{t.address}</dt>
                            <dd>
                                {place.clone()}
                                // Without a street address there is nothing to search for.
                                {(s.address.is_some() || s.precision == PositionPrecision::Exact).then(|| view! {
                                    <GettingThere
                                        exact=(s.precision == PositionPrecision::Exact).then_some((s.lat, s.lon))
                                        address=place.clone()
                                    />
                                })}
                            </dd>
                            <dt>{t.municipality}</dt>
                            <dd>
                                <a href=crate::ui::lang::link(&crate::core::paths::municipality(&s.municipality))>
                                    {s.municipality.clone()}
                                </a>
                            </dd>
                            {space.services.clone().map(|v| view! {
                                <dt>{t.field(crate::core::validate::space::Field::Services)}</dt>
                                <dd class="prewrap">{v}</dd>
                            })}
                            {space.opening_hours.clone().map(|v| view! {
                                <dt>{t.field(crate::core::validate::space::Field::OpeningHours)}</dt>
                                <dd class="prewrap">{v}</dd>
                            })}
                        </dl>
                        {t
                            .precision_note(s.precision)
                            .map(|note| view! { <p class="notice notice--warning">{note}</p> })}
                        <h2>{t.contacts}</h2>
                        {if has_contacts {
                            view! {
                                <dl class="facts">
                                    {space.website.clone().map(|w| view! {
                                        <dt>{t.website}</dt>
                                        <dd><a href=safe_url(&w) rel="noopener">{w.clone()}</a></dd>
                                    })}
                                    {space.email.clone().map(|e| view! {
                                        <dt>{t.email}</dt>
                                        <dd><a href=format!("mailto:{e}")>{e.clone()}</a></dd>
                                    })}
                                    {space.phone.clone().map(|p| view! {
                                        <dt>{t.phone}</dt>
                                        <dd><a href=format!("tel:{}", p.replace(' ', ""))>{p.clone()}</a></dd>
                                    })}
                                </dl>
                            }.into_any()
                        } else {
                            view! { <p>{t.no_contacts}</p> }.into_any()
                        }}
                        {space.organisation.clone().map(|o| view! {
                            <h2>{t.organisation}</h2>
                            <dl class="facts">
                                <dt>{t.run_by}</dt>
                                <dd>{o.name.clone()}</dd>
                                {o.kind.map(|k| view! {
                                    <dt>{t.organisation_kind}</dt>
                                    <dd>{t.organisation_kind(k)}</dd>
                                })}
                                {o.website.clone().map(|w| view! {
                                    <dt>{t.website}</dt>
                                    <dd><a href=safe_url(&w) rel="noopener">{w.clone()}</a></dd>
                                })}
                            </dl>
                            {o.description.clone().map(|d| view! { <p>{d}</p> })}
                        })}
                        <h2>{t.share}</h2>
                        <ul class="link-list share-links">
                            <li>
                                <a href=format!(
                                    "mailto:?subject={}&body={}",
                                    crate::core::text::query_encode(&s.name),
                                    crate::core::text::query_encode(&absolute),
                                )>{t.share_email}</a>
                            </li>
                            <li>
                                <a href=format!(
                                    "https://wa.me/?text={}",
                                    crate::core::text::query_encode(&format!("{} {absolute}", s.name)),
                                ) rel="noopener" target="_blank">"WhatsApp"</a>
                            </li>
                        </ul>
                        <p class="field__hint">{t.share_link} " " <span class="share-url">{absolute.clone()}</span></p>
                        <p class="space__meta">
                            {space.source.clone().map(|src| view! {
                                <span>{t.data_source} ": " {t.source_words(&src)}</span>
                                <br />
                            })}
                            <span class="freshness" class:freshness--stale=stale>{confirmed}</span>
                        </p>
                    </div>
                    <aside class="space__map" aria-label=t.position>
                        <SpacesMap markers settings lang=t.lang mode=MapMode::Single />
                    </aside>
                </div>
            </article>
        </div>
    }
}

/// Only http(s) links are rendered as links targets; anything else becomes inert.
fn safe_url(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        url.trim().to_owned()
    } else {
        "#".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_are_links() {
        assert_eq!(safe_url("https://example.org"), "https://example.org");
        assert_eq!(safe_url("javascript:alert(1)"), "#");
        assert_eq!(safe_url(" data:text/html,x"), "#");
    }
}
