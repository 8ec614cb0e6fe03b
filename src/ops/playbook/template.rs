//! Templates and `when:` expressions (minijinja, Jinja syntax). In a `run` line every
//! `{{ value }}` is shell-quoted by the project's one quoting function
//! (`transport::cmd::quote`), so a hostile value stays one argument; `{{ value | raw }}`
//! inserts the value as shell text, for values that are meant to be shell. A secret in a `run`
//! line renders as a reference to a shell variable (`"$HOSTOPS_SECRET_name"`) that the engine
//! fills from stdin, so its value is never on a command line.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Arc, LazyLock};

use minijinja::value::{Object, ObjectRepr};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior, Value};

use crate::transport::cmd::quote;

/// The template name whose output is a shell command line.
const SHELL: &str = "run";

static ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    // A misspelt variable is an error, not an empty string in a command.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .keep_trailing_newline(true)
            .build()
            .expect("the default syntax with trailing newlines kept"),
    );
    env.set_auto_escape_callback(|name| {
        if name == SHELL {
            AutoEscape::Custom("shell".into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        if value.downcast_object_ref::<SecretRef>().is_some() {
            // Already a quoted variable reference, whatever the template kind.
            write!(out, "{value}").map_err(Error::from)
        } else if matches!(state.auto_escape(), AutoEscape::Custom(name) if name == "shell")
            && !value.is_safe()
        {
            let text = value.to_string();
            let quoted =
                quote(&text).map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))?;
            out.write_str(&quoted).map_err(Error::from)
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    env.add_filter("raw", |v: Value| Value::from_safe_string(v.to_string()));
    env
});

/// A secret variable in a `run` line: renders as `"$HOSTOPS_SECRET_name"`.
#[derive(Debug)]
struct SecretRef(String);

impl Object for SecretRef {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&secret_expansion(&self.0))
    }
}

/// The shell variable that holds secret `name` in a `run` line.
pub fn secret_variable(name: &str) -> String {
    format!("HOSTOPS_SECRET_{name}")
}

/// What secret `name` renders as in a `run` line: its variable, expanded as one word.
pub fn secret_expansion(name: &str) -> String {
    format!("\"${}\"", secret_variable(name))
}

/// What secret `name` is in the variables of a `run` line: a reference, never the value.
pub fn secret_reference(name: &str) -> Value {
    Value::from_object(SecretRef(name.to_string()))
}

/// The variables a template or expression reads that it does not set itself (minijinja's
/// own functions such as `range` aside).
pub fn variables_used(source: &str, expression: bool) -> Result<BTreeSet<String>, String> {
    let names = if expression {
        ENV.compile_expression(source)
            .map_err(|e| describe(&e))?
            .undeclared_variables(false)
    } else {
        ENV.template_from_str(source)
            .map_err(|e| describe(&e))?
            .undeclared_variables(false)
    };
    Ok(names
        .into_iter()
        .filter(|n| !ENV.globals().any(|(g, _)| g == n))
        .collect())
}

fn describe(e: &Error) -> String {
    match e.detail() {
        Some(detail) if !e.to_string().contains(detail) => format!("{e}: {detail}"),
        _ => e.to_string(),
    }
}

/// Checks template syntax (used while parsing a playbook).
pub fn check_template(source: &str) -> Result<(), String> {
    ENV.template_from_str(source)
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// Checks expression syntax (used while parsing a playbook).
pub fn check_expression(source: &str) -> Result<(), String> {
    ENV.compile_expression(source)
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// Renders a `run` line: interpolations are shell-quoted unless marked `| raw`.
pub fn render_shell(source: &str, vars: &Value) -> Result<String, String> {
    ENV.template_from_named_str(SHELL, source)
        .and_then(|t| t.render(vars))
        .map_err(|e| describe(&e))
}

/// Renders plain text (file contents, paths): nothing is quoted.
pub fn render_text(source: &str, vars: &Value) -> Result<String, String> {
    ENV.template_from_named_str("text", source)
        .and_then(|t| t.render(vars))
        .map_err(|e| describe(&e))
}

/// Evaluates a `when:` expression to true or false.
pub fn eval(expr: &str, vars: &Value) -> Result<bool, String> {
    ENV.compile_expression(expr)
        .and_then(|e| e.eval(vars))
        .map(|v| v.is_true())
        .map_err(|e| describe(&e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn vars(pairs: &[(&str, &str)]) -> Value {
        let map: BTreeMap<String, Value> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Value::from(*v)))
            .collect();
        Value::from(map)
    }

    #[test]
    fn interpolations_in_run_lines_are_quoted_unless_raw() {
        let v = vars(&[("x", "a; rm -rf /"), ("plain", "apache2"), ("sh", "a | b")]);
        assert_eq!(
            render_shell("echo {{ x }} {{ plain }} {{ sh | raw }}", &v).unwrap(),
            "echo 'a; rm -rf /' apache2 a | b"
        );
    }

    #[test]
    fn text_templates_are_not_quoted_and_undefined_is_an_error() {
        let v = vars(&[("x", "it's")]);
        assert_eq!(render_text("v={{ x }}\n", &v).unwrap(), "v=it's\n");
        assert!(render_shell("echo {{ y }}", &v)
            .unwrap_err()
            .contains("undefined"));
    }

    #[test]
    fn secrets_in_run_lines_are_variable_references() {
        let mut map: BTreeMap<String, Value> = BTreeMap::new();
        map.insert("pw".into(), secret_reference("pw"));
        let v = Value::from(map);
        assert_eq!(
            render_shell("x --password={{ pw }} {{ pw | raw }}", &v).unwrap(),
            "x --password=\"$HOSTOPS_SECRET_pw\" \"$HOSTOPS_SECRET_pw\""
        );
    }

    #[test]
    fn variables_used_leave_out_what_templates_set_and_builtins() {
        let used = variables_used(
            "{% for p in pkgs %}{{ p }}{{ range(3) }}{% endfor %}{{ a.b }}",
            false,
        )
        .unwrap();
        assert_eq!(used.into_iter().collect::<Vec<_>>(), ["a", "pkgs"]);
        let used = variables_used("x is defined and y.rc == 0", true).unwrap();
        assert_eq!(used.into_iter().collect::<Vec<_>>(), ["x", "y"]);
    }

    #[test]
    fn expressions() {
        let v = vars(&[("pkg", "apt")]);
        assert!(eval("pkg == 'apt'", &v).unwrap());
        assert!(!eval("pkg in ['dnf', 'yum']", &v).unwrap());
        assert!(eval("missing is not defined", &v).unwrap());
        assert!(check_expression("pkg ==").is_err());
    }
}
