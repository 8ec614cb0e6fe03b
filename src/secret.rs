//! Secrets (passwords, tokens, keys) as a type: the value is registered with the run's
//! [`Redactor`] when the `Secret` is made, so it is masked in everything recorded or printed
//! afterwards, and it has no `Display` and a masked `Debug`: the value only comes out through
//! [`Secret::expose`], where it is sent (on a channel's stdin, never on a command line).

use std::fmt;

use crate::journal::Redactor;

#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// Registers `value` with `redactor` and wraps it.
    pub fn registered(value: String, redactor: &Redactor) -> Secret {
        redactor.add_secret(&value);
        Secret(value)
    }

    /// The value, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_value_and_making_one_registers_it() {
        let r = Redactor::default();
        let s = Secret::registered("hunter22".into(), &r);
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(s.expose(), "hunter22");
        assert_eq!(r.redact("echo hunter22"), "echo ***");
    }
}
