
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'hostops' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'hostops'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'hostops' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'List inventory hosts, or connect and report their facts')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run one command on many hosts in parallel')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Stream a file to, from or between hosts, checked with SHA-256')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Find which server holds a domain, mailbox or database; show what an account has')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Reset account, mailbox, FTP and database passwords, verified by a real login')
            [CompletionResult]::new('blacklist', 'blacklist', [CompletionResultType]::ParameterValue, 'Blocklist (DNSBL) checks of addresses, domains and hosts; find who is sending spam')
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'Read-only diagnosis of hosts: verdicts per check, with the evidence')
            [CompletionResult]::new('web', 'web', [CompletionResultType]::ParameterValue, 'A domain''s Apache answer explained: error log, .htaccess, permissions, PHP handler')
            [CompletionResult]::new('dns', 'dns', [CompletionResultType]::ParameterValue, 'A domain''s DNS records: show, change with a plan and a check, confirm, undo')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'E-mail in depth: trace a message through the server''s mail log')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move hosting accounts between servers with the same control panel')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Restore one account from the server''s backups, with preview, snapshot and undo')
            [CompletionResult]::new('playbook', 'playbook', [CompletionResultType]::ParameterValue, 'Rebuild, repair and upgrade server software with playbooks (check mode, rollback)')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Read the journal: runs, ticket timelines, hand-over notes, tamper check')
            [CompletionResult]::new('ticket', 'ticket', [CompletionResultType]::ParameterValue, 'Tickets across operators and levels: timeline, escalation, hand-over note, list, close')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;hosts' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the hosts of the inventory and ~/.ssh/config (contacts nothing)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Connect and report OS, panel and version, CPUs, load, memory and disk')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;hosts;list' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;hosts;check' {
            [CompletionResult]::new('--forks', '--forks', [CompletionResultType]::ParameterName, 'Hosts checked at the same time')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;hosts;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the hosts of the inventory and ~/.ssh/config (contacts nothing)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Connect and report OS, panel and version, CPUs, load, memory and disk')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;hosts;help;list' {
            break
        }
        'hostops;hosts;help;check' {
            break
        }
        'hostops;hosts;help;help' {
            break
        }
        'hostops;exec' {
            [CompletionResult]::new('--forks', '--forks', [CompletionResultType]::ParameterName, 'Hosts run at the same time')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Kill the command on a host after this many seconds')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Feed this file to the command''s stdin on every host (`-` for hostops'' own stdin, one host only)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;copy' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--relay', '--relay', [CompletionResultType]::ParameterName, 'Between two hosts, stream through hostops (for servers that cannot reach each other)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Copy a directory tree (owners, modes and symlinks kept; links never followed). The destination must not exist, or be a directory to create the tree in')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Copy a directory tree (owners, modes and symlinks kept; links never followed). The destination must not exist, or be a directory to create the tree in')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;account' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find which server and account hold a domain, user, mailbox or database')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show what one account has: domains, mail, databases, usage, plan, status')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;account;find' {
            [CompletionResult]::new('--forks', '--forks', [CompletionResultType]::ParameterName, 'Hosts asked at the same time')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;account;show' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;account;help' {
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find which server and account hold a domain, user, mailbox or database')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show what one account has: domains, mail, databases, usage, plan, status')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;account;help;find' {
            break
        }
        'hostops;account;help;show' {
            break
        }
        'hostops;account;help;help' {
            break
        }
        'hostops;password' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset an account, mailbox, FTP or database user password, verified by a real login')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;password;reset' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'An account (or one of its domains): its system user and panel login')
            [CompletionResult]::new('--mailbox', '--mailbox', [CompletionResultType]::ParameterName, 'A mailbox')
            [CompletionResult]::new('--ftp', '--ftp', [CompletionResultType]::ParameterName, 'An FTP login')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'A database (MySQL/MariaDB) user')
            [CompletionResult]::new('--length', '--length', [CompletionResultType]::ParameterName, 'Length of the generated password (12 to 128, default 24)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Write the new password to this new file (mode 0600) instead of showing it')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Generate the new password')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Read the new password from the first line of stdin')
            [CompletionResult]::new('--show-secret', '--show-secret', [CompletionResultType]::ParameterName, 'Put the new password in the --json output')
            [CompletionResult]::new('--kill-sessions', '--kill-sessions', [CompletionResultType]::ParameterName, 'End the target''s open mail sessions (doveadm kick)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;password;help' {
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset an account, mailbox, FTP or database user password, verified by a real login')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;password;help;reset' {
            break
        }
        'hostops;password;help;help' {
            break
        }
        'hostops;blacklist' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check addresses, blocks, domains or hosts against DNS blocklists (DNSBL/URIBL)')
            [CompletionResult]::new('investigate', 'investigate', [CompletionResultType]::ParameterValue, 'Find who is sending from a mail server (queue, logs); changes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;blacklist;check' {
            [CompletionResult]::new('--zones', '--zones', [CompletionResultType]::ParameterName, 'Use the zones of this TOML file instead of the built-in set (format in README.md)')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Check only this zone (repeatable)')
            [CompletionResult]::new('--nameserver', '--nameserver', [CompletionResultType]::ParameterName, 'Nameserver to query, IP[:PORT] (repeatable; default: the system''s resolvers)')
            [CompletionResult]::new('--dqs-key-file', '--dqs-key-file', [CompletionResultType]::ParameterName, 'File holding a Spamhaus DQS key: Spamhaus zones are then queried through DQS')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Milliseconds to wait for each answer')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Tries after the first one before a query counts as unknown')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole check may take; what is not answered by then is unknown (exit 3) and its zone is named as slow')
            [CompletionResult]::new('--in-flight', '--in-flight', [CompletionResultType]::ParameterName, 'Queries in flight at the same time')
            [CompletionResult]::new('--max-addresses', '--max-addresses', [CompletionResultType]::ParameterName, 'Largest number of addresses a CIDR block may expand to')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;blacklist;investigate' {
            [CompletionResult]::new('--lines', '--lines', [CompletionResultType]::ParameterName, 'Mail log lines to read, from the end')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;blacklist;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check addresses, blocks, domains or hosts against DNS blocklists (DNSBL/URIBL)')
            [CompletionResult]::new('investigate', 'investigate', [CompletionResultType]::ParameterValue, 'Find who is sending from a mail server (queue, logs); changes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;blacklist;help;check' {
            break
        }
        'hostops;blacklist;help;investigate' {
            break
        }
        'hostops;blacklist;help;help' {
            break
        }
        'hostops;diagnose' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('hardware', 'hardware', [CompletionResultType]::ParameterValue, 'Disks (SMART), software RAID, memory errors, BMC, sensors and kernel log: OK/WARN/FAIL per component, compared with the host''s previous run (read-only)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Why a server is loaded: verdicts per check and the likely cause (read-only)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;diagnose;hardware' {
            [CompletionResult]::new('--forks', '--forks', [CompletionResultType]::ParameterName, 'Hosts probed at the same time')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;diagnose;load' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'A past window from sysstat''s history and the logs instead of now: a local date or time (2026-11-01, "2026-11-01 10:00"), RFC 3339, 30m, 2h, 1d, today, yesterday')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the past window (default: now)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'A past moment (same forms as --since): the window of `log_minutes` (10) on each side of it, from sysstat''s history, atop''s log when there is one, and the logs')
            [CompletionResult]::new('--forks', '--forks', [CompletionResultType]::ParameterName, 'Hosts probed at the same time')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;diagnose;help' {
            [CompletionResult]::new('hardware', 'hardware', [CompletionResultType]::ParameterValue, 'Disks (SMART), software RAID, memory errors, BMC, sensors and kernel log: OK/WARN/FAIL per component, compared with the host''s previous run (read-only)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Why a server is loaded: verdicts per check and the likely cause (read-only)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;diagnose;help;hardware' {
            break
        }
        'hostops;diagnose;help;load' {
            break
        }
        'hostops;diagnose;help;help' {
            break
        }
        'hostops;web' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Why a site answers 500/403/a redirect loop: the request through the server''s own Apache, its error-log lines, the .htaccess files, permissions and PHP (read-only)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'A domain''s Apache configuration: show it, or change the domain''s own lines')
            [CompletionResult]::new('htpasswd', 'htpasswd', [CompletionResultType]::ParameterValue, 'Add or reset one user of a password file (.htpasswd) with bcrypt; the password is generated or read from stdin, never an argument')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back what a `web config edit` run changed (checked, rebuilt and reloaded the same way)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;web;check' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'The server (default: the one inventory host holding the domain)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The URL path (with a query string if needed)')
            [CompletionResult]::new('--max-redirects', '--max-redirects', [CompletionResultType]::ParameterName, 'Redirects followed on the same site')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--https', '--https', [CompletionResultType]::ParameterName, 'Request over HTTPS (port 443, SNI set)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;web;config' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Which vhost answers the name (apachectl -S), its document root, PHP handler, includes, and the file the panel keeps the domain''s own lines in (read-only)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change the domain''s own Apache lines in the panel''s place, checked with apachectl -t before and after, rebuilt, reloaded, requested; rolled back on any failure')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;web;config;show' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'The server (default: the one inventory host holding the domain)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--https', '--https', [CompletionResultType]::ParameterName, 'The port-443 file where the panel keeps one per port (cPanel ssl/, Plesk vhost_ssl.conf)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;web;config;edit' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'The server (default: the one inventory host holding the domain)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a directive: replaces the lines with the same directive (and the same words but the value), or adds it')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Remove the lines starting with these words')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The file''s whole new text')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--https', '--https', [CompletionResultType]::ParameterName, 'The port-443 file where the panel keeps one per port (cPanel ssl/, Plesk vhost_ssl.conf)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;web;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Which vhost answers the name (apachectl -S), its document root, PHP handler, includes, and the file the panel keeps the domain''s own lines in (read-only)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change the domain''s own Apache lines in the panel''s place, checked with apachectl -t before and after, rebuilt, reloaded, requested; rolled back on any failure')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;web;config;help;show' {
            break
        }
        'hostops;web;config;help;edit' {
            break
        }
        'hostops;web;config;help;help' {
            break
        }
        'hostops;web;htpasswd' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'The server (default: the one inventory host holding the domain)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user to add or reset')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Generate a password (20 characters), shown once')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;web;undo' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;web;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Why a site answers 500/403/a redirect loop: the request through the server''s own Apache, its error-log lines, the .htaccess files, permissions and PHP (read-only)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'A domain''s Apache configuration: show it, or change the domain''s own lines')
            [CompletionResult]::new('htpasswd', 'htpasswd', [CompletionResultType]::ParameterValue, 'Add or reset one user of a password file (.htpasswd) with bcrypt; the password is generated or read from stdin, never an argument')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back what a `web config edit` run changed (checked, rebuilt and reloaded the same way)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;web;help;check' {
            break
        }
        'hostops;web;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Which vhost answers the name (apachectl -S), its document root, PHP handler, includes, and the file the panel keeps the domain''s own lines in (read-only)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change the domain''s own Apache lines in the panel''s place, checked with apachectl -t before and after, rebuilt, reloaded, requested; rolled back on any failure')
            break
        }
        'hostops;web;help;config;show' {
            break
        }
        'hostops;web;help;config;edit' {
            break
        }
        'hostops;web;help;htpasswd' {
            break
        }
        'hostops;web;help;undo' {
            break
        }
        'hostops;web;help;help' {
            break
        }
        'hostops;dns' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a domain''s records, SOA serial, nameservers and whether this server is authoritative')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask every nameserver of domains (RD=0): serials, differences, lame servers, mail records')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a record to a domain''s zone (plan, check, apply through the panel, confirm)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Replace the records of one name and type with one record')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one record (with VALUE) or all records of a name and type')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Change several records of a zone in one change, from a desired-state file')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back the records a dns add, set or rm run changed, through the same path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;dns;show' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Server holding the zone')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;dns;check' {
            [CompletionResult]::new('--nameserver', '--nameserver', [CompletionResultType]::ParameterName, 'Resolver for NS, MX and SPF names (IP or IP:PORT)')
            [CompletionResult]::new('--in-flight', '--in-flight', [CompletionResultType]::ParameterName, 'Domains checked at the same time')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;dns;add' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL in seconds (default: the set''s current TTL, else 14400)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Server holding the zone (default: found with `account find`)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;dns;set' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL in seconds (default: the set''s current TTL, else 14400)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Server holding the zone (default: found with `account find`)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;dns;rm' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'TTL in seconds (default: the set''s current TTL, else 14400)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Server holding the zone (default: found with `account find`)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;dns;apply' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The desired records')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Server holding the zone (default: found with `account find`)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;dns;undo' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;dns;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a domain''s records, SOA serial, nameservers and whether this server is authoritative')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask every nameserver of domains (RD=0): serials, differences, lame servers, mail records')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a record to a domain''s zone (plan, check, apply through the panel, confirm)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Replace the records of one name and type with one record')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one record (with VALUE) or all records of a name and type')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Change several records of a zone in one change, from a desired-state file')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back the records a dns add, set or rm run changed, through the same path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;dns;help;show' {
            break
        }
        'hostops;dns;help;check' {
            break
        }
        'hostops;dns;help;add' {
            break
        }
        'hostops;dns;help;set' {
            break
        }
        'hostops;dns;help;rm' {
            break
        }
        'hostops;dns;help;apply' {
            break
        }
        'hostops;dns;help;undo' {
            break
        }
        'hostops;dns;help;help' {
            break
        }
        'hostops;mail' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'Trace messages through the server''s mail log: one verdict per message; changes nothing')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'The exim or postfix queue in figures (size, ages, frozen or held, top senders and destinations), or remove messages from it')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check one mailbox and its domain''s mail DNS: one verdict per check; changes nothing')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Hold an account''s outgoing mail in the queue (cPanel''s hold_outgoing_email; a change)')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release an account''s held outgoing mail (cPanel''s release_outgoing_email; a change)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;mail;trace' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Messages from this sender address')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Messages to this recipient address')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The message with this exim message ID or postfix queue ID')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Messages whose subject contains this text')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the window: a local date or time (2026-11-01, "2026-11-01 10:00"), RFC 3339, 30m, 2h, 1d, today, yesterday (default: the current log file only)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the window (default: now)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most messages shown (the latest)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;mail;queue' {
            [CompletionResult]::new('--sender', '--sender', [CompletionResultType]::ParameterName, 'Only this sender''s messages')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Only messages with a recipient in this domain')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'With --remove: these messages (exim message IDs or postfix queue IDs)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Remove messages from the queue (a change): those of --sender, --frozen or --id')
            [CompletionResult]::new('--frozen', '--frozen', [CompletionResultType]::ParameterName, 'With --remove: the frozen messages (postfix: those in its hold queue)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;mail;check' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Inventory host (default: the one `account find` finds holding the domain)')
            [CompletionResult]::new('--nameserver', '--nameserver', [CompletionResultType]::ParameterName, 'The resolver to ask for the domain''s records: IP or IP:PORT (default: the system''s)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;mail;hold' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The panel account (cPanel user)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;mail;release' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The panel account (cPanel user)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;mail;help' {
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'Trace messages through the server''s mail log: one verdict per message; changes nothing')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'The exim or postfix queue in figures (size, ages, frozen or held, top senders and destinations), or remove messages from it')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check one mailbox and its domain''s mail DNS: one verdict per check; changes nothing')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Hold an account''s outgoing mail in the queue (cPanel''s hold_outgoing_email; a change)')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release an account''s held outgoing mail (cPanel''s release_outgoing_email; a change)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;mail;help;trace' {
            break
        }
        'hostops;mail;help;queue' {
            break
        }
        'hostops;mail;help;check' {
            break
        }
        'hostops;mail;help;hold' {
            break
        }
        'hostops;mail;help;release' {
            break
        }
        'hostops;mail;help;help' {
            break
        }
        'hostops;migrate' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Preflight a migration without changing anything: panels, versions, clashes, disk, sizes')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Carry out a migration: plan, confirm, then package, move, restore, verify, clean up')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare migrated accounts on both servers: files, databases, mail, DNS, cron, web pages')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Final delta sync of migrated accounts: files and mail (newer target files kept), databases')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;migrate;plan' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Source server')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Target server')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Every account owned by this reseller')
            [CompletionResult]::new('--scheduled', '--scheduled', [CompletionResultType]::ParameterName, 'Reference of the accounts team''s schedule (required for more than 20 accounts)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every account on the source')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;migrate;run' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Source server')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Target server')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Every account owned by this reseller')
            [CompletionResult]::new('--scheduled', '--scheduled', [CompletionResultType]::ParameterName, 'Reference of the accounts team''s schedule (required for more than 20 accounts)')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue an interrupted run (its ID from `hostops log list`) without redoing finished steps')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Accounts migrated at the same time')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every account on the source')
            [CompletionResult]::new('--relay', '--relay', [CompletionResultType]::ParameterName, 'Stream archives through hostops instead of server to server')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop starting accounts after the first failure')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;migrate;verify' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Source server')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Target server')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--deep', '--deep', [CompletionResultType]::ParameterName, 'Also compare every file''s SHA-256 (reads all data on both servers)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;migrate;sync' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Source server')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Target server')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--relay', '--relay', [CompletionResultType]::ParameterName, 'Stream through hostops instead of server to server (full copy of files, not a delta)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;migrate;help' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Preflight a migration without changing anything: panels, versions, clashes, disk, sizes')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Carry out a migration: plan, confirm, then package, move, restore, verify, clean up')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare migrated accounts on both servers: files, databases, mail, DNS, cron, web pages')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Final delta sync of migrated accounts: files and mail (newer target files kept), databases')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;migrate;help;plan' {
            break
        }
        'hostops;migrate;help;run' {
            break
        }
        'hostops;migrate;help;verify' {
            break
        }
        'hostops;migrate;help;sync' {
            break
        }
        'hostops;migrate;help;help' {
            break
        }
        'hostops;backup' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List restore points on a server: date, type, format, size and path')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore one account from a backup: preview, safety snapshot, restore, verify')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back the account a restore replaced, from that run''s safety snapshot')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;backup;list' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only this account''s restore points')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;backup;restore' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to restore (or one of its domains)')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Restore point by date (see `backup list`)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Restore point by path on the server')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Restore only this part (repeatable): home, mail, db, db:NAME, path:REL')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--no-snapshot', '--no-snapshot', [CompletionResultType]::ParameterName, 'Skip the safety snapshot (faster; a failed restore cannot then be undone)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;backup;undo' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;backup;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List restore points on a server: date, type, format, size and path')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore one account from a backup: preview, safety snapshot, restore, verify')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back the account a restore replaced, from that run''s safety snapshot')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;backup;help;list' {
            break
        }
        'hostops;backup;help;restore' {
            break
        }
        'hostops;backup;help;undo' {
            break
        }
        'hostops;backup;help;help' {
            break
        }
        'hostops;playbook' {
            [CompletionResult]::new('--playbooks', '--playbooks', [CompletionResultType]::ParameterName, 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the playbooks on offer (bundled, and from --playbooks DIR)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a playbook''s YAML')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check playbook files: YAML shape, unknown keys, templates, expressions, undefined variables')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a playbook on hosts (with --check: run the probes, show the rest)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;playbook;list' {
            [CompletionResult]::new('--playbooks', '--playbooks', [CompletionResultType]::ParameterName, 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;playbook;show' {
            [CompletionResult]::new('--playbooks', '--playbooks', [CompletionResultType]::ParameterName, 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;playbook;lint' {
            [CompletionResult]::new('--playbooks', '--playbooks', [CompletionResultType]::ParameterName, 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;playbook;run' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Hosts or groups to run on')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Hosts or groups to run on')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Set a playbook variable (repeatable; required ones must be set; secret ones are masked)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'Set a playbook variable (repeatable; required ones must be set; secret ones are masked)')
            [CompletionResult]::new('--forks', '--forks', [CompletionResultType]::ParameterName, 'Hosts run at the same time')
            [CompletionResult]::new('--serial', '--serial', [CompletionResultType]::ParameterName, 'Run hosts in batches of N, checking --max-fail after each batch')
            [CompletionResult]::new('--max-fail', '--max-fail', [CompletionResultType]::ParameterName, 'With --serial: stop when more than PCT percent of a batch failed')
            [CompletionResult]::new('--playbooks', '--playbooks', [CompletionResultType]::ParameterName, 'Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Run read-only probes only and show what every other step would do (like --dry-run)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;playbook;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the playbooks on offer (bundled, and from --playbooks DIR)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a playbook''s YAML')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check playbook files: YAML shape, unknown keys, templates, expressions, undefined variables')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a playbook on hosts (with --check: run the probes, show the rest)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;playbook;help;list' {
            break
        }
        'hostops;playbook;help;show' {
            break
        }
        'hostops;playbook;help;lint' {
            break
        }
        'hostops;playbook;help;run' {
            break
        }
        'hostops;playbook;help;help' {
            break
        }
        'hostops;log' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs (of the ticket given with --ticket, if any): who ran what at which level, and the hosts, accounts and domains each touched')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A ticket''s timeline: who ran what, on which hosts, and the time spent per operator')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'A hand-over note for the helpdesk ticket (what was tried, results, time spent)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the journal''s hash chain (exit 1 if a row was edited or deleted), and with --head that it still holds a head recorded earlier (exit 1 if rows were removed or rewritten)')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Send the runs journaled locally (while the shared journal was unreachable) to the shared journal; rows it already has are skipped, so pushing twice sends nothing twice')
            [CompletionResult]::new('init-server', 'init-server', [CompletionResultType]::ParameterValue, 'Create a shared journal in a PostgreSQL database: its schema, and the role hostops_operator that may only INSERT and SELECT (run once, as the database''s owner)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;log;list' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only runs started on or after this time: a local date or time (2026-11-01, "2026-11-01 10:00"), RFC 3339 (2026-11-01T10:00:00Z), 30m, 2h, 1d, 1w, today, yesterday')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only runs that ran commands or copies on this host')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Only runs of this operator (`user` or `user@machine`)')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'Only runs that ended so')
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Only runs made at this support level (2 or L2)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;log;show' {
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;log;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;log;verify' {
            [CompletionResult]::new('--head', '--head', [CompletionResultType]::ParameterName, 'A head shown earlier by a run summary or a hand-over note (16 to 64 hex digits)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;log;push' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;log;init-server' {
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'An existing login role to make an operator (repeatable)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;log;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs (of the ticket given with --ticket, if any): who ran what at which level, and the hosts, accounts and domains each touched')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A ticket''s timeline: who ran what, on which hosts, and the time spent per operator')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'A hand-over note for the helpdesk ticket (what was tried, results, time spent)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the journal''s hash chain (exit 1 if a row was edited or deleted), and with --head that it still holds a head recorded earlier (exit 1 if rows were removed or rewritten)')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Send the runs journaled locally (while the shared journal was unreachable) to the shared journal; rows it already has are skipped, so pushing twice sends nothing twice')
            [CompletionResult]::new('init-server', 'init-server', [CompletionResultType]::ParameterValue, 'Create a shared journal in a PostgreSQL database: its schema, and the role hostops_operator that may only INSERT and SELECT (run once, as the database''s owner)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;log;help;list' {
            break
        }
        'hostops;log;help;show' {
            break
        }
        'hostops;log;help;export' {
            break
        }
        'hostops;log;help;verify' {
            break
        }
        'hostops;log;help;push' {
            break
        }
        'hostops;log;help;init-server' {
            break
        }
        'hostops;log;help;help' {
            break
        }
        'hostops;ticket' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A ticket''s timeline: one line per run in plain words, across operators and levels, and the time spent per level and per operator (-v: the remote commands underneath)')
            [CompletionResult]::new('escalate', 'escalate', [CompletionResultType]::ParameterValue, 'Hand the ticket to a higher support level: records who escalated, from which level, and why (the note is the question the hand-over asks)')
            [CompletionResult]::new('handoff', 'handoff', [CompletionResultType]::ParameterValue, 'The hand-over note to paste into the helpdesk: summary first (reported, checked, changed and how to undo it, what remains), then the evidence (-v: the remote commands too)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Tickets in the journal: level, open or closed, operators, last activity')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a ticket (a later run on it reopens it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;ticket;show' {
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;ticket;escalate' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The level to hand the ticket to (L4: the vendor, L5: management)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'Why, and what the next level is asked')
            [CompletionResult]::new('--reported', '--reported', [CompletionResultType]::ParameterName, 'What the customer reported, as the helpdesk has it')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;ticket;handoff' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;ticket;list' {
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Only tickets now at this level')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--mine', '--mine', [CompletionResultType]::ParameterName, 'Only tickets I ran something on')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only tickets not closed')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;ticket;close' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'How it ended')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;ticket;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A ticket''s timeline: one line per run in plain words, across operators and levels, and the time spent per level and per operator (-v: the remote commands underneath)')
            [CompletionResult]::new('escalate', 'escalate', [CompletionResultType]::ParameterValue, 'Hand the ticket to a higher support level: records who escalated, from which level, and why (the note is the question the hand-over asks)')
            [CompletionResult]::new('handoff', 'handoff', [CompletionResultType]::ParameterValue, 'The hand-over note to paste into the helpdesk: summary first (reported, checked, changed and how to undo it, what remains), then the evidence (-v: the remote commands too)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Tickets in the journal: level, open or closed, operators, last activity')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a ticket (a later run on it reopens it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;ticket;help;show' {
            break
        }
        'hostops;ticket;help;escalate' {
            break
        }
        'hostops;ticket;help;handoff' {
            break
        }
        'hostops;ticket;help;list' {
            break
        }
        'hostops;ticket;help;close' {
            break
        }
        'hostops;ticket;help;help' {
            break
        }
        'hostops;completions' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;man' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Helpdesk ticket this run is logged against (required for anything that contacts a host)')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Inventory file of hosts (TOML)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal: an SQLite file, or a postgres:// URL for a journal shared by the team (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for an SSH connection (default: config, else 10)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout instead of tables')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change and change nothing (read-only probes still run)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required to change servers without a terminal)')
            [CompletionResult]::new('--accept-new-host-key', '--accept-new-host-key', [CompletionResultType]::ParameterName, 'Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hostops;help' {
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'List inventory hosts, or connect and report their facts')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run one command on many hosts in parallel')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Stream a file to, from or between hosts, checked with SHA-256')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Find which server holds a domain, mailbox or database; show what an account has')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Reset account, mailbox, FTP and database passwords, verified by a real login')
            [CompletionResult]::new('blacklist', 'blacklist', [CompletionResultType]::ParameterValue, 'Blocklist (DNSBL) checks of addresses, domains and hosts; find who is sending spam')
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'Read-only diagnosis of hosts: verdicts per check, with the evidence')
            [CompletionResult]::new('web', 'web', [CompletionResultType]::ParameterValue, 'A domain''s Apache answer explained: error log, .htaccess, permissions, PHP handler')
            [CompletionResult]::new('dns', 'dns', [CompletionResultType]::ParameterValue, 'A domain''s DNS records: show, change with a plan and a check, confirm, undo')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'E-mail in depth: trace a message through the server''s mail log')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move hosting accounts between servers with the same control panel')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Restore one account from the server''s backups, with preview, snapshot and undo')
            [CompletionResult]::new('playbook', 'playbook', [CompletionResultType]::ParameterValue, 'Rebuild, repair and upgrade server software with playbooks (check mode, rollback)')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Read the journal: runs, ticket timelines, hand-over notes, tamper check')
            [CompletionResult]::new('ticket', 'ticket', [CompletionResultType]::ParameterValue, 'Tickets across operators and levels: timeline, escalation, hand-over note, list, close')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hostops;help;hosts' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the hosts of the inventory and ~/.ssh/config (contacts nothing)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Connect and report OS, panel and version, CPUs, load, memory and disk')
            break
        }
        'hostops;help;hosts;list' {
            break
        }
        'hostops;help;hosts;check' {
            break
        }
        'hostops;help;exec' {
            break
        }
        'hostops;help;copy' {
            break
        }
        'hostops;help;account' {
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find which server and account hold a domain, user, mailbox or database')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show what one account has: domains, mail, databases, usage, plan, status')
            break
        }
        'hostops;help;account;find' {
            break
        }
        'hostops;help;account;show' {
            break
        }
        'hostops;help;password' {
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset an account, mailbox, FTP or database user password, verified by a real login')
            break
        }
        'hostops;help;password;reset' {
            break
        }
        'hostops;help;blacklist' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check addresses, blocks, domains or hosts against DNS blocklists (DNSBL/URIBL)')
            [CompletionResult]::new('investigate', 'investigate', [CompletionResultType]::ParameterValue, 'Find who is sending from a mail server (queue, logs); changes nothing')
            break
        }
        'hostops;help;blacklist;check' {
            break
        }
        'hostops;help;blacklist;investigate' {
            break
        }
        'hostops;help;diagnose' {
            [CompletionResult]::new('hardware', 'hardware', [CompletionResultType]::ParameterValue, 'Disks (SMART), software RAID, memory errors, BMC, sensors and kernel log: OK/WARN/FAIL per component, compared with the host''s previous run (read-only)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Why a server is loaded: verdicts per check and the likely cause (read-only)')
            break
        }
        'hostops;help;diagnose;hardware' {
            break
        }
        'hostops;help;diagnose;load' {
            break
        }
        'hostops;help;web' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Why a site answers 500/403/a redirect loop: the request through the server''s own Apache, its error-log lines, the .htaccess files, permissions and PHP (read-only)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'A domain''s Apache configuration: show it, or change the domain''s own lines')
            [CompletionResult]::new('htpasswd', 'htpasswd', [CompletionResultType]::ParameterValue, 'Add or reset one user of a password file (.htpasswd) with bcrypt; the password is generated or read from stdin, never an argument')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back what a `web config edit` run changed (checked, rebuilt and reloaded the same way)')
            break
        }
        'hostops;help;web;check' {
            break
        }
        'hostops;help;web;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Which vhost answers the name (apachectl -S), its document root, PHP handler, includes, and the file the panel keeps the domain''s own lines in (read-only)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change the domain''s own Apache lines in the panel''s place, checked with apachectl -t before and after, rebuilt, reloaded, requested; rolled back on any failure')
            break
        }
        'hostops;help;web;config;show' {
            break
        }
        'hostops;help;web;config;edit' {
            break
        }
        'hostops;help;web;htpasswd' {
            break
        }
        'hostops;help;web;undo' {
            break
        }
        'hostops;help;dns' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a domain''s records, SOA serial, nameservers and whether this server is authoritative')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask every nameserver of domains (RD=0): serials, differences, lame servers, mail records')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a record to a domain''s zone (plan, check, apply through the panel, confirm)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Replace the records of one name and type with one record')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove one record (with VALUE) or all records of a name and type')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Change several records of a zone in one change, from a desired-state file')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back the records a dns add, set or rm run changed, through the same path')
            break
        }
        'hostops;help;dns;show' {
            break
        }
        'hostops;help;dns;check' {
            break
        }
        'hostops;help;dns;add' {
            break
        }
        'hostops;help;dns;set' {
            break
        }
        'hostops;help;dns;rm' {
            break
        }
        'hostops;help;dns;apply' {
            break
        }
        'hostops;help;dns;undo' {
            break
        }
        'hostops;help;mail' {
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'Trace messages through the server''s mail log: one verdict per message; changes nothing')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'The exim or postfix queue in figures (size, ages, frozen or held, top senders and destinations), or remove messages from it')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check one mailbox and its domain''s mail DNS: one verdict per check; changes nothing')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Hold an account''s outgoing mail in the queue (cPanel''s hold_outgoing_email; a change)')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release an account''s held outgoing mail (cPanel''s release_outgoing_email; a change)')
            break
        }
        'hostops;help;mail;trace' {
            break
        }
        'hostops;help;mail;queue' {
            break
        }
        'hostops;help;mail;check' {
            break
        }
        'hostops;help;mail;hold' {
            break
        }
        'hostops;help;mail;release' {
            break
        }
        'hostops;help;migrate' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Preflight a migration without changing anything: panels, versions, clashes, disk, sizes')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Carry out a migration: plan, confirm, then package, move, restore, verify, clean up')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare migrated accounts on both servers: files, databases, mail, DNS, cron, web pages')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Final delta sync of migrated accounts: files and mail (newer target files kept), databases')
            break
        }
        'hostops;help;migrate;plan' {
            break
        }
        'hostops;help;migrate;run' {
            break
        }
        'hostops;help;migrate;verify' {
            break
        }
        'hostops;help;migrate;sync' {
            break
        }
        'hostops;help;backup' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List restore points on a server: date, type, format, size and path')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore one account from a backup: preview, safety snapshot, restore, verify')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back the account a restore replaced, from that run''s safety snapshot')
            break
        }
        'hostops;help;backup;list' {
            break
        }
        'hostops;help;backup;restore' {
            break
        }
        'hostops;help;backup;undo' {
            break
        }
        'hostops;help;playbook' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the playbooks on offer (bundled, and from --playbooks DIR)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a playbook''s YAML')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check playbook files: YAML shape, unknown keys, templates, expressions, undefined variables')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a playbook on hosts (with --check: run the probes, show the rest)')
            break
        }
        'hostops;help;playbook;list' {
            break
        }
        'hostops;help;playbook;show' {
            break
        }
        'hostops;help;playbook;lint' {
            break
        }
        'hostops;help;playbook;run' {
            break
        }
        'hostops;help;log' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs (of the ticket given with --ticket, if any): who ran what at which level, and the hosts, accounts and domains each touched')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A ticket''s timeline: who ran what, on which hosts, and the time spent per operator')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'A hand-over note for the helpdesk ticket (what was tried, results, time spent)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the journal''s hash chain (exit 1 if a row was edited or deleted), and with --head that it still holds a head recorded earlier (exit 1 if rows were removed or rewritten)')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Send the runs journaled locally (while the shared journal was unreachable) to the shared journal; rows it already has are skipped, so pushing twice sends nothing twice')
            [CompletionResult]::new('init-server', 'init-server', [CompletionResultType]::ParameterValue, 'Create a shared journal in a PostgreSQL database: its schema, and the role hostops_operator that may only INSERT and SELECT (run once, as the database''s owner)')
            break
        }
        'hostops;help;log;list' {
            break
        }
        'hostops;help;log;show' {
            break
        }
        'hostops;help;log;export' {
            break
        }
        'hostops;help;log;verify' {
            break
        }
        'hostops;help;log;push' {
            break
        }
        'hostops;help;log;init-server' {
            break
        }
        'hostops;help;ticket' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A ticket''s timeline: one line per run in plain words, across operators and levels, and the time spent per level and per operator (-v: the remote commands underneath)')
            [CompletionResult]::new('escalate', 'escalate', [CompletionResultType]::ParameterValue, 'Hand the ticket to a higher support level: records who escalated, from which level, and why (the note is the question the hand-over asks)')
            [CompletionResult]::new('handoff', 'handoff', [CompletionResultType]::ParameterValue, 'The hand-over note to paste into the helpdesk: summary first (reported, checked, changed and how to undo it, what remains), then the evidence (-v: the remote commands too)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Tickets in the journal: level, open or closed, operators, last activity')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a ticket (a later run on it reopens it)')
            break
        }
        'hostops;help;ticket;show' {
            break
        }
        'hostops;help;ticket;escalate' {
            break
        }
        'hostops;help;ticket;handoff' {
            break
        }
        'hostops;help;ticket;list' {
            break
        }
        'hostops;help;ticket;close' {
            break
        }
        'hostops;help;completions' {
            break
        }
        'hostops;help;man' {
            break
        }
        'hostops;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
