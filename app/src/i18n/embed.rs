//! Words of the builder of embeds and of the pages other sites frame
//! (`locales/<lang>/embed.ftl`).

use crate::core::lang::Lang;
use std::sync::LazyLock;

words! {
    pub struct EmbedTexts in "embed" {
        /// The footer's link to the builder.
        footer_link,
        builder_title,
        builder_intro,
        privacy_note,
        choices,
        what,
        what_map,
        what_events,
        kinds,
        kinds_hint,
        municipalities,
        municipalities_hint,
        map_only,
        list,
        list_hint,
        height,
        height_option(px: u32),
        language,
        update,
        preview,
        preview_hint,
        /// A link over the preview (a keyboard would tab through the whole map) to the code.
        skip_preview,
        code,
        code_hint,
        link,
        link_hint,
        oembed_hint,
        /// The `title` of the frames (what a screen reader announces).
        map_frame_title,
        events_frame_title,
        map_heading,
        events_heading,
        events_none,
        all_events,
        more_spaces(n: u32),
        credit,
        open_full_map,
        new_tab,
        data_licence,
        open_space,
        open_event,
        /// The live preview's status line after a change.
        updated,
        copy_code,
        copy_link,
        /// The status line beside a "copy" button, after it copied or when the browser refused.
        copied,
        copy_failed,
        /// An embedded map of a place with no space.
        no_spaces,
    }
}

impl EmbedTexts {
    /// The title of the frame of `widget`.
    pub fn frame_title(&self, widget: crate::core::embed::Widget) -> &'static str {
        match widget {
            crate::core::embed::Widget::Map => self.map_frame_title,
            crate::core::embed::Widget::Events => self.events_frame_title,
        }
    }
}

pub static EMBED_IT: LazyLock<EmbedTexts> = LazyLock::new(|| EmbedTexts::load(Lang::It));
pub static EMBED_EN: LazyLock<EmbedTexts> = LazyLock::new(|| EmbedTexts::load(Lang::En));
