//! The Fluent catalogue (server only): every word of the site, read from
//! `locales/<lang>/*.ftl`, embedded in the binary at build time. Italian is the fallback: a
//! message missing in English is said in Italian (the check in `i18n`'s tests keeps the two
//! languages complete). Messages without variables are formatted once, when the catalogue is
//! first used, and kept for the life of the process: a page's words cost a field read or one
//! hash lookup, never a Fluent call.

use crate::core::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The locale files of a language: (name, text).
type Files = &'static [(&'static str, &'static str)];

macro_rules! locale_files {
    ($lang:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../locales/", $lang, "/", $name)))),*]
    };
}

/// Every locale file, by language (the same names in each).
pub const FILES: [(Lang, Files); 2] = [
    (
        Lang::It,
        locale_files!("it": "embed.ftl", "events.ftl", "fields.ftl", "forms.ftl", "join.ftl", "mail.ftl", "managers.ftl", "map.ftl", "municipality.ftl", "review.ftl", "site.ftl", "staff.ftl", "validation.ftl"),
    ),
    (
        Lang::En,
        locale_files!("en": "embed.ftl", "events.ftl", "fields.ftl", "forms.ftl", "join.ftl", "mail.ftl", "managers.ftl", "map.ftl", "municipality.ftl", "review.ftl", "site.ftl", "staff.ftl", "validation.ftl"),
    ),
];

/// A value for a message's variable.
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Text(value)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(value: &'a String) -> Self {
        Arg::Text(value)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(value: $t) -> Self {
                Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(usize, u32, i64, u64);

struct Catalog {
    bundle: FluentBundle<FluentResource>,
    /// The messages without variables, formatted.
    words: HashMap<&'static str, &'static str>,
}

impl Catalog {
    fn load(lang: Lang, files: Files) -> Catalog {
        let id = lang
            .code()
            .parse()
            .expect("a language code is a language identifier");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around variables: the pages and e-mails are left to right.
        bundle.set_use_isolating(false);
        let mut ids: Vec<&'static str> = Vec::new();
        for (name, text) in files {
            let resource = FluentResource::try_new((*text).to_owned())
                .unwrap_or_else(|(_, errors)| panic!("locales/{}/{name}: {errors:?}", lang.code()));
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids.push(leak(m.id.name));
                }
            }
            if let Err(errors) = bundle.add_resource(resource) {
                panic!("locales/{}/{name}: {errors:?}", lang.code());
            }
        }
        let mut words = HashMap::new();
        for id in ids {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                words.insert(id, leak(&text));
            }
        }
        Catalog { bundle, words }
    }

    fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(*text),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::error!(key, ?errors, "a message could not be formatted");
        }
        Some(text.into_owned())
    }
}

/// Text kept for the life of the process (the catalogue is built once).
fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

static CATALOGS: LazyLock<Vec<(Lang, Catalog)>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(lang, files)| (*lang, Catalog::load(*lang, files)))
        .collect()
});

fn catalog(lang: Lang) -> &'static Catalog {
    let found = CATALOGS.iter().find(|(l, _)| *l == lang);
    &found.unwrap_or(&CATALOGS[0]).1
}

/// The catalogue's key for a field of a words struct: `join` + `sent_body` → `join-sent-body`
/// (`where_`, a keyword's escape, → `events-where`).
pub fn key(prefix: &str, field: &str) -> String {
    format!("{prefix}-{}", field.trim_end_matches('_').replace('_', "-"))
}

/// A message without variables; in Italian when the language lacks it; the key itself (and
/// an error in the log, once) when no language has it.
pub fn word(lang: Lang, key: &str) -> &'static str {
    if let Some(word) = catalog(lang).words.get(key) {
        return word;
    }
    if let Some(word) = catalog(Lang::It).words.get(key) {
        return word;
    }
    // Kept once per key: a missing word asked for on every request must not leak each time.
    static MISSING: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut missing = MISSING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(kept) = missing.iter().find(|k| **k == key) {
        return kept;
    }
    tracing::error!(key, "a word missing from the catalogue");
    let kept = leak(key);
    missing.push(kept);
    kept
}

