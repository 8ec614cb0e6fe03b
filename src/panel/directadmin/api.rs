//! DirectAdmin's HTTP API (port 2222) called on the server itself: `da api-url [--user=U]`
//! makes a login key and prints the base URL that carries it; one constant script hands curl
//! the whole request (that URL, the path, the url-encoded form) as its configuration on stdin
//! (`curl -K -`), so neither the key nor a password is ever on a command line. The answer is
//! DirectAdmin's url-encoded `error=0&text=...&details=...`.

use crate::transport::Cmd;

/// `$1`: the user the login key is for (empty: the admin); `$2`: the CMD_API_* (or `api/...`)
/// path and its query (percent-encoded); `$3`, or else one line of stdin: the form body
/// (percent-encoded), or a JSON object (`{...}`, for the JSON API under `api/`: every
/// character but letters and digits `\u`-escaped, so it is written unquoted in curl's
/// configuration, where a backslash would otherwise be read as quoting). A form read from
/// stdin that ends in the new password `&passwd=...` gets it again as `passwd2`
/// (DirectAdmin's confirmation field), on the server, so it is sent only once.
/// The key `da api-url` makes is not revoked: DirectAdmin's documentation names no call that
/// finds it (`da api-url` prints no key name or id, which `CMD_API_LOGIN_KEYS`' delete and
/// `DELETE /api/login-keys/keys/{id}` need) and no option that shortens its life; such keys
/// last 24 hours (DirectAdmin's API overview). It never leaves the server.
const API_SCRIPT: &str = r#"set -eu
if [ "$#" -ge 3 ]; then body=$3; else
  IFS= read -r body
  case $body in *"&passwd="*) body="$body&passwd2=${body##*&passwd=}" ;; esac
fi
if [ -n "$1" ]; then url=$(da api-url --user="$1"); else url=$(da api-url); fi
case $url in https://*) ;; *) echo "hostops: da api-url printed no URL" >&2; exit 1 ;; esac
case $url in *[!A-Za-z0-9:/._~%@?=\&+-]*) echo "hostops: da api-url printed an unexpected URL" >&2; exit 1 ;; esac
case $body in
  "{"*) printf 'url = "%s/%s"\nheader = "Content-Type: application/json"\ndata = %s\n' "${url%/}" "$2" "$body" ;;
  *) printf 'url = "%s/%s"\ndata = "%s"\n' "${url%/}" "$2" "$body" ;;
esac | curl -sS -f -k -K -"#;

/// The API call `path` as `user` (empty: the admin), with `body` as its form, or with the
/// form read from stdin when `body` is None (a password's form).
pub fn call(user: &str, path: &str, body: Option<&str>) -> Cmd {
    let cmd = Cmd::new("sh").args(["-c", API_SCRIPT, "hostops-da-api", user, path]);
    match body {
        Some(b) => cmd.arg(b),
        None => cmd,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
