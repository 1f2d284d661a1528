//! The app: the HTML document around every page (`shell`), the routes of the pages (`App`),
//! and the current language and its words.

use super::components::layout::Layout;
use super::lang::current_lang;
use super::pages::admin::{
    dashboard::DashboardPage, event_rsvps::CheckInPage, event_rsvps::DoorListPage,
    event_rsvps::EventRsvpsPage, events::EventEditPage, events::EventNewPage,
    events::StaffEventsPage, import::ImportDetailPage, import::ImportUploadPage,
    invitation::InvitationPage, managers::SpaceManagersPage, merge::MergePage,
    password::ChangePasswordPage, password::ForgotPasswordPage, review::SubmissionDetailPage,
    review::SubmissionsPage, review::SurveyPage, revisions::RevisionDetailPage,
    revisions::RevisionsPage, rsvp_staff::RsvpAddPage, rsvp_staff::RsvpCancelPage,
    rsvp_staff::RsvpEditPage, search::SearchPage, sign_in::SignInPage, space_edit::SpaceEditPage,
    space_new::SpaceNewPage, staff::StaffPage,
};
use super::pages::{
    embed::EmbedBuilderPage, embed::EmbeddedEventPage, embed::EmbeddedEventsPage,
    embed::EmbeddedMapPage, embed::EmbeddedSpacePage, events::EventPage, events::EventsPage,
    home::HomePage, join::JoinPage, join::JoinSentPage, municipality::MunicipalitiesPage,
    municipality::MunicipalityPage, my_space::ColleaguesPage, my_space::ConfirmPage,
    my_space::ManagerEditPage, my_space::ManagerLinkPage, my_space::MySpacePage,
    not_found::NotFound, open_data::OpenDataPage, privacy::PrivacyPage, rsvp::RsvpPage,
    space::SpacePage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The HTML document around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = current_lang();
    // The hydration scripts and Leaflet come with the page's first island or map (see
    // `page_assets`); a page without islands is plain HTML.
    super::islands::page_assets::not_hydrated();
    provide_context(super::islands::page_assets::PageAssets::new(
        options.clone(),
    ));
    // A page other sites frame opens its links in a new tab, not inside the frame.
    #[cfg(feature = "ssr")]
    let framed =
        crate::api::context::request_path().is_some_and(|path| crate::core::paths::framable(&path));
    #[cfg(not(feature = "ssr"))]
    let framed = false;
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0066cc" />
                {framed.then(|| view! { <base target="_blank" /> })}
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
                // Without JavaScript a map cannot start: no empty grey boxes, no hint about a
                // pin that is not there (a file, as the CSP admits no inline style).
                <noscript><link rel="stylesheet" href="/noscript.css" /></noscript>
                <link rel="icon" href="/favicon.svg" r#type="image/svg+xml" />
                <AutoReload options />
                <MetaTags />
            </head>
            <body class=framed.then_some("framed")>
                <App />
            </body>
        </html>
    }
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
                    <Route path=path!("/comuni") view=MunicipalitiesPage ssr=SsrMode::Async />
                    <Route path=path!("/comuni/:slug") view=MunicipalityPage ssr=SsrMode::Async />
                    <Route path=path!("/incorpora") view=EmbedBuilderPage ssr=SsrMode::Async />
                    <Route path=path!("/incorporata") view=EmbeddedMapPage ssr=SsrMode::Async />
                    <Route path=path!("/incorporata/eventi") view=EmbeddedEventsPage ssr=SsrMode::Async />
                    <Route path=path!("/incorporata/spazi/:slug") view=EmbeddedSpacePage ssr=SsrMode::Async />
                    <Route path=path!("/incorporata/eventi/:slug") view=EmbeddedEventPage ssr=SsrMode::Async />
                    <Route path=path!("/spazi/:slug") view=SpacePage ssr=SsrMode::Async />
                    <Route path=path!("/dati-aperti") view=OpenDataPage />
                    <Route path=path!("/privacy") view=PrivacyPage />
                    <Route path=path!("/aderisci") view=JoinPage ssr=SsrMode::Async />
                    <Route path=path!("/aderisci/inviata/:reference") view=JoinSentPage ssr=SsrMode::Async />
                    <Route path=path!("/eventi") view=EventsPage ssr=SsrMode::Async />
                    <Route path=path!("/eventi/:slug") view=EventPage ssr=SsrMode::Async />
                    <Route path=path!("/prenotazione/:token") view=RsvpPage ssr=SsrMode::Async />
                    <Route path=path!("/il-mio-spazio") view=MySpacePage ssr=SsrMode::Async />
                    <Route path=path!("/il-mio-spazio/accesso/:token") view=ManagerLinkPage ssr=SsrMode::Async />
                    <Route path=path!("/il-mio-spazio/spazi/:id") view=ManagerEditPage ssr=SsrMode::Async />
                    <Route path=path!("/il-mio-spazio/conferma/:token") view=ConfirmPage ssr=SsrMode::Async />
                    <Route path=path!("/il-mio-spazio/gestori/:id") view=ColleaguesPage ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/accedi") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/spazi/nuovo") view=SpaceNewPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/spazi/:id") view=SpaceEditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/spazi/:id/gestori") view=SpaceManagersPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/staff") view=StaffPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi") view=StaffEventsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/nuovo") view=EventNewPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/:id") view=EventEditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/:id/iscrizioni") view=EventRsvpsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/:id/ingresso") view=CheckInPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/:id/lista") view=DoorListPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/:id/annulla-iscrizione") view=RsvpCancelPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/:id/modifica-iscrizione") view=RsvpEditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/eventi/:id/aggiungi-iscrizione") view=RsvpAddPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/adesioni") view=SubmissionsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/adesioni/:id") view=SubmissionDetailPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/adesioni/:id/unisci") view=MergePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/questionario") view=SurveyPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/modifiche") view=RevisionsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/modifiche/:id") view=RevisionDetailPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/importa") view=ImportUploadPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/importa/:id") view=ImportDetailPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/invito/:token") view=InvitationPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/password-dimenticata") view=ForgotPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/password") view=ChangePasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/cerca") view=SearchPage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    /// Leptos's `path!` takes only literals: the page table above spells each pattern, and
    /// this keeps it equal to `core::paths::PAGES` (`:param` there, `{param}` here).
    #[test]
    fn the_page_table_is_core_paths() {
        let source = include_str!("app.rs");
        let mut table: Vec<String> = source
            .split("path=path!(\"")
            .skip(1)
            .map(|rest| {
                let pattern = &rest[..rest.find('"').unwrap()];
                pattern
                    .split('/')
                    .map(|segment| match segment.strip_prefix(':') {
                        Some(name) => format!("{{{name}}}"),
                        None => segment.to_owned(),
                    })
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect();
        let mut pages: Vec<String> = crate::core::paths::PAGES
            .iter()
            .map(|p| p.to_string())
            .collect();
        table.sort();
        pages.sort();
        assert_eq!(table, pages);
    }
}
