//! Spazi: the web platform of the Forum metropolitano degli spazi per l'innovazione.
//!
//! This crate holds everything but the two entry points: shared types and validation (compiled
//! for both the server and the browser), pages and components, server functions, and — behind
//! the `ssr` feature — the data layer and the HTTP server. The app runs in Leptos *islands*
//! mode: pages are rendered on the server only; the WASM bundle holds just the `#[island]`
//! components (the maps).

#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod core;
pub mod i18n;
pub mod join_assist;
pub mod map;
pub mod page_assets;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod admin;
#[cfg(feature = "ssr")]
pub mod backend;
#[cfg(feature = "ssr")]
pub mod events;
#[cfg(feature = "ssr")]
pub mod join;
#[cfg(feature = "ssr")]
pub mod listener;
#[cfg(feature = "ssr")]
pub mod opendata;
#[cfg(feature = "ssr")]
pub mod page_cache;
#[cfg(feature = "ssr")]
pub mod review;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod staff_events;
#[cfg(feature = "ssr")]
pub mod static_files;

use components::layout::Layout;
use i18n::Lang;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};
use pages::admin::{
    dashboard::DashboardPage, events::CheckInPage, events::EventEditPage, events::EventNewPage,
    events::EventRsvpsPage, events::StaffEventsPage, import::ImportDetailPage,
    import::ImportUploadPage, invitation::InvitationPage, review::SubmissionDetailPage,
    review::SubmissionsPage, review::SurveyPage, sign_in::SignInPage, space_edit::SpaceEditPage,
    space_new::SpaceNewPage, staff::StaffPage,
};
use pages::{
    events::EventPage, events::EventsPage, events::RsvpPage, home::HomePage, join::JoinPage,
    join::JoinSentPage, not_found::NotFound, open_data::OpenDataPage, privacy::PrivacyPage,
    space::SpacePage,
};

/// The HTML document around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = current_lang();
    // The hydration scripts and Leaflet come with the page's first island or map (see
    // `page_assets`); a page without islands is plain HTML.
    page_assets::not_hydrated();
    provide_context(page_assets::PageAssets::new(options.clone()));
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0066cc" />
                // The three weights every page shows above the fold, fetched with the HTML
                // rather than when the CSS asks for them: no text jumps when they arrive
                // (Lighthouse measured a 0.1 layout shift from the headings' late swap).
                {[400, 600, 700]
                    .map(|weight| {
                        view! {
                            <link
                                rel="preload"
                                href=format!("/fonts/titillium-web-latin-{weight}-normal.woff2")
                                r#as="font"
                                r#type="font/woff2"
                                crossorigin=""
                            />
                        }
                    })}
                <link rel="stylesheet" href="/pkg/spazi.css" />
                <link rel="icon" href="/favicon.svg" r#type="image/svg+xml" />
                <AutoReload options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The language of the current request (cookie), Italian by default.
pub fn current_lang() -> Lang {
    use_context::<Lang>()
        .or_else(request_lang)
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn request_lang() -> Option<Lang> {
    crate::api::context::request_lang()
}

/// Islands receive the language as a prop; there is no request to read in the browser.
#[cfg(not(feature = "ssr"))]
fn request_lang() -> Option<Lang> {
    None
}

/// The words of the interface in the current language.
pub fn use_texts() -> &'static i18n::Texts {
    current_lang().texts()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = current_lang();
    provide_context(lang);
    let t = lang.texts();
    let site = t.site_name;
    view! {
        // leptos_meta writes the title as it is: every page's title is escaped here.
        <Title formatter=move |page: String| {
            crate::core::text::escape_rcdata(
                &if page.is_empty() { site.to_owned() } else { format!("{page} – {site}") },
            )
        } />
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/spazi/:slug") view=SpacePage ssr=SsrMode::Async />
                    <Route path=path!("/dati-aperti") view=OpenDataPage />
                    <Route path=path!("/privacy") view=PrivacyPage />
                    <Route path=path!("/aderisci") view=JoinPage ssr=SsrMode::Async />
                    <Route path=path!("/aderisci/inviata/:reference") view=JoinSentPage ssr=SsrMode::Async />
                    <Route path=path!("/eventi") view=EventsPage ssr=SsrMode::Async />
                    <Route path=path!("/eventi/:slug") view=EventPage ssr=SsrMode::Async />
                    <Route path=path!("/prenotazione/:token") view=RsvpPage ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/accedi") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/spazi/nuovo") view=SpaceNewPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/spazi/:id") view=SpaceEditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/staff") view=StaffPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi") view=StaffEventsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/nuovo") view=EventNewPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/:id") view=EventEditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/:id/iscrizioni") view=EventRsvpsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/:id/ingresso") view=CheckInPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/adesioni") view=SubmissionsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/adesioni/:id") view=SubmissionDetailPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/questionario") view=SurveyPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/importa") view=ImportUploadPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/importa/:id") view=ImportDetailPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/invito/:token") view=InvitationPage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
