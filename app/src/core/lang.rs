//! The two languages of the interface: Italian first, English second. The words themselves are
//! in `i18n`; the language is part of `core` because dates are formatted in it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    It,
    En,
}

/// Name of the cookie that remembers the language (of the pages whose address does not say it).
pub const LANG_COOKIE: &str = "lang";

/// The request header through which the server hands on the language a page's address decided
/// (`web::language` sets it, after removing any a client sent).
pub const URL_LANG_HEADER: &str = "x-spazi-lang";

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "it" => Some(Lang::It),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Self {
        match self {
            Lang::It => Lang::En,
            Lang::En => Lang::It,
        }
    }

    /// Reads the language from a `Cookie` header value.
    pub fn from_cookie_header(header: &str) -> Option<Self> {
        header.split(';').find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == LANG_COOKIE)
                .then(|| Lang::from_code(value.trim()))
                .flatten()
        })
    }
}
