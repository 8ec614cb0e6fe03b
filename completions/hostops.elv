
use builtin;
use str;

set edit:completion:arg-completer[hostops] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'hostops'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'hostops'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand hosts 'List inventory hosts, or connect and report their facts'
            cand exec 'Run one command on many hosts in parallel'
            cand copy 'Stream a file to, from or between hosts, checked with SHA-256'
            cand account 'Find which server holds a domain, mailbox or database; show what an account has'
            cand password 'Reset account, mailbox, FTP and database passwords, verified by a real login'
            cand blacklist 'Blocklist (DNSBL) checks of addresses, domains and hosts; find who is sending spam'
            cand diagnose 'Read-only diagnosis of hosts: verdicts per check, with the evidence'
            cand web 'A domain''s Apache answer explained: error log, .htaccess, permissions, PHP handler'
            cand dns 'A domain''s DNS records: show, change with a plan and a check, confirm, undo'
            cand mail 'E-mail in depth: trace a message through the server''s mail log'
            cand migrate 'Move hosting accounts between servers with the same control panel'
            cand backup 'Restore one account from the server''s backups, with preview, snapshot and undo'
            cand playbook 'Rebuild, repair and upgrade server software with playbooks (check mode, rollback)'
            cand log 'Read the journal: runs, ticket timelines, hand-over notes, tamper check'
            cand ticket 'Tickets across operators and levels: timeline, escalation, hand-over note, list, close'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;hosts'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the hosts of the inventory and ~/.ssh/config (contacts nothing)'
            cand check 'Connect and report OS, panel and version, CPUs, load, memory and disk'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;hosts;list'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;hosts;check'= {
            cand --forks 'Hosts checked at the same time'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;hosts;help'= {
            cand list 'List the hosts of the inventory and ~/.ssh/config (contacts nothing)'
            cand check 'Connect and report OS, panel and version, CPUs, load, memory and disk'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;hosts;help;list'= {
        }
        &'hostops;hosts;help;check'= {
        }
        &'hostops;hosts;help;help'= {
        }
        &'hostops;exec'= {
            cand --forks 'Hosts run at the same time'
            cand --timeout 'Kill the command on a host after this many seconds'
            cand --stdin 'Feed this file to the command''s stdin on every host (`-` for hostops'' own stdin, one host only)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;copy'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --relay 'Between two hosts, stream through hostops (for servers that cannot reach each other)'
            cand -r 'Copy a directory tree (owners, modes and symlinks kept; links never followed). The destination must not exist, or be a directory to create the tree in'
            cand --recursive 'Copy a directory tree (owners, modes and symlinks kept; links never followed). The destination must not exist, or be a directory to create the tree in'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;account'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand find 'Find which server and account hold a domain, user, mailbox or database'
            cand show 'Show what one account has: domains, mail, databases, usage, plan, status'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;account;find'= {
            cand --forks 'Hosts asked at the same time'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;account;show'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;account;help'= {
            cand find 'Find which server and account hold a domain, user, mailbox or database'
            cand show 'Show what one account has: domains, mail, databases, usage, plan, status'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;account;help;find'= {
        }
        &'hostops;account;help;show'= {
        }
        &'hostops;account;help;help'= {
        }
        &'hostops;password'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand reset 'Reset an account, mailbox, FTP or database user password, verified by a real login'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;password;reset'= {
            cand --account 'An account (or one of its domains): its system user and panel login'
            cand --mailbox 'A mailbox'
            cand --ftp 'An FTP login'
            cand --db-user 'A database (MySQL/MariaDB) user'
            cand --length 'Length of the generated password (12 to 128, default 24)'
            cand --secret-file 'Write the new password to this new file (mode 0600) instead of showing it'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --generate 'Generate the new password'
            cand --stdin 'Read the new password from the first line of stdin'
            cand --show-secret 'Put the new password in the --json output'
            cand --kill-sessions 'End the target''s open mail sessions (doveadm kick)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;password;help'= {
            cand reset 'Reset an account, mailbox, FTP or database user password, verified by a real login'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;password;help;reset'= {
        }
        &'hostops;password;help;help'= {
        }
        &'hostops;blacklist'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Check addresses, blocks, domains or hosts against DNS blocklists (DNSBL/URIBL)'
            cand investigate 'Find who is sending from a mail server (queue, logs); changes nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;blacklist;check'= {
            cand --zones 'Use the zones of this TOML file instead of the built-in set (format in README.md)'
            cand --zone 'Check only this zone (repeatable)'
            cand --nameserver 'Nameserver to query, IP[:PORT] (repeatable; default: the system''s resolvers)'
            cand --dqs-key-file 'File holding a Spamhaus DQS key: Spamhaus zones are then queried through DQS'
            cand --timeout 'Milliseconds to wait for each answer'
            cand --retries 'Tries after the first one before a query counts as unknown'
            cand --deadline 'Seconds the whole check may take; what is not answered by then is unknown (exit 3) and its zone is named as slow'
            cand --in-flight 'Queries in flight at the same time'
            cand --max-addresses 'Largest number of addresses a CIDR block may expand to'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;blacklist;investigate'= {
            cand --lines 'Mail log lines to read, from the end'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;blacklist;help'= {
            cand check 'Check addresses, blocks, domains or hosts against DNS blocklists (DNSBL/URIBL)'
            cand investigate 'Find who is sending from a mail server (queue, logs); changes nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;blacklist;help;check'= {
        }
        &'hostops;blacklist;help;investigate'= {
        }
        &'hostops;blacklist;help;help'= {
        }
        &'hostops;diagnose'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand hardware 'Disks (SMART), software RAID, memory errors, BMC, sensors and kernel log: OK/WARN/FAIL per component, compared with the host''s previous run (read-only)'
            cand load 'Why a server is loaded: verdicts per check and the likely cause (read-only)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;diagnose;hardware'= {
            cand --forks 'Hosts probed at the same time'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;diagnose;load'= {
            cand --since 'A past window from sysstat''s history and the logs instead of now: a local date or time (2026-11-01, "2026-11-01 10:00"), RFC 3339, 30m, 2h, 1d, today, yesterday'
            cand --until 'End of the past window (default: now)'
            cand --at 'A past moment (same forms as --since): the window of `log_minutes` (10) on each side of it, from sysstat''s history, atop''s log when there is one, and the logs'
            cand --forks 'Hosts probed at the same time'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;diagnose;help'= {
            cand hardware 'Disks (SMART), software RAID, memory errors, BMC, sensors and kernel log: OK/WARN/FAIL per component, compared with the host''s previous run (read-only)'
            cand load 'Why a server is loaded: verdicts per check and the likely cause (read-only)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;diagnose;help;hardware'= {
        }
        &'hostops;diagnose;help;load'= {
        }
        &'hostops;diagnose;help;help'= {
        }
        &'hostops;web'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Why a site answers 500/403/a redirect loop: the request through the server''s own Apache, its error-log lines, the .htaccess files, permissions and PHP (read-only)'
            cand config 'A domain''s Apache configuration: show it, or change the domain''s own lines'
            cand htpasswd 'Add or reset one user of a password file (.htpasswd) with bcrypt; the password is generated or read from stdin, never an argument'
            cand undo 'Put back what a `web config edit` run changed (checked, rebuilt and reloaded the same way)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;web;check'= {
            cand --host 'The server (default: the one inventory host holding the domain)'
            cand --path 'The URL path (with a query string if needed)'
            cand --max-redirects 'Redirects followed on the same site'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --https 'Request over HTTPS (port 443, SNI set)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;web;config'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Which vhost answers the name (apachectl -S), its document root, PHP handler, includes, and the file the panel keeps the domain''s own lines in (read-only)'
            cand edit 'Change the domain''s own Apache lines in the panel''s place, checked with apachectl -t before and after, rebuilt, reloaded, requested; rolled back on any failure'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;web;config;show'= {
            cand --host 'The server (default: the one inventory host holding the domain)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --https 'The port-443 file where the panel keeps one per port (cPanel ssl/, Plesk vhost_ssl.conf)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;web;config;edit'= {
            cand --host 'The server (default: the one inventory host holding the domain)'
            cand --set 'Set a directive: replaces the lines with the same directive (and the same words but the value), or adds it'
            cand --unset 'Remove the lines starting with these words'
            cand --file 'The file''s whole new text'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --https 'The port-443 file where the panel keeps one per port (cPanel ssl/, Plesk vhost_ssl.conf)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;web;config;help'= {
            cand show 'Which vhost answers the name (apachectl -S), its document root, PHP handler, includes, and the file the panel keeps the domain''s own lines in (read-only)'
            cand edit 'Change the domain''s own Apache lines in the panel''s place, checked with apachectl -t before and after, rebuilt, reloaded, requested; rolled back on any failure'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;web;config;help;show'= {
        }
        &'hostops;web;config;help;edit'= {
        }
        &'hostops;web;config;help;help'= {
        }
        &'hostops;web;htpasswd'= {
            cand --host 'The server (default: the one inventory host holding the domain)'
            cand --user 'The user to add or reset'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --generate 'Generate a password (20 characters), shown once'
            cand --stdin 'Read the password from the first line of stdin'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;web;undo'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;web;help'= {
            cand check 'Why a site answers 500/403/a redirect loop: the request through the server''s own Apache, its error-log lines, the .htaccess files, permissions and PHP (read-only)'
            cand config 'A domain''s Apache configuration: show it, or change the domain''s own lines'
            cand htpasswd 'Add or reset one user of a password file (.htpasswd) with bcrypt; the password is generated or read from stdin, never an argument'
            cand undo 'Put back what a `web config edit` run changed (checked, rebuilt and reloaded the same way)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;web;help;check'= {
        }
        &'hostops;web;help;config'= {
            cand show 'Which vhost answers the name (apachectl -S), its document root, PHP handler, includes, and the file the panel keeps the domain''s own lines in (read-only)'
            cand edit 'Change the domain''s own Apache lines in the panel''s place, checked with apachectl -t before and after, rebuilt, reloaded, requested; rolled back on any failure'
        }
        &'hostops;web;help;config;show'= {
        }
        &'hostops;web;help;config;edit'= {
        }
        &'hostops;web;help;htpasswd'= {
        }
        &'hostops;web;help;undo'= {
        }
        &'hostops;web;help;help'= {
        }
        &'hostops;dns'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show a domain''s records, SOA serial, nameservers and whether this server is authoritative'
            cand check 'Ask every nameserver of domains (RD=0): serials, differences, lame servers, mail records'
            cand add 'Add a record to a domain''s zone (plan, check, apply through the panel, confirm)'
            cand set 'Replace the records of one name and type with one record'
            cand rm 'Remove one record (with VALUE) or all records of a name and type'
            cand apply 'Change several records of a zone in one change, from a desired-state file'
            cand undo 'Put back the records a dns add, set or rm run changed, through the same path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;dns;show'= {
            cand --host 'Server holding the zone'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;dns;check'= {
            cand --nameserver 'Resolver for NS, MX and SPF names (IP or IP:PORT)'
            cand --in-flight 'Domains checked at the same time'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;dns;add'= {
            cand --ttl 'TTL in seconds (default: the set''s current TTL, else 14400)'
            cand --host 'Server holding the zone (default: found with `account find`)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;dns;set'= {
            cand --ttl 'TTL in seconds (default: the set''s current TTL, else 14400)'
            cand --host 'Server holding the zone (default: found with `account find`)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;dns;rm'= {
            cand --ttl 'TTL in seconds (default: the set''s current TTL, else 14400)'
            cand --host 'Server holding the zone (default: found with `account find`)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;dns;apply'= {
            cand --file 'The desired records'
            cand --host 'Server holding the zone (default: found with `account find`)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;dns;undo'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;dns;help'= {
            cand show 'Show a domain''s records, SOA serial, nameservers and whether this server is authoritative'
            cand check 'Ask every nameserver of domains (RD=0): serials, differences, lame servers, mail records'
            cand add 'Add a record to a domain''s zone (plan, check, apply through the panel, confirm)'
            cand set 'Replace the records of one name and type with one record'
            cand rm 'Remove one record (with VALUE) or all records of a name and type'
            cand apply 'Change several records of a zone in one change, from a desired-state file'
            cand undo 'Put back the records a dns add, set or rm run changed, through the same path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;dns;help;show'= {
        }
        &'hostops;dns;help;check'= {
        }
        &'hostops;dns;help;add'= {
        }
        &'hostops;dns;help;set'= {
        }
        &'hostops;dns;help;rm'= {
        }
        &'hostops;dns;help;apply'= {
        }
        &'hostops;dns;help;undo'= {
        }
        &'hostops;dns;help;help'= {
        }
        &'hostops;mail'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand trace 'Trace messages through the server''s mail log: one verdict per message; changes nothing'
            cand queue 'The exim or postfix queue in figures (size, ages, frozen or held, top senders and destinations), or remove messages from it'
            cand check 'Check one mailbox and its domain''s mail DNS: one verdict per check; changes nothing'
            cand hold 'Hold an account''s outgoing mail in the queue (cPanel''s hold_outgoing_email; a change)'
            cand release 'Release an account''s held outgoing mail (cPanel''s release_outgoing_email; a change)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;mail;trace'= {
            cand --from 'Messages from this sender address'
            cand --to 'Messages to this recipient address'
            cand --id 'The message with this exim message ID or postfix queue ID'
            cand --subject 'Messages whose subject contains this text'
            cand --since 'Start of the window: a local date or time (2026-11-01, "2026-11-01 10:00"), RFC 3339, 30m, 2h, 1d, today, yesterday (default: the current log file only)'
            cand --until 'End of the window (default: now)'
            cand --limit 'Most messages shown (the latest)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;mail;queue'= {
            cand --sender 'Only this sender''s messages'
            cand --domain 'Only messages with a recipient in this domain'
            cand --id 'With --remove: these messages (exim message IDs or postfix queue IDs)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --remove 'Remove messages from the queue (a change): those of --sender, --frozen or --id'
            cand --frozen 'With --remove: the frozen messages (postfix: those in its hold queue)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;mail;check'= {
            cand --host 'Inventory host (default: the one `account find` finds holding the domain)'
            cand --nameserver 'The resolver to ask for the domain''s records: IP or IP:PORT (default: the system''s)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;mail;hold'= {
            cand --account 'The panel account (cPanel user)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;mail;release'= {
            cand --account 'The panel account (cPanel user)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;mail;help'= {
            cand trace 'Trace messages through the server''s mail log: one verdict per message; changes nothing'
            cand queue 'The exim or postfix queue in figures (size, ages, frozen or held, top senders and destinations), or remove messages from it'
            cand check 'Check one mailbox and its domain''s mail DNS: one verdict per check; changes nothing'
            cand hold 'Hold an account''s outgoing mail in the queue (cPanel''s hold_outgoing_email; a change)'
            cand release 'Release an account''s held outgoing mail (cPanel''s release_outgoing_email; a change)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;mail;help;trace'= {
        }
        &'hostops;mail;help;queue'= {
        }
        &'hostops;mail;help;check'= {
        }
        &'hostops;mail;help;hold'= {
        }
        &'hostops;mail;help;release'= {
        }
        &'hostops;mail;help;help'= {
        }
        &'hostops;migrate'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand plan 'Preflight a migration without changing anything: panels, versions, clashes, disk, sizes'
            cand run 'Carry out a migration: plan, confirm, then package, move, restore, verify, clean up'
            cand verify 'Compare migrated accounts on both servers: files, databases, mail, DNS, cron, web pages'
            cand sync 'Final delta sync of migrated accounts: files and mail (newer target files kept), databases'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;migrate;plan'= {
            cand --from 'Source server'
            cand --to 'Target server'
            cand --owner 'Every account owned by this reseller'
            cand --scheduled 'Reference of the accounts team''s schedule (required for more than 20 accounts)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --all 'Every account on the source'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;migrate;run'= {
            cand --from 'Source server'
            cand --to 'Target server'
            cand --owner 'Every account owned by this reseller'
            cand --scheduled 'Reference of the accounts team''s schedule (required for more than 20 accounts)'
            cand --resume 'Continue an interrupted run (its ID from `hostops log list`) without redoing finished steps'
            cand --parallel 'Accounts migrated at the same time'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --all 'Every account on the source'
            cand --relay 'Stream archives through hostops instead of server to server'
            cand --fail-fast 'Stop starting accounts after the first failure'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;migrate;verify'= {
            cand --from 'Source server'
            cand --to 'Target server'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --deep 'Also compare every file''s SHA-256 (reads all data on both servers)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;migrate;sync'= {
            cand --from 'Source server'
            cand --to 'Target server'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --relay 'Stream through hostops instead of server to server (full copy of files, not a delta)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;migrate;help'= {
            cand plan 'Preflight a migration without changing anything: panels, versions, clashes, disk, sizes'
            cand run 'Carry out a migration: plan, confirm, then package, move, restore, verify, clean up'
            cand verify 'Compare migrated accounts on both servers: files, databases, mail, DNS, cron, web pages'
            cand sync 'Final delta sync of migrated accounts: files and mail (newer target files kept), databases'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;migrate;help;plan'= {
        }
        &'hostops;migrate;help;run'= {
        }
        &'hostops;migrate;help;verify'= {
        }
        &'hostops;migrate;help;sync'= {
        }
        &'hostops;migrate;help;help'= {
        }
        &'hostops;backup'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List restore points on a server: date, type, format, size and path'
            cand restore 'Restore one account from a backup: preview, safety snapshot, restore, verify'
            cand undo 'Put back the account a restore replaced, from that run''s safety snapshot'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;backup;list'= {
            cand --account 'Only this account''s restore points'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;backup;restore'= {
            cand --account 'Account to restore (or one of its domains)'
            cand --date 'Restore point by date (see `backup list`)'
            cand --file 'Restore point by path on the server'
            cand --only 'Restore only this part (repeatable): home, mail, db, db:NAME, path:REL'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --no-snapshot 'Skip the safety snapshot (faster; a failed restore cannot then be undone)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;backup;undo'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;backup;help'= {
            cand list 'List restore points on a server: date, type, format, size and path'
            cand restore 'Restore one account from a backup: preview, safety snapshot, restore, verify'
            cand undo 'Put back the account a restore replaced, from that run''s safety snapshot'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;backup;help;list'= {
        }
        &'hostops;backup;help;restore'= {
        }
        &'hostops;backup;help;undo'= {
        }
        &'hostops;backup;help;help'= {
        }
        &'hostops;playbook'= {
            cand --playbooks 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the playbooks on offer (bundled, and from --playbooks DIR)'
            cand show 'Print a playbook''s YAML'
            cand lint 'Check playbook files: YAML shape, unknown keys, templates, expressions, undefined variables'
            cand run 'Run a playbook on hosts (with --check: run the probes, show the rest)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;playbook;list'= {
            cand --playbooks 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;playbook;show'= {
            cand --playbooks 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;playbook;lint'= {
            cand --playbooks 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;playbook;run'= {
            cand -H 'Hosts or groups to run on'
            cand --host 'Hosts or groups to run on'
            cand -e 'Set a playbook variable (repeatable; required ones must be set; secret ones are masked)'
            cand --var 'Set a playbook variable (repeatable; required ones must be set; secret ones are masked)'
            cand --forks 'Hosts run at the same time'
            cand --serial 'Run hosts in batches of N, checking --max-fail after each batch'
            cand --max-fail 'With --serial: stop when more than PCT percent of a batch failed'
            cand --playbooks 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --check 'Run read-only probes only and show what every other step would do (like --dry-run)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;playbook;help'= {
            cand list 'List the playbooks on offer (bundled, and from --playbooks DIR)'
            cand show 'Print a playbook''s YAML'
            cand lint 'Check playbook files: YAML shape, unknown keys, templates, expressions, undefined variables'
            cand run 'Run a playbook on hosts (with --check: run the probes, show the rest)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;playbook;help;list'= {
        }
        &'hostops;playbook;help;show'= {
        }
        &'hostops;playbook;help;lint'= {
        }
        &'hostops;playbook;help;run'= {
        }
        &'hostops;playbook;help;help'= {
        }
        &'hostops;log'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List runs (of the ticket given with --ticket, if any): who ran what at which level, and the hosts, accounts and domains each touched'
            cand show 'A ticket''s timeline: who ran what, on which hosts, and the time spent per operator'
            cand export 'A hand-over note for the helpdesk ticket (what was tried, results, time spent)'
            cand verify 'Check the journal''s hash chain (exit 1 if a row was edited or deleted), and with --head that it still holds a head recorded earlier (exit 1 if rows were removed or rewritten)'
            cand push 'Send the runs journaled locally (while the shared journal was unreachable) to the shared journal; rows it already has are skipped, so pushing twice sends nothing twice'
            cand init-server 'Create a shared journal in a PostgreSQL database: its schema, and the role hostops_operator that may only INSERT and SELECT (run once, as the database''s owner)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;log;list'= {
            cand --since 'Only runs started on or after this time: a local date or time (2026-11-01, "2026-11-01 10:00"), RFC 3339 (2026-11-01T10:00:00Z), 30m, 2h, 1d, 1w, today, yesterday'
            cand --host 'Only runs that ran commands or copies on this host'
            cand --operator 'Only runs of this operator (`user` or `user@machine`)'
            cand --outcome 'Only runs that ended so'
            cand --level 'Only runs made at this support level (2 or L2)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;log;show'= {
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;log;export'= {
            cand --format 'format'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;log;verify'= {
            cand --head 'A head shown earlier by a run summary or a hand-over note (16 to 64 hex digits)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;log;push'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;log;init-server'= {
            cand --operator 'An existing login role to make an operator (repeatable)'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;log;help'= {
            cand list 'List runs (of the ticket given with --ticket, if any): who ran what at which level, and the hosts, accounts and domains each touched'
            cand show 'A ticket''s timeline: who ran what, on which hosts, and the time spent per operator'
            cand export 'A hand-over note for the helpdesk ticket (what was tried, results, time spent)'
            cand verify 'Check the journal''s hash chain (exit 1 if a row was edited or deleted), and with --head that it still holds a head recorded earlier (exit 1 if rows were removed or rewritten)'
            cand push 'Send the runs journaled locally (while the shared journal was unreachable) to the shared journal; rows it already has are skipped, so pushing twice sends nothing twice'
            cand init-server 'Create a shared journal in a PostgreSQL database: its schema, and the role hostops_operator that may only INSERT and SELECT (run once, as the database''s owner)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;log;help;list'= {
        }
        &'hostops;log;help;show'= {
        }
        &'hostops;log;help;export'= {
        }
        &'hostops;log;help;verify'= {
        }
        &'hostops;log;help;push'= {
        }
        &'hostops;log;help;init-server'= {
        }
        &'hostops;log;help;help'= {
        }
        &'hostops;ticket'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'A ticket''s timeline: one line per run in plain words, across operators and levels, and the time spent per level and per operator (-v: the remote commands underneath)'
            cand escalate 'Hand the ticket to a higher support level: records who escalated, from which level, and why (the note is the question the hand-over asks)'
            cand handoff 'The hand-over note to paste into the helpdesk: summary first (reported, checked, changed and how to undo it, what remains), then the evidence (-v: the remote commands too)'
            cand list 'Tickets in the journal: level, open or closed, operators, last activity'
            cand close 'Close a ticket (a later run on it reopens it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;ticket;show'= {
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;ticket;escalate'= {
            cand --to 'The level to hand the ticket to (L4: the vendor, L5: management)'
            cand --note 'Why, and what the next level is asked'
            cand --reported 'What the customer reported, as the helpdesk has it'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;ticket;handoff'= {
            cand --format 'format'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;ticket;list'= {
            cand --level 'Only tickets now at this level'
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --mine 'Only tickets I ran something on'
            cand --open 'Only tickets not closed'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;ticket;close'= {
            cand --note 'How it ended'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;ticket;help'= {
            cand show 'A ticket''s timeline: one line per run in plain words, across operators and levels, and the time spent per level and per operator (-v: the remote commands underneath)'
            cand escalate 'Hand the ticket to a higher support level: records who escalated, from which level, and why (the note is the question the hand-over asks)'
            cand handoff 'The hand-over note to paste into the helpdesk: summary first (reported, checked, changed and how to undo it, what remains), then the evidence (-v: the remote commands too)'
            cand list 'Tickets in the journal: level, open or closed, operators, last activity'
            cand close 'Close a ticket (a later run on it reopens it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;ticket;help;show'= {
        }
        &'hostops;ticket;help;escalate'= {
        }
        &'hostops;ticket;help;handoff'= {
        }
        &'hostops;ticket;help;list'= {
        }
        &'hostops;ticket;help;close'= {
        }
        &'hostops;ticket;help;help'= {
        }
        &'hostops;completions'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;man'= {
            cand -t 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --ticket 'Helpdesk ticket this run is logged against (required for anything that contacts a host)'
            cand --inventory 'Inventory file of hosts (TOML)'
            cand --journal 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)'
            cand --connect-timeout 'Seconds to wait for an SSH connection (default: config, else 10)'
            cand --color 'When to use colour (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout instead of tables'
            cand -n 'Show what would change and change nothing (read-only probes still run)'
            cand --dry-run 'Show what would change and change nothing (read-only probes still run)'
            cand -y 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --yes 'Answer yes to confirmations (required to change servers without a terminal)'
            cand --accept-new-host-key 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
            cand -v 'More detail on stderr (-v, -vv, -vvv)'
            cand --verbose 'More detail on stderr (-v, -vv, -vvv)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hostops;help'= {
            cand hosts 'List inventory hosts, or connect and report their facts'
            cand exec 'Run one command on many hosts in parallel'
            cand copy 'Stream a file to, from or between hosts, checked with SHA-256'
            cand account 'Find which server holds a domain, mailbox or database; show what an account has'
            cand password 'Reset account, mailbox, FTP and database passwords, verified by a real login'
            cand blacklist 'Blocklist (DNSBL) checks of addresses, domains and hosts; find who is sending spam'
            cand diagnose 'Read-only diagnosis of hosts: verdicts per check, with the evidence'
            cand web 'A domain''s Apache answer explained: error log, .htaccess, permissions, PHP handler'
            cand dns 'A domain''s DNS records: show, change with a plan and a check, confirm, undo'
            cand mail 'E-mail in depth: trace a message through the server''s mail log'
            cand migrate 'Move hosting accounts between servers with the same control panel'
            cand backup 'Restore one account from the server''s backups, with preview, snapshot and undo'
            cand playbook 'Rebuild, repair and upgrade server software with playbooks (check mode, rollback)'
            cand log 'Read the journal: runs, ticket timelines, hand-over notes, tamper check'
            cand ticket 'Tickets across operators and levels: timeline, escalation, hand-over note, list, close'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hostops;help;hosts'= {
            cand list 'List the hosts of the inventory and ~/.ssh/config (contacts nothing)'
            cand check 'Connect and report OS, panel and version, CPUs, load, memory and disk'
        }
        &'hostops;help;hosts;list'= {
        }
        &'hostops;help;hosts;check'= {
        }
        &'hostops;help;exec'= {
        }
        &'hostops;help;copy'= {
        }
        &'hostops;help;account'= {
            cand find 'Find which server and account hold a domain, user, mailbox or database'
            cand show 'Show what one account has: domains, mail, databases, usage, plan, status'
        }
        &'hostops;help;account;find'= {
        }
        &'hostops;help;account;show'= {
        }
        &'hostops;help;password'= {
            cand reset 'Reset an account, mailbox, FTP or database user password, verified by a real login'
        }
        &'hostops;help;password;reset'= {
        }
        &'hostops;help;blacklist'= {
            cand check 'Check addresses, blocks, domains or hosts against DNS blocklists (DNSBL/URIBL)'
            cand investigate 'Find who is sending from a mail server (queue, logs); changes nothing'
        }
        &'hostops;help;blacklist;check'= {
        }
        &'hostops;help;blacklist;investigate'= {
        }
        &'hostops;help;diagnose'= {
            cand hardware 'Disks (SMART), software RAID, memory errors, BMC, sensors and kernel log: OK/WARN/FAIL per component, compared with the host''s previous run (read-only)'
            cand load 'Why a server is loaded: verdicts per check and the likely cause (read-only)'
        }
        &'hostops;help;diagnose;hardware'= {
        }
        &'hostops;help;diagnose;load'= {
        }
        &'hostops;help;web'= {
            cand check 'Why a site answers 500/403/a redirect loop: the request through the server''s own Apache, its error-log lines, the .htaccess files, permissions and PHP (read-only)'
            cand config 'A domain''s Apache configuration: show it, or change the domain''s own lines'
            cand htpasswd 'Add or reset one user of a password file (.htpasswd) with bcrypt; the password is generated or read from stdin, never an argument'
            cand undo 'Put back what a `web config edit` run changed (checked, rebuilt and reloaded the same way)'
        }
        &'hostops;help;web;check'= {
        }
        &'hostops;help;web;config'= {
            cand show 'Which vhost answers the name (apachectl -S), its document root, PHP handler, includes, and the file the panel keeps the domain''s own lines in (read-only)'
            cand edit 'Change the domain''s own Apache lines in the panel''s place, checked with apachectl -t before and after, rebuilt, reloaded, requested; rolled back on any failure'
        }
        &'hostops;help;web;config;show'= {
        }
        &'hostops;help;web;config;edit'= {
        }
        &'hostops;help;web;htpasswd'= {
        }
        &'hostops;help;web;undo'= {
        }
        &'hostops;help;dns'= {
            cand show 'Show a domain''s records, SOA serial, nameservers and whether this server is authoritative'
            cand check 'Ask every nameserver of domains (RD=0): serials, differences, lame servers, mail records'
            cand add 'Add a record to a domain''s zone (plan, check, apply through the panel, confirm)'
            cand set 'Replace the records of one name and type with one record'
            cand rm 'Remove one record (with VALUE) or all records of a name and type'
            cand apply 'Change several records of a zone in one change, from a desired-state file'
            cand undo 'Put back the records a dns add, set or rm run changed, through the same path'
        }
        &'hostops;help;dns;show'= {
        }
        &'hostops;help;dns;check'= {
        }
        &'hostops;help;dns;add'= {
        }
        &'hostops;help;dns;set'= {
        }
        &'hostops;help;dns;rm'= {
        }
        &'hostops;help;dns;apply'= {
        }
        &'hostops;help;dns;undo'= {
        }
        &'hostops;help;mail'= {
            cand trace 'Trace messages through the server''s mail log: one verdict per message; changes nothing'
            cand queue 'The exim or postfix queue in figures (size, ages, frozen or held, top senders and destinations), or remove messages from it'
            cand check 'Check one mailbox and its domain''s mail DNS: one verdict per check; changes nothing'
            cand hold 'Hold an account''s outgoing mail in the queue (cPanel''s hold_outgoing_email; a change)'
            cand release 'Release an account''s held outgoing mail (cPanel''s release_outgoing_email; a change)'
        }
        &'hostops;help;mail;trace'= {
        }
        &'hostops;help;mail;queue'= {
        }
        &'hostops;help;mail;check'= {
        }
        &'hostops;help;mail;hold'= {
        }
        &'hostops;help;mail;release'= {
        }
        &'hostops;help;migrate'= {
            cand plan 'Preflight a migration without changing anything: panels, versions, clashes, disk, sizes'
            cand run 'Carry out a migration: plan, confirm, then package, move, restore, verify, clean up'
            cand verify 'Compare migrated accounts on both servers: files, databases, mail, DNS, cron, web pages'
            cand sync 'Final delta sync of migrated accounts: files and mail (newer target files kept), databases'
        }
        &'hostops;help;migrate;plan'= {
        }
        &'hostops;help;migrate;run'= {
        }
        &'hostops;help;migrate;verify'= {
        }
        &'hostops;help;migrate;sync'= {
        }
        &'hostops;help;backup'= {
            cand list 'List restore points on a server: date, type, format, size and path'
            cand restore 'Restore one account from a backup: preview, safety snapshot, restore, verify'
            cand undo 'Put back the account a restore replaced, from that run''s safety snapshot'
        }
        &'hostops;help;backup;list'= {
        }
        &'hostops;help;backup;restore'= {
        }
        &'hostops;help;backup;undo'= {
        }
        &'hostops;help;playbook'= {
            cand list 'List the playbooks on offer (bundled, and from --playbooks DIR)'
            cand show 'Print a playbook''s YAML'
            cand lint 'Check playbook files: YAML shape, unknown keys, templates, expressions, undefined variables'
            cand run 'Run a playbook on hosts (with --check: run the probes, show the rest)'
        }
        &'hostops;help;playbook;list'= {
        }
        &'hostops;help;playbook;show'= {
        }
        &'hostops;help;playbook;lint'= {
        }
        &'hostops;help;playbook;run'= {
        }
        &'hostops;help;log'= {
            cand list 'List runs (of the ticket given with --ticket, if any): who ran what at which level, and the hosts, accounts and domains each touched'
            cand show 'A ticket''s timeline: who ran what, on which hosts, and the time spent per operator'
            cand export 'A hand-over note for the helpdesk ticket (what was tried, results, time spent)'
            cand verify 'Check the journal''s hash chain (exit 1 if a row was edited or deleted), and with --head that it still holds a head recorded earlier (exit 1 if rows were removed or rewritten)'
            cand push 'Send the runs journaled locally (while the shared journal was unreachable) to the shared journal; rows it already has are skipped, so pushing twice sends nothing twice'
            cand init-server 'Create a shared journal in a PostgreSQL database: its schema, and the role hostops_operator that may only INSERT and SELECT (run once, as the database''s owner)'
        }
        &'hostops;help;log;list'= {
        }
        &'hostops;help;log;show'= {
        }
        &'hostops;help;log;export'= {
        }
        &'hostops;help;log;verify'= {
        }
        &'hostops;help;log;push'= {
        }
        &'hostops;help;log;init-server'= {
        }
        &'hostops;help;ticket'= {
            cand show 'A ticket''s timeline: one line per run in plain words, across operators and levels, and the time spent per level and per operator (-v: the remote commands underneath)'
            cand escalate 'Hand the ticket to a higher support level: records who escalated, from which level, and why (the note is the question the hand-over asks)'
            cand handoff 'The hand-over note to paste into the helpdesk: summary first (reported, checked, changed and how to undo it, what remains), then the evidence (-v: the remote commands too)'
            cand list 'Tickets in the journal: level, open or closed, operators, last activity'
            cand close 'Close a ticket (a later run on it reopens it)'
        }
        &'hostops;help;ticket;show'= {
        }
        &'hostops;help;ticket;escalate'= {
        }
        &'hostops;help;ticket;handoff'= {
        }
        &'hostops;help;ticket;list'= {
        }
        &'hostops;help;ticket;close'= {
        }
        &'hostops;help;completions'= {
        }
        &'hostops;help;man'= {
        }
        &'hostops;help;help'= {
        }
    ]
    $completions[$command]
}
