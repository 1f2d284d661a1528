//! The language of the page being rendered and its words, for every page and component.

use crate::i18n::{self, Lang};

/// The language of the current request (its address, else its cookie), Italian by default.
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

/// A link to a public page (its Italian address, as `core::paths` builds it, with any query and
/// fragment) in the language of the page being rendered: on an English page, its English twin.
pub fn link(target: &str) -> String {
    crate::core::paths::in_lang(target, current_lang())
}

/// "Now" for the page being rendered (the application's clock); pages render on the server
/// only, so the browser build has no use for it.
pub fn now() -> i64 {
    #[cfg(feature = "ssr")]
    {
        crate::api::context::now()
    }
    #[cfg(not(feature = "ssr"))]
    {
        0
    }
}
