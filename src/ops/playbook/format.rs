//! The playbook file format (YAML) as typed structs, read so that a mistake names its file, line,
//! column and field. Unknown keys are errors; templates and `when:` expressions are compiled,
//! and each step's own rules checked, while parsing, so an error points at the value that
//! holds it (the rules across steps are in `lint`).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer};

use super::template;
use crate::journal::redact::is_secret_name;

/// A parsed, checked playbook.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Playbook {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub level: Level,
    #[serde(default)]
    pub applies_to: AppliesTo,
    /// Defaults, overridden by `--var k=v`.
    #[serde(default)]
    pub vars: BTreeMap<String, minijinja::Value>,
    /// Variables without a default: `--var` must give them, or the run is refused before any
    /// host is contacted.
    #[serde(default)]
    pub required: Vec<String>,
    /// Variables whose values are secrets, besides those named like one
    /// ([`is_secret_name`]): masked everywhere, sent to a `run` line on stdin.
    #[serde(default)]
    pub secrets: Vec<String>,
    pub steps: Vec<Step>,
    /// Runs when a step fails: the rollback.
    #[serde(default)]
    pub rescue: Vec<Step>,
    /// Runs last, whatever happened.
    #[serde(default)]
    pub always: Vec<Step>,
}

impl Playbook {
    /// Whether variable `name` holds a secret: declared in `secrets`, or named like one.
    pub fn is_secret(&self, name: &str) -> bool {
        self.secrets.iter().any(|s| s == name) || is_secret_name(name)
    }
}

/// The support level a playbook needs (2 or 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Level(pub u8);

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match u8::deserialize(d)? {
            n @ (2 | 3) => Ok(Level(n)),
            n => Err(serde::de::Error::custom(format!(
                "level must be 2 or 3 (the support level allowed to run it), not {n}"
            ))),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "L{}", self.0)
    }
}

/// Panels and OS families a playbook is written for; empty lists mean any.
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct AppliesTo {
    #[serde(default)]
    pub panels: Vec<PanelName>,
    #[serde(default)]
    pub os: Vec<OsFamily>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PanelName {
    Cpanel,
    Plesk,
    Directadmin,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OsFamily {
    /// Debian and Ubuntu (apt).
    Debian,
    /// RHEL, AlmaLinux, Rocky, CloudLinux, CentOS (dnf or yum).
    Rhel,
}

/// One step, checked: exactly one action, valid templates and expression.
#[derive(Clone, Debug, Deserialize)]
#[serde(try_from = "RawStep")]
pub struct Step {
    pub name: String,
    pub action: Action,
    pub when: Option<Expr>,
    /// False for read-only probes: they run in check mode too.
    pub changes: bool,
    pub register: Option<String>,
    pub expect: Expect,
    pub retries: u32,
    /// Seconds between attempts.
    pub delay: u64,
    /// Seconds before the command is killed.
    pub timeout: Option<u64>,
}

#[derive(Clone, Debug)]
pub enum Action {
    /// A shell command line (a template; interpolations are shell-quoted unless `| raw`).
    Run(Template),
    Upload(Upload),
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Upload {
    /// Remote path (a template).
    pub dest: Template,
    /// File content (a template).
    pub content: Template,
    /// Octal mode such as "0644"; default: the existing file's, else 0644.
    pub mode: Option<Mode>,
}

/// What counts as success: exit codes and a pattern stdout must match.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    #[serde(default = "zero", deserialize_with = "one_or_many")]
    pub rc: Vec<i32>,
    #[serde(default)]
    pub stdout: Option<Pattern>,
}

impl Default for Expect {
    fn default() -> Self {
        Expect {
            rc: zero(),
            stdout: None,
        }
    }
}

fn zero() -> Vec<i32> {
    vec![0]
}

fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<i32>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(i32),
        Many(Vec<i32>),
    }
    match OneOrMany::deserialize(d) {
        Ok(OneOrMany::One(n)) => Ok(vec![n]),
        Ok(OneOrMany::Many(v)) => Ok(v),
        Err(_) => Err(serde::de::Error::custom(
            "rc must be an exit code or a list of exit codes, e.g. `rc: [0, 1]`",
        )),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    name: String,
    run: Option<Template>,
    upload: Option<Upload>,
    when: Option<Expr>,
    #[serde(default = "yes")]
    changes: bool,
    register: Option<String>,
    #[serde(default)]
    expect: Expect,
    #[serde(default)]
    retries: u32,
    #[serde(default)]
    delay: u64,
    timeout: Option<u64>,
}

fn yes() -> bool {
    true
}

impl TryFrom<RawStep> for Step {
    type Error = String;

    fn try_from(raw: RawStep) -> Result<Step, String> {
        let action = match (raw.run, raw.upload) {
            (Some(run), None) => Action::Run(run),
            (None, Some(upload)) => Action::Upload(upload),
            (Some(_), Some(_)) => {
                return Err(format!(
                    "step `{}` has both `run` and `upload`: give it one of them",
                    raw.name
                ))
            }
            (None, None) => {
                return Err(format!(
                    "step `{}` has neither `run` nor `upload`: give it one of them",
                    raw.name
                ))
            }
        };
        let step = Step {
            name: raw.name,
            action,
            when: raw.when,
            changes: raw.changes,
            register: raw.register,
            expect: raw.expect,
            retries: raw.retries,
            delay: raw.delay,
            timeout: raw.timeout,
        };
        check_step(&step)?;
        Ok(step)
    }
}

/// Variable names the engine itself provides; a register may not hide them.
pub(super) const RESERVED: &[&str] = &["facts", "check_mode", "host", "playbook"];

/// Whether `name` can be a variable: letters, digits and `_`, not starting with a digit.
pub fn is_identifier(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Checks one step (called while parsing it, so errors point at the step).
pub fn check_step(step: &Step) -> Result<(), String> {
    let name = &step.name;
    if name.trim().is_empty() {
        return Err("a step needs a non-empty `name`".into());
    }
    if let Some(r) = &step.register {
        if !is_identifier(r) {
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

/// A template source, syntax-checked when read.
#[derive(Clone, Debug)]
pub struct Template(pub String);

impl<'de> Deserialize<'de> for Template {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        checked_str(d, template::check_template).map(Template)
    }
}

/// Reads a string and checks it inside the deserializer, so that an error carries the
/// position of the value itself rather than of the mapping around it.
fn checked_str<'de, D: Deserializer<'de>>(
    d: D,
    check: fn(&str) -> Result<(), String>,
) -> Result<String, D::Error> {
    struct Checked(fn(&str) -> Result<(), String>);
    impl serde::de::Visitor<'_> for Checked {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            (self.0)(v).map_err(E::custom)?;
            Ok(v.to_string())
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<String, E> {
            self.visit_str(&v.to_string())
        }
    }
    d.deserialize_str(Checked(check))
}

/// A `when:` expression, compiled when read. A bare boolean is accepted too.
#[derive(Clone, Debug)]
pub struct Expr(pub String);

impl<'de> Deserialize<'de> for Expr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        checked_str(d, template::check_expression).map(Expr)
    }
}

/// A regular expression, compiled when read.
#[derive(Clone, Debug)]
pub struct Pattern(pub regex::Regex);

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let source = checked_str(d, |s| {
            regex::Regex::new(s)
                .map(|_| ())
                .map_err(|e| format!("invalid regular expression: {e}"))
        })?;
        Ok(Pattern(regex::Regex::new(&source).expect("checked above")))
    }
}

