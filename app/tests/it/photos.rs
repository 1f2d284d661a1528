//! Spaces' photos against real databases and over HTTP: a manager's upload (refused with the
//! reason beside the field and everything typed kept; kept across a form shown again), stored
//! without its metadata, seen by its uploader and staff only until staff approve it, then
//! public with long-lived caching on the space page, the cards and the map; anonymous uploads
//! never decoded; unused photos deleted.

use crate::http::app;
use crate::managers::space_id;
use crate::staff::{
    body_text, create, csrf_of, fetch_page, get_req, http_sign_in, post_form, NOW, ORIGIN,
};
use crate::support::{on_both_backends, TestDb};
use app::core::model::{PhotoSize, Role};
use app::core::validate::space::SpaceInput;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

/// A photo with detail (gradients), as a phone would send it: a JPEG with an EXIF block that
/// holds a GPS position and the owner's name.
pub(crate) fn phone_photo(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x * y) % 256) as u8])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&img)
        .unwrap();
    let mut app1 = b"Exif\0\0II*\0\x08\0\0\0\0\0\0\0\0\0".to_vec();
    app1.extend_from_slice(b"GPSLatitude 44.4949 N GPSLongitude 11.3426 E Owner Mario Rossi");
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A space form with the file field `photo_file`, as a browser sends it.
fn post_multipart(
    uri: &str,
    fields: &[(String, String)],
    file: Option<&[u8]>,
    cookie: Option<&str>,
) -> Request<Body> {
    let name = if file.is_some() { "foto.jpg" } else { "" };
    let file = ("photo_file", name, "image/jpeg", file.unwrap_or_default());
    crate::staff::post_multipart(uri, fields, file, cookie)
}

/// The space form's fields for `input`, with the CSRF token and the base.
fn fields(input: &SpaceInput, csrf: &str, base: &str) -> Vec<(String, String)> {
    let encoded = serde_urlencoded::to_string(input).unwrap();
    let mut out: Vec<(String, String)> = url::form_urlencoded::parse(encoded.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    out.insert(0, ("csrf".into(), csrf.into()));
    out.insert(1, ("base".into(), base.into()));
    out
}

async fn photo_count(t: &TestDb) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM photos")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    n
}

