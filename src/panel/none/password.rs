//! Passwords without a panel: system users (accounts and FTP logins) with `chpasswd`,
//! mailboxes in dovecot's `passwd-file` (`/etc/dovecot/users`) rewritten with a `doveadm pw`
//! hash, database users with `ALTER USER` (hosts filled in by `ops::password`).

use super::NoPanel;
use crate::panel::password::{self, Feed, Passwords, Reset, Target};
use crate::transport::Cmd;

/// Dovecot's passwd-file of virtual mailboxes (`BOX@D:{SCHEME}HASH:UID:GID::HOME`).
pub const DOVECOT_USERS: &str = "/etc/dovecot/users";

/// Replaces the hash of mailbox `$1` in passwd-file `$2` with `doveadm pw`'s hash of the
/// password read on stdin (given to doveadm on its stdin; the hash reaches awk through its
/// environment). Only a regular file is replaced, through a new file in the same directory
/// with the old one's owner and mode; exit 3 when the file has no such mailbox. Dovecot
/// re-reads a passwd-file when its mtime (in seconds) or size changes: a hash of the same
/// length written in the same second as the old file would go unseen, so the new file's mtime
/// is moved on by a second then. And dovecot looks at the file at most once a second
/// (`passwd_file_sync` skips the `stat` when it already did one in the current second), so the
/// script ends in the next second: a login after it is sure to see the new file.
const MAILBOX_SCRIPT: &str = r#"set -eu
f=$2
IFS= read -r pw
if [ ! -f "$f" ] || [ -L "$f" ]; then echo "hostops: $f is not a regular file" >&2; exit 1; fi
hash=$(printf '%s\n%s\n' "$pw" "$pw" | doveadm pw -s SHA512-CRYPT)
tmp=$(mktemp "$f.hostops.XXXXXX")
if ! H=$hash awk -F: -v OFS=: -v box="$1" '$1 == box { $2 = ENVIRON["H"]; n++ } { print } END { exit n == 1 ? 0 : 3 }' "$f" >"$tmp"; then
  rm -f "$tmp"; echo "hostops: $f has no mailbox $1" >&2; exit 3
fi
chown --reference="$f" "$tmp"; chmod --reference="$f" "$tmp"
was=$(stat -c %Y "$f")
mv -f "$tmp" "$f"
[ "$(stat -c %Y "$f")" != "$was" ] || touch -d "@$((was + 1))" "$f"
now=$(date +%s); while [ "$(date +%s)" = "$now" ]; do sleep 0.1; done
echo "password of $1 set in $f""#;

impl Passwords for NoPanel {
    fn reset(&self, target: &Target, _owner: Option<&str>, _tag: &str) -> Option<Reset> {
        Some(match target {
            Target::Account(user) | Target::Ftp(user) => password::chpasswd(user),
            Target::Mailbox(address) => Reset {
                cmd: Cmd::new("sh").args([
                    "-c",
                    MAILBOX_SCRIPT,
                    "hostops-mailbox",
                    address,
                    DOVECOT_USERS,
                ]),
                feed: Feed::Line,
            },
            Target::DbUser(user) => password::alter_user(user, Vec::new()),
        })
    }
}
