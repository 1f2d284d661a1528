//! The shape of the code, kept by a test (in the spirit of rust-analyzer's tidy tests).
//!
//! `app/src` is built in layers whose dependencies run one way:
//!
//! ```text
//! web → ui → api → backend → i18n → core
//! ```
//!
//! A file may use its own layer and the layers to its right, never one to its left, and no set
//! of files may reach each other in a circle. This test reads every file under `app/src`,
//! follows its `crate::` and `super::` paths (tests aside, comments and strings ignored) to the
//! files they name, and fails naming the line of every dependency against the order and every
//! circle. A module's relative paths to its own children are not followed: a module and the
//! files under it are one unit.
//!
//! Every file but `lib.rs` (which only declares the layers) belongs to a layer; a file
//! outside them that a layer uses is reported too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, bottom first, by the top-level module that holds them.
const LAYERS: [&str; 6] = ["core", "i18n", "backend", "api", "ui", "web"];

#[test]
fn dependencies_run_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    read_tree(&root, &root, &mut files);
    let problems = check(&files);
    assert!(
        problems.is_empty(),
        "the layers are broken:\n{}",
        problems.join("\n")
    );
}

/// The checker itself catches a dependency against the order and a circle, and lets the right
/// direction, tests and comments through.
#[test]
fn the_check_names_what_breaks_the_layers() {
    let tree = |entries: &[(&str, &str)]| -> BTreeMap<String, String> {
        entries
            .iter()
            .map(|(p, s)| (p.to_string(), s.to_string()))
            .collect()
    };
    let good = tree(&[
        ("core.rs", "pub mod model;"),
        ("core/model.rs", "pub struct Kind;"),
        (
            "backend.rs",
            "use crate::core::model::Kind;\n// crate::web::x in a comment\nfn f() -> &'static str { \"crate::web::x\" }\n#[cfg(test)]\nmod tests { use crate::web::run; }",
        ),
        ("web.rs", "use crate::{backend, core::model::{self, Kind}};\npub fn run() {}"),
    ]);
    assert_eq!(check(&good), Vec::<String>::new());

    let back_edge = tree(&[
        ("core.rs", "pub mod model;"),
        (
            "core/model.rs",
            "pub struct Kind;\n\nfn f() { crate::backend::g(); }",
        ),
        ("backend.rs", "pub fn g() {}"),
    ]);
    assert_eq!(
        check(&back_edge),
        vec!["core/model.rs:3: `core` uses `backend.rs`, a layer above it".to_string()]
    );

    let circle = tree(&[
        ("ui.rs", "pub mod a; pub mod b;"),
        ("ui/a.rs", "use super::b::B; pub struct A;"),
        ("ui/b.rs", "use crate::ui::a::A; pub struct B;"),
    ]);
    assert_eq!(
        check(&circle),
        vec!["a circle of files: ui/a.rs:1 → ui/b.rs:1 → ui/a.rs".to_string()]
    );
}

/// Every word people read is in the locale files (`locales/<lang>/*.ftl`), none in the code.
/// Every word of the interface has an Italian version, so a string literal in Italian outside
/// the tests means words written in Rust (their English beside them); an English sentence
/// (a capital, three words or more, a full stop) is caught too. Paths, keys and the like have
/// no spaces and are let through unless accented. What else is let through is listed below,
/// with why.
#[test]
fn no_words_in_the_code() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = BTreeMap::new();
    for dir in ["src", "../server/src"] {
        let root = manifest.join(dir);
        let mut tree = BTreeMap::new();
        read_tree(&root, &root, &mut tree);
        files.extend(tree.into_iter().map(|(f, s)| (format!("{dir}/{f}"), s)));
    }
    let problems = words_in(&files);
    assert!(
        problems.is_empty(),
        "words in the code (move them to locales/<lang>/*.ftl):\n{}",
        problems.join("\n")
    );
}

