#!/bin/sh
# run_llm.sh - the LLM client end to end: `BIN llm` against fake_llm, a
# scripted OpenAI-compatible server (scripts in tests/llm/*.json). Checks
# answers and token counts, retries (429 with Retry-After, 5xx, closed
# connections, truncated bodies), a stalled server under a short timeout,
# and the one-line error of every failure class. The API key must reach the
# server (its log says auth:true) and appear in nothing the run wrote.
#
# Usage: tests/run_llm.sh BIN    (BIN: build/asan/mutsmith; builds nothing,
# expects fake_llm next to it in build/tests/; `make llm-test` builds both)
set -eu

BIN=${1:?usage: run_llm.sh BIN}
FAKE=$(dirname "$(dirname "$BIN")")/tests/fake_llm
SCRIPTS=$(dirname "$0")/llm
KEY=sk-test-SECRET-1234
[ -x "$BIN" ] || { echo "llm-test: FAIL: $BIN is missing (make $BIN)" >&2; exit 1; }
[ -x "$FAKE" ] || { echo "llm-test: FAIL: $FAKE is missing (make $FAKE)" >&2; exit 1; }

# nothing from the caller's environment may steer the client
unset MUTSMITH_LLM_URL MUTSMITH_LLM_MODEL MUTSMITH_LLM_KEY OPENAI_API_KEY \
    MUTSMITH_LLM_TIMEOUT MUTSMITH_LLM_RETRIES

T=$(mktemp -d "${TMPDIR:-/tmp}/mutsmith-llm.XXXXXX")
SERVER=""
URL=""
CASE=""
checks=0

stop_server() {
    if [ -n "$SERVER" ]; then
        kill "$SERVER" 2>/dev/null || true
        wait "$SERVER" 2>/dev/null || true
        SERVER=""
    fi
}
trap 'stop_server; rm -rf "$T"' EXIT
trap 'exit 130' INT TERM

fail() {
    echo "llm-test: FAIL [$CASE]: $*" >&2
    for f in "$T/$CASE.out" "$T/$CASE.err"; do
        [ -s "$f" ] && sed "s|^|    $(basename "$f"): |" "$f" >&2
    done
    exit 1
}

