//! Which module provides each directive an `.htaccess` may hold (Apache 2.4's module
//! documentation, httpd.apache.org/docs/2.4/mod/), and the server-only ones that are an
//! error in an `.htaccess`.

/// (module as `apachectl -M` names it without `_module`, directives in lowercase).
const TABLE: &[(&str, &[&str])] = &[
    (
        "core",
        &[
            "acceptpathinfo",
            "adddefaultcharset",
            "authname",
            "authtype",
            "cgimapextension",
            "cgipassauth",
            "cgivar",
            "contentdigest",
            "defaulttype",
            "enablemmap",
            "enablesendfile",
            "errordocument",
            "fileetag",
            "forcetype",
            "limitrequestbody",
            "limitxmlrequestbody",
            "loglevel",
            "options",
            "qualifyredirecturl",
            "rlimitcpu",
            "rlimitmem",
            "rlimitnproc",
            "serversignature",
            "sethandler",
            "setinputfilter",
            "setoutputfilter",
            "<files>",
            "<filesmatch>",
            "<ifmodule>",
            "<ifdefine>",
            "<if>",
            "<else>",
            "<elseif>",
            "<limit>",
            "<limitexcept>",
            "<ifdirective>",
            "<ifsection>",
            "<iffile>",
        ],
    ),
    (
        "authz_core",
        &[
            "require",
            "authmerging",
            "authzsendforbiddenonfailure",
            "<requireall>",
            "<requireany>",
            "<requirenone>",
        ],
    ),
    ("authn_core", &["<authnprovideralias>"]),
    ("access_compat", &["order", "allow", "deny", "satisfy"]),
    (
        "auth_basic",
        &[
            "authbasicprovider",
            "authbasicauthoritative",
            "authbasicfake",
            "authbasicusedigestalgorithm",
        ],
    ),
    (
        "auth_digest",
        &[
            "authdigestprovider",
            "authdigestdomain",
            "authdigestnoncelifetime",
            "authdigestqop",
        ],
    ),
    ("authn_file", &["authuserfile"]),
    ("authz_groupfile", &["authgroupfile"]),
    (
        "rewrite",
        &[
            "rewriteengine",
            "rewritebase",
            "rewritecond",
            "rewriterule",
            "rewriteoptions",
        ],
    ),
    (
        "alias",
        &[
            "redirect",
            "redirectmatch",
            "redirectpermanent",
            "redirecttemp",
        ],
    ),
    ("headers", &["header", "requestheader"]),
    (
        "expires",
        &["expiresactive", "expiresbytype", "expiresdefault"],
    ),
    (
        "mime",
        &[
            "addcharset",
            "addencoding",
            "addhandler",
            "addinputfilter",
            "addlanguage",
            "addoutputfilter",
            "addtype",
            "defaultlanguage",
            "modmimeusepathinfo",
            "multiviewsmatch",
            "removecharset",
            "removeencoding",
            "removehandler",
            "removeinputfilter",
            "removelanguage",
            "removeoutputfilter",
            "removetype",
        ],
    ),
    (
        "dir",
        &[
            "directoryindex",
            "directoryslash",
            "fallbackresource",
            "directorycheckhandler",
            "directoryindexredirect",
        ],
    ),
    (
        "autoindex",
        &[
            "addalt",
            "addaltbyencoding",
            "addaltbytype",
            "adddescription",
            "addicon",
            "addiconbyencoding",
            "addiconbytype",
            "defaulticon",
            "headername",
            "indexheadinsert",
            "indexignore",
            "indexignorereset",
            "indexoptions",
            "indexorderdefault",
            "indexstylesheet",
            "readmename",
        ],
    ),
    (
        "setenvif",
        &[
            "browsermatch",
            "browsermatchnocase",
            "setenvif",
            "setenvifexpr",
            "setenvifnocase",
        ],
    ),
    ("env", &["passenv", "setenv", "unsetenv"]),
    (
        "filter",
        &[
            "addoutputfilterbytype",
            "filterchain",
            "filterdeclare",
            "filterprotocol",
            "filterprovider",
            "filtertrace",
        ],
    ),
    (
        "deflate",
        &[
            "deflatecompressionlevel",
            "deflatefilternote",
            "deflateinflatelimitrequestbody",
        ],
    ),
    (
        "negotiation",
        &["forcelanguagepriority", "languagepriority"],
    ),
    ("speling", &["checkcaseonly", "checkspelling"]),
    (
        "include",
        &[
            "ssierrormsg",
            "ssitimeformat",
            "ssiundefinedecho",
            "xbithack",
        ],
    ),
    ("actions", &["action", "script"]),
    ("substitute", &["substitute", "substitutemaxlinelength"]),
    (
        "ssl",
        &[
            "sslcipersuite",
            "ssloptions",
            "sslrequire",
            "sslrequiressl",
            "sslverifyclient",
            "sslverifydepth",
            "sslrenegbuffersize",
        ],
    ),
    ("version", &["<ifversion>"]),
    (
        "php",
        &["php_value", "php_flag", "php_admin_value", "php_admin_flag"],
    ),
    (
        "security2",
        &[
            "secruleengine",
            "secrequestbodyaccess",
            "secrule",
            "secruleremovebyid",
            "secruleremovebytag",
            "secaction",
        ],
    ),
    (
        "security",
        &["secfilterengine", "secfilterscanpost", "secfilter"],
    ),
    (
        "suphp",
        &["suphp_configpath", "suphp_engine", "suphp_addhandler"],
    ),
    ("lsapi", &["lsapi_phpini", "lsapi_mod_php_behaviour"]),
];

