# Sourced by the bench scripts: sets TIME to GNU time (wall, user and system CPU, peak RSS),
# or stops the script with a one-line error when it is missing.
TIME=/usr/bin/time
if [[ ! -x "$TIME" ]]; then
  echo "$0: needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi
