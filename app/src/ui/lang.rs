//! The language of the page being rendered and its words, for every page and component.

use crate::i18n::{self, Lang};

/// The language of the current request (cookie), Italian by default.
pub fn current_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        crate::api::context::lang()
    }
    // Islands receive the language as a prop; there is no request to read in the browser.
    #[cfg(not(feature = "ssr"))]
    {
        leptos::prelude::use_context::<Lang>().unwrap_or_default()
    }
}

/// The words of the interface in the current language.
pub fn use_texts() -> &'static i18n::Texts {
    current_lang().texts()
}