/// The literals of a tree of files that look like words for people, as `file:line: "text"`.
fn words_in(files: &BTreeMap<String, String>) -> Vec<String> {
    /// Data, not the interface's words: the launch event as seeded (in both languages), the
    /// generated spaces of the benchmarks, the names of days and months (the date code formats
    /// dates, in both languages), the operator's command line (in English, like the docs).
    const DATA_FILES: [&str; 5] = [
        "src/backend/db/events.rs",
        "src/backend/db/synthetic.rs",
        "src/core/datetime.rs",
        "src/backend/cli.rs",
        "../server/src/main.rs",
    ];
    /// Words the code compares against, not shows: the Italian words a name's comparison
    /// ignores, and the headers and values an imported file may use. Names, the same in every
    /// language: an organiser's, the open data's attribution, the sender's (a setting's
    /// default), the calendar files' producer.
    const MATCHED: [&str; 6] = [
        "src/backend/review.rs",
        "src/core/import_columns.rs",
        "src/ui/pages/admin/events.rs:Città metropolitana di Bologna – Progetti d'impresa",
        "src/backend/exports.rs:Città metropolitana di Bologna – Forum metropolitano degli spazi per l'innovazione",
        "src/backend/context.rs:Spazi per l'innovazione <noreply@spazi.localhost>",
        "src/core/calendar.rs:PRODID:-//Città metropolitana di Bologna//Spazi per l'innovazione//IT",
    ];
    const ITALIAN: [&str; 24] = [
        "il", "lo", "la", "gli", "di", "del", "della", "dei", "delle", "un", "una", "per", "con",
        "che", "non", "sono", "alla", "nel", "nella", "questo", "questa", "spazio", "gentile",
        "scrivi",
    ];
    let mut problems = Vec::new();
    for (file, source) in files {
        if DATA_FILES.contains(&file.as_str()) || MATCHED.contains(&file.as_str()) {
            continue;
        }
        let (blanked, strings) = lex(source);
        let tests = test_items(&blanked);
        let chars: Vec<char> = source.chars().collect();
        for (start, end) in strings {
            if tests.iter().any(|(a, b)| (*a..*b).contains(&start)) {
                continue;
            }
            let text: String = chars[start..end]
                .iter()
                .collect::<String>()
                .trim_start_matches(['r', '#'])
                .trim_end_matches('#')
                .trim_matches('"')
                .to_owned();
            let words: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '_')
                .filter(|w| !w.is_empty())
                .collect();
            let accented = text.chars().any(|c| "àèéìòùÀÈÉÌÒÙ".contains(c));
            let italian = text.contains(' ')
                && words
                    .iter()
                    .any(|w| ITALIAN.contains(&w.to_lowercase().as_str()));
            let sentence = text.chars().next().is_some_and(char::is_uppercase)
                && text.split_whitespace().count() >= 3
                && text.trim_end().ends_with(['.', '!', '?', '…']);
            let sql = [
                "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "CREATE", "PRAGMA",
            ]
            .iter()
            .any(|k| text.trim_start().starts_with(k));
            let allowed = MATCHED.contains(&format!("{file}:{text}").as_str());
            if (accented || italian || sentence) && !sql && !allowed {
                let line = chars[..start].iter().filter(|&&c| c == '\n').count() + 1;
                problems.push(format!("{file}:{line}: {text:?}"));
            }
        }
    }
    problems
}

/// The check finds words in Italian or English sentences, not keys, paths, tests or comments.
#[test]
fn the_words_check_finds_words() {
    let tree: BTreeMap<String, String> = [(
        "src/web/x.rs".to_string(),
        concat!(
            "// Questo campo è obbligatorio.\n",
            "const KEY: &str = \"site-results\";\n",
            "fn a() -> &'static str { \"/eventi/lancio\" }\n",
            "fn b() -> &'static str { \"Scegli una delle opzioni\" }\n",
            "fn c() -> &'static str { r#\"The form could not be sent.\"# }\n",
            "#[cfg(test)]\nmod tests { const T: &str = \"Questo campo è obbligatorio.\"; }\n",
        )
        .to_string(),
    )]
    .into();
    assert_eq!(
        words_in(&tree),
        vec![
            "src/web/x.rs:4: \"Scegli una delle opzioni\"".to_string(),
            "src/web/x.rs:5: \"The form could not be sent.\"".to_string(),
        ]
    );
}