/// A message with variables, formatted; in Italian when the language lacks it.
pub fn format(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    catalog(lang)
        .format(key, args)
        .or_else(|| catalog(Lang::It).format(key, args))
        .unwrap_or_else(|| {
            tracing::error!(key, "a message missing from the catalogue");
            key.to_owned()
        })
}

/// A message as the browser fills it in (the islands get their words this way, as props: no
/// Fluent in the WASM): its text with each variable written `{name}`. A message that chooses
/// by a number (`{ $n -> [one] … *[other] … }`) gives two: the variant for one (`[one]` or
/// `[1]`) and its default; a message that does not, the same text twice. In Italian when the
/// language lacks it; the key itself (and an error in the log) when no language has it.
pub fn template(lang: Lang, key: &str) -> (String, String) {
    let pattern = [lang, Lang::It]
        .into_iter()
        .find_map(|l| catalog(l).bundle.get_message(key)?.value());
    let Some(pattern) = pattern else {
        tracing::error!(key, "a message missing from the catalogue");
        return (key.to_owned(), key.to_owned());
    };
    let (mut one, mut other) = (String::new(), String::new());
    fill_template(pattern, true, &mut one);
    fill_template(pattern, false, &mut other);
    (one, other)
}

fn fill_template(pattern: &fluent_syntax::ast::Pattern<&str>, one: bool, out: &mut String) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement, VariantKey};
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    out.push('{');
                    out.push_str(id.name);
                    out.push('}');
                }
                Expression::Inline(
                    InlineExpression::StringLiteral { value }
                    | InlineExpression::NumberLiteral { value },
                ) => out.push_str(value),
                Expression::Inline(_) => {
                    tracing::error!("an island's message refers to another message or a function")
                }
                Expression::Select { variants, .. } => {
                    let is_one = |key: &VariantKey<&str>| match key {
                        VariantKey::Identifier { name } => *name == "one",
                        VariantKey::NumberLiteral { value } => *value == "1",
                    };
                    let variant = variants
                        .iter()
                        .find(|v| one && is_one(&v.key))
                        .or_else(|| variants.iter().find(|v| v.default));
                    if let Some(variant) = variant {
                        fill_template(&variant.value, one, out);
                    }
                }
            },
        }
    }
}

