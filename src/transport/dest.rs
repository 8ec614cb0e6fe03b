//! Where a copy lands, decided on the destination host itself (the same scripts run on the
//! engineer's machine through the `local` transport): scp's rule, an existing directory or a
//! path ending in `/` receives the source under its own name; and hostops' rule, only ever
//! replace a regular file: a symlink, device node, FIFO or socket as the final component is
//! refused (never followed), checked again just before the rename.

use super::{run, Cmd, Exit, Transport, TransportError};

/// What is being copied: one file, or a directory tree (whose destination must not exist:
/// trees are placed whole, never merged into an existing one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    File,
    Tree,
}

impl Kind {
    fn arg(self) -> &'static str {
        match self {
            Kind::File => "file",
            Kind::Tree => "tree",
        }
    }
}

/// The exit status with which the scripts refuse (their message is on stderr).
const REFUSED: i32 = 3;

// Constant scripts: every value arrives as a quoted positional parameter.
/// `$1` destination as given, `$2` the source's name, `$3` kind: prints the final path.
const RESOLVE: &str = r#"dest=$1 name=$2 kind=$3
refuse() { printf '%s\n' "$*" >&2; exit 3; }
base=${dest%/}
[ -n "$base" ] || base=/
[ -L "$base" ] && refuse "$base is a symbolic link: hostops never writes through links"
if [ -d "$base" ]; then
  case $base in */) final=$base$name ;; *) final=$base/$name ;; esac
elif [ "$base" != "$dest" ]; then
  refuse "$dest is not a directory"
else
  final=$dest
fi
[ -L "$final" ] && refuse "$final is a symbolic link: hostops replaces only regular files, and never follows links"
if [ "$kind" = tree ]; then
  [ -e "$final" ] && refuse "$final already exists: hostops does not merge directory trees; remove it or choose another destination"
elif [ -d "$final" ]; then
  refuse "$final is a directory: name the file inside it"
elif [ -e "$final" ] && [ ! -f "$final" ]; then
  refuse "$final is not a regular file (a device node, FIFO or socket): hostops replaces only regular files"
fi
printf '%s\n' "$final""#;

/// `$1` the finished temporary file or tree, `$2` the final path, `$3` kind: renames it into
/// place unless the final path became something it must not replace meanwhile.
const PLACE: &str = r#"tmp=$1 final=$2 kind=$3
if [ -L "$final" ] || { [ -e "$final" ] && { [ "$kind" = tree ] || [ ! -f "$final" ]; }; }; then
  printf '%s changed while the copy ran (now a link, directory or special file): not replaced\n' "$final" >&2
  exit 3
fi
exec mv -f -T -- "$tmp" "$final""#;

fn script(body: &str, args: &[&str]) -> Cmd {
    Cmd::script("sh", body).args(args.iter().copied())
}

fn outcome(t: &(impl Transport + ?Sized), cmd: &Cmd, what: &str) -> Result<String, TransportError> {
    let out = run(t, cmd, None, None)?;
    let said = out.stderr_text().trim().to_string();
    match out.exit {
        Exit::Code { code: 0 } => Ok(out
            .stdout_text()
            .strip_suffix('\n')
            .unwrap_or_default()
            .to_string()),
        Exit::Code { code: REFUSED } => Err(TransportError::Refused(format!(
            "{}: {said}",
            t.target().name
        ))),
        _ => Err(TransportError::Other(format!(
            "{}: {what}: {said}",
            t.target().name
        ))),
    }
}

/// The path a copy of something named `name` to `dest` is written to.
pub fn resolve(
    t: &(impl Transport + ?Sized),
    dest: &str,
    name: &str,
    kind: Kind,
) -> Result<String, TransportError> {
    if name.is_empty() || name == "." || name == ".." || name.contains('/') {
        return Err(TransportError::Refused(format!(
            "the source has no name to give the copy in {dest} (`{name}`): name the destination in full"
        )));
    }
    outcome(
        t,
        &script(RESOLVE, &[dest, name, kind.arg()]),
        "destination",
    )
}

/// Renames the finished `tmp` to `final_path` (see [`PLACE`]).
pub fn place(
    t: &(impl Transport + ?Sized),
    tmp: &str,
    final_path: &str,
    kind: Kind,
) -> Result<(), TransportError> {
    outcome(
        t,
        &script(PLACE, &[tmp, final_path, kind.arg()]),
        &format!("moving into {final_path}"),
    )
    .map(drop)
}

/// The last component of a source path (`a/b/` names `b`), for copies into a directory.
pub fn source_name(path: &str) -> &str {
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
}