/// Every `.rs` file under `dir`, by its path relative to `root` (with `/`).
fn read_tree(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("app/src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            read_tree(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy();
            let rel = rel.replace('\\', "/");
            files.insert(rel, std::fs::read_to_string(&path).expect("a source file"));
        }
    }
}

/// Problems found in a tree of files (path → source), in a stable order.
fn check(files: &BTreeMap<String, String>) -> Vec<String> {
    // Module path → file.
    let modules: BTreeMap<Vec<String>, &str> =
        files.keys().map(|f| (module_of(f), f.as_str())).collect();
    let layer_of = |file: &str| -> Option<usize> {
        let top = module_of(file).into_iter().next()?;
        LAYERS.iter().position(|l| *l == top)
    };
    let mut problems: Vec<String> = files
        .keys()
        .filter(|f| *f != "lib.rs" && layer_of(f).is_none())
        .map(|f| format!("{f}: in no layer (move it under one of {LAYERS:?})"))
        .collect();
    // file → (used file → first line).
    let mut edges: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for (file, source) in files {
        let module = module_of(file);
        for (line, path) in paths(&drop_tests(&blank_comments_and_strings(source))) {
            let (base, rest) = match path.first().map(String::as_str) {
                Some("crate") => (Vec::new(), &path[1..]),
                Some("super") => {
                    let mut base = module.clone();
                    let mut rest = &path[..];
                    while rest.first().map(String::as_str) == Some("super") {
                        base.pop();
                        rest = &rest[1..];
                    }
                    (base, rest)
                }
                _ => continue,
            };
            let full: Vec<String> = base.into_iter().chain(rest.iter().cloned()).collect();
            let Some(target) = (1..=full.len())
                .rev()
                .find_map(|n| modules.get(&full[..n]).copied())
            else {
                continue;
            };
            if target == file || target == "lib.rs" {
                continue;
            }
            edges.entry(file).or_default().entry(target).or_insert(line);
        }
    }
    for (from, targets) in &edges {
        let Some(from_layer) = layer_of(from) else {
            continue;
        };
        for (to, line) in targets {
            match layer_of(to) {
                Some(to_layer) if to_layer > from_layer => problems.push(format!(
                    "{from}:{line}: `{}` uses `{to}`, a layer above it",
                    LAYERS[from_layer]
                )),
                Some(_) => {}
                None => problems.push(format!(
                    "{from}:{line}: `{}` uses `{to}`, which is in no layer",
                    LAYERS[from_layer]
                )),
            }
        }
    }
    for circle in circles(&edges) {
        let mut text = String::from("a circle of files: ");
        for (i, file) in circle.iter().enumerate() {
            let next = circle[(i + 1) % circle.len()];
            text.push_str(&format!("{file}:{} → ", edges[file][next]));
        }
        text.push_str(circle[0]);
        problems.push(text);
    }
    problems
}

/// `core/model.rs` → `["core", "model"]`; `lib.rs` → `[]`; `x/mod.rs` → `["x"]`.
fn module_of(file: &str) -> Vec<String> {
    let stem = file.trim_end_matches(".rs");
    let mut parts: Vec<String> = stem.split('/').map(str::to_owned).collect();
    if parts.last().map(String::as_str) == Some("mod") {
        parts.pop();
    }
    if parts == ["lib"] {
        parts.clear();
    }
    parts
}

