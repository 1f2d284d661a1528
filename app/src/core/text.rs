//! Pure text helpers shared by the server and the browser: accent folding, search keys, slugs.

/// Folds one character to its unaccented lower-case ASCII spelling where there is an obvious one
/// (the Latin letters used in Italian and its neighbours); other characters are lower-cased.
fn fold_char(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ç' | 'Ç' => "c",
        'ñ' | 'Ñ' => "n",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// The normalised form used for search: lower case, accents folded, every run of characters
/// that are neither letters nor digits turned into one space, trimmed.
/// "Città  Metropolitana!" and "citta metropolitana" give the same key.
pub fn search_key(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut folded);
    }
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether every word of `query` begins a word of `fields` (any order, case and accents
/// aside): "rossi an" and "Anna Rossi" find Anna Rossi, "niccolo" finds Niccolò; a word of
/// four letters or more may also sit inside one ("angelo" finds Dangelo); an empty query finds
/// everything.
pub fn finds_all_words(query: &str, fields: &[&str]) -> bool {
    // Each word of a field, and each with the words after it run together: "D'Àmato" is
    // "d amato", found by "amato", "d'amato" and "damato".
    let starts: Vec<String> = fields
        .iter()
        .flat_map(|f| {
            let key = search_key(f);
            let words: Vec<String> = key.split(' ').map(str::to_owned).collect();
            (0..words.len())
                .flat_map(move |i| [words[i].clone(), words[i..].concat()])
                .collect::<Vec<_>>()
        })
        .collect();
    search_key(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .all(|word| {
            let inside = word.chars().count() >= 4;
            starts
                .iter()
                .any(|s| s.starts_with(word) || (inside && s.contains(word)))
        })
}

/// A URL slug: ASCII lower case letters, digits and single hyphens, at most 80 bytes, never empty.
/// "BIG – Boost Innovation Garage" → "big-boost-innovation-garage".
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for word in search_key(text).split(' ') {
        let word: String = word.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        if word.is_empty() {
            continue;
        }
        if slug.len() + word.len() + 1 > 80 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    if slug.is_empty() {
        slug.push_str("spazio");
    }
    slug
}

/// `text` escaped for the inside of a `<textarea>` or `<title>`. Leptos writes the children of
/// those two elements as they are (they hold text that the browser does not parse as tags,
/// except their own end tag), so a value holding `</textarea>` would end the element and put
/// the rest of it into the page as markup. Every such child goes through this: `&` and `<`
/// become references, which the browser turns back into the same text.
pub fn escape_rcdata(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// Percent-encodes a query value (application/x-www-form-urlencoded, spaces as `+`).
pub fn query_encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The UTC calendar date (year, month 1–12, day 1–31) of a Unix time in seconds
/// (Howard Hinnant's days-to-civil algorithm).
pub fn civil_date(unix: i64) -> (i64, u32, u32) {
    let z = unix.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// `yyyy-mm-dd` (UTC) from Unix seconds.
pub fn iso_date(unix: i64) -> String {
    let (y, m, d) = civil_date(unix);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `s` cut to at most `max` characters, the cut marked with "…".
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_owned(),
        Some((end, _)) => format!("{}…", &s[..end]),
    }
}

/// `text` with its first letter in upper case (a message that opens a sentence).
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` cut into pieces, each marked `true` when it is a web address: `http://` or `https://`,
/// or `www.` opening a word, up to the next blank (a closing bracket or final punctuation stays
/// outside). A `www.` address is linked with `https://` before it ([`web_link_href`]).
pub fn web_links(text: &str) -> Vec<(&str, bool)> {
    let mut parts = Vec::new();
    let mut rest = text;
    let opens_word = |s: &str, at: usize| {
        s[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([«\"'".contains(c))
    };
    loop {
        let scheme = ["https://", "http://"]
            .iter()
            .filter_map(|scheme| rest.find(scheme))
            .min();
        let www = rest
            .match_indices("www.")
            .map(|(at, _)| at)
            .find(|&at| opens_word(rest, at));
        let Some(start) = scheme.into_iter().chain(www).min() else {
            break;
        };
        let tail = &rest[start..];
        let mut end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        // Never empty: what starts it ("www", "http://") is not trimmed away.
        end = tail[..end]
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '»', '"', '\''])
            .len();
        let address = &tail[..end];
        // A host with a dot (after the scheme, or after `www.`), or it is not an address.
        let host = match address.split_once("://") {
            Some((_, host)) => host,
            None => address.strip_prefix("www.").unwrap_or(""),
        };
        if start > 0 {
            parts.push((&rest[..start], false));
        }
        parts.push((
            address,
            host.split('/').next().is_some_and(|h| h.contains('.')),
        ));
        rest = &tail[end..];
    }
    if !rest.is_empty() {
        parts.push((rest, false));
    }
    parts
}

/// The link of a web address [`web_links`] found: `https://` before a bare `www.` one.
pub fn web_link_href(address: &str) -> String {
    if address.starts_with("www.") {
        format!("https://{address}")
    } else {
        address.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn web_addresses_in_text_are_found() {
        use super::web_links;
        assert_eq!(
            web_links("Bus 27 (https://www.tper.it/orari). Poi a piedi."),
            vec![
                ("Bus 27 (", false),
                ("https://www.tper.it/orari", true),
                ("). Poi a piedi.", false)
            ]
        );
        assert_eq!(web_links("nessun link"), vec![("nessun link", false)]);
        assert_eq!(
            web_links("http:// e basta"),
            vec![("http://", false), (" e basta", false)]
        );
        assert_eq!(
            web_links("javascript:alert(1)"),
            vec![("javascript:alert(1)", false)]
        );
        assert_eq!(
            web_links("Parcheggio: www.example.org/park."),
            vec![
                ("Parcheggio: ", false),
                ("www.example.org/park", true),
                (".", false)
            ]
        );
        assert_eq!(
            super::web_link_href("www.example.org"),
            "https://www.example.org"
        );
        // Not opening a word, or no dot after `www.`: text.
        assert_eq!(
            web_links("awww.example.org"),
            vec![("awww.example.org", false)]
        );
        assert_eq!(
            web_links("www. ecco"),
            vec![("www", false), (". ecco", false)]
        );
        assert_eq!(web_links(""), vec![]);
    }

    #[test]
    fn a_sentence_opens_in_upper_case() {
        use super::capitalised;
        assert_eq!(
            capitalised("l'evento è al completo"),
            "L'evento è al completo"
        );
        assert_eq!(capitalised("è"), "È");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn a_search_finds_names_in_any_order_without_accents() {
        let anna = ["Anna", "Rossi", "anna.rossi@example.it", "Dumbo"];
        for query in [
            "Anna Rossi",
            "rossi anna",
            "ROSS",
            "ros an",
            "anna.rossi@ex",
            "dumbo",
            "",
        ] {
            assert!(super::finds_all_words(query, &anna), "{query}");
        }
        for query in ["Anna Bianchi", "nna", "rossi-anna-x"] {
            assert!(!super::finds_all_words(query, &anna), "{query}");
        }
        let niccolo = ["Niccolò", "Lucà", "n@example.it", ""];
        assert!(super::finds_all_words("nicco luca", &niccolo));
        let damato = ["Nicolò", "D'Àmato", "", ""];
        for query in ["Damato", "d'amato", "amato", "nicolo dam"] {
            assert!(super::finds_all_words(query, &damato), "{query}");
        }
        // Inside a word from four letters: the middle of a surname written together.
        let dangelo = ["Rita", "Dangelo", "", ""];
        assert!(super::finds_all_words("angelo", &dangelo));
        assert!(
            !super::finds_all_words("ang", &dangelo),
            "three letters only begin a word"
        );
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(iso_date(1_654_527_600), "2022-06-06");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(-86_400), "1969-12-31");
    }

    use super::*;

    #[test]
    fn clipping_counts_characters_not_bytes() {
        assert_eq!(clip("Officina", 20), "Officina");
        assert_eq!(clip("àèìòù", 3), "àèì…");
        assert_eq!(clip(&"x".repeat(70_000), 5), "xxxxx…");
        assert_eq!(clip("abc", 3), "abc");
    }

    #[test]
    fn rcdata_cannot_end_its_element() {
        assert_eq!(
            escape_rcdata("a</textarea><b>&amp;"),
            "a&lt;/textarea>&lt;b>&amp;amp;"
        );
        assert_eq!(escape_rcdata("Caffè & co"), "Caffè &amp; co");
    }

    #[test]
    fn search_key_folds_accents_case_and_punctuation() {
        assert_eq!(search_key("Città  Metropolitana!"), "citta metropolitana");
        assert_eq!(
            search_key("  Opificio Golinelli – G-Factor "),
            "opificio golinelli g factor"
        );
        assert_eq!(search_key(""), "");
        assert_eq!(search_key("ÀÉÌÒÙ çß"), "aeiou css");
    }

    #[test]
    fn slugify_gives_stable_ascii_slugs() {
        assert_eq!(
            slugify("BIG – Boost Innovation Garage"),
            "big-boost-innovation-garage"
        );
        assert_eq!(
            slugify("Le Serre dei Giardini Margherita"),
            "le-serre-dei-giardini-margherita"
        );
        assert_eq!(
            slugify("MUG – Magazzini Generativi"),
            "mug-magazzini-generativi"
        );
        assert_eq!(slugify("Fa-Lab"), "fa-lab");
        assert_eq!(slugify("Città"), "citta");
    }

    #[test]
    fn slugify_never_returns_empty_or_unsafe() {
        for hostile in [
            "",
            "   ",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "☃☃☃",
            "%00",
        ] {
            let s = slugify(hostile);
            assert!(!s.is_empty());
            assert!(s
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            assert!(!s.starts_with('-') && !s.ends_with('-'));
        }
        assert!(slugify(&"parola ".repeat(100)).len() <= 80);
    }
}
