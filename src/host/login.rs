//! Real logins on a server, run on the server itself with the password on the checker's
//! stdin (never on a command line): IMAP and FTP with python3's `imaplib` and `ftplib` (to
//! 127.0.0.1, then the addresses of the host's own name, then the others it has, as servers
//! listen on one or another),
//! MariaDB/MySQL with the client reading its password from an option file on stdin, a system
//! user through PAM (python3 and libpam through ctypes).

use crate::transport::Cmd;

/// `$1` imap|ftp, `$2` the user; the password is the first line of stdin. Prints one line;
/// exit 0 accepted, 1 refused, 2 the service could not be reached.
const NET_CHECKER: &str = r#"
import ftplib, imaplib, socket, subprocess, sys
kind, user = sys.argv[1], sys.argv[2]
pw = sys.stdin.readline().rstrip("\n")
port = {"imap": 143, "ftp": 21}[kind]
addrs = ["127.0.0.1"]
try:
    addrs += socket.gethostbyname_ex(socket.gethostname())[2]
except OSError:
    pass
try:
    addrs += subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5).stdout.split()
except (OSError, subprocess.SubprocessError):
    pass
for a in dict.fromkeys(addrs):
    try:
        socket.create_connection((a, port), timeout=3).close()
    except OSError:
        continue
    try:
        if kind == "imap":
            m = imaplib.IMAP4(a, port, timeout=10)
            m.login(user, pw)
            m.logout()
        else:
            f = ftplib.FTP(timeout=10)
            f.connect(a, port)
            f.login(user, pw)
            f.quit()
    except (imaplib.IMAP4.error, ftplib.error_perm) as e:
        print("%s login %s on %s:%d: refused (%s)" % (kind.upper(), user, a, port, e))
        sys.exit(1)
    except OSError as e:
        print("%s login %s on %s:%d: %s" % (kind.upper(), user, a, port, e))
        sys.exit(2)
    print("%s login %s on %s:%d: ok" % (kind.upper(), user, a, port))
    sys.exit(0)
print("%s: nothing listens on port %d (%s)" % (kind.upper(), port, ", ".join(dict.fromkeys(addrs))))
sys.exit(2)
"#;

/// `$1` the user; the password is the first line of stdin: PAM's `login` service
/// authenticates it (libpam through ctypes). Exit 0 accepted, 1 refused.
const PAM_CHECKER: &str = r#"
import ctypes, ctypes.util, sys
user = sys.argv[1]
pw = sys.stdin.readline().rstrip("\n")
pam = ctypes.CDLL(ctypes.util.find_library("pam") or "libpam.so.0")
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.calloc.restype = libc.strdup.restype = ctypes.c_void_p
class Msg(ctypes.Structure):
    _fields_ = [("style", ctypes.c_int), ("msg", ctypes.c_char_p)]
class Resp(ctypes.Structure):
    _fields_ = [("resp", ctypes.c_void_p), ("code", ctypes.c_int)]
CONV = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.POINTER(Msg)),
                        ctypes.POINTER(ctypes.POINTER(Resp)), ctypes.c_void_p)
class Conv(ctypes.Structure):
    _fields_ = [("conv", CONV), ("data", ctypes.c_void_p)]
def answer(n, msgs, resps, data):
    arr = ctypes.cast(libc.calloc(n, ctypes.sizeof(Resp)), ctypes.POINTER(Resp))
    for i in range(n):
        if msgs[i].contents.style == 1:  # PAM_PROMPT_ECHO_OFF: the password
            arr[i].resp = libc.strdup(pw.encode())
    resps[0] = arr
    return 0
conv = Conv(CONV(answer), None)
handle = ctypes.c_void_p()
pam.pam_start(b"login", user.encode(), ctypes.byref(conv), ctypes.byref(handle))
code = pam.pam_authenticate(handle, 0)
pam.pam_end(handle, code)
if code != 0:
    print("PAM login %s: refused (PAM error %d)" % (user, code))
    sys.exit(1)
print("PAM login %s: ok" % user)
"#;

/// A real login of the given kind (`imap`, `ftp` or `pam`) as `user`, the password on stdin.
pub fn check(kind: &str, user: &str) -> Cmd {
    match kind {
        "pam" => Cmd::new("python3").args(["-c", PAM_CHECKER, user]),
        _ => Cmd::new("python3").args(["-c", NET_CHECKER, kind, user]),
    }
}

/// A MariaDB/MySQL connection as `user`, the option file `[client] password=...` on stdin
/// (see [`mysql_option_file`]).
pub fn mysql_check(user: &str) -> Cmd {
    Cmd::new("mysql").args([
        "--defaults-extra-file=/dev/stdin",
        "--batch",
        "--skip-column-names",
        "--user",
        user,
        "-e",
        "SELECT CONCAT('MariaDB login ', CURRENT_USER(), ': ok')",
    ])
}

/// The client option file giving `password` (quoted, `\` and `"` escaped).
pub fn mysql_option_file(password: &str) -> String {
    format!(
        "[client]\npassword=\"{}\"\n",
        password.replace('\\', "\\\\").replace('"', "\\\"")
    )
}
