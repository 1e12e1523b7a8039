#!/usr/bin/env bash
# Updates and compiles the translation catalogues of each app (or of the apps given).
# Each app keeps its own <app>/locale/{nl,en}/LC_MESSAGES/django.po, covering its Python code and
# its folder under templates/ (network also covers the shared templates).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
APPS=("$@")
[ ${#APPS[@]} -eq 0 ] && APPS=(network taxonomy municipalities knowledge events forum voices matchcentrum internships news commitments)
DOMAIN_APPS="taxonomy municipalities knowledge events forum voices matchcentrum internships news commitments"
link=""
trap 'if [ -n "$link" ]; then rm -rf "$link"; fi' EXIT
for app in "${APPS[@]}"; do
    mkdir -p "$app/locale"
    link="$app/_templates"
    rm -rf "$link"
    if [ "$app" = network ]; then
        mkdir -p "$link"
        for entry in templates/*; do
            name="$(basename "$entry")"
            case " $DOMAIN_APPS " in *" $name "*) continue ;; esac
            ln -s "../../$entry" "$link/$name"
        done
    elif [ -d "templates/$app" ]; then
        ln -s "../templates/$app" "$link"
    fi
    (cd "$app" && DJANGO_SETTINGS_MODULE=network.settings.messages PYTHONPATH=.. "../$PY" -P -m django makemessages \
        -l nl -l en --symlinks --no-obsolete --no-location -i "locale/*" -v0)
    rm -rf "$link"
    (cd "$app" && DJANGO_SETTINGS_MODULE=network.settings.test PYTHONPATH=.. "../$PY" -P -m django compilemessages -v0)
done
