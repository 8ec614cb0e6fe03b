//! A delivery failure's text (a remote's SMTP reply, LMTP's, exim's own) in plain words for a
//! support engineer: unknown user, mailbox full, spam, blocklist, SPF/DMARC, unreachable.

/// The plain-words cause of `reason`, or `None` when no known pattern matches (the raw text
/// is shown then).
pub fn cause(reason: &str) -> Option<&'static str> {
    let r = reason.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| r.contains(w));
    let cause = if has(&[
        "quota",
        "mailbox is full",
        "mailbox full",
        " 5.2.2",
        " 4.2.2",
    ]) {
        "mailbox full"
    } else if has(&[
        "max emails per hour",
        "rate overlimit",
        "ratelimit",
        "rate limit",
    ]) {
        "sending rate limit"
    } else if has(&["spf"]) {
        "SPF failure: the sending server is not allowed by the domain's SPF record"
    } else if has(&["dmarc"]) {
        "DMARC failure"
    } else if has(&[
        "spamhaus",
        "blocklist",
        "blacklist",
        "block list",
        "listed",
        "rbl",
        "dnsbl",
    ]) {
        "blocked by a blocklist"
    } else if has(&["spam"]) {
        "rejected as spam"
    } else if has(&[
        "no such user",
        "user unknown",
        "unknown user",
        "does not exist",
        "unknown recipient",
        "recipient rejected",
        " 5.1.1",
        "mailbox unavailable",
        "invalid recipient",
        "invalid mailbox",
        "user not found",
    ]) {
        "unknown recipient"
    } else if has(&["unrouteable address", "unroutable"]) {
        "no route to the recipient (unknown domain or mailbox)"
    } else if has(&["connection refused"]) {
        "the remote server refuses connections (port 25 closed)"
    } else if has(&["timed out", "timeout"]) {
        "remote timeout"
    } else if has(&["retry time not reached"]) {
        "waiting to retry the remote after an earlier failure"
    } else {
        return None;
    };
    Some(cause)
}

#[cfg(test)]
mod tests {
    use super::cause;

    #[test]
    fn plain_words() {
        let lmtp = "LMTP error after end of data: 552 5.2.2 <full@alpha.example> Quota exceeded (mailbox for user is full)";
        assert_eq!(cause(lmtp), Some("mailbox full"));
        let remote =
            "SMTP error from remote mail server after RCPT TO:<x@y>: 550 No Such User Here";
        assert_eq!(cause(remote), Some("unknown recipient"));
        assert_eq!(
            cause("550 5.7.1 Service unavailable; client host blocked using Spamhaus"),
            Some("blocked by a blocklist")
        );
        assert_eq!(
            cause("Connection refused"),
            Some("the remote server refuses connections (port 25 closed)")
        );
        assert_eq!(cause("Tainted arg 3 for rsmtp transport command"), None);
    }
}
