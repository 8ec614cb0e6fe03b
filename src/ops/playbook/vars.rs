//! The variables of one run, settled before any host is contacted: the playbook's defaults
//! overridden by `--var`, every `required` one given, and the secret ones (declared in
//! `secrets` or named like a secret) made [`Secret`]s, so they are masked from then on.

use std::collections::BTreeMap;

use minijinja::Value;

use super::format::Playbook;
use crate::context::Context;
use crate::exit::StatusError;
use crate::secret::Secret;

/// The run's variables: the secret ones apart, never in `plain`.
#[derive(Debug, Default)]
pub struct Variables {
    pub plain: BTreeMap<String, Value>,
    pub secrets: BTreeMap<String, Secret>,
}

/// Settles the variables of a run of `p` from `given` (`--var` pairs, in order).
pub fn resolve(
    ctx: &Context,
    p: &Playbook,
    given: &[(String, String)],
) -> Result<Variables, StatusError> {
    let missing: Vec<&str> = p
        .required
        .iter()
        .filter(|name| !given.iter().any(|(k, _)| k == *name))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        let example: Vec<String> = missing.iter().map(|n| format!("--var {n}=VALUE")).collect();
        return Err(StatusError::usage(format!(
            "playbook `{}` needs {}: add {}",
            p.name,
            missing
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", "),
            example.join(" ")
        )));
    }
    let mut vars = Variables::default();
    let defaults = p.vars.iter().map(|(k, v)| (k.clone(), v.clone()));
    let overrides = given
        .iter()
        .map(|(k, v)| (k.clone(), Value::from(v.as_str())));
    for (name, value) in defaults.chain(overrides) {
        if p.is_secret(&name) {
            let text = value.to_string();
            if text.contains(['\n', '\0']) {
                return Err(StatusError::usage(format!(
                    "--var {name}: a secret is one line of text (it holds a newline or NUL)"
                )));
            }
            vars.secrets.insert(name, ctx.secret(text));
        } else {
            vars.plain.insert(name, value);
        }
    }
    Ok(vars)
}