/// One circle through each group of files that reach each other (Tarjan's strongly connected
/// components), each starting from its first file in name order and following the edges.
fn circles<'a>(edges: &BTreeMap<&'a str, BTreeMap<&'a str, usize>>) -> Vec<Vec<&'a str>> {
    struct State<'a> {
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        groups: Vec<Vec<&'a str>>,
    }
    fn visit<'a>(
        v: &'a str,
        edges: &BTreeMap<&'a str, BTreeMap<&'a str, usize>>,
        s: &mut State<'a>,
    ) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        for &w in edges.get(v).into_iter().flat_map(|t| t.keys()) {
            if !s.index.contains_key(w) {
                visit(w, edges, s);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.stack.contains(&w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                group.push(w);
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                s.groups.push(group);
            }
        }
    }
    let mut s = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        groups: Vec::new(),
    };
    for &v in edges.keys() {
        if !s.index.contains_key(v) {
            visit(v, edges, &mut s);
        }
    }
    // A circle inside each group: breadth-first from its first file back to itself.
    let mut found = Vec::new();
    for group in s.groups {
        let members: BTreeSet<&str> = group.iter().copied().collect();
        let start = *members.iter().next().unwrap();
        let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        'search: while let Some(v) = queue.pop_front() {
            for &w in edges[v].keys().filter(|w| members.contains(*w)) {
                if w == start {
                    let mut circle = vec![v];
                    while let Some(&prev) = came_from.get(circle.last().unwrap()) {
                        circle.push(prev);
                    }
                    circle.reverse();
                    found.push(circle);
                    break 'search;
                }
                if !came_from.contains_key(w) && w != start {
                    came_from.insert(w, v);
                    queue.push_back(w);
                }
            }
        }
    }
    found.sort();
    found
}

/// The source with comments, string and character literals replaced by spaces (lines kept).
fn blank_comments_and_strings(source: &str) -> String {
    lex(source).0
}

/// The source blanked as [`blank_comments_and_strings`] does, and where its string literals
/// are (character offsets, quotes included).
fn lex(source: &str) -> (String, Vec<(usize, usize)>) {
    let mut strings = Vec::new();
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |out: &mut String, run: &[char]| {
        out.extend(run.iter().map(|&c| if c == '\n' { '\n' } else { ' ' }));
    };
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let ident_char = |c: char| c.is_alphanumeric() || c == '_';
        // Raw strings may be byte strings (`br"…"`): look before the `b`.
        let before = if i > 0 && chars[i - 1] == 'b' {
            i - 1
        } else {
            i
        };
        let prev_ident = before > 0 && ident_char(chars[before - 1]);
        let end = if rest.starts_with(&['/', '/']) {
            i + rest.iter().position(|&c| c == '\n').unwrap_or(rest.len())
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            let mut j = i;
            loop {
                if j + 1 >= chars.len() {
                    break chars.len();
                }
                if chars[j] == '/' && chars[j + 1] == '*' {
                    depth += 1;
                    j += 2;
                } else if chars[j] == '*' && chars[j + 1] == '/' {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break j;
                    }
                } else {
                    j += 1;
                }
            }
        } else if !prev_ident && (rest.starts_with(&['r', '"']) || rest.starts_with(&['r', '#'])) {
            let hashes = rest[1..].iter().take_while(|&&c| c == '#').count();
            if rest.get(1 + hashes) != Some(&'"') {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let mut j = i + 2 + hashes;
            let end = loop {
                if j >= chars.len() {
                    break chars.len();
                }
                if chars[j] == '"'
                    && chars[j + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&c| c == '#')
                        .count()
                        == hashes
                {
                    break j + 1 + hashes;
                }
                j += 1;
            };
            strings.push((i, end));
            end
        } else if rest[0] == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            strings.push((i, (j + 1).min(chars.len())));
            (j + 1).min(chars.len())
        } else if rest[0] == '\'' && rest.get(1) == Some(&'\\') {
            i + 2
                + rest[2..]
                    .iter()
                    .position(|&c| c == '\'')
                    .map_or(0, |p| p + 1)
        } else if rest[0] == '\'' && rest.get(2) == Some(&'\'') {
            i + 3
        } else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        blank(&mut out, &chars[i..end]);
        i = end;
    }
    (out, strings)
}

