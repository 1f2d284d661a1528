//! The managers' area over HTTP: sign-in answering every address the same, staff adding and
//! removing managers, a proposal from the manager's editor to the public page, invitations,
//! and a manager who uses the English pages.

use crate::http::app;
use crate::managers::{
    listing_input, mails_to, manage, manager_cookie, pending_revision, set_cookies, space_id,
    wait_for_mail,
};
use crate::staff::{body_text, create, csrf_of, get_req, http_sign_in, post_form, NOW, ORIGIN};
use crate::support::TestDb;
use app::core::model::Role;
use axum::http::{header, StatusCode};
use tower::ServiceExt;

#[tokio::test]
async fn the_managers_area_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let dumbo = space_id(&t, "dumbo").await;
    manage(&t, dumbo, "gestore@example.it").await;
    let get = |uri: &str, cookie: Option<&str>| app.clone().oneshot(get_req(uri, cookie));
    let post = |uri: &str, body: &str, cookie: Option<&str>| {
        app.clone()
            .oneshot(post_form(uri, body, cookie, Some(ORIGIN)))
    };

    // Signed out: the form, private, linked from every page's footer, in both languages.
    let res = get("/il-mio-spazio", None).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = body_text(res).await;
    assert!(html.contains("Mandami il link") && html.contains("action=\"/il-mio-spazio\""));
    assert!(body_text(get("/", None).await.unwrap())
        .await
        .contains("href=\"/il-mio-spazio\""));
    let html = body_text(get("/en/my-space", None).await.unwrap()).await;
    assert!(html.contains("Send me the link") && html.contains("action=\"/en/my-space\""));

    // A malformed address is pointed out beside the field, as typed.
    let res = post("/il-mio-spazio", "email=gestore%40", None)
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("id=\"email-error\"") && html.contains("value=\"gestore@\""));
    // Any well-formed address: the same answer, in the page's language.
    for body in ["email=GESTORE%40example.it", "email=nessuno%40example.it"] {
        let res = post("/il-mio-spazio", body, None).await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?inviato=1");
        assert!(set_cookies(&res).is_empty());
    }
    let res = post("/en/my-space", "email=nessuno%40example.it", None)
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/en/my-space?inviato=1");
    // The link comes by e-mail, to managers only.
    let mails = wait_for_mail(&t, "gestore@example.it", 1).await;
    assert_eq!(mails.len(), 1);
    assert!(mails_to(&t, "nessuno@example.it").await.is_empty());
    let link = mails[0]
        .split_whitespace()
        .find(|w| w.starts_with("http://spazi.test/il-mio-spazio/accesso/"))
        .unwrap()
        .trim_start_matches("http://spazi.test")
        .to_owned();

    // Opening it shows a button; only the button signs in.
    let html = body_text(get(&link, None).await.unwrap()).await;
    assert!(html.contains("gestore@example.it") && html.contains(&format!("action=\"{link}\"")));
    let res = post(&link, "", None).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio");
    let cookies = set_cookies(&res);
    assert_eq!(cookies.len(), 2, "{cookies:?}");
    assert!(
        cookies[0].contains("Path=/il-mio-spazio;") && cookies[1].contains("Path=/en/my-space;")
    );
    let cookie = cookies[0].split(';').next().unwrap().to_owned();
    // Used: refused, said plainly.
    let res = post(&link, "", None).await.unwrap();
    assert_eq!(res.headers()[header::LOCATION], link.as_str());
    let res = get(&link, None).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(body_text(res).await.contains("non funziona più"));

    // Signed in: their space, and no other.
    let res = get("/il-mio-spazio", Some(&cookie)).await.unwrap();
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = body_text(res).await;
    assert!(
        html.contains("gestore@example.it") && html.contains("DumBO"),
        "{html}"
    );
    assert!(!html.contains("BIG"));
    assert!(html.contains("href=\"/spazi/dumbo\""));
    let html = body_text(get("/en/my-space", Some(&cookie)).await.unwrap()).await;
    assert!(html.contains("Your spaces") && html.contains("href=\"/en/spaces/dumbo\""));
    // The manager's cookie opens nothing of the staff area.
    let res = get(
        "/admin",
        Some(&cookie.replace("spazi_manager", "spazi_session")),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    // Staff take the space away: the session no longer reaches it.
    let staff = create(&t, "staff@example.it", Role::Editor).await;
    t.db.remove_space_manager(dumbo, "gestore@example.it", (Some(staff), "s"), NOW)
        .await
        .unwrap();
    let html = body_text(get("/il-mio-spazio", Some(&cookie)).await.unwrap()).await;
    assert!(html.contains("non gestisce più nessuno spazio") && !html.contains("DumBO"));

    // Signing out takes the session's token; then the cookies are cleared and the session
    // is over.
    let res = post("/il-mio-spazio/esci", "csrf=sbagliato", Some(&cookie))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let csrf = csrf_of(&html);
    let res = post(
        "/il-mio-spazio/esci",
        &format!("csrf={csrf}"),
        Some(&cookie),
    )
    .await
    .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?uscito=1");
    assert!(set_cookies(&res).iter().all(|c| c.contains("Max-Age=0")));
    let html = body_text(get("/il-mio-spazio", Some(&cookie)).await.unwrap()).await;
    assert!(html.contains("Mandami il link"));
    t.finish().await;
}

