//! DirectAdmin's HTTP API (port 2222) called on the server itself: `da api-url [--user=U]`
//! makes a login key and prints the base URL that carries it; one constant script hands curl
//! the whole request (that URL, the path, the url-encoded form) as its configuration on stdin
//! (`curl -K -`), so neither the key nor a password is ever on a command line. The answer is
//! DirectAdmin's url-encoded `error=0&text=...&details=...`.

use anyhow::{bail, Result};

use crate::transport::Cmd;

/// `$1`: the user the login key is for (empty: the admin); `$2`: the CMD_API_* path and its
/// query (percent-encoded); `$3`, or else one line of stdin: the form body (percent-encoded).
/// A body read from stdin that ends in the new password `&passwd=...` gets it again as
/// `passwd2` (DirectAdmin's confirmation field), on the server, so it is sent only once.
/// DirectAdmin's documentation names no call that revokes the key `da api-url` made: it is
/// left to DirectAdmin's own expiry of such keys.
const API_SCRIPT: &str = r#"set -eu
if [ "$#" -ge 3 ]; then body=$3; else
  IFS= read -r body
  case $body in *"&passwd="*) body="$body&passwd2=${body##*&passwd=}" ;; esac
fi
if [ -n "$1" ]; then url=$(da api-url --user="$1"); else url=$(da api-url); fi
case $url in https://*) ;; *) echo "hostops: da api-url printed no URL" >&2; exit 1 ;; esac
printf 'url = "%s/%s"\ndata = "%s"\n' "${url%/}" "$2" "$body" | curl -sS -f -k -K -"#;

/// The API call `path` as `user` (empty: the admin), with `body` as its form, or with the
/// form read from stdin when `body` is None (a password's form).
pub fn call(user: &str, path: &str, body: Option<&str>) -> Cmd {
    let cmd = Cmd::new("sh").args(["-c", API_SCRIPT, "hostops-da-api", user, path]);
    match body {
        Some(b) => cmd.arg(b),
        None => cmd,
    }
}

/// `text` percent-decoded (`+` a space), as a url-encoded answer's value.
fn decode(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of `key` in a url-encoded answer.
fn field(answer: &str, key: &str) -> Option<String> {
    answer.trim().split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (decode(k) == key).then(|| decode(v))
    })
}

/// Reads DirectAdmin's answer: `error=0` is success, anything else DirectAdmin's refusal
/// (its `text` and `details`). `missing`: a marker in `details` that is a failure although
/// DirectAdmin says `error=0` (a deleted record that "did not exist").
pub fn judge(answer: &str, missing: Option<&str>) -> Result<()> {
    let Some(error) = field(answer, "error") else {
        bail!(
            "DirectAdmin's API did not answer error=...: {:.200}",
            answer.trim()
        );
    };
    let text = field(answer, "text").unwrap_or_default();
    let details = field(answer, "details").unwrap_or_default();
    if error != "0" {
        bail!("DirectAdmin refused: {text} {details}");
    }
    if let Some(m) = missing {
        if details.contains(m) {
            bail!("DirectAdmin: {text}, but {details}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_judged_by_error_and_a_silent_miss_is_a_failure() {
        assert!(judge("error=0&text=Record%20Added&details=", None).is_ok());
        let miss = "error=0&text=Records%20Deleted&details=www%20A%201.2.3.4%20did%20not%20exist";
        assert!(judge(miss, None).is_ok());
        let e = judge(miss, Some("did not exist")).unwrap_err().to_string();
        assert!(e.contains("www A 1.2.3.4 did not exist"), "{e}");
        let refused = judge("error=1&text=Cannot+add&details=bad%20value", None);
        assert!(refused
            .unwrap_err()
            .to_string()
            .contains("Cannot add bad value"));
        assert!(judge("<html>", None).is_err());
    }

    #[test]
    fn the_form_travels_as_an_argument_or_on_stdin_never_the_key() {
        let c = call("", "CMD_API_DNS_ADMIN?action=add", Some("type=A"));
        assert_eq!(
            c.argv()[4..],
            ["", "CMD_API_DNS_ADMIN?action=add", "type=A"]
        );
        assert_eq!(call("bob", "CMD_API_POP", None).argv().len(), 6);
    }
}
