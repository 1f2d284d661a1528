//! What one space looks like on the map (browser only): its marker, with an icon by kind, and
//! the popups, built as DOM nodes (text set with `textContent`, so names can never inject HTML).

use super::js::{div_icon, set};
use crate::core::paths;
use crate::core::view::MapMarker;
use crate::i18n::islands::MapWords;
use js_sys::Object;
use leaflet::{Icon, LatLng, Marker, MarkerOptions, Point};
use wasm_bindgen::prelude::*;

/// The marker of space `m` (number `index` on the map); icons are shared by the markers of the
/// same kinds.
pub(super) fn make_marker(
    m: &MapMarker,
    index: usize,
    icons: &mut std::collections::HashMap<String, Icon>,
    interactive: bool,
) -> Marker {
    let primary = m.kinds.first().map(|k| k.code()).unwrap_or("other");
    let letters: String = m.kinds.iter().map(|k| k.letter()).collect();
    let icon = icons
        .entry(format!("{primary}/{letters}"))
        .or_insert_with(|| kind_icon(primary, &letters))
        .clone();
    let options = MarkerOptions::new();
    options.set_icon(icon);
    options.set_title(m.name.clone());
    options.set_alt(m.name.clone());
    // A marker that opens nothing (a space's own map) is a picture, not a button.
    options.set_keyboard(interactive);
    options.set_interactive(interactive);
    options.set_rise_on_hover(interactive);
    set(&options, "spazi", index as f64);
    Marker::new_with_options(&LatLng::new(m.lat, m.lon), &options)
}

fn kind_icon(primary: &str, letters: &str) -> Icon {
    let icon_options = Object::new();
    set(
        &icon_options,
        "className",
        format!("space-marker space-marker--{primary}"),
    );
    // Static letters only, hidden from screen readers: the marker (a `role="button"`) is named by
    // its `title`, which Leaflet sets as an attribute — user text never goes through `html`.
    set(
        &icon_options,
        "html",
        format!("<span aria-hidden=\"true\">{letters}</span>"),
    );
    set(&icon_options, "iconSize", Point::new(30.0, 30.0));
    set(&icon_options, "iconAnchor", Point::new(15.0, 15.0));
    set(&icon_options, "popupAnchor", Point::new(0.0, -14.0));
    div_icon(&icon_options)
}

pub(super) fn popup(
    document: &web_sys::Document,
    m: &MapMarker,
    t: &MapWords,
) -> Result<JsValue, JsValue> {
    let root = document.create_element("div")?;
    root.set_class_name("map-popup");
    if m.photo {
        // The list card's photo and description when the card is on the page (the markers
        // document carries neither, to stay small); else the photo by the space's address,
        // decorative beside the name, as the space's page describes it.
        let card = slug_selector(&m.slug).and_then(|slug| {
            document
                .query_selector(&format!("li.space-card[data-slug=\"{slug}\"] img"))
                .ok()
                .flatten()
        });
        let (src, alt) = match card
            .as_ref()
            .and_then(|c| c.get_attribute("src").zip(c.get_attribute("alt")))
        {
            Some(found) => found,
            None => (paths::space_photo(&m.slug), String::new()),
        };
        let img = document.create_element("img")?;
        img.set_class_name("map-popup__photo");
        // The card's sizes, chosen for the popup's width (the card shows a thumbnail).
        if let Some(srcset) = card.as_ref().and_then(|c| c.get_attribute("srcset")) {
            img.set_attribute("srcset", &srcset)?;
            img.set_attribute("sizes", "15rem")?;
        }
        img.set_attribute("src", &src)?;
        img.set_attribute("alt", &alt)?;
        img.set_attribute("width", "240")?;
        img.set_attribute("height", "160")?;
        root.append_child(&img)?;
    }
    let title = document.create_element("p")?;
    title.set_class_name("map-popup__title");
    title.set_text_content(Some(&m.name));
    root.append_child(&title)?;
    let kinds: Vec<&str> = m.kinds.iter().map(|k| t.kind(*k)).collect();
    let meta = document.create_element("p")?;
    meta.set_class_name("map-popup__meta");
    meta.set_text_content(Some(&format!("{} · {}", kinds.join(", "), m.municipality)));
    root.append_child(&meta)?;
    if m.approximate {
        let note = document.create_element("p")?;
        note.set_class_name("map-popup__note");
        note.set_text_content(Some(t.approximate()));
        root.append_child(&note)?;
    }
    let link = document.create_element("a")?;
    link.set_class_name("map-popup__open");
    link.set_attribute("href", &space_link(&m.slug))?;
    link.set_text_content(Some(t.open_space()));
    root.append_child(&link)?;
    Ok(root.into())
}

/// A space's page, carrying the map's filter (the page's own query) so that its "back to the
/// map" returns to it (see `paths::space_from_map`), in the language of the page's address.
fn space_link(slug: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let read = |part: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location
            .as_ref()
            .and_then(|l| part(l).ok())
            .unwrap_or_default()
    };
    let (search, page) = (
        read(web_sys::Location::search),
        read(web_sys::Location::pathname),
    );
    let lang = paths::lang_of(&page).unwrap_or_default();
    paths::in_lang(
        &paths::space_from_map(slug, search.trim_start_matches('?')),
        lang,
    )
}

/// The popup of spaces that share one spot: their names, each a link to its page.
pub(super) fn cluster_popup(
    document: &web_sys::Document,
    members: &[&MapMarker],
    t: &MapWords,
) -> Result<JsValue, JsValue> {
    let root = document.create_element("div")?;
    root.set_class_name("map-popup");
    let title = document.create_element("p")?;
    title.set_class_name("map-popup__title");
    title.set_text_content(Some(&t.cluster_here(members.len())));
    root.append_child(&title)?;
    let list = document.create_element("ul")?;
    list.set_class_name("map-popup__list");
    for m in members {
        let item = document.create_element("li")?;
        let link = document.create_element("a")?;
        link.set_attribute("href", &space_link(&m.slug))?;
        link.set_text_content(Some(&m.name));
        item.append_child(&link)?;
        list.append_child(&item)?;
    }
    root.append_child(&list)?;
    Ok(root.into())
}

/// `slug` when it is safe inside a CSS attribute selector (slugs are `[a-z0-9-]`).
fn slug_selector(slug: &str) -> Option<&str> {
    slug.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        .then_some(slug)
}