/// A message of the locale files: the file it is in, its id, the variables it uses.
type Found = (&'static str, String, Vec<String>);

/// The messages of some locale files, or the files' syntax errors.
fn messages(files: Files) -> Result<Vec<Found>, Vec<String>> {
    use fluent_syntax::ast;
    fn walk_pattern(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                walk_expression(expression, out);
            }
        }
    }
    fn walk_inline(e: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            ast::InlineExpression::Placeable { expression } => walk_expression(expression, out),
            _ => {}
        }
    }
    fn walk_expression(e: &ast::Expression<&str>, out: &mut Vec<String>) {
        match e {
            ast::Expression::Inline(inline) => walk_inline(inline, out),
            ast::Expression::Select { selector, variants } => {
                walk_inline(selector, out);
                for v in variants {
                    walk_pattern(&v.value, out);
                }
            }
        }
    }
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in files {
        match fluent_syntax::parser::parse(*text) {
            Ok(resource) => {
                for entry in resource.body {
                    if let ast::Entry::Message(m) = entry {
                        let mut vars = Vec::new();
                        if let Some(value) = &m.value {
                            walk_pattern(value, &mut vars);
                        }
                        vars.sort();
                        vars.dedup();
                        found.push((*name, m.id.name.to_owned(), vars));
                    }
                }
            }
            Err((_, parse_errors)) => {
                for e in parse_errors {
                    let line = text[..e.pos.start.min(text.len())].lines().count().max(1);
                    errors.push(format!("{name}:{line}: {}", e.kind));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

/// What is wrong with the locale files against the keys the code uses (key, variables): a
/// syntax error, a key missing in a language, a message no code uses, a message in another
/// file than its prefix's, variables that differ from the code's. One line each, naming the
/// file and the key. Empty when all is well.
pub fn check(files: &[(Lang, Files)], used: &[(String, Vec<&str>)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (lang, files) in files {
        let dir = format!("locales/{}", lang.code());
        let found = match messages(files) {
            Ok(found) => found,
            Err(errors) => {
                problems.extend(errors.into_iter().map(|e| format!("{dir}/{e}")));
                continue;
            }
        };
        for (key, vars) in used {
            let file = format!("{}.ftl", key.split('-').next().unwrap_or_default());
            match found.iter().find(|(_, id, _)| id == key) {
                None => problems.push(format!("{dir}/{file}: {key} is missing (the code uses it)")),
                Some((_, _, theirs)) => {
                    let mut ours: Vec<String> = vars.iter().map(|v| (*v).to_owned()).collect();
                    ours.sort();
                    if *theirs != ours {
                        problems.push(format!(
                            "{dir}/{file}: {key} uses the variables {:?}, the code gives {:?}",
                            theirs, ours
                        ));
                    }
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (file, id, _) in &found {
            if !seen.insert(id) {
                problems.push(format!("{dir}/{file}: {id} is defined twice"));
            }
            if !used.iter().any(|(key, _)| key == id) {
                problems.push(format!("{dir}/{file}: {id} is used by no code"));
            }
            let expected = format!("{}.ftl", id.split('-').next().unwrap_or_default());
            if *file != expected {
                problems.push(format!("{dir}/{file}: {id} belongs in {expected}"));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn used() -> Vec<(String, Vec<&'static str>)> {
        vec![
            ("mail-hello".to_owned(), vec![]),
            ("mail-count".to_owned(), vec!["n"]),
        ]
    }

    #[test]
    fn the_checks_name_the_file_and_the_key() {
        let good: Files = &[(
            "mail.ftl",
            "mail-hello = Ciao\nmail-count = { $n ->\n    [one] 1 spazio\n   *[other] { $n } spazi\n}\n",
        )];
        assert_eq!(check(&[(Lang::It, good)], &used()), Vec::<String>::new());

        let broken: Files = &[(
            "mail.ftl",
            "mail-hello = Hello\nmail-count = { $m } spaces\nmail-extra = Unused\n",
        )];
        assert_eq!(
            check(&[(Lang::En, broken)], &used()),
            vec![
                "locales/en/mail.ftl: mail-count uses the variables [\"m\"], the code gives [\"n\"]",
                "locales/en/mail.ftl: mail-extra is used by no code",
            ]
        );
        let missing: Files = &[("site.ftl", "mail-hello = Hello\n")];
        assert_eq!(
            check(&[(Lang::En, missing)], &used()),
            vec![
                "locales/en/mail.ftl: mail-count is missing (the code uses it)",
                "locales/en/site.ftl: mail-hello belongs in mail.ftl",
            ]
        );
        let syntax: Files = &[("mail.ftl", "mail-hello = Hello\nmail-count = { $n \n")];
        let problems = check(&[(Lang::En, syntax)], &used());
        assert!(
            problems[0].starts_with("locales/en/mail.ftl:2: "),
            "{problems:?}"
        );
    }

    #[test]
    fn the_locale_files_match_the_code() {
        let problems = check(&FILES, &super::super::keys_used());
        assert!(
            problems.is_empty(),
            "the locale files:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn templates_keep_the_variables_and_the_plural_variants() {
        assert_eq!(
            template(Lang::It, "forms-chars-left"),
            (
                "{left} carattere disponibile su {max}".to_owned(),
                "{left} caratteri disponibili su {max}".to_owned()
            )
        );
        let (one, other) = template(Lang::En, "map-cluster-here");
        assert_eq!(
            (one.as_str(), other.as_str()),
            ("{n} spaces at this spot", "{n} spaces at this spot")
        );
    }

    #[test]
    fn words_come_from_the_files_with_their_variables() {
        assert_eq!(word(Lang::It, "mail-greeting"), "Buongiorno,");
        assert_eq!(
            format(Lang::En, "mail-greeting-to", &[("name", Arg::from("Anna"))]),
            "Hello Anna,"
        );
    }
}
