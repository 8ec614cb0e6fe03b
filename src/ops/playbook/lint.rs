//! Rules a playbook must follow beyond its YAML shape: register names that templates can use,
//! no read-only uploads, sane retries and timeouts, one register name per result.

use std::collections::HashMap;

use super::format::{Action, Playbook, Step};

/// Variable names the engine itself provides; a register may not hide them.
const RESERVED: &[&str] = &["facts", "check_mode", "host", "playbook"];

/// Checks one step (called while parsing it, so errors point at the step).
pub fn check_step(step: &Step) -> Result<(), String> {
    let name = &step.name;
    if name.trim().is_empty() {
        return Err("a step needs a non-empty `name`".into());
    }
    if let Some(r) = &step.register {
        let ident = r
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !ident {
            return Err(format!(
                "step `{name}`: register `{r}` is not a variable name (letters, digits, _; not starting with a digit)"
            ));
        }
        if RESERVED.contains(&r.as_str()) {
            return Err(format!(
                "step `{name}`: register `{r}` would hide the engine's own `{r}` variable: pick another name"
            ));
        }
    }
    if matches!(step.action, Action::Upload(_)) && !step.changes {
        return Err(format!(
            "step `{name}`: an upload changes the host, so it cannot be `changes: false`"
        ));
    }
    if step.delay > 0 && step.retries == 0 {
        return Err(format!(
            "step `{name}`: `delay` only applies between retries: set `retries` too"
        ));
    }
    if step.timeout == Some(0) {
        return Err(format!(
            "step `{name}`: `timeout` is in seconds and must be at least 1"
        ));
    }
    Ok(())
}

/// Checks the playbook as a whole.
pub fn check_playbook(p: &Playbook) -> Result<(), String> {
    if p.name.trim().is_empty() {
        return Err("`name` must not be empty".into());
    }
    if p.steps.is_empty() {
        return Err("`steps` is empty: a playbook needs at least one step".into());
    }
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
                if p.vars.contains_key(r) {
                    return Err(format!(
                        "{here}: register `{r}` has the name of a variable in `vars`: rename one"
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::format::parse;

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

    #[test]
    fn uploads_always_change_and_delay_needs_retries() {
        let e = lint("  - {name: a, upload: {dest: /x, content: y}, changes: false}\n");
        assert!(e.contains("cannot be `changes: false`"), "{e}");
        assert!(lint("  - {name: a, run: x, delay: 3}\n").contains("set `retries` too"));
    }
}
