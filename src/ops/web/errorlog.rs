//! Apache 2.4 error-log lines (`[time] [module:level] [pid P:tid T] (errno)text: [client
//! IP:PORT] AHnnnnn: message, referer: URL`) read into their parts, with the AH code said in
//! plain words.

use serde::Serialize;

/// One error-log line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LogLine {
    pub time: String,
    pub module: String,
    pub level: String,
    /// `IP:PORT` of the request's client.
    pub client: Option<String>,
    /// `AH00529`, where the line has one.
    pub code: Option<String>,
    /// The code (or the message's kind) in plain words.
    pub meaning: Option<String>,
    /// The message after the client and the code (the system error in front, if any).
    pub message: String,
    /// The file the message names (an `.htaccess`, a directory, a password file).
    pub path: Option<String>,
}

/// What the codes a support engineer meets with .htaccess and PHP problems mean.
const CODES: &[(&str, &str)] = &[
    ("AH00124", "rewrite loop: the request was rewritten more than 10 times (LimitInternalRecursion)"),
    ("AH00529", "the web server cannot read an .htaccess: a directory on the path lacks x (search) permission for it, or the file is unreadable"),
    ("AH00670", "RewriteRule forbidden: Options FollowSymLinks and SymLinksIfOwnerMatch are both off where the rule is"),
    ("AH00035", "a directory on the path lacks x (search) permission for the web server"),
    ("AH00132", "file permissions deny the web server access"),
    ("AH00037", "symbolic link not allowed, or its target not accessible"),
    ("AH01630", "client denied by the server configuration (a Require rule)"),
    ("AH01797", "client denied by the server configuration (2.2 Order/Deny/Allow through mod_access_compat)"),
    ("AH01276", "no DirectoryIndex file in the directory and listings are off"),
    ("AH01071", "PHP-FPM answered with an error (\"Primary script unknown\": the script path it was given does not exist for the pool)"),
    ("AH01079", "cannot connect to the PHP-FPM socket"),
    ("AH02454", "cannot connect to the PHP-FPM socket (FastCGI backend)"),
    ("AH01620", "the AuthUserFile named cannot be opened"),
    ("AH01617", "wrong password for a user of the AuthUserFile"),
    ("AH01618", "user not found in the AuthUserFile"),
    ("AH00128", "file does not exist"),
    ("AH00526", "syntax error in the Apache configuration"),
    ("AH10244", "invalid URI path (a path outside the document root or malformed)"),
];

/// The plain words for `code`.
pub fn meaning(code: &str) -> Option<&'static str> {
    CODES.iter().find(|(c, _)| *c == code).map(|(_, m)| *m)
}

/// Takes a leading `[...]` off `s`: (inside, rest).
fn bracket(s: &str) -> Option<(&str, &str)> {
    let rest = s.strip_prefix('[')?;
    let end = rest.find(']')?;
    Some((&rest[..end], rest[end + 1..].trim_start()))
}

/// Reads one line; None when it is not in Apache 2.4's error-log format.
pub fn parse(line: &str) -> Option<LogLine> {
    let (time, rest) = bracket(line)?;
    let (ml, mut rest) = bracket(rest)?;
    let (module, level) = ml.split_once(':')?;
    if let Some((pid, r)) = bracket(rest) {
        if pid.starts_with("pid ") {
            rest = r;
        }
    }
    // A system error in front: "(13)Permission denied: [client ...] ..."
    let mut errno = None;
    if rest.starts_with('(') {
        if let Some(i) = rest.find(": ") {
            errno = Some(&rest[..i]);
            rest = &rest[i + 2..];
        }
    }
    let mut client = None;
    if let Some((c, r)) = bracket(rest) {
        if let Some(c) = c.strip_prefix("client ") {
            client = Some(c.to_string());
            rest = r;
        }
    }
    let rest = rest.split(", referer: ").next().unwrap_or(rest);
    let (code, text) = match rest.split_once(": ") {
        Some((c, t)) if is_code(c) => (Some(c.to_string()), t),
        _ => (None, rest),
    };
    let message = match errno {
        Some(e) => format!("{e}: {text}"),
        None => text.to_string(),
    };
    let meaning = code
        .as_deref()
        .and_then(meaning)
        .or_else(|| text.contains(": Invalid command '").then_some(INVALID))
        .map(String::from);
    Some(LogLine {
        time: time.to_string(),
        module: module.to_string(),
        level: level.to_string(),
        path: named_path(text),
        client,
        code,
        meaning,
        message,
    })
}

const INVALID: &str = "an .htaccess line Apache does not know (no module loaded for it): every request below gives 500";

fn is_code(s: &str) -> bool {
    s.len() == 7 && s.starts_with("AH") && s[2..].bytes().all(|b| b.is_ascii_digit())
}

/// The file or directory a message names: `/x/.htaccess: Invalid command ...`,
/// `AH00529: /x/.htaccess pcfg_openfile: ...`, `... restrictions : /x/`, `file: /x`.
fn named_path(text: &str) -> Option<String> {
    if text.starts_with('/') {
        let end = text
            .find([':', ' '])
            .filter(|&i| i > 0)
            .unwrap_or(text.len());
        return Some(text[..end].to_string());
    }
    let tail = text.rsplit(" : ").next().filter(|t| t.starts_with('/'));
    let after = text.split(": /").nth(1).map(|t| format!("/{t}"));
    tail.map(str::to_string)
        .or(after)
        .map(|p| p.split([' ', ',']).next().unwrap_or_default().to_string())
}

/// The `Invalid command 'X'` directive of a message, if it is one.
pub fn invalid_command(message: &str) -> Option<&str> {
    let rest = message.split("Invalid command '").nth(1)?;
    rest.split('\'').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_lines_of_every_shape() {
        let text = include_str!("../../../tests/fixtures/real/apache-error_log.txt");
        let lines: Vec<LogLine> = text.lines().filter_map(parse).collect();
        assert_eq!(
            lines.len(),
            text.lines().filter(|l| l.starts_with('[')).count()
        );
        let find = |code: &str| lines.iter().find(|l| l.code.as_deref() == Some(code));
        let denied = find("AH00529").expect("AH00529 line");
        assert_eq!(denied.level, "crit");
        assert_eq!(
            denied.path.as_deref(),
            Some("/home/webby/public_html/sub/.htaccess")
        );
        assert!(
            denied.message.starts_with("(13)Permission denied: "),
            "{denied:?}"
        );
        assert!(denied.client.is_some());
        let sym = find("AH00670").expect("AH00670 line");
        assert_eq!(sym.path.as_deref(), Some("/home/webby/public_html/"));
        assert!(find("AH00124")
            .unwrap()
            .meaning
            .as_deref()
            .unwrap()
            .starts_with("rewrite loop"));
        let php = lines
            .iter()
            .find(|l| invalid_command(&l.message) == Some("php_value"))
            .expect("php_value line");
        assert_eq!(
            php.path.as_deref(),
            Some("/home/webby/public_html/.htaccess")
        );
        assert_eq!((php.module.as_str(), php.level.as_str()), ("core", "alert"));
        assert!(php.meaning.is_some());
    }

    #[test]
    fn not_a_log_line() {
        assert_eq!(
            parse("AH00558: apache2: Could not reliably determine"),
            None
        );
        assert_eq!(parse("[x"), None);
    }
}
