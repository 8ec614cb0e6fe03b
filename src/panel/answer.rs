//! The panels' API answers judged: WHM API 1's JSON envelope (`metadata.result`, `reason`)
//! and DirectAdmin's url-encoded `error=0&text=...&details=...`. Below every capability that
//! reads them (DNS steps, passwords, mail hold), so none of those imports a panel driver.

use anyhow::{bail, Context as _, Result};

/// WHM API 1's envelope: Ok when `metadata.result` is 1, else the panel's `reason`.
pub fn whmapi1(stdout: &str) -> Result<(), Refusal> {
    let v: serde_json::Value = serde_json::from_str(stdout)
        .with_context(|| format!("whmapi1: unexpected output: {stdout:.200}"))
        .map_err(|e| Refusal(e.to_string()))?;
    let meta = &v["metadata"];
    if meta["result"].as_i64() == Some(1) {
        return Ok(());
    }
    Err(Refusal(
        meta["reason"]
            .as_str()
            .unwrap_or("no reason given")
            .to_string(),
    ))
}

/// What a panel said when it refused.
#[derive(Debug)]
pub struct Refusal(pub String);

/// One field of a url-encoded answer, decoded.
pub fn field(answer: &str, key: &str) -> Option<String> {
    form_urlencoded::parse(answer.trim().as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

/// DirectAdmin's answer: `error=0` is success, anything else DirectAdmin's refusal (its
/// `text` and `details`). `missing`: a marker in `details` that is a failure although
/// DirectAdmin says `error=0` (a deleted record that "did not exist").
pub fn directadmin(answer: &str, missing: Option<&str>) -> Result<()> {
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

/// `text` url-encoded as a form value (the panels' HTTP APIs read forms).
pub fn form_value(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// `pairs` as a url-encoded form.
pub fn form(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directadmin_answers_are_judged_by_error_and_a_silent_miss_is_a_failure() {
        assert!(directadmin("error=0&text=Record%20Added&details=", None).is_ok());
        let miss = "error=0&text=Records%20Deleted&details=www%20A%201.2.3.4%20did%20not%20exist";
        assert!(directadmin(miss, None).is_ok());
        let e = directadmin(miss, Some("did not exist"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("www A 1.2.3.4 did not exist"), "{e}");
        let refused = directadmin("error=1&text=Cannot+add&details=bad%20value", None);
        assert!(refused
            .unwrap_err()
            .to_string()
            .contains("Cannot add bad value"));
        assert!(directadmin("<html>", None).is_err());
    }

    #[test]
    fn whmapi1_envelopes_and_forms() {
        assert!(whmapi1(r#"{"metadata":{"result":1}}"#).is_ok());
        let r = whmapi1(r#"{"metadata":{"result":0,"reason":"no"}}"#).unwrap_err();
        assert_eq!(r.0, "no");
        assert!(whmapi1("<html>")
            .unwrap_err()
            .0
            .contains("unexpected output"));
        assert_eq!(form(&[("a b", "c&d=e")]), "a+b=c%26d%3De");
        assert_eq!(form_value("p@ss w"), "p%40ss+w");
    }
}
