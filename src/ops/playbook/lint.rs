//! Rules a playbook must follow beyond its YAML shape: register names that templates can use,
//! no read-only uploads, sane retries and timeouts, one register name per result, declared
//! `required` and `secrets` variables, and no template reading a variable nothing defines.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use regex::Regex;

use super::format::{is_identifier, Action, Playbook, Step, RESERVED};
use super::template;

/// Checks the playbook as a whole.
pub fn check_playbook(p: &Playbook) -> Result<(), String> {
    if p.name.trim().is_empty() {
        return Err("`name` must not be empty".into());
    }
    if p.steps.is_empty() {
        return Err("`steps` is empty: a playbook needs at least one step".into());
    }
    check_declarations(p)?;
    let mut registered: HashMap<&str, String> = HashMap::new();
    for (section, steps) in [
        ("steps", &p.steps),
        ("rescue", &p.rescue),
        ("always", &p.always),
    ] {
        for (i, step) in steps.iter().enumerate() {
            let here = format!("{section}[{i}] (`{}`)", step.name);
            if let Some(r) = &step.register {
                if let Some(first) = registered.insert(r, here.clone()) {
                    return Err(format!(
                        "{here}: register `{r}` is already used by {first}: give each result its own name"
                    ));
                }
                if p.vars.contains_key(r) || p.required.contains(r) {
                    return Err(format!(
                        "{here}: register `{r}` has the name of a variable in `vars` or \
                         `required`: rename one"
                    ));
                }
            }
        }
    }
    check_defined(p)
}

/// `required` and `secrets` name variables, each once; a required variable has no default,
/// and a secret is a variable of `vars` or `required`.
fn check_declarations(p: &Playbook) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for (list, names) in [("required", &p.required), ("secrets", &p.secrets)] {
        seen.clear();
        for name in names {
            if !is_identifier(name) {
                return Err(format!(
                    "{list}: `{name}` is not a variable name (letters, digits, _; not starting with a digit)"
                ));
            }
            if !seen.insert(name) {
                return Err(format!("{list}: `{name}` is listed twice"));
            }
        }
    }
    if let Some(name) = p.required.iter().find(|n| p.vars.contains_key(*n)) {
        return Err(format!(
            "required: `{name}` also has a default in `vars`: a required variable has none \
             (drop it from one of them)"
        ));
    }
    if let Some(name) = p
        .secrets
        .iter()
        .find(|n| !p.vars.contains_key(*n) && !p.required.contains(n))
    {
        return Err(format!(
            "secrets: `{name}` is not a variable: declare it in `required` (or `vars`)"
        ));
    }
    Ok(())
}

/// `NAME is defined` / `NAME is not defined`: group 1 is the name a step guards.
static GUARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([A-Za-z_][A-Za-z0-9_]*)\s+is\s+(?:not\s+)?defined\b").expect("valid regex")
});

/// Every variable a template or `when:` reads is defined when the step runs: a playbook
/// variable (`vars`, `required`), the engine's own, a result registered by an earlier step,
/// or guarded in the step with `is defined`. Otherwise the step would fail at run time, after
/// the steps before it changed the host.
fn check_defined(p: &Playbook) -> Result<(), String> {
    let mut known: BTreeSet<&str> = RESERVED.iter().copied().collect();
    known.extend(p.vars.keys().map(String::as_str));
    known.extend(p.required.iter().map(String::as_str));
    for (section, steps) in [
        ("steps", &p.steps),
        ("rescue", &p.rescue),
        ("always", &p.always),
    ] {
        for (i, step) in steps.iter().enumerate() {
            let sources = sources(step);
            let guarded: BTreeSet<&str> = sources
                .iter()
                .flat_map(|(_, src, _)| GUARD.captures_iter(src))
                .filter_map(|c| c.get(1).map(|m| m.as_str()))
                .collect();
            for (field, src, expression) in &sources {
                for name in template::variables_used(src, *expression)? {
                    if *field == "upload.dest" && p.is_secret(&name) {
                        return Err(format!(
                            "{section}[{i}] (`{}`).{field}: `{name}` is a secret, and a path \
                             goes on command lines: keep secrets out of `dest`",
                            step.name
                        ));
                    }
                    if !known.contains(name.as_str()) && !guarded.contains(name.as_str()) {
                        return Err(format!(
                            "{section}[{i}] (`{}`).{field}: `{name}` is not defined: declare it \
                             in `vars` (with a default) or `required` (given with --var), \
                             register it in an earlier step, or test `{name} is defined`",
                            step.name
                        ));
                    }
                }
            }
            if let Some(r) = &step.register {
                known.insert(r);
            }
        }
    }
    Ok(())
}

