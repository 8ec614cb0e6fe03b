//! The variables of one run, settled before any host is contacted: the playbook's defaults
//! overridden by `--var`, every `required` one given (a secret one may be typed at a prompt
//! instead, to keep it off hostops' own command line), and the secret ones (declared in
//! `secrets` or named like a secret) made [`Secret`]s, so they are masked from then on.

use std::collections::BTreeMap;

use minijinja::Value;

use super::format::{is_identifier, Playbook};
use crate::context::Context;
use crate::exit::StatusError;
use crate::secret::Secret;
use crate::transport::ssh::Prompter;

/// The run's variables: the secret ones apart, never in `plain`.
#[derive(Debug, Default)]
pub struct Variables {
    pub plain: BTreeMap<String, Value>,
    pub secrets: BTreeMap<String, Secret>,
}

/// The `--var KEY=VALUE` pairs as typed, in order; a pair without `=` or with a key that is no
/// variable name is a usage error.
pub fn parse_pairs(pairs: &[String]) -> Result<Vec<(String, String)>, StatusError> {
    pairs
        .iter()
        .map(|pair| {
            let (key, value) = pair.split_once('=').ok_or_else(|| {
                StatusError::usage(format!(
                    "--var `{pair}`: expected KEY=VALUE, e.g. --var extension=intl"
                ))
            })?;
            if !is_identifier(key) {
                return Err(StatusError::usage(format!(
                    "--var `{pair}`: `{key}` is not a variable name (letters, digits, _)"
                )));
            }
            Ok((key.to_string(), value.to_string()))
        })
        .collect()
}

/// The secret values among `--var` pairs of a run of the playbook `what` (as the command line
/// names it), registered with the run's redactor before its argv is journaled: a secret
/// declared in the playbook's `secrets`, whatever its name, is masked there too. What cannot
/// be read is left for the run itself to report.
pub fn register_secrets(ctx: &Context, library: &super::Library, what: &str, pairs: &[String]) {
    let book = library.find(what).and_then(|s| s.parse());
    if let (Ok(book), Ok(pairs)) = (book, parse_pairs(pairs)) {
        for (_, value) in pairs.iter().filter(|(k, _)| book.is_secret(k)) {
            ctx.add_secret(value);
        }
    }
}

/// Settles the variables of a run of `p` from `given` (`--var` pairs, in order); a required
/// secret missing from them is asked for on `ask` when it can prompt.
pub fn resolve(
    ctx: &Context,
    p: &Playbook,
    given: &[(String, String)],
    ask: &dyn Prompter,
) -> Result<Variables, StatusError> {
    let mut given = given.to_vec();
    let mut missing = Vec::new();
    for name in &p.required {
        if given.iter().any(|(k, _)| k == name) {
            continue;
        }
        let typed = (p.is_secret(name) && ask.can_prompt())
            .then(|| ask.secret(&format!("{name} (secret) for playbook `{}`: ", p.name)))
            .flatten();
        match typed {
            Some(value) => given.push((name.clone(), value)),
            None => missing.push(name.as_str()),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::tests::{ctx, Types};
    use crate::ops::playbook::parse;
    use crate::transport::ssh::NoPrompt;

    const BOOK: &str = "name: t\nlevel: 2\nvars: {db_user: app, api_token: t0k3n-default}\n\
        required: [db_password, dbcred, extension]\nsecrets: [dbcred]\n\
        steps:\n  - {name: a, run: x}\n";

    fn given(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn secrets_are_kept_apart_and_registered() {
        let (c, p) = (ctx(), parse("p.yml", BOOK).unwrap());
        let all = given(&[
            ("db_password", "pw-1234"),
            ("dbcred", "cred-5678"),
            ("extension", "intl"),
            ("mypass", "mine-9012"),
        ]);
        let v = resolve(&c, &p, &all, &NoPrompt).unwrap();
        assert_eq!(v.plain.keys().collect::<Vec<_>>(), ["db_user", "extension"]);
        assert_eq!(
            v.secrets.keys().collect::<Vec<_>>(),
            ["api_token", "db_password", "dbcred", "mypass"]
        );
        assert_eq!(v.secrets["dbcred"].expose(), "cred-5678");
        assert_eq!(
            c.redact("pw-1234 cred-5678 mine-9012 t0k3n-default intl"),
            "*** *** *** *** intl"
        );
        let newline = given(&[("dbcred", "a\nb")]);
        let e = resolve(&c, &p, &[all.clone(), newline].concat(), &NoPrompt).unwrap_err();
        assert!(e.to_string().contains("a secret is one line"), "{e}");
    }

    #[test]
    fn missing_required_vars_are_asked_for_when_secret_else_refused() {
        let (c, p) = (ctx(), parse("p.yml", BOOK).unwrap());
        let e = resolve(&c, &p, &given(&[("dbcred", "c")]), &NoPrompt).unwrap_err();
        assert_eq!(
            e.to_string(),
            "playbook `t` needs `db_password`, `extension`: add --var db_password=VALUE \
             --var extension=VALUE"
        );
        let typed = Types("typed-secret");
        let e = resolve(&c, &p, &given(&[("dbcred", "c")]), &typed).unwrap_err();
        assert!(e.to_string().contains("needs `extension`:"), "{e}");
        let v = resolve(&c, &p, &given(&[("extension", "intl")]), &typed).unwrap();
        assert_eq!(v.secrets["db_password"].expose(), "typed-secret");
        assert_eq!(v.secrets["dbcred"].expose(), "typed-secret");
        assert_eq!(c.redact("typed-secret"), "***");
    }
}
