//! The home directory of an account whose panel packages it without one (cPanel's
//! `pkgacct --skiphomedir`, as its Transfer Tool does): streamed with tar from the source into
//! the target's temporary directory (pulled by the target, or through hostops with
//! `--relay`), then put in place once the panel has restored the account, owned by the
//! account as the panel's restore would leave it.

use anyhow::Result;

use crate::ops::pull_access::Origin;
use crate::ops::transfer::{self, Route};
use crate::transport::{self, Cmd, Progress, Transport};

/// Where the home of `user` waits on the target, in the migration's temporary directory
/// (beside the homes, so that putting it in place is a rename).
pub fn staged(workdir: &str, user: &str) -> String {
    format!("{workdir}/{user}.home")
}

/// Run on the source: the home directory as a tar stream, in the POSIX (pax) format, whose
/// headers keep modification times to the nanosecond (GNU tar's own format keeps seconds).
pub fn produce(home: &str) -> Cmd {
    Cmd::new("tar").args(["-C", home, "--format=posix", "-cf", "-", "."])
}

/// Run on the target: the stream unpacked into the staged directory (owners are set when
/// it is put in place).
pub fn consume(staged: &str) -> Cmd {
    Cmd::new("tar").args(["-C", staged, "-xpf", "-", "--no-same-owner"])
}

// Constant scripts; every value arrives as a quoted positional parameter.
/// `$1` the staged home, `$2` the command line that unpacks into it ([`consume`]). A killed
/// run's stream outlives it: its unpacking tar goes on writing after the SSH session that
/// started it is gone (revoking the one-off key ends no session already open). That tar
/// (only it: its whole command line, which names this run's directory) is ended first.
const FRESH_DIR: &str = r#"set -e
re=$(printf '%s\n' "$2" | sed 's/[].[\*^$()+?{|]/\\&/g')
if pkill -x -f -- "$re"; then
  i=0
  while pgrep -x -f -- "$re" >/dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
fi
rm -rf -- "$1"
mkdir -m 0700 -- "$1""#;

/// `$1` the staged home, `$2` the account's home, `$3` the account. The staged tree becomes
/// the home, owned by the account; the top-level directories the restore created keep the
/// owners it gave them (cPanel's `public_html` is USER:nobody, for the web server to read);
/// what the restore created that the source lacks is added, without changing what
/// the source had: directories (the home itself too, which a move to another parent touches) keep their times and modes (`cp -a` into an existing
/// directory would give it the restored one's), and nothing is written through a symbolic
/// link of the customer's. Safe to run again after an interruption.
const PLACE: &str = r#"set -e
staged=$1; home=$2; user=$3; restored=$1.restored
if [ -d "$staged" ]; then
  chown -R -- "$user:" "$staged"
  if [ -e "$home" ] && [ ! -e "$restored" ]; then mv -T -- "$home" "$restored"; fi
  t=$(stat -c %y -- "$staged")
  mv -T -- "$staged" "$home"
  touch -d "$t" -- "$home"
fi
if [ -d "$restored" ]; then
  merge='r=$1; h=$2; shift 2; hp=$(cd -P -- "$h" && pwd) || exit 1
  for src; do
    dst=$h/${src#"$r"/}; dir=${dst%/*}
    if [ -e "$dst" ] || [ -L "$dst" ]; then continue; fi
    [ "$(cd -P -- "$dir" 2>/dev/null && pwd)" = "$hp${dir#"$h"}" ] || continue
    t=$(stat -c %y -- "$dir") && cp -a -- "$src" "$dst" && touch -d "$t" -- "$dir" || exit 1
  done'
  find "$restored" -mindepth 1 -exec sh -c "$merge" sh "$restored" "$home" {} +
  for r in "$restored"/* "$restored"/.[!.]*; do
    h=$home/${r#"$restored"/}
    if [ -d "$r" ] && [ ! -L "$r" ] && [ -d "$h" ] && [ ! -L "$h" ]; then
      chown -h --reference="$r" -- "$h"
    fi
  done
  rm -rf -- "$restored"
fi"#;

/// Run on the target before the stream: an empty `staged` directory, whatever an earlier
/// attempt left there or still writes.
pub fn fresh_dir(staged: &str) -> Cmd {
    Cmd::script("sh", FRESH_DIR).args([staged, &consume(staged).argv().join(" ")])
}

/// The command that puts the staged home of `user` in place as `home`.
pub fn place_command(staged: &str, home: &str, user: &str) -> Cmd {
    Cmd::script("sh", PLACE).args([staged, home, user])
}

/// Streams `home` on the source into `staged` on the target; a failed stream leaves nothing
/// staged. `tag` names the one-off key of the direct route. Relayed, the bytes are reported
/// to `progress`; direct, they never pass through hostops (see `transfer::direct`).
pub fn stream(
    origin: &Origin<'_>,
    dst: &dyn Transport,
    route: Route,
    home: &str,
    staged: &str,
    tag: &str,
    progress: &dyn Progress,
) -> Result<()> {
    transport::run_ok(dst, &fresh_dir(staged))?;
    let (produce, consume) = (produce(home), consume(staged));
    let streamed = match route {
        Route::Direct => transfer::pull(origin, dst, tag, &produce, &consume).map(drop),
        Route::Relay => transfer::pipe(origin.t, &produce, dst, &consume, progress).map(drop),
    };
    if streamed.is_err() {
        let _ = transport::run(dst, &Cmd::new("rm").args(["-rf", "--", staged]), None, None);
    }
    streamed
}
