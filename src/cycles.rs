//! Keeps the crate free of module import cycles: a test reads every file under src/, collects
//! the modules each one refers to (`use crate::…`, `super::…`, paths in code) and fails on a
//! cycle between sibling modules, naming the references that close it.
//!
//! A reference from a file to a module is counted between the two siblings that contain them
//! under their closest common parent (`ops/migrate/run.rs` using `crate::transport::Cmd` is
//! an edge ops -> transport; `journal/chain.rs` using `super::store` is chain -> store).
//! A module and its own submodules may refer to each other freely.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// References left in place on purpose, each with why and until when.
const ALLOWED: &[&str] = &[];

/// The module of each file under `src/`, from its path.
fn modules(src: &Path) -> BTreeMap<Module, String> {
    let mut found = BTreeMap::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap();
            let mut module: Module = rel
                .with_extension("")
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                module.pop();
            }
            if module.is_empty() && rel != Path::new("lib.rs") {
                continue;
            }
            found.insert(module, std::fs::read_to_string(&path).unwrap());
        }
    }
    found
}

#[derive(Debug, PartialEq, Clone)]
enum Token {
    Ident(String),
    Path,
    Open,
    Close,
    Comma,
    Semi,
    Other,
}

/// The tokens of Rust source that matter for paths; comments, strings and chars are skipped.
fn tokens(text: &str) -> Vec<Token> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let at = |k: usize| c.get(k).copied().unwrap_or('\0');
        match c[i] {
            '/' if at(i + 1) == '/' => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == '*' => {
                i += 2;
                while i < c.len() && !(c[i] == '*' && at(i + 1) == '/') {
                    i += 1;
                }
                i += 2;
            }
            'r' | 'b' if raw_string(&c[i..]) => {
                let mut hashes = 0;
                i += if c[i] == 'b' { 2 } else { 1 };
                while c[i] == '#' {
                    hashes += 1;
                    i += 1;
                }
                i += 1;
                while i < c.len() && !(c[i] == '"' && (1..=hashes).all(|h| at(i + h) == '#')) {
                    i += 1;
                }
                i += 1 + hashes;
            }
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    i += if c[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
            }
            '\'' if at(i + 1) == '\\' => {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            '\'' if at(i + 2) == '\'' => i += 3,
            ch if ch.is_alphabetic() || ch == '_' => {
                let start = i;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
                out.push(Token::Ident(c[start..i].iter().collect()));
            }
            ch if ch.is_whitespace() => i += 1,
            ':' if at(i + 1) == ':' => {
                out.push(Token::Path);
                i += 2;
            }
            ch => {
                out.push(match ch {
                    '{' => Token::Open,
                    '}' => Token::Close,
                    ',' => Token::Comma,
                    ';' => Token::Semi,
                    _ => Token::Other,
                });
                i += 1;
            }
        }
    }
    out
}

/// Whether `c` starts a raw string: `r"`, `r#"`, `br"`, `br#"`.
fn raw_string(c: &[char]) -> bool {
    let c = if c.first() == Some(&'b') { &c[1..] } else { c };
    c.first() == Some(&'r') && {
        let rest = &c[1..];
        let hashes = rest.iter().take_while(|&&h| h == '#').count();
        rest.get(hashes) == Some(&'"')
    }
}