#[tokio::test]
async fn a_managers_photo_from_the_upload_to_the_public_page() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let crate::managers::Editor {
        dumbo,
        cookie,
        edit,
        html,
        listing,
    } = crate::managers::dumbo_editor(&t, &app).await;
    assert!(html.contains("enctype=\"multipart/form-data\""));
    assert!(html.contains("accept=\"image/jpeg,image/png,image/webp\""));
    let csrf = csrf_of(&html);
    let base = serde_json::to_string(&listing).unwrap();
    let send = |input: SpaceInput, file: Option<Vec<u8>>, cookie: Option<String>| {
        let req = post_multipart(
            &edit,
            &fields(&input, &csrf, &base),
            file.as_deref(),
            cookie.as_deref(),
        );
        app.clone().oneshot(req)
    };
    let mut typed = listing.clone();
    typed.description = "Con una foto nuova.".into();

    // Not a photo: said beside the field, in Italian, with everything typed kept.
    let res = send(
        typed.clone(),
        Some(b"<script>alert(1)</script>".to_vec()),
        Some(cookie.clone()),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("id=\"photo-error\""), "{html}");
    assert!(html.contains("non è una foto in formato JPEG, PNG o WebP"));
    assert!(html.contains("Con una foto nuova."));
    assert!(!html.contains("<script>alert(1)"));
    assert_eq!(photo_count(&t).await, 0);

    // Too small to show: said so.
    let res = send(
        typed.clone(),
        Some(phone_photo(200, 120)),
        Some(cookie.clone()),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res).await.contains("almeno 300 × 200 pixel"));

    // A photo without its description: the description is asked for, and the upload is kept
    // (the form comes back naming it, with its preview) so it need not be chosen again.
    let upload = phone_photo(1600, 1200);
    assert!(contains(&upload, b"GPSLatitude"));
    let res = send(typed.clone(), Some(upload.clone()), Some(cookie.clone()))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("id=\"photo_alt-error\""));
    let (digest,): (String,) = sqlx::query_as("SELECT digest FROM photos")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    assert!(html.contains(&format!("name=\"photo\" value=\"{digest}\"")));
    assert!(html.contains(&format!("/il-mio-spazio/foto/{digest}-360.jpg")));
    assert!(html.contains("Con una foto nuova."));

    // The uploader and staff see it; nobody else, and not at the public address yet.
    let card = format!("{digest}-360.jpg");
    let res = app
        .clone()
        .oneshot(get_req(
            &format!("/il-mio-spazio/foto/{card}"),
            Some(&cookie),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "image/jpeg");
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    assert!(!contains(&bytes, b"GPSLatitude") && !contains(&bytes, b"Mario Rossi"));
    assert!(!contains(&bytes, b"Exif"));
    let decoded = image::load_from_memory(&bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (360, 240));
    for (uri, who) in [
        (format!("/foto/{card}"), None),
        (format!("/il-mio-spazio/foto/{card}"), None),
        (format!("/admin/foto/{card}"), None),
        (format!("/admin/foto/{card}"), Some(cookie.clone())),
    ] {
        let res = app
            .clone()
            .oneshot(get_req(&uri, who.as_deref()))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{uri}");
    }

    // Anonymous, the same post: to the sign-in (the text kept for this browser), and the
    // file never decoded nor stored.
    let before = photo_count(&t).await;
    let res = send(typed.clone(), Some(phone_photo(900, 600)), None)
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?scaduta=1");
    assert_eq!(photo_count(&t).await, before);

    // With its description: proposed.
    let mut with_photo = typed.clone();
    with_photo.photo = digest.clone();
    with_photo.photo_alt = "La sala comune con i tavoli di lavoro".into();
    let res = send(with_photo, None, Some(cookie.clone())).await.unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?inviate=1");

    // Staff see the photo in the proposal, and approve it.
    create(&t, "staff@example.it", Role::Editor).await;
    let staff = http_sign_in(&app, "staff%40example.it").await;
    let id = crate::managers::pending_revision(&t).await;
    let detail = fetch_page(&app, &format!("/admin/modifiche/{id}"), Some(&staff)).await;
    assert!(detail.contains(&format!("src=\"/admin/foto/{card}\"")));
    let res = app
        .clone()
        .oneshot(get_req(&format!("/admin/foto/{card}"), Some(&staff)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let version = t.db.staff_space(dumbo).await.unwrap().unwrap().version;
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("/admin/modifiche/{id}"),
            &format!("csrf={}&version={version}&azione=approva", csrf_of(&detail)),
            Some(&staff),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Public now: the page (with its text alternative), the card's size, the map's markers.
    let page = fetch_page(&app, "/spazi/dumbo", None).await;
    assert!(page.contains(&format!("/foto/{digest}-1200.jpg")));
    assert!(page.contains("alt=\"La sala comune con i tavoli di lavoro\""));
    assert!(page.contains(&format!(
        "<meta property=\"og:image\" content=\"http://spazi.test/foto/{digest}-1200.jpg\""
    )));
    let res = app
        .clone()
        .oneshot(get_req(&format!("/foto/{card}"), None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CACHE_CONTROL],
        "public, max-age=86400"
    );
    let etag = res.headers()[header::ETAG].to_str().unwrap().to_owned();
    let mut again = get_req(&format!("/foto/{card}"), None);
    again
        .headers_mut()
        .insert(header::IF_NONE_MATCH, etag.parse().unwrap());
    let res = app.clone().oneshot(again).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
    // Each of its sizes at its own address; the page offers them all to the browser.
    for size in PhotoSize::ALL {
        let file = format!("/foto/{digest}-{}.jpg", size.width());
        // The space page offers all but the thumbnail, the list's cards the two smallest.
        if size != PhotoSize::Thumb {
            assert!(
                page.contains(&format!("{file} {}w", size.width())),
                "{file}"
            );
        }
        let bytes = axum::body::to_bytes(
            app.clone()
                .oneshot(get_req(&file, None))
                .await
                .unwrap()
                .into_body(),
            1 << 20,
        )
        .await
        .unwrap();
        let decoded = image::load_from_memory(&bytes).unwrap();
        let width = size.width();
        assert_eq!((decoded.width(), decoded.height()), (width, width * 2 / 3));
    }
    // The map's markers say it has one; its popup finds it by the space's address.
    let markers = fetch_page(&app, "/api/spazi/mappa.txt", None).await;
    assert!(markers
        .lines()
        .any(|l| l.starts_with("DumBO\t") && l.ends_with("\t1")));
    let res = app
        .clone()
        .oneshot(get_req("/foto/spazio/dumbo", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "public, max-age=300");
    for unknown in [
        "/foto/spazio/nessuno",
        "/foto/spazio/big-boost-innovation-garage",
    ] {
        let res = app.clone().oneshot(get_req(unknown, None)).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{unknown}");
    }
    // The list's card: the thumbnail, and the card's size for 3× screens.
    let home = fetch_page(&app, "/", None).await;
    assert!(home.contains(&format!("src=\"/foto/{digest}-240.jpg\"")));
    assert!(home.contains(&format!(
        "srcset=\"/foto/{digest}-240.jpg 240w, /foto/{card} 360w\""
    )));
    // A name that is not a photo's: not found, never a server error.
    for uri in [
        "/foto/..%2F..%2Fetc-360.jpg",
        "/foto/abc-360.jpg",
        "/foto/x",
    ] {
        let res = app.clone().oneshot(get_req(uri, None)).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{uri}");
    }
    t.finish().await;
}

#[tokio::test]
async fn staff_replace_and_remove_a_photo_and_nothing_typed_is_lost() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "staff@example.it", Role::Editor).await;
    let staff = http_sign_in(&app, "staff%40example.it").await;
    let dumbo = space_id(&t, "dumbo").await;
    let uri = format!("/admin/spazi/{dumbo}");
    let html = fetch_page(&app, &uri, Some(&staff)).await;
    assert!(html.contains("enctype=\"multipart/form-data\""));
    // The status buttons post as before (url-encoded), whatever the form's encoding.
    assert!(html.contains("formenctype=\"application/x-www-form-urlencoded\""));
    let csrf = csrf_of(&html);
    let space = t.db.staff_space(dumbo).await.unwrap().unwrap();
    let base = serde_json::to_string(&space.current.as_input()).unwrap();
    let mut typed = space.current.as_input();
    typed.name = "DumBO – nome nuovo".into();
    typed.photo_alt = "L'ingresso di DumBO".into();
    let mut form = fields(&typed, &csrf, &base);
    form.push(("version".into(), space.version.to_string()));
    let send = |form: Vec<(String, String)>, file: Option<Vec<u8>>| {
        app.clone()
            .oneshot(post_multipart(&uri, &form, file.as_deref(), Some(&staff)))
    };
    // Without a file, a url-encoded post keeps the forms' usual bound (the photo's is for
    // multipart posts).
    let huge = format!("csrf={csrf}&description={}", "a".repeat(100 * 1024));
    let res = app
        .clone()
        .oneshot(post_form(&uri, &huge, Some(&staff), Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // Over the limit: the reason beside the field, the typed name kept.
    let big = vec![0xFFu8; app::backend::photos::MAX_BYTES + 1];
    let res = send(form.clone(), Some(big)).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("al massimo 10 MB"), "{html}");
    assert!(html.contains("DumBO – nome nuovo"));
    // A PNG: saved with the rest of the form.
    let png = {
        let img = image::RgbImage::from_pixel(900, 600, image::Rgb([20, 120, 200]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    };
    let res = send(form.clone(), Some(png)).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let saved = t.db.staff_space(dumbo).await.unwrap().unwrap();
    assert_eq!(saved.current.name, "DumBO – nome nuovo");
    assert_eq!(
        saved.current.photo_alt.as_deref(),
        Some("L'ingresso di DumBO")
    );
    let digest = saved.current.photo.clone().unwrap();
    // Audited like any field.
    let trail = t.db.audit_trail("space", dumbo).await.unwrap();
    assert!(trail[0]
        .after_json
        .as_deref()
        .unwrap_or("")
        .contains(&digest));
    // Removed: the box ticked.
    let mut form = fields(
        &saved.current.as_input(),
        &csrf,
        &serde_json::to_string(&saved.current.as_input()).unwrap(),
    );
    form.push(("version".into(), saved.version.to_string()));
    form.push(("photo_remove".into(), "1".into()));
    let res = send(form, None).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let removed = t.db.staff_space(dumbo).await.unwrap().unwrap();
    assert_eq!(
        (removed.current.photo, removed.current.photo_alt),
        (None, None)
    );
    t.finish().await;
}

async fn unused_photos_are_deleted(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let mut names = Vec::new();
    for width in [600, 700, 800] {
        let photo = app::backend::photos::process(&phone_photo(width, 400)).unwrap();
        t.db.store_photo(&photo, "staff", NOW).await.unwrap();
        names.push(photo.digest);
    }
    // One shown by a listing, one named by a waiting proposal, one by nothing.
    sqlx::query("UPDATE spaces SET photo = $1, photo_alt = 'x' WHERE slug = 'dumbo'")
        .bind(&names[0])
        .execute(t.db.pool())
        .await
        .unwrap();
    let big = {
        let (id,): (i64,) =
            sqlx::query_as("SELECT id FROM spaces WHERE slug = 'big-boost-innovation-garage'")
                .fetch_one(t.db.pool())
                .await
                .unwrap();
        id
    };
    t.db.add_space_manager(
        big,
        "g@example.it",
        app::backend::db::ManagerSource::Staff,
        (None, ""),
        NOW,
    )
    .await
    .unwrap();
    let proposed = format!("{{\"photo\":\"{}\"}}", names[1]);
    t.db.propose_revision(
        big,
        "g@example.it",
        "it",
        ("{}", &proposed),
        serde_json::json!({}),
        NOW,
    )
    .await
    .unwrap()
    .unwrap();
    // Within the day: none goes.
    assert_eq!(t.db.delete_unused_photos(NOW).await.unwrap(), 0);
    assert_eq!(t.db.delete_unused_photos(NOW + 1).await.unwrap(), 1);
    assert!(t.db.has_photo(&names[0]).await.unwrap());
    assert!(t.db.has_photo(&names[1]).await.unwrap());
    assert!(!t.db.has_photo(&names[2]).await.unwrap());
    // Stored again (the same upload): kept, its day starting again.
    let photo = app::backend::photos::process(&phone_photo(600, 400)).unwrap();
    t.db.store_photo(&photo, "staff", NOW + 10).await.unwrap();
    assert_eq!(photo_count(t).await, 2);
}
on_both_backends!(unused_photos_are_deleted);

/// A photo stored before the thumbnails' and phones' sizes existed: the larger size is served
/// at their addresses until maintenance makes them (once), then the smaller pictures.
async fn older_photos_get_their_new_sizes(t: &TestDb) {
    let mut names = Vec::new();
    for width in [1500, 1600] {
        let photo = app::backend::photos::process(&phone_photo(width, 1000)).unwrap();
        t.db.store_photo(&photo, "staff", NOW).await.unwrap();
        names.push(photo.digest);
    }
    sqlx::query("UPDATE photos SET thumb = NULL, phone = NULL")
        .execute(t.db.pool())
        .await
        .unwrap();
    let names = &names;
    let bytes = |size| async move {
        let photo = t.db.photo(&names[0], size).await.unwrap().unwrap();
        photo.bytes
    };
    assert_eq!(bytes(PhotoSize::Thumb).await, bytes(PhotoSize::Card).await);
    assert_eq!(bytes(PhotoSize::Phone).await, bytes(PhotoSize::Page).await);
    assert_eq!(
        app::backend::maintenance::photo_sizes(&t.db).await.unwrap(),
        4
    );
    assert_eq!(
        app::backend::maintenance::photo_sizes(&t.db).await.unwrap(),
        0
    );
    for size in [PhotoSize::Thumb, PhotoSize::Phone] {
        let picture = image::load_from_memory(&bytes(size).await).unwrap();
        let width = size.width();
        assert_eq!((picture.width(), picture.height()), (width, width * 2 / 3));
    }
}
on_both_backends!(older_photos_get_their_new_sizes);
