//! `hostops web ...`

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct WebArgs {
    #[command(subcommand)]
    pub command: WebCommand,
}

#[derive(Debug, Subcommand)]
pub enum WebCommand {
    /// Why a site answers 500/403/a redirect loop: the request through the server's own
    /// Apache, its error-log lines, the .htaccess files, permissions and PHP (read-only)
    Check(WebCheckArgs),
    /// A domain's Apache configuration: show it, or change the domain's own lines
    Config(WebConfigArgs),
    /// Add or reset one user of a password file (.htpasswd) with bcrypt; the password is
    /// generated or read from stdin, never an argument
    Htpasswd(WebHtpasswdArgs),
    /// Put back what a `web config edit` run changed (checked, rebuilt and reloaded the same way)
    #[command(after_help = "Example: hostops --ticket INC-1234 web undo 20261203-112233-ab12")]
    Undo {
        /// The edit's run (`hostops log show` lists a ticket's runs)
        run_id: String,
    },
}

#[derive(Debug, Args)]
pub struct WebConfigArgs {
    #[command(subcommand)]
    pub command: WebConfigCommand,
}

/// The domain and where it is served.
#[derive(Debug, Args)]
pub struct WebDomain {
    /// The domain
    pub domain: String,
    /// The server (default: the one inventory host holding the domain)
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,
    /// The port-443 file where the panel keeps one per port (cPanel ssl/, Plesk vhost_ssl.conf)
    #[arg(long)]
    pub https: bool,
}

#[derive(Debug, Subcommand)]
pub enum WebConfigCommand {
    /// Which vhost answers the name (apachectl -S), its document root, PHP handler, includes,
    /// and the file the panel keeps the domain's own lines in (read-only)
    #[command(
        after_help = "Example: hostops --ticket INC-1234 web config show shop.example --host web01"
    )]
    Show(WebDomain),
    /// Change the domain's own Apache lines in the panel's place, checked with apachectl -t
    /// before and after, rebuilt, reloaded, requested; rolled back on any failure
    #[command(
        after_help = "The file: cPanel /etc/apache2/conf.d/userdata/{std,ssl}/2_4/USER/DOMAIN/hostops.conf \
(rebuildhttpdconf), Plesk /var/www/vhosts/system/DOMAIN/conf/vhost.conf or vhost_ssl.conf (httpdmng \
--reconfigure-domain), DirectAdmin .../users/USER/domains/DOMAIN.cust_httpd (da build rewrite_confs), \
no panel: the vhost's own file (every VirtualHost block of it). The plan is the diff; the run \
journals it, and `hostops web undo RUN_ID` puts the old text back.

Exit status: 0 applied, 1 refused by apachectl or rolled back, 2 bad usage, 4 refused (plan).

Examples:
  hostops --ticket INC-1234 web config edit shop.example --host web01 --set 'Header set X-Frame-Options SAMEORIGIN'
  hostops --ticket INC-1234 web config edit shop.example --host web01 --unset 'Header set X-Frame-Options'
  hostops --ticket INC-1234 web config edit shop.example --host web01 --file new-vhost.conf"
    )]
    Edit(WebEditArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["set", "unset", "file"])))]
pub struct WebEditArgs {
    #[command(flatten)]
    pub target: WebDomain,
    /// Set a directive: replaces the lines with the same directive (and the same words but
    /// the value), or adds it
    #[arg(long, value_name = "'DIRECTIVE ARGS'")]
    pub set: Option<String>,
    /// Remove the lines starting with these words
    #[arg(long, value_name = "DIRECTIVE")]
    pub unset: Option<String>,
    /// The file's whole new text
    #[arg(long, value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "On the server, in one SSH round trip: the URL requested through its own Apache \
(curl --resolve, so Host and SNI are the domain's; redirects on the same site followed), the \
error-log lines written for that request (filtered on the server by the request's client \
address), every .htaccess from the document root down to the path (directives without their \
module, php_value under PHP-FPM, handlers for a PHP the server lacks, 2.2 Order/Deny, RewriteRule \
with symlink options off, rewrite loops, AuthUserFile), password files read as the web server's \
user (weak hashes), permissions along the path, the PHP handler. The verdict names file, line \
and fix.

Exit status: 0 healthy, 1 findings, 2 bad domain or path, 3 host unreachable.

Examples:
  hostops --ticket INC-1234 web check shop.example --host web01
  hostops --ticket INC-1234 web check shop.example --path /blog/wp-login.php --https"
)]
pub struct WebCheckArgs {
    /// The domain, as a browser asks for it
    pub domain: String,
    /// The server (default: the one inventory host holding the domain)
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,
    /// The URL path (with a query string if needed)
    #[arg(long, default_value = "/", value_name = "/PATH")]
    pub path: String,
    /// Request over HTTPS (port 443, SNI set)
    #[arg(long)]
    pub https: bool,
    /// Redirects followed on the same site
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub max_redirects: u32,
}

#[derive(Debug, Args)]
#[command(
    group(clap::ArgGroup::new("password").required(true).args(["generate", "stdin"])),
    after_help = "htpasswd -i -B runs on the server as the owner of the file (of its directory \
when it is created), the password on its stdin; a symlink is refused. A generated password is \
shown once on stderr, and nowhere else (not in the journal, not in the JSON).

Examples:
  hostops --ticket INC-1234 web htpasswd shop.example /home/shop/.htpasswd --host web01 --user admin --generate
  printf '%s\\n' \"$PW\" | hostops --ticket INC-1234 -y web htpasswd shop.example /home/shop/.htpasswd --user admin --stdin"
)]
pub struct WebHtpasswdArgs {
    /// The domain the file protects
    pub domain: String,
    /// The password file's absolute path
    pub file: String,
    /// The server (default: the one inventory host holding the domain)
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,
    /// The user to add or reset
    #[arg(long, value_name = "NAME")]
    pub user: String,
    /// Generate a password (20 characters), shown once
    #[arg(long)]
    pub generate: bool,
    /// Read the password from the first line of stdin
    #[arg(long)]
    pub stdin: bool,
}