/// Every path a file refers to that starts with `crate` or `super`, made absolute, with the
/// groups of `use` trees expanded. `here` is the file's module.
fn references(here: &Module, text: &str) -> Vec<Module> {
    let t = tokens(text);
    let mut found = Vec::new();
    // The inline modules (`mod tests { … }`) open at each brace depth.
    let mut scope: Vec<(usize, String)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < t.len() {
        match &t[i] {
            Token::Open => depth += 1,
            Token::Close => {
                depth -= 1;
                if scope.last().is_some_and(|(d, _)| *d == depth) {
                    scope.pop();
                }
            }
            Token::Ident(m) if m == "mod" => {
                if let (Some(Token::Ident(name)), Some(Token::Open)) = (t.get(i + 1), t.get(i + 2))
                {
                    scope.push((depth, name.clone()));
                }
            }
            Token::Ident(root)
                if (root == "crate" || root == "super")
                    && t.get(i + 1) == Some(&Token::Path)
                    && (i == 0 || t[i - 1] != Token::Path) =>
            {
                let mut base = here.clone();
                base.extend(scope.iter().map(|(_, m)| m.clone()));
                let mut prefix = if root == "crate" {
                    Vec::new()
                } else {
                    base.pop();
                    base
                };
                i = tree(&t, i + 2, &mut prefix, &mut found);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Reads the path (or `use` tree) at `t[i..]` below `prefix` into `found`; returns the index
/// after it.
fn tree(t: &[Token], mut i: usize, prefix: &mut Module, found: &mut Vec<Module>) -> usize {
    let mut path = prefix.clone();
    loop {
        match t.get(i) {
            Some(Token::Ident(s)) if s == "super" => {
                path.pop();
            }
            Some(Token::Ident(s)) if s == "self" => {}
            Some(Token::Ident(s)) => path.push(s.clone()),
            Some(Token::Open) => {
                i += 1;
                while !matches!(t.get(i), Some(Token::Close) | None) {
                    i = tree(t, i, &mut path.clone(), found);
                    // Skip `as alias` and anything else up to the next item.
                    while !matches!(t.get(i), Some(Token::Comma | Token::Close) | None) {
                        i += 1;
                    }
                    if t.get(i) == Some(&Token::Comma) {
                        i += 1;
                    }
                }
                return i + 1;
            }
            _ => break,
        }
        i += 1;
        if t.get(i) != Some(&Token::Path) {
            break;
        }
        i += 1;
    }
    found.push(path);
    i
}

/// The deepest module of `known` that `path` names (or names an item of).
fn resolve<'a>(known: &'a BTreeMap<Module, String>, path: &Module) -> Option<&'a Module> {
    (0..=path.len())
        .rev()
        .find_map(|n| known.get_key_value(&path[..n]).map(|(k, _)| k))
}

/// The edges between sibling modules, each with the files' references that make it, leaving
/// out the references in `allowed`.
fn sibling_edges(
    known: &BTreeMap<Module, String>,
    allowed: &[&str],
) -> BTreeMap<(Module, Module), BTreeSet<String>> {
    let mut edges: BTreeMap<(Module, Module), BTreeSet<String>> = BTreeMap::new();
    for (from, text) in known {
        for path in references(from, text) {
            let Some(to) = resolve(known, &path) else {
                continue;
            };
            let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
            if common == from.len() || common == to.len() {
                continue;
            }
            let why = format!("{} uses {}", from.join("::"), path.join("::"));
            if allowed.contains(&why.as_str()) {
                continue;
            }
            let key = (from[..=common].to_vec(), to[..=common].to_vec());
            edges.entry(key).or_default().insert(why);
        }
    }
    edges
}

/// The cycles of a directed graph: its strongly connected components of more than one node.
fn cycles(edges: &BTreeMap<(Module, Module), BTreeSet<String>>) -> Vec<BTreeSet<Module>> {
    let nodes: BTreeSet<&Module> = edges.keys().flat_map(|(a, b)| [a, b]).collect();
    let reaches = |start: &Module| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![start.clone()];
        while let Some(n) = todo.pop() {
            for (a, b) in edges.keys() {
                if *a == n && seen.insert(b.clone()) {
                    todo.push(b.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&Module, BTreeSet<Module>> =
        nodes.iter().map(|n| (*n, reaches(n))).collect();
    let mut found: Vec<BTreeSet<Module>> = Vec::new();
    for n in &nodes {
        let component: BTreeSet<Module> = nodes
            .iter()
            .filter(|m| reach[n].contains(**m) && reach[**m].contains(*n))
            .map(|m| (*m).clone())
            .collect();
        if component.len() > 1 && !found.contains(&component) {
            found.push(component);
        }
    }
    found
}

#[test]
fn the_crate_has_no_module_import_cycles() {
    let known = modules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let all: BTreeSet<String> = sibling_edges(&known, &[]).into_values().flatten().collect();
    for allowed in ALLOWED {
        assert!(
            all.contains(*allowed),
            "`{allowed}` is gone: remove it from ALLOWED"
        );
    }
    let edges = sibling_edges(&known, ALLOWED);
    let report: Vec<String> = cycles(&edges)
        .iter()
        .map(|c| {
            let names: Vec<String> = c.iter().map(|m| m.join("::")).collect();
            let why: Vec<String> = edges
                .iter()
                .filter(|((a, b), _)| c.contains(a) && c.contains(b))
                .flat_map(|(_, refs)| refs.iter().map(|r| format!("    {r}")))
                .collect();
            format!("cycle between {}:\n{}", names.join(", "), why.join("\n"))
        })
        .collect();
    assert!(
        report.is_empty(),
        "modules import each other; move the shared piece down to the lower module:\n{}",
        report.join("\n")
    );
}

#[test]
fn references_are_read_from_use_trees_paths_and_inline_modules() {
    let here: Module = vec!["journal".into(), "chain".into()];
    let text = r#"
        use super::{event::Event, store::{self, Store as S}};
        use crate::exit::StatusError;
        // use crate::commented::Out;
        fn f() { let s = "crate::in_a_string"; crate::ops::fanout::for_each(); x::crate_not(); }
        mod tests { use super::*; use super::super::query; }
    "#;
    let refs: Vec<String> = references(&here, text)
        .iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        refs,
        [
            "journal::event::Event",
            "journal::store",
            "journal::store::Store",
            "exit::StatusError",
            "ops::fanout::for_each",
            "journal::chain",
            "journal::query",
        ]
    );
}

#[test]
fn a_cycle_is_found_between_siblings_only() {
    let known: BTreeMap<Module, String> = [
        (vec![], String::new()),
        (vec!["a".to_string()], "use crate::b::x::Y;".to_string()),
        (vec!["b".to_string()], "pub use x::Y;".to_string()),
        (
            vec!["b".into(), "x".into()],
            "use crate::a::Z; use super::Q;".to_string(),
        ),
        (vec!["c".to_string()], "use crate::a::Z;".to_string()),
    ]
    .into();
    let edges = sibling_edges(&known, &[]);
    let found = cycles(&edges);
    assert_eq!(found.len(), 1, "{found:?}");
    let names: Vec<String> = found[0].iter().map(|m| m.join("::")).collect();
    assert_eq!(names, ["a", "b"]);
}
