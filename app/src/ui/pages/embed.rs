//! The map and the events for other sites. `/incorpora` (`paths::EMBED`) is the builder: a
//! GET form of choices, the preview (the very page the code frames) and the code to paste.
//! `/incorporata` and `/incorporata/eventi` are the framed pages: no site header, a footer
//! crediting the Città metropolitana, every link opening a new tab (`<base target="_blank">`,
//! see `ui::app::shell`), no cookie and nothing stored in the browser. They are the only pages
//! other sites may frame (`web::security::headers`).

use crate::api::error::AppError;
use crate::api::{embedded_directory, events_page, municipality_options};
use crate::core::embed::{self, EmbedOptions, Widget, EVENTS_MAX, HEIGHTS};
use crate::core::filter::SpaceFilter;
use crate::core::model::SpaceKind;
use crate::core::paths;
use crate::core::view::event::InItalian;
use crate::i18n::events::when_line;
use crate::i18n::Lang;
use crate::ui::components::oembed::base_url;
use crate::ui::islands::embed_preview::EmbedPreview;
use crate::ui::islands::map::{MapMode, SpacesMap};
use crate::ui::lang::{link, use_texts};
use crate::ui::pages::events::{place_line, EventTime};
use crate::ui::pages::home::{markers_url, DirectoryMap};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// `/incorporata`: the map (and the list) of the spaces of the address's filter.
#[component]
pub fn EmbeddedMapPage() -> impl IntoView {
    let t = use_texts();
    let (filter, list) = use_query_map().with_untracked(|q| {
        let mut filter = SpaceFilter::from_params(|k| q.get_all(k).unwrap_or_default());
        filter.q = None;
        (filter, embed::list_from_params(|k| q.get_str(k)))
    });
    let markers_url = markers_url(&filter);
    let full_map = link(&paths::with_query(paths::HOME, &[&filter.to_query()]));
    let data = {
        let filter = filter.clone();
        async move { embedded_directory(filter).await }
    };
    let footer_link = full_map.clone();
    view! {
        <Title text=t.embed.map_frame_title />
        // A copy of the map for other sites: search engines index the map itself.
        <Meta name="robots" content="noindex" />
        <main id="main" class="embed embed--map" class:embed--list=list>
            <Suspense>
                {Suspend::new(async move {
                    match data.await {
                        Ok(page) => {
                            view! {
                                <EmbeddedMap filter=filter.clone() page list markers_url=markers_url.clone() full_map=full_map.clone() />
                            }
                                .into_any()
                        }
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
        <EmbedFooter full=footer_link full_words=t.embed.open_full_map />
    }
}

#[component]
fn EmbeddedMap(
    filter: SpaceFilter,
    page: crate::core::view::DirectoryPage,
    list: bool,
    markers_url: String,
    full_map: String,
) -> impl IntoView {
    let t = use_texts();
    let count = page.total;
    let more = count.saturating_sub(page.spaces.len());
    let query = filter.to_query();
    let items = page
        .spaces
        .into_iter()
        .map(|space| {
            let kinds: Vec<&str> = space.kinds.iter().map(|k| t.kind(*k)).collect();
            view! {
                <li class="embed-list__item">
                    <a class="embed-list__name" href=link(&paths::space_from_map(&space.slug, &query))>
                        {space.name}
                    </a>
                    <span class="embed-list__meta">{kinds.join(", ")} " · " {space.municipality}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="embed__header">
            <h1 class="embed__title">{t.embed.map_heading}</h1>
            <p class="embed__count" role="status">{(t.results)(count)}</p>
        </div>
        {(count == 0).then(|| view! {
            <p class="notice embed__empty">
                {t.embed.no_spaces} " " <a href=full_map.clone()>{t.embed.open_full_map}</a>
            </p>
        })}
        {(count > 0).then(|| view! {
            <div class="embed__body">
                <section class="embed__map">
                    <DirectoryMap markers_url count />
                </section>
                // Without the list chosen, it still shows without JavaScript (no map then):
                // `noscript.css` shows what this class hides.
                <section
                    class="embed__list"
                    class:embed__list--optional=!list
                    aria-labelledby="embed-list-heading"
                >
                    <h2 id="embed-list-heading" class="visually-hidden">{t.list_heading}</h2>
                    <ul class="embed-list">{items}</ul>
                    {(more > 0).then(|| view! {
                        <p class="embed-list__more">
                            <a href=full_map.clone()>{(t.embed.more_spaces)(u32::try_from(more).unwrap_or(u32::MAX))}</a>
                        </p>
                    })}
                </section>
            </div>
        })}
    }
}

/// The framed pages' footer: who offers them and where the whole is.
#[component]
fn EmbedFooter(full: String, full_words: &'static str) -> impl IntoView {
    let t = use_texts();
    view! {
        <footer class="embed__footer">
            <p>
                <a href=full>{full_words}</a>
                " · "
                <span>{t.embed.credit}</span>
                " · "
                <a href=link(paths::OPEN_DATA)>{t.embed.data_licence}</a>
            </p>
            <p class="embed__small">{t.embed.new_tab}</p>
        </footer>
    }
}

/// `/incorporata/eventi`: the Forum's upcoming events, a compact list.
#[component]
pub fn EmbeddedEventsPage() -> impl IntoView {
    let t = use_texts();
    let e = t.embed;
    view! {
        <Title text=e.events_frame_title />
        <Meta name="robots" content="noindex" />
        <main id="main" class="embed embed--events">
            <h1 class="embed__title">{e.events_heading}</h1>
            <Suspense>
                {Suspend::new(async move {
                    match events_page().await {
                        Ok(page) => {
                            let items = page
                                .upcoming
                                .into_iter()
                                .take(EVENTS_MAX)
                                .map(|ev| {
                                    view! {
                                        <li class="embed-events__item">
                                            <h2 class="embed-events__title">
                                                <a
                                                    href=link(&paths::event(&ev.slug))
                                                    lang=InItalian::lang(ev.in_italian.title)
                                                >
                                                    {ev.title.clone()}
                                                </a>
                                            </h2>
                                            <p class="embed-events__when">
                                                <EventTime starts_at=ev.starts_at line=when_line(&ev, t.lang) />
                                            </p>
                                            <p class="embed-events__place">{place_line(&ev)}</p>
                                        </li>
                                    }
                                })
                                .collect::<Vec<_>>();
                            if items.is_empty() {
                                view! { <p>{e.events_none}</p> }.into_any()
                            } else {
                                view! { <ul class="embed-events">{items}</ul> }.into_any()
                            }
                        }
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
        <EmbedFooter full=link(paths::EVENTS) full_words=e.all_events />
    }
}

/// `/incorpora`: the builder.
#[component]
pub fn EmbedBuilderPage() -> impl IntoView {
    let t = use_texts();
    let e = t.embed;
    let options = use_query_map().with_untracked(|q| {
        EmbedOptions::from_builder(|k| q.get_all(k).unwrap_or_default(), t.lang)
    });
    view! {
        <Title text=e.builder_title />
        <Meta name="description" content=e.builder_intro />
        <div class="container page">
            <h1>{e.builder_title}</h1>
            <p class="lead">{e.builder_intro}</p>
            <p>{e.privacy_note}</p>
            <Suspense>
                {Suspend::new(async move {
                    match municipality_options(Vec::new()).await {
                        Ok(municipalities) => {
                            view! { <Builder options=options.clone() municipalities /> }.into_any()
                        }
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The id the builder's form lands on: the preview.
pub const PREVIEW: &str = "anteprima";

#[component]
fn Builder(
    mut options: EmbedOptions,
    municipalities: Vec<crate::core::view::MunicipalityOption>,
) -> impl IntoView {
    let t = use_texts();
    // Only the municipalities offered (an address may name any six digits).
    options
        .filter
        .municipalities
        .retain(|code| municipalities.iter().any(|m| m.istat_code == *code));
    let e = t.embed;
    let base = base_url();
    // The frame's title is in the embed's language, not the page's.
    let title = options.lang.texts().embed.frame_title(options.widget);
    let snippet = options.snippet(&base, title);
    let plain_link = format!("{base}{}", options.full_path());
    let what = Widget::ALL
        .into_iter()
        .map(|w| {
            let id = format!("embed-what-{}", w.code());
            view! {
                <div class="check">
                    <input type="radio" id=id.clone() name="cosa" value=w.code() checked=options.widget == w />
                    <label for=id>{match w { Widget::Map => e.what_map, Widget::Events => e.what_events }}</label>
                </div>
            }
        })
        .collect_view();
    let kinds = SpaceKind::ALL
        .into_iter()
        .map(|k| {
            let id = format!("embed-kind-{}", k.code());
            view! {
                <div class="check">
                    <input type="checkbox" id=id.clone() name="tipo" value=k.code() checked=options.filter.kinds.contains(&k) />
                    <label for=id>{t.kind(k)}</label>
                </div>
            }
        })
        .collect_view();
    let places = municipalities
        .into_iter()
        .map(|m| {
            let id = format!("embed-municipality-{}", m.istat_code);
            let checked = options.filter.municipalities.contains(&m.istat_code);
            view! {
                <div class="check">
                    <input type="checkbox" id=id.clone() name="comune" value=m.istat_code checked=checked />
                    <label for=id>{format!("{} ({})", m.name, m.spaces)}</label>
                </div>
            }
        })
        .collect_view();
    let heights = HEIGHTS
        .into_iter()
        .map(|h| view! { <option value=h.to_string() selected=options.height == h>{(e.height_option)(h)}</option> })
        .collect_view();
    // `loading` is no typed attribute of Leptos' `<iframe>`.
    let frame = view! {
        <iframe
            class="embed-builder__frame"
            src=options.framed_path()
            data-shown=options.framed_path()
            title=title
            height=options.height.to_string()
        ></iframe>
    }
    .attr("loading", "lazy");
    let languages = [Lang::It, Lang::En]
        .into_iter()
        .map(|l| {
            let id = format!("embed-lang-{}", l.code());
            view! {
                <div class="check">
                    <input type="radio" id=id.clone() name="lingua" value=l.code() checked=options.lang == l />
                    <label for=id lang=l.code()>{match l { Lang::It => "Italiano", Lang::En => "English" }}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="embed-builder">
            // What the live preview needs, in `embed_preview::FORM_DATA`'s order.
            <form
                id="embed-form"
                class="embed-builder__form"
                method="get"
                action=link(&format!("{}#{PREVIEW}", paths::EMBED))
                aria-label=e.choices
                data-lang=t.lang.code()
                data-updated=e.updated
                data-copied=e.copied
                data-copy-failed=e.copy_failed
            >
                <input type="hidden" name="scelto" value="1" />
                <fieldset class="field">
                    <legend>{e.what}</legend>
                    {what}
                </fieldset>
                <fieldset class="field" aria-describedby="embed-kinds-hint" data-map-only="">
                    <legend>{e.kinds}</legend>
                    <p class="field__hint" id="embed-kinds-hint">{e.kinds_hint} " " {e.map_only}</p>
                    {kinds}
                </fieldset>
                <fieldset class="field checks--columns" aria-describedby="embed-municipalities-hint" data-map-only="">
                    <legend>{e.municipalities}</legend>
                    <p class="field__hint" id="embed-municipalities-hint">{e.municipalities_hint} " " {e.map_only}</p>
                    {places}
                </fieldset>
                <div class="field" data-map-only="">
                    <div class="check">
                        <input type="checkbox" id="embed-list" name="elenco" value="1" checked=options.list aria-describedby="embed-list-hint" />
                        <label for="embed-list">{e.list}</label>
                    </div>
                    <p class="field__hint" id="embed-list-hint">{e.list_hint}</p>
                </div>
                <div class="field">
                    <label for="embed-height">{e.height}</label>
                    <select id="embed-height" name="altezza">{heights}</select>
                </div>
                <fieldset class="field">
                    <legend>{e.language}</legend>
                    {languages}
                </fieldset>
                <button type="submit" class="btn btn--primary">{e.update}</button>
                <EmbedPreview />
            </form>
            <section class="embed-builder__result" id=PREVIEW tabindex="-1" aria-labelledby="embed-preview-heading">
                <h2 id="embed-preview-heading">{e.preview}</h2>
                <p>{e.preview_hint}</p>
                <p><a href="#embed-code">{e.skip_preview}</a></p>
                {frame}
                <h2>
                    <label for="embed-code">{e.code}</label>
                </h2>
                <p class="field__hint" id="embed-code-hint">{e.code_hint}</p>
                <textarea id="embed-code" class="embed-builder__code" readonly rows="5" aria-describedby="embed-code-hint">
                    {crate::core::text::escape_rcdata(&snippet)}
                </textarea>
                <CopyButton field="embed-code" words=e.copy_code />
                <h2>
                    <label for="embed-link">{e.link}</label>
                </h2>
                <p class="field__hint" id="embed-link-hint">{e.link_hint}</p>
                <input id="embed-link" class="embed-builder__link" type="text" readonly value=plain_link aria-describedby="embed-link-hint" />
                <CopyButton field="embed-link" words=e.copy_link />
                <p class="field__hint">{e.oembed_hint}</p>
            </section>
        </div>
    }
}

/// A button that copies the field `field` (shown by the island, with JavaScript only) and its
/// status line.
#[component]
fn CopyButton(field: &'static str, words: &'static str) -> impl IntoView {
    view! {
        <p class="embed-builder__copy">
            <button type="button" class="btn btn--outline btn--small" hidden=true data-copy=field>
                {words}
            </button>
            " "
            <span id=format!("{field}-copied") role="status"></span>
        </p>
    }
}

/// `/incorporata/spazi/{slug}`: one space, as a pasted address of its page becomes (oEmbed):
/// its name, kinds, place, a small map, and the way to its page.
#[component]
pub fn EmbeddedSpacePage() -> impl IntoView {
    let t = use_texts();
    let slug = slug();
    let page = link(&paths::space(&slug));
    let full = page.clone();
    let show = move |space: crate::core::view::SpaceDetail| {
        let s = space.summary;
        let settings = use_context::<crate::core::view::MapSettings>().unwrap_or_default();
        let kinds: Vec<&str> = s.kinds.iter().map(|k| t.kind(*k)).collect();
        let place = s.place();
        let markers = vec![crate::core::view::MapMarker::from(&s)];
        view! {
            <Title text=s.name.clone() />
            <div class="embed__header">
                <h1 class="embed__title">
                    <a href=page>{s.name.clone()}</a>
                </h1>
                <p class="embed__count">{kinds.join(", ")}</p>
            </div>
            <p class="embed__place">{place}</p>
            <div class="embed__body">
                <section class="embed__map" aria-label=s.name.clone()>
                    <SpacesMap markers settings lang=t.lang mode=MapMode::Single />
                </section>
            </div>
        }
    };
    view! {
        <FramedOne
            class="embed embed--map embed--one"
            load=crate::api::get_space(slug.clone())
            show
            full
            full_words=t.embed.open_space
        />
    }
}

/// `/incorporata/eventi/{slug}`: one event, as a pasted address of its page becomes (oEmbed).
#[component]
pub fn EmbeddedEventPage() -> impl IntoView {
    let t = use_texts();
    let slug = slug();
    let page = link(&paths::event(&slug));
    let full = page.clone();
    let show = move |found: crate::core::view::event::EventPage| {
        let ev = found.event;
        view! {
            <Title text=ev.title.clone() />
            <h1 class="embed__title">
                <a href=page lang=InItalian::lang(ev.in_italian.title)>{ev.title.clone()}</a>
            </h1>
            <p class="embed-events__when">
                <EventTime starts_at=ev.starts_at line=when_line(&ev, t.lang) />
            </p>
            <p class="embed-events__place">{place_line(&ev)}</p>
            {(!ev.summary.is_empty()).then(|| view! {
                <p lang=InItalian::lang(ev.in_italian.summary)>{ev.summary.clone()}</p>
            })}
        }
    };
    view! {
        <FramedOne
            class="embed embed--events"
            load=crate::api::event_page(slug.clone())
            show
            full
            full_words=t.embed.open_event
        />
    }
}

/// The address's `{slug}`.
fn slug() -> String {
    leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get("slug"))
        .unwrap_or_default()
}

/// The frame of one pasted space or event: what `show` makes of what `load` found, and a
/// footer to its page (`full`); when there is none (unknown, or no longer public), the notice
/// and a footer to the whole map rather than to a page that is not there.
#[component]
fn FramedOne<T, V, Load, Show>(
    class: &'static str,
    load: Load,
    show: Show,
    full: String,
    full_words: &'static str,
) -> impl IntoView
where
    T: Send + 'static,
    V: IntoView + 'static,
    Load: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    Show: FnOnce(T) -> V + Send + 'static,
{
    let t = use_texts();
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense>
            {Suspend::new(async move {
                match load.await {
                    Ok(found) => {
                        view! {
                            <main id="main" class=class>{show(found)}</main>
                            <EmbedFooter full full_words />
                        }
                            .into_any()
                    }
                    Err(err) => {
                        view! {
                            <main id="main" class=class><ErrorNotice err /></main>
                            <EmbedFooter full=link(paths::HOME) full_words=t.embed.open_full_map />
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