/// A file mode written in octal ("0644").
#[derive(Clone, Copy, Debug)]
pub struct Mode(pub u32);

impl<'de> Deserialize<'de> for Mode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d).map_err(|_| {
            serde::de::Error::custom("mode must be a quoted octal string such as \"0644\"")
        })?;
        u32::from_str_radix(&text, 8)
            .ok()
            .filter(|m| *m <= 0o7777)
            .map(Mode)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "mode `{text}` is not an octal file mode such as \"0644\""
                ))
            })
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04o}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn err(text: &str) -> String {
        parse("p.yml", text).unwrap_err().to_string()
    }

    #[test]
    fn reads_a_full_playbook() {
        let p = parse(
            "p.yml",
            "name: t\nlevel: 2\napplies_to: {panels: [none], os: [debian]}\nvars: {pkg: apache2}\n\
             steps:\n  - name: probe\n    run: echo {{ pkg }}\n    changes: false\n    register: r\n\
             \x20   expect: {rc: [0, 1], stdout: ok}\n  - name: put\n    upload: {dest: /tmp/x, content: hi, mode: \"0600\"}\n    when: r.rc == 0\n",
        )
        .unwrap();
        assert_eq!(p.level, Level(2));
        assert_eq!(p.steps.len(), 2);
        assert_eq!(p.steps[0].expect.rc, [0, 1]);
        assert!(!p.steps[0].changes && p.steps[1].changes);
        assert!(matches!(&p.steps[1].action, Action::Upload(u) if u.mode.unwrap().0 == 0o600));
    }

    #[test]
    fn unknown_keys_name_the_field_line_and_column() {
        let e = err("name: t\nlevel: 2\nsteps:\n  - name: a\n    rn: echo\n");
        assert!(
            e.starts_with("p.yml:5:5: steps[0]: unknown field `rn`"),
            "{e}"
        );
    }

    #[test]
    fn template_syntax_errors_point_at_the_value() {
        let e = err("name: t\nlevel: 3\nsteps:\n  - name: a\n    run: echo {{ x\n");
        assert!(e.starts_with("p.yml:5:10: steps[0].run: "), "{e}");
    }

    #[test]
    fn a_step_needs_exactly_one_action() {
        let e = err("name: t\nlevel: 3\nsteps:\n  - name: a\n    changes: false\n");
        assert!(e.contains("neither `run` nor `upload`"), "{e}");
        assert!(e.starts_with("p.yml:4:"), "{e}");
    }

    #[test]
    fn level_is_two_or_three() {
        let e = err("name: t\nlevel: 1\nsteps: []\n");
        assert!(e.contains("level must be 2 or 3"), "{e}");
    }
}