# start SCRIPT [fake_llm options...]: a fresh server; sets URL and LOG
start() {
    stop_server
    LOG=$T/$1.log
    rm -f "$T/port"
    script=$SCRIPTS/$1.json
    shift
    "$FAKE" --script "$script" --port-file "$T/port" --log "$LOG" "$@" &
    SERVER=$!
    i=0
    while [ ! -s "$T/port" ]; do
        i=$((i + 1))
        [ $i -le 100 ] || fail "fake_llm did not start"
        kill -0 "$SERVER" 2>/dev/null || fail "fake_llm exited at start"
        sleep 0.05
    done
    URL=http://127.0.0.1:$(cat "$T/port")/v1
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# llm NAME [VAR=VALUE...] -- [ARGS...]: run `BIN llm ARGS` (prompt "hello"
# when ARGS is empty) with the key and the server's URL plus the given
# variables; sets RC and MS (elapsed milliseconds); output in $T/NAME.{out,err}
llm() {
    CASE=$1
    shift
    vars=""
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        vars="$vars $1"
        shift
    done
    [ $# -gt 0 ] && shift
    [ $# -gt 0 ] || set -- hello
    t0=$(now_ms)
    set +e
    # shellcheck disable=SC2086 # vars are VAR=VALUE words without spaces
    env MUTSMITH_LLM_URL="$URL" MUTSMITH_LLM_KEY="$KEY" MUTSMITH_LLM_MODEL=fake-model \
        MUTSMITH_LLM_TIMEOUT=20 $vars "$BIN" llm "$@" >"$T/$CASE.out" 2>"$T/$CASE.err"
    RC=$?
    set -e
    MS=$(($(now_ms) - t0))
}

expect_ok() { # expect_ok STDOUT STDERR-LINE
    checks=$((checks + 1))
    [ "$RC" -eq 0 ] || fail "exit $RC, expected 0"
    [ "$(cat "$T/$CASE.out")" = "$1" ] || fail "stdout is not \"$1\""
    grep -qxF "$2" "$T/$CASE.err" || fail "stderr lacks \"$2\""
}

expect_error() { # expect_error TEXT...: exit 1, one error line containing every TEXT
    checks=$((checks + 1))
    [ "$RC" -eq 1 ] || fail "exit $RC, expected 1"
    [ ! -s "$T/$CASE.out" ] || fail "stdout not empty on error"
    [ "$(grep -c '^mutsmith llm: ' "$T/$CASE.err")" -eq 1 ] || fail "expected one error line"
    line=$(grep '^mutsmith llm: ' "$T/$CASE.err")
    for want in "$@"; do
        case "$line" in
        *"$want"*) ;;
        *) fail "error line lacks \"$want\"" ;;
        esac
    done
}

expect_time() { # expect_time MIN_MS MAX_MS
    [ "$MS" -ge "$1" ] || fail "took $MS ms, expected at least $1"
    [ "$MS" -le "$2" ] || fail "took $MS ms, expected at most $2"
}

in_log() { # in_log TEXT: the server's log of the current script contains TEXT
    grep -qF "$1" "$LOG" || fail "server log lacks $1"
}

# ---- answers and token counts
start answer
llm answer -- --system "You write C." --max-tokens 50 "write a program"
expect_ok '```c
int main(void) { return 0; }
```' "llm: 11 prompt + 22 completion tokens, 1 attempt(s)"
in_log '"auth":true'
in_log '"model":"fake-model","messages":[{"role":"system","content":"You write C."},{"role":"user","content":"write a program"}],"max_tokens":50,"stream":false'
llm answer_no_usage
expect_ok "no usage figures" "llm: ? prompt + ? completion tokens, 1 attempt(s)"
echo "a prompt from stdin" >"$T/prompt"
llm answer_stdin -- - <"$T/prompt"
expect_ok "stdin prompt seen" "llm: 5 prompt + 5 completion tokens, 1 attempt(s)"
# a large body: no "Expect: 100-continue" pause (the client turns it off)
{ printf 'BIGPROMPT '; head -c 300000 /dev/zero | tr '\0' x; } >"$T/prompt"
llm answer_big -- - <"$T/prompt"
expect_ok "big prompt seen" "llm: 75000 prompt + 4 completion tokens, 1 attempt(s)"
in_log '"expect":false,"body_len":3000'

# ---- 429 with Retry-After, then success
start rate_limit
llm rate_limit_1
expect_ok "after one 429" "llm: 2 prompt + 4 completion tokens, 2 attempt(s)"
grep -qxF "llm: HTTP 429, retrying in 1 s (attempt 2 of 6)" "$T/$CASE.err" || fail "no retry notice"
expect_time 1000 10000
llm rate_limit_2
expect_ok "after a 2 s Retry-After" "llm: 2 prompt + 6 completion tokens, 2 attempt(s)"
grep -qxF "llm: HTTP 429, retrying in 2 s (attempt 2 of 6)" "$T/$CASE.err" ||
    fail "Retry-After 2 not honoured"
expect_time 2000 10000

# ---- 5xx and a closed connection, then success; 5xx until retries run out
start server_error
llm server_error
expect_ok "after a 500" "llm: 2 prompt + 3 completion tokens, 2 attempt(s)"
grep -qxF "llm: HTTP 500, retrying in 1 s (attempt 2 of 6)" "$T/$CASE.err" || fail "no retry notice"
llm closed_connection
expect_ok "after a closed connection" "llm: 2 prompt + 7 completion tokens, 2 attempt(s)"
grep -qF "llm: connection closed, retrying in 1 s" "$T/$CASE.err" || fail "no retry notice"
llm server_error_exhausted MUTSMITH_LLM_RETRIES=2
expect_error "server error (HTTP 500)" "after 3 attempts" 'server: "The server had an error'
grep -qF "llm: HTTP 502, retrying in 2 s (attempt 3 of 3)" "$T/$CASE.err" ||
    fail "backoff did not double"

# ---- a server that accepts and never answers: timeout after the retries
start stall
llm stall MUTSMITH_LLM_TIMEOUT=2 MUTSMITH_LLM_RETRIES=1
expect_error "timed out waiting for $URL/chat/completions" "after 2 attempts" \
    "raise MUTSMITH_LLM_TIMEOUT"
expect_time 4000 15000
grep -qF "llm: timed out, retrying in 1 s (attempt 2 of 2)" "$T/$CASE.err" || fail "no retry notice"
# an answer that begins and stops: a stall, detected at half the timeout
llm stall_body MUTSMITH_LLM_TIMEOUT=6 MUTSMITH_LLM_RETRIES=0
expect_error "timed out: $URL/chat/completions stopped sending its answer for 3 s"
expect_time 3000 5900

# ---- broken answers
start malformed
llm malformed MUTSMITH_LLM_RETRIES=0
expect_error "malformed JSON" "answer from $URL/chat/completions"

start truncated
llm truncated MUTSMITH_LLM_RETRIES=0
expect_error "truncated body" "bytes remaining"
llm truncated_retried
expect_ok "whole at last" "llm: 2 prompt + 4 completion tokens, 2 attempt(s)"

start no_choices
llm no_choices
expect_error 'no choices in the response ("choices" is empty)'
llm error_object
expect_error "the server reported an error: the model is overloaded, try again later"

# ---- refused keys: scripted 401 (echoing the key, as OpenAI does) and 403
start auth
llm auth_401
expect_error "the server refused the API key (HTTP 401): set MUTSMITH_LLM_KEY or OPENAI_API_KEY" \
    'server: "Incorrect API key provided: ***"'
llm auth_401_long
expect_error "the server refused the API key (HTTP 401)" "A message long enough"
llm auth_403
expect_error "the server refused the API key (HTTP 403): set MUTSMITH_LLM_KEY or OPENAI_API_KEY"

# ---- a server that checks the key itself
start auth_required --key "$KEY"
llm auth_wrong_key MUTSMITH_LLM_KEY=sk-wrong
expect_error "the server refused the API key (HTTP 401)"
llm auth_no_key MUTSMITH_LLM_KEY=
expect_error "without an API key (HTTP 401): set MUTSMITH_LLM_KEY or OPENAI_API_KEY"
in_log '"auth":false'
llm auth_openai_key MUTSMITH_LLM_KEY= OPENAI_API_KEY=$KEY
expect_ok "authorised" "llm: 2 prompt + 3 completion tokens, 1 attempt(s)"

# ---- wrong URL or model
start not_found
llm not_found
expect_error "not found (HTTP 404)" "check MUTSMITH_LLM_URL (should end in /v1) and MUTSMITH_LLM_MODEL" \
    "The model does not exist"
base=${URL%/v1}
llm not_found_no_v1 -- --url "$base" hello
expect_error "$base/chat/completions not found (HTTP 404)" "should end in /v1"

# ---- unreachable host: a port that was just closed
start empty
closed=$URL
stop_server
URL=$closed
llm unreachable
expect_error "host unreachable" "$closed/chat/completions" "is the server running?"
expect_time 0 10000

# ---- usage errors
llm usage_no_prompt -- --model m
[ "$RC" -eq 2 ] || fail "exit $RC without a prompt, expected 2"
llm usage_bad_timeout -- --timeout 0 hello
[ "$RC" -eq 2 ] || fail "exit $RC for --timeout 0, expected 2"
grep -qF -- "--timeout wants seconds" "$T/$CASE.err" || fail "no reason given"

# ---- the key reached the server and went nowhere else
CASE=key_leak
grep -l '"auth":true' "$T"/*.log >/dev/null || fail "no request carried an Authorization header"
if grep -rlF "SECRET" "$T"; then
    fail "the API key appears in the files above"
fi
checks=$((checks + 1))

echo "llm-test: ok ($checks checks)"