/// The source with every `#[cfg(test)]` item (a `mod tests { … }`, a function) blanked.
fn drop_tests(source: &str) -> String {
    let mut out: Vec<char> = source.chars().collect();
    for (start, end) in test_items(source) {
        for c in &mut out[start..end] {
            if *c != '\n' {
                *c = ' ';
            }
        }
    }
    out.into_iter().collect()
}

/// Where the `#[cfg(test)]` items are (character offsets), in a source whose comments and
/// strings are blanked.
fn test_items(source: &str) -> Vec<(usize, usize)> {
    let out: Vec<char> = source.chars().collect();
    let markers: [Vec<char>; 2] = ["#[cfg(test)]", "#[cfg(all(test,"].map(|m| m.chars().collect());
    let mut items = Vec::new();
    let mut i = 0;
    while i < out.len() {
        let Some(marker) = markers.iter().find(|m| out[i..].starts_with(m)) else {
            i += 1;
            continue;
        };
        // The item ends at its first `;` before any brace, or at its matching closing brace.
        let mut j = i + marker.len();
        while j < out.len() && out[j] != '{' && out[j] != ';' {
            j += 1;
        }
        if j < out.len() && out[j] == '{' {
            let mut depth = 0;
            while j < out.len() {
                match out[j] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        let end = (j + 1).min(out.len());
        items.push((i, end));
        i = end;
    }
    items
}

/// Every path starting with `crate::` or `super::`, with `use` groups expanded, and its line.
fn paths(source: &str) -> Vec<(usize, Vec<String>)> {
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        let keyword = ["crate", "super"]
            .into_iter()
            .find(|k| starts_word && chars[i..].starts_with(&k.chars().collect::<Vec<_>>()));
        let Some(keyword) = keyword else {
            i += 1;
            continue;
        };
        let line = chars[..i].iter().filter(|&&c| c == '\n').count() + 1;
        let mut j = i;
        let tree = use_tree(&chars, &mut j);
        for path in tree {
            if path.first().map(String::as_str) == Some(keyword) {
                found.push((line, path));
            }
        }
        i = j.max(i + keyword.len());
    }
    found
}

/// Parses a path or a `use` tree (`a::{b, c::{d, e as f}, self}`) at `*i` into its leaves.
fn use_tree(chars: &[char], i: &mut usize) -> Vec<Vec<String>> {
    let skip_space = |i: &mut usize| {
        while *i < chars.len() && chars[*i].is_whitespace() {
            *i += 1;
        }
    };
    skip_space(i);
    if chars.get(*i) == Some(&'{') {
        *i += 1;
        let mut leaves = Vec::new();
        loop {
            skip_space(i);
            match chars.get(*i) {
                None => return leaves,
                Some('}') => {
                    *i += 1;
                    return leaves;
                }
                Some(',') => *i += 1,
                Some(_) => {
                    let before = *i;
                    leaves.extend(use_tree(chars, i));
                    if *i == before {
                        *i += 1;
                    }
                }
            }
        }
    }
    let start = *i;
    while *i < chars.len() && (chars[*i].is_alphanumeric() || chars[*i] == '_' || chars[*i] == '*')
    {
        *i += 1;
    }
    if *i == start {
        return Vec::new();
    }
    let segment: String = chars[start..*i].iter().collect();
    let mut j = *i;
    skip_space(&mut j);
    if chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
        *i = j + 2;
        let rest = use_tree(chars, i);
        if rest.is_empty() {
            return vec![vec![segment]];
        }
        return rest
            .into_iter()
            .map(|mut path| {
                path.insert(0, segment.clone());
                path
            })
            .collect();
    }
    vec![vec![segment]]
}