/// A step's templates and expression: (field, source, whether it is an expression).
fn sources(step: &Step) -> Vec<(&'static str, &str, bool)> {
    let mut out = Vec::new();
    if let Some(when) = &step.when {
        out.push(("when", when.0.as_str(), true));
    }
    match &step.action {
        Action::Run(t) => out.push(("run", t.0.as_str(), false)),
        Action::Upload(u) => {
            out.push(("upload.dest", u.dest.0.as_str(), false));
            out.push(("upload.content", u.content.0.as_str(), false));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    fn lint(steps: &str) -> String {
        parse("p.yml", &format!("name: t\nlevel: 2\nsteps:\n{steps}"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn register_names_must_be_identifiers_and_unique() {
        assert!(lint("  - {name: a, run: x, register: my-var}\n").contains("not a variable name"));
        assert!(lint("  - {name: a, run: x, register: facts}\n").contains("hide the engine"));
        let e = lint("  - {name: a, run: x, register: r}\n  - {name: b, run: y, register: r}\n");
        assert!(
            e.contains("steps[1] (`b`): register `r` is already used by steps[0]"),
            "{e}"
        );
    }

    fn lint_book(text: &str) -> Result<(), String> {
        parse("p.yml", text).map(|_| ()).map_err(|e| e.to_string())
    }

    #[test]
    fn undefined_variables_are_errors() {
        let e = lint("  - {name: a, run: 'echo {{ undefined_var }}'}\n");
        assert!(
            e.contains("steps[0] (`a`).run: `undefined_var` is not defined"),
            "{e}"
        );
        let e =
            lint("  - {name: a, run: x, when: r.rc == 0}\n  - {name: b, run: y, register: r}\n");
        assert!(e.contains("steps[0] (`a`).when: `r` is not defined"), "{e}");
        let e = lint("  - {name: a, upload: {dest: '/{{ d }}', content: x}}\n");
        assert!(e.contains("upload.dest: `d` is not defined"), "{e}");
        let e = lint_book(
            "name: t\nlevel: 2\nrequired: [api_token]\nsteps:\n\
             \x20 - {name: a, upload: {dest: '/{{ api_token }}', content: x}}\n",
        )
        .unwrap_err();
        assert!(e.contains("`api_token` is a secret"), "{e}");
        // Defined: vars, required, the engine's own, earlier registers, guarded, loop variables.
        lint_book(
            "name: t\nlevel: 2\nvars: {v: 1}\nrequired: [need]\nsteps:\n\
             \x20 - {name: a, run: 'echo {{ v }} {{ need }} {{ host }} {{ facts.pkg }}', register: r}\n\
             \x20 - {name: b, run: 'echo {{ r.rc }} {{ o }}', when: o is defined and check_mode}\n\
             \x20 - {name: c, run: '{% for p in [1] %}{{ p }}{% endfor %}'}\n\
             rescue:\n  - {name: d, run: 'echo {{ r.stdout }}'}\n",
        )
        .unwrap();
    }

    #[test]
    fn required_and_secrets_are_declared_variables() {
        let book = |decl: &str| {
            lint_book(&format!(
                "name: t\nlevel: 2\n{decl}\nsteps:\n  - {{name: a, run: x}}\n"
            ))
        };
        assert!(book("vars: {x: 1}\nrequired: [x]")
            .unwrap_err()
            .contains("also has a default"));
        assert!(book("secrets: [pw]")
            .unwrap_err()
            .contains("`pw` is not a variable"));
        assert!(book("required: [a-b]")
            .unwrap_err()
            .contains("not a variable name"));
        book("required: [pw]\nsecrets: [pw]").unwrap();
    }

    #[test]
    fn uploads_always_change_and_delay_needs_retries() {
        let e = lint("  - {name: a, upload: {dest: /x, content: y}, changes: false}\n");
        assert!(e.contains("cannot be `changes: false`"), "{e}");
        assert!(lint("  - {name: a, run: x, delay: 3}\n").contains("set `retries` too"));
    }
}
