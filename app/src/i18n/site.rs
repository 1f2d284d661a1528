//! Words of the public site: the map, the filters, a space's page, open data, the layout
//! (`locales/<lang>/site.ftl`).

use crate::core::lang::Lang;
use std::sync::LazyLock;

words! {
    pub struct SiteTexts in "site" {
        /// The kinds of organisation that run a space.
        organisation_kind_company,
        organisation_kind_association,
        organisation_kind_cooperative,
        organisation_kind_public_body,
        organisation_kind_university,
        organisation_kind_foundation,
        organisation_kind_other,
        /// The kinds of space.
        kind_coworking,
        kind_fablab,
        kind_incubator_accelerator,
        /// The warning on a space's page when its position is not exact, and its short form
        /// (cards, the map's popups).
        precision_note_approximate,
        precision_note_municipality,
        /// Getting there: directions to an exact position, or a search for the address.
        directions,
        open_in_maps,
        search_address,
        position_by_address,
        precision_short,
        site_name,
        forum_name,
        owner,
        skip_to_content,
        /// The name of the trail of links above a page's title.
        breadcrumb,
        /// The name of the site's menu (for screen readers' list of landmarks).
        nav_main,
        /// The phone header's menu button.
        menu,
        /// A post refused for its size.
        form_too_large,
        nav_map,
        /// The switch's label, written in the *other* language.
        switch_language,
        home_title,
        home_intro,
        home_description,
        filters_heading,
        filter_kind,
        filter_all_kinds,
        filter_municipality,
        filter_all_municipalities,
        filter_search,
        filter_search_hint,
        filter_apply,
        filter_clear,
        results(n: usize),
        no_results,
        list_heading,
        /// The list's page navigation: its label, "page n of m", previous and next.
        pagination_label,
        page_of(n: u32, m: u32),
        page_previous,
        page_next,
        /// "Page n" for a page link's accessible name.
        page_n(n: u32),
        legend,
        map_needs_js,
        address,
        municipality,
        kinds,
        contacts,
        website,
        email,
        phone,
        no_contacts,
        organisation,
        run_by,
        organisation_kind,
        position,
        data_source,
        source_join_form,
        source_staff,
        confirmed_on(date: &str),
        confirmed_stale(date: &str),
        not_confirmed,
        back_to_map,
        /// Sharing a space's page: the heading, by e-mail, its address.
        share,
        share_email,
        share_link,
        not_found_title,
        not_found_text,
        error_title,
        error_text,
        footer_service,
        footer_contact,
        nav_open_data,
        open_data_title,
        open_data_intro,
        open_data_formats,
        open_data_geojson,
        open_data_csv,
        open_data_csv_excel,
        open_data_filters,
        open_data_example,
        open_data_fields,
        open_data_confirmed,
        open_data_precision,
        open_data_cache,
        download_filtered,
        footer_data,
    }
}

pub static SITE_IT: LazyLock<SiteTexts> = LazyLock::new(|| SiteTexts::load(Lang::It));

pub static SITE_EN: LazyLock<SiteTexts> = LazyLock::new(|| SiteTexts::load(Lang::En));
