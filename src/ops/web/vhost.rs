//! The vhost Apache picked for a domain, and the PHP its handler sends `.php` files to.

use serde::Serialize;

use super::probe::Probe;

/// The vhost Apache picked for the name.
#[derive(Serialize)]
pub struct Vhost {
    pub file: String,
    pub line: Option<usize>,
    /// `name` (ServerName or ServerAlias) or `default` (the port's first vhost).
    pub matched: Option<String>,
}

/// The PHP serving the domain.
#[derive(Serialize)]
pub struct Php {
    /// The vhost's handler (`proxy:unix:...sock|fcgi://...`, `application/x-httpd-ea-php82`).
    pub handler: Option<String>,
    pub version: Option<String>,
    /// The PHP-FPM pool file listening on the handler's socket.
    pub pool: Option<String>,
    /// PHP-FPM or CGI (php_value/php_flag are then invalid in .htaccess).
    pub fpm: bool,
    pub mod_php: bool,
    /// PHP installations found on the server.
    pub installed: Vec<String>,
}

/// The handler in the vhost and its includes, its PHP version, the installed PHPs.
pub fn php(p: &Probe) -> Php {
    let lines = p
        .vhost
        .iter()
        .chain(p.includes.iter().flat_map(|(_, l)| l.iter()));
    let handler = lines
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            let d = w.next()?.to_ascii_lowercase();
            let arg = w.next()?.trim_matches('"');
            (matches!(d.as_str(), "sethandler" | "addhandler")
                && (arg.contains("php") || arg.starts_with("proxy:")))
            .then(|| arg.to_string())
        })
        .next();
    let version = handler
        .as_deref()
        .and_then(php_version)
        .or_else(|| p.pool.as_deref().and_then(php_version));
    Php {
        fpm: handler
            .as_deref()
            .is_some_and(|h| h.starts_with("proxy:") || h.contains("fcgi") || h.contains("cgi")),
        mod_php: p.modules.contains("php"),
        handler,
        version,
        pool: p.pool.clone(),
        installed: p.php.clone(),
    }
}

/// `ea-php82`, `php8.2`, `php82`, `php/8.2/` in a handler, socket or pool path -> `8.2`.
fn php_version(handler: &str) -> Option<String> {
    let re = regex::Regex::new(r"php[-/]?(?:fpm)?(\d)\.?(\d{1,2})").ok()?;
    let c = re.captures(handler)?;
    Some(format!("{}.{}", &c[1], &c[2]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_from_handlers() {
        assert_eq!(
            php_version("/etc/php/8.2/fpm/pool.d/shop.example.conf").as_deref(),
            Some("8.2")
        );
        assert_eq!(
            php_version("proxy:unix:/opt/cpanel/ea-php82/root/usr/var/run/php-fpm/x.sock|fcgi://d")
                .as_deref(),
            Some("8.2")
        );
        assert_eq!(
            php_version("proxy:unix:/etc/apache2/run/php8.2-fpm-bob.sock|fcgi://d").as_deref(),
            Some("8.2")
        );
        assert_eq!(
            php_version("proxy:unix:/usr/local/php81/sockets/bob.sock|fcgi://d").as_deref(),
            Some("8.1")
        );
        assert_eq!(
            php_version("proxy:unix:/var/www/vhosts/system/d/php-fpm.sock|fcgi://d"),
            None
        );
    }
}
