//! Remote commands are argv, never strings: this is the ONE place an argv becomes a shell line.
//! Every argument is quoted so that `;`, `$()`, backticks, quotes, newlines and leading dashes
//! arrive on the remote side as exactly one argument, unchanged.

use std::borrow::Cow;
use std::fmt;

/// A command given as program and arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cmd {
    argv: Vec<String>,
}

/// An argument the remote shell cannot carry (a NUL byte).
#[derive(Debug, thiserror::Error)]
#[error("argument {0:?} contains a NUL byte, which no remote command can receive")]
pub struct UnquotableArg(pub String);

impl Cmd {
    pub fn new(program: impl Into<String>) -> Self {
        Cmd {
            argv: vec![program.into()],
        }
    }

    /// A constant `script` run by `shell` (`sh`, `bash`): the arguments added after it arrive
    /// as `$1`, `$2`..., so user input never becomes part of the script itself.
    pub fn script(shell: &str, script: &str) -> Self {
        Cmd::new(shell).args(["-c", script, shell])
    }

    /// Builds a command from a full argv (the first element is the program).
    pub fn from_argv<I, S>(argv: I) -> Option<Self>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let argv: Vec<String> = argv.into_iter().map(Into::into).collect();
        (!argv.is_empty()).then_some(Cmd { argv })
    }

    pub fn arg(mut self, arg: impl Into<String>) -> Self {
        self.argv.push(arg.into());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.argv.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn program(&self) -> &str {
        &self.argv[0]
    }

    pub fn argv(&self) -> &[String] {
        &self.argv
    }

    /// This command run under `timeout`, so the remote side kills it even if we lose the link.
    pub fn with_remote_timeout(&self, seconds: u64) -> Cmd {
        Cmd::new("timeout")
            .args(["--kill-after=5".to_string(), format!("{seconds}s")])
            .args(self.argv.iter().cloned())
    }

    /// The line a POSIX shell parses back into exactly this argv.
    pub fn to_shell_line(&self) -> Result<String, UnquotableArg> {
        let mut line = String::new();
        for (i, arg) in self.argv.iter().enumerate() {
            if i > 0 {
                line.push(' ');
            }
            line.push_str(&quote(arg)?);
        }
        Ok(line)
    }

    /// The shell line for messages, the journal and dry-run plans (NUL shown escaped).
    pub fn display(&self) -> String {
        self.to_shell_line()
            .unwrap_or_else(|_| format!("{:?}", self.argv))
    }
}

impl fmt::Display for Cmd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// Quotes one argument for a POSIX shell: bare when it is plainly safe, else single-quoted.
pub fn quote(arg: &str) -> Result<Cow<'_, str>, UnquotableArg> {
    if arg.contains('\0') {
        return Err(UnquotableArg(arg.to_string()));
    }
    let plain = !arg.is_empty()
        && arg
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b));
    if plain {
        return Ok(Cow::Borrowed(arg));
    }
    // Inside single quotes nothing is special except the quote itself, written as '\''.
    Ok(Cow::Owned(format!("'{}'", arg.replace('\'', r"'\''"))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    const HOSTILE: &[&str] = &[
        "; touch /tmp/hostops-pwned",
        "$(touch /tmp/hostops-pwned)",
        "`touch /tmp/hostops-pwned`",
        "it's \"quoted\"",
        "line1\nline2",
        "-n",
        "--help",
        "",
        "   ",
        "*",
        "~root",
        "a\\b",
        "../../etc/passwd",
        "&& echo hi || true",
        "\t|>&<",
        "!!",
        "é ✓",
    ];

    #[test]
    fn shell_parses_the_line_back_into_the_same_argv() {
        let cmd = Cmd::new("printf")
            .arg("%s\\0")
            .args(HOSTILE.iter().copied());
        let line = cmd.to_shell_line().unwrap();
        let out = Command::new("sh").arg("-c").arg(&line).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got: Vec<&str> = std::str::from_utf8(&out.stdout)
            .unwrap()
            .split('\0')
            .collect();
        assert_eq!(&got[..HOSTILE.len()], HOSTILE);
        assert_eq!(got[HOSTILE.len()], "");
    }

    #[test]
    fn plain_words_stay_bare() {
        let cmd = Cmd::new("/scripts/pkgacct")
            .arg("user1")
            .arg("--skiphomedir");
        assert_eq!(
            cmd.to_shell_line().unwrap(),
            "/scripts/pkgacct user1 --skiphomedir"
        );
    }

    #[test]
    fn nul_bytes_are_refused() {
        assert!(Cmd::new("echo").arg("a\0b").to_shell_line().is_err());
    }
}
