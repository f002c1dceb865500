#!/usr/bin/env bash
# Serve the site for `make run`: web server, background worker and scheduler together.
# Each runs under its own supervisor: one that dies is started again (the console says so)
# while the others carry on, so a dead worker never takes the web server down.
# Ctrl-C stops all three. Each process's id is kept in $KCP_VAR_DIR/run/<name>.pid.
set -uo pipefail
BIN=${BIN:-.venv/bin}
PORT=${PORT:-8000}
# Links built outside a request (emails, letters, sitemap) start with this address.
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}
RUN_DIR=${KCP_VAR_DIR:-var}/run
RESTART_DELAY=${KCP_RESTART_DELAY_SECONDS:-1}
mkdir -p "$RUN_DIR"

# Run a command for ever: when it stops, say so and start it again.
supervise() {
    local name=$1 label=$2
    shift 2
    local child=""
    trap '[ -n "$child" ] && kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; rm -f "$RUN_DIR/$name.pid"; exit 0' TERM INT
    while true; do
        "$@" &
        child=$!
        echo "$child" >"$RUN_DIR/$name.pid"
        wait "$child"
        status=$?
        echo "  KCP: the $label stopped (exit status $status); starting it again in ${RESTART_DELAY}s. The rest of the site keeps running." >&2
        sleep "$RESTART_DELAY"
    done
}

supervisors=()
stop_all() {
    trap - INT TERM EXIT
    kill -TERM "${supervisors[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

supervise worker worker "$BIN/python" manage.py db_worker --backend background --queue-name '*' --interval 2 &
supervisors+=($!)
supervise scheduler scheduler "$BIN/python" manage.py run_scheduler &
supervisors+=($!)
supervise web "web server" "$BIN/python" manage.py runserver "127.0.0.1:$PORT" --noreload &
supervisors+=($!)

sleep 2
echo
echo "  The KCP site is running at http://127.0.0.1:$PORT/  (editing area: /admin/)"
echo
"$BIN/python" manage.py demo_logins | sed 's/^/  /'
echo
echo "  Press Ctrl-C to stop the web server, worker and scheduler."
echo
wait