#[tokio::test]
async fn staff_add_and_remove_managers_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "staff@example.it", Role::Editor).await;
    let cookie = http_sign_in(&app, "staff%40example.it").await;
    let dumbo = space_id(&t, "dumbo").await;
    let page = format!("/admin/spazi/{dumbo}/gestori");
    let html = body_text(
        app.clone()
            .oneshot(get_req(&page, Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(html.contains("Questo spazio non ha gestori"));
    let csrf = csrf_of(&html);
    let post = |body: String| {
        app.clone()
            .oneshot(post_form(&page, &body, Some(&cookie), Some(ORIGIN)))
    };
    // A malformed address: beside the field, as typed.
    let res = post(format!("csrf={csrf}&azione=aggiungi&email=anna%40"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("id=\"manager-email-error\"") && html.contains("value=\"anna@\""));
    let res = post(format!(
        "csrf={csrf}&azione=aggiungi&email=+Anna%40Example.it"
    ))
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let html = body_text(
        app.clone()
            .oneshot(get_req(&location, Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(html.contains("anna@example.it ora gestisce lo spazio: gli abbiamo scritto"));
    assert!(html.contains("aggiunto dallo staff"));
    // Told by e-mail how to sign in.
    let mails = wait_for_mail(&t, "anna@example.it", 1).await;
    assert!(mails[0].contains("lo staff del Forum") && mails[0].contains("DumBO"));
    assert!(mails[0].contains("http://spazi.test/il-mio-spazio"));
    // The edit page names them and leads here.
    let edit = body_text(
        app.clone()
            .oneshot(get_req(&format!("/admin/spazi/{dumbo}"), Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(edit.contains("anna@example.it") && edit.contains(&format!("href=\"{page}\"")));
    let res = post(format!("csrf={csrf}&azione=togli&email=anna%40example.it"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(t.db.space_managers(dumbo).await.unwrap().is_empty());
    // A link sent to staff cannot make the page tell of a change the list does not show.
    for query in [
        "aggiunto=finto%40example.it",
        "gia=finto%40example.it",
        "tolto=finto%40example.it",
        "tolto=finto%40example.it&a=1",
        "aggiunto=anna%40example.it&a=1",
    ] {
        let html = crate::staff::fetch_page(&app, &format!("{page}?{query}"), Some(&cookie)).await;
        assert!(!html.contains("role=\"status\""), "{query}");
    }
    // Asking managers to confirm is told only after it was done.
    let html = crate::staff::fetch_page(&app, &format!("{page}?chiesto=0"), Some(&cookie)).await;
    assert!(!html.contains("role=\"status\""));
    // Removing an address that is not a manager changes nothing, and says so.
    let res = post(format!("csrf={csrf}&azione=togli&email=anna%40example.it"))
        .await
        .unwrap();
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let html = crate::staff::fetch_page(&app, &location, Some(&cookie)).await;
    assert!(html.contains("anna@example.it non era tra i gestori"));
    // Nonsense actions are refused.
    let res = post(format!("csrf={csrf}&azione=rubare&email=anna%40example.it"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    t.finish().await;
}

#[tokio::test]
async fn a_proposal_over_http_from_the_manager_to_the_public_page() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let (dumbo, big) = (
        space_id(&t, "dumbo").await,
        space_id(&t, "big-boost-innovation-garage").await,
    );
    manage(&t, dumbo, "gestore@example.it").await;
    manage(&t, big, "altra@example.it").await;
    let cookie = manager_cookie(&t, "gestore@example.it").await;
    let get = |uri: String| app.clone().oneshot(get_req(&uri, Some(&cookie)));
    let post = |uri: String, body: String| {
        app.clone()
            .oneshot(post_form(&uri, &body, Some(&cookie), Some(ORIGIN)))
    };

    // The area leads to the editor, which shows the listing.
    let area = body_text(get("/il-mio-spazio".into()).await.unwrap()).await;
    assert!(area.contains(&format!("href=\"/il-mio-spazio/spazi/{dumbo}\"")));
    let res = get(format!("/il-mio-spazio/spazi/{dumbo}")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = body_text(res).await;
    assert!(html.contains("value=\"DumBO\""));
    let csrf = csrf_of(&html);

    // Another space, in either language, read or written: not found, as if it did not exist.
    for uri in [
        format!("/il-mio-spazio/spazi/{big}"),
        format!("/en/my-space/spaces/{big}"),
        "/il-mio-spazio/spazi/999999".to_owned(),
    ] {
        assert_eq!(
            get(uri.clone()).await.unwrap().status(),
            StatusCode::NOT_FOUND,
            "{uri}"
        );
        let res = post(uri.clone(), format!("csrf={csrf}&name=Preso"))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{uri}");
    }
    // Without the session: to the sign-in; without its token: refused.
    let res = app
        .clone()
        .oneshot(get_req(&format!("/il-mio-spazio/spazi/{dumbo}"), None))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio");
    let form = |input: &app::core::validate::space::SpaceInput, csrf: &str| {
        format!(
            "csrf={csrf}&{}",
            serde_urlencoded::to_string(input).unwrap()
        )
    };
    let listing = listing_input(&t, dumbo).await;
    let base = serde_json::to_string(&listing).unwrap();
    let with_base = |body: String| {
        format!(
            "{body}&{}",
            serde_urlencoded::to_string([("base", &base)]).unwrap()
        )
    };
    let edit = format!("/il-mio-spazio/spazi/{dumbo}");
    // A form of another session (signed in again in another tab): nothing stored, and what
    // was typed comes back in this session's form, to send again.
    let mut typed = listing.clone();
    typed.description = "Scritta in una scheda vecchia.".into();
    let res = post(edit.clone(), with_base(form(&typed, "sbagliato")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = body_text(res).await;
    assert!(html.contains("Scritta in una scheda vecchia."));
    assert!(html.contains("non sono ancora state inviate"));
    assert_eq!(csrf_of(&html), csrf);
    // Nothing changed: said so.
    let res = post(edit.clone(), with_base(form(&listing, &csrf)))
        .await
        .unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("/il-mio-spazio/spazi/{dumbo}?invariata=1").as_str()
    );
    // The space form's checks, beside the fields, with what was typed.
    let mut bad = listing.clone();
    bad.name = String::new();
    bad.description = "Una descrizione nuova.".into();
    let res = post(edit.clone(), with_base(form(&bad, &csrf)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("Una descrizione nuova.") && html.contains("aria-invalid=\"true\""));
    // A good proposal: sent; the public page is as it was.
    let mut good = listing.clone();
    good.description = "La nuova descrizione di DumBO.".into();
    let res = post(edit.clone(), with_base(form(&good, &csrf)))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?inviate=1");
    let public = body_text(
        app.clone()
            .oneshot(get_req("/spazi/dumbo", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(!public.contains("La nuova descrizione di DumBO."));
    let area = body_text(get("/il-mio-spazio".into()).await.unwrap()).await;
    assert!(area.contains("in attesa dello staff"));

    // Staff see it, field by field, and approve it.
    create(&t, "staff@example.it", Role::Editor).await;
    let staff = http_sign_in(&app, "staff%40example.it").await;
    let staff_get = |uri: String| app.clone().oneshot(get_req(&uri, Some(&staff)));
    let list = body_text(staff_get("/admin/modifiche".into()).await.unwrap()).await;
    assert!(list.contains("gestore@example.it"));
    let id = pending_revision(&t).await;
    let detail = body_text(staff_get(format!("/admin/modifiche/{id}")).await.unwrap()).await;
    assert!(detail.contains("La nuova descrizione di DumBO."));
    let staff_csrf = csrf_of(&detail);
    let version = t.db.staff_space(dumbo).await.unwrap().unwrap().version;
    let decide = |body: String| {
        app.clone().oneshot(post_form(
            &format!("/admin/modifiche/{id}"),
            &body,
            Some(&staff),
            Some(ORIGIN),
        ))
    };
    // Not approving needs a reason.
    let res = decide(format!(
        "csrf={staff_csrf}&version={version}&azione=respingi&motivo="
    ))
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A stale page: shown again, nothing written.
    let res = decide(format!(
        "csrf={staff_csrf}&version={}&azione=approva",
        version - 1
    ))
    .await
    .unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("/admin/modifiche/{id}?superata=1").as_str()
    );
    let res = decide(format!(
        "csrf={staff_csrf}&version={version}&azione=approva"
    ))
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let public = body_text(
        app.clone()
            .oneshot(get_req("/spazi/dumbo", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(public.contains("La nuova descrizione di DumBO."));
    let mails = mails_to(&t, "gestore@example.it").await;
    assert!(mails
        .last()
        .unwrap()
        .contains("http://spazi.test/spazi/dumbo"));
    let area = body_text(get("/il-mio-spazio".into()).await.unwrap()).await;
    assert!(area.contains("Modifiche approvate"));
    t.finish().await;
}

#[tokio::test]
async fn inviting_a_colleague_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let (dumbo, big) = (
        space_id(&t, "dumbo").await,
        space_id(&t, "big-boost-innovation-garage").await,
    );
    manage(&t, dumbo, "gestore@example.it").await;
    let cookie = manager_cookie(&t, "gestore@example.it").await;
    let page = format!("/il-mio-spazio/gestori/{dumbo}");
    let res = app
        .clone()
        .oneshot(get_req(&page, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = body_text(res).await;
    assert!(html.contains("gestore@example.it") && html.contains("Chi gestisce DumBO"));
    let csrf = csrf_of(&html);
    let post = |uri: String, body: String| {
        app.clone()
            .oneshot(post_form(&uri, &body, Some(&cookie), Some(ORIGIN)))
    };
    // Another space: not found, read or written, in either language.
    for uri in [
        format!("/il-mio-spazio/gestori/{big}"),
        format!("/en/my-space/managers/{big}"),
    ] {
        let res = app
            .clone()
            .oneshot(get_req(&uri, Some(&cookie)))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{uri}");
        let res = post(uri.clone(), format!("csrf={csrf}&email=x%40example.it"))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{uri}");
    }
    let res = post(page.clone(), format!("csrf={csrf}&email=collega%40"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res).await.contains("id=\"invite-email-error\""));
    let res = post(
        page.clone(),
        format!("csrf={csrf}&email=Collega%40Example.it"),
    )
    .await
    .unwrap();
    let told = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(told.starts_with(&format!("{page}?invitato=collega%40example.it&a=")));
    let page_of = |uri: String| {
        let app = app.clone();
        let cookie = cookie.clone();
        async move { body_text(app.oneshot(get_req(&uri, Some(&cookie))).await.unwrap()).await }
    };
    assert!(page_of(told)
        .await
        .contains("collega@example.it ora gestisce lo spazio con te"));
    let mails = mails_to(&t, "collega@example.it").await;
    assert!(
        mails[0].contains("gestore@example.it")
            && mails[0].contains("http://spazi.test/il-mio-spazio")
    );
    // Invited again: nothing sent, and said so; a crafted notice says nothing.
    let res = post(
        page.clone(),
        format!("csrf={csrf}&email=collega%40example.it"),
    )
    .await
    .unwrap();
    let told = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(told, format!("{page}?gia=collega%40example.it"));
    assert!(page_of(told)
        .await
        .contains("collega@example.it gestisce già lo spazio"));
    assert_eq!(mails_to(&t, "collega@example.it").await.len(), 1);
    for crafted in [
        "invitato=collega%40example.it",
        "invitato=collega%40example.it&a=1",
    ] {
        let html = page_of(format!("{page}?{crafted}")).await;
        assert!(!html.contains("ora gestisce lo spazio con te"), "{crafted}");
    }
    t.finish().await;
}

/// A manager who uses the English area is written to in English: the sign-in link, and the
/// decision on a proposal sent from the English editor. The staff's list then names the
/// decision from the database: an address claiming another decision shows nothing.
#[tokio::test]
async fn a_manager_in_english_is_written_to_in_english() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let dumbo = space_id(&t, "dumbo").await;
    manage(&t, dumbo, "english@example.it").await;
    let res = app
        .clone()
        .oneshot(post_form(
            "/en/my-space",
            "email=english%40example.it",
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/en/my-space?inviato=1");
    // The link is made after the answer (so its time says nothing): wait for it.
    let mut mails = Vec::new();
    for _ in 0..200 {
        mails = mails_to(&t, "english@example.it").await;
        if !mails.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(
        mails[0].contains("http://spazi.test/en/my-space/sign-in/"),
        "{}",
        mails[0]
    );

    let cookie = manager_cookie(&t, "english@example.it").await;
    let edit = format!("/en/my-space/spaces/{dumbo}");
    let html = crate::staff::fetch_page(&app, &edit, Some(&cookie)).await;
    let csrf = csrf_of(&html);
    let listing = listing_input(&t, dumbo).await;
    let mut changed = listing.clone();
    changed.description = "Described in English.".into();
    let body = format!(
        "csrf={csrf}&{}&{}",
        serde_urlencoded::to_string(&changed).unwrap(),
        serde_urlencoded::to_string([("base", serde_json::to_string(&listing).unwrap())]).unwrap()
    );
    let res = app
        .clone()
        .oneshot(post_form(&edit, &body, Some(&cookie), Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/en/my-space?inviate=1");

    create(&t, "staff@example.it", Role::Editor).await;
    let staff = http_sign_in(&app, "staff%40example.it").await;
    let id = pending_revision(&t).await;
    let list = |query: String| {
        let uri = format!("/admin/modifiche{query}");
        let (app, staff) = (app.clone(), staff.clone());
        async move { crate::staff::fetch_page(&app, &uri, Some(&staff)).await }
    };
    // Not decided yet, or not a proposal: the address alone makes no notice.
    for query in [format!("?decisa={id}"), "?decisa=999999".into()] {
        assert!(!list(query).await.contains("role=\"status\""));
    }
    let detail = list(format!("/{id}")).await;
    let version = t.db.staff_space(dumbo).await.unwrap().unwrap().version;
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("/admin/modifiche/{id}"),
            &format!(
                "csrf={}&version={version}&azione=respingi&motivo=Troppo+breve",
                csrf_of(&detail)
            ),
            Some(&staff),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("/admin/modifiche?decisa={id}").as_str()
    );
    assert!(list(format!("?decisa={id}"))
        .await
        .contains("DumBO: modifiche non approvate"));
    let mails = mails_to(&t, "english@example.it").await;
    let decision = mails.last().unwrap();
    assert!(
        decision.contains("did not approve") && decision.contains("http://spazi.test/en/my-space"),
        "{decision}"
    );
    // The editor starts from the proposal staff did not approve, to correct it; or, asked,
    // from the listing.
    let again = crate::staff::fetch_page(&app, &edit, Some(&cookie)).await;
    assert!(again.contains("Described in English.") && again.contains("Troppo breve"));
    let afresh = crate::staff::fetch_page(&app, &format!("{edit}?da-capo=1"), Some(&cookie)).await;
    assert!(!afresh.contains("Described in English."));
    t.finish().await;
}
