//! New passwords: generated from the system's random source, or provided and refused when
//! weak (with the reason), before any host is contacted.

use std::io::Read;

use anyhow::{bail, Context as _, Result};

/// Shortest and longest password hostops generates or accepts.
pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 128;
/// The length `--generate` uses without `--length`.
pub const DEFAULT_LENGTH: usize = 24;

/// Symbols a generated password may hold: none that a panel's form or a shell line treats
/// specially (the secret never meets a shell, but people copy it into other tools).
const SYMBOLS: &str = "-_.,:+=@%^";

/// Words that make a password guessable wherever they appear in it.
const COMMON: [&str; 8] = [
    "password", "passwort", "123456", "qwerty", "letmein", "welcome", "admin", "changeme",
];

/// Why `password` is too weak for `name` (the account, mailbox or user it is for), if it is.
pub fn weakness(password: &str, name: &str) -> Option<String> {
    let chars = password.chars().count();
    if password.chars().any(char::is_control) {
        return Some("it contains a control character (a newline, a tab)".into());
    }
    if chars < MIN_LENGTH {
        return Some(format!(
            "it has {chars} characters: at least {MIN_LENGTH} are needed"
        ));
    }
    if chars > MAX_LENGTH {
        return Some(format!("it is longer than {MAX_LENGTH} characters"));
    }
    let classes = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ];
    if classes.iter().filter(|&&c| c).count() < 3 {
        return Some(
            "it needs characters of 3 kinds of 4: lowercase, uppercase, digits, symbols".into(),
        );
    }
    let lower = password.to_lowercase();
    let user = name.split('@').next().unwrap_or(name).to_lowercase();
    if user.len() >= 3 && lower.contains(&user) {
        return Some(format!("it contains the name {user:?}"));
    }
    if let Some(word) = COMMON.iter().find(|w| lower.contains(*w)) {
        return Some(format!("it contains the common word {word:?}"));
    }
    if password
        .chars()
        .collect::<std::collections::BTreeSet<_>>()
        .len()
        < chars / 3
    {
        return Some("it repeats too few different characters".into());
    }
    None
}

/// A random password of `length` characters (letters, digits and a few symbols) that passes
/// [`weakness`] for `name`.
pub fn generate(length: usize, name: &str) -> Result<String> {
    if !(MIN_LENGTH..=MAX_LENGTH).contains(&length) {
        bail!(crate::exit::StatusError::usage(format!(
            "--length must be {MIN_LENGTH} to {MAX_LENGTH}"
        )));
    }
    let alphabet: Vec<char> = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain(SYMBOLS.chars())
        .collect();
    let mut random = std::fs::File::open("/dev/urandom").context("opening /dev/urandom")?;
    loop {
        let mut out = String::with_capacity(length);
        while out.chars().count() < length {
            let mut byte = [0u8; 1];
            random.read_exact(&mut byte)?;
            // Rejection sampling: every character equally likely.
            let limit = 256 - 256 % alphabet.len();
            if (byte[0] as usize) < limit {
                out.push(alphabet[byte[0] as usize % alphabet.len()]);
            }
        }
        if weakness(&out, name).is_none() {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passwords_are_refused_with_the_reason() {
        let w = |p: &str| weakness(p, "info@shop.test").unwrap_or_default();
        assert!(w("Short-1").contains("7 characters"));
        assert!(w("alllowercaseletters").contains("3 kinds"));
        assert!(w("My-info-Mailbox-9").contains("\"info\""));
        assert!(w("Big-Password-2026").contains("password"));
        assert!(w("Line-one-9\nLine-two").contains("control"));
        assert!(w("aaaaaaaaaaaaA1-aaaa").contains("different"));
        assert_eq!(weakness("Tr0ub4dor-horse-staple", "info@shop.test"), None);
    }

    #[test]
    fn generated_passwords_have_the_length_and_pass_the_check() {
        for len in [MIN_LENGTH, DEFAULT_LENGTH, 64] {
            let p = generate(len, "bob").unwrap();
            assert_eq!(p.chars().count(), len);
            assert_eq!(weakness(&p, "bob"), None);
        }
        assert_ne!(generate(20, "bob").unwrap(), generate(20, "bob").unwrap());
        assert!(generate(8, "bob").is_err());
    }
}
