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
