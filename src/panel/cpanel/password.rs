//! cPanel's passwords through its local HTTPS API (WHM, port 2087), never `whmapi1`/`uapi`
//! with the password on their command line: one constant script on the server creates a
//! short-lived API token (`whmapi1 api_token_create`), hands curl its whole request (URL,
//! `Authorization: whm root:TOKEN` header, the form body with the password read from stdin)
//! as its configuration on stdin (`curl -K -`), and revokes the token on its way out. The
//! token never leaves the server; the answer is the API's JSON envelope.

use anyhow::{bail, Result};
use serde_json::Value;

use super::Cpanel;
use crate::panel::answer::form_value;
use crate::panel::password::{Feed, Passwords, Reset, Target};
use crate::transport::Cmd;

/// `$1`: the json-api path and query (percent-encoded); `$2`: the token's name; stdin: the
/// form body (percent-encoded, one line). The token expires after 5 minutes even if the
/// revocation is never reached. Only an address's characters of the main IP file reach
/// curl's configuration.
const API_SCRIPT: &str = r#"set -eu
IFS= read -r body
out=$(whmapi1 --output=json api_token_create token_name="$2" expires_at="$(( $(date +%s) + 300 ))")
token=$(printf '%s\n' "$out" | sed -n 's/.*"token": *"\([A-Za-z0-9]*\)".*/\1/p')
if [ -z "$token" ]; then echo "hostops: whmapi1 api_token_create made no token" >&2; exit 1; fi
trap 'whmapi1 --output=json api_token_revoke token_name="$2" >/dev/null' EXIT
ip=$(cat /var/cpanel/mainip 2>/dev/null || true)
case $ip in *[!0-9A-Fa-f.:]*) ip='' ;; esac
printf 'url = "https://%s:2087/json-api/%s"\nheader = "Authorization: whm root:%s"\ndata = "%s"\n' "${ip:-127.0.0.1}" "$1" "$token" "$body" | curl -sS -k -K -"#;

/// The API call `path` with the form `fields` and the password as `key`.
fn api(path: String, tag: &str, fields: Vec<(String, String)>, key: &str) -> Reset {
    Reset {
        cmd: Cmd::new("sh").args(["-c", API_SCRIPT, "hostops-cpanel-api", &path, tag]),
        feed: Feed::Form {
            fields,
            key: key.into(),
        },
    }
}

/// A UAPI function run as `user` through WHM's json-api.
fn uapi(user: &str, module: &str, func: &str) -> String {
    format!(
        "cpanel?cpanel_jsonapi_user={}&cpanel_jsonapi_apiversion=3&cpanel_jsonapi_module={module}&cpanel_jsonapi_func={func}",
        form_value(user)
    )
}

fn pair(k: &str, v: &str) -> (String, String) {
    (k.to_string(), v.to_string())
}

impl Passwords for Cpanel {
    fn needs_owner(&self, target: &Target) -> bool {
        matches!(target, Target::Mailbox(_) | Target::Ftp(_))
    }

    /// cPanel's documented answers name no refusal of the current password: hostops finds
    /// a reuse out with a real login first.
    fn refuses_reuse(&self, _target: &Target) -> bool {
        true
    }

    fn reset(&self, target: &Target, owner: Option<&str>, tag: &str) -> Option<Reset> {
        Some(match target {
            Target::Account(user) => api(
                "passwd?api.version=1".into(),
                tag,
                vec![pair("user", user), pair("db_pass_update", "0")],
                "password",
            ),
            Target::Mailbox(address) => {
                let (b, d) = address.split_once('@')?;
                api(
                    uapi(owner?, "Email", "passwd_pop"),
                    tag,
                    vec![pair("email", b), pair("domain", d)],
                    "password",
                )
            }
            Target::Ftp(login) => api(
                uapi(owner?, "Ftp", "passwd"),
                tag,
                vec![pair("user", login)],
                "pass",
            ),
            // cPanel's database users are ACCOUNT_NAME (or the account itself).
            Target::DbUser(user) => api(
                uapi(
                    user.split('_').next().unwrap_or(user),
                    "Mysql",
                    "set_password",
                ),
                tag,
                vec![pair("user", user)],
                "password",
            ),
        })
    }

    fn judged(&self, _target: &Target, output: &str) -> Result<()> {
        judge(output)
    }
}

/// Reads the API's answer: UAPI's `result.status` (1, or 0 with `result.errors`; `Mysql
/// set_password`'s `result.data.failures`, one a MySQL host), WHM API 1's
/// `metadata.result` (1, or 0 with `metadata.reason`).
fn judge(output: &str) -> Result<()> {
    let Ok(v) = serde_json::from_str::<Value>(output.trim()) else {
        bail!("cPanel's API did not answer with JSON: {}", output.trim());
    };
    let (ok, why) = if let Some(status) = v["result"].get("status") {
        let errors = v["result"]["errors"]
            .as_array()
            .map(|e| {
                e.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        // Mysql set_password: one failure a MySQL host, with status 1.
        let failures = v["result"]["data"]["failures"]
            .as_array()
            .map(|f| {
                f.iter()
                    .map(|x| {
                        format!(
                            "{}: {}",
                            x["host"].as_str().unwrap_or("?"),
                            x["error"].as_str().unwrap_or("?")
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        if !failures.is_empty() {
            bail!("cPanel refused on MySQL host {}", failures.join("; "));
        }
        (status.as_i64() == Some(1), errors)
    } else if let Some(result) = v["metadata"].get("result") {
        let reason = v["metadata"]["reason"].as_str().unwrap_or_default();
        (result.as_i64() == Some(1), reason.to_string())
    } else {
        bail!("cPanel's API answered without a status: {}", output.trim());
    };
    if !ok {
        bail!("cPanel refused: {why}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uapi_and_whm_answers_are_judged_by_their_status() {
        let ok = r#"{"apiversion":3,"func":"passwd_pop","module":"Email","result":{"data":null,"errors":null,"messages":null,"metadata":{},"status":1,"warnings":null}}"#;
        assert!(judge(ok).is_ok());
        let refused = r#"{"apiversion":3,"func":"passwd_pop","module":"Email","result":{"data":null,"errors":["The account does not exist."],"messages":null,"metadata":{},"status":0,"warnings":null}}"#;
        assert!(judge(refused)
            .unwrap_err()
            .to_string()
            .contains("does not exist"));
        let whm = r#"{"data":{"app":["ftp"]},"metadata":{"command":"passwd","reason":"Password changed for user “bob”.","result":1,"version":1}}"#;
        assert!(judge(whm).is_ok());
        assert!(judge("<html>").is_err());
    }

    #[test]
    fn a_mailbox_goes_through_the_account_s_uapi_with_the_password_in_the_body() {
        let r = Cpanel
            .reset(
                &Target::Mailbox("info@a.test".into()),
                Some("bob"),
                "hostops-1",
            )
            .unwrap();
        assert_eq!(
            r.cmd.argv()[4],
            "cpanel?cpanel_jsonapi_user=bob&cpanel_jsonapi_apiversion=3&cpanel_jsonapi_module=Email&cpanel_jsonapi_func=passwd_pop"
        );
        assert_eq!(
            r.feed.input("p w"),
            "email=info&domain=a.test&password=p+w\n"
        );
    }
}
