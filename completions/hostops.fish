# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hostops_global_optspecs
    string join \n t/ticket= json n/dry-run y/yes inventory= journal= accept-new-host-key connect-timeout= v/verbose q/quiet color= h/help V/version
end

function __fish_hostops_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hostops_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hostops_using_subcommand
    set -l cmd (__fish_hostops_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hostops -n "__fish_hostops_needs_command" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_needs_command" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_needs_command" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_needs_command" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_needs_command" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_needs_command" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_needs_command" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_needs_command" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_needs_command" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_needs_command" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_needs_command" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hostops -n "__fish_hostops_needs_command" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "hosts" -d 'List inventory hosts, or connect and report their facts'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "exec" -d 'Run one command on many hosts in parallel'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "copy" -d 'Stream a file to, from or between hosts, checked with SHA-256'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "account" -d 'Find which server holds a domain, mailbox or database; show what an account has'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "password" -d 'Reset account, mailbox, FTP and database passwords, verified by a real login'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "blacklist" -d 'Blocklist (DNSBL) checks of addresses, domains and hosts; find who is sending spam'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "diagnose" -d 'Read-only diagnosis of hosts: verdicts per check, with the evidence'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "web" -d 'A domain\'s Apache answer explained: error log, .htaccess, permissions, PHP handler'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "dns" -d 'A domain\'s DNS records: show, change with a plan and a check, confirm, undo'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "mail" -d 'E-mail in depth: trace a message through the server\'s mail log'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "migrate" -d 'Move hosting accounts between servers with the same control panel'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "backup" -d 'Restore one account from the server\'s backups, with preview, snapshot and undo'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "playbook" -d 'Rebuild, repair and upgrade server software with playbooks (check mode, rollback)'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "log" -d 'Read the journal: runs, ticket timelines, hand-over notes, tamper check'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "ticket" -d 'Tickets across operators and levels: timeline, escalation, hand-over note, list, close'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c hostops -n "__fish_hostops_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -f -a "list" -d 'List the hosts of the inventory and ~/.ssh/config (contacts nothing)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -f -a "check" -d 'Connect and report OS, panel and version, CPUs, load, memory and disk'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and not __fish_seen_subcommand_from list check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -l forks -d 'Hosts checked at the same time' -r
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the hosts of the inventory and ~/.ssh/config (contacts nothing)'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from help" -f -a "check" -d 'Connect and report OS, panel and version, CPUs, load, memory and disk'
complete -c hostops -n "__fish_hostops_using_subcommand hosts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand exec" -l forks -d 'Hosts run at the same time' -r
complete -c hostops -n "__fish_hostops_using_subcommand exec" -l timeout -d 'Kill the command on a host after this many seconds' -r
complete -c hostops -n "__fish_hostops_using_subcommand exec" -l stdin -d 'Feed this file to the command\'s stdin on every host (`-` for hostops\' own stdin, one host only)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand exec" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand exec" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand exec" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand exec" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand exec" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand exec" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand exec" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand exec" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand exec" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand exec" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand exec" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand exec" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand exec" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand copy" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand copy" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand copy" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand copy" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand copy" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand copy" -l relay -d 'Between two hosts, stream through hostops (for servers that cannot reach each other)'
complete -c hostops -n "__fish_hostops_using_subcommand copy" -s r -l recursive -d 'Copy a directory tree (owners, modes and symlinks kept; links never followed). The destination must not exist, or be a directory to create the tree in'
complete -c hostops -n "__fish_hostops_using_subcommand copy" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand copy" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand copy" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand copy" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand copy" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand copy" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand copy" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand copy" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -f -a "find" -d 'Find which server and account hold a domain, user, mailbox or database'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -f -a "show" -d 'Show what one account has: domains, mail, databases, usage, plan, status'
complete -c hostops -n "__fish_hostops_using_subcommand account; and not __fish_seen_subcommand_from find show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -l forks -d 'Hosts asked at the same time' -r
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from find" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "find" -d 'Find which server and account hold a domain, user, mailbox or database'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show what one account has: domains, mail, databases, usage, plan, status'
complete -c hostops -n "__fish_hostops_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -f -a "reset" -d 'Reset an account, mailbox, FTP or database user password, verified by a real login'
complete -c hostops -n "__fish_hostops_using_subcommand password; and not __fish_seen_subcommand_from reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l account -d 'An account (or one of its domains): its system user and panel login' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l mailbox -d 'A mailbox' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l ftp -d 'An FTP login' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l db-user -d 'A database (MySQL/MariaDB) user' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l length -d 'Length of the generated password (12 to 128, default 24)' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l secret-file -d 'Write the new password to this new file (mode 0600) instead of showing it' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l generate -d 'Generate the new password'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l stdin -d 'Read the new password from the first line of stdin'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l show-secret -d 'Put the new password in the --json output'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l kill-sessions -d 'End the target\'s open mail sessions (doveadm kick)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Reset an account, mailbox, FTP or database user password, verified by a real login'
complete -c hostops -n "__fish_hostops_using_subcommand password; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -f -a "check" -d 'Check addresses, blocks, domains or hosts against DNS blocklists (DNSBL/URIBL)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -f -a "investigate" -d 'Find who is sending from a mail server (queue, logs); changes nothing'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and not __fish_seen_subcommand_from check investigate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l zones -d 'Use the zones of this TOML file instead of the built-in set (format in README.md)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l zone -d 'Check only this zone (repeatable)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l nameserver -d 'Nameserver to query, IP[:PORT] (repeatable; default: the system\'s resolvers)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l dqs-key-file -d 'File holding a Spamhaus DQS key: Spamhaus zones are then queried through DQS' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l timeout -d 'Milliseconds to wait for each answer' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l retries -d 'Tries after the first one before a query counts as unknown' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l deadline -d 'Seconds the whole check may take; what is not answered by then is unknown (exit 3) and its zone is named as slow' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l in-flight -d 'Queries in flight at the same time' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l max-addresses -d 'Largest number of addresses a CIDR block may expand to' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -l lines -d 'Mail log lines to read, from the end' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from investigate" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check addresses, blocks, domains or hosts against DNS blocklists (DNSBL/URIBL)'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from help" -f -a "investigate" -d 'Find who is sending from a mail server (queue, logs); changes nothing'
complete -c hostops -n "__fish_hostops_using_subcommand blacklist; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -f -a "hardware" -d 'Disks (SMART), software RAID, memory errors, BMC, sensors and kernel log: OK/WARN/FAIL per component, compared with the host\'s previous run (read-only)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -f -a "load" -d 'Why a server is loaded: verdicts per check and the likely cause (read-only)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and not __fish_seen_subcommand_from hardware load help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -l forks -d 'Hosts probed at the same time' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from hardware" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -l since -d 'A past window from sysstat\'s history and the logs instead of now: a local date or time (2026-11-01, "2026-11-01 10:00"), RFC 3339, 30m, 2h, 1d, today, yesterday' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -l until -d 'End of the past window (default: now)' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -l at -d 'A past moment (same forms as --since): the window of `log_minutes` (10) on each side of it, from sysstat\'s history, atop\'s log when there is one, and the logs' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -l forks -d 'Hosts probed at the same time' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from load" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from help" -f -a "hardware" -d 'Disks (SMART), software RAID, memory errors, BMC, sensors and kernel log: OK/WARN/FAIL per component, compared with the host\'s previous run (read-only)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from help" -f -a "load" -d 'Why a server is loaded: verdicts per check and the likely cause (read-only)'
complete -c hostops -n "__fish_hostops_using_subcommand diagnose; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -f -a "check" -d 'Why a site answers 500/403/a redirect loop: the request through the server\'s own Apache, its error-log lines, the .htaccess files, permissions and PHP (read-only)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -f -a "config" -d 'A domain\'s Apache configuration: show it, or change the domain\'s own lines'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -f -a "htpasswd" -d 'Add or reset one user of a password file (.htpasswd) with bcrypt; the password is generated or read from stdin, never an argument'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -f -a "undo" -d 'Put back what a `web config edit` run changed (checked, rebuilt and reloaded the same way)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and not __fish_seen_subcommand_from check config htpasswd undo help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -l host -d 'The server (default: the one inventory host holding the domain)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -l path -d 'The URL path (with a query string if needed)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -l max-redirects -d 'Redirects followed on the same site' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -l https -d 'Request over HTTPS (port 443, SNI set)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -f -a "show" -d 'Which vhost answers the name (apachectl -S), its document root, PHP handler, includes, and the file the panel keeps the domain\'s own lines in (read-only)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -f -a "edit" -d 'Change the domain\'s own Apache lines in the panel\'s place, checked with apachectl -t before and after, rebuilt, reloaded, requested; rolled back on any failure'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from config" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -l host -d 'The server (default: the one inventory host holding the domain)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -l user -d 'The user to add or reset' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -l generate -d 'Generate a password (20 characters), shown once'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -l stdin -d 'Read the password from the first line of stdin'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from htpasswd" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from undo" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from help" -f -a "check" -d 'Why a site answers 500/403/a redirect loop: the request through the server\'s own Apache, its error-log lines, the .htaccess files, permissions and PHP (read-only)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from help" -f -a "config" -d 'A domain\'s Apache configuration: show it, or change the domain\'s own lines'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from help" -f -a "htpasswd" -d 'Add or reset one user of a password file (.htpasswd) with bcrypt; the password is generated or read from stdin, never an argument'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from help" -f -a "undo" -d 'Put back what a `web config edit` run changed (checked, rebuilt and reloaded the same way)'
complete -c hostops -n "__fish_hostops_using_subcommand web; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -f -a "show" -d 'Show a domain\'s records, SOA serial, nameservers and whether this server is authoritative'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -f -a "check" -d 'Ask every nameserver of domains (RD=0): serials, differences, lame servers, mail records'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -f -a "add" -d 'Add a record to a domain\'s zone (plan, check, apply through the panel, confirm)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -f -a "set" -d 'Replace the records of one name and type with one record'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -f -a "rm" -d 'Remove one record (with VALUE) or all records of a name and type'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -f -a "apply" -d 'Change several records of a zone in one change, from a desired-state file'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -f -a "undo" -d 'Put back the records a dns add, set or rm run changed, through the same path'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and not __fish_seen_subcommand_from show check add set rm apply undo help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -l host -d 'Server holding the zone' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -l nameserver -d 'Resolver for NS, MX and SPF names (IP or IP:PORT)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -l in-flight -d 'Domains checked at the same time' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -l ttl -d 'TTL in seconds (default: the set\'s current TTL, else 14400)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -l host -d 'Server holding the zone (default: found with `account find`)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -l ttl -d 'TTL in seconds (default: the set\'s current TTL, else 14400)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -l host -d 'Server holding the zone (default: found with `account find`)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -l ttl -d 'TTL in seconds (default: the set\'s current TTL, else 14400)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -l host -d 'Server holding the zone (default: found with `account find`)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -l file -d 'The desired records' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -l host -d 'Server holding the zone (default: found with `account find`)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from undo" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a domain\'s records, SOA serial, nameservers and whether this server is authoritative'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from help" -f -a "check" -d 'Ask every nameserver of domains (RD=0): serials, differences, lame servers, mail records'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a record to a domain\'s zone (plan, check, apply through the panel, confirm)'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from help" -f -a "set" -d 'Replace the records of one name and type with one record'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove one record (with VALUE) or all records of a name and type'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Change several records of a zone in one change, from a desired-state file'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from help" -f -a "undo" -d 'Put back the records a dns add, set or rm run changed, through the same path'
complete -c hostops -n "__fish_hostops_using_subcommand dns; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -f -a "trace" -d 'Trace messages through the server\'s mail log: one verdict per message; changes nothing'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -f -a "queue" -d 'The exim or postfix queue in figures (size, ages, frozen or held, top senders and destinations), or remove messages from it'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -f -a "check" -d 'Check one mailbox and its domain\'s mail DNS: one verdict per check; changes nothing'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -f -a "hold" -d 'Hold an account\'s outgoing mail in the queue (cPanel\'s hold_outgoing_email; a change)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -f -a "release" -d 'Release an account\'s held outgoing mail (cPanel\'s release_outgoing_email; a change)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and not __fish_seen_subcommand_from trace queue check hold release help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l from -d 'Messages from this sender address' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l to -d 'Messages to this recipient address' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l id -d 'The message with this exim message ID or postfix queue ID' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l subject -d 'Messages whose subject contains this text' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l since -d 'Start of the window: a local date or time (2026-11-01, "2026-11-01 10:00"), RFC 3339, 30m, 2h, 1d, today, yesterday (default: the current log file only)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l until -d 'End of the window (default: now)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l limit -d 'Most messages shown (the latest)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from trace" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l sender -d 'Only this sender\'s messages' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l domain -d 'Only messages with a recipient in this domain' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l id -d 'With --remove: these messages (exim message IDs or postfix queue IDs)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l remove -d 'Remove messages from the queue (a change): those of --sender, --frozen or --id'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l frozen -d 'With --remove: the frozen messages (postfix: those in its hold queue)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from queue" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -l host -d 'Inventory host (default: the one `account find` finds holding the domain)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -l nameserver -d 'The resolver to ask for the domain\'s records: IP or IP:PORT (default: the system\'s)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -l account -d 'The panel account (cPanel user)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from hold" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -l account -d 'The panel account (cPanel user)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from release" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "trace" -d 'Trace messages through the server\'s mail log: one verdict per message; changes nothing'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "queue" -d 'The exim or postfix queue in figures (size, ages, frozen or held, top senders and destinations), or remove messages from it'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check one mailbox and its domain\'s mail DNS: one verdict per check; changes nothing'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "hold" -d 'Hold an account\'s outgoing mail in the queue (cPanel\'s hold_outgoing_email; a change)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "release" -d 'Release an account\'s held outgoing mail (cPanel\'s release_outgoing_email; a change)'
complete -c hostops -n "__fish_hostops_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -f -a "plan" -d 'Preflight a migration without changing anything: panels, versions, clashes, disk, sizes'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -f -a "run" -d 'Carry out a migration: plan, confirm, then package, move, restore, verify, clean up'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -f -a "verify" -d 'Compare migrated accounts on both servers: files, databases, mail, DNS, cron, web pages'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -f -a "sync" -d 'Final delta sync of migrated accounts: files and mail (newer target files kept), databases'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and not __fish_seen_subcommand_from plan run verify sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l from -d 'Source server' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l to -d 'Target server' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l owner -d 'Every account owned by this reseller' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l scheduled -d 'Reference of the accounts team\'s schedule (required for more than 20 accounts)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l all -d 'Every account on the source'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l from -d 'Source server' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l to -d 'Target server' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l owner -d 'Every account owned by this reseller' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l scheduled -d 'Reference of the accounts team\'s schedule (required for more than 20 accounts)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l resume -d 'Continue an interrupted run (its ID from `hostops log list`) without redoing finished steps' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l parallel -d 'Accounts migrated at the same time' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l all -d 'Every account on the source'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l relay -d 'Stream archives through hostops instead of server to server'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l fail-fast -d 'Stop starting accounts after the first failure'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l from -d 'Source server' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l to -d 'Target server' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l deep -d 'Also compare every file\'s SHA-256 (reads all data on both servers)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -l from -d 'Source server' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -l to -d 'Target server' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -l relay -d 'Stream through hostops instead of server to server (full copy of files, not a delta)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from sync" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Preflight a migration without changing anything: panels, versions, clashes, disk, sizes'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "run" -d 'Carry out a migration: plan, confirm, then package, move, restore, verify, clean up'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Compare migrated accounts on both servers: files, databases, mail, DNS, cron, web pages'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Final delta sync of migrated accounts: files and mail (newer target files kept), databases'
complete -c hostops -n "__fish_hostops_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -f -a "list" -d 'List restore points on a server: date, type, format, size and path'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -f -a "restore" -d 'Restore one account from a backup: preview, safety snapshot, restore, verify'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -f -a "undo" -d 'Put back the account a restore replaced, from that run\'s safety snapshot'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and not __fish_seen_subcommand_from list restore undo help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -l account -d 'Only this account\'s restore points' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l account -d 'Account to restore (or one of its domains)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l date -d 'Restore point by date (see `backup list`)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l file -d 'Restore point by path on the server' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l only -d 'Restore only this part (repeatable): home, mail, db, db:NAME, path:REL' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l no-snapshot -d 'Skip the safety snapshot (faster; a failed restore cannot then be undone)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from undo" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "list" -d 'List restore points on a server: date, type, format, size and path'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore one account from a backup: preview, safety snapshot, restore, verify'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "undo" -d 'Put back the account a restore replaced, from that run\'s safety snapshot'
complete -c hostops -n "__fish_hostops_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -l playbooks -d 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -f -a "list" -d 'List the playbooks on offer (bundled, and from --playbooks DIR)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -f -a "show" -d 'Print a playbook\'s YAML'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -f -a "lint" -d 'Check playbook files: YAML shape, unknown keys, templates, expressions, undefined variables'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -f -a "run" -d 'Run a playbook on hosts (with --check: run the probes, show the rest)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and not __fish_seen_subcommand_from list show lint run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -l playbooks -d 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -l playbooks -d 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -l playbooks -d 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from lint" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -s H -l host -d 'Hosts or groups to run on' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -s e -l var -d 'Set a playbook variable (repeatable; required ones must be set; secret ones are masked)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l forks -d 'Hosts run at the same time' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l serial -d 'Run hosts in batches of N, checking --max-fail after each batch' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l max-fail -d 'With --serial: stop when more than PCT percent of a batch failed' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l playbooks -d 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l check -d 'Run read-only probes only and show what every other step would do (like --dry-run)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the playbooks on offer (bundled, and from --playbooks DIR)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print a playbook\'s YAML'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "lint" -d 'Check playbook files: YAML shape, unknown keys, templates, expressions, undefined variables'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a playbook on hosts (with --check: run the probes, show the rest)'
complete -c hostops -n "__fish_hostops_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -f -a "list" -d 'List runs (of the ticket given with --ticket, if any): who ran what at which level, and the hosts, accounts and domains each touched'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -f -a "show" -d 'A ticket\'s timeline: who ran what, on which hosts, and the time spent per operator'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -f -a "export" -d 'A hand-over note for the helpdesk ticket (what was tried, results, time spent)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -f -a "verify" -d 'Check the journal\'s hash chain (exit 1 if a row was edited or deleted), and with --head that it still holds a head recorded earlier (exit 1 if rows were removed or rewritten)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -f -a "push" -d 'Send the runs journaled locally (while the shared journal was unreachable) to the shared journal; rows it already has are skipped, so pushing twice sends nothing twice'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -f -a "init-server" -d 'Create a shared journal in a PostgreSQL database: its schema, and the role hostops_operator that may only INSERT and SELECT (run once, as the database\'s owner)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and not __fish_seen_subcommand_from list show export verify push init-server help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l since -d 'Only runs started on or after this time: a local date or time (2026-11-01, "2026-11-01 10:00"), RFC 3339 (2026-11-01T10:00:00Z), 30m, 2h, 1d, 1w, today, yesterday' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l host -d 'Only runs that ran commands or copies on this host' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l operator -d 'Only runs of this operator (`user` or `user@machine`)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l outcome -d 'Only runs that ended so' -r -f -a "ok\t''
failed\t''
interrupted\t''
running\t''"
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l level -d 'Only runs made at this support level (2 or L2)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -l format -r -f -a "markdown\t''
json\t''"
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -l head -d 'A head shown earlier by a run summary or a hand-over note (16 to 64 hex digits)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -l operator -d 'An existing login role to make an operator (repeatable)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from init-server" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "list" -d 'List runs (of the ticket given with --ticket, if any): who ran what at which level, and the hosts, accounts and domains each touched'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "show" -d 'A ticket\'s timeline: who ran what, on which hosts, and the time spent per operator'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "export" -d 'A hand-over note for the helpdesk ticket (what was tried, results, time spent)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check the journal\'s hash chain (exit 1 if a row was edited or deleted), and with --head that it still holds a head recorded earlier (exit 1 if rows were removed or rewritten)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "push" -d 'Send the runs journaled locally (while the shared journal was unreachable) to the shared journal; rows it already has are skipped, so pushing twice sends nothing twice'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "init-server" -d 'Create a shared journal in a PostgreSQL database: its schema, and the role hostops_operator that may only INSERT and SELECT (run once, as the database\'s owner)'
complete -c hostops -n "__fish_hostops_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -f -a "show" -d 'A ticket\'s timeline: one line per run in plain words, across operators and levels, and the time spent per level and per operator (-v: the remote commands underneath)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -f -a "escalate" -d 'Hand the ticket to a higher support level: records who escalated, from which level, and why (the note is the question the hand-over asks)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -f -a "handoff" -d 'The hand-over note to paste into the helpdesk: summary first (reported, checked, changed and how to undo it, what remains), then the evidence (-v: the remote commands too)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -f -a "list" -d 'Tickets in the journal: level, open or closed, operators, last activity'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -f -a "close" -d 'Close a ticket (a later run on it reopens it)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and not __fish_seen_subcommand_from show escalate handoff list close help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -l to -d 'The level to hand the ticket to (L4: the vendor, L5: management)' -r -f -a "L1\t''
L2\t''
L3\t''
L4\t''
L5\t''"
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -l note -d 'Why, and what the next level is asked' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -l reported -d 'What the customer reported, as the helpdesk has it' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from escalate" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -l format -r -f -a "markdown\t''
text\t''
json\t''"
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from handoff" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -l level -d 'Only tickets now at this level' -r -f -a "L1\t''
L2\t''
L3\t''
L4\t''
L5\t''"
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -l mine -d 'Only tickets I ran something on'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -l open -d 'Only tickets not closed'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -l note -d 'How it ended' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "show" -d 'A ticket\'s timeline: one line per run in plain words, across operators and levels, and the time spent per level and per operator (-v: the remote commands underneath)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "escalate" -d 'Hand the ticket to a higher support level: records who escalated, from which level, and why (the note is the question the hand-over asks)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "handoff" -d 'The hand-over note to paste into the helpdesk: summary first (reported, checked, changed and how to undo it, what remains), then the evidence (-v: the remote commands too)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "list" -d 'Tickets in the journal: level, open or closed, operators, last activity'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close a ticket (a later run on it reopens it)'
complete -c hostops -n "__fish_hostops_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand completions" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand completions" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand completions" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand completions" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand completions" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand completions" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand completions" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand completions" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand completions" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand completions" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand completions" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand man" -s t -l ticket -d 'Helpdesk ticket this run is logged against (required for anything that contacts a host)' -r
complete -c hostops -n "__fish_hostops_using_subcommand man" -l inventory -d 'Inventory file of hosts (TOML)' -r -F
complete -c hostops -n "__fish_hostops_using_subcommand man" -l journal -d 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)' -r
complete -c hostops -n "__fish_hostops_using_subcommand man" -l connect-timeout -d 'Seconds to wait for an SSH connection (default: config, else 10)' -r
complete -c hostops -n "__fish_hostops_using_subcommand man" -l color -d 'When to use colour (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hostops -n "__fish_hostops_using_subcommand man" -l json -d 'Print one JSON document on stdout instead of tables'
complete -c hostops -n "__fish_hostops_using_subcommand man" -s n -l dry-run -d 'Show what would change and change nothing (read-only probes still run)'
complete -c hostops -n "__fish_hostops_using_subcommand man" -s y -l yes -d 'Answer yes to confirmations (required to change servers without a terminal)'
complete -c hostops -n "__fish_hostops_using_subcommand man" -l accept-new-host-key -d 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)'
complete -c hostops -n "__fish_hostops_using_subcommand man" -s v -l verbose -d 'More detail on stderr (-v, -vv, -vvv)'
complete -c hostops -n "__fish_hostops_using_subcommand man" -s q -l quiet -d 'Only errors on stderr'
complete -c hostops -n "__fish_hostops_using_subcommand man" -s h -l help -d 'Print help'
complete -c hostops -n "__fish_hostops_using_subcommand man" -s V -l version -d 'Print version'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "hosts" -d 'List inventory hosts, or connect and report their facts'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "exec" -d 'Run one command on many hosts in parallel'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "copy" -d 'Stream a file to, from or between hosts, checked with SHA-256'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "account" -d 'Find which server holds a domain, mailbox or database; show what an account has'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "password" -d 'Reset account, mailbox, FTP and database passwords, verified by a real login'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "blacklist" -d 'Blocklist (DNSBL) checks of addresses, domains and hosts; find who is sending spam'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "diagnose" -d 'Read-only diagnosis of hosts: verdicts per check, with the evidence'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "web" -d 'A domain\'s Apache answer explained: error log, .htaccess, permissions, PHP handler'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "dns" -d 'A domain\'s DNS records: show, change with a plan and a check, confirm, undo'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "mail" -d 'E-mail in depth: trace a message through the server\'s mail log'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "migrate" -d 'Move hosting accounts between servers with the same control panel'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "backup" -d 'Restore one account from the server\'s backups, with preview, snapshot and undo'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "playbook" -d 'Rebuild, repair and upgrade server software with playbooks (check mode, rollback)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "log" -d 'Read the journal: runs, ticket timelines, hand-over notes, tamper check'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "ticket" -d 'Tickets across operators and levels: timeline, escalation, hand-over note, list, close'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and not __fish_seen_subcommand_from hosts exec copy account password blacklist diagnose web dns mail migrate backup playbook log ticket completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from hosts" -f -a "list" -d 'List the hosts of the inventory and ~/.ssh/config (contacts nothing)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from hosts" -f -a "check" -d 'Connect and report OS, panel and version, CPUs, load, memory and disk'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "find" -d 'Find which server and account hold a domain, user, mailbox or database'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "show" -d 'Show what one account has: domains, mail, databases, usage, plan, status'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from password" -f -a "reset" -d 'Reset an account, mailbox, FTP or database user password, verified by a real login'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from blacklist" -f -a "check" -d 'Check addresses, blocks, domains or hosts against DNS blocklists (DNSBL/URIBL)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from blacklist" -f -a "investigate" -d 'Find who is sending from a mail server (queue, logs); changes nothing'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from diagnose" -f -a "hardware" -d 'Disks (SMART), software RAID, memory errors, BMC, sensors and kernel log: OK/WARN/FAIL per component, compared with the host\'s previous run (read-only)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from diagnose" -f -a "load" -d 'Why a server is loaded: verdicts per check and the likely cause (read-only)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from web" -f -a "check" -d 'Why a site answers 500/403/a redirect loop: the request through the server\'s own Apache, its error-log lines, the .htaccess files, permissions and PHP (read-only)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from web" -f -a "config" -d 'A domain\'s Apache configuration: show it, or change the domain\'s own lines'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from web" -f -a "htpasswd" -d 'Add or reset one user of a password file (.htpasswd) with bcrypt; the password is generated or read from stdin, never an argument'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from web" -f -a "undo" -d 'Put back what a `web config edit` run changed (checked, rebuilt and reloaded the same way)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from dns" -f -a "show" -d 'Show a domain\'s records, SOA serial, nameservers and whether this server is authoritative'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from dns" -f -a "check" -d 'Ask every nameserver of domains (RD=0): serials, differences, lame servers, mail records'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from dns" -f -a "add" -d 'Add a record to a domain\'s zone (plan, check, apply through the panel, confirm)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from dns" -f -a "set" -d 'Replace the records of one name and type with one record'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from dns" -f -a "rm" -d 'Remove one record (with VALUE) or all records of a name and type'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from dns" -f -a "apply" -d 'Change several records of a zone in one change, from a desired-state file'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from dns" -f -a "undo" -d 'Put back the records a dns add, set or rm run changed, through the same path'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "trace" -d 'Trace messages through the server\'s mail log: one verdict per message; changes nothing'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "queue" -d 'The exim or postfix queue in figures (size, ages, frozen or held, top senders and destinations), or remove messages from it'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "check" -d 'Check one mailbox and its domain\'s mail DNS: one verdict per check; changes nothing'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "hold" -d 'Hold an account\'s outgoing mail in the queue (cPanel\'s hold_outgoing_email; a change)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "release" -d 'Release an account\'s held outgoing mail (cPanel\'s release_outgoing_email; a change)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "plan" -d 'Preflight a migration without changing anything: panels, versions, clashes, disk, sizes'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "run" -d 'Carry out a migration: plan, confirm, then package, move, restore, verify, clean up'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "verify" -d 'Compare migrated accounts on both servers: files, databases, mail, DNS, cron, web pages'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "sync" -d 'Final delta sync of migrated accounts: files and mail (newer target files kept), databases'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "list" -d 'List restore points on a server: date, type, format, size and path'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "restore" -d 'Restore one account from a backup: preview, safety snapshot, restore, verify'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "undo" -d 'Put back the account a restore replaced, from that run\'s safety snapshot'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "list" -d 'List the playbooks on offer (bundled, and from --playbooks DIR)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "show" -d 'Print a playbook\'s YAML'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "lint" -d 'Check playbook files: YAML shape, unknown keys, templates, expressions, undefined variables'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "run" -d 'Run a playbook on hosts (with --check: run the probes, show the rest)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "list" -d 'List runs (of the ticket given with --ticket, if any): who ran what at which level, and the hosts, accounts and domains each touched'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "show" -d 'A ticket\'s timeline: who ran what, on which hosts, and the time spent per operator'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "export" -d 'A hand-over note for the helpdesk ticket (what was tried, results, time spent)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "verify" -d 'Check the journal\'s hash chain (exit 1 if a row was edited or deleted), and with --head that it still holds a head recorded earlier (exit 1 if rows were removed or rewritten)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "push" -d 'Send the runs journaled locally (while the shared journal was unreachable) to the shared journal; rows it already has are skipped, so pushing twice sends nothing twice'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "init-server" -d 'Create a shared journal in a PostgreSQL database: its schema, and the role hostops_operator that may only INSERT and SELECT (run once, as the database\'s owner)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "show" -d 'A ticket\'s timeline: one line per run in plain words, across operators and levels, and the time spent per level and per operator (-v: the remote commands underneath)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "escalate" -d 'Hand the ticket to a higher support level: records who escalated, from which level, and why (the note is the question the hand-over asks)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "handoff" -d 'The hand-over note to paste into the helpdesk: summary first (reported, checked, changed and how to undo it, what remains), then the evidence (-v: the remote commands too)'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "list" -d 'Tickets in the journal: level, open or closed, operators, last activity'
complete -c hostops -n "__fish_hostops_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "close" -d 'Close a ticket (a later run on it reopens it)'
