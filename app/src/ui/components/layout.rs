//! The frame of every page: skip link, header (with the language switch), main, footer.
//! Follows the Designers Italia header/footer pattern.

use crate::core::filter::SpaceFilter;
use crate::core::paths;
use crate::i18n::Lang;
use crate::ui::lang::{link, use_texts};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let here = location.pathname.get_untracked()
        + &{
            let search = location.search.get_untracked();
            if search.is_empty() {
                String::new()
            } else {
                format!("?{search}")
            }
        };
    let other = t.lang.other();
    let path = location.pathname.get_untracked();
    // A page other sites frame draws its own frame (`ui::pages::embed`): no header.
    if paths::framable(&path) {
        return children().into_any();
    }
    // A public page has an address per language (`paths::TWINS`): the switch goes to its twin,
    // and search engines are told of both. The staff area's switch remembers the choice.
    let public = crate::core::paths::lang_of(&path).is_some();
    let switch_href = if public {
        // An address with no twin (an English address that leads nowhere): the other
        // language's home.
        Some(paths::in_lang(&here, other))
            .filter(|twin| *twin != paths::in_lang(&here, t.lang))
            .unwrap_or_else(|| paths::in_lang(paths::HOME, other))
    } else {
        format!("{}?next={}", paths::language(other.code()), encode(&here))
    };
    let secret = paths::SECRET_PREFIXES.iter().any(|p| path.starts_with(p));
    let alternates = (public && !secret).then(|| {
        #[cfg(feature = "ssr")]
        let base = crate::api::context::base_url();
        #[cfg(not(feature = "ssr"))]
        let base = String::new();
        // Only the map's filter makes another page of the same path; any other query (the
        // builder's choices, made-up parameters) is not echoed to search engines.
        let query = if paths::in_lang(&path, Lang::It) == paths::HOME {
            use_query_map().with_untracked(|q| {
                let filter = SpaceFilter::from_params(|k| q.get_all(k).unwrap_or_default());
                filter.page_query(SpaceFilter::page_from_params(|k| q.get_str(k)))
            })
        } else {
            String::new()
        };
        let page = paths::with_query(&path, &[&query]);
        let address = |lang: Lang| format!("{base}{}", paths::in_lang(&page, lang));
        view! {
            <leptos_meta::Link rel="alternate" hreflang="it" href=address(Lang::It) />
            <leptos_meta::Link rel="alternate" hreflang="en" href=address(Lang::En) />
            <leptos_meta::Link rel="alternate" hreflang="x-default" href=address(Lang::It) />
        }
    });
    // The menu's entries, the one of the page being shown marked (`aria-current`).
    let entries = [
        (
            paths::HOME,
            t.nav_map,
            path == "/" || path.starts_with("/spazi/"),
        ),
        (paths::EVENTS, t.events.nav, path.starts_with(paths::EVENTS)),
        (paths::JOIN, t.join.nav, path.starts_with(paths::JOIN)),
        (
            paths::OPEN_DATA,
            t.nav_open_data,
            path.starts_with(paths::OPEN_DATA),
        ),
    ];
    let links = move || {
        entries
            .iter()
            .map(|(href, name, current)| {
                view! {
                    <li><a href=link(href) aria-current=current.then_some("page")>{*name}</a></li>
                }
            })
            .collect_view()
    };
    view! {
        {alternates}
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <div class="site-header__slim">
                <div class="container site-header__slim-inner">
                    <span>{t.owner}</span>
                    <a class="lang-switch" href=switch_href hreflang=other.code() lang=other.code()>
                        {t.switch_language}
                    </a>
                </div>
            </div>
            <div class="site-header__center">
                <div class="container site-header__center-inner">
                    <a class="brand" href=link(paths::HOME)>
                        // The slot of the Città metropolitana's logo (`public/logo.svg`,
                        // replaced by the deployment; a neutral mark until then).
                        <img class="brand__logo" src="/logo.svg" alt="" width="40" height="40" />
                        <span class="brand__text">
                            <span class="brand__name">{t.site_name}</span>
                            <span class="brand__tagline">{t.forum_name}</span>
                        </span>
                    </a>
                    // On a phone: a menu button (Designers Italia's compact header), without
                    // JavaScript too.
                    <details class="site-menu">
                        <summary class="site-menu__button">{t.menu}</summary>
                        <nav class="site-menu__nav" aria-label=t.nav_main>
                            <ul>{links()}</ul>
                        </nav>
                    </details>
                </div>
            </div>
            <nav class="site-nav" aria-label=t.nav_main>
                <div class="container">
                    <ul>{links()}</ul>
                </div>
            </nav>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <div class="container">
                <p class="site-footer__name">{t.forum_name}</p>
                <p>{t.footer_service}</p>
                <p>
                    {t.footer_contact} ": "
                    <a href="mailto:progimpresa@cittametropolitana.bo.it">
                        "progimpresa@cittametropolitana.bo.it"
                    </a>
                </p>
                <p>
                    <a href=link(paths::OPEN_DATA)>{t.nav_open_data}</a>
                    " (CC BY 4.0)"
                    " · "
                    <a href=link(paths::PRIVACY)>{t.join.privacy_title}</a>
                    " · "
                    <a href=link(paths::MY_SPACE)>{t.managers.footer_link}</a>
                    " · "
                    <a href=link(paths::MUNICIPALITIES)>{t.municipalities.all}</a>
                    " · "
                    <a href=link(paths::EMBED)>{t.embed.footer_link}</a>
                </p>
                <p class="site-footer__small">{t.footer_data}</p>
            </div>
        </footer>
    }
    .into_any()
}

/// Percent-encodes a local path for use as a query value.
fn encode(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
