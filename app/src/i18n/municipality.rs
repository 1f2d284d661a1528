//! Words of the municipalities' pages (`locales/<lang>/municipality.ftl`).

use crate::core::lang::Lang;
use std::sync::LazyLock;

words! {
    pub struct MunicipalityTexts in "municipality" {
        index_title,
        index_intro,
        spaces_count(n: i64),
        intro(n: usize, name: &str),
        outline(name: &str),
        outline_credit,
        spaces,
        no_spaces,
        join,
        events,
        no_events,
        all_events,
        embed,
        embed_hint(name: &str),
        embed_builder,
        on_map,
        /// The map page's link to the page of the municipality it is filtered by.
        link(name: &str),
        all,
    }
}

pub static MUNICIPALITY_IT: LazyLock<MunicipalityTexts> =
    LazyLock::new(|| MunicipalityTexts::load(Lang::It));
pub static MUNICIPALITY_EN: LazyLock<MunicipalityTexts> =
    LazyLock::new(|| MunicipalityTexts::load(Lang::En));
