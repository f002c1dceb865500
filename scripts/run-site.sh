#!/usr/bin/env bash
# Serve the site for `make run`: web server, background worker and scheduler together.
# Ctrl-C stops all three.
set -euo pipefail
BIN=${BIN:-.venv/bin}
PORT=${PORT:-8000}

pids=()
stop_all() {
    trap - INT TERM EXIT
    kill "${pids[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

"$BIN/python" manage.py db_worker --backend background --queue-name '*' --interval 2 &
pids+=($!)
"$BIN/python" manage.py run_scheduler &
pids+=($!)
"$BIN/python" manage.py runserver "127.0.0.1:$PORT" --noreload &
pids+=($!)

sleep 2
echo
echo "  The KCP site is running at http://127.0.0.1:$PORT/  (editing area: /admin/)"
echo
"$BIN/python" manage.py demo_logins | sed 's/^/  /'
echo
echo "  Press Ctrl-C to stop the web server, worker and scheduler."
echo
wait -n "${pids[@]}"
