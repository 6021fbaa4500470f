"""The example command lines that end each command's `--help`."""

EXAMPLES = {
    "init": "example:\n  digest init my-digest --templates\n  cd my-digest && digest build",
    "build": "example:\n  digest build --config config.toml\n  digest build --dry-run --since 2026-11-01\n"
             "  digest build --brief daily --wait 300\n  digest build --cluster tcp://10.0.0.5:8786",
    "collect": "example:\n  digest collect --config config.toml --wait 600\n"
               "  crontab: 0 * * * * cd ~/ai-digest && digest collect",
    "status": "example:\n  digest status --config config.toml",
    "add": "example:\n  digest add https://example.com/news/2026/ai-chips.html\n"
           "  digest add ~/Downloads/saved-page.html",
    "preview": "example:\n  digest preview --no-browser --port 8765\n  digest preview --watch",
    "schedule": "example:\n  digest schedule --config config.toml",
    "send": "example:\n  DIGEST_SMTP_USER=me DIGEST_SMTP_PASSWORD=secret digest send",
    "install-model": "example:\n  digest install-model ~/Downloads/translate-zh_en-1_9.argosmodel",
    "summarize": "example:\n  digest summarize seeds/000_6ab68325297169c1.txt --chars 120\n"
                 "  cat article.txt | digest summarize - --sentences 1",
}