/// Server or virtual-host directives Apache refuses in an `.htaccess` ("not allowed here").
const SERVER_ONLY: &[&str] = &[
    "<directory>",
    "<directorymatch>",
    "<location>",
    "<locationmatch>",
    "<virtualhost>",
    "alias",
    "aliasmatch",
    "scriptalias",
    "allowoverride",
    "allowoverridelist",
    "customlog",
    "documentroot",
    "errorlog",
    "include",
    "includeoptional",
    "listen",
    "loadmodule",
    "rewritemap",
    "serveralias",
    "servername",
    "serverroot",
    "user",
    "group",
    "proxypass",
    "sslengine",
    "sslcertificatefile",
    "suexecusergroup",
];

/// Where a directive comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// The module that provides it (`core` for the core).
    Module(&'static str),
    /// A server or virtual-host directive: an error in an `.htaccess`.
    ServerOnly,
    Unknown,
}

/// Looks up a directive (`RewriteRule`, `<IfModule>`; any case).
pub fn known(name: &str) -> Known {
    let n = name.to_ascii_lowercase();
    if SERVER_ONLY.contains(&n.as_str()) {
        return Known::ServerOnly;
    }
    if n.starts_with("lsapi_") {
        return Known::Module("lsapi");
    }
    TABLE
        .iter()
        .find(|(_, names)| names.contains(&n.as_str()))
        .map_or(Known::Unknown, |(m, _)| Known::Module(m))
}

/// `mod_rewrite.c`, `rewrite_module`, `mod_php7.c`, `php_module` -> `rewrite`, `php`.
pub fn module_name(word: &str) -> String {
    let w = word.trim().to_ascii_lowercase();
    let w = w.strip_prefix("mod_").unwrap_or(&w);
    let w = w.strip_suffix(".c").unwrap_or(w);
    let w = w.strip_suffix("_module").unwrap_or(w);
    if w.starts_with("php") && w[3..].bytes().all(|b| b.is_ascii_digit()) {
        return "php".into();
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_and_module_names() {
        assert_eq!(known("RewriteRule"), Known::Module("rewrite"));
        assert_eq!(known("php_value"), Known::Module("php"));
        assert_eq!(known("Order"), Known::Module("access_compat"));
        assert_eq!(known("<Directory>"), Known::ServerOnly);
        assert_eq!(known("Frobnicate"), Known::Unknown);
        assert_eq!(module_name("mod_rewrite.c"), "rewrite");
        assert_eq!(module_name("php7_module"), "php");
        assert_eq!(module_name("mod_php8.c"), "php");
        assert_eq!(module_name("headers_module"), "headers");
    }
}
